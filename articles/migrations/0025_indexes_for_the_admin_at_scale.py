"""Indexes for the admin's lists on a large archive (bench/admin_bench.py): people in their order
then by id, so that a late page of them is read from the index (Django breaks ties by id, and had
every person sorted: 250 ms at page 500); articles by publication, whose filter lists the
publications one index lookup at a time; readers' comments in the moderation queue's order (sorting
100,000 of them took 400 ms); and on PostgreSQL, trigram indexes of the folded name, address and
text of comments, which the admin searches with case and accents ignored (reading every comment for
a word took 500 ms).
"""

from django.db import migrations, models

COMMENT_FIELDS = ["user_name", "user_email", "comment"]


def add_comment_trigrams(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in COMMENT_FIELDS:
        schema_editor.execute(
            f"CREATE INDEX comment_{field}_trigram ON articles_readercomment "
            f"USING gin (archive_fold({field}) gin_trgm_ops)"
        )


def drop_comment_trigrams(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in COMMENT_FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS comment_{field}_trigram")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0024_publication_date_may_be_unknown"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="person",
            name="person_a_to_z",
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["index_letter", "sort_key", "name", "id"], name="person_a_to_z"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["publication"], name="article_publication"),
        ),
        migrations.AddIndex(
            model_name="readercomment",
            index=models.Index(
                models.Case(
                    models.When(is_public=False, is_removed=False, then=models.Value(0)),
                    default=models.Value(1),
                    output_field=models.IntegerField(),
                ),
                models.OrderBy(models.F("submit_date"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                name="comment_awaiting_first",
            ),
        ),
        migrations.RunPython(add_comment_trigrams, drop_comment_trigrams),
    ]
