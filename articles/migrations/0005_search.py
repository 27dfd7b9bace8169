"""Search structures, which differ by database engine.

PostgreSQL: accent-folding text search configurations per language, a generated search document on
quotes (words as reported and as spoken weighted A, the translation B, each stemmed in its own
language) with a GIN index, and a trigram index on folded person names.
SQLite: an FTS5 index of quotes that folds diacritics, kept in step by triggers.
"""

from django.db import migrations

# Frozen copy of articles.search.STEMMED_LANGUAGES as of this migration.
STEMMED_LANGUAGES = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "sv": "swedish",
}


def postgresql_forward():
    statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE TEXT SEARCH CONFIGURATION archive_simple (COPY = simple)",
        "ALTER TEXT SEARCH CONFIGURATION archive_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    ]
    for language in STEMMED_LANGUAGES.values():
        statements += [
            f"CREATE TEXT SEARCH CONFIGURATION archive_{language} (COPY = {language})",
            f"ALTER TEXT SEARCH CONFIGURATION archive_{language} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem",
        ]
    cases = " ".join(f"WHEN '{code}' THEN 'archive_{language}'::regconfig" for code, language in STEMMED_LANGUAGES.items())
    statements += [
        # Immutable wrappers, so that generated columns and expression indexes may use them.
        "CREATE FUNCTION archive_search_config(code text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"AS $$ SELECT CASE code {cases} ELSE 'archive_simple'::regconfig END $$",
        "CREATE FUNCTION archive_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
        "AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$",
        """ALTER TABLE articles_quote ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(archive_search_config(language), text), 'A')
            || setweight(to_tsvector(archive_search_config(spoken_language), spoken_text), 'A')
            || setweight(to_tsvector(archive_search_config(translation_language), translation), 'B')
        ) STORED""",
        "CREATE INDEX quote_search_document ON articles_quote USING gin (search_document)",
        "CREATE INDEX person_name_trigram ON articles_person USING gin (archive_fold(name) gin_trgm_ops)",
    ]
    return statements


def postgresql_backward():
    return [
        "DROP INDEX IF EXISTS person_name_trigram",
        "ALTER TABLE articles_quote DROP COLUMN IF EXISTS search_document",
        "DROP FUNCTION IF EXISTS archive_fold(text)",
        "DROP FUNCTION IF EXISTS archive_search_config(text)",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS archive_simple",
    ] + [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS archive_{language}" for language in STEMMED_LANGUAGES.values()]


SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE articles_quote_fts USING fts5(
        text, spoken_text, translation,
        content='articles_quote', content_rowid='id', tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER articles_quote_fts_insert AFTER INSERT ON articles_quote BEGIN
        INSERT INTO articles_quote_fts(rowid, text, spoken_text, translation)
        VALUES (new.id, new.text, new.spoken_text, new.translation);
    END""",
    """CREATE TRIGGER articles_quote_fts_delete AFTER DELETE ON articles_quote BEGIN
        INSERT INTO articles_quote_fts(articles_quote_fts, rowid, text, spoken_text, translation)
        VALUES ('delete', old.id, old.text, old.spoken_text, old.translation);
    END""",
    """CREATE TRIGGER articles_quote_fts_update AFTER UPDATE ON articles_quote BEGIN
        INSERT INTO articles_quote_fts(articles_quote_fts, rowid, text, spoken_text, translation)
        VALUES ('delete', old.id, old.text, old.spoken_text, old.translation);
        INSERT INTO articles_quote_fts(rowid, text, spoken_text, translation)
        VALUES (new.id, new.text, new.spoken_text, new.translation);
    END""",
    "INSERT INTO articles_quote_fts(articles_quote_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_quote_fts_update",
    "DROP TRIGGER IF EXISTS articles_quote_fts_delete",
    "DROP TRIGGER IF EXISTS articles_quote_fts_insert",
    "DROP TABLE IF EXISTS articles_quote_fts",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements() if callable(statements) else statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_running_order_help")]

    operations = [
        migrations.RunPython(
            run({"postgresql": postgresql_forward, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": postgresql_backward, "sqlite": SQLITE_BACKWARD}),
        )
    ]
