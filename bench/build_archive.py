"""Build the synthetic benchmark archive on PostgreSQL: 1,000,000 quotes by 100,000 people at 20,000
sessions, with text in English, French, German and Spanish.

usage: python bench/build_archive.py [--quotes N] [--people N] [--panels N] [--rebuild]

The database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/festival_bench) is
created and migrated if needed. Rows are streamed with COPY; the search indexes are built after the
load. An archive already holding the requested number of quotes is left as it is unless --rebuild.
Deterministic: the same arguments build the same archive.
"""

import argparse
import datetime
import itertools
import random
import time
import unicodedata

from setup import BENCH_DATABASE_URL, django_on_bench_database

VOCABULARY = {
    "en": (
        "film series story studio streaming audience festival market director producer writer actor "
        "camera budget rights distribution platform cinema television screen script scene character "
        "world tools technology artificial intelligence future jobs workers union strike deal finance "
        "money independent documentary animation effects visual sound music editing shooting location "
        "europe america germany france berlin cannes venice toronto sundance premiere release theatre "
        "box office success risk change challenge opportunity creative creators talent young generation "
        "data algorithm model generative video image virtual production miniatures sets props costume "
        "climate green sustainable diversity women inclusion voice culture language translation remake "
        "adaptation novel book game franchise sequel legacy archive history memory truth politics war "
        "freedom censorship control power fear hope excitement trust public private subsidy funding"
    ),
    "fr": (
        "film série histoire studio plateforme public festival marché réalisateur producteur scénariste "
        "acteur caméra budget droits distribution cinéma télévision écran scénario scène personnage monde "
        "outils technologie intelligence artificielle avenir emplois travailleurs syndicat grève accord "
        "financement argent indépendant documentaire animation effets visuels son musique montage tournage "
        "europe amérique allemagne france berlin cannes venise première sortie salle succès risque "
        "changement défi occasion créatif créateurs talent jeune génération données algorithme modèle "
        "génératif vidéo image production virtuelle miniatures décors accessoires costumes climat écologie "
        "diversité femmes inclusion voix culture langue traduction adaptation roman livre jeu mémoire "
        "vérité politique guerre liberté censure pouvoir peur espoir enthousiasme confiance aide"
    ),
    "de": (
        "Film Serie Geschichte Studio Plattform Publikum Festival Markt Regisseur Produzent Autor "
        "Schauspieler Kamera Budget Rechte Verleih Kino Fernsehen Leinwand Drehbuch Szene Figur Welt "
        "Werkzeuge Technologie künstliche Intelligenz Zukunft Arbeitsplätze Arbeiter Gewerkschaft Streik "
        "Finanzierung Geld unabhängig Dokumentarfilm Animation Effekte visuell Ton Musik Schnitt Dreh "
        "Europa Amerika Deutschland Frankreich Berlin Premiere Start Erfolg Risiko Wandel Herausforderung "
        "Chance kreativ Kreative Talent jung Generation Daten Algorithmus Modell generativ Video Bild "
        "virtuelle Produktion Miniaturen Kulissen Requisiten Kostüme Klima nachhaltig Vielfalt Frauen "
        "Stimme Kultur Sprache Übersetzung Roman Buch Spiel Erinnerung Wahrheit Politik Krieg Freiheit "
        "Zensur Macht Angst Hoffnung Begeisterung Vertrauen Förderung Zuschauer Drehorte Märkte"
    ),
    "es": (
        "película serie historia estudio plataforma público festival mercado director productor guionista "
        "actor cámara presupuesto derechos distribución cine televisión pantalla guion escena personaje "
        "mundo herramientas tecnología inteligencia artificial futuro empleos trabajadores sindicato huelga "
        "acuerdo dinero independiente documental animación efectos sonido música montaje rodaje europa "
        "américa españa estreno éxito riesgo cambio desafío oportunidad creativo creadores talento joven"
    ),
}
STOP_WORDS = {
    "en": "the a of and to in is it that we you they this for with on are be not but have what",
    "fr": "le la les de des et à en est que nous vous ils ce pour avec sur sont pas mais une un qui",
    "de": "der die das und zu in ist es dass wir sie ihr dies für mit auf sind nicht aber ein eine",
    "es": "el la los de y a en es que nosotros ellos esto para con sobre son no pero un una",
}
LANGUAGES = ["en"] * 50 + ["fr"] * 25 + ["de"] * 20 + ["es"] * 5
FIRST_NAMES = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kenji",
    "Lea",
    "Marta",
    "Nils",
    "Olga",
    "Pablo",
    "Quentin",
    "Rosa",
    "Sven",
    "Tara",
    "Umar",
    "Vera",
    "Wim",
    "Xenia",
    "Yusuf",
    "Zoe",
    "Amélie",
    "Björn",
    "Cécile",
    "Dörte",
    "Émile",
    "François",
    "Göran",
    "Hélène",
    "Jürgen",
    "Léa",
    "Maël",
    "Noémie",
    "Øystein",
    "Renée",
    "Sören",
    "Théo",
    "Zoë",
    "Ana",
    "Bruno",
    "Chiara",
    "Dario",
    "Emma",
    "Felix",
    "Giulia",
    "Henrik",
    "Ida",
    "Jakob",
    "Karin",
    "Luca",
    "Mia",
    "Noah",
    "Oskar",
    "Paula",
    "Ruth",
    "Simon",
    "Thea",
    "Ulla",
    "Valentin",
    "Wanda",
    "Aiko",
    "Bongani",
    "Chen",
    "Dalia",
]
LAST_NAMES = [
    "Schmidt",
    "Müller",
    "Weiß",
    "Bauer",
    "Köhler",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Girard",
    "Rousseau",
    "Smith",
    "Johnson",
    "Brown",
    "Miller",
    "García",
    "Martínez",
    "López",
    "Sánchez",
    "Pérez",
    "Rossi",
    "Bianchi",
    "Ferrari",
    "Novak",
    "Kowalski",
    "Nowak",
    "Jensen",
    "Hansen",
    "Larsen",
    "Nielsen",
    "Andersson",
    "Karlsson",
    "Virtanen",
    "Korhonen",
    "Yilmaz",
    "Demir",
    "Kaya",
    "Tanaka",
    "Suzuki",
    "Kim",
    "Park",
    "Nguyen",
    "Okafor",
    "Mensah",
    "Silva",
    "Santos",
    "Costa",
    "Oliveira",
    "Murphy",
    "Kelly",
    "O'Brien",
    "Walsh",
    "Byrne",
    "Fischer",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Schmid",
    "Schulze",
    "Maier",
    "Vogel",
    "Caspers-Roemer",
    "Ben-Ami",
    "Laurent",
]
CITIES = [
    "Berlin",
    "Cannes",
    "Venice",
    "Toronto",
    "Park",
    "City",
    "Rotterdam",
    "Locarno",
    "Karlovy",
    "Vary",
    "San",
    "Sebastián",
    "Busan",
    "Annecy",
    "Sitges",
    "Tribeca",
    "Sheffield",
    "Lyon",
    "Munich",
    "Hamburg",
    "Zurich",
    "Vienna",
    "Copenhagen",
]
KINDS = ["panel"] * 6 + ["keynote", "press-conference", "masterclass", "talk"]
ROLES = ["panelist"] * 4 + ["moderator"]
JOB_TITLES = ["Producer", "CEO", "Director", "Head of Drama", "Writer"]


