"""The review loop: one ranked, unreviewed candidate at a time, one key per decision.

Keys: i include, e exclude, s skip (nothing is stored, the ruling comes back next time),
n note (type a note, then decide), q quit. Each decision is stored at once (Store.set_label keeps
time, note and the history in label_event), so quitting or an interruption loses nothing, and the
next ``rulings classify --retrain`` learns from it.

The card shows ECLI, court, date, score, flags (acquittal, appeal, metadata-only), case numbers,
articles, victim ages, the reasons for the score, and the evidence sentences with the words the
extractors found in them highlighted; for a ruling without a body, the inhoudsindicatie with the
classifier's word groups highlighted. Key reader, note prompt and output are injected, so tests
drive the loop with plain strings (or click's CliRunner input).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import click

from rulings.classify.candidates import evidence_sentences, make_candidate
from rulings.classify.features import term_groups
from rulings.models import Candidate, Evidence
from rulings.store import Store
from rulings.store.classify_queries import ranked

KEYS = {"i": "include", "e": "exclude", "s": "skip", "n": "note", "q": "quit"}
PROMPT = "[i]nclude  [e]xclude  [s]kip  [n]ote  [q]uit > "
WIDTH = 100


@dataclass(slots=True)
class ReviewSummary:
    """What one review session did."""

    seen: int = 0
    included: int = 0
    excluded: int = 0
    skipped: int = 0
    total: int = 0


def mark(text: str, words: Iterable[str]) -> str:
    """`text` with every occurrence of `words` (case-insensitive) in bold yellow."""
    unique = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not unique:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in unique), re.I)
    return pattern.sub(lambda m: click.style(m.group(0), fg="yellow", bold=True), text)


def summary_terms(text: str) -> list[str]:
    """Every word-group match in an inhoudsindicatie (what is highlighted without findings)."""
    return [m.group(0) for g in term_groups() for m in g.regex.finditer(text)]


def card(candidate: Candidate, evidence: list[Evidence], summary: str, position: str) -> str:
    """The text shown for one candidate."""
    day = candidate.decision_date.isoformat() if candidate.decision_date else "?"
    flags = "  ".join(click.style(f.upper(), fg="red", bold=True) for f in candidate.flags)
    lines = [
        f"{position}  {click.style(candidate.ecli, bold=True)}  {candidate.court}  {day}  "
        f"score {candidate.score:.2f}  {flags}".rstrip(),
        f"parketnummer(s): {', '.join(candidate.case_numbers) or '-'}   "
        f"procedure: {', '.join(candidate.procedures) or '-'}",
        f"articles: {', '.join(candidate.articles) or '-'}   victim ages: "
        f"{', '.join(map(str, candidate.victim_ages)) or '-'}",
        "why:" + ("" if candidate.reasons else " -"),
        *(f"  + {reason}" for reason in candidate.reasons),
    ]
    for item in evidence:
        place = "inhoudsindicatie" if item.section_index == -1 else str(item.role)
        wrapped = textwrap.fill(item.sentence, WIDTH, initial_indent="  ", subsequent_indent="  ")
        lines += [f"- {place}:", mark(wrapped, [item.text])]
    if not evidence:
        wrapped = textwrap.fill(summary or "-", WIDTH, initial_indent="  ", subsequent_indent="  ")
        lines += ["- inhoudsindicatie:", mark(wrapped, summary_terms(summary))]
    return "\n".join(lines)


class Reviewer:
    """Walks the unreviewed candidates of a store, highest score first."""

    def __init__(
        self,
        store: Store,
        *,
        read_key: Callable[[], str],
        read_note: Callable[[], str],
        echo: Callable[[str], None] = click.echo,
    ) -> None:
        self.store = store
        self.read_key = read_key
        self.read_note = read_note
        self.echo = echo

    def run(self, *, min_score: float = 0.0, limit: int | None = None) -> ReviewSummary:
        queue = ranked(self.store, min_score=min_score, unreviewed=True, limit=limit)
        summary = ReviewSummary(total=len(queue))
        for number, item in enumerate(queue, start=1):
            findings = self.store.get_findings(item.ecli)
            ruling = self.store.get_ruling(item.ecli)
            metadata = (
                tuple(r.article for r in ruling.law_references if r.article) if ruling else ()
            )
            candidate = make_candidate(item, findings, metadata)
            self.echo("")
            self.echo(
                card(
                    candidate,
                    evidence_sentences(findings),
                    item.inhoudsindicatie,
                    f"{number}/{len(queue)}",
                )
            )
            decision = self._decide(candidate.ecli)
            if decision == "quit":
                break
            summary.seen += 1
            if decision == "include":
                summary.included += 1
            elif decision == "exclude":
                summary.excluded += 1
            else:
                summary.skipped += 1
        return summary

    def _decide(self, ecli: str) -> str:
        """Read keys until a decision; store include/exclude with the note typed before it."""
        note = ""
        while True:
            self.echo(PROMPT)
            try:
                key = self.read_key()
            except (KeyboardInterrupt, EOFError):
                return "quit"
            action = KEYS.get(key.lower()) if key else "quit"
            if action is None:
                self.echo(f"unknown key {key!r}")
                continue
            if action == "note":
                note = self.read_note().strip()
                self.echo(f"(note kept: {note})" if note else "(no note)")
                continue
            if action in ("include", "exclude"):
                self.store.set_label(ecli, action, note)
                self.echo(click.style(f"{action}d", fg="green" if action == "include" else "blue"))
            return action
