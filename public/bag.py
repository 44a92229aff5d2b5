"""The archive as a BagIt bag (RFC 8493), made with the Library of Congress `bagit` library.

The payload is everything a reader needs to check and reuse the archive without it: every copy's
bytes exactly as stored, the letter.toml they were loaded with, the reconciled data (the
directory's CSV downloads and its JSON) and the public corrections log. `export_bag` writes the
bag to a folder; /downloads/archive-bag.zip serves the same bag zipped. Both call `write_bag`.

`bagit.make_bag` changes the process's working directory while it runs, so bags are made one at
a time, and the zip is kept per data version: a web process makes it once per import.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import bagit
from django.core.cache import cache

from letters.labels import assign_labels
from letters.models import Letter, SourceVersion
from public.correction_views import correction_data, public_corrections
from public.downloads import directory_data, with_entries, write_entries_csv
from public.signatory_csv import write_signatories_csv
from signatories.models import Signatory
from web.api_json import api_list

MAKE_BAG_LOCK = threading.Lock()
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say when no import date is known


class BagError(Exception):
    """The bag cannot be made truthfully (a stored copy no longer matches its sha256)."""


@dataclass(frozen=True)
class SiteLinks:
    """Makes the archive's paths absolute under `base_url`; with no base they stay site-relative.

    It answers `build_absolute_uri` as a request does, for the functions that take one."""

    base_url: str = ""

    def build_absolute_uri(self, location: str) -> str:
        return self.base_url.rstrip("/") + location


def payload(letter: Letter, links: SiteLinks) -> dict[str, bytes]:
    """Path inside data/ -> bytes, for every file of the bag's payload."""
    sources = list(
        SourceVersion.objects.filter(letter=letter)
        .defer("text", "body")
        .with_entry_counts()
        .order_by("position")
    )
    assign_labels(sources)
    files: dict[str, bytes] = {}
    if not letter.manifest:
        raise BagError(f"{letter.slug}: letter.toml is not stored; run load_letter again")
    files["letter.toml"] = letter.manifest.encode("utf-8")
    for source in sources:
        data = bytes(source.raw)
        if hashlib.sha256(data).hexdigest() != source.sha256:
            raise BagError(
                f"{source.slug}: the stored copy does not match its sha256 {source.sha256}; "
                "run verify_fixity"
            )
        files[f"sources/{source.file_name}"] = data
    signatories = with_entries(Signatory.objects.filter(letter=letter).order_by("sort_key", "pk"))
    url = links.build_absolute_uri
    entries_csv = io.StringIO(newline="")
    write_entries_csv(entries_csv, signatories, url)
    files["signatories.csv"] = entries_csv.getvalue().encode("utf-8")
    table_csv = io.StringIO(newline="")
    write_signatories_csv(table_csv, signatories, [s for s in sources if s.has_list], url)
    files["signatories-one-row-each.csv"] = table_csv.getvalue().encode("utf-8")
    directory = directory_data(letter, sources, signatories, url)
    files["signatories.json"] = as_json(directory)
    corrections = [correction_data(links, c) for c in public_corrections().filter(letter=letter)]
    files["corrections.json"] = as_json(api_list(corrections))
    return files


def as_json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def bag_info(letter: Letter, links: SiteLinks) -> dict[str, str]:
    info = {
        "External-Identifier": letter.slug,
        "External-Description": (
            f"{letter.title}: every copy of the open letter byte for byte, the letter.toml they "
            "were loaded with, the reconciled signatories (CSV and JSON) and the corrections log."
        ),
        "Internal-Sender-Identifier": f"data version {letter.data_version}",
    }
    if links.base_url:
        info["Source-Organization"] = links.base_url
    return info


def write_bag(target: Path, *, letter: Letter, links: SiteLinks) -> bagit.Bag:
    """Make `target` (absent or an empty folder) a bag of the letter's archive; return the bag."""
    files = payload(letter, links)
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BagError(f"{target} is not empty")
    for name, data in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with MAKE_BAG_LOCK:
        return bagit.make_bag(str(target), bag_info=bag_info(letter, links), checksums=["sha256"])


def zip_folder(folder: Path, prefix: str, date_time: tuple) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return out.getvalue()


def bag_zip(letter: Letter, links: SiteLinks) -> bytes:
    """The bag as a zip whose single top folder is the bag; kept per data version and base URL."""
    key = (
        "bag:"
        + hashlib.sha256(f"{letter.pk}|{letter.data_version}|{links.base_url}".encode()).hexdigest()
    )
    cached = cache.get(key)
    if cached is not None:
        return cached
    name = f"{letter.slug}-bag"
    stamp = letter.imported_at.timetuple()[:6] if letter.imported_at else ZIP_DATE
    with tempfile.TemporaryDirectory() as tmp:
        write_bag(Path(tmp) / name, letter=letter, links=links)
        data = zip_folder(Path(tmp) / name, name, max(stamp, ZIP_DATE))
    cache.set(key, data, timeout=None)
    return data
