"""Helpers shared by the curation and admin tests (this module holds no tests)."""

import hashlib
import shutil
from importlib import import_module
from pathlib import Path

from django.contrib.auth.models import Group, Permission, User

from curation.models import Correction, SourceNote
from search.models import SearchDocument
from signatories.models import Alias, ListEntry, MatchOverride, Signatory, SignatoryRedirect

PASSWORD = "a long enough test password 42"
EXTRA_SOURCE_SLUG = "mirror-web"


def curators_group() -> Group:
    """The Curators group its migrations create (a transactional test's flush empties it)."""
    group, created = Group.objects.get_or_create(name="Curators")
    if created:
        granted = import_module("curation.migrations.0002_curators_group").PERMISSIONS
        granted = {**granted, "curation": [*granted["curation"], "undo_correction"]}
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codenames in granted.items()
            for codename in codenames
            if codename != "view_signatoryredirect"  # moved to signatories since (its 0002)
        )
        group.permissions.add(Permission.objects.get(codename="view_signatoryredirect"))
    return group


def make_user(username: str, *, curator: bool = True, staff: bool = True) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, is_staff=staff, first_name=username.title()
    )
    if curator:
        user.groups.add(curators_group())
    return user


def snapshot(before_correction: int) -> dict:
    """Every row curation may change, as it is stored (links of earlier corrections only)."""
    links = Correction.signatories.through.objects.filter(correction_id__lte=before_correction)
    return {
        "signatories": list(Signatory.objects.order_by("pk").values()),
        "entries": list(ListEntry.objects.order_by("pk").values()),
        "overrides": list(MatchOverride.objects.order_by("pk").values()),
        "aliases": list(Alias.objects.order_by("pk").values()),
        "redirects": list(SignatoryRedirect.objects.order_by("pk").values()),
        "source_notes": list(SourceNote.objects.order_by("pk").values()),
        "links": sorted(links.values_list("correction_id", "signatory_id")),
        "search": list(SearchDocument.objects.order_by("pk").values("pk", "doc", "name")),
    }


def last_correction() -> int:
    return Correction.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def signatory(slug: str) -> Signatory:
    return Signatory.objects.get(slug=slug)


def entry(source: str, text: str) -> ListEntry:
    return ListEntry.objects.select_related("source", "signatory").get(
        source__slug=source, text=text
    )


def folder_with_extra_source(seed_folder: Path, tmp_path: Path) -> Path:
    """A copy of the seed folder with a sixth source: a mirror of the CIHRS page (its full list)."""
    folder = tmp_path / seed_folder.name
    shutil.copytree(seed_folder, folder)
    original = (seed_folder / "000_eac5887e324eee14.txt").read_bytes()
    data = original.replace(b"Share this Post", b"Mirrored by a test archive")
    assert data != original
    (folder / "005_mirror.txt").write_bytes(data)
    manifest = folder / "letter.toml"
    manifest.chmod(0o644)
    with manifest.open("a", encoding="utf-8") as out:
        out.write(
            "\n[[sources]]\n"
            f'slug = "{EXTRA_SOURCE_SLUG}"\n'
            'file = "005_mirror.txt"\n'
            f'sha256 = "{hashlib.sha256(data).hexdigest()}"\n'
            'title = "Global call (mirror)"\n'
            'publisher = "A test mirror"\n'
            'kind = "web-page"\n'
            'language = "en"\n'
        )
    return folder
