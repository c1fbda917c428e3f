"""Stage extract: one Ruling -> its Findings, through the spaCy pipeline of rulings.nlp.

Each section (and the inhoudsindicatie, section index -1) becomes one Doc with its role set before
the components run, because the role decides what a finding means: a sentence in the vordering is
demanded, one in the beslissing imposed; a circumstance in the verdediging is the defence's.
Some things only the whole ruling settles, so they are done here after the components:
- the law version of each article citation (legal-domain.md §2.4): the qualification's wording,
  else the dates of the act from the tenlastelegging/bewezenverklaring, else the decision date;
- ages from birth dates, set against the date of the act stated in another section;
- the ruling's sanctions and acquittals (rulings.nlp.sanctions.ruling_sanctions);
- the metadata's law references the text does not cite (role "metadata", no evidence).
Nothing here touches the store.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rulings.errors import ConfigError, ParseError
from rulings.models import (
    AgeMention,
    ArticleRef,
    Circumstance,
    Evidence,
    Findings,
    RaisedBy,
    Regime,
    Role,
    Ruling,
    Section,
    Subject,
    to_jsonable,
)
from rulings.nlp import sanctions
from rulings.nlp.article_map import ArticleMap, resolve_regime
from rulings.nlp.articles import normalise_law
from rulings.nlp.circumstances import implied_circumstances
from rulings.nlp.dates import Period
from rulings.nlp.extensions import doc_role
from rulings.nlp.pipeline import VERSION_KEY, build_pipeline, pipeline_version
from rulings.parse import parse_ruling

_QUALIFYING = {
    Role.TENLASTELEGGING,
    Role.BEWEZENVERKLARING,
    Role.KWALIFICATIE,
    Role.STRAFBAARHEID,
    Role.BESLISSING,
}
_OFFENCE_ROLES = {Role.TENLASTELEGGING, Role.BEWEZENVERKLARING}
_PLEADING = {Role.VERDEDIGING, Role.VORDERING}
_FLAT_KEYS = ("text", "start", "end")
_MONTH_DAYS = 31  # a birth date known to the month at least
_MAX_SPREAD = 3  # acts years apart are separate facts, not one period to fill in


def extract_ruling(nlp: Language, ruling: Ruling) -> Findings:
    """Run the pipeline over every section of a ruling and gather its findings.

    Strings the run adds to the vocabulary are freed afterwards (``nlp.memory_zone``), so memory
    stays flat over a corpus; do not call this inside another memory zone of the same pipeline.
    """
    with nlp.memory_zone():
        docs = list(nlp.pipe(_section_docs(nlp, ruling)))
        return _findings(nlp, ruling, docs)


def analyze_path(path: Path, role: Role = Role.OTHER, nlp: Language | None = None) -> Findings:
    """Extract from one XML document or plain-text file without touching any store.

    Plain text is one section with the given role (``rulings analyze FILE --role vordering``).
    """
    if not path.is_file():
        raise ConfigError(f"{path}: no such file")
    data = path.read_bytes()
    if path.suffix.lower() == ".xml" or data.lstrip()[:5] in (b"<?xml", b"<rdf:", b"<open"):
        ruling = parse_ruling(data, source=str(path))
    else:
        ruling = _plain_text_ruling(path, data, role)
    return extract_ruling(nlp if nlp is not None else build_pipeline(), ruling)


def findings_to_analyze_json(findings: Findings) -> dict[str, Any]:
    """The object ``rulings analyze --json`` prints: one list of flat objects per kind.

    Each object carries its finding's fields plus the evidence flattened into it: text, start,
    end (character offsets in the section text), section, section_role and sentence; objects
    without a role of their own (sanctions, ages ...) also get the section role as ``role``.
    """
    return {
        "ecli": findings.ecli,
        "articles": [_flat(a) for a in findings.articles],
        "sanctions": [_flat(s) for s in findings.sanctions],
        "acquittal": findings.acquittal,
        "ages": [_flat(a) for a in findings.ages],
        "payment": [_flat(p) for p in findings.payment],
        "circumstances": [_flat(c) for c in findings.circumstances],
        "references": [_flat(r) for r in findings.references],
        "contacts": [_flat(c) for c in findings.contacts],
    }


def victim_age(findings: Findings) -> int | None:
    """The victim's real age at the time of the act, where the ruling states one.

    A birth date set against the date of the act beats a stated age; among stated ages the one
    stated most often wins (the earliest on a tie). Claimed ages ("zij zei dat zij 18 was") are
    no real age; a statutory bracket's lower bound ("zestien jaren maar nog niet achttien") is
    the last resort, as a lower bound.
    """
    victims = [a for a in findings.ages if a.subject is Subject.VICTIM]
    born = [a.value for a in victims if a.kind == "birthdate"]
    if born:
        return min(born)
    stated = Counter(a.value for a in victims if a.kind == "stated")
    if stated:
        return stated.most_common(1)[0][0]
    brackets = [a.value for a in victims if a.kind == "bracket" and a.value > 0]
    return min(brackets) if brackets else None


# --- building the Docs --------------------------------------------------------------------------


def _section_docs(nlp: Language, ruling: Ruling) -> Iterator[Doc]:
    summary = ruling.inhoudsindicatie
    parts = [(-1, Role.OTHER, "", summary)] if summary.strip() else []
    parts += [(s.index, s.role, s.heading, s.text) for s in ruling.sections]
    for index, role, heading, text in parts:
        doc = nlp.make_doc(text)
        doc._.role = role
        doc._.heading = heading
        doc._.section_index = index
        doc._.decision_date = ruling.decision_date
        yield doc


def _plain_text_ruling(path: Path, data: bytes, role: Role) -> Ruling:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ParseError(str(path), "not UTF-8 text and not an XML document") from err
    return text_ruling(text, role)


def text_ruling(text: str, role: Role) -> Ruling:
    """A plain text as a ruling of one section with the given role and no ECLI."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Ruling(
        ecli="", sections=(Section(index=0, heading="", number=None, role=role, text=text),)
    )


