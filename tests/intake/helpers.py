"""Helpers of the importer tests: what the importer wrote, a copy of the seed folder to change,
a copy of the letter in a shape no seed has (this module holds no tests)."""

import hashlib
import random
import textwrap
import unicodedata
from pathlib import Path

from intake.parsing import parse_source
from letters.models import Letter, SourceVersion
from signatories.models import ListEntry, Signatory

LIST_SOURCES = ["cihrs-web", "pdf-text", "forum-asia-web", "minbyun-press-release"]


def snapshot():
    """Everything the importer writes, as plain values."""
    return (
        list(Letter.objects.values_list("slug", "title", "data_version").order_by("pk")),
        list(SourceVersion.objects.values_list("slug", "sha256", "diagnostics").order_by("pk")),
        list(Signatory.objects.values_list("slug", "name", "kind").order_by("pk")),
        list(
            ListEntry.objects.values_list(
                "source__slug", "ordinal", "text", "signatory__slug", "match_method"
            ).order_by("pk")
        ),
    )


def entries_of(slug: str) -> list[str]:
    return list(
        ListEntry.objects.filter(source__slug=slug)
        .order_by("ordinal")
        .values_list("text", flat=True)
    )


def sources_of(signatory: Signatory) -> set[str]:
    return set(signatory.entries.values_list("source__slug", flat=True))


def add_source(folder: Path, slug: str, text: str | bytes, *, suffix: str = "txt", **extra) -> None:
    """Write a copy into the folder and list it in letter.toml (text, or the bytes of a file)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / f"{slug}.{suffix}").write_bytes(data)
    fields = {
        "slug": slug,
        "file": f"{slug}.{suffix}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "title": "Another copy",
        "publisher": "A test publisher",
        "kind": "web-page",
        **extra,
    }
    block = "\n[[sources]]\n" + "".join(f'{k} = "{v}"\n' for k, v in fields.items())
    with (folder / "letter.toml").open("a", encoding="utf-8") as toml:
        toml.write(block)


def unseen_copy(seed_folder: Path, seed: int) -> tuple[str, int]:
    """A copy of the letter in a shape no seed has: '* ' bullets in another order, wrapped and
    indented names, stripped accents, HTML entities, no-break spaces, case changes and typos."""
    title = "Global call for international human rights monitoring mechanisms on China"
    source = next(seed_folder.glob("002_*.txt")).read_text(encoding="utf-8")
    names = [e.text for e in parse_source(source, title=title).entries]
    rng = random.Random(seed)
    rng.shuffle(names)
    lines = []
    for name in names:
        roll = rng.random()
        if roll < 0.15:
            name = "".join(
                c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
            )
        elif roll < 0.25:
            name = name.replace("&", "&amp;").replace("’", "&#8217;")
        elif roll < 0.35:
            name = name.replace(" ", "\u00a0", 2)
        elif roll < 0.45:
            name = name.upper() if len(name) < 40 else name.lower()
        elif roll < 0.55 and len(name) > 25 and name.isascii():
            i = len(name) // 2
            name = name[:i] + name[i + 1 :]  # a dropped letter
        wrapped = textwrap.wrap(name, 48) or [name]
        lines.append("* " + wrapped[0])
        lines.extend("      " + part for part in wrapped[1:])
    text = (
        f"Header of a site\n\n{title}\n\nAn open letter to UN Member States\n\n"
        "We, the undersigned organisations, join together to call for an international "
        "mechanism to address the Chinese government’s human rights violations.\n\n"
        "Signed by:\n\n" + "\n".join(lines) + "\n\n"
        "*Signatories totaled 321 organisations. However, 39 organisations chose to remain "
        "anonymous.\n"
    )
    return text, len(names)


def rewrite(folder: Path, old: str, new: str) -> None:
    toml = folder / "letter.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")
