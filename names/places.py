"""Places printed after a name ("Name (Country)", "Name – City, Country", "Name, Country"),
recognised with a gazetteer, never guessed.

The gazetteer is pycountry's countries (their names, common and official names, and the short form
before a comma: "Korea, Republic of" -> "Korea") and subdivisions. A place is one of those, or a
subdivision or a town before a recognised country ("Victoria, Australia", "Lyon, France"); a town
is accepted only in that slot, where the country vouches for it. Acronyms in brackets are not
places ("Canada Tibet Committee (CTC)"), and neither is a country inside a name ("Hong Kong
Watch"): only the end of a printed name, after a bracket, a dash or a comma, is read.
"""

from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass

import pycountry

from names.folding import folded_key

# Short English names that print uses and ISO 3166 does not list, each tied to its ISO code (a
# code pycountry lacks fails at import): data completing the gazetteer, not a guess.
COMMON_NAMES = {
    "RU": ["Russia"], "TR": ["Turkey"], "MM": ["Burma"], "CI": ["Ivory Coast"], "MO": ["Macau"],
    "BN": ["Brunei"], "CV": ["Cape Verde"], "SZ": ["Swaziland"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain"], "US": ["USA", "U.S.A.", "U.S."],
}  # fmt: skip
# Subdivisions named only by a direction or a generic word ("Central", "North") are no evidence.
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "capital", "coast", "upper", "lower", "islands", "island", "city",
    "region", "province", "district", "state", "the", "of", "and",
}  # fmt: skip
# The languages whose names of countries the gazetteer also knows (pycountry's translations):
# the European languages the copies and their publishers write in (names in CJK scripts fold to
# short syllables that an acronym could spell).
LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "ru"]
# A town before a country: one to three words, each starting with a capital letter.
TOWN_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*){0,2}$")
BRACKETED_RE = re.compile(r"^(?P<name>.*\S)\s*(?:\((?P<place>[^()]+)\)|\[(?P<square>[^\[\]]+)\])$")
DASHED_RE = re.compile(r"^(?P<name>.*\S)(?:\s+[-–—]\s*|\s*[–—]\s+)(?P<place>[^-–—]+)$")
COMMA_RE = re.compile(r"^(?P<name>.*\S),\s+(?P<place>[^,]+(?:,\s+[^,]+)?)$")


@dataclass(frozen=True)
class PlaceSplit:
    """One way to read a printed entry as a name followed by a place."""

    name: str
    place: str
    form: str  # "bracket", "dash" or "comma"


@functools.cache
def countries() -> frozenset[str]:
    names: set[str] = set()
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in LANGUAGES
    ]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            for translation in translations:
                local = translation.gettext(value)
                names.add(folded_key(local))
                if "," in local:
                    names.add(folded_key(local.split(",")[0]))
    for code, common in COMMON_NAMES.items():
        if pycountry.countries.get(alpha_2=code) is None:
            raise LookupError(f"the gazetteer has no country {code}")
        names.update(folded_key(name) for name in common)
    return frozenset(n for n in names if n)


@functools.cache
def subdivisions() -> frozenset[str]:
    keys = (folded_key(sub.name.split("(")[0]) for sub in pycountry.subdivisions)
    return frozenset(key for key in keys if key and not set(key.split()) <= GENERIC_WORDS)


def is_country(text: str) -> bool:
    return folded_key(text) in countries()


def is_place(text: str, *, towns: bool = True) -> bool:
    """A country or subdivision, or a subdivision or (when `towns`) a town before a country."""
    text = text.strip().rstrip(".")
    key = folded_key(text)
    if not key or not re.search(r"[^\W\d_]", text):
        return False
    if key in countries() or key in subdivisions():
        return True
    head, sep, country = text.rpartition(",")
    if not sep or not is_country(country):
        return False
    head = head.strip()
    return folded_key(head) in subdivisions() or (towns and bool(TOWN_RE.match(head)))


def place_splits(text: str) -> list[PlaceSplit]:
    """Every reading of `text` as a name and a place printed after it, the most marked first
    (brackets, then a dash, then a comma). Empty when nothing at the end is a known place."""
    text = text.strip()
    found: list[PlaceSplit] = []
    if (m := BRACKETED_RE.match(text)) and is_place(place := m["place"] or m["square"]):
        found.append(PlaceSplit(m["name"].strip(), place.strip(), "bracket"))
    if (m := DASHED_RE.match(text)) and is_place(m["place"]):
        found.append(PlaceSplit(m["name"].strip(), m["place"].strip(), "dash"))
    if m := COMMA_RE.match(text):
        place = m["place"].strip()
        # A comma says less than a bracket or a dash: no free-standing town after it.
        if is_place(place, towns=False):
            found.append(PlaceSplit(m["name"].strip(), place, "comma"))
        elif "," in place and is_place(place.split(",")[-1]):
            head = place.rsplit(",", 1)[0].strip()
            found.append(PlaceSplit(f"{m['name'].strip()}, {head}", place.split(",")[-1].strip(),
                                    "comma"))  # fmt: skip
    # The same split reached twice (a dash and a comma may agree) counts once.
    unique: dict[tuple[str, str], PlaceSplit] = {}
    for split in found:
        unique.setdefault((split.name, split.place), split)
    return [s for s in unique.values() if s.name and re.search(r"\w", s.name)]


def name_part(text: str, place: str) -> str:
    """The name of an entry printed with `place` after it (the entry itself when no place)."""
    if not place:
        return text
    for split in place_splits(text):
        if split.place == place:
            return split.name
    return text
