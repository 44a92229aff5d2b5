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
    return [graph.leaf_nodes(app)[0] for app in ("signatories", "curation", "search")]


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
