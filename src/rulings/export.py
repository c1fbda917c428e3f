"""The case list for the request to the OM: one row per case, CSV (Dutch Excel), XLSX or JSON.

A case is what the OM files under one parketnummer; its rulings (first instance, appeal,
cassation) are grouped by union-find over two links: a shared parketnummer (normalised: spaces
and a trailing "(P)" removed; the Hof gives the case a new number such as 20-001234-16, so this
alone does not join an appeal to its first instance) and a formal relation between the rulings
(dcterms:relation, e.g. "Eerste aanleg: ECLI:NL:RBLIM:2015:7012").

Columns (the same names in every format, English like the rest of the tool's output, with
parketnummer as the Dutch term of art): parketnummer, ecli, court, date, procedure (one entry per
ruling, in date order), articles, victim_ages, score (the case's highest), status (include if any
ruling was included, exclude if one was excluded and none included, else unreviewed), note,
evidence (the best evidence sentence of the highest-scored ruling) and link
(https://uitspraken.rechtspraak.nl/details?id=<ECLI>).

Which cases: ``include`` those a reviewer included; ``candidate`` those included or unreviewed
with a score at or above the threshold (0.5), never excluded ones; ``all`` every scored case.

Excel safety: a cell that starts with = + - @, a tab or a carriage return is read by spreadsheet
programs as a formula; such cells get a leading single quote in CSV and XLSX (JSON stays exact).
CSV is written with the csv module, ``;`` as separator and a UTF-8 byte order mark (to a file;
standard output gets no mark), which is what Dutch Excel opens without an import dialogue.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rulings.classify.candidates import (
    articles_of,
    evidence_sentences,
    summary_sentence,
    victim_ages,
)
from rulings.errors import ConfigError
from rulings.store import Store
from rulings.store.classify_queries import ScoredRuling, all_scored, labelled_unscored

COLUMNS = (
    "parketnummer",
    "ecli",
    "court",
    "date",
    "procedure",
    "articles",
    "victim_ages",
    "score",
    "status",
    "note",
    "evidence",
    "link",
)
FORMATS = ("csv", "xlsx", "json")
STATUSES = ("include", "candidate", "all")
LINK = "https://uitspraken.rechtspraak.nl/details?id={ecli}"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SUFFIX = re.compile(r"\s*\(\s*P\s*\)\s*$", re.I)
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(slots=True)
class CaseRow:
    """One case: its rulings in date order and what is known about them."""

    parketnummer: list[str]
    ecli: list[str]
    court: list[str]
    date: list[str]
    procedure: list[str]
    articles: list[str]
    victim_ages: list[int]
    score: float | None
    status: str
    note: str
    evidence: str
    link: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in COLUMNS}


def normalise_parketnummer(number: str) -> str:
    """'03/700123-15 (P)' -> '03/700123-15': the same case number however it is written."""
    return re.sub(r"\s+", "", _SUFFIX.sub("", number)).upper()


class _Groups:
    """Union-find over ECLIs and parketnummers."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def group_cases(rulings: Sequence[ScoredRuling]) -> list[list[ScoredRuling]]:
    """Rulings of one case together, each case in date order."""
    groups = _Groups()
    for item in rulings:
        groups.find(f"ecli:{item.ecli}")
        for number in item.case_numbers:
            groups.join(f"ecli:{item.ecli}", f"pn:{normalise_parketnummer(number)}")
        for other in item.related:
            groups.join(f"ecli:{item.ecli}", f"ecli:{other.upper()}")
    cases: dict[str, list[ScoredRuling]] = {}
    for item in rulings:
        cases.setdefault(groups.find(f"ecli:{item.ecli}"), []).append(item)
    return [
        sorted(members, key=lambda r: (r.decision_date is None, r.decision_date, r.ecli))
        for members in cases.values()
    ]


def case_status(members: Sequence[ScoredRuling]) -> str:
    """A case is included if any of its rulings was, else excluded if any was, else unreviewed
    (a skipped ruling is unreviewed)."""
    labels = {m.label for m in members}
    if "include" in labels:
        return "include"
    return "exclude" if "exclude" in labels else "unreviewed"


def keep_case(members: Sequence[ScoredRuling], status: str, threshold: float) -> bool:
    """Whether a case belongs to `status`: include (reviewed in), candidate (in, or unreviewed
    and scored at least `threshold`), or all."""
    state = case_status(members)
    if status == "all" or state == "include":
        return True
    return (
        status == "candidate"
        and state == "unreviewed"
        and max(m.score for m in members) >= threshold
    )


