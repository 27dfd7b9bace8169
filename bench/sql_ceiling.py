"""The most a page could serve under load on this machine, whatever Python did: each page's own SQL
statements, replayed without Django by a bare WSGI app (sql_only_app.py) under gunicorn with the
site's workers, threads and socket per worker, driven by wrk exactly as load_bench.py drives the site.
What is left is PostgreSQL, the driver, gunicorn and wrk sharing the machine's cores.

usage: python bench/sql_ceiling.py [--seconds 15] [--connections 32]

Each address load_bench.py asks for is fetched once through Django first, and the statements it ran
are kept with their parameters; the app then runs the same statements for the same address, with
prepared statements as the site's connection has them, and answers with the number of rows.
"""

import argparse
import enum
import os
import pickle
import subprocess
import tempfile

from load_bench import ADDRESS, answering, sample_paths, wrk
from setup import BENCH_DATABASE_URL, ROOT, django_on_bench_database


def statements_by_address(kinds):
    """{address: [(sql, params)]}: what the page at each address runs, as the site runs it."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    by_address = {}
    for paths in kinds.values():
        for path in paths:
            statements = []

            def capture(execute, sql, params, many, context, statements=statements):
                # Choices (enums) as their values: the app runs without Django's models.
                values = [value.value if isinstance(value, enum.Enum) else value for value in params or ()]
                statements.append((sql, values))
                return execute(sql, params, many, context)

            with connection.execute_wrapper(capture):
                assert client.get(path).status_code == 200, path
            by_address[path] = statements
    return by_address


def start_app(statements_file):
    from festival import gunicorn_conf

    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            f"--workers={gunicorn_conf.workers}",
            f"--threads={gunicorn_conf.threads}",
            "--reuse-port",
            f"--bind={ADDRESS}",
            "--chdir",
            str(ROOT / "bench"),
            "sql_only_app:application",
        ],
        env={**os.environ, "DATABASE_URL": BENCH_DATABASE_URL, "STATEMENTS_FILE": statements_file},
        stderr=subprocess.DEVNULL,
    )
    return answering(server, "/")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    django_on_bench_database()
    kinds = {kind: paths for kind, paths in sample_paths().items() if not kind.startswith("trivial")}
    by_address = statements_by_address(kinds)
    with tempfile.NamedTemporaryFile("wb", suffix=".pickle", delete=False) as statements_file:
        pickle.dump(by_address, statements_file)
    print(f"{args.connections} connections, {args.seconds} s a run, pages' SQL alone, gunicorn {ADDRESS}\n")
    print("| page | statements | req/s | p50 | p99 | errors |")
    print("|---|---|---|---|---|---|")
    server = start_app(statements_file.name)
    try:
        for kind, paths in kinds.items():
            wrk(paths, 3, args.connections)  # warm: connections opened, statements prepared
            figures = wrk(paths, args.seconds, args.connections)
            statements = sum(len(by_address[path]) for path in paths) / len(paths)
            print(
                f"| {kind} | {statements:.0f} | {figures['requests'] / figures['seconds']:.0f} "
                f"| {figures['p50_ms']:.1f} ms | {figures['p99_ms']:.1f} ms "
                f"| {figures['errors'] + figures['non2xx']} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait()
        os.unlink(statements_file.name)


if __name__ == "__main__":
    main()
