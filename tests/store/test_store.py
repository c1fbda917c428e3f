"""The store: idempotent upserts, full-text search with filters, findings, labels, harvest log."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from rulings.errors import QueryError, SchemaTooNew, StoreError
from rulings.models import (
    Actor,
    ArticleRef,
    Evidence,
    Findings,
    LawReference,
    Relation,
    Role,
    Ruling,
    Sanction,
    Section,
)
from rulings.store import Store


def make_ruling(ecli: str = "ECLI:NL:RBLIM:2015:7012", **changes: object) -> Ruling:
    base = Ruling(
        ecli=ecli,
        court="Rechtbank Limburg",
        court_code=ecli.split(":")[2],
        seat="Maastricht",
        decision_date=date(2015, 11, 3),
        publication_date=date(2015, 11, 10),
        modified=datetime(2015, 11, 10, 9, 14, 51),
        case_numbers=("03/700123-15",),
        procedures=("Eerste aanleg - meervoudig",),
        subjects=("Strafrecht",),
        law_references=(
            LawReference("Wetboek van Strafrecht 248b", "Sr", "248b", "1.0:v:BWB:BWBR0001854"),
        ),
        relations=(Relation("ECLI:NL:GHSHE:2016:7040", "hogerBeroep", "latereAanleg", None, ""),),
        inhoudsindicatie="Veroordeling voor ontucht tegen betaling met een zestienjarige.",
        sections=(
            Section(
                0,
                "De tenlastelegging",
                "2",
                Role.TENLASTELEGGING,
                "hij in de periode van 1 maart 2014 tot en met 30 april 2014 te [plaats] "
                "ontucht heeft gepleegd met [slachtoffer], geboren op [geboortedatum] 1998.",
            ),
            Section(
                1,
                "De beslissing",
                "9",
                Role.BESLISSING,
                "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag;\n"
                "veroordeelt verdachte tot een taakstraf van 180 uren.",
            ),
        ),
    )
    return (
        base
        if not changes
        else Ruling(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **changes})
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rulings.db") as s:
        yield s


def test_insert_then_reimport_is_unchanged_and_not_duplicated(store):
    ruling = make_ruling()
    assert store.upsert_ruling(ruling) == "inserted"
    assert store.upsert_ruling(ruling) == "unchanged"
    assert store.count_rulings() == 1
    assert store.get_ruling(ruling.ecli) == ruling


def test_changed_document_updates_row_sections_and_index(store):
    store.upsert_ruling(make_ruling())
    changed = make_ruling(inhoudsindicatie="Vrijspraak van ontucht met een minderjarige.")
    assert store.upsert_ruling(changed) == "updated"
    assert store.count_rulings() == 1
    assert [h.ecli for h in store.search("vrijspraak")] == [changed.ecli]
    assert store.search('"zestienjarige"') == []
    assert store.conn.execute("SELECT count(*) FROM section").fetchone()[0] == 2


def test_search_folds_diacritics_and_marks_hits(store):
    store.upsert_ruling(make_ruling())
    hits = store.search("een AND taakstraf")
    assert [h.ecli for h in hits] == ["ECLI:NL:RBLIM:2015:7012"]
    assert "**één**" in hits[0].snippet or "**taakstraf**" in hits[0].snippet


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"tegen betaling"', True),  # phrase in the summary
        ("gevangenis*", True),  # prefix
        ("taakstraf NOT gevangenisstraf", False),  # NOT excludes
        ("taakstraf OR vrijspraak", True),
        ("ECLI:NL:RBLIM:2015:7012", True),  # an ECLI needs no quoting by the user
        ("15-jarige", False),  # punctuation inside a word is quoted, not an error
        ("(taakstraf AND dag) NOT drugs", True),
    ],
)
def test_query_syntax(store, query, found):
    store.upsert_ruling(make_ruling())
    assert bool(store.search(query)) is found


def test_malformed_query_is_one_line_error(store):
    store.upsert_ruling(make_ruling())
    with pytest.raises(QueryError) as err:
        store.search("taakstraf AND")
    assert "\n" not in str(err.value)
    assert "malformed" in str(err.value)


def test_filters_court_dates_procedure_and_articles(store):
    store.upsert_ruling(make_ruling())
    store.upsert_ruling(
        make_ruling(
            "ECLI:NL:GHSHE:2016:7040",
            court="Gerechtshof 's-Hertogenbosch",
            decision_date=date(2016, 12, 20),
            procedures=("Hoger beroep",),
            law_references=(LawReference("Wetboek van Strafrecht 245", "Sr", "245"),),
        )
    )
    assert [h.ecli for h in store.search("taakstraf", courts=("ghshe",))] == [
        "ECLI:NL:GHSHE:2016:7040"
    ]
    assert [h.ecli for h in store.search("taakstraf", date_to=date(2015, 12, 31))] == [
        "ECLI:NL:RBLIM:2015:7012"
    ]
    assert [h.ecli for h in store.search("taakstraf", procedures=("Hoger beroep",))] == [
        "ECLI:NL:GHSHE:2016:7040"
    ]
    assert [h.ecli for h in store.search("taakstraf", articles=("248B",))] == [
        "ECLI:NL:RBLIM:2015:7012"
    ]
    assert [h.ecli for h in store.search("taakstraf", not_articles=("248b",))] == [
        "ECLI:NL:GHSHE:2016:7040"
    ]
    assert len(store.search(None, date_from=date(2015, 1, 1))) == 2


def test_metadata_only_ruling_is_kept(store):
    bare = make_ruling("ECLI:NL:PHR:2013:8001", sections=(), inhoudsindicatie="")
    store.upsert_ruling(bare)
    got = store.get_ruling(bare.ecli)
    assert got is not None and not got.has_body
    assert store.stats()["metadata_only"] == 1


def test_stats_counts(store):
    store.upsert_ruling(make_ruling())
    store.upsert_ruling(make_ruling("ECLI:NL:RBROT:2019:7020", decision_date=date(2019, 4, 25)))
    counts = store.stats()
    assert counts["rulings"] == 2
    assert counts["per_court"] == {"RBLIM": 1, "RBROT": 1}
    assert counts["per_year"] == {"2015": 1, "2019": 1}
    assert counts["per_procedure"] == {"Eerste aanleg - meervoudig": 2}


def test_findings_round_trip_and_extraction_is_incremental(store):
    ruling = make_ruling()
    store.upsert_ruling(ruling)
    assert store.eclis_needing_extraction("v1") == [ruling.ecli]
    evidence = Evidence(
        1,
        Role.BESLISSING,
        31,
        77,
        "gevangenisstraf voor de duur van 1 (één) dag",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag;",
    )
    findings = Findings(
        ecli=ruling.ecli,
        pipeline_version="v1",
        sanctions=(
            Sanction("gevangenisstraf", Actor.IMPOSED, "1 (één)", "dag", days=1, evidence=evidence),
        ),
        articles=(ArticleRef("245", evidence=evidence),),
    )
    store.save_findings(findings)
    assert store.get_findings(ruling.ecli) == findings
    assert store.eclis_needing_extraction("v1") == []
    assert store.eclis_needing_extraction("v2") == [ruling.ecli]
    # the text's articles now count for --article
    assert [h.ecli for h in store.search("taakstraf", articles=("245",))] == [ruling.ecli]
    # a changed document needs extraction again
    store.upsert_ruling(make_ruling(inhoudsindicatie="Gewijzigd."))
    assert store.eclis_needing_extraction("v1") == [ruling.ecli]


def test_harvest_log_counts_failures_and_resets_on_success(store):
    store.log_harvest("ECLI:NL:RBAMS:2020:1", source="opendata", status="failed", error="HTTP 503")
    store.log_harvest("ECLI:NL:RBAMS:2020:1", source="opendata", status="failed", error="HTTP 503")
    assert store.harvest_entry("ECLI:NL:RBAMS:2020:1")["attempts"] == 2
    assert store.failed_eclis() == ["ECLI:NL:RBAMS:2020:1"]
    store.log_harvest(
        "ECLI:NL:RBAMS:2020:1",
        source="opendata",
        status="stored",
        modified=datetime(2020, 5, 1, 10, 0),
        raw_path="raw/2020/x.xml",
    )
    entry = store.harvest_entry("ECLI:NL:RBAMS:2020:1")
    assert (entry["status"], entry["attempts"], entry["modified"]) == (
        "stored",
        0,
        "2020-05-01T10:00:00",
    )
    assert store.failed_eclis() == []


def test_labels_keep_history(store):
    store.set_label("ECLI:NL:RBLIM:2015:7012", "include", "betaald, 15 jaar")
    store.set_label("ecli:nl:rblim:2015:7012", "exclude", "toch 273f")
    assert store.labels()["ECLI:NL:RBLIM:2015:7012"]["label"] == "exclude"
    events = store.conn.execute("SELECT count(*) FROM label_event").fetchone()[0]
    assert events == 2


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_ruling(make_ruling())
        raise RuntimeError("interrupted")
    assert store.count_rulings() == 0


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer than this rulings"):
        Store(path)


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="not a usable rulings store"):
        Store(path)


def test_wal_mode(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
