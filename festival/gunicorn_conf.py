"""gunicorn's settings for `make serve` and docker-compose (`gunicorn -c python:festival.gunicorn_conf`).
Each can be overridden from the environment: BIND, WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT."""

import multiprocessing
import os

wsgi_app = "festival.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Pages spend most of their time in Python: a worker process per core and one more for the waits on
# the database, each with a few threads for those waits.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Workers are recycled now and then, so that memory held by one large page is given back.
max_requests = 5000
max_requests_jitter = 500
# The app logs one JSON line per request (articles/middleware.py): gunicorn's own access log would repeat it.
accesslog = None
errorlog = "-"
# Behind a proxy, which addresses may set X-Forwarded-Proto (see PROXY_COUNT in the settings).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
