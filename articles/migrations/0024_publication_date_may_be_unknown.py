"""An article's publication date may be unknown (left empty); lists put such articles, and their
quotes, after every dated one, and the indexes of the latest articles follow that order."""

from django.db import migrations, models

# The indexes of the latest articles, as the model declares them, and in NEWEST_FIRST's order.
INDEXES = {
    "article_latest_published": ("status, published_on DESC", "status, published_on DESC NULLS LAST"),
    "article_newest_first": ("published_on DESC, id DESC", "published_on DESC NULLS LAST, id DESC"),
}


def recreate(schema_editor, which):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite's descending indexes put empty dates last already
    for name, columns in INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(f"CREATE INDEX {name} ON articles_article ({columns[which]})")


def nulls_last_on_postgresql(apps, schema_editor):
    recreate(schema_editor, 1)


def nulls_first_on_postgresql(apps, schema_editor):
    recreate(schema_editor, 0)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_more_roles_on_stage"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": [
                    models.OrderBy(models.F("published_on"), descending=True, nulls_last=True),
                    models.OrderBy(models.F("pk"), descending=True),
                ],
                "permissions": [("publish_article", "Can publish articles and take them back")],
                "verbose_name": "article",
                "verbose_name_plural": "articles",
            },
        ),
        migrations.AlterField(
            model_name="article",
            name="published_on",
            field=models.DateField(
                blank=True,
                help_text="Left empty when the date is not known: the article then shows “date unknown”.",
                null=True,
                verbose_name="publication date",
            ),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="published_on",
            field=models.DateField(
                blank=True,
                help_text="Left empty when the date is not known: the article then shows “date unknown”.",
                null=True,
                verbose_name="publication date",
            ),
        ),
        migrations.RunPython(nulls_last_on_postgresql, nulls_first_on_postgresql),
    ]