def _row(store: Store, members: list[ScoredRuling]) -> CaseRow:
    best = max(members, key=lambda m: m.score)
    articles: set[str] = set()
    ages: set[int] = set()
    findings = {m.ecli: store.get_findings(m.ecli) for m in members}
    for member in members:
        found = findings[member.ecli]
        ruling = store.get_ruling(member.ecli)
        metadata = tuple(r.article for r in ruling.law_references if r.article) if ruling else ()
        articles.update(articles_of(found, metadata))
        ages.update(victim_ages(found))
    sentences = evidence_sentences(findings[best.ecli], most=1)
    numbers = dict.fromkeys(n for m in members for n in m.case_numbers)
    return CaseRow(
        parketnummer=list(numbers),
        ecli=[m.ecli for m in members],
        court=[m.court for m in members],
        date=[m.decision_date.isoformat() if m.decision_date else "" for m in members],
        procedure=[", ".join(m.procedures) for m in members],
        articles=sorted(articles),
        victim_ages=sorted(ages),
        score=round(best.score, 4) if best.model_version else None,
        status=case_status(members),
        note=" | ".join(m.note for m in members if m.note),
        evidence=sentences[0].sentence if sentences else summary_sentence(best.inhoudsindicatie),
        link=[LINK.format(ecli=m.ecli) for m in members],
    )


def case_rows(store: Store, status: str = "candidate", threshold: float = 0.5) -> list[CaseRow]:
    """The cases to export, highest score first."""
    if status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}")
    rulings = list(all_scored(store).values()) + _unscored(store)
    rows = []
    for members in group_cases(rulings):
        if keep_case(members, status, threshold):
            rows.append(_row(store, members))
    return sorted(rows, key=lambda r: (-(r.score or 0.0), r.ecli[0]))


def _unscored(store: Store) -> list[ScoredRuling]:
    """Labelled rulings without a score (labelled before any classify run) as score-0 members."""
    labels = store.labels()
    result = []
    for ecli in labelled_unscored(store):
        ruling = store.get_ruling(ecli)
        if ruling is None:
            continue
        result.append(
            ScoredRuling(
                ecli=ecli,
                score=0.0,
                reasons=(),
                summary_only=not ruling.has_body,
                model_version="",
                court=ruling.court,
                court_code=ruling.court_code,
                decision_date=ruling.decision_date,
                case_numbers=ruling.case_numbers,
                procedures=ruling.procedures,
                related=tuple(r.ecli for r in ruling.relations),
                inhoudsindicatie=ruling.inhoudsindicatie,
                label=labels[ecli]["label"],
                note=labels[ecli]["note"],
            )
        )
    return result


# --- writing -----------------------------------------------------------------------------


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any, column: str) -> Any:
    if isinstance(value, list):
        value = (" " if column == "link" else ", ").join(str(v) for v in value)
    return "" if value is None else neutralise(value)


def to_csv(rows: Sequence[CaseRow]) -> str:
    """The rows as ';'-separated CSV text (no byte order mark; `write_export` adds it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, c), c) for c in COLUMNS])
    return buffer.getvalue()


def to_json(rows: Sequence[CaseRow]) -> str:
    return json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2) + "\n"


def write_xlsx(rows: Sequence[CaseRow], path: Path) -> None:
    """An Excel workbook with one sheet 'cases'; the link column is clickable."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "cases"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = [_cell(getattr(row, c), c) for c in COLUMNS]
        sheet.append([_ILLEGAL_XLSX.sub("", v) if isinstance(v, str) else v for v in values])
        if row.link:
            link_cell = sheet.cell(row=sheet.max_row, column=COLUMNS.index("link") + 1)
            link_cell.hyperlink = row.link[0]
    sheet.freeze_panes = "A2"
    widths = (18, 28, 24, 12, 24, 16, 10, 8, 11, 30, 80, 60)
    for letter, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    book.save(path)


def write_export(rows: Sequence[CaseRow], fmt: str, out: Path | None) -> str | None:
    """Write to `out` (CSV with a byte order mark); without `out`, return the text to print."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        if out is None:
            raise ConfigError("an XLSX export needs --out FILE")
        write_xlsx(rows, out)
        return None
    text = to_csv(rows) if fmt == "csv" else to_json(rows)
    if out is None:
        return text
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    out.write_text(text, encoding=encoding, newline="")
    return None
