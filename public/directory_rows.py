"""The directory's rows, drawn in Python: fifty rows of a dozen template nodes each were most of
the time the page took to render, and the row is small and fixed.

`rows_html` gives what the loop in signatories/signatory_list.html gave, byte for byte: each row
the markup below, with the name's `dir`/`lang` (`name_attrs`), its runs in other scripts
(`lang_runs`) or, in a search, the matched part marked (`highlight`), an "individual" tag, what
a closest match lacks, and the row's marks (`marks_html`, see signatory_views.mark_sources).
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from public.templatetags.scripts import lang_runs, name_attrs
from public.templatetags.search import highlight
from search.queries import Match
from signatories.models import SignatoryKind

ROW = (
    '\n    <li>\n      <a class="name" href="{}"><span{}>{}</span></a>\n      {}\n      {}\n'
    "      {}\n    </li>\n    "
)
INDIVIDUAL = mark_safe('<span class="tag">individual</span>')


def rows_html(signatories, searched: bool, highlight_q: str) -> SafeString:
    return mark_safe("".join(row_html(s, searched, highlight_q) for s in signatories))


def row_html(signatory, searched: bool, highlight_q: str) -> SafeString:
    name = highlight(signatory.name, highlight_q) if searched else lang_runs(signatory.name)
    return format_html(
        ROW,
        signatory.path,
        name_attrs(signatory),
        name,
        INDIVIDUAL if signatory.kind == SignatoryKind.INDIVIDUAL else "",
        note_html(signatory),
        signatory.marks_html,
    )


def note_html(signatory) -> SafeString:
    """What a closest match lacks: the query's words it does not have, or its spelling."""
    missing = getattr(signatory, "search_missing", None)
    if missing:
        words = format_html_join(", ", "<q>{}</q>", ((word,) for word in missing))
        return format_html('<span class="missing">without {}</span>', words)
    if getattr(signatory, "search_match", None) == Match.TYPO:
        return mark_safe('<span class="missing">spelled differently</span>')
    return mark_safe("")
