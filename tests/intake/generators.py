"""Copies of the letter in the shapes archivists find, made at test time from the seed copies'
lists: page furniture, lists in running text, names annotated with places (in the common order or
shuffled), and typos. Each generator returns the copy's text and, for every name it printed in
order, the index of the seed entry it came from, so a test can say which signatory each entry
must join. The wording, separators and furniture vary with the random seed; nothing here knows
how the loader reads them (this module holds no tests).
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass

TITLE = "Global call for international human rights monitoring mechanisms on China"
ADDRESSEES = [
    "An open letter to UN Secretary-General Antonio Guterres, UN High Commissioner for Human "
    "Rights Michelle Bachelet, UN Member States",
    "An open letter to: UN Secretary-General Antonio Guterres, UN High Commissioner for Human "
    "Rights Michelle Bachelet, UN Member States.",
]
NOTES = [
    "*Signatories totaled 321 organizations. However, 39 organizations chose to remain anonymous.",
    "Signatories totaled 321 organisations; 39 organisations chose to remain anonymous.",
]
COUNTRIES = [
    "Germany", "France", "Japan", "Taiwan", "Canada", "United Kingdom", "UK", "Australia",
    "Belgium", "Burundi", "Venezuela", "Korea", "South Korea", "Hong Kong", "Nepal", "India",
    "Indonesia", "Liberia", "Uganda", "Tanzania", "Russia", "Switzerland", "Netherlands",
    "United States", "USA", "Mongolia", "Malaysia", "Philippines", "Sweden", "Ireland", "Kenya",
    "Nigeria", "Mexico", "Brazil", "Italy", "Spain", "Norway", "Denmark", "Austria", "Czechia",
]  # fmt: skip
TOWNS = {
    "Germany": ["Berlin", "Munich", "Göttingen"], "France": ["Paris", "Lyon"],
    "Japan": ["Tokyo", "Osaka"], "Taiwan": ["Taipei", "Tainan"], "Canada": ["Toronto", "Montréal"],
    "United Kingdom": ["London", "Edinburgh"], "Australia": ["Melbourne", "Sydney"],
    "Belgium": ["Brussels"], "Switzerland": ["Geneva", "Bern"], "United States": ["New York"],
    "Kenya": ["Nairobi"], "Uganda": ["Kampala"], "Nepal": ["Kathmandu"], "India": ["Delhi"],
}  # fmt: skip
LABELS = [
    "Signed by:", "Signatories:", "Endorsed by:", "Co-signed by:", "Signatory organisations:",
    "The undersigned organizations:", "List of signatories:",
]  # fmt: skip


@dataclass
class GeneratedCopy:
    text: str
    sources: list[int]  # for each name printed, in order: the index of the seed entry


def body_paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip()]


def opening(rng: random.Random, body: str, width: int | None) -> list[str]:
    lines = [TITLE, "", rng.choice(ADDRESSEES), ""]
    for paragraph in body_paragraphs(body):
        lines.extend(textwrap.wrap(paragraph, width) if width else [paragraph])
        lines.append("")
    lines.extend([rng.choice(["Sincerely,", "Yours sincerely,", "Sincerely"]), ""])
    return lines


def typo(name: str, rng: random.Random) -> str:
    """One slip of the keyboard in a letter of the name: dropped, doubled, swapped or replaced."""
    spots = [i for i, c in enumerate(name) if c.isalpha() and c.isascii()]
    if len(spots) < 8:
        return name
    i = rng.choice(spots[1:-1])
    kind = rng.choice(["drop", "double", "swap", "replace"])
    if kind == "drop":
        return name[:i] + name[i + 1 :]
    if kind == "double":
        return name[: i + 1] + name[i] + name[i + 1 :]
    if kind == "swap" and name[i + 1 : i + 2].isalpha():
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    letter = rng.choice("aeioustnrl".replace(name[i].lower(), ""))
    return name[:i] + (letter.upper() if name[i].isupper() else letter) + name[i + 1 :]


def with_typos(names: list[str], rng: random.Random, share: float) -> list[str]:
    return [typo(n, rng) if rng.random() < share else n for n in names]


def list_lines(names: list[str], rng: random.Random, style: str) -> list[str]:
    out = []
    for n, name in enumerate(names, start=1):
        if style == "numbered":
            out.append(f"{n}. {name}")
        elif style == "bulleted":
            out.append(f"{rng.choice(['-', '•', '*'])} {name}" if n == 1 else f"{out[0][0]} {name}")
        else:
            out.append(name)
        if rng.random() < 0.3:
            out.append("")
    return out


def furniture_copy(names: list[str], body: str, seed: int, typos: float = 0.0) -> GeneratedCopy:
    """A PDF's text: pages with running headers and footers, page numbers in several styles,
    form feeds, and page breaks anywhere, inside the list too."""
    rng = random.Random(seed)
    printed = with_typos(names, rng, typos)
    style = rng.choice(["numbered", "bulleted", "plain"])
    lines = opening(rng, body, rng.choice([78, 90, 100]))
    lines += list_lines(printed, rng, style)
    lines += ["", rng.choice(NOTES), ""]
    page_length = rng.randint(28, 46)
    pages = [lines[i : i + page_length] for i in range(0, len(lines), page_length)]
    total = len(pages)
    header = rng.choice([TITLE, TITLE.upper(), f"{TITLE} – 9 September 2020", None])
    footer = rng.choice(
        ["Page {p} of {n}", "- {p} -", "{p}/{n}", "{p}", "Page {p}", "— {p} —", "[{p}]"]
    )
    out: list[str] = []
    for p, page in enumerate(pages, start=1):
        if header and p > 1:
            out += [header, ""] if rng.random() < 0.7 else [header]
        out += page
        number = footer.format(p=p, n=total)
        if p < total:
            glue = rng.random() < 0.15 and out and out[-1].strip() and "{n}" in footer
            if glue:
                out[-1] = f"{out[-1]}   Page {p} of {total}"
            else:
                out += ["", number] if rng.random() < 0.5 else [number]
            out.append("\f" if rng.random() < 0.5 else "")
    return GeneratedCopy("\n".join(out) + "\n", list(range(len(names))))


def running_text_copy(names: list[str], body: str, seed: int, typos: float = 0.0) -> GeneratedCopy:
    """The list as running text after a label: commas, semicolons, a final "and", one or
    several paragraphs, wrapped or not."""
    rng = random.Random(seed)
    printed = with_typos(names, rng, typos)
    width = rng.choice([None, 72, 88, 110])
    lines = opening(rng, body, width)
    label = rng.choice(LABELS)
    separator = rng.choice([", ", ", ", "; "])
    cuts = sorted(rng.sample(range(20, len(printed) - 20), rng.randint(0, 3)))
    paragraphs = [printed[a:b] for a, b in zip([0, *cuts], [*cuts, len(printed)], strict=True)]
    own_line = rng.random() < 0.5
    if own_line:
        lines += [label, ""]
    for k, group in enumerate(paragraphs):
        last = group[-1]
        conjunction = rng.choice([" and ", ", and ", separator])
        text = separator.join(group[:-1]) + conjunction + last if len(group) > 1 else last
        if rng.random() < 0.5:
            text += "."
        if k == 0 and not own_line:
            text = f"{label} {text}"
        lines += (textwrap.wrap(text, width, break_on_hyphens=False) if width else [text]) + [""]
    lines += [rng.choice(NOTES), ""]
    return GeneratedCopy("\n".join(lines), list(range(len(names))))


def annotate(name: str, rng: random.Random, form: str) -> str:
    country = rng.choice(COUNTRIES)
    if form == "bracket":
        return f"{name} ({country})"
    if form == "dash":
        return f"{name} {rng.choice(['–', '-', '—'])} {country}"
    if form == "town" and country in TOWNS:
        return f"{name} – {rng.choice(TOWNS[country])}, {country}"
    return f"{name}, {country}"


def annotated_copy(
    names: list[str], body: str, seed: int, *, shuffled: bool, typos: float = 0.0
) -> GeneratedCopy:
    """Names with the place each signatory is from: "Name (Country)", "Name – City, Country",
    "Name, Country" (one form for most lines, others mixed in), on most lines, in the common
    order or shuffled."""
    rng = random.Random(seed)
    order = list(range(len(names)))
    if shuffled:
        rng.shuffle(order)
    printed = with_typos([names[i] for i in order], rng, typos)
    forms = ["bracket", "dash", "town", "comma"]
    main = rng.choice(forms)
    share = rng.uniform(0.6, 1.0)
    annotated = [
        annotate(name, rng, main if rng.random() < 0.8 else rng.choice(forms))
        if rng.random() < share
        else name
        for name in printed
    ]
    lines = opening(rng, body, rng.choice([None, 90]))
    lines += list_lines(annotated, rng, rng.choice(["numbered", "bulleted", "plain"]))
    lines += ["", rng.choice(NOTES), ""]
    return GeneratedCopy("\n".join(lines), order)
