"""Curation survives a source leaving letter.toml and returning (issue 14, item 5).

Remove two sources, load, put them back, load: every split's override and every source note is
back in force, the entries return to the signatory a curator put them on, nothing is left with
no entry by accident, and load_letter says plainly what lies dormant meanwhile.
"""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from curation import services
from curation.models import SourceNote
from letters.models import SourceVersion
from signatories.models import ListEntry, MatchOverride, Signatory
from tests.curation.helpers import entry, make_user, signatory

WHY = {"reason": "Checked against the organisation's website.", "evidence_url": ""}
AWAY = ["pdf-text", "minbyun-press-release"]


def without_sources(seed_folder: Path, target: Path, slugs: list[str]) -> Path:
    """A copy of the seed folder whose letter.toml lists every source but these."""
    folder = target / seed_folder.name
    shutil.copytree(seed_folder, folder)
    manifest = folder / "letter.toml"
    head, *blocks = manifest.read_text(encoding="utf-8").split("\n[[sources]]\n")
    kept = [b for b in blocks if not any(f'slug = "{slug}"' in b for slug in slugs)]
    manifest.chmod(0o644)
    manifest.write_text("\n[[sources]]\n".join([head, *kept]), encoding="utf-8")
    return folder


def load(folder: Path) -> str:
    out = StringIO()
    call_command("load_letter", str(folder), stdout=out)
    return out.getvalue()


@pytest.fixture
def curated(seeded):
    curator = make_user("carla")
    split_hric = services.entry_split(
        entry=entry("minbyun-press-release", "HRIC"), name="HRIC (Korean list)", user=curator, **WHY
    )
    split_jua = services.entry_split(
        entry=entry("pdf-text", "Japan Uyghur Association"), user=curator, **WHY
    )
    fuzzy = entry(
        "minbyun-press-release", "Southern Africa Human Rights. Defenders Network- SAHRDN"
    )
    services.match_override(entry=fuzzy, signatory=fuzzy.signatory, user=curator, **WHY)
    for slug, note in (
        ("pdf-text", "Number 274 is missing."),
        ("minbyun-press-release", "Korean."),
    ):
        services.source_set_note(
            source=SourceVersion.objects.get(slug=slug), note=note, user=curator, **WHY
        )
    return {"hric": split_hric, "jua": split_jua, "fuzzy": fuzzy}


def placement() -> set[tuple]:
    """Where every entry is, by signatory name, and which are pinned (by which signatory row).

    The importer's evidence may differ after the return: the returning lists are matched against
    the copies loaded meanwhile (a reading "compact" against one copy is "exact" against another).
    """
    return set(
        ListEntry.objects.values_list(
            "source__slug", "ordinal", "text", "signatory__name", "override__kind",
            "override__signatory_id",
        )
    )  # fmt: skip


def test_curation_lies_dormant_while_a_source_is_away_and_returns_with_it(
    curated, seed_folder, tmp_path
):
    before = placement()
    overrides = set(MatchOverride.objects.values_list("source_slug", "ordinal", "signatory_id"))
    notes = set(SourceNote.objects.values_list("source_slug", "text"))

    output = load(without_sources(seed_folder, tmp_path / "away", AWAY))

    assert "pdf-text: removed (no longer in letter.toml); its entries are deleted; kept " in output
    assert "minbyun-press-release: removed" in output
    assert "kept dormant until it returns: 2 match overrides, a source note" in output
    assert "kept dormant until it returns: 1 match override, a source note" in output
    assert "signatories no list names now, kept for their curation: " in output
    assert "“HRIC (Korean list)”" in output
    assert set(MatchOverride.objects.values_list("source_slug", "ordinal", "signatory_id")) == (
        overrides
    )
    assert set(SourceNote.objects.values_list("source_slug", "text")) == notes

    output = load(seed_folder)

    assert "curation back in force: 1 match override, a source note" in output
    assert "curation back in force: 2 match overrides, a source note" in output
    assert placement() == before
    assert entry("minbyun-press-release", "HRIC").signatory == curated["hric"]
    assert entry("pdf-text", "Japan Uyghur Association").signatory == curated["jua"]
    assert not Signatory.objects.filter(entries__isnull=True).exists()
    assert signatory("hric").entries.count() == 3
    assert "signatories no list names now" not in output


def test_a_source_note_shows_again_on_the_returning_sources_page(
    curated, seed_folder, tmp_path, client
):
    load(without_sources(seed_folder, tmp_path / "away", ["pdf-text"]))
    assert client.get("/sources/pdf-text/").status_code == 404
    load(seed_folder)
    page = client.get("/sources/pdf-text/").content.decode()
    assert "Number 274 is missing." in page


def test_a_source_with_no_curation_is_reported_as_such(seeded, seed_folder, tmp_path):
    output = load(without_sources(seed_folder, tmp_path / "away", ["forum-asia-web"]))
    assert "forum-asia-web: removed (no longer in letter.toml)" in output
    assert "no curation was about it" in output
