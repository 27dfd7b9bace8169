"""Time the coverage import and the WordPress import, and measure their memory, on PostgreSQL.

usage: python bench/import_bench.py [--records 5000] [--posts 1000 10000] [--read-gb 1.0]

Generates a coverage file (docs/coverage-format.md) of about `--records` records: festivals, their
editions, topics, people, sessions with three people on stage each, and articles with six quotes
each, the shares of a real archive. `manage.py import_coverage` runs in a process of its own on a
new, migrated database: its time, records a second and peak memory; then again on the same file,
which changes nothing (every record checked against what is stored).

Generates WordPress exports as WordPress writes them (WXR 1.2): posts of twelve paragraphs (about
3 KB of HTML) in English, French or German, each in two of 50 categories and with three of 300 tags,
with three comments (one a reply). For each size, `manage.py import_wordpress` runs in a process of
its own on a new, migrated database: its time, posts a second, and the process's peak memory
(maximum resident set size). Then an export of about `--read-gb` GB is read by the WXR reader alone,
in a process of its own, to show that the memory needed does not grow with the file.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from setup import BENCH_DATABASE_URL, ROOT

VOCABULARY = {
    "en": "the festival panel said film audience market director story money streaming screen future "
    "we they it was is and of to in that for with on not but writers actors studios",
    "fr": "le la les festival table ronde a dit film public marché réalisateur histoire argent écran "
    "avenir nous ils elle était est et de à dans que pour avec sur pas mais auteurs studios",
    "de": "der die das Festival Podium sagte Film Publikum Markt Regisseur Geschichte Geld Leinwand "
    "Zukunft wir sie es war ist und von zu in dass für mit auf nicht aber Autoren Studios",
}
WORDS = {language: words.split() for language, words in VOCABULARY.items()}

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Review</title><link>https://bench.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login>
<wp:author_display_name><![CDATA[Bench Editor]]></wp:author_display_name></wp:author>
"""


