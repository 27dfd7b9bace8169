"""What several test modules share: reading pages, signing in, building archives, posting forms."""
