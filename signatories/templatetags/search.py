"""Template filters for search results: mark the part of a name that matched the query."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text: str, query: str | None):
    """The text, escaped, with each case-insensitive occurrence of the query wrapped in <mark>."""
    text = str(text)
    query = (query or "").strip()
    if not query:
        return escape(text)
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))
