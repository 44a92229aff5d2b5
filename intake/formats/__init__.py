"""Originals kept as received, read to the text the parser takes: a PDF (`pdf`), a web-archive
capture (`web_archive`). Each raises `UnreadableCopy` saying where and what was expected."""


class UnreadableCopy(ValueError):
    """A copy whose file cannot be read as its kind says: where, and what was expected there."""
