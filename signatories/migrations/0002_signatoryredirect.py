"""SignatoryRedirect moves from curation to signatories, whose rules (free slugs, kept signatories)
need it. State only here: the table keeps its data; 0003 renames it once curation has let go.
The content type moves too, so the Curators group keeps its permission to view old slugs."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, old="curation", new="signatories"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if ContentType.objects.using(db).filter(app_label=new, model="signatoryredirect").exists():
        return
    ContentType.objects.using(db).filter(app_label=old, model="signatoryredirect").update(
        app_label=new
    )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="signatories", new="curation")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("signatories", "0001_initial"),
        ("curation", "0002_curators_group"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SignatoryRedirect",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("old_slug", models.SlugField(max_length=120, unique=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("signatory", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="redirects", to="signatories.signatory")),
                    ],
                    options={
                        "ordering": ["old_slug"],
                        "db_table": "curation_signatoryredirect",
                        "constraints": [models.CheckConstraint(condition=models.Q(("old_slug", ""), _negated=True), name="redirect_slug_not_empty")],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
