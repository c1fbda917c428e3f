"""The hand-built study store (study_store.py), written once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from study_store import build_store

from rulings.store import Store


@pytest.fixture(scope="session")
def study_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("study") / "rulings.db")


@pytest.fixture
def store(study_db: Path) -> Iterator[Store]:
    with Store(study_db) as opened:
        yield opened
