"""Bad input to the importer: a clear error, and nothing written."""

import pytest
from django.core.management import CommandError, call_command

from intake.importer import LoadError, load_letters
from letters.models import Letter
from tests.intake.helpers import (
    add_source,
    rewrite,
    snapshot,
    unseen_copy,
)

BAD_INPUTS = {
    "sha256 mismatch": (
        lambda f: rewrite(f, "76de0e44", "00000000"),
        "sha256 mismatch",
    ),
    "missing file": (
        lambda f: (f / "001_72206b73708e38e8.txt").unlink(),
        "missing file",
    ),
    "malformed toml": (
        lambda f: rewrite(f, 'slug = "pdf-text"', 'slug = "pdf-text'),
        "malformed TOML",
    ),
    "unknown kind": (
        lambda f: rewrite(f, 'kind = "pdf-text"', 'kind = "fax"'),
        "unknown kind 'fax'",
    ),
    "missing key": (
        lambda f: rewrite(
            f,
            'publisher = "Publisher not stated (a copy extracted from a PDF)"\nkind = "pdf-text"',
            'kind = "pdf-text"',
        ),
        "lacks publisher",
    ),
    "list not found": (
        lambda f: rewrite(f, 'kind = "news-report"', 'kind = "web-page"'),
        r"copy 'news-report': line 15: expected the signatory list here .*found prose",
    ),
    "no manifest": (
        lambda f: (f / "letter.toml").unlink(),
        "no such file",
    ),
}


class TestBadInput:
    @pytest.mark.parametrize("case", sorted(BAD_INPUTS))
    def test_bad_input_is_refused_with_a_clear_error_on_an_empty_database(
        self, db, letter_copy, case
    ):
        damage, message = BAD_INPUTS[case]
        damage(letter_copy)
        before = snapshot()
        with pytest.raises(LoadError, match=message):
            load_letters([letter_copy])
        assert snapshot() == before

    @pytest.mark.parametrize("case", sorted(BAD_INPUTS))
    def test_bad_input_changes_nothing_in_a_loaded_archive(self, db, letter_copy, case):
        load_letters([letter_copy])
        text, _ = unseen_copy(letter_copy, 3)
        add_source(letter_copy, "unseen-copy", text)
        damage, message = BAD_INPUTS[case]
        damage(letter_copy)
        before = snapshot()
        with pytest.raises(LoadError, match=message):
            load_letters([letter_copy])
        assert snapshot() == before

    def test_one_bad_folder_stops_the_whole_run(self, db, letter_copy, seed_folder, tmp_path):
        broken = tmp_path / "broken"
        broken.mkdir()
        (broken / "letter.toml").write_text('slug = "broken"\ntitle = "x"\n')
        with pytest.raises(LoadError, match="no \\[\\[sources\\]\\]"):
            load_letters([seed_folder, broken])
        assert snapshot() == ([], [], [], [])

    def test_command_reports_the_error_and_loads_nothing(self, db, letter_copy):
        rewrite(letter_copy, 'kind = "pdf-text"', 'kind = "fax"')
        with pytest.raises(CommandError, match="Nothing was loaded: .*unknown kind"):
            call_command("load_letter", str(letter_copy))
        assert not Letter.objects.exists()
