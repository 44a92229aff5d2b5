"""Shared fixtures: the real seed letter loaded through the one import path."""

from pathlib import Path

import pytest
from django.conf import settings

from letters.importers import load_letters

SEED_FOLDER = Path(settings.LETTER_FIXTURES_DIR) / "global-call-china-2020"


@pytest.fixture
def seed_folder() -> Path:
    return SEED_FOLDER


@pytest.fixture
def seeded(db):
    """The five seed sources loaded as `make run` loads them; returns the import reports."""
    return load_letters([SEED_FOLDER])
