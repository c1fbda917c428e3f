"""The shipped default model: loadable, described, and rebuildable from its training table."""

from __future__ import annotations

import shutil

import pytest

from rulings.classify.features import RulingInput
from rulings.classify.model import DEFAULT_DIR, load_model, read_meta, read_table
from rulings.classify.train import Example, data_hash


@pytest.fixture(scope="module")
def default():
    return load_model(DEFAULT_DIR)


def test_default_model_is_described(default):
    meta = read_meta(DEFAULT_DIR)
    assert meta["version"] == default.version and default.note == ""
    assert meta["sources"]["weak:client_conviction"] == meta["n_positive"]
    for part in ("all", "full_text", "summary_only"):
        assert {"precision", "recall", "f1", "review_load_recall_95"} <= set(meta["metrics"][part])


def test_training_table_matches_the_recorded_hash():
    table = read_table(DEFAULT_DIR)
    assert data_hash(table) == read_meta(DEFAULT_DIR)["data_hash"]
    examples = [Example.from_json(row) for row in table]
    assert sum(e.label for e in examples) == read_meta(DEFAULT_DIR)["n_positive"]
    # the table is the sample's weak labels only: no paid under-16 case is trained on
    assert all(e.source.startswith("weak:") for e in examples)


def test_refit_from_the_table_scores_like_the_pickle(default, tmp_path):
    folder = tmp_path / "default"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "model.pkl").unlink()
    refitted = load_model(folder)
    assert "refitted from its training table" in refitted.note
    probe = [
        RulingInput(
            ecli="ECLI:NL:RBMNE:2018:300",
            summary="Verdachte heeft een 14-jarig meisje geld gegeven voor seks.",
            text="Verdachte heeft een 14-jarig meisje geld gegeven voor seks.",
            signals={"term_payment": 1.0, "term_minor": 1.0, "paid_minor": 1.0},
            summary_only=True,
        ),
        RulingInput(ecli="ECLI:NL:RBOBR:2017:200", summary="Diefstal.", text="Diefstal."),
    ]
    expected = [s.score for s in default.score(probe)]
    assert [s.score for s in refitted.score(probe)] == pytest.approx(expected, abs=1e-6)
    assert expected[0] > expected[1]
