"""Container start-up: prepare_database migrates and loads the letter, and is safe to repeat."""

from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection

from letters.models import Letter
from signatories.models import Signatory


def prepare() -> str:
    out = StringIO()
    call_command("prepare_database", stdout=out, verbosity=1)
    return out.getvalue()


def test_prepare_database_loads_the_letter_then_finds_nothing_to_do(db):
    first = prepare()
    version = Letter.objects.get().data_version
    second = prepare()

    assert "loaded." in first and "Database ready." in first
    assert "nothing changed." in second
    assert Letter.objects.get().data_version == version
    assert Signatory.objects.count() > 100


def test_prepare_database_gives_up_when_the_database_never_answers(db):
    refused = OperationalError("connection refused")
    with (
        mock.patch.object(connection, "ensure_connection", side_effect=refused),
        mock.patch.object(connection, "close"),  # keep the test's own transaction
        pytest.raises(CommandError, match="did not answer in 0 s"),
    ):
        call_command("prepare_database", "--wait", "0", stdout=StringIO())
