"""The corpus commands end to end: import, search, show, stats, with their errors and exit codes."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulings.cli import _register, cli

FIXTURES = Path(__file__).parent / "fixtures" / "xml"
_register()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder with the fixture rulings (their golden files left behind)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in FIXTURES.glob("*.xml"):
        shutil.copy(path, folder / path.name)
    return folder


def run(*args: str, db: Path, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["--db", str(db), *args], env=env, catch_exceptions=False)


def test_import_then_reimport_updates_nothing(docs, tmp_path):
    db = tmp_path / "r.db"
    first = run("import", str(docs), db=db)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("6 imported, 0 updated, 0 unchanged, 0 rejected")
    second = run("import", str(docs), "--json", db=db)
    summary = json.loads(second.stdout)
    assert (summary["inserted"], summary["unchanged"], summary["rejected"]) == (0, 6, 0)


def test_bad_files_are_named_and_the_rest_is_imported(docs, tmp_path):
    (docs / "truncated.xml").write_bytes(
        (FIXTURES / "rb_248b_first_instance.xml").read_bytes()[:1500]
    )
    (docs / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><open-rechtspraak>&lol2;</open-rechtspraak>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2019/201901.zip", b"PK\x03\x04broken")
        archive.writestr(
            "2019/ECLI_NL_RBNHO_2019_9876.xml", (FIXTURES / "metadata_only.xml").read_bytes()
        )
    (docs / "archive.zip").write_bytes(buffer.getvalue())
    db = tmp_path / "r.db"
    result = run("import", str(docs), db=db)
    assert result.exit_code == 1
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert len(rejected) == 3
    assert any("truncated.xml" in line and "truncated" in line for line in rejected)
    assert any("bomb.xml" in line and "DOCTYPE" in line.upper() for line in rejected)
    assert any("archive.zip!2019/201901.zip" in line for line in rejected)
    assert "6 imported" in result.stdout  # the metadata-only twin in the zip is an unchanged copy
    assert "1 unchanged" in result.stdout


def test_search_json_and_filters(docs, tmp_path):
    db = tmp_path / "r.db"
    run("import", str(docs), db=db)
    result = run("search", "ontucht", "--json", db=db)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits and {"ecli", "court", "date", "snippet"} <= set(hits[0])
    assert all("**" in h["snippet"] for h in hits)
    only_gharl = json.loads(run("search", "ontucht", "--court", "GHARL", "--json", db=db).stdout)
    assert {h["ecli"] for h in only_gharl} <= {"ECLI:NL:GHARL:2024:2345"}


def test_malformed_query_is_one_line_exit_1(docs, tmp_path):
    db = tmp_path / "r.db"
    run("import", str(docs), db=db)
    result = run("search", "ontucht AND (", db=db)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: search query")


def test_search_needs_a_query_or_filter(tmp_path):
    result = run("search", db=tmp_path / "r.db")
    assert result.exit_code == 2


def test_show_and_stats(docs, tmp_path):
    db = tmp_path / "r.db"
    run("import", str(docs), db=db)
    shown = json.loads(run("show", "ECLI:NL:RBMNE:2023:5120", "--json", db=db).stdout)
    assert shown["ecli"] == "ECLI:NL:RBMNE:2023:5120"
    assert shown["sections"] and {"heading", "role", "text"} <= set(shown["sections"][0])
    text = run("show", "ECLI:NL:RBMNE:2023:5120", db=db).stdout
    assert "[beslissing]" in text
    missing = run("show", "ECLI:NL:RBMNE:2023:1", db=db)
    assert missing.exit_code == 1 and "not in the store" in missing.stderr
    counts = json.loads(run("stats", "--json", db=db).stdout)
    assert counts["rulings"] == 6
    assert counts["per_court"]["RBMNE"] == 1
    assert set(counts) >= {"per_year", "per_procedure", "metadata_only"}


def test_rulings_db_environment_variable(docs, tmp_path):
    db = tmp_path / "env.db"
    result = CliRunner().invoke(cli, ["import", str(docs)], env={"RULINGS_DB": str(db)})
    assert result.exit_code == 0
    assert db.exists()


def test_missing_path_exits_1_with_its_name(tmp_path):
    result = run("import", str(tmp_path / "nothing-here"), db=tmp_path / "r.db")
    assert result.exit_code == 1
    assert "nothing-here: no such file or folder" in result.stderr
