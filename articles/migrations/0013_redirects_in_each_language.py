"""Old addresses saved before the site spoke French and German answer under /fr/ and /de/ too."""

from django.db import migrations

PREFIXES = ["fr", "de"]


def copy_redirects_into_each_language(apps, schema_editor):
    Redirect = apps.get_model("redirects", "Redirect")
    longest = Redirect._meta.get_field("old_path").max_length
    for redirect in Redirect.objects.exclude(old_path__regex=r"^/(fr|de)/"):
        for prefix in PREFIXES:
            old_path = f"/{prefix}{redirect.old_path}"
            # A path on this site moves into the language; an address elsewhere or none (gone) stays.
            new_path = f"/{prefix}{redirect.new_path}" if redirect.new_path.startswith("/") else redirect.new_path
            if len(old_path) <= longest and len(new_path) <= longest:
                Redirect.objects.get_or_create(
                    site_id=redirect.site_id, old_path=old_path, defaults={"new_path": new_path}
                )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_names_in_each_language"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(copy_redirects_into_each_language, migrations.RunPython.noop)]
