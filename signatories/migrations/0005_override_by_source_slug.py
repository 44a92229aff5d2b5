"""Match overrides are keyed on the letter and the source's slug instead of the source's row, so
that removing a source from letter.toml no longer deletes them (they lie dormant until it
returns). They also say whether the curator confirmed the importer's match or placed the entry."""

import django.db.models.deletion
from django.db import migrations, models


def copy_source_keys(apps, schema_editor):
    MatchOverride = apps.get_model("signatories", "MatchOverride")
    for override in MatchOverride.objects.select_related("source"):
        override.letter_id = override.source.letter_id
        override.source_slug = override.source.slug
        override.save(update_fields=["letter", "source_slug"])


def copy_source_rows(apps, schema_editor):
    MatchOverride = apps.get_model("signatories", "MatchOverride")
    SourceVersion = apps.get_model("letters", "SourceVersion")
    for override in MatchOverride.objects.all():
        source = SourceVersion.objects.filter(
            letter_id=override.letter_id, slug=override.source_slug
        ).first()
        if source is None:
            override.delete()  # the old schema cannot keep a dormant override
        else:
            override.source_id = source.pk
            override.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("signatories", "0004_signatory_sort_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="matchoverride",
            name="letter",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="overrides",
                to="letters.letter",
            ),
        ),
        migrations.AddField(
            model_name="matchoverride",
            name="source_slug",
            field=models.SlugField(default="", max_length=100),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="matchoverride",
            name="kind",
            field=models.CharField(
                choices=[("confirmed", "Confirmed by a curator"), ("placed", "Placed here by a curator")],
                default="placed",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="matchoverride",
            name="source",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="overrides",
                to="letters.sourceversion",
            ),
        ),
        migrations.RunPython(copy_source_keys, copy_source_rows),
        migrations.RemoveConstraint(model_name="matchoverride", name="override_unique_per_entry"),
        migrations.RemoveField(model_name="matchoverride", name="source"),
        migrations.AlterField(
            model_name="matchoverride",
            name="letter",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="overrides",
                to="letters.letter",
            ),
        ),
        migrations.AddConstraint(
            model_name="matchoverride",
            constraint=models.UniqueConstraint(
                fields=("letter", "source_slug", "ordinal"), name="override_unique_per_entry"
            ),
        ),
        migrations.AddConstraint(
            model_name="matchoverride",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["confirmed", "placed"])),
                name="override_kind_is_known",
            ),
        ),
    ]
