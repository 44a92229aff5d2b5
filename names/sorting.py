"""Sorting names as readers expect: by the Unicode Collation Algorithm, not by code point.

The UCA with its default table (DUCET) sorts case-insensitively first ("Acceso" before
"ARTICLE 19"), then by accents, then by case, and files other scripts after Latin (Greek,
Cyrillic, Arabic, Hangul, kana, Han). pyuca implements it in pure Python with the DUCET (PyICU
would need the ICU C library to build, which the slim image lacks).

Each signatory stores its key as bytes (`Signatory.sort_key`): both SQLite and PostgreSQL compare
bytes bytewise, whatever the database's text collation, so the two sort alike.
"""

from functools import lru_cache

import pyuca

# Keys of very long names are cut here (ties then go to the primary key): under PostgreSQL's
# limit for a btree index entry, and far past where any two real names still agree.
MAX_KEY_BYTES = 1024


@lru_cache(maxsize=1)
def collator() -> pyuca.Collator:
    return pyuca.Collator()


def encode(weights) -> bytes:
    # DUCET weights, implicit weights of Han characters included, fit in 16 bits.
    return b"".join(weight.to_bytes(2, "big") for weight in weights)


def name_sort_key(name: str) -> bytes:
    """The UCA sort key of `name` as bytes that sort bytewise in the UCA's order."""
    return encode(collator().sort_key(name))[:MAX_KEY_BYTES]


def primary_weight(letter: str) -> int:
    return collator().sort_key(letter)[0]


def initial_range(initial: str) -> tuple[bytes, bytes]:
    """[lower, upper) bounds on `sort_key` for the names filed under a letter A to Z: those whose
    first letter sorts from that letter up to the next, accents, case and Latin variants ("Ł",
    "Ø") included. Z ends with the letters that sort as Z."""
    upper = chr(ord(initial) + 1) if initial < "Z" else None
    bound = primary_weight(upper) if upper else primary_weight(initial) + 1
    return encode([primary_weight(initial)]), encode([bound])


def latin_range() -> tuple[bytes, bytes]:
    """Bounds of the names filed under some letter A to Z; the rest are digits and other scripts."""
    return initial_range("A")[0], initial_range("Z")[1]
