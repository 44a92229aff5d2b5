"""Writing CSV cells that spreadsheets open safely: the one place every CSV download goes through.

A spreadsheet program runs a cell that starts with =, +, - or @ (or a tab or carriage return
before one) as a formula; printed names are untrusted text, so such a cell is written with a
leading apostrophe, which spreadsheets show as text and hide. Numbers are left as they are.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str | int | float:
    """A value as a CSV cell: None as empty, numbers as they are, text safe from formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(values) -> list:
    return [csv_cell(value) for value in values]