# Real quotes draw on tens of thousands of word forms, most of them rare: inflections of the common
# words, and the names of people, companies and films. A vocabulary of a few hundred words would make
# every search a search for a very common word.
INFLECTIONS = {
    "en": ["s", "ed", "ing", "er", "ers", "ly"],
    "fr": ["s", "e", "es", "ment", "ait", "ons", "eurs"],
    "de": ["en", "er", "es", "e", "ung", "ern", "isch"],
    "es": ["s", "es", "ado", "ar", "ción", "mente"],
}
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ne",
    "to",
    "vi",
    "sa",
    "de",
    "lu",
    "ber",
    "an",
    "gri",
    "fel",
    "mor",
    "tan",
    "sel",
    "dor",
    "wen",
    "hal",
    "rik",
    "sto",
    "ma",
    "ve",
    "chen",
    "ko",
]


def invented_words(rng, count, syllables=(2, 4)):
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables))))
    return sorted(words)


def vocabulary(language, rng, proper_nouns):
    """Common words first, then their inflections, then proper nouns: ranks for a Zipf draw."""
    common = VOCABULARY[language].split()
    inflected = [word + ending for word in common for ending in INFLECTIONS[language]]
    rng.shuffle(inflected)
    return common + inflected + [noun.capitalize() for noun in proper_nouns]


