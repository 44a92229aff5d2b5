"""Moving SignatoryRedirect from curation to signatories keeps its rows and the Curators' permission.

Runs the migrations themselves, so it needs a test database outside a transaction.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from letters.models import Letter

BEFORE = [("signatories", "0001_initial"), ("curation", "0002_curators_group")]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def curators_may_view_old_slugs(old_apps):
    """The database as it was before the move: old slugs' content type and permission under
    curation, and the Curators group holding it (earlier tests may have emptied the tables)."""
    content_types = old_apps.get_model("contenttypes", "ContentType").objects
    content_types.filter(model="signatoryredirect").delete()
    old_type = content_types.create(app_label="curation", model="signatoryredirect")
    permission = old_apps.get_model("auth", "Permission").objects.create(
        content_type=old_type, codename="view_signatoryredirect", name="Can view old slug"
    )
    group, _ = old_apps.get_model("auth", "Group").objects.get_or_create(name="Curators")
    group.permissions.add(permission)
    return permission


def leaves() -> list[tuple[str, str]]:
    graph = MigrationExecutor(connection).loader.graph
    return [graph.leaf_nodes(app)[0] for app in ("letters", "signatories", "curation", "search")]


@pytest.mark.django_db(transaction=True)
def test_redirects_and_the_curators_permission_survive_the_move():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        permission = curators_may_view_old_slugs(old)
        letter = Letter.objects.create(slug="l", title="L")  # letters is not migrated back
        survivor = old.get_model("signatories", "Signatory").objects.create(
            letter_id=letter.pk, slug="survivor", name="Survivor", imported_name="Survivor"
        )
        old.get_model("curation", "SignatoryRedirect").objects.create(
            old_slug="merged-away", signatory_id=survivor.pk
        )
        migrate(leaves())
    finally:
        migrate(leaves())
    from signatories.models import SignatoryRedirect

    assert list(SignatoryRedirect.objects.values_list("old_slug", "signatory__slug")) == [
        ("merged-away", "survivor")
    ]
    moved = Group.objects.get(name="Curators").permissions.get(codename="view_signatoryredirect")
    assert (moved.pk, moved.content_type.app_label) == (permission.pk, "signatories")


PINS_OVER_EVIDENCE = [
    ("letters", "0002_source_originals_and_provenance"),
    ("signatories", "0004_signatory_sort_key"),
    ("curation", "0003_signatoryredirect_moved"),
]


@pytest.mark.django_db(transaction=True)
def test_pins_move_beside_the_evidence_and_the_importers_method_is_rederived():
    """Entries a curator had pinned (method "override", score 100) get back what the rows allow:
    "new" in the first list, the strictest key that agrees with an earlier copy's reading, else
    "unknown"; the pin becomes the entry's override, keyed by the source's slug."""
    try:
        old = migrate(PINS_OVER_EVIDENCE).loader.project_state(PINS_OVER_EVIDENCE).apps
        letter = old.get_model("letters", "Letter").objects.create(slug="l", title="L")
        Source = old.get_model("letters", "SourceVersion")
        first, second = (
            Source.objects.create(
                letter=letter, slug=slug, position=n, file_name=f"{slug}.txt", sha256=f"{n}" * 64,
                size=1, title="T", publisher="P", kind="web-page", text="x",
            )
            for n, slug in ((1, "first"), (2, "second"))
        )  # fmt: skip
        Signatory = old.get_model("signatories", "Signatory")
        Entry = old.get_model("signatories", "ListEntry")
        Override = old.get_model("signatories", "MatchOverride")
        hric = Signatory.objects.create(
            letter=letter, slug="hric", name="HRIC", imported_name="HRIC"
        )
        rows = [
            (first, 1, "HRIC"),
            (second, 1, "H.R.I.C."),
            (second, 2, "hric"),
            (second, 3, "Zzz"),
        ]
        for source, ordinal, text in rows:
            Entry.objects.create(
                source=source, ordinal=ordinal, text=text, line_start=1, line_end=1,
                signatory=hric, match_method="override", match_score=100.0,
            )  # fmt: skip
            Override.objects.create(
                source=source, ordinal=ordinal, text=text, signatory=hric, reason="Pinned."
            )
        migrate(leaves())
    finally:
        migrate(leaves())
    from signatories.models import ListEntry, MatchOverride

    found = {
        (e.source.slug, e.ordinal): (e.match_method, e.match_score, e.override.source_slug)
        for e in ListEntry.objects.select_related("source", "override")
    }
    assert found == {
        ("first", 1): ("new", 0.0, "first"),
        ("second", 1): ("compact", 100.0, "second"),
        ("second", 2): ("normalized", 100.0, "second"),
        ("second", 3): ("unknown", 0.0, "second"),
    }
    assert set(MatchOverride.objects.values_list("kind", flat=True)) == {"placed"}
