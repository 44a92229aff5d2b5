"""Helpers shared by the curation and admin tests (this module holds no tests)."""

import hashlib
import shutil
from pathlib import Path

from django.contrib.auth.models import Group, User

from signatories.models import ListEntry, Signatory

PASSWORD = "a long enough test password 42"
EXTRA_SOURCE_SLUG = "mirror-web"


def make_user(username: str, *, curator: bool = True, staff: bool = True) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, is_staff=staff, first_name=username.title()
    )
    if curator:
        user.groups.add(Group.objects.get(name="Curators"))
    return user


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