def zipf_sampler(words, rng):
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    return lambda k: rng.choices(words, cum_weights=cumulative, k=k)


def sentence(rng, samplers, stop_words, language):
    """Words drawn with Zipf frequencies, a stop word between most of them, cut into a sentence or two."""
    words = []
    for word in samplers[language](rng.randint(8, 22)):
        words.append(word)
        if rng.random() < 0.6:
            words.append(rng.choice(stop_words[language]))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def slug(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


def a_to_z(sort_name):
    letter = slug(sort_name)[:1].upper()
    return letter if letter.isalpha() else "#"


def copy(cursor, table, columns, rows):
    quoted = ", ".join(f'"{column}"' for column in columns)
    with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as stream:
        for row in rows:
            stream.write_row(row)


# Built once the rows are loaded, faster than row by row; as migrations 0005 and 0018 define them.
SEARCH_INDEXES = {
    "quote_search_document": "articles_quote USING gin (search_document)",
    "person_name_trigram": "articles_person USING gin (archive_fold(names) gin_trgm_ops)",
    "panel_search_document": "articles_panel USING gin (search_document)",
    "article_search_document": "articles_article USING gin (search_document)",
    "person_search_document": "articles_person USING gin (search_document)",
}


def build(quotes, people, panels):
    from django.db import connection

    from articles import visibility
    from articles.text import fold

    rng = random.Random(2026)
    proper_nouns = invented_words(rng, 3000)
    vocabularies = {language: vocabulary(language, rng, proper_nouns) for language in VOCABULARY}
    samplers = {language: zipf_sampler(words, rng) for language, words in vocabularies.items()}
    surnames = LAST_NAMES + [name.capitalize() for name in invented_words(rng, 6000)]
    stop_words = {language: words.split() for language, words in STOP_WORDS.items()}
    now = datetime.datetime.now(datetime.UTC)
    started = time.perf_counter()

    connection.ensure_connection()
    raw = connection.connection
    with raw.cursor() as cursor:
        cursor.execute(
            "TRUNCATE articles_quote, articles_article_panels, articles_article, articles_participation, "
            "articles_panel_topics, articles_panel, articles_person, articles_topic, articles_edition, "
            "articles_festival RESTART IDENTITY CASCADE"
        )
        for index in SEARCH_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {index}")

        festival_count, years = 60, list(range(2014, 2026))
        copy(
            cursor,
            "articles_festival",
            [
                "id",
                "created_at",
                "updated_at",
                "name",
                "name_fr",
                "name_de",
                "short_name",
                "slug",
                "city",
                "country",
                "website",
                "description",
            ],
            (
                (
                    i,
                    now,
                    now,
                    f"{CITIES[i % len(CITIES)]} Screen Festival {i}",
                    "",
                    "",
                    f"{CITIES[i % len(CITIES)]} {i}",
                    f"festival-{i}",
                    CITIES[i % len(CITIES)],
                    "",
                    "",
                    "",
                )
                for i in range(1, festival_count + 1)
            ),
        )
        editions = [(f, y) for f in range(1, festival_count + 1) for y in years]
        copy(
            cursor,
            "articles_edition",
            ["id", "created_at", "updated_at", "festival_id", "year", "start_date", "end_date"],
            (
                (i, now, now, f, y, datetime.date(y, 2, 1), datetime.date(y, 2, 11))
                for i, (f, y) in enumerate(editions, 1)
            ),
        )
        topic_names = sorted(set(VOCABULARY["en"].split()))[:40]
        copy(
            cursor,
            "articles_topic",
            ["id", "created_at", "updated_at", "name", "name_fr", "name_de", "slug", "description"],
            (
                (i, now, now, name.capitalize(), "", "", slug(name), "")
                for i, name in enumerate(topic_names, 1)
            ),
        )

        names = []
        for _ in range(people):
            first, last = rng.choice(FIRST_NAMES), rng.choice(surnames)
            initial = chr(65 + rng.randrange(26)) + ". " if rng.random() < 0.7 else ""
            names.append((f"{first} {initial}{last}", last))
        copy(
            cursor,
            "articles_person",
            [
                "id",
                "created_at",
                "updated_at",
                "name",
                "slug",
                "sort_name",
                "index_letter",
                "sort_key",
                "bio",
                "photo",
                "website",
                "other_names",
            ],
            (
                (i, now, now, name, f"{slug(name)}-{i}", last, a_to_z(last), fold(last), "", "", "", "")
                for i, (name, last) in enumerate(names, 1)
            ),
        )

        panel_rows, on_stage, panel_edition = [], {}, {}
        for i in range(1, panels + 1):
            edition = rng.randrange(1, len(editions) + 1)
            year = editions[edition - 1][1]
            panel_edition[i] = edition
            panel_rows.append(
                (
                    i,
                    now,
                    now,
                    edition,
                    sentence(rng, samplers, stop_words, "en")[:120].rstrip(" .?!"),
                    f"session-{i}",
                    rng.choice(KINDS),
                    datetime.date(year, 2, rng.randint(1, 11)),
                    None,
                    None,
                    "",
                    "",
                )
            )
            on_stage[i] = rng.sample(range(1, people + 1), rng.randint(2, 6))
        copy(
            cursor,
            "articles_panel",
            [
                "id",
                "created_at",
                "updated_at",
                "edition_id",
                "title",
                "slug",
                "kind",
                "date",
                "start_time",
                "end_time",
                "venue",
                "description",
            ],
            panel_rows,
        )
        copy(
            cursor,
            "articles_panel_topics",
            ["panel_id", "topic_id"],
            ((p, t) for p in range(1, panels + 1) for t in rng.sample(range(1, len(topic_names) + 1), 2)),
        )
        copy(
            cursor,
            "articles_participation",
            ["panel_id", "person_id", "role", "affiliation", "order"],
            (
                (
                    p,
                    person,
                    rng.choice(ROLES),
                    f"{rng.choice(JOB_TITLES)}, Studio {rng.randrange(500)}",
                    order,
                )
                for p, stage in on_stage.items()
                for order, person in enumerate(stage, 1)
            ),
        )

        article_count = panels * 2
        article_panel = {a: rng.randrange(1, panels + 1) for a in range(1, article_count + 1)}
        published = {a: rng.random() < 0.95 for a in article_panel}
        # Reports' own text, drawn apart (text_rng) so that the quotes after it stay as they were.
        text_rng = random.Random(11)
        text_samplers = {language: zipf_sampler(words, text_rng) for language, words in vocabularies.items()}

        def report(language, sentences):
            return " ".join(sentence(text_rng, text_samplers, stop_words, language) for _ in range(sentences))

        copy(
            cursor,
            "articles_article",
            [
                "id",
                "created_at",
                "updated_at",
                "title",
                "slug",
                "publication",
                "author",
                "published_on",
                "language",
                "source_url",
                "summary",
                "body",
                "status",
                "published_at",
                "comments_open",
            ],
            (
                (
                    a,
                    now,
                    now,
                    f"Report {a} from {CITIES[a % len(CITIES)]}",
                    f"report-{a}",
                    f"Trade Weekly {a % 7}",
                    "",
                    datetime.date(editions[panel_edition[p] - 1][1], 2, 12) + datetime.timedelta(days=a % 20),
                    language,
                    "",
                    report(language, 1),
                    report(language, 15),
                    "published" if published[a] else "draft",
                    now if published[a] else None,
                    True,
                )
                for a, p in article_panel.items()
                for language in [rng.choice(LANGUAGES)]
            ),
        )
        copy(cursor, "articles_article_panels", ["article_id", "panel_id"], article_panel.items())

        articles_of_panel = {}
        for article, panel in article_panel.items():
            articles_of_panel.setdefault(panel, []).append(article)
        covered_panels = list(articles_of_panel)

        def quote_rows():
            positions = {}  # each article's quotes numbered in the order they are drawn
            for i in range(1, quotes + 1):
                panel = rng.choice(covered_panels)
                language = rng.choice(LANGUAGES)
                translated = language != "en" and rng.random() < 0.3
                article = rng.choice(articles_of_panel[panel])
                positions[article] = positions.get(article, 0) + 1
                yield (
                    i,
                    now,
                    now,
                    sentence(rng, samplers, stop_words, language),
                    language,
                    "",
                    "",
                    sentence(rng, samplers, stop_words, "en") if translated else "",
                    "en" if translated else "",
                    rng.choice(on_stage[panel]),
                    panel,
                    article,
                    "",
                    positions[article],
                    now if published[article] else None,
                )
                if i % 200_000 == 0:
                    print(f"  {i:,} quotes streamed ({time.perf_counter() - started:.0f} s)", flush=True)

        copy(
            cursor,
            "articles_quote",
            [
                "id",
                "created_at",
                "updated_at",
                "text",
                "language",
                "spoken_text",
                "spoken_language",
                "translation",
                "translation_language",
                "speaker_id",
                "panel_id",
                "article_id",
                "context",
                "position",
                "public_since",
            ],
            quote_rows(),
        )
        loaded = time.perf_counter()
        print(f"rows loaded in {loaded - started:.0f} s; building search indexes", flush=True)
        for index, definition in SEARCH_INDEXES.items():
            cursor.execute(f"CREATE INDEX {index} ON {definition}")
        for table in ["festival", "edition", "topic", "person", "panel", "participation", "article", "quote"]:
            sequence = f"pg_get_serial_sequence('articles_{table}', 'id')"
            cursor.execute(f"SELECT setval({sequence}, (SELECT max(id) FROM articles_{table}))")
        cursor.execute("ANALYZE")  # the planner needs the new row counts for the updates below
    raw.commit()
    # Quotes got theirs in the stream; the rest follow from articles and panels.
    visibility.refresh_all(models=[name for name in visibility.DEPENDENT_MODELS if name != "Quote"])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    finished = time.perf_counter()
    print(f"indexes built in {finished - loaded:.0f} s; archive built in {finished - started:.0f} s")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--panels", type=int, default=20_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    ensure_database()
    django_on_bench_database()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Quote

    call_command("migrate", verbosity=0)
    if not args.rebuild and Quote.objects.count() == args.quotes:
        # A migration may have rewritten rows (0016 gave 100,000 people a sort key): vacuumed and
        # analysed as autovacuum would have done on a live archive, or the new rows' entries wait
        # in the trigram index's pending list and name searches take twice as long.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"the archive already holds {args.quotes:,} quotes (--rebuild to build it anew)")
        return
    build(args.quotes, args.people, args.panels)


def ensure_database():
    import psycopg

    name = BENCH_DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(BENCH_DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
