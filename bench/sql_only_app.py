"""The WSGI app of sql_ceiling.py: for each address, the SQL statements the site's page at that
address runs (STATEMENTS_FILE), run again on PostgreSQL (DATABASE_URL) and their rows fetched."""

import os
import pickle
import threading

import psycopg

with open(os.environ["STATEMENTS_FILE"], "rb") as statements_file:
    STATEMENTS = pickle.load(statements_file)
connections = threading.local()


def connection():
    """One per thread, kept, with statements prepared on their fifth run: as the site's settings."""
    if not hasattr(connections, "current"):
        connections.current = psycopg.connect(
            os.environ["DATABASE_URL"], autocommit=True, prepare_threshold=5
        )
    return connections.current


def application(environ, start_response):
    query = environ.get("QUERY_STRING")
    address = environ["PATH_INFO"] + (f"?{query}" if query else "")
    if address not in STATEMENTS:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]
    rows = 0
    with connection().cursor() as cursor:
        for sql, params in STATEMENTS[address]:
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    body = str(rows).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
