"""Findings to and from the finding table: one row per finding, its evidence in columns."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from rulings.models import (
    Actor,
    AgeMention,
    ArticleRef,
    CaseReference,
    Circumstance,
    ContextMention,
    Evidence,
    Findings,
    PaymentMention,
    Polarity,
    RaisedBy,
    Regime,
    Role,
    Sanction,
    Subject,
    to_jsonable,
)

# Findings attribute -> (finding.kind, model class)
KINDS: dict[str, tuple[str, type]] = {
    "articles": ("article", ArticleRef),
    "sanctions": ("sanction", Sanction),
    "ages": ("age", AgeMention),
    "payment": ("payment", PaymentMention),
    "circumstances": ("circumstance", Circumstance),
    "references": ("reference", CaseReference),
    "contacts": ("contact", ContextMention),
}
_ENUMS = {
    "actor": Actor,
    "subject": Subject,
    "regime": Regime,
    "raised_by": RaisedBy,
    "polarity": Polarity,
}


def finding_rows(findings: Findings) -> list[tuple[Any, ...]]:
    """(kind, section_idx, role, start, end, text, sentence, data) for every finding."""
    rows = []
    for attr, (kind, _cls) in KINDS.items():
        for item in getattr(findings, attr):
            data = to_jsonable(item)
            data.pop("evidence", None)
            rows.append(
                (kind, *_evidence_columns(item.evidence), json.dumps(data, ensure_ascii=False))
            )
    for evidence in findings.acquittals:
        rows.append(("acquittal", *_evidence_columns(evidence), "{}"))
    return rows


def _evidence_columns(evidence: Evidence | None) -> tuple[Any, ...]:
    if evidence is None:
        return (None, None, None, None, None, None)
    return (
        evidence.section_index,
        str(evidence.role),
        evidence.start,
        evidence.end,
        evidence.text,
        evidence.sentence,
    )


def _evidence(row: sqlite3.Row) -> Evidence | None:
    if row["section_idx"] is None:
        return None
    return Evidence(
        section_index=row["section_idx"],
        role=Role(row["role"]),
        start=row["start"],
        end=row["end"],
        text=row["text"] or "",
        sentence=row["sentence"] or "",
    )


def _build(cls: type, data: dict[str, Any], evidence: Evidence | None) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    for key, enum_cls in _ENUMS.items():
        if key in kwargs and kwargs[key] is not None:
            kwargs[key] = enum_cls(kwargs[key])
    return cls(**kwargs, evidence=evidence)


def findings_from_rows(
    ecli: str, version: str, acquittal: bool, rows: list[sqlite3.Row]
) -> Findings:
    """Rebuild the Findings stored for one ruling."""
    by_kind = {kind: (attr, cls) for attr, (kind, cls) in KINDS.items()}
    collected: dict[str, list[Any]] = {attr: [] for attr in KINDS}
    acquittals: list[Evidence] = []
    for row in rows:
        evidence = _evidence(row)
        if row["kind"] == "acquittal":
            if evidence is not None:
                acquittals.append(evidence)
            continue
        attr, cls = by_kind[row["kind"]]
        collected[attr].append(_build(cls, json.loads(row["data"]), evidence))
    return Findings(
        ecli=ecli,
        pipeline_version=version,
        acquittal=acquittal,
        acquittals=tuple(acquittals),
        **{attr: tuple(items) for attr, items in collected.items()},
    )
