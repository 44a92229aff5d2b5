"""Turn a copy saved as HTML into the text lines the parser reads, keeping each line's place.

Block elements start a new line, list items become "- " bullets, <br> breaks a line, scripts and
styles are dropped, entities are decoded. Each produced line carries the number of the source-file
line where its text starts, so entries still trace back to a line of the file as received.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "ul", "ol",
    "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dl", "dt", "dd",
    "figure", "figcaption", "address", "body", "html", "title",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template", "head"}
HTML_HINT_RE = re.compile(r"<(?:p|li|br|div|ul|ol|html|body|h[1-6])\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for a document made of HTML markup rather than text that mentions a tag."""
    return len(HTML_HINT_RE.findall(text)) >= 5


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.current: list[str] = []
        self.current_line: int | None = None
        self.skipping = 0

    def flush(self) -> None:
        text = "".join(self.current)
        if text.strip() and self.current_line is not None:
            self.lines.append((self.current_line, text.strip()))
        self.current, self.current_line = [], None

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS or tag == "br":
            self.flush()
        elif tag == "li":
            self.flush()
            self.current, self.current_line = ["- "], self.getpos()[0]

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS or tag == "li":
            self.flush()

    def handle_data(self, data):
        if self.skipping:
            return
        if self.current_line is None:
            if not data.strip():
                return
            leading = data[: len(data) - len(data.lstrip())]
            self.current_line = self.getpos()[0] + leading.count("\n")
        self.current.append(re.sub(r"\s+", " ", data))


def html_lines(text: str) -> list[tuple[int, str]]:
    """(source line number, text) for each line of text the HTML shows, blank lines between."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    collector.flush()
    out: list[tuple[int, str]] = []
    for number, line in collector.lines:
        out.append((number, line))
        out.append((number, ""))
    return out
