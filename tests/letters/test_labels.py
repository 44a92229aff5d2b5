"""Source labels and marks stay unique, so the directory's marks can be told apart."""

from letters.labels import assign_labels, short_label
from letters.models import SourceKind, SourceVersion


def source(position: int, publisher: str, kind: str = SourceKind.WEB_PAGE) -> SourceVersion:
    return SourceVersion(position=position, publisher=publisher, kind=kind, slug=f"s{position}")


def test_label_is_the_publishers_acronym_else_the_kind():
    assert short_label(source(1, "Cairo Institute for Human Rights Studies (CIHRS)")) == "CIHRS"
    assert (
        short_label(source(2, "MINBYUN - Lawyers for a Democratic Society (민주사회)")) == "MINBYUN"
    )
    assert short_label(source(3, "Not stated in the document", SourceKind.PDF_TEXT)) == "PDF"


def test_repeated_labels_get_their_position_and_marks_fall_back_to_numbers():
    sources = [source(1, "Someone"), source(2, "Someone else"), source(3, "Group (GRP)")]
    assign_labels(sources)
    assert [s.label for s in sources] == ["Web 1", "Web 2", "GRP"]
    assert [s.mark for s in sources] == ["1", "2", "3"]


def test_distinct_initials_become_the_marks():
    sources = [
        source(1, "A (CIHRS)"),
        source(2, "x", SourceKind.PDF_TEXT),
        source(3, "B (FORUM-ASIA)"),
    ]
    assign_labels(sources)
    assert [s.mark for s in sources] == ["C", "P", "F"]
