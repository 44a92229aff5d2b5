"""Template filters for search results: mark the part of a name that matched the query."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from search.highlighting import highlight_spans

register = template.Library()


@register.filter
def highlight(text: str, query: str | None):
    """The text, escaped, with each part matching the query wrapped in <mark>.

    Matches are found through the search's folding, so the query "accion" marks "Acción" and
    "truah" marks "T’ruah"; everything outside the marks is escaped too.

    It escapes with the standard library's `html.escape`, which `django.utils.html.escape` calls
    after checking its argument for lazy strings: the parts here are plain `str`, and a page of
    results escapes three or four parts of each of its fifty names.
    """
    text = str(text)
    query = (query or "").strip()
    if not query:
        return mark_safe(escape(text))
    out, last = [], 0
    for start, end in highlight_spans(text, query):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))
