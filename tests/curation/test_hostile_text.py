"""Curated text cannot hide characters, and import_curation checks a file as the admin would."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from curation import services
from curation.models import Correction
from letters.models import SourceVersion
from signatories.models import Alias, Signatory
from tests.curation.helpers import make_user, signatory

WHY = {"reason": "Checked with the organisation.", "evidence_url": "https://example.org/x"}
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Watch" followed by it displays reversed text after
HIDDEN = [RLO, "\u2066", "\u200b", "\u00ad", "\ufeff", "\u0007", "\u2028"]


@pytest.fixture
def curator(seeded):
    return make_user("carla")


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_a_curated_name_with_an_invisible_character_is_refused(curator, char):
    amnesty = signatory("amnesty-international")

    with pytest.raises(ValidationError) as refused:
        services.signatory_rename(
            signatory=amnesty, name=f"Amnesty{char} International", user=curator, **WHY
        )

    assert f"U+{ord(char):04X}" in str(refused.value)
    assert Signatory.objects.get(pk=amnesty.pk).curated_name == ""
    assert not Correction.objects.exists()


def test_aliases_countries_and_split_names_refuse_a_bidi_override(curator):
    amnesty = signatory("amnesty-international")
    with pytest.raises(ValidationError):
        services.alias_add(signatory=amnesty, name=f"AI{RLO}", user=curator, **WHY)
    with pytest.raises(ValidationError):
        services.signatory_set_details(
            signatory=amnesty, kind="", country=f"{RLO}UK", name_language="", user=curator, **WHY
        )
    assert not Alias.objects.exists()


def test_notes_and_reasons_refuse_bidi_controls_but_keep_line_breaks(curator):
    amnesty = signatory("amnesty-international")
    source = SourceVersion.objects.get(slug="pdf-text")
    with pytest.raises(ValidationError):
        services.signatory_set_note(signatory=amnesty, note=f"Note{RLO}", user=curator, **WHY)
    with pytest.raises(ValidationError):
        services.source_set_note(source=source, note="Note\u2067x", user=curator, **WHY)
    with pytest.raises(ValidationError):
        services.signatory_set_note(
            signatory=amnesty, note="Note", user=curator, reason=f"Because{RLO}", evidence_url=""
        )

    services.signatory_set_note(
        signatory=amnesty, note="First line.\nSecond line.", user=curator, **WHY
    )
    assert Signatory.objects.get(pk=amnesty.pk).public_note == "First line.\nSecond line."


def test_names_in_scripts_that_need_zero_width_joiners_are_accepted(curator):
    persian = "کانون\u200cمدافعان حقوق بشر"  # ZERO WIDTH NON-JOINER, as Persian writes it
    amnesty = signatory("amnesty-international")

    services.alias_add(signatory=amnesty, name=persian, user=curator, **WHY)

    assert amnesty.aliases.get().name == persian


def exported(tmp_path, curator):
    services.signatory_set_note(
        signatory=signatory("amnesty-international"), note="A note.", user=curator, **WHY
    )
    path = tmp_path / "curation.json"
    call_command("export_curation", str(path), verbosity=0)
    return path, json.loads(path.read_text())


def import_edited(path, document):
    path.write_text(json.dumps(document))
    call_command("import_curation", str(path), verbosity=0)


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c.update(evidence_url="javascript:alert(document.domain)"), "http"),
        (lambda c: c.update(evidence_url="ftp://example.org/file"), "http"),
        (lambda c: c.update(action="delete-everything"), "unknown action 'delete-everything'"),
        (lambda c: c.update(reason=""), "needs a reason"),
        (lambda c: c.update(summary="x" * 1001), "at most 1000"),
        (lambda c: c.update(created_at="yesterday"), "not a date"),
    ],
    ids=["javascript-link", "ftp-link", "unknown-action", "no-reason", "long-summary", "bad-date"],
)
def test_import_curation_refuses_a_correction_the_admin_would_refuse(
    curator, tmp_path, edit, message
):
    path, document = exported(tmp_path, curator)
    edit(document["letters"][0]["corrections"][0])
    before = list(Correction.objects.values_list("key", "evidence_url", "action", "summary"))

    with pytest.raises(CommandError, match="nothing was imported") as refused:
        import_edited(path, document)

    assert message in str(refused.value)
    assert "IntegrityError" not in str(refused.value)
    assert list(Correction.objects.values_list("key", "evidence_url", "action", "summary")) == (
        before
    )


def test_import_curation_refuses_a_curated_name_with_a_bidi_override(curator, tmp_path):
    path, document = exported(tmp_path, curator)
    document["letters"][0]["signatories"][0]["curated_name"] = f"Amnesty{RLO}"

    with pytest.raises(CommandError, match="U\\+202E"):
        import_edited(path, document)

    assert Signatory.objects.get(slug="amnesty-international").curated_name == ""
