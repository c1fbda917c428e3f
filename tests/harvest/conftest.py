"""Shared pieces of the harvest tests: fixture files, a fresh store, a session that never sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rulings.harvest.http import PoliteSession
from rulings.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_bytes(name: str) -> bytes:
    """tests/fixtures/<name> as bytes ("atom/empty.atom", "http/ECLI_NL_...xml")."""
    return (FIXTURES / name).read_bytes()


class FakeClock:
    """A clock that only moves when something sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> Iterator[PoliteSession]:
    """No rate limit, three attempts, deterministic jitter, sleeps recorded instead of slept."""
    polite = PoliteSession(
        rate=None, timeout=5, max_attempts=3, sleep=clock.sleep, clock=clock, jitter=lambda: 0.5
    )
    yield polite
    polite.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "rulings.db")
    yield opened
    opened.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Live tests run only when asked for by name (`pytest -m network`), never by `make test`."""
    if "network" in (config.getoption("markexpr") or ""):
        return
    live = [item for item in items if item.get_closest_marker("network")]
    if live:
        config.hook.pytest_deselected(items=live)
        items[:] = [item for item in items if not item.get_closest_marker("network")]
