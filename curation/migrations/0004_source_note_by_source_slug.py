"""Source notes are keyed on the letter and the source's slug instead of the source's row, so that
removing a source from letter.toml no longer deletes its note (it lies dormant until it returns)."""

import django.db.models.deletion
from django.db import migrations, models


def copy_source_keys(apps, schema_editor):
    SourceNote = apps.get_model("curation", "SourceNote")
    for note in SourceNote.objects.select_related("source"):
        note.letter_id = note.source.letter_id
        note.source_slug = note.source.slug
        note.save(update_fields=["letter", "source_slug"])


def copy_source_rows(apps, schema_editor):
    SourceNote = apps.get_model("curation", "SourceNote")
    SourceVersion = apps.get_model("letters", "SourceVersion")
    for note in SourceNote.objects.all():
        source = SourceVersion.objects.filter(letter_id=note.letter_id, slug=note.source_slug).first()
        if source is None:
            note.delete()  # the old schema cannot keep a dormant note
        else:
            note.source_id = source.pk
            note.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("curation", "0003_signatoryredirect_moved"),
    ]

    operations = [
        migrations.AddField(
            model_name="sourcenote",
            name="letter",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="source_notes",
                to="letters.letter",
            ),
        ),
        migrations.AddField(
            model_name="sourcenote",
            name="source_slug",
            field=models.SlugField(default="", max_length=100),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="sourcenote",
            name="source",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="public_note",
                to="letters.sourceversion",
            ),
        ),
        migrations.RunPython(copy_source_keys, copy_source_rows),
        migrations.AlterModelOptions(name="sourcenote", options={"ordering": ["letter", "source_slug"]}),
        migrations.RemoveField(model_name="sourcenote", name="source"),
        migrations.AlterField(
            model_name="sourcenote",
            name="letter",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="source_notes",
                to="letters.letter",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcenote",
            constraint=models.UniqueConstraint(
                fields=("letter", "source_slug"), name="source_note_unique_per_source"
            ),
        ),
    ]
