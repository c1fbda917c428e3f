"""Training, scoring, reasons, persistence and metrics of the classifier on a hand-built store."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from rulings.classify.evaluate import metrics, review_load
from rulings.classify.features import build_input
from rulings.classify.model import load_model, read_table, save_model
from rulings.classify.score import current_model, retrain, score_store
from rulings.classify.train import fit, store_examples
from rulings.errors import ModelError
from rulings.store.classify_queries import ranked


def _scores(store, model) -> dict[str, float]:
    inputs = [build_input(r, store.get_findings(r.ecli)) for r in store.iter_rulings()]
    return {s.ecli: s.score for s in model.score(inputs)}


def test_paid_child_cases_rank_above_unpaid_and_trafficker_cases(filled_store, categories):
    examples = store_examples(filled_store)
    # the paid under-16 cases are not among the training examples (weak rules abstain)
    assert not {e.ecli for e in examples} & {
        e for e, c in categories.items() if c == "client_paid_u16"
    }
    model, _table = fit(examples, evaluate=False)
    scores = _scores(filled_store, model)
    paid = [s for e, s in scores.items() if categories[e] == "client_paid_u16"]
    unpaid = [s for e, s in scores.items() if categories[e] in {"sexual_unpaid", "trafficker"}]
    assert min(paid) > max(unpaid)


def test_reasons_name_the_payment_and_the_victim(filled_store):
    model, _ = fit(store_examples(filled_store), evaluate=False)
    ruling = filled_store.get_ruling("ECLI:NL:RBMNE:2018:300")
    [scored] = model.score([build_input(ruling, filled_store.get_findings(ruling.ecli))])
    joined = " | ".join(scored.reasons)
    assert "payment: € 50 (bewijs)" in joined
    assert "victim age 14" in joined


def test_metadata_only_ruling_is_scored_and_marked(filled_store, no_default):
    model = retrain(filled_store)
    result = score_store(filled_store, model)
    assert result.scored == 20 and result.summary_only == 1
    [meta_only] = [r for r in ranked(filled_store) if r.summary_only]
    assert meta_only.ecli == "ECLI:NL:RBNNE:2019:4411"
    assert meta_only.score > 0.3
    assert "scored from the inhoudsindicatie only" not in meta_only.reasons[:1]


def test_model_is_saved_with_its_description_and_found_again(filled_store, no_default):
    model = retrain(filled_store)
    meta = model.meta
    assert meta["version"].startswith("f1-") and len(meta["data_hash"]) == 64
    assert meta["n_positive"] == 5 and meta["n_negative"] == 12
    assert meta["sources"]["weak:client_conviction"] == 5
    assert {"precision", "recall", "f1", "review_load_recall_95"} <= set(meta["metrics"]["all"])
    again = current_model(filled_store)
    assert again.version == model.version and again.note == ""


def test_retrain_learns_from_a_reviewer_label(filled_store, no_default):
    before = retrain(filled_store, evaluate=False)
    filled_store.set_label("ECLI:NL:RBMNE:2018:300", "include", "betaald, 14 jaar")
    after = retrain(filled_store, evaluate=False)
    assert after.meta["sources"]["review"] == 1
    assert after.meta["data_hash"] != before.meta["data_hash"]
    assert after.meta["n_positive"] == before.meta["n_positive"] + 1


def test_too_few_labels_is_a_model_error(filled_store, categories, no_default):
    few = [e for e in store_examples(filled_store) if e.label == 0]
    with pytest.raises(ModelError, match="at least 3 included"):
        fit(few[:5])


def test_no_model_at_all_is_a_model_error(filled_store, no_default):
    with pytest.raises(ModelError, match="no default model"):
        current_model(filled_store)


@pytest.fixture
def saved(filled_store, tmp_path):
    model, table = fit(store_examples(filled_store), evaluate=False)
    folder = save_model(model, table, tmp_path / "m")
    return model, folder


def test_load_round_trip_gives_the_same_scores(filled_store, saved):
    model, folder = saved
    loaded = load_model(folder)
    assert loaded.note == ""
    assert _scores(filled_store, loaded) == pytest.approx(_scores(filled_store, model))


def test_other_sklearn_version_refits_from_the_training_table(filled_store, saved):
    model, folder = saved
    meta = (folder / "model.json").read_text(encoding="utf-8")
    (folder / "model.json").write_text(meta.replace('"sklearn": "', '"sklearn": "0.0-'), "utf-8")
    loaded = load_model(folder)
    assert "refitted from its training table" in loaded.note
    assert _scores(filled_store, loaded) == pytest.approx(_scores(filled_store, model), abs=1e-6)


def test_unreadable_pickle_refits_from_the_training_table(filled_store, saved):
    _model, folder = saved
    (folder / "model.pkl").write_bytes(pickle.dumps({"not": "a pipeline"})[:10])
    loaded = load_model(folder)
    assert "model.pkl unreadable" in loaded.note
    assert len(read_table(folder)) == 17


def test_broken_description_is_a_model_error(saved):
    _model, folder = saved
    (folder / "model.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match=r"model\.json"):
        load_model(folder)


@pytest.mark.parametrize(
    ("labels", "scores", "load"),
    [
        ([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], 3),
        ([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.1], 2),
        ([0, 0, 0, 1], [0.9, 0.8, 0.7, 0.1], 4),
        ([0, 0, 0, 0], [0.9, 0.8, 0.7, 0.1], None),
        # 20 positives: recall 0.95 needs 19 of them
        ([1] * 19 + [0] * 5 + [1], list(np.linspace(1, 0, 25)), 19),
    ],
)
def test_review_load_for_recall_95(labels, scores, load):
    assert review_load(np.array(labels), np.array(scores)) == load


def test_metrics_at_threshold():
    result = metrics(np.array([1, 1, 0, 0, 1]), np.array([0.9, 0.6, 0.7, 0.2, 0.3]))
    assert result["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["review_load_recall_95"] == 4  # 0.9, 0.7, 0.6, 0.3
