"""What the classifier sees of a ruling: its words, and what the extractors found in it.

A ruling becomes one ``RulingInput``:

- ``summary``: the inhoudsindicatie, which every ruling has, also the metadata-only ones the ECLI
  index gives;
- ``text``: the inhoudsindicatie plus the sections where the facts and the court's reasons stand
  (tenlastelegging, bewijs, bewezenverklaring, kwalificatie, strafmotivering; a flat body without
  such headings is taken whole);
- ``signals``: numbers between 0 and 1, one per name in ``signal_names()``: payment found by the
  extractor (money, in kind, a phrase, the prostitution context), a minor victim, the kind of
  article the ruling is about (sexual offence, enticement by gifts, trafficking), Valkenburg
  markers, contact platforms, client-type circumstances, word groups from
  patterns/classify.toml, and their combinations (paid AND minor AND sexual), which a linear model
  cannot form itself. Each signal that is on carries a description ("payment: € 100
  (bewezenverklaring)") shown as the reason for a score.

What is deliberately *not* a signal, because the weak labels (weak.py) would turn it into a
shortcut that hides exactly the cases the tool is for:

- the client article 248b itself: its conviction is the positive label; it counts as one sexual
  offence among the others, so the model learns what 248b cases share with paid 245/247 cases
  (payment, a minor), not the number;
- under 16 versus 16/17, and the under-16 articles as a group of their own: every weak positive
  is 16 or 17 and every under-16 ruling in the weak labels is unpaid, so such a signal would
  learn "under 16 means no" and bury the paid 245/247 cases; only "a minor" is a signal;
- acquittal: a partial acquittal (primair 245 not proven, subsidiair 247 proven) is common in
  the very cases sought; acquittals are flagged for the reviewer instead (candidates.py).

A ruling scored from its summary only (no body, or the summary-only copy used in training) keeps
only the findings that stand in the inhoudsindicatie or in the metadata, and sets ``summary_only``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from rulings.models import Findings, PaymentMention, Regime, Role, Ruling, Subject
from rulings.patterns import load_table

RELEVANT_ROLES = frozenset(
    {
        Role.TENLASTELEGGING,
        Role.BEWIJS,
        Role.BEWEZENVERKLARING,
        Role.KWALIFICATIE,
        Role.STRAFMOTIVERING,
    }
)
# Where a payment proves the facts rather than being argued about.
PROOF_ROLES = frozenset({Role.BEWIJS, Role.BEWEZENVERKLARING, Role.KWALIFICATIE})
# Article roles that mean the court convicted (proven facts, applied provisions).
CONVICTION_ROLES = frozenset({"proven", "applied"})
# Article roles that say what the case is about; "reasoning" cites other cases' articles.
CASE_ROLES = frozenset({"charged", "proven", "applied", "metadata"})
CLIENT_CIRCUMSTANCES = frozenset(
    {
        "M_NOT_SEEKING_MINOR",
        "M_VICTIM_SEEMED_ADULT",
        "M_DID_NOT_KNOW_MINOR",
        "M_UNAWARE_TRAFFICKING",
        "A_MINORITY_SIGNALS",
    }
)
# The client-case sentencing line (Hoge Raad 2018, "palet van mogelijke straffen", named cases);
# the art. 22b reasoning is left out: courts give it in every sexual case with a short prison term.
VALKENBURG_KINDS = frozenset({"valkenburg_hr", "palet", "named_case"})
MAX_TEXT = 60_000  # characters of relevant text per ruling; keeps 10,000 rulings fast

FINDING_SIGNALS = (
    "payment_money",
    "payment_in_kind",
    "payment_phrase",
    "payment_context",
    "payment_in_proof",
    "payer_suspect",
    "victim_minor",
    "art_enticement",
    "art_sexual",
    "art_trafficking",
    "convicted_sexual",
    "valkenburg",
    "platform",
    "client_circumstance",
)
COMBINED_SIGNALS = ("paid_minor", "paid_sexual", "paid_minor_sexual", "summary_only")


@dataclass(frozen=True, slots=True)
class RulingInput:
    """One ruling as the model reads it (also one row of the shipped training table)."""

    ecli: str
    summary: str
    text: str
    signals: dict[str, float] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    summary_only: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RulingInput:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class TermGroup:
    """A named word group from patterns/classify.toml, compiled; `feature` False: flags only."""

    name: str
    regex: re.Pattern[str]
    feature: bool = True


@cache
def term_groups() -> tuple[TermGroup, ...]:
    """The word groups of patterns/classify.toml (compiled once; patterns are immutable)."""
    groups = []
    for name, entry in sorted(load_table("classify").get("terms", {}).items()):
        alternatives = "|".join(f"(?:{p})" for p in entry["patterns"])
        regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)
        groups.append(TermGroup(name, regex, bool(entry.get("feature", True))))
    return tuple(groups)


@cache
def article_groups() -> dict[str, frozenset[str]]:
    """Article number groups of patterns/classify.toml (client, child, sexual, trafficking ...)."""
    table = load_table("classify").get("articles", {})
    return {name: frozenset(a.lower() for a in numbers) for name, numbers in table.items()}


@cache
def stop_words() -> tuple[str, ...]:
    """Function words the word features leave out (patterns/classify.toml [stop_words])."""
    return tuple(load_table("classify").get("stop_words", {}).get("words", []))


def signal_names() -> tuple[str, ...]:
    """Every signal, in the column order the model is trained with."""
    terms = tuple(f"term_{g.name}" for g in term_groups() if g.feature)
    return FINDING_SIGNALS + terms + COMBINED_SIGNALS


class _Signals:
    """Collects signal values and the first description of each."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.why: dict[str, str] = {}

    def set(self, name: str, value: float, why: str) -> None:
        if value <= 0:
            return
        self.values[name] = max(self.values.get(name, 0.0), min(value, 1.0))
        self.why.setdefault(name, why)

    def get(self, name: str) -> float:
        return self.values.get(name, 0.0)


