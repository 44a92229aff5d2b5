import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from letters.paths import named_path, slug_path


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    clear_script_prefix()
    set_script_prefix("/")


@pytest.mark.parametrize(
    "view_name", ["letters:letter", "letters:about", "signatories:list", "api:signatories"]
)
def test_a_named_path_is_what_reverse_gives(view_name):
    assert named_path(view_name) == reverse(view_name)


@pytest.mark.parametrize(
    ("view_name", "slug"),
    [
        ("letters:source-detail", "cihrs-web"),
        ("letters:source-raw", "pdf_text-2"),
        ("signatories:detail", "21wilberforce"),
        ("api:signatory", "a"),
    ],
)
def test_a_slug_path_is_what_reverse_gives(view_name, slug):
    assert slug_path(view_name, slug) == reverse(view_name, args=[slug])


def test_paths_follow_the_script_prefix_of_the_request(script_prefix):
    assert slug_path("signatories:detail", "x") == "/signatories/x/"
    script_prefix("/archive/")
    assert named_path("letters:about") == reverse("letters:about")
    assert named_path("letters:about").startswith("/archive/")
    assert slug_path("signatories:detail", "x") == "/archive/signatories/x/"
    script_prefix("/")
    assert slug_path("signatories:detail", "x") == "/signatories/x/"
