"""The "Curators" group, with exactly the permissions the curation admin needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"
PERMISSIONS = {
    "letters": ["view_letter", "view_sourceversion"],
    "signatories": [
        "view_signatory", "change_signatory",
        "view_listentry", "change_listentry",
        "view_matchoverride", "delete_matchoverride",
        "view_alias", "add_alias", "delete_alias",
    ],
    "curation": [
        "view_correction", "view_signatoryredirect",
        "view_sourcenote", "add_sourcenote", "change_sourcenote", "delete_sourcenote",
    ],
}  # fmt: skip


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for label in ("letters", "signatories", "curation"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label=label, codename=codename)
        for label, codenames in PERMISSIONS.items()
        for codename in codenames
    ]
    group.permissions.set(wanted)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("letters", "0001_initial"),
        ("signatories", "0001_initial"),
        ("curation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
