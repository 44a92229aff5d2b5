"""The text of a copy kept as the original PDF, page by page, through pypdf.

pypdf is pure Python with no dependencies of its own, reads the text in content-stream order (the
order the list was written in) and gives it page by page, so a form feed can mark each page break
for `intake.furniture`. pdfminer.six lays text out by position instead, which helps with columns
but reorders lines of a one-column letter, and brings two more dependencies (charset-normalizer,
cryptography). A PDF without a text layer (a scan) is refused rather than read as empty.
"""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from intake.formats import UnreadableCopy

PAGE_BREAK = "\f"


def pdf_text(data: bytes) -> str:
    """The PDF's text, pages separated by form feeds."""
    if not data.startswith(b"%PDF-"):
        raise UnreadableCopy(f"byte 0: expected a PDF (starting with %PDF-), found {data[:8]!r}")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableCopy("the PDF is encrypted: expected a PDF that can be read openly")
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page.extract_text() or "")
            except (PdfReadError, ValueError, KeyError) as exc:
                raise UnreadableCopy(
                    f"page {number}: expected text, the page is damaged ({exc})"
                ) from exc
    except PdfReadError as exc:
        raise UnreadableCopy(f"expected a readable PDF: {exc}") from exc
    if not any(page.strip() for page in pages):
        raise UnreadableCopy(
            f"page 1 of {len(pages)}: expected a text layer, found none (a scanned PDF?)"
        )
    return PAGE_BREAK.join(page.rstrip("\n") for page in pages) + "\n"
