"""Template filters that give names in other scripts their `dir` and, when certain, `lang`.

Both are pure functions of the text, and a page shows the same few hundred names and titles on
every render: their results are remembered (bounded, per process) rather than worked out again.
"""

import functools

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from names.scripts import language_runs, script_language, text_direction

register = template.Library()

# More than the names, titles and publishers of a letter; memory stays a few hundred kB.
REMEMBERED = 8192


@register.filter
def name_attrs(value) -> str:
    """` dir="rtl"` and ` lang="ko"` attributes for an element holding a name (or '')."""
    text = str(value)
    curated = getattr(value, "name_language", "")
    if text.isascii() and not curated:
        return ""
    return element_attributes(text, curated)


@functools.lru_cache(maxsize=REMEMBERED)
def element_attributes(text: str, curated: str) -> SafeString:
    lang = curated or script_language(text)
    attrs = []
    if text_direction(text) == "rtl":
        attrs.append(format_html(' dir="{}"', "rtl"))
    if lang:
        attrs.append(format_html(' lang="{}"', lang))
    return mark_safe("".join(attrs))


@register.filter
def lang_runs(value) -> str:
    """The text escaped, with each run whose script is decisive wrapped in a span with `lang`.

    A whole name of one decisive script is left bare: `name_attrs` puts its lang on the element."""
    text = str(value)
    if text.isascii():
        return escape(text)
    return runs_html(text)


@functools.lru_cache(maxsize=REMEMBERED)
def runs_html(text: str) -> SafeString:
    if script_language(text):
        return escape(text)
    return mark_safe(
        "".join(
            format_html('<span lang="{}">{}</span>', lang, run) if lang else escape(run)
            for run, lang in language_runs(text)
        )
    )
