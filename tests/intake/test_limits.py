"""The importer's limits: refused with a clear LoadError before any write, on both backends."""

import hashlib
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from intake import limits
from intake.importer import LoadError, load_letters
from letters.models import SourceVersion
from tests.intake.helpers import add_source, rewrite, snapshot

PDF_FILE = "001_72206b73708e38e8.txt"
PDF_SHA = "025f037f56d8afc6d7b51c5121c72cf417cd24479647c15bf99d8ab3220e77ad"
TITLE = "Global call for international human rights monitoring mechanisms on China"


@pytest.fixture
def letter_copy(tmp_path, seed_folder) -> Path:
    folder = tmp_path / "global-call-china-2020"
    shutil.copytree(seed_folder, folder)
    return folder


def replace_in_pdf_copy(folder: Path, old: str, new: str) -> None:
    """Change the PDF copy's text and its checksum in letter.toml to match."""
    path = folder / PDF_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    data = text.replace(old, new, 1).encode("utf-8")
    path.write_bytes(data)
    rewrite(folder, PDF_SHA, hashlib.sha256(data).hexdigest())


def too_many_sources(folder: Path) -> None:
    extra = "".join(
        f'\n[[sources]]\nslug = "mirror-{n}"\nfile = "mirror-{n}.txt"\nsha256 = "{n:064x}"\n'
        'title = "Mirror"\npublisher = "Mirror"\nkind = "web-page"\n'
        for n in range(limits.MAX_SOURCES_PER_LETTER)
    )
    with (folder / "letter.toml").open("a", encoding="utf-8") as toml:
        toml.write(extra)


def oversized_file(folder: Path) -> None:
    (folder / PDF_FILE).write_bytes(b"x" * (limits.MAX_SOURCE_FILE_BYTES + 1))


LIMITS = {
    "too many sources": (too_many_sources, "at most 100"),
    "oversized file": (oversized_file, "at most 5,242,880"),
    "long source title": (
        lambda f: rewrite(f, 'title = "Global call', f'title = "{"x" * 290} Global call'),
        "title is 364 characters long; at most 300",
    ),
    "long publisher": (
        lambda f: rewrite(f, 'publisher = "Publisher', f'publisher = "{"p" * 200} Publisher'),
        "publisher is .* at most 200",
    ),
    "long letter slug": (
        lambda f: rewrite(f, 'slug = "global-call', f'slug = "{"a" * 100}-global-call'),
        "slug is .* at most 100",
    ),
    "719-character name": (
        lambda f: replace_in_pdf_copy(f, "Amnesty International", "Amnesty " + "I" * 711),
        "a name of 719 characters; at most 500",
    ),
    "NUL in a title": (
        lambda f: rewrite(f, 'title = "Global call', 'title = "Global\\u0000 call'),
        "U\\+0000",
    ),
    "NUL in a file name": (
        lambda f: rewrite(f, f'file = "{PDF_FILE}"', 'file = "001\\u0000.txt"'),
        "file_name contains the control character U\\+0000",
    ),
    "escape in a publisher": (
        lambda f: rewrite(f, 'publisher = "Publisher', 'publisher = "\\u001b[31mPublisher'),
        "U\\+001B",
    ),
    "NUL in a source text": (
        lambda f: replace_in_pdf_copy(f, "Amnesty International", "Amnesty\x00International"),
        "U\\+0000",
    ),
    "escape in a printed name": (
        lambda f: replace_in_pdf_copy(f, "Amnesty International", "Amnesty\x1bInternational"),
        "U\\+001B",
    ),
}


@pytest.mark.parametrize("case", sorted(LIMITS))
def test_input_over_a_limit_is_refused_before_anything_is_written(db, letter_copy, case):
    damage, message = LIMITS[case]
    damage(letter_copy)
    before = snapshot()

    with pytest.raises(LoadError, match=message):
        load_letters([letter_copy])

    assert snapshot() == before


@pytest.mark.parametrize("case", ["719-character name", "NUL in a file name"])
def test_the_command_says_what_is_wrong_instead_of_a_traceback(db, letter_copy, case):
    damage, message = LIMITS[case]
    damage(letter_copy)

    with pytest.raises(CommandError, match=f"Nothing was loaded: .*{message}"):
        call_command("load_letter", str(letter_copy), verbosity=0)


def test_a_news_report_that_prints_a_list_is_loaded_with_a_warning(db, letter_copy, capsys):
    listed = (letter_copy / "002_6fc4feaa17a14d90.txt").read_text(encoding="utf-8")
    add_source(letter_copy, "news-with-list", listed.replace("FORUM-ASIA", "Daily News"),
               kind="news-report")  # fmt: skip

    call_command("load_letter", str(letter_copy))

    output = capsys.readouterr().out
    assert "news-with-list: warning: This news report prints a list of 281 names" in output
    source = SourceVersion.objects.get(slug="news-with-list")
    assert not source.entries.exists()
    assert "list-in-news-report" in {d["code"] for d in source.diagnostics}


def test_the_seed_news_report_loads_without_a_warning(db, seed_folder, capsys):
    call_command("load_letter", str(seed_folder))

    assert "warning" not in capsys.readouterr().out


def generated_letter(folder: Path, count: int) -> Path:
    """A letter with `count` copies, each an unnumbered list of twenty names."""
    folder.mkdir()
    toml = ['slug = "generated"', 'title = "Generated letter"']
    for n in range(count):
        names = [f"Organisation {(n * 7 + j) % 60} for Rights" for j in range(20)]
        data = f"Generated letter\n\nCopy {n}.\n\nSigned:\n\n{chr(10).join(names)}\n".encode()
        (folder / f"{n}.txt").write_bytes(data)
        toml += ["[[sources]]", f'slug = "copy-{n}"', f'file = "{n}.txt"', 'title = "Copy"',
                 f'sha256 = "{hashlib.sha256(data).hexdigest()}"', 'publisher = "P"',
                 'kind = "web-page"']  # fmt: skip
    (folder / "letter.toml").write_text("\n".join(toml) + "\n")
    return folder


def test_reading_a_letter_grows_linearly_with_its_copies(tmp_path, monkeypatch):
    from intake import manifest

    calls = {}
    for count in (4, 16):
        folder = generated_letter(tmp_path / str(count), count)
        seen = []
        monkeypatch.setattr(manifest, "compact_key", lambda t, seen=seen: seen.append(t) or t)
        manifest.read_letter_folder(folder)
        calls[count] = len(seen)

    # Four times the copies, four times the keys; gathering the other copies' names for every
    # copy took sixteen times as many (4 copies x 3 others against 16 x 15).
    assert calls[16] <= 4.5 * calls[4], calls