def build_input(
    ruling: Ruling, findings: Findings | None, *, summary_only: bool | None = None
) -> RulingInput:
    """What the model reads of `ruling`; from the summary alone when it has no body or if asked."""
    only_summary = not ruling.has_body or bool(summary_only)
    found = _restrict(findings, only_summary)
    summary = ruling.inhoudsindicatie.strip()
    text = summary if only_summary else f"{summary}\n{_relevant_text(ruling)}".strip()
    signals = _Signals()
    if found is not None:
        _payment_signals(found, signals)
        _age_signals(found, signals)
        _finding_signals(found, signals)
    _article_signals(ruling, found, signals)
    _term_signals(text, signals)
    _combined_signals(signals)
    signals.set("summary_only", float(only_summary), "scored from the inhoudsindicatie only")
    return RulingInput(
        ecli=ruling.ecli,
        summary=summary,
        text=text[:MAX_TEXT],
        signals=dict(sorted(signals.values.items())),
        descriptions=dict(sorted(signals.why.items())),
        summary_only=only_summary,
    )


def _restrict(findings: Findings | None, only_summary: bool) -> Findings | None:
    """Keep only what stands in the inhoudsindicatie (-1) or the metadata when scoring a summary."""
    if findings is None or not only_summary:
        return findings

    def keep(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(i for i in items if i.evidence is None or i.evidence.section_index == -1)

    return Findings(
        ecli=findings.ecli,
        pipeline_version=findings.pipeline_version,
        articles=keep(findings.articles),
        sanctions=keep(findings.sanctions),
        acquittal=any(e.section_index == -1 for e in findings.acquittals),
        acquittals=tuple(e for e in findings.acquittals if e.section_index == -1),
        ages=keep(findings.ages),
        payment=keep(findings.payment),
        circumstances=keep(findings.circumstances),
        references=keep(findings.references),
        contacts=keep(findings.contacts),
    )


def _relevant_text(ruling: Ruling) -> str:
    """The facts and reasons; a body without recognised headings (older rulings) is taken whole."""
    chosen = [s for s in ruling.sections if s.role in RELEVANT_ROLES]
    if not chosen:
        chosen = list(ruling.sections)
    return "\n".join(s.text for s in chosen)


def _where(item: Any) -> str:
    """ " (bewezenverklaring)" for a finding with evidence, "" without."""
    evidence = getattr(item, "evidence", None)
    if evidence is None:
        return ""
    return " (inhoudsindicatie)" if evidence.section_index == -1 else f" ({evidence.role})"


def _describe_payment(item: PaymentMention) -> str:
    if item.euros is not None:
        amount = f"€ {item.euros:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        return f"payment: {amount.removesuffix(',00')}{_where(item)}"
    if item.goods:
        return f"payment in kind: {item.goods}{_where(item)}"
    words = item.evidence.text if item.evidence else item.kind
    return f"payment: '{words}'{_where(item)}"


def _payment_signals(found: Findings, signals: _Signals) -> None:
    kinds = {"money": "payment_money", "in_kind": "payment_in_kind", "phrase": "payment_phrase"}
    for item in found.payment:
        why = _describe_payment(item)
        signals.set(kinds.get(item.kind, "payment_context"), 1.0, why)
        if item.evidence is not None and item.evidence.role in PROOF_ROLES:
            signals.set("payment_in_proof", 1.0, why)
        if (item.payer or "").strip("[]").lower() in {"verdachte", "suspect"}:
            signals.set("payer_suspect", 1.0, f"the suspect paid{_where(item)}")


def _age_signals(found: Findings, signals: _Signals) -> None:
    """A minor victim, whatever the age: see the module docstring for why not under/over 16."""
    for age in found.ages:
        is_bracket = age.kind == "bracket"
        if age.subject != Subject.VICTIM and not is_bracket:
            continue
        upper = age.upper if is_bracket and age.upper else age.value + 1
        if upper <= 18:
            label = f"{age.value}-{upper - 1}" if is_bracket else str(age.value)
            signals.set("victim_minor", 1.0, f"victim age {label}{_where(age)}")


def _finding_signals(found: Findings, signals: _Signals) -> None:
    for ref in found.references:
        if ref.kind in VALKENBURG_KINDS:
            signals.set("valkenburg", 1.0, f"reference: {ref.value}")
    for contact in found.contacts:
        if contact.kind == "platform":
            signals.set("platform", 1.0, f"platform: {contact.value}")
    for item in found.circumstances:
        if item.code in CLIENT_CIRCUMSTANCES:
            signals.set("client_circumstance", 1.0, f"circumstance: {item.code}{_where(item)}")


def _article_signals(ruling: Ruling, found: Findings | None, signals: _Signals) -> None:
    """Articles the case is about: from the text (charged/proven/applied) and the metadata."""
    groups = article_groups()
    cited: list[tuple[str, str, Regime]] = [
        (ref.article.lower(), "metadata", Regime.UNKNOWN)
        for ref in ruling.law_references
        if ref.article and (ref.law or "Sr") == "Sr"
    ]
    if found is not None:
        cited += [
            (a.article.lower(), a.role, a.regime)
            for a in found.articles
            if a.role in CASE_ROLES and a.law == "Sr"
        ]
    for article, role, regime in cited:
        child = groups["child_wsm2024"] if regime == Regime.WSM_2024 else groups["child"]
        cite = f"article {article} Sr ({role})"
        if article in groups["enticement"]:
            why = f"enticement by gifts: {cite}"
            signals.set("art_enticement", 1.0, why)
        elif article in groups["trafficking"]:
            why = f"trafficking: {cite}"
            signals.set("art_trafficking", 1.0, why)
        elif article in child or article in groups["sexual"] or article in groups["client"]:
            why = f"sexual offence: {cite}"
            signals.set("art_sexual", 1.0, why)
        else:
            continue
        if role in CONVICTION_ROLES and article not in groups["trafficking"]:
            signals.set("convicted_sexual", 1.0, why)


def _term_signals(text: str, signals: _Signals) -> None:
    for group in term_groups():
        if not group.feature:
            continue
        match = group.regex.search(text)
        if match:
            signals.set(f"term_{group.name}", 1.0, f"term: '{match.group(0).lower()}'")


def _combined_signals(signals: _Signals) -> None:
    """Paid AND minor AND sexual: the target is the combination, which no single word carries."""
    paid = _strongest(signals, "payment_money payment_in_kind payment_phrase payment_context")
    paid = paid or _strongest(signals, "term_payment term_in_kind term_prostitution")
    minor = _strongest(signals, "victim_minor") or _strongest(signals, "term_minor")
    sexual = _strongest(signals, "art_enticement art_sexual convicted_sexual")
    sexual = sexual or _strongest(signals, "term_sexual")
    if paid and minor:
        signals.set("paid_minor", 1.0, f"payment and a minor ({paid}; {minor})")
    if paid and sexual:
        signals.set("paid_sexual", 1.0, f"payment and a sexual offence ({paid}; {sexual})")
    if paid and minor and sexual:
        why = f"payment, a minor and a sexual offence ({paid}; {minor}; {sexual})"
        signals.set("paid_minor_sexual", 1.0, why)


def _strongest(signals: _Signals, names: str) -> str:
    """The description of the first signal of `names` that is on, "" if none is."""
    for name in names.split():
        if signals.get(name) > 0:
            return signals.why[name]
    return ""
