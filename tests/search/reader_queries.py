"""Realistic reader queries for issue 12: hand-written ones from reader_queries.toml, and the ones a
small seeded generator makes from the names listed there (typos, transpositions, acronyms from
initials, missing accents, case changes). Pure functions: no Django, the same list on every run.

Each query says which signatory must come first by a name exactly as a copy prints it (`expect`),
so the expectation is a fact of the sources, never an output of the search code; `expect` None means
the organisation did not sign.
"""

from __future__ import annotations

import random
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).with_name("reader_queries.toml")
CLASSES = (
    "translation",
    "other-script",
    "transposition",
    "typo",
    "acronym",
    "extra-words",
    "equivalence",
    "printed-reading",
    "accents-case",
    "not-signed",
)
POSITIONS = ("start", "middle", "end")
ACRONYM_SKIPS = frozenset({"of", "for", "the", "and", "on", "in", "a"})
# Letters NFD does not split into a base letter and a mark, and the quotes readers type instead.
PLAIN_LETTERS = str.maketrans({"Đ": "D", "đ": "d", "’": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class ReaderQuery:
    kind: str
    q: str
    expect: str | None  # a name as a copy prints it; None: did not sign
    also: tuple[str, ...] = ()
    origin: str = "hand"  # "hand", or how the generator made it
    curated: bool = False  # found only through a curated alias (besides every translation)
    limit: str = ""  # why the search cannot find it yet: then it must only not mislead

    @property
    def needs_curation(self) -> bool:
        return self.curated or self.kind == "translation"

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.q}"


def cased_like(word: str, model: str) -> str:
    """`word` with the capitals of `model`, letter by letter: "aWtch" is typed "Awtch"."""
    return "".join(
        c.upper() if i < len(model) and model[i].isupper() else c.lower()
        for i, c in enumerate(word)
    )


def transposed(word: str, position: str, rng: random.Random) -> str:
    """`word` with two neighbouring letters swapped at its start, middle or end."""
    last = len(word) - 2
    order = {"start": [0], "end": [last], "middle": rng.sample(range(1, last), last - 1)}
    candidates = order[position] + list(range(last + 1))
    i = next(i for i in candidates if word[i].lower() != word[i + 1].lower())
    return cased_like(word[:i] + word[i + 1] + word[i] + word[i + 2 :], word)


def dropped_or_doubled(word: str, position: str, rng: random.Random) -> tuple[str, str]:
    """`word` with one letter left out or typed twice, at its start, middle or end."""
    i = {"start": 0, "end": len(word) - 1, "middle": rng.randrange(1, len(word) - 1)}[position]
    if rng.random() < 0.5:
        return cased_like(word[:i] + word[i + 1 :], word), "dropped"
    return cased_like(word[: i + 1] + word[i] + word[i + 1 :], word), "doubled"


def with_typo(q: str, n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """A transposition and a dropped or doubled letter in `q`'s words of five letters or more:
    (query, class, how) pairs; the position in the word turns with `n` (start, middle, end)."""
    words = q.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    made = []
    for step, kind in enumerate(("transposition", "typo")):
        i = rng.choice(long_words)
        position = POSITIONS[(n + step) % 3]
        if kind == "transposition":
            word, how = transposed(words[i], position, rng), "swapped"
        else:
            word, how = dropped_or_doubled(words[i], position, rng)
        typed = " ".join([*words[:i], word, *words[i + 1 :]])
        made.append((typed, kind, f"{how} at the {position} of {words[i]!r}"))
    return made


def initials(q: str) -> str:
    return "".join(w[0] for w in q.split() if w.lower() not in ACRONYM_SKIPS).upper()


def acronym_forms(q: str, n: int) -> str:
    letters = initials(q)
    return [letters, letters.lower(), ".".join(letters.lower()) + "."][n % 3]


def without_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.translate(PLAIN_LETTERS))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def case_changed(name: str, n: int, rng: random.Random) -> str:
    """`name` in capitals, in lower case, or with some letters' case flipped: never unchanged."""
    flipped = "".join(c.swapcase() if c.isalpha() and rng.random() < 0.3 else c for c in name)
    forms = [name.upper(), name.lower(), flipped, name.swapcase()]
    return next(form for form in forms[n % 3 :] + forms if form != name)


def generated(generator: dict) -> list[ReaderQuery]:
    rng = random.Random(generator["seed"])
    made = []
    for n, item in enumerate(generator["typos"]):
        for typed, kind, how in with_typo(item["q"], n, rng):
            made.append(ReaderQuery(kind, typed, item.get("expect", item["q"]), origin=how))
    for n, item in enumerate(generator["acronyms"]):
        typed = acronym_forms(item["q"], n)
        made.append(ReaderQuery("acronym", typed, item.get("expect", item["q"]), origin="initials"))
    for name in generator["accents"]:
        made.append(ReaderQuery("accents-case", without_accents(name), name, origin="no accents"))
    for n, name in enumerate(generator["cases"]):
        made.append(ReaderQuery("accents-case", case_changed(name, n, rng), name, origin="case"))
    return made


def hand_written(items: list[dict]) -> list[ReaderQuery]:
    return [
        ReaderQuery(
            item["class"],
            item["q"],
            item.get("expect"),
            tuple(item.get("also", ())),
            curated=item.get("curated", False),
            limit=item.get("limit", ""),
        )
        for item in items
    ]


def load(path: Path = DATA) -> list[ReaderQuery]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    queries = hand_written(data["query"]) + generated(data["generator"])
    unknown = {q.kind for q in queries} - set(CLASSES)
    if unknown:
        raise ValueError(f"{path.name}: unknown classes {sorted(unknown)}")
    return queries


READER_QUERIES = load()