# --- ruling-level steps ---------------------------------------------------------------------------


def _findings(nlp: Language, ruling: Ruling, docs: list[Doc]) -> Findings:
    article_map = nlp.get_pipe("rulings_articles").article_map
    periods = _offence_periods(docs)
    regime = resolve_regime(_regime_cues(docs), periods, ruling.decision_date)
    articles = [_resolved(a, regime, article_map) for d in docs for a in d._.articles or []]
    articles += _metadata_articles(ruling, articles, regime, article_map)
    found_sanctions, acquittals = sanctions.ruling_sanctions(docs)
    version = nlp.meta.get(VERSION_KEY) or pipeline_version()
    return Findings(
        ecli=ruling.ecli or None,
        pipeline_version=version,
        articles=tuple(articles),
        sanctions=tuple(found_sanctions),
        acquittal=bool(acquittals),
        acquittals=tuple(acquittals),
        ages=tuple(_gather(docs, "ages") + _birth_ages(docs, periods)),
        payment=tuple(_gather(docs, "payment")),
        circumstances=tuple(_circumstances(docs)),
        references=tuple(_gather(docs, "references")),
        contacts=tuple(_gather(docs, "contacts")),
    )


def _gather(docs: list[Doc], attr: str) -> list[Any]:
    return [value for doc in docs for value in getattr(doc._, attr) or []]


def _circumstances(docs: list[Doc]) -> list[Circumstance]:
    """The sections' circumstances; a defence plea counts as rejected when the section right
    after the verdediging ("Het oordeel van de rechtbank") rejects a plea, unless the court
    itself weighs the same circumstance the same way (it rejected another plea then)."""
    found: list[tuple[Circumstance, bool]] = []
    for position, doc in enumerate(docs):
        following = docs[position + 1] if position + 1 < len(docs) else None
        answered = following is not None and doc_role(following) not in _PLEADING
        rejects = answered and RaisedBy.DEFENCE in (following._.rejections or [])
        answers = doc_role(doc) is Role.VERDEDIGING and rejects
        found.extend((c, answers) for c in doc._.circumstances or [])
    followed = {(c.code, c.polarity) for c, _ in found if c.raised_by is RaisedBy.COURT}
    circumstances = [
        _rejected(c) if answered and (c.code, c.polarity) not in followed else c
        for c, answered in found
    ]
    return circumstances + _implied(circumstances)


def _implied(circumstances: list[Circumstance]) -> list[Circumstance]:
    """What the court holds by rejecting a plea (patterns/circumstances.toml [implied]): a court
    that does not follow "hij kon niet weten dat zij minderjarig was" holds that there were
    signs of her minority. The finding's evidence is the rejected plea."""
    rules = implied_circumstances()
    have = {(c.code, c.raised_by) for c in circumstances}
    out = []
    for c in circumstances:
        if not c.rejected or c.code not in rules:
            continue
        code, polarity = rules[c.code]
        if (code, RaisedBy.COURT) in have:
            continue
        out.append(Circumstance(code, polarity, RaisedBy.COURT, evidence=c.evidence))
        have.add((code, RaisedBy.COURT))
    return out


def _rejected(circumstance: Circumstance) -> Circumstance:
    if circumstance.raised_by is not RaisedBy.DEFENCE:
        return circumstance
    return dataclasses.replace(circumstance, rejected=True)


def _regime_cues(docs: list[Doc]) -> set[Regime]:
    """Qualification wording of the ruling: only sections that restate the offence count."""
    qualifying = [d for d in docs if doc_role(d) in _QUALIFYING] or docs
    return {cue for d in qualifying for cue in d._.regime_cues or ()}


def _offence_periods(docs: list[Doc]) -> list[Period]:
    """Dates of the act from the charge and proven facts; from any section when those lack them;
    from the dates of the suspect's acts in the evidence when no section names a date of the act
    (a published ruling whose charge is an annex it leaves out)."""
    charged = [p for d in docs if doc_role(d) in _OFFENCE_ROLES for p in d._.offence_dates or []]
    cued = [p for d in docs for p in d._.offence_dates or []]
    return charged or cued or [p for d in docs for p in d._.event_dates or []]


