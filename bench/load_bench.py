"""Load on the production server: gunicorn as `make serve` runs it, on the 1,000,000-quote archive
(build it first with build_archive.py), driven by wrk over loopback.

usage: python bench/load_bench.py [--seconds 15] [--connections 32] [--restart]

For the home, session, person and quote search (by speaker) pages, each drawn from 50 addresses, and
for /robots.txt (a trivial view, the ceiling of the same server), with the page cache off and on
(Redis): requests per second, p50 and p99 latency, errors. With --restart, then: PostgreSQL is
stopped for a few seconds during a run on session pages, and the answers are counted second by second.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from setup import BENCH_DATABASE_URL, ROOT, django_on_bench_database

ADDRESS = "127.0.0.1:8300"
CACHE_URL = "redis://127.0.0.1:6379/14"
WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
request = function() return wrk.format(nil, paths[math.random(#paths)]) end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "errors": %d, "non2xx": %d, "p50_ms": %f, "p99_ms": %f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def sample_paths():
    from articles.models import Panel, Person, Quote

    rng = random.Random(11)

    def some(queryset, count=50):
        ids = list(queryset.values_list("pk", flat=True)[:5000])
        return queryset.filter(pk__in=rng.sample(ids, min(count, len(ids))))

    return {
        "home": ["/"],
        "session": [panel.get_absolute_url() for panel in some(Panel.objects.public().with_edition())],
        "person": [person.get_absolute_url() for person in some(Person.objects.public())],
        "quote search": [
            f"/quotes/?speaker={quote.speaker.slug}"
            for quote in some(Quote.objects.public().select_related("speaker"))
        ],
        "trivial (robots.txt)": ["/robots.txt"],
    }


def server_environment(cache):
    return {
        **os.environ,
        "DATABASE_URL": BENCH_DATABASE_URL,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-a-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": os.environ["STATIC_ROOT"],
        "REQUEST_LOG_LEVEL": "WARNING",
        "BIND": ADDRESS,
        "PAGE_CACHE_SECONDS": "300" if cache else "0",
        **({"CACHE_URL": CACHE_URL} if cache else {}),
    }


def start_server(cache):
    if cache:
        subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=True, capture_output=True)
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "python:festival.gunicorn_conf"],
        cwd=ROOT,
        env=server_environment(cache),
        stderr=subprocess.DEVNULL,
    )
    return answering(server, "/healthz/")


def answering(server, path):
    """`server` (a process serving ADDRESS) once it answers `path`; the benchmark ends if it never does."""
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{ADDRESS}{path}", timeout=1)
            return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start")


def wrk(paths, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listed:
        listed.write("\n".join(paths) + "\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            f"http://{ADDRESS}",
        ],
        env={**os.environ, "PATHS_FILE": listed.name},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(kinds, seconds, connections):
    print("| page | cache | req/s | p50 | p99 | errors |")
    print("|---|---|---|---|---|---|")
    for cache in (False, True):
        server = start_server(cache)
        try:
            for kind, paths in kinds.items():
                wrk(paths, 3, connections)  # warm: connections opened, caches filled as on a live site
                figures = wrk(paths, seconds, connections)
                errors = figures["errors"] + figures["non2xx"]
                print(
                    f"| {kind} | {'on' if cache else 'off'} | {figures['requests'] / figures['seconds']:.0f} "
                    f"| {figures['p50_ms']:.1f} ms | {figures['p99_ms']:.1f} ms | {errors} |",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait()


def restart_during_load(paths, seconds=30, stopped_for=5, clients=8):
    """Clients ask for pages throughout; PostgreSQL is stopped at 8 s and started again."""
    cluster = subprocess.run(["ls", "/etc/postgresql"], capture_output=True, text=True).stdout.split()[0]
    server = start_server(cache=False)
    started = time.monotonic()
    outcomes = Counter()
    stop = threading.Event()

    def client():
        rng = random.Random()
        while not stop.is_set():
            second = int(time.monotonic() - started)
            try:
                with urllib.request.urlopen(f"http://{ADDRESS}{rng.choice(paths)}", timeout=10) as response:
                    outcomes[second, response.status] += 1
            except urllib.error.HTTPError as error:
                outcomes[second, error.code] += 1
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                outcomes[second, "no answer"] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(8)
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "stop"], check=True)
    stopped_at = time.monotonic() - started
    time.sleep(stopped_for)
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start"], check=True)
    started_at = time.monotonic() - started
    time.sleep(max(0, seconds - started_at))
    stop.set()
    for thread in threads:
        thread.join()
    server.terminate()
    server.wait()
    print(f"\nPostgreSQL stopped at {stopped_at:.1f} s, running again at {started_at:.1f} s\n")
    print("| second | 200 | failed (status) |")
    print("|---|---|---|")
    for second in range(seconds):
        ok = outcomes[second, 200]
        failed = {key[1]: count for key, count in outcomes.items() if key[0] == second and key[1] != 200}
        print(f"| {second} | {ok} | {', '.join(f'{count} × {status}' for status, count in failed.items())} |")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--restart", action="store_true", help="also stop and start PostgreSQL during a run")
    args = parser.parse_args()
    os.environ.setdefault("STATIC_ROOT", str(Path(__file__).resolve().parent / ".static"))
    django_on_bench_database()  # collects the static files the server serves, and picks addresses
    kinds = sample_paths()
    print(f"{args.connections} connections, {args.seconds} s a run, gunicorn {ADDRESS}\n")
    measure(kinds, args.seconds, args.connections)
    if args.restart:
        restart_during_load(kinds["session"])


if __name__ == "__main__":
    main()
