"""Extraction over a store with a worker pool: same findings as one process, bounded read-ahead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rulings import batch
from rulings.batch import CHUNK, in_order, run_extraction
from rulings.corpus import import_paths
from rulings.models import to_jsonable
from rulings.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "sample"


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def get(self) -> Any:
        return self.value


class _InlinePool:
    """Runs each task when it is submitted, like a pool with instant workers."""

    def apply_async(self, fn: Any, args: tuple[Any, ...]) -> _Done:
        return _Done(fn(*args))


def test_in_order_keeps_the_order_and_reads_only_a_few_chunks_ahead(monkeypatch) -> None:
    monkeypatch.setattr(batch, "_extract_chunk", lambda chunk: [f"found {r}" for r in chunk])
    read: list[int] = []

    def rulings():
        for n in range(1000):
            read.append(n)
            yield n

    ahead = 3
    yielded = 0
    for found in in_order(_InlinePool(), rulings(), ahead=ahead):
        assert found == f"found {yielded}"
        yielded += 1
        assert len(read) - yielded <= ahead * CHUNK
    assert yielded == 1000


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("batch") / "rulings.db"
    wanted = sorted(SAMPLE.glob("*.xml"))[:10]
    with Store(db) as store:
        import_paths(store, wanted)
    return db


def test_pool_stores_the_same_findings_as_one_process(sample_store: Path) -> None:
    with Store(sample_store) as store:
        single = run_extraction(store, force=True, workers=1)
        alone = {e: to_jsonable(store.get_findings(e)) for e in store.eclis()}
        pooled = run_extraction(store, force=True, workers=2)
        together = {e: to_jsonable(store.get_findings(e)) for e in store.eclis()}
    assert single.rulings == pooled.rulings == 10
    assert pooled.findings == single.findings > 0
    assert together == alone


def test_replaced_workers_store_the_same_findings(sample_store: Path, monkeypatch) -> None:
    """A worker replaced after each chunk (RECYCLE=1) builds its pipeline afresh; nothing is
    lost or doubled across the replacement."""
    monkeypatch.setattr(batch, "RECYCLE", 1)
    with Store(sample_store) as store:
        run_extraction(store, force=True, workers=1)
        alone = {e: to_jsonable(store.get_findings(e)) for e in store.eclis()}
        recycled = run_extraction(store, force=True, workers=2)
        together = {e: to_jsonable(store.get_findings(e)) for e in store.eclis()}
    assert recycled.rulings == 10
    assert together == alone
