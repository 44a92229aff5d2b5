"""Fixtures of the intake tests."""

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def letter_copy(tmp_path, seed_folder) -> Path:
    folder = tmp_path / "global-call-china-2020"
    shutil.copytree(seed_folder, folder)
    return folder
