"""Weak labels: what the rulings themselves say about the target, before any reviewer has looked.

The target is "a client paid, in money or goods, for sexual acts with a minor". Only the old
client article says so by its number, so the rules below label what is certain and abstain on the
rest. In order, the first rule that applies decides:

1. ``client_conviction`` (positive): 248b Sr proven or applied, not as an attempt (a conviction
   of the client of a 16- or 17-year-old who made herself available for paid sex; an attempt,
   where no meeting took place, is left to the reviewer by rule 3).
2. ``trafficker`` (negative): 273f Sr (or its predecessor 250a) proven or applied: the pimp's
   judgment, not the client's.
3. abstain: 248b cited (charged, or in the metadata) but not proven: an acquitted client, or a
   metadata-only ruling whose conviction cannot be seen; the reviewer sees it flagged.
4. ``trafficker`` (negative): 273f cited without any sexual-offence conviction.
5. abstain: any other sexual-offence ruling with payment evidence (extractor findings, or the
   payment words of patterns/classify.toml in a summary-only ruling). These are exactly the
   245/247/248a cases with a paying client that the study had to find by hand; labelling them by
   rule would teach the model the answer to the question it is there to ask, and would leak into
   the test that the model finds them. A reviewer's label decides them.
6. ``unpaid_sexual`` (negative): a sexual-offence ruling (article charged, proven, applied or in
   the metadata) without any payment evidence.
7. abstain: no article of either kind, but payment and a minor together (a ruling whose articles
   were not found).
8. ``unrelated`` (negative): everything else: ordinary criminal rulings.

Reviewer labels (include / exclude) always win over these rules (train.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from rulings.classify.features import CASE_ROLES, CONVICTION_ROLES, RulingInput, article_groups
from rulings.models import Findings, Ruling

PAYMENT_SIGNALS = (
    "payment_money",
    "payment_in_kind",
    "payment_phrase",
    "payment_context",
    "term_payment",
    "term_in_kind",
    "term_prostitution",
)


@dataclass(frozen=True, slots=True)
class WeakLabel:
    """A label from a rule: 1 positive, 0 negative; `rule` names the rule for the record."""

    label: int
    rule: str


def weak_label(
    ruling: Ruling, findings: Findings | None, features: RulingInput
) -> WeakLabel | None:
    """The weak label of one ruling, or None when the rules abstain."""
    groups = article_groups()
    proven, cited = _articles(ruling, findings)
    sexual = groups["child"] | groups["child_wsm2024"] | groups["enticement"] | groups["sexual"]
    paid = any(features.signals.get(name, 0.0) > 0 for name in PAYMENT_SIGNALS)
    if proven & groups["client"]:
        return WeakLabel(1, "client_conviction")
    if proven & groups["trafficking"]:
        return WeakLabel(0, "trafficker")
    if cited & groups["client"]:
        return None
    if cited & groups["trafficking"] and not proven & sexual:
        return WeakLabel(0, "trafficker")
    if cited & sexual:
        return None if paid else WeakLabel(0, "unpaid_sexual")
    if features.signals.get("paid_minor", 0.0) > 0:
        return None
    return WeakLabel(0, "unrelated")


def _articles(ruling: Ruling, findings: Findings | None) -> tuple[set[str], set[str]]:
    """(articles of Sr proven or applied as completed offences, articles the case is about)."""
    cited = {
        ref.article.lower()
        for ref in ruling.law_references
        if ref.article and (ref.law or "Sr") == "Sr"
    }
    proven: set[str] = set()
    for article in findings.articles if findings else ():
        if article.law != "Sr" or article.role not in CASE_ROLES:
            continue
        cited.add(article.article.lower())
        if article.role in CONVICTION_ROLES and not article.attempt:
            proven.add(article.article.lower())
    return proven, cited
