"""The search backend of the database in use."""

from django.db import connection as default_connection

from .postgres import PostgreSQLBackend
from .sqlite import SQLiteBackend

BACKENDS = {"postgresql": PostgreSQLBackend(), "sqlite": SQLiteBackend()}


def backend(connection=default_connection):
    return BACKENDS[connection.vendor]


def connection_created(sender, connection, **kwargs):
    """connection_created receiver (apps.py): each backend prepares its connections."""
    backend(connection).connection_created(connection)
