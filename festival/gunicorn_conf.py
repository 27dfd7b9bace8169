"""gunicorn's settings for `make serve` and docker-compose (`gunicorn -c python:festival.gunicorn_conf`).
Each can be overridden from the environment: BIND, WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT."""

import multiprocessing
import os
import socket
import sys

wsgi_app = "festival.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Pages spend most of their time in Python: a worker process per core and one more for the waits on
# the database, each with a few threads for those waits.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A listening socket per worker (SO_REUSEPORT), among which the kernel shares out new connections:
# on one shared socket, a client's keep-alive connections (a proxy's pool, a load test's) piled up
# on whichever worker accepted them first, and that worker's one core capped the server at half its
# rate in about one run of three. Workers are then not recycled (max_requests): one leaving would
# drop the connections waiting on its socket. Their memory levels off at about 150 MB each under
# load (bench/README.md).
reuse_port = True
max_requests = 0
# The app logs one JSON line per request (articles/http/middleware.py): gunicorn's own access log
# would repeat it.
accesslog = None
errorlog = "-"
# Behind a proxy, which addresses may set X-Forwarded-Proto (see PROXY_COUNT in the settings).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """A second server on a port already served would share it (reuse_port) instead of failing, and
    old and new code would answer in turn: refuse to start."""
    if bind.startswith(("unix:", "fd://")):
        return
    host, _, port = bind.rpartition(":")
    host = {"0.0.0.0": "127.0.0.1", "[::]": "::1"}.get(host, host.strip("[]"))
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return
    sys.exit(f"Something already answers on {bind}: stop it first, or set BIND to another address.")


def when_ready(server):
    # gunicorn's own line names no address when each worker opens its own socket.
    server.log.info("Serving on http://%s (a socket per worker)", bind)
