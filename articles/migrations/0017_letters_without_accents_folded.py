"""Letters that carry no accent to take off (ß, ø, ł, æ, œ…) fold as PostgreSQL's unaccent folds them.

SQLite: the FTS5 index of quotes now holds each text as archive_fold() gives it (search.fold, on
every connection), where it held the text as typed and its tokenizer kept "straße" apart from
"strasse" and "łódź" from "lodz"; the reader's words are folded the same way (search.fts5_query).
Both databases: people's A–Z letter and sort key, so that "Øberg" files under O, not under #.
"""

import unicodedata

from django.db import migrations

# Frozen copy of articles.search.fold as of this migration.
LETTERS_WITHOUT_ACCENTS = str.maketrans(
    {
        "æ": "ae", "ð": "d", "đ": "d", "ħ": "h", "ı": "i", "ł": "l",
        "ŋ": "n", "ø": "o", "œ": "oe", "þ": "th", "ŧ": "t",
    }
)


def fold(text):
    unaccented = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    return unaccented.translate(LETTERS_WITHOUT_ACCENTS)


def a_to_z_letter(text):
    letter = fold(text[:1])[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


def refile_people(apps, schema_editor):
    Person = apps.get_model("articles", "Person")
    changed = []
    for person in Person.objects.only("sort_name", "sort_key", "index_letter").iterator(chunk_size=2000):
        sort_key, index_letter = fold(person.sort_name), a_to_z_letter(person.sort_name)
        if (sort_key, index_letter) != (person.sort_key, person.index_letter):
            person.sort_key, person.index_letter = sort_key, index_letter
            changed.append(person)
    Person.objects.bulk_update(changed, ["sort_key", "index_letter"], batch_size=1000)


def triggers(value):
    """The FTS5 index's triggers, each text put in as value(text) gives it: an external-content
    index must be given, to delete a row, exactly what it was given to add it."""
    columns = "text, spoken_text, translation"

    def values(row):
        return ", ".join(value(f"{row}.{column}") for column in ("text", "spoken_text", "translation"))

    return [
        "DROP TRIGGER IF EXISTS articles_quote_fts_insert",
        "DROP TRIGGER IF EXISTS articles_quote_fts_delete",
        "DROP TRIGGER IF EXISTS articles_quote_fts_update",
        f"""CREATE TRIGGER articles_quote_fts_insert AFTER INSERT ON articles_quote BEGIN
            INSERT INTO articles_quote_fts(rowid, {columns}) VALUES (new.id, {values("new")});
        END""",
        f"""CREATE TRIGGER articles_quote_fts_delete AFTER DELETE ON articles_quote BEGIN
            INSERT INTO articles_quote_fts(articles_quote_fts, rowid, {columns})
            VALUES ('delete', old.id, {values("old")});
        END""",
        f"""CREATE TRIGGER articles_quote_fts_update AFTER UPDATE ON articles_quote BEGIN
            INSERT INTO articles_quote_fts(articles_quote_fts, rowid, {columns})
            VALUES ('delete', old.id, {values("old")});
            INSERT INTO articles_quote_fts(rowid, {columns}) VALUES (new.id, {values("new")});
        END""",
        "INSERT INTO articles_quote_fts(articles_quote_fts) VALUES ('delete-all')",
        f"""INSERT INTO articles_quote_fts(rowid, {columns})
            SELECT id, {values("articles_quote")} FROM articles_quote""",
    ]


def index_on_sqlite(value):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in triggers(value):
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_people_a_to_z_accents_folded")]

    operations = [
        migrations.RunPython(
            index_on_sqlite(lambda column: f"archive_fold({column})"),
            index_on_sqlite(lambda column: column),
        ),
        migrations.RunPython(refile_people, migrations.RunPython.noop),
    ]
