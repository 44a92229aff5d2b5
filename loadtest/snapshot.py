"""Render the public pages in process and save or compare their bytes: proof that a change to how
pages are built changes none of them.

    DATABASE_URL=postgres://... python loadtest/snapshot.py curate   (once, optional)
    DATABASE_URL=postgres://... python loadtest/snapshot.py save /tmp/before
    (change the code)
    DATABASE_URL=postgres://... python loadtest/snapshot.py compare /tmp/before

Production settings (DEBUG off), no response cache, every page rendered fresh through the whole
middleware stack by Django's test client. The URLs: the letter, every source, signatory and API
detail, the directory and the search API with and without searches, filters, sorts and pages,
the discrepancies, the downloads and the other public pages. Run against a database with a
letter loaded (`manage.py load_letter`); `curate` first makes a few curators' decisions there
(a merge, a move, a confirmation, a rename, an alias, details, notes), so that the pages show
what curation adds to them; never on a database that matters. `compare` exits 1 when any
page's status, type or bytes differ, or when it needs more SQL queries than before, and prints
which.
"""

import hashlib
import json
import os
import re
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"
SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": HOST,
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_RESPONSE_CACHE": "0",
    "APP_RELEASE": "snapshot",
}
SEARCHES = ["tibet", "amnesty", "human rights", "uyghur", "日本", "hong kong watch", "zzzz", "HRIC"]
DIRECTORY_QUERIES = [
    "",
    "?page=2",
    "?page=6",
    "?initial=A",
    "?initial=other",
    "?sort=-name",
    "?sort=sources",
    "?sort=-sources&page=2",
    "?coverage=some",
    "?coverage=all&page=3",
    "?kind=individual",
    "?listed_in={source}",
    "?missing_from={source}",
    *(f"?q={q}" for q in SEARCHES),
    "?q=rights&page=2",
    "?q=rights&sort=-sources",
    "?q=" + "x" * 201,
    "?kind=planet&sort=bogus&listed_in=nowhere",
    "?sort=-name&initial=H&q=rights&page=1",
]
API_QUERIES = [
    "",
    "?page=2",
    "?page_size=500",
    "?page=99",
    "?page=0",
    *(f"?q={q}" for q in SEARCHES),
    "?q=rights&page=2&page_size=10",
]
PAGES = [
    "/",
    "/sources/",
    "/collation/",
    "/about/",
    "/discrepancies/",
    "/corrections/",
    "/corrections.json",
    "/corrections.atom",
    "/robots.txt",
    "/sitemap.xml",
    "/citation.bib",
    "/citation.ris",
    "/signatories.csv",
    "/signatories.json",
    "/signatories-one-row-each.csv",
    "/signatories.csv?q=tibet",
    "/signatories.json?q=rights&coverage=some",
    "/signatories-one-row-each.csv?sort=-sources",
    "/api/",
    "/api/openapi.json",
    "/api/letter",
    "/api/sources",
    "/api/corrections",
    "/no-such-page/",
    "/signatories/no-such-signatory/",
    "/api/signatories/no-such-signatory",
]


def setup() -> None:
    for name, value in SETTINGS.items():
        os.environ[name] = value
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database with a letter loaded.")
    import django

    django.setup()


def urls() -> list[str]:
    from letters.models import SourceVersion
    from signatories.models import Signatory

    sources = list(SourceVersion.objects.order_by("position").values_list("slug", flat=True))
    listing = list(SourceVersion.objects.with_lists().values_list("slug", flat=True))
    slugs = list(Signatory.objects.order_by("sort_key", "pk").values_list("slug", flat=True))
    found = list(PAGES)
    found += [
        "/signatories/" + q.format(source=listing[-1] if listing else "") for q in DIRECTORY_QUERIES
    ]
    found += ["/api/signatories" + q for q in API_QUERIES]
    for slug in sources:
        found += [f"/sources/{slug}/", f"/sources/{slug}/raw", f"/api/sources/{slug}"]
        found += [f"/sources/{slug}/citation.bib"]
    for slug in slugs:
        found += [f"/signatories/{slug}/", f"/api/signatories/{slug}"]
    found += [f"/signatories/{slug}/citation.ris" for slug in slugs[:5]]
    return found


