"""The shipped model on the bundled sample, end to end: import, extract, classify, rank.

Ground truth is the sample's own catalogue (corpus/sample/CATALOGUE-*.tsv). The paid under-16
cases (category client_paid_under16: convicted under 245/247, paid in money or goods) are not
among the training examples of the shipped model (the weak rules abstain on them), so their
ranking is what the model learned from 248b cases and payment, not a memory of them.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rulings.batch import run_extraction
from rulings.classify.model import DEFAULT_DIR, load_model, read_table
from rulings.classify.sample import SAMPLE_DIR, rank_store, read_catalogue
from rulings.cli import _register, cli
from rulings.corpus import import_paths
from rulings.store import Store

pytestmark = pytest.mark.slow
_register()
TARGET = "client_paid_under16"
UNPAID = {"unpaid_sexual", "trafficker_273f"}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "rulings.db"
    with Store(path) as store:
        import_paths(store, [SAMPLE_DIR])
        run_extraction(store)
        yield store


@pytest.fixture(scope="module")
def catalogue():
    return read_catalogue(SAMPLE_DIR)


def test_paid_under_16_cases_are_not_trained_on(catalogue):
    trained = {row["ecli"] for row in read_table(DEFAULT_DIR)}
    target = {e for e, row in catalogue.items() if row["category"] == TARGET}
    assert len(target) == 8 and not trained & target


@pytest.mark.parametrize("summary_only", [False, True], ids=["whole text", "inhoudsindicatie"])
def test_shipped_model_ranks_paid_child_cases_above_unpaid_and_traffickers(
    sample_store, catalogue, summary_only
):
    ranking = rank_store(
        sample_store, load_model(DEFAULT_DIR), catalogue, summary_only=summary_only
    )
    target = [r.rank for r in ranking if r.category == TARGET]
    unpaid = [r.rank for r in ranking if r.category in UNPAID]
    assert len(target) == 8 and len(unpaid) == 11
    assert max(target) < min(unpaid), (target, unpaid)


def test_classify_command_scores_the_fresh_sample_with_the_default(sample_store, catalogue):
    runner = CliRunner()
    db = ["--db", str(sample_store.path)]
    result = runner.invoke(cli, [*db, "classify"])
    assert result.exit_code == 0, result.output
    assert "66 rulings scored (3 from the inhoudsindicatie only)" in result.output
    found = json.loads(runner.invoke(cli, [*db, "candidates", "--limit", "0", "--json"]).output)
    by_ecli = {c["ecli"]: c for c in found}
    metadata_only = [e for e, row in catalogue.items() if row["category"] == "metadata_only"]
    assert all("metadata-only" in by_ecli[e]["flags"] for e in metadata_only)
    top = [c for c in found if c["score"] >= 0.5]
    assert all(c["reasons"] for c in top)
    appeal = by_ecli["ECLI:NL:GHSHE:2016:7051"]
    assert "appeal" in appeal["flags"] and appeal["articles"] == ["248b Sr"]
