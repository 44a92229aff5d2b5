"""Which characters curators may type: nothing invisible that could disguise what readers see.

A bidi override (U+202E) makes "Human Rights Watch" display as other text than it is; a
zero-width space or a soft hyphen makes two names that look alike differ. Names (a curated name,
an alias, a country) refuse every control and format character, except the zero-width joiners
that Arabic, Persian and Indic scripts need. Notes and reasons, which may span lines, refuse the
bidi controls and every control character but line breaks and tabs.
"""

import unicodedata

from django.core.exceptions import ValidationError

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
JOINERS = frozenset("\u200c\u200d")
# Control, format, surrogate, private-use and unassigned code points; line and paragraph breaks.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
LINE_BREAKS_AND_TABS = frozenset("\n\r\t")


def describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def refused_in_name(char: str) -> bool:
    return char not in JOINERS and unicodedata.category(char) in INVISIBLE_CATEGORIES


def refused_in_text(char: str) -> bool:
    if char in LINE_BREAKS_AND_TABS:
        return False
    return char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"}


def checked_name(value: str, *, field: str) -> str:
    """`value` if it holds no invisible or control character; else a ValidationError on `field`."""
    for char in value:
        if refused_in_name(char):
            raise ValidationError(
                {field: f"Remove the invisible or control character {describe(char)}."}
            )
    return value


def checked_text(value: str, *, field: str) -> str:
    """`value` if it holds no bidi or control character (line breaks and tabs are fine)."""
    for char in value:
        if refused_in_text(char):
            raise ValidationError(
                {field: f"Remove the invisible or control character {describe(char)}."}
            )
    return value