def render(url: str) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = Client(SERVER_NAME=HOST).get(url)
        body = stable(url, b"".join(response) if response.streaming else response.content)
    return {
        "queries": len(queries),
        "status": response.status_code,
        "type": response.get("Content-Type", ""),
        "disposition": response.get("Content-Disposition", ""),
        "sha256": hashlib.sha256(body).hexdigest(),
        "bytes": len(body),
        "body": body,
    }


def stable(url: str, body: bytes) -> bytes:
    """The body without what changes from one request to the next: an empty feed's <updated>
    is the time of the request (Django's Feed)."""
    if url.endswith(".atom") and b"<entry>" not in body:
        return re.sub(rb"<updated>[^<]*</updated>", b"<updated></updated>", body)
    return body


def curate() -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from curation.models import Correction
    from curation.services import entries, merge, signatories, sources
    from letters.models import SourceVersion
    from signatories.models import Signatory

    if Correction.objects.exists():
        print("curated already")
        return
    user, _ = get_user_model().objects.get_or_create(username="snapshot-curator")
    named = Signatory.objects.get
    why = {"reason": "Snapshot of curated pages", "user": user}
    with transaction.atomic():
        merge.signatory_merge(
            survivor=named(name="Human Rights in China"), merged=named(name="HRIC"), **why
        )
        moved = named(name="Japan Uyghur Association").entries.order_by("source__position")[0]
        entries.match_override(entry=moved, signatory=named(name="日本ウイグル協会"), **why)
        amnesty = named(name="Amnesty International")
        entries.match_override(entry=amnesty.entries.first(), signatory=amnesty, **why)
        signatories.alias_add(signatory=amnesty, name="Amnistie", language="fr", **why)
        signatories.alias_add(signatory=amnesty, name="AI", **why)
        signatories.signatory_set_details(
            signatory=amnesty, kind="", country="GB", name_language="en", **why
        )
        signatories.signatory_set_note(signatory=amnesty, note="A note & <more>.", **why)
        tibet = Signatory.objects.filter(name__icontains="tibet").order_by("pk")[0]
        signatories.signatory_rename(signatory=tibet, name=f"{tibet.name} (renamed)", **why)
        source = SourceVersion.objects.order_by("position")[0]
        sources.source_set_note(source=source, note="A curator's note on the copy.", **why)
    print(f"curated: {Correction.objects.count()} corrections")


def file_name(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:20]


def save(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    index = {}
    for url in urls():
        page = render(url)
        (folder / file_name(url)).write_bytes(page.pop("body"))
        index[url] = page
    (folder / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False))
    print(f"saved {len(index)} pages in {folder}")


def compare(folder: Path) -> int:
    index = json.loads((folder / "index.json").read_text())
    differing, fewer = 0, 0
    current = urls()
    for url in sorted(set(index) ^ set(current)):
        print(f"only {'before' if url in index else 'now'}: {url}")
        differing += 1
    for url in current:
        if url not in index:
            continue
        page, before = render(url), dict(index[url])
        body = page.pop("body")
        queries, queries_before = page.pop("queries"), before.pop("queries", None)
        if page != before:
            differing += 1
            (folder / (file_name(url) + ".now")).write_bytes(body)
            print(f"DIFFERS: {url} (before {before}, now {page})")
        elif queries_before is not None and queries != queries_before:
            # Not a difference readers see, but a page should never need more queries.
            more = queries > queries_before
            differing += more
            fewer += not more
            print(f"{'MORE' if more else 'fewer'} queries: {url} ({queries_before} → {queries})")
    print(f"{len(current)} pages compared, {differing} differ, {fewer} need fewer queries")
    return 1 if differing else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["curate"]:
        setup()
        curate()
    elif len(sys.argv) != 3 or sys.argv[1] not in ("save", "compare"):
        sys.exit(__doc__)
    else:
        setup()
    if sys.argv[1] == "save":
        save(Path(sys.argv[2]))
    elif sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2])))
