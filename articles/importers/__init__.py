"""Bringing coverage into the archive from files: the archive's own JSON format (coverage/)."""
