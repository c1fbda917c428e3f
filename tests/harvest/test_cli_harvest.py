"""`rulings harvest` and `rulings refresh` against the fake service on 127.0.0.1, in process."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeserver import AMSTERDAM, FakeServer, FakeService, make_docs

from rulings.cli import _register, cli

_register()
FAST = ["--rate", "1000", "--timeout", "2", "--attempts", "2"]
YEAR = ["--from", "2021-01-01", "--to", "2021-12-31"]


@pytest.fixture
def service() -> FakeService:
    return FakeService(make_docs(12))


@pytest.fixture
def server(service: FakeService) -> Iterator[FakeServer]:
    with FakeServer(service) as running:
        yield running


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus" / "rulings.db"


def rulings(db: Path, server: FakeServer | None, *args: str) -> object:
    base = ["--base-url", server.url] if server else []
    runner = CliRunner()
    return runner.invoke(cli, ["--db", str(db), *args, *base, *FAST], catch_exceptions=False)


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT ecli FROM ruling ORDER BY ecli")]


def test_harvest_stores_every_document_once_and_then_skips_them(db, server, service):
    result = rulings(db, server, "harvest", *YEAR, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["listed"], summary["fetched"], summary["stored"], summary["failed"]) == (
        12,
        12,
        12,
        0,
    )
    assert stored(db) == sorted(d.ecli for d in service.docs)
    raw = sorted(p.name for p in (db.parent / "raw" / "2021").iterdir())
    assert raw == sorted(d.ecli.replace(":", "_") + ".xml" for d in service.docs)

    again = rulings(db, server, "harvest", *YEAR, "--json")
    assert json.loads(again.stdout)["skipped"] == 12
    assert set(service.served.values()) == {1}


def test_human_summary_line(db, server):
    result = rulings(db, server, "harvest", *YEAR)
    assert result.exit_code == 0
    assert result.stdout.startswith("opendata: 12 listed, 0 already stored, 12 fetched, 12 stored")


def test_court_codes_filter_the_index(db, server, service):
    result = rulings(db, server, "harvest", *YEAR, "--court", "RBGEL", "--json")
    assert result.exit_code == 0, result.output
    assert service.index_requests[0]["creator"] == [
        "http://standaarden.overheid.nl/owms/terms/Rechtbank_Gelderland"
    ]
    assert stored(db) and all(":RBGEL:" in e for e in stored(db))


def test_base_url_from_the_environment(db, server, service, monkeypatch):
    monkeypatch.setenv("RULINGS_OPENDATA_URL", server.url)
    result = rulings(db, None, "harvest", *YEAR)
    assert result.exit_code == 0, result.output
    assert len(stored(db)) == 12


def test_documents_that_keep_failing_exit_1_and_are_retried_next_run(db, server, service):
    broken = service.docs[4].ecli
    service.faults[broken] = ["503", "503"]  # both attempts fail
    result = rulings(db, server, "harvest", *YEAR)
    assert result.exit_code == 1
    assert (
        f"failed {broken}: " in result.stderr
        and "gave up after 2 attempts (HTTP 503)" in result.stderr
    )
    assert result.stderr.strip().endswith(
        "Error: 1 documents failed; they are logged and tried first on the next run"
    )
    assert broken not in stored(db)

    again = rulings(db, server, "harvest", *YEAR, "--json")
    assert again.exit_code == 0, again.output
    summary = json.loads(again.stdout)
    assert (summary["retried"], summary["stored"], summary["skipped"]) == (1, 1, 11)
    assert broken in stored(db)


def test_gone_documents_are_counted_not_failed(db, server, service):
    service.faults[service.docs[0].ecli] = ["404"]
    service.faults[service.docs[1].ecli] = ["redirect"]
    service.faults[service.docs[2].ecli] = ["html"]
    result = rulings(db, server, "harvest", *YEAR, "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert (summary["gone"], summary["stored"]) == (3, 9)
    assert {e for e, _ in summary["unavailable"]} == {d.ecli for d in service.docs[:3]}


def test_index_error_is_one_line(db, server, service):
    service.index_faults[0] = ["400"]
    result = rulings(db, server, "harvest", *YEAR)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("Error: http://127.0.0.1:")
    assert "HTTP 400: 'Ongeldige waarde voor parameter date'" in lines[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give --from DATE (and --to DATE), --modified-since or --query"),
        (["--from", "2021-13-01"], "'2021-13-01' is not a date like 2021-01-31"),
        (
            ["--from", "2021-06-01", "--to", "2021-01-01"],
            "--to 2021-01-01 is before --from 2021-06-01",
        ),
        (["--query", "study1", "--modified-since", "2024-01-01"], "--modified-since works with"),
        (["--modified-since", "gisteren"], "is not a date or a time"),
        (["--from", "2021-01-01", "--type", "arrest"], "'arrest' is not one of"),
    ],
    ids=["nothing", "bad-date", "reversed", "query-modified", "bad-timestamp", "bad-type"],
)
def test_usage_errors_exit_2(db, args, message):
    result = rulings(db, None, "harvest", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_court_is_one_line_exit_1(db, server):
    result = rulings(db, server, "harvest", *YEAR, "--court", "RBXYZ")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: unknown court code 'RBXYZ'; see patterns/courts.toml or give a URI"
    )


def test_refresh_without_a_previous_harvest(db):
    result = rulings(db, None, "refresh")
    assert result.exit_code == 2
    assert "nothing to refresh yet" in result.stderr


def test_refresh_lists_only_what_changed_since_the_last_run(db, server, service):
    assert rulings(db, server, "harvest", *YEAR, "--court", "RBGEL").exit_code == 0
    with sqlite3.connect(db) as conn:
        last_run = conn.execute(
            "SELECT value FROM state WHERE key = 'refresh.last_run'"
        ).fetchone()[0]
    assert datetime.fromisoformat(last_run) > datetime.now(UTC) - timedelta(minutes=1)

    changed = next(d for d in service.docs if ":RBGEL:" in d.ecli)
    changed.updated = datetime.now(UTC) + timedelta(seconds=5)
    changed.summary = "Herziene samenvatting: taakstraf van 180 uren."
    result = rulings(db, server, "refresh", "--json")
    assert result.exit_code == 0, result.output
    params = service.index_requests[-1]
    assert params["creator"] == ["http://standaarden.overheid.nl/owms/terms/Rechtbank_Gelderland"]
    assert params["date"] == ["2021-01-01", "2021-12-31"]
    since = datetime.fromisoformat(params["modified"][0]).replace(tzinfo=AMSTERDAM)
    assert since == datetime.fromisoformat(last_run) - timedelta(days=1)
    printed = json.loads(result.stdout)
    assert printed["harvest"]["stored"] == 1 and service.served[changed.ecli] == 2
    assert printed["job"]["extracted"] == len(stored(db)) and printed["job"]["scored"] > 0


def test_refresh_moves_the_window(db, server, service):
    service.docs = make_docs(40)  # decided all through 2021
    assert (
        rulings(db, server, "harvest", "--from", "2021-01-01", "--to", "2021-03-31").exit_code == 0
    )
    first = set(stored(db))
    result = rulings(db, server, "refresh", "--to", "2021-12-31")
    assert result.exit_code == 0, result.output
    assert service.index_requests[-1]["date"] == ["2021-01-01", "2021-12-31"]
    assert "modified" not in service.index_requests[-1]  # the new part was never harvested
    assert first < set(stored(db)) and len(stored(db)) == 40
    assert set(service.served.values()) == {1}


def test_query_lists_through_the_website_and_fetches_through_open_data(db, server, service):
    service.website_hits = [d.ecli for d in service.docs[:3]]
    result = rulings(
        db, server, "harvest", "--query", "study2", "--website-url", server.url, "--json"
    )
    assert result.exit_code == 0, result.output
    sent = service.website_requests[0]
    assert sent["SearchTerms"][0]["Term"].startswith('"betaalde seks" OR "seks tegen betaling"')
    assert stored(db) == sorted(service.website_hits)
    with sqlite3.connect(db) as conn:
        sources = {r[0] for r in conn.execute("SELECT source FROM harvest_log")}
    assert sources == {"website"}
    assert json.loads(result.stdout)["source"] == "website"


def test_free_text_query_and_court_filter(db, server, service):
    service.website_hits = [d.ecli for d in service.docs[:8]]
    result = rulings(
        db,
        server,
        "harvest",
        "--query",
        "kinderprostitutie",
        "--court",
        "RBNNE",
        "--website-url",
        server.url,
    )
    assert result.exit_code == 0, result.output
    assert service.website_requests[0]["SearchTerms"][0]["Term"] == "kinderprostitutie"
    assert (
        "no named query 'kinderprostitutie' (known: " in result.stderr and "study1" in result.stderr
    )
    assert stored(db) and all(":RBNNE:" in e for e in stored(db))


def test_every_command_has_an_example():
    for name in ("harvest", "refresh"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert "Example:" in result.output and f"rulings {name}" in result.output
