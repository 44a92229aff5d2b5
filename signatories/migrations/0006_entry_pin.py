"""A curator's pin goes beside the importer's evidence instead of over it.

Entries used to carry match_method "override" and score 100 once a curator had touched them (a
merge did so to every entry of both signatories), which erased how the importer had matched
them. Now the pin is the entry's `override` and the method and score stay the importer's. For
the old "override" rows the importer's method is re-derived where the rows allow it: an entry of
the first list was the first reading ("new", 0); an entry whose text has the same key as a reading
of its signatory in an earlier copy, or an alias, gets the strictest key of `names.keys.KEY_CHAIN`
that agrees (score 100); any other is marked "unknown" (score 0), which puts it in the review
queue. Similarity and order evidence are not re-derived: they depended on the lists as they were.
"""

import django.db.models.deletion
from django.db import migrations, models

from names.keys import KEY_CHAIN

METHODS = [
    ("exact", "Same text"),
    ("normalized", "Same text after quotes, dashes, entities and case"),
    ("folded", "Same letters after accents and scripts are folded"),
    ("compact", "Same letters once spaces are ignored"),
    ("script-runs", "Same script runs in another order"),
    ("fuzzy", "Similar text"),
    ("fuzzy+order", "Similar text at the same place in the list"),
    ("new", "First reading: no earlier source names it"),
    ("curated-reading", "Same text as a reading a curator placed in another copy"),
    ("unknown", "Not recorded"),
]


def rederived_method(text: str, earlier: list[str]) -> str:
    for method, key in KEY_CHAIN:
        wanted = key(text)
        if wanted and any(key(other) == wanted for other in earlier):
            return method
    return "unknown"


def keep_evidence_beside_pins(apps, schema_editor):
    ListEntry = apps.get_model("signatories", "ListEntry")
    MatchOverride = apps.get_model("signatories", "MatchOverride")
    SourceVersion = apps.get_model("letters", "SourceVersion")
    Alias = apps.get_model("signatories", "Alias")
    first_list = {}
    for source in SourceVersion.objects.exclude(kind="news-report").order_by("position"):
        first_list.setdefault(source.letter_id, source.position)
    pinned = ListEntry.objects.filter(match_method="override").select_related("source")
    for entry in pinned:
        source = entry.source
        entry.override = MatchOverride.objects.filter(
            letter_id=source.letter_id,
            source_slug=source.slug,
            ordinal=entry.ordinal,
            signatory_id=entry.signatory_id,
        ).first()
        if source.position == first_list.get(source.letter_id):
            entry.match_method, entry.match_score = "new", 0.0
        else:
            earlier = list(
                ListEntry.objects.filter(
                    signatory_id=entry.signatory_id, source__position__lt=source.position
                ).values_list("text", flat=True)
            ) + list(
                Alias.objects.filter(signatory_id=entry.signatory_id).values_list("name", flat=True)
            )
            entry.match_method = rederived_method(entry.text, earlier)
            entry.match_score = 0.0 if entry.match_method == "unknown" else 100.0
        entry.save(update_fields=["override", "match_method", "match_score"])


def put_pins_back_over_evidence(apps, schema_editor):
    ListEntry = apps.get_model("signatories", "ListEntry")
    ListEntry.objects.filter(override__isnull=False).update(
        match_method="override", match_score=100.0
    )
    ListEntry.objects.filter(match_method__in=["unknown", "curated-reading"]).update(
        match_method="new", match_score=0.0
    )


class Migration(migrations.Migration):
    dependencies = [("signatories", "0005_override_by_source_slug")]

    operations = [
        migrations.RemoveConstraint(model_name="listentry", name="entry_method_is_known"),
        migrations.AddField(
            model_name="listentry",
            name="override",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="pinned_entries",
                to="signatories.matchoverride",
            ),
        ),
        migrations.RunPython(keep_evidence_beside_pins, put_pins_back_over_evidence),
        migrations.AlterField(
            model_name="listentry",
            name="match_method",
            field=models.CharField(choices=METHODS, max_length=20),
        ),
        migrations.AddConstraint(
            model_name="listentry",
            constraint=models.CheckConstraint(
                condition=models.Q(("match_method__in", [m for m, _ in METHODS])),
                name="entry_method_is_known",
            ),
        ),
    ]
