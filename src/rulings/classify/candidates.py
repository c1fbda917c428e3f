"""Candidates: scored rulings with what a reviewer needs to decide on them.

Articles listed are those the ruling convicts of (proven or applied) when there are any, else
those charged, else those in the metadata: what the case is about, in that order of certainty.
Flags warn a reviewer of what the score cannot say: an acquittal (vrijspraak), an appeal or
cassation ruling (the case may already be listed through its first instance), and a ruling
scored from its inhoudsindicatie only.
"""

from __future__ import annotations

import re
from functools import cache

from rulings.classify.features import PROOF_ROLES, term_groups
from rulings.models import ArticleRef, Candidate, Evidence, Findings, Subject
from rulings.patterns import load_table
from rulings.store import Store
from rulings.store.classify_queries import ScoredRuling, ranked

ARTICLE_ORDER = (("proven", "applied"), ("charged",), ("metadata",))


@cache
def _general_until() -> int:
    """Articles of Sr up to this number are the general part (sanctions, attempt): no offences."""
    return int(load_table("article_map").get("books", {}).get("general_until", 91))


def is_offence(article: str, law: str = "Sr") -> bool:
    """Whether an article names an offence (not 14a, 22b, 57 or another general article of Sr)."""
    number = re.match(r"\d+", article)
    return law != "Sr" or number is None or int(number.group(0)) > _general_until()


def articles_of(findings: Findings | None, metadata: tuple[str, ...] = ()) -> tuple[str, ...]:
    """'245 Sr' style labels of the offences the case is about, most certain kind first."""
    refs: tuple[ArticleRef, ...] = findings.articles if findings else ()
    for roles in ARTICLE_ORDER:
        found = sorted(
            {
                f"{a.article} {a.law}"
                for a in refs
                if a.role in roles and is_offence(a.article, a.law)
            }
        )
        if found:
            return tuple(found)
    return tuple(sorted({f"{a} Sr" for a in metadata if is_offence(a)}))


def victim_ages(findings: Findings | None) -> tuple[int, ...]:
    """The victims' real ages as the ruling states them (stated or from a birth date).

    Claimed ages ("zij zei dat zij 18 was") are no ages; a statutory bracket's lower bound
    ("twaalf jaren maar nog niet zestien") stands in only when no real age is given.
    """
    if findings is None:
        return ()
    victims = [a for a in findings.ages if a.subject == Subject.VICTIM]
    real = {a.value for a in victims if a.kind in ("stated", "birthdate")}
    if not real:
        real = {a.value for a in findings.ages if a.kind == "bracket" and a.value > 0}
    return tuple(sorted(real))


def flags_of(item: ScoredRuling, findings: Findings | None) -> tuple[str, ...]:
    """acquittal, appeal, cassation, metadata-only: what the reviewer must see before deciding."""
    flags = []
    acquittal_words = next(g for g in term_groups() if g.name == "acquittal").regex
    if (findings and findings.acquittal) or (
        findings is None and acquittal_words.search(item.inhoudsindicatie)
    ):
        flags.append("acquittal")
    procedures = " ".join(item.procedures).lower()
    if "hoger beroep" in procedures or item.court_code.startswith("GH"):
        flags.append("appeal")
    if "cassatie" in procedures or item.court_code in {"HR", "PHR"}:
        flags.append("cassation")
    if item.summary_only:
        flags.append("metadata-only")
    return tuple(flags)


def evidence_sentences(findings: Findings | None, most: int = 4) -> list[Evidence]:
    """The sentences that show payment, a minor and the conviction, payment in the proof first."""
    if findings is None:
        return []
    payment = sorted(
        (p.evidence for p in findings.payment if p.evidence),
        key=lambda e: e.role not in PROOF_ROLES,
    )
    ages = [a.evidence for a in findings.ages if a.evidence and a.subject == Subject.VICTIM]
    proven = [a.evidence for a in findings.articles if a.evidence and a.role == "proven"]
    chosen: list[Evidence] = []
    for evidence in [*payment, *ages, *proven, *findings.acquittals]:
        if evidence.sentence and all(evidence.sentence != c.sentence for c in chosen):
            chosen.append(evidence)
    return chosen[:most]


def summary_sentence(text: str) -> str:
    """The first sentence of an inhoudsindicatie that names a payment, else its first sentence."""
    sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
    payment = next(g for g in term_groups() if g.name == "payment").regex
    for sentence in sentences:
        if payment.search(sentence):
            return sentence
    return sentences[0] if sentences else ""


def make_candidate(
    item: ScoredRuling, findings: Findings | None, metadata: tuple[str, ...]
) -> Candidate:
    """One scored ruling with its articles, ages, flags and best evidence sentence."""
    sentences = evidence_sentences(findings, most=1)
    evidence = sentences[0].sentence if sentences else summary_sentence(item.inhoudsindicatie)
    return Candidate(
        ecli=item.ecli,
        score=round(item.score, 4),
        court=item.court,
        decision_date=item.decision_date,
        case_numbers=item.case_numbers,
        procedures=item.procedures,
        articles=articles_of(findings, metadata),
        victim_ages=victim_ages(findings),
        reasons=item.reasons,
        has_body=not item.summary_only,
        review_status=item.label or "unreviewed",
        note=item.note,
        flags=flags_of(item, findings),
        evidence=evidence,
    )


def candidates(
    store: Store, *, limit: int | None = None, min_score: float = 0.0, unreviewed: bool = False
) -> list[Candidate]:
    """The ranked candidates of a store (highest score first)."""
    result = []
    for item in ranked(store, min_score=min_score, unreviewed=unreviewed, limit=limit):
        ruling = store.get_ruling(item.ecli)
        metadata = tuple(r.article for r in ruling.law_references if r.article) if ruling else ()
        result.append(make_candidate(item, store.get_findings(item.ecli), metadata))
    return result
