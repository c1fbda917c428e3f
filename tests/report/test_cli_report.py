"""`rulings report` end to end: where the index is, --json, and the user's mistakes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rulings.cli import _register, cli

_register()


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "report", *args])


def test_report_says_what_it_wrote_and_where_the_index_is(study_db, tmp_path):
    out = tmp_path / "study"
    result = run(study_db, "--status", "include", "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("8 rulings in 5 cases (4 convicted, selection include)")
    assert lines[-1] == f"report: {out / 'index.html'}"
    assert (out / "index.html").is_file()


def test_report_json_with_a_period(study_db, tmp_path):
    args = ("--from", "2018-01-01", "--to", "2019-12-31", "--status", "all", "--json")
    result = run(study_db, *args, "--out", str(tmp_path / "r"))
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["date_from"], summary["date_to"], summary["status"]) == (
        "2018-01-01",
        "2019-12-31",
        "all",
    )
    assert (summary["rulings"], summary["cases"], summary["convicted"]) == (5, 5, 4)
    assert summary["index"].endswith("index.html") and len(summary["csv"]) == 11


def test_an_empty_selection_is_explained(study_db, tmp_path):
    result = run(study_db, "--from", "2030-01-01", "--out", str(tmp_path / "r"))
    assert result.exit_code == 0
    assert "no cases in this selection" in result.stderr


def test_a_reversed_period_is_one_line_and_exit_1(study_db, tmp_path):
    result = run(study_db, "--from", "2020-01-01", "--to", "2019-01-01", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: --from 2020-01-01 lies after --to 2019-01-01"
    ]


def test_usage_mistakes_exit_2(study_db, tmp_path):
    assert run(study_db, "--status", "convicted").exit_code == 2
    assert run(study_db, "--from", "1-13-2019").exit_code == 2
