"""The two newsroom roles. Editor: everything, publishing and deleting included. Contributor: creates
and edits coverage, and submits articles for review; cannot publish, unpublish or delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_ACTIONS = {"Editor": {"add", "change", "delete", "view"}, "Contributor": {"add", "change", "view"}}


def create_groups(apps, schema_editor):
    # Permissions are otherwise created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coverage = Permission.objects.filter(content_type__app_label="articles")
    for name, actions in ROLE_ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [p.codename for p in coverage if p.codename.split("_", 1)[0] in actions]
        if name == "Editor":
            codenames += ["publish_article"]
        group.permissions.set(coverage.filter(codename__in=codenames))
    editor = Group.objects.get(name="Editor")
    editor.permissions.add(*Permission.objects.filter(content_type__app_label="redirects"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_ACTIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_review_and_publish_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
