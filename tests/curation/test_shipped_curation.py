"""Curation shipped with the letter (fixtures/<letter>/curation.toml): applied by a load as logged
decisions, once; a curator's later decision stands; bad files are refused with nothing written."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from curation import services
from curation.models import Correction, CorrectionAction
from curation.shipped import (
    CURATOR_NAME,
    FILE_NAME,
    FORMAT,
    ShippedCurationError,
    apply_shipped_curation,
    parse_shipped_curation,
    read_shipped_curation,
    signatories_printed_as,
)
from intake.importer import load_letters
from letters.models import Letter
from signatories.models import Alias, Signatory
from tests.curation.helpers import make_user

WHY = {"reason": "Checked against the organisation's own site."}


def shipped(seed_folder: Path):
    return read_shipped_curation(seed_folder)


def run_load_letter(*args) -> str:
    out = io.StringIO()
    call_command("load_letter", *args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, int, int]:
    return Letter.objects.count(), Alias.objects.count(), Correction.objects.count()


@pytest.fixture
def folder_copy(tmp_path, seed_folder) -> Path:
    folder = tmp_path / seed_folder.name
    shutil.copytree(seed_folder, folder)
    (folder / FILE_NAME).chmod(0o644)
    return folder


def test_the_seed_letter_ships_aliases_for_names_printed_in_other_scripts(seed_folder):
    readings = {a.signatory for a in shipped(seed_folder)}
    assert {"Московская Хельсинкская группа", 'Комитет "Гражданское содействие"'} <= readings
    assert ("日本ウイグル協会", "Japan Uyghur Association") in {
        (a.signatory, a.name) for a in shipped(seed_folder)
    }
    assert all(a.reason and (a.evidence_url or a.source) for a in shipped(seed_folder))


def test_a_fresh_load_adds_each_shipped_alias_as_a_logged_correction(
    db, with_shipped_curation, seed_folder
):
    [report] = load_letters([seed_folder])
    letter = Letter.objects.get()
    aliases = shipped(seed_folder)
    assert len(report.shipped_curation) == len(aliases) == Correction.objects.count()
    for item in aliases:
        [signatory] = signatories_printed_as(letter, item.signatory)
        alias = signatory.aliases.get(name=item.name)
        assert (alias.language, alias.reason) == (item.language, item.reason)
        assert alias.history.get().history_change_reason == item.reason[:100]
        correction = Correction.objects.get(key=item.key(letter.slug))
        assert correction.action == CorrectionAction.ALIAS_ADD
        assert (correction.reason, correction.evidence_url) == (item.reason, item.evidence_url)
        assert correction.curator_name == CURATOR_NAME
        assert list(correction.signatories.all()) == [signatory]
        assert (correction.source.slug if correction.source else "") == item.source
    mhg = Signatory.objects.get(slug="moskovskaya-khelsinkskaya-gruppa")
    assert "Moscow Helsinki Group" in set(mhg.aliases.values_list("name", flat=True))


def test_a_second_load_says_nothing_changed_and_adds_nothing(shipped_curation):
    before = counts()
    output = run_load_letter()
    assert "Letter global-call-china-2020: nothing changed." in output
    assert "shipped curation applied" not in output
    assert counts() == before


def test_a_curators_removal_or_edit_of_a_shipped_alias_survives_reloads(shipped_curation):
    curator = make_user("carla")
    mhg = Signatory.objects.get(slug="moskovskaya-khelsinkskaya-gruppa")
    services.alias_remove(alias=mhg.aliases.get(name="MHG"), user=curator, **WHY)
    sakharov = Signatory.objects.get(slug="sakharovskiy-tsentr")
    services.alias_remove(alias=sakharov.aliases.get(name="Sakharov Center"), user=curator, **WHY)
    services.alias_add(signatory=sakharov, name="Sakharov Centre", user=curator, **WHY)
    before = counts()

    output = run_load_letter()
    run_load_letter()

    assert "nothing changed" in output and counts() == before
    assert "MHG" not in set(mhg.aliases.values_list("name", flat=True))
    assert list(sakharov.aliases.values_list("name", flat=True)) == ["Sakharov Centre"]


def test_an_undone_shipped_alias_stays_undone_after_a_reload(shipped_curation):
    curator = make_user("carla")
    added = Correction.objects.get(summary__contains="“Civic Assistance Committee”")
    services.correction_undo(correction=added, user=curator, **WHY)
    run_load_letter()
    civic = Signatory.objects.get(slug="komitet-grazhdanskoe-sodeystvie")
    assert "Civic Assistance Committee" not in set(civic.aliases.values_list("name", flat=True))


def test_a_dry_run_lists_the_shipped_aliases_and_writes_nothing(db, with_shipped_curation):
    output = run_load_letter("--dry-run")
    assert "Shipped curation it would apply" in output
    assert "alias “Moscow Helsinki Group” (en) of “Московская Хельсинкская группа”" in output
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize(
    "text, complaint",
    [
        ('format = "open-letter-archive/shipped-curation"\nversion = 1\n[[aliases]\n', "malformed"),
        ('version = 1\n[[aliases]]\nsignatory = "x"\nname = "y"\nreason = "z"\n', "format"),
    ],
)
def test_a_malformed_curation_file_is_refused_and_nothing_is_loaded(
    db, with_shipped_curation, folder_copy, text, complaint
):
    (folder_copy / FILE_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=complaint) as refused:
        run_load_letter(str(folder_copy))
    assert "Nothing was loaded" in str(refused.value) and FILE_NAME in str(refused.value)
    assert counts() == (0, 0, 0)


def test_an_alias_whose_signatory_no_copy_prints_is_refused_and_changes_nothing(
    shipped_curation, folder_copy
):
    with (folder_copy / FILE_NAME).open("a", encoding="utf-8") as out:
        out.write(
            '\n[[aliases]]\nsignatory = "Сахаровский Центр"\n'
            'name = "Andrei Sakharov Museum and Public Center"\nreason = "Its former name."\n'
            '\n[[aliases]]\nsignatory = "Московская Хельсинкская группа!"\n'
            'name = "Moscow Helsinki Group"\nreason = "A reading no copy prints."\n'
        )
    before = counts()
    with pytest.raises(CommandError, match="no loaded copy prints the signatory “Московская"):
        run_load_letter(str(folder_copy))
    assert counts() == before


def test_a_name_another_signatory_has_is_refused_unless_the_file_says_it_is_shared(
    db, with_shipped_curation, folder_copy
):
    path = folder_copy / FILE_NAME
    path.write_text(path.read_text(encoding="utf-8").replace("shared = true\n", ""))
    with pytest.raises(CommandError, match="already a name of “Japan Uyghur Association”"):
        run_load_letter(str(folder_copy))
    assert counts() == (0, 0, 0)


def test_a_file_is_read_whole_before_anything_is_applied(seeded, folder_copy):
    path = folder_copy / FILE_NAME
    path.write_text(
        path.read_text(encoding="utf-8") + '\n[[aliases]]\nsignatory = "Nobody"\nname = "N"\n'
        'reason = "r"\n'
    )
    with pytest.raises(ShippedCurationError, match="“Nobody”"):
        apply_shipped_curation(Letter.objects.get(), folder_copy)
    assert (Alias.objects.count(), Correction.objects.count()) == (0, 0)


HEADER = f'format = "{FORMAT}"\nversion = 1\n'
GOOD = 'signatory = "Сахаровский Центр"\nname = "Sakharov Center"\nreason = "Its English name."\n'


@pytest.mark.parametrize(
    "table, complaint",
    [
        (GOOD + 'colour = "red"\n', "unknown keys colour"),
        (GOOD.replace('reason = "Its English name."\n', ""), "lacks reason"),
        (GOOD.replace("Its English name.", " "), "reason must not be blank"),
        (GOOD + 'evidence_url = "javascript:alert(1)"\n', r"not an http\(s\) link"),
        (GOOD + 'language = "English"\n', "not a language tag"),
        (GOOD + "shared = 1\n", "shared must be true or false"),
        (GOOD.replace("Sakharov Center", "Sakharov\u202eCenter"), "invisible or control"),
        (GOOD.replace('"Sakharov Center"', "42"), "alias must be text"),
        (GOOD + "[[aliases]]\n" + GOOD, "listed twice"),
    ],
)
def test_a_bad_alias_is_refused_with_where_and_what(table, complaint):
    with pytest.raises(ShippedCurationError, match=complaint) as refused:
        parse_shipped_curation(HEADER + "[[aliases]]\n" + table, where="curation.toml")
    assert "curation.toml: alias #" in str(refused.value)


def test_a_good_file_reads_as_its_aliases():
    [alias] = parse_shipped_curation(HEADER + "[[aliases]]\n" + GOOD, where="curation.toml")
    assert (alias.signatory, alias.name, alias.language, alias.shared) == (
        "Сахаровский Центр", "Sakharov Center", "", False,
    )  # fmt: skip
