"""Each copy's original bytes: downloadable exactly as received, checkable, and where it came from."""

import base64
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from intake.importer import LoadError, load_letters
from letters.models import SourceVersion
from public.originals import content_type_for, line_count
from tests.factories import SourceVersionFactory

pytestmark = pytest.mark.django_db


def shown_sha256(client, source: SourceVersion) -> str:
    html = client.get(source.get_absolute_url()).content.decode()
    return re.search(r'<code class="hash">([0-9a-f]{64})</code>', html).group(1)


def test_every_seed_downloads_as_the_bytes_whose_sha256_the_archive_shows(
    client, seeded, seed_folder
):
    sources = list(SourceVersion.objects.order_by("position"))
    assert len(sources) == 5
    for source in sources:
        response = client.get(reverse("letters:source-raw", args=[source.slug]))
        assert response.status_code == 200, source.slug
        body = response.content
        assert hashlib.sha256(body).hexdigest() == shown_sha256(client, source)
        assert body == (seed_folder / source.file_name).read_bytes()
        digest = re.fullmatch(r"sha-256=:([A-Za-z0-9+/=]+):", response["Repr-Digest"]).group(1)
        assert base64.b64decode(digest) == hashlib.sha256(body).digest()
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="{source.file_name}"'


def test_source_page_links_to_its_original(client, seeded):
    source = SourceVersion.objects.get(slug="pdf-text")
    html = client.get(source.get_absolute_url()).content.decode()
    assert f'href="{reverse("letters:source-raw", args=["pdf-text"])}"' in html


def test_binary_copy_is_served_as_its_type_without_a_charset(client, db):
    pdf = b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    source = SourceVersionFactory(slug="scan", file_name="scan.pdf", raw=pdf)
    response = client.get(reverse("letters:source-raw", args=[source.slug]))
    assert response.content == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="scan.pdf"'


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("a.txt", "naïve".encode(), "text/plain; charset=utf-8"),
        ("a.txt", "naïve".encode("latin-1"), "text/plain"),
        ("page.html", b"<p>x</p>", "text/plain; charset=utf-8"),
        ("press.md", b"# x", "text/plain; charset=utf-8"),
        ("capture.warc", b"WARC/1.0\r\n", "application/warc"),
        ("blob", b"\xff\xfe\x00", "application/octet-stream"),
    ],
)
def test_content_type_follows_the_extension_and_says_utf_8_only_when_it_is(name, data, expected):
    assert content_type_for(name, data) == expected


def test_copy_without_stored_bytes_or_an_unknown_copy_is_not_found(client, db):
    SourceVersionFactory(slug="empty", raw=b"")
    assert client.get(reverse("letters:source-raw", args=["empty"])).status_code == 404
    assert client.get(reverse("letters:source-raw", args=["nope"])).status_code == 404


def wc_l(path: Path) -> int:
    return int(
        subprocess.run(["wc", "-l", str(path)], capture_output=True, text=True).stdout.split()[0]
    )


def test_line_counts_agree_with_wc_l_for_every_seed(client, seeded, seed_folder):
    for source in SourceVersion.objects.all():
        path = seed_folder / source.file_name
        data = path.read_bytes()
        breaks = wc_l(path)
        lines = line_count(data)
        html = re.sub(r"\s+", " ", client.get(source.get_absolute_url()).content.decode())
        assert f"{source.size} bytes, {lines} line{'s' if lines != 1 else ''}" in html
        if data.endswith(b"\n"):
            assert lines == breaks
            assert "wc -l</code> counts" not in html
        else:
            assert lines == breaks + 1
            assert f"<code>wc -l</code> counts {breaks})" in html


def test_a_last_line_without_a_line_break_still_counts():
    assert line_count(b"a\nb\n") == 2
    assert line_count(b"a\nb") == 2
    assert line_count(b"") == 0


@pytest.fixture
def letter_copy(tmp_path, seed_folder) -> Path:
    folder = tmp_path / "global-call-china-2020"
    shutil.copytree(seed_folder, folder)
    return folder


def set_provenance(folder: Path, lines: str) -> None:
    toml = folder / "letter.toml"
    text = toml.read_text(encoding="utf-8")
    anchor = 'slug = "pdf-text"\n'
    toml.write_text(text.replace(anchor, anchor + lines, 1), encoding="utf-8")


def test_provenance_keys_are_stored_and_shown(client, db, letter_copy):
    set_provenance(
        letter_copy,
        'url = "https://example.org/letter.pdf"\nretrieved = 2020-09-12\n'
        'archived_url = "https://web.archive.org/web/2020/https://example.org/letter.pdf"\n',
    )
    load_letters([letter_copy])
    source = SourceVersion.objects.get(slug="pdf-text")
    assert source.url == "https://example.org/letter.pdf"
    assert source.retrieved.isoformat() == "2020-09-12"
    html = client.get(source.get_absolute_url()).content.decode()
    assert 'href="https://example.org/letter.pdf"' in html
    assert "12 September 2020" in html
    assert 'href="https://web.archive.org/web/2020/https://example.org/letter.pdf"' in html


def test_seeds_record_no_address_or_date_their_documents_do_not_state(client, seeded):
    assert not SourceVersion.objects.exclude(url="").exists()
    assert not SourceVersion.objects.exclude(archived_url="").exists()
    assert not SourceVersion.objects.filter(retrieved__isnull=False).exists()
    html = client.get(reverse("letters:source-detail", args=["cihrs-web"])).content.decode()
    assert "<dt>Found at</dt><dd>not stated</dd>" in html


@pytest.mark.parametrize(
    "lines, message",
    [
        ('url = "ftp://example.org/x"\n', "url must be an http or https address"),
        ('url = "example.org/x"\n', "url must be an http or https address"),
        ('archived_url = "javascript:alert(1)"\n', "archived_url must be an http or https"),
        ('retrieved = "12 September 2020"\n', "retrieved must be a date"),
        ("url = 5\n", "url must be a non-empty string"),
    ],
)
def test_bad_provenance_is_refused_and_changes_nothing(db, letter_copy, lines, message):
    set_provenance(letter_copy, lines)
    with pytest.raises(LoadError, match=message):
        load_letters([letter_copy])
    assert not SourceVersion.objects.exists()
