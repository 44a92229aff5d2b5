"""Drop PostgreSQL's unaccent extension: search folds names in Python (names.folding), the same on
both backends, and no query uses it."""

from django.db import migrations


def drop_unaccent(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP EXTENSION IF EXISTS unaccent")


def create_unaccent(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_document_initials")]

    operations = [migrations.RunPython(drop_unaccent, create_unaccent)]
