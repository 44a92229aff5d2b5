"""The Curators group may undo corrections (each undo is a correction with its own reason)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("curation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="curation", codename="undo_correction")
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*group.permissions.filter(codename="undo_correction"))


class Migration(migrations.Migration):
    dependencies = [("curation", "0005_history_and_undo")]

    operations = [migrations.RunPython(grant, revoke)]
