"""The case list export: cases grouped over parketnummers and relations, status filters, and cells
that a spreadsheet would run as formulas neutralised in CSV and XLSX."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from rulings.cli import _register, cli
from rulings.export import case_rows, neutralise, normalise_parketnummer, to_csv, write_export
from rulings.models import (
    AgeMention,
    ArticleRef,
    Evidence,
    Findings,
    PaymentMention,
    Relation,
    Role,
    Ruling,
    Section,
    Subject,
)
from rulings.store import Store

_register()

FIRST = "ECLI:NL:RBLIM:2015:7012"
APPEAL = "ECLI:NL:GHSHE:2016:7040"
HOSTILE = [
    '=HYPERLINK("http://evil.example","klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tx",
    "\rx",
]


def _ruling(ecli: str, numbers: tuple[str, ...], when: date, **changes: object) -> Ruling:
    code = ecli.split(":")[2]
    base = {
        "ecli": ecli,
        "court": "Gerechtshof 's-Hertogenbosch" if code.startswith("GH") else "Rechtbank Limburg",
        "court_code": code,
        "decision_date": when,
        "case_numbers": numbers,
        "procedures": ("Hoger beroep",)
        if code.startswith("GH")
        else ("Eerste aanleg - meervoudig",),
        "inhoudsindicatie": "Ontucht tegen betaling met een 16-jarige.",
        "sections": (Section(0, "Bewijs", "4", Role.BEWIJS, "Verdachte betaalde € 150."),),
    }
    return Ruling(**{**base, **changes})


def _findings(ecli: str, sentence: str, age: int) -> Findings:
    where = Evidence(0, Role.BEWIJS, 0, 5, sentence[:5], sentence)
    return Findings(
        ecli=ecli,
        articles=(ArticleRef("248b", role="proven", evidence=where),),
        ages=(AgeMention(age, Subject.VICTIM, evidence=where),),
        payment=(PaymentMention("money", euros=150.0, evidence=where),),
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rulings.db") as store:
        link = Relation(FIRST, "hogerBeroep", "eerdereAanleg", None, f"Eerste aanleg: {FIRST}")
        rulings = [
            (_ruling(FIRST, ("03/700123-15",), date(2015, 11, 3)), 0.91, 16),
            (_ruling(APPEAL, ("20-001234-16",), date(2016, 12, 1), relations=(link,)), 0.88, 17),
            (_ruling("ECLI:NL:RBLIM:2015:7013", ("03/700124-15 (P)",), date(2015, 11, 3)), 0.7, 16),
            (_ruling("ECLI:NL:RBLIM:2015:7014", ("03/700124-15",), date(2015, 11, 4)), 0.6, 16),
            (_ruling("ECLI:NL:RBOBR:2017:200", ("01/990000-17",), date(2017, 3, 1)), 0.2, 30),
            (_ruling("ECLI:NL:RBGEL:2017:500", ("05/880000-16",), date(2017, 4, 1)), 0.8, 14),
        ]
        for ruling, _score, age in rulings:
            store.upsert_ruling(ruling)
            store.save_findings(
                _findings(ruling.ecli, f"{ruling.ecli[-4:]}: verdachte betaalde.", age)
            )
        store.save_scores(
            [(r.ecli, s, ["payment: € 150 (bewijs)"], False) for r, s, _ in rulings], "f1-test"
        )
        store.set_label(APPEAL, "include", "hof bevestigt; 1 dag + 180 uur")
        store.set_label("ECLI:NL:RBGEL:2017:500", "exclude", "geen betaling")
        yield store


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("03/700123-15", "03/700123-15"),
        ("03/700123-15 (P)", "03/700123-15"),
        (" 03 / 700123-15(P) ", "03/700123-15"),
        ("20-001234-16", "20-001234-16"),
        ("13/123456-15 (p)", "13/123456-15"),
    ],
)
def test_parketnummer_normalisation(written, normal):
    assert normalise_parketnummer(written) == normal


def test_rulings_of_one_case_share_a_row(store):
    rows = {tuple(r.ecli): r for r in case_rows(store, status="all")}
    assert (FIRST, APPEAL) in rows  # joined through the relation, numbers differ
    assert ("ECLI:NL:RBLIM:2015:7013", "ECLI:NL:RBLIM:2015:7014") in rows  # "(P)" variant
    assert len(rows) == 4
    case = rows[(FIRST, APPEAL)]
    assert case.parketnummer == ["03/700123-15", "20-001234-16"]
    assert case.court == ["Rechtbank Limburg", "Gerechtshof 's-Hertogenbosch"]
    assert case.date == ["2015-11-03", "2016-12-01"]
    assert case.score == 0.91 and case.status == "include"
    assert case.victim_ages == [16, 17] and case.articles == ["248b Sr"]
    assert case.evidence == "7012: verdachte betaalde."
    assert case.link[0] == f"https://uitspraken.rechtspraak.nl/details?id={FIRST}"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("include", {FIRST}),
        ("candidate", {FIRST, "ECLI:NL:RBLIM:2015:7013"}),  # excluded 0.8 case left out
        (
            "all",
            {FIRST, "ECLI:NL:RBLIM:2015:7013", "ECLI:NL:RBOBR:2017:200", "ECLI:NL:RBGEL:2017:500"},
        ),
    ],
)
def test_status_filters(store, status, expected):
    assert {r.ecli[0] for r in case_rows(store, status=status)} == expected


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_cells_are_neutralised(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Verdachte betaalde € 150.") == "Verdachte betaalde € 150."
    assert neutralise(0.91) == 0.91


def _hostile_store(store):
    for value in HOSTILE:
        store.set_label(FIRST, "include", value)
        yield value


def test_csv_file_is_excel_csv_with_hostile_notes_neutralised(store, tmp_path):
    for value in _hostile_store(store):
        out = tmp_path / "zaken.csv"
        write_export(case_rows(store, status="include"), "csv", out)
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark for Excel
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
        assert rows[0][:3] == ["parketnummer", "ecli", "court"]
        note = rows[1][rows[0].index("note")]
        assert note.startswith("'" + value)
        assert rows[1][rows[0].index("ecli")] == f"{FIRST}, {APPEAL}"


def test_xlsx_cells_are_text_not_formulas(store, tmp_path):
    store.set_label(FIRST, "include", HOSTILE[0])
    store.save_findings(_findings(FIRST, "=1+2 betaald", 16))
    out = tmp_path / "zaken.xlsx"
    write_export(case_rows(store, status="all"), "xlsx", out)
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    by_ecli = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    case = by_ecli[f"{FIRST}, {APPEAL}"]
    note = case[header.index("note")]
    assert note.value.startswith("'=HYPERLINK") and note.data_type == "s"
    assert case[header.index("evidence")].value == "'=1+2 betaald"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert case[header.index("link")].hyperlink.target.endswith(FIRST)


def test_json_keeps_values_exact(store):
    store.set_label(FIRST, "include", "=SUM(1)")
    text = write_export(case_rows(store, status="include"), "json", None)
    [row] = json.loads(text)
    assert row["note"].startswith("=SUM(1)")
    assert row["ecli"] == [FIRST, APPEAL] and row["victim_ages"] == [16, 17]


def test_csv_to_standard_output_has_no_byte_order_mark(store):
    text = to_csv(case_rows(store, status="include"))
    assert text.startswith("parketnummer;ecli;")


def test_export_command_round_trip(store, tmp_path):
    runner = CliRunner()
    db = ["--db", str(store.path)]
    out = tmp_path / "zaken.xlsx"
    result = runner.invoke(cli, [*db, "export", "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert load_workbook(out).active.max_row == 3  # header + 2 candidate cases
    printed = runner.invoke(cli, [*db, "export", "--format", "json", "--status", "all"])
    assert len(json.loads(printed.output)) == 4
    no_file = runner.invoke(cli, [*db, "export", "--format", "xlsx"])
    assert no_file.exit_code == 1 and "needs --out" in no_file.output
    assert "Traceback" not in no_file.output
