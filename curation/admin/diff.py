"""A correction's changes as a readable table: before and after, words removed and added marked."""

from difflib import SequenceMatcher

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def marked(old: str, new: str) -> tuple[SafeString, SafeString]:
    """The two texts with the words only one of them has in <del> and <ins>."""
    a, b = old.split(" "), new.split(" ")
    before, after = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        left, right = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "equal":
            before.append(format_html("{}", left))
            after.append(format_html("{}", right))
            continue
        if left:
            before.append(format_html("<del>{}</del>", left))
        if right:
            after.append(format_html("<ins>{}</ins>", right))
    return mark_safe(" ".join(before)), mark_safe(" ".join(after))  # noqa: S308 (escaped above)


def changes_table(changes: list[dict]) -> SafeString:
    if not changes:
        return format_html("<p>{}</p>", "No field-by-field changes recorded.")
    rows = []
    for change in changes:
        old, new = str(change.get("old") or ""), str(change.get("new") or "")
        before, after = marked(old, new)
        rows.append((change.get("field", ""), before or "—", after or "—"))
    body = format_html_join("", '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>', rows)
    return format_html(
        '<div class="table-scroll-admin" tabindex="0" role="region" aria-label="What changed">'
        '<table class="correction-diff"><thead><tr>'
        '<th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th>'
        "</tr></thead><tbody>{}</tbody></table></div>",
        body,
    )
