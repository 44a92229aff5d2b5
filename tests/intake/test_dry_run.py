"""`load_letter --dry-run`: everything read, parsed and matched, what it would do printed, nothing
written."""

from django.apps import apps
from django.core.management import call_command

from intake.importer import load_letters
from tests.intake import generators
from tests.intake.helpers import add_source
from tests.intake.measure import seed_list


def every_row():
    """Every row of every table the project has, as plain values."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def add_generated_copy(folder, seed=3, typos=0.1):
    names, _, body = seed_list("forum-asia-web")
    # A name no copy prints, so the preview has a signatory to create.
    copy = generators.annotated_copy(
        [*names, "Zeta Gamma Trust"], body, seed, shuffled=True, typos=typos
    )
    add_source(folder, "found-copy", copy.text)


def test_a_dry_run_changes_no_row(seeded, letter_copy):
    add_generated_copy(letter_copy)
    before = every_row()
    (report,) = load_letters([letter_copy], dry_run=True)
    assert every_row() == before
    assert report.dry_run and report.changed
    assert len(report.preview.decisions) == len(seed_list("forum-asia-web")[0]) + 1
    assert report.preview.created == ["Zeta Gamma Trust"]


def test_the_preview_is_what_the_real_run_then_does(seeded, letter_copy):
    add_generated_copy(letter_copy)
    (dry,) = load_letters([letter_copy], dry_run=True)
    (real,) = load_letters([letter_copy])
    assert [(d.ordinal, d.signatory, d.method, d.score) for d in dry.preview.decisions] == [
        (d.ordinal, d.signatory, d.method, d.score) for d in real.preview.decisions
    ]


def test_the_command_prints_each_entry_the_signatories_it_would_create_and_the_doubtful_ones(
    seeded, letter_copy, capsys
):
    add_generated_copy(letter_copy)
    before = every_row()
    call_command("load_letter", str(letter_copy), dry_run=True)
    out = capsys.readouterr().out
    assert every_row() == before
    assert "dry run, nothing was written" in out
    assert "found-copy: would be created; 282 entries (+282 ~0 -0)" in out
    assert "New or changed entries (282):" in out
    assert "-> joins 'Amnesty International' (exact, 100)" in out
    assert "Signatories it would create (1):\n    Zeta Gamma Trust\n" in out
    assert "-> new signatory 'Zeta Gamma Trust' (new, 0)" in out
    doubtful = out.split("Doubtful matches (")[1]
    assert "'Zeta Gamma Trust'" in doubtful