def _resolved(ref: ArticleRef, regime: Regime, article_map: ArticleMap) -> ArticleRef:
    """Give an Sr citation the ruling's law version unless its own marker or wording settled it."""
    if ref.law != "Sr" or ref.regime is not Regime.UNKNOWN:
        return ref
    offence = article_map.offence(ref.article, ref.law, regime)
    return dataclasses.replace(ref, regime=regime, offence=offence)


def _metadata_articles(
    ruling: Ruling, cited: list[ArticleRef], regime: Regime, article_map: ArticleMap
) -> list[ArticleRef]:
    """The metadata's wetsverwijzingen the text does not cite, without evidence."""
    seen = {(a.article, a.law) for a in cited}
    found = []
    for reference in ruling.law_references:
        article, law = _split_law_reference(reference.text, reference.article, reference.law)
        if article is None or law is None or (article, law) in seen:
            continue
        seen.add((article, law))
        own = regime if law == "Sr" else Regime.UNKNOWN
        offence = article_map.offence(article, law, own)
        found.append(ArticleRef(article, law, role="metadata", regime=own, offence=offence))
    return found


def _split_law_reference(
    text: str, article: str | None, law: str | None
) -> tuple[str | None, str | None]:
    """'Wetboek van Strafrecht 248b' -> ('248b', 'Sr') where the parser left a part empty."""
    name, _, last = text.strip().rpartition(" ")
    article = article or (last.lower() if last[:1].isdigit() else None)
    law = law or normalise_law(name if article else text)
    return article, law


def _birth_ages(docs: list[Doc], periods: list[Period]) -> list[AgeMention]:
    """Birth dates set against the dates of the act: every age the person had on them.

    A meeting before and one after her birthday give two ages, and so does a charge period
    across it ("in de periode van 1 januari 2018 tot en met 30 april 2018"); the ages between
    the first and the last act are all filled in. Where the ruling gives several victims' birth
    dates, each is set against the dates of the act in its own sentence, when it has any: the
    charge of each victim names her own dates. Where the ruling names no date of the act at all,
    the other dates of the birth date's own sentence are used. A birth date without day and month (a
    pseudonymised "[geboortedatum] 2003", "geboren in 2003") gives no age (eval/README.md 'Ages').
    """
    births = [b for doc in docs for b in doc._.birth_dates or []]
    victims = {(first, last) for first, last, subject, *_ in births if subject is Subject.VICTIM}
    ages, seen = [], set()
    for born_first, born_last, subject, found, own, near in births:
        key = (born_first, born_last, subject)
        if (born_last - born_first).days > _MONTH_DAYS or key in seen:
            continue
        seen.add(key)
        acts = list(own) if len(victims) > 1 and own else periods or list(near)
        values = _within_bracket(_ages_at(born_first, born_last, acts), found, docs)
        ages += [AgeMention(v, subject, kind="birthdate", evidence=found) for v in values]
    return ages


def _within_bracket(values: list[int], found: Evidence, docs: list[Doc]) -> list[int]:
    """The ages that fit the statutory bracket the birth date's own sentence states ("[slachtoffer]
    (geboren op 6 januari 2003), die de leeftijd van zestien jaren maar nog niet die van achttien
    jaren had bereikt"): a later charged period does not make this charge's victim 18. All of
    them when none fits."""
    brackets = [
        a
        for doc in docs
        for a in doc._.ages or []
        if a.kind == "bracket" and a.evidence is not None
        and a.evidence.section_index == found.section_index
        and a.evidence.sentence == found.sentence
    ]  # fmt: skip
    fitting = [
        v for v in values
        if any(b.value <= v and (b.upper is None or v < b.upper) for b in brackets)
    ]  # fmt: skip
    return fitting or values


def _ages_at(born_first: date, born_last: date, periods: list[Period]) -> list[int]:
    """The ages on the dates of the act where the dates leave one answer, with the ages
    between the youngest and the oldest (she had each of them during the charged period)."""
    known = set()
    for first, last in periods:
        youngest, oldest = _age_on(born_last, first), _age_on(born_first, last)
        if youngest >= 0 and oldest - youngest <= 1:
            known.update((youngest, oldest))  # a period across her birthday gives both ages
    if not known or max(known) - min(known) > _MAX_SPREAD:
        return sorted(known)
    return list(range(min(known), max(known) + 1))


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _flat(value: Any) -> dict[str, Any]:
    data = to_jsonable(value)
    found = data.pop("evidence", None) or {}
    for key in _FLAT_KEYS:
        data[key] = found.get(key)
    data["section"] = found.get("section_index")
    data["section_role"] = found.get("role")
    data["sentence"] = found.get("sentence")
    data.setdefault("role", found.get("role"))
    return data


__all__ = [
    "analyze_path",
    "extract_ruling",
    "findings_to_analyze_json",
    "victim_age",
]