def sentence(rng, language):
    words = rng.choices(WORDS[language], k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def comment(number, parent, rng, language):
    return f"""<wp:comment><wp:comment_id>{number}</wp:comment_id>
<wp:comment_author><![CDATA[Reader {number}]]></wp:comment_author>
<wp:comment_author_email><![CDATA[reader{number}@readers.example]]></wp:comment_author_email>
<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP><![CDATA[192.0.2.1]]></wp:comment_author_IP>
<wp:comment_date><![CDATA[2024-02-18 12:00:00]]></wp:comment_date>
<wp:comment_date_gmt><![CDATA[2024-02-18 11:00:00]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[{sentence(rng, language)}]]></wp:comment_content>
<wp:comment_approved><![CDATA[{rng.choice("1110")}]]></wp:comment_approved>
<wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>
<wp:comment_user_id>0</wp:comment_user_id></wp:comment>
"""


def post(number, rng):
    language = rng.choice(["en", "en", "fr", "de"])
    body = "\n".join(
        f"<!-- wp:paragraph -->\n<p>{' '.join(sentence(rng, language) for _ in range(3))}</p>\n"
        "<!-- /wp:paragraph -->"
        for _ in range(12)
    )
    day = f"20{10 + number % 15}-{1 + number % 12:02}-{1 + number % 28:02}"
    terms = [("category", f"section-{rng.randrange(50)}") for _ in range(2)]
    terms += [("post_tag", f"tag-{rng.randrange(300)}") for _ in range(3)]
    categories = "".join(
        f'<category domain="{domain}" nicename="{slug}">'
        f"<![CDATA[{slug.replace('-', ' ').title()}]]></category>"
        for domain, slug in terms
    )
    comments = "".join(
        comment(number * 10 + k, number * 10 if k == 2 else 0, rng, language) for k in range(3)
    )
    return f"""<item><title><![CDATA[{sentence(rng, language)[:80]}]]></title>
<link>https://bench.example/{day.replace("-", "/")}/post-{number}/</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">https://bench.example/?p={number}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{number}</wp:post_id><wp:post_date><![CDATA[{day} 12:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{day} 11:00:00]]></wp:post_date_gmt>
<wp:comment_status><![CDATA[open]]></wp:comment_status>
<wp:post_name><![CDATA[post-{number}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>
{categories}{comments}</item>
"""


def write_export(path, posts=None, size=None):
    """An export of `posts` posts, or of about `size` bytes; returns the number of posts."""
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as export:
        export.write(HEAD)
        number = 0
        while (posts is not None and number < posts) or (size is not None and export.tell() < size):
            number += 1
            export.write(post(number, rng))
        export.write("</channel>\n</rss>\n")
    return number


def run_measured(command, env):
    """Run `command`; its wall time in seconds and its peak memory in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        sys.exit(f"{' '.join(command)} failed")
    return elapsed, usage.ru_maxrss / 1024


def fresh_database(env):
    base, _, name = BENCH_DATABASE_URL.rpartition("/")
    url = f"{base}/{name}_import"
    admin = f"{base}/postgres"
    subprocess.run(
        ["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}_import"],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}_import"], check=True)
    env = {**env, "DATABASE_URL": url}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    return env, f"{name}_import", admin


def coverage_file(records):
    """A coverage file of about `records` records, as a dict; and its number of records."""
    rng = random.Random(5)
    # A session with its 3 participants, its article and the article's 6 quotes are 11 records; with
    # people (1.5 a session), festivals and editions, 0.08 sessions a record.
    sessions = max(1, records * 2 // 25)
    people = sessions * 3 // 2
    festivals = max(1, sessions // 100)
    data = {
        "festivals": [
            {
                "slug": f"festival-{f}",
                "name": f"Festival {f}",
                "city": "Lyon",
                "website": "https://fest.example/",
            }
            for f in range(festivals)
        ],
        "editions": [
            {
                "festival": f"festival-{f}",
                "year": year,
                "start_date": f"{year}-05-01",
                "end_date": f"{year}-05-12",
            }
            for f in range(festivals)
            for year in (2023, 2024)
        ],
        "topics": [{"slug": f"topic-{t}", "name": f"Topic {t}"} for t in range(40)],
        "people": [
            {"slug": f"person-{p}", "name": f"Person Name {p}", "bio": "A producer."} for p in range(people)
        ],
        "panels": [],
        "articles": [],
    }
    for s in range(sessions):
        festival, year = f"festival-{s % festivals}", 2023 + s % 2
        on_stage = rng.sample(range(people), 3)
        data["panels"].append(
            {
                "festival": festival,
                "year": year,
                "slug": f"session-{s}",
                "title": f"Session {s}: " + sentence(rng, "en")[:60],
                "date": f"{year}-05-0{1 + s % 9}",
                "topics": [f"topic-{t}" for t in rng.sample(range(40), 2)],
                "participants": [
                    {
                        "person": f"person-{p}",
                        "role": "moderator" if k == 0 else "panelist",
                        "affiliation": "Studio",
                    }
                    for k, p in enumerate(on_stage)
                ],
            }
        )
        language = rng.choice(["en", "en", "fr", "de"])
        data["articles"].append(
            {
                "slug": f"article-{s}",
                "title": sentence(rng, language)[:80],
                "publication": "Trade Weekly",
                "published_on": f"{year}-05-1{s % 9}",
                "language": language,
                "status": "published",
                "body": " ".join(sentence(rng, language) for _ in range(30)),
                "panels": [f"{festival}/{year}/session-{s}"],
                "quotes": [
                    {
                        "position": q + 1,
                        "speaker": f"person-{rng.choice(on_stage)}",
                        "text": sentence(rng, language),
                    }
                    for q in range(6)
                ],
            }
        )
    count = sum(len(items) for items in data.values()) + sessions * 3 + sessions * 6
    return data, count


def measure_coverage(folder, records, env):
    data, count = coverage_file(records)
    path = Path(folder) / "coverage.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    database_env, name, admin = fresh_database(env)
    command = [sys.executable, "manage.py", "import_coverage", str(path)]
    print("| coverage import | records | time | records a second | peak memory |")
    print("|---|---|---|---|---|")
    for run in ("into an empty archive", "again: nothing changes"):
        elapsed, memory = run_measured(command, database_env)
        print(
            f"| {run} | {count:,} | {elapsed:.1f} s | {count / elapsed:.0f} | {memory:.0f} MB |", flush=True
        )
    subprocess.run(["psql", admin, "-qc", f"DROP DATABASE {name}"], check=True)
    print()


READ_ONLY = """
import sys
from articles.importers.wordpress import wxr
count = sum(1 for thing in wxr.read(open(sys.argv[1], "rb")) if isinstance(thing, wxr.Post))
print(count)
"""


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=5000, help="0: no coverage import")
    parser.add_argument("--posts", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--read-gb", type=float, default=1.0)
    args = parser.parse_args()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "festival.settings", "DEBUG": "0", "SECRET_KEY": "bench"}
    env["ALLOWED_HOSTS"] = "localhost"
    with tempfile.TemporaryDirectory() as folder:
        if args.records:
            measure_coverage(folder, args.records, env)
        if args.posts:
            print("| WordPress import | export | time | posts a second | peak memory |")
            print("|---|---|---|---|---|")
        for posts in args.posts:
            path = Path(folder) / f"export-{posts}.xml"
            write_export(path, posts=posts)
            database_env, name, admin = fresh_database(env)
            elapsed, memory = run_measured(
                [sys.executable, "manage.py", "import_wordpress", str(path)], database_env
            )
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE {name}"], check=True)
            size = path.stat().st_size / 1024 / 1024
            print(
                f"| {posts:,} posts | {size:.0f} MB | {elapsed:.1f} s | {posts / elapsed:.0f} "
                f"| {memory:.0f} MB |"
            )
            path.unlink()
        if args.read_gb:
            print("\n| export read, nothing written | posts | time | peak memory |")
            print("|---|---|---|---|")
            for share in (0.1, 1.0):
                path = Path(folder) / "big.xml"
                posts = write_export(path, size=int(args.read_gb * share * 1024**3))
                elapsed, memory = run_measured(
                    [sys.executable, "-c", "import django; django.setup()\n" + READ_ONLY, str(path)], env
                )
                size = path.stat().st_size / 1024**3
                print(f"| {size:.2f} GB | {posts:,} | {elapsed:.0f} s | {memory:.0f} MB |")
                path.unlink()


if __name__ == "__main__":
    main()
