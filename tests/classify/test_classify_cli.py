"""`rulings classify`, `candidates`, `label` and `export` together, as a researcher runs them."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from rulings.cli import _register, cli

_register()

PAID_U16 = "ECLI:NL:RBMNE:2018:300"


def _run(store, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(store.path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_classify_without_any_model_says_so_in_one_line(filled_store, no_default):
    result = CliRunner().invoke(cli, ["--db", str(filled_store.path), "classify"])
    assert result.exit_code == 1
    assert "no default model" in result.output and "Traceback" not in result.output


def test_classify_retrain_evaluate_prints_metrics_and_scores_everything(filled_store, no_default):
    output = _run(filled_store, "classify", "--retrain", "--evaluate")
    assert "precision=" in output and "review load for recall 0.95" in output
    assert "summary_only" in output and "full_text" in output
    assert "20 rulings scored (1 from the inhoudsindicatie only)" in output


def test_candidates_json_is_ranked_with_reasons(filled_store, no_default):
    _run(filled_store, "classify", "--retrain")
    found = json.loads(_run(filled_store, "candidates", "--limit", "0", "--json"))
    assert len(found) == 20
    scores = [c["score"] for c in found]
    assert scores == sorted(scores, reverse=True)
    assert {"ecli", "score", "reasons", "flags", "case_numbers", "victim_ages"} <= set(found[0])
    assert found[0]["reasons"] and found[0]["articles"] == ["248b Sr"]
    meta_only = next(c for c in found if c["ecli"] == "ECLI:NL:RBNNE:2019:4411")
    assert "metadata-only" in meta_only["flags"] and meta_only["has_body"] is False
    high = json.loads(_run(filled_store, "candidates", "--min-score", "0.5", "--json"))
    assert high and all(c["score"] >= 0.5 for c in high)


def test_label_retrain_export_round_trip(filled_store, no_default):
    _run(filled_store, "classify", "--retrain")
    before = json.loads(_run(filled_store, "candidates", "--limit", "0", "--json"))
    score_before = next(c["score"] for c in before if c["ecli"] == PAID_U16)
    _run(filled_store, "label", PAID_U16, "include", "--note", "€ 50, slachtoffer 14")
    unreviewed = json.loads(
        _run(filled_store, "candidates", "--unreviewed", "--limit", "0", "--json")
    )
    assert PAID_U16 not in {c["ecli"] for c in unreviewed}
    output = _run(filled_store, "classify", "--retrain", "--evaluate")
    assert "review 1" in output  # the label is a training example now
    after = json.loads(_run(filled_store, "candidates", "--limit", "0", "--json"))
    assert next(c["score"] for c in after if c["ecli"] == PAID_U16) > score_before
    text = _run(filled_store, "export", "--status", "include")
    [header, row] = list(csv.reader(io.StringIO(text), delimiter=";"))
    record = dict(zip(header, row, strict=True))
    assert record["ecli"] == PAID_U16 and record["parketnummer"] == "16/650000-17"
    assert record["status"] == "include" and record["note"] == "€ 50, slachtoffer 14"
    assert record["victim_ages"] == "14" and record["articles"] == "245 Sr"
