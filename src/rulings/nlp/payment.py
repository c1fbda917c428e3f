"""The rulings_payment component: evidence that sex was paid for, in money or in goods.

Payment is the element that separates a client case from other sexual-offence cases, and for
children under 16 it is no element of the article at all (art. 245/247 Sr), so it must be read from
the facts (DESIGN.md "The study it serves"). An amount counts only where the sentence speaks of sex
or of paying for it, and never where it speaks of fines, damages, costs or bail ("een geldboete van
€ 500", "schadevergoeding van € 2.500,00"). Payer and payee are named where the sentence names
them, with the SUBJECT words of patterns/ages.jsonl.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from rulings.models import PaymentMention
from rulings.nlp.extensions import evidence, make_ruler, rule_value
from rulings.nlp.numbers import parse_digits, parse_number
from rulings.patterns import load_rules

_SLANG = {"tientje": 10.0, "tientjes": 10.0, "geeltje": 25.0, "geeltjes": 25.0, "joetje": 100.0}
_SLANG["joetjes"] = 100.0
_CONTEXT = ("SEX", "PAY_PHRASE", "PAY_CONTEXT", "IN_KIND")
_PARTY_NAMES = {"suspect": "suspect", "victim": "victim"}
_GOODS_WINDOW = 6
_OBJECT_PRONOUNS = {"victim-pronoun/haar", "suspect-pronoun/hem"}
_CLAUSE_WORDS = {
    "dat",
    "en",
    "maar",
    "nadat",
    "omdat",
    "waarna",
    "waarop",
    "terwijl",
    "toen",
    "die",
}


class PaymentReader:
    """Finds amounts, paid-sex phrases, context and payment in kind with the payment rules."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = make_ruler(nlp, "payment")
        self.ruler.add_patterns([r for r in load_rules("ages") if r["label"] == "SUBJECT"])

    def __call__(self, doc: Doc) -> Doc:
        self.ruler(doc)
        spans = _Spans(list(doc.spans["payment"]))
        found: list[tuple[int, PaymentMention]] = []
        for span in filter_spans(spans.get("MONEY")):
            mention = _money(doc, span, spans)
            if mention is not None:
                found.append((span.start, mention))
        other = spans.get("NOT_CONTEXT")  # "een Ford Escort": a car, no escort service
        for label, kind in (("PAY_PHRASE", "phrase"), ("PAY_CONTEXT", "context")):
            for span in filter_spans(spans.get(label)):
                if any(o.start <= span.start < o.end for o in other):
                    continue
                if not spans.in_sentence("NOT_PAYMENT", span, after_only=True):
                    found.append((span.start, _mention(doc, span, spans, kind)))
        for span, goods in _in_kind(spans):
            found.append((span.start, _mention(doc, span, spans, "in_kind", goods=goods)))
        doc._.payment = [mention for _, mention in sorted(found, key=lambda pair: pair[0])]
        return doc


@Language.factory("rulings_payment", assigns=["doc._.payment"])
def make_payment_reader(nlp: Language, name: str) -> PaymentReader:
    """The rulings_payment component (patterns/payment.jsonl, SUBJECT words of ages.jsonl)."""
    return PaymentReader(nlp)


class _Spans:
    """The payment rule spans of one Doc by label and by sentence, for sentence-level lookups."""

    def __init__(self, spans: list[Span]) -> None:
        self.by_label: dict[str, list[Span]] = {}
        self.by_sentence: dict[tuple[str, int], list[Span]] = {}
        for span in sorted(spans, key=lambda s: (s.start, -len(s))):
            self.by_label.setdefault(span.label_, []).append(span)
            self.by_sentence.setdefault((span.label_, span.sent.start), []).append(span)

    def get(self, label: str) -> list[Span]:
        return self.by_label.get(label, [])

    def in_sentence(self, label: str, span: Span | Token, after_only: bool = False) -> list[Span]:
        """Spans of a label in the sentence of `span` (after_only: in the five tokens after it)."""
        sent = span.sent
        inside = [s for s in self.by_sentence.get((label, sent.start), []) if s.end <= sent.end]
        if after_only and isinstance(span, Span):
            return [s for s in inside if span.end <= s.start < span.end + 5]
        return inside


def _money(doc: Doc, span: Span, spans: _Spans) -> PaymentMention | None:
    """An amount in a sentence about sex or paying for it, and not about fines or damages."""
    euros = None if span.id_ == "money/geld" else _euros(span)
    if euros is None and span.id_ != "money/geld":
        return None
    phrases = spans.in_sentence("PAY_PHRASE", span)
    if span.id_ == "money/geld" and (
        not spans.in_sentence("PAY_VERB", span)
        or any(p.start <= span.start < p.end for p in phrases)
    ):
        return None
    blockers = [
        s
        for s in spans.in_sentence("NOT_PAYMENT", span)
        if not any(p.start <= s.start and s.end <= p.end for p in phrases)
    ]
    if blockers or not _paid_sex_context(doc, span, spans):
        return None
    return _mention(doc, span, spans, "money", euros=euros)


def _paid_sex_context(doc: Doc, span: Span, spans: _Spans) -> bool:
    """Sex or paid-sex words in the sentence, or a paying verb here and sex in the one before."""
    if any(spans.in_sentence(label, span) for label in _CONTEXT):
        return True
    if not spans.in_sentence("PAY_VERB", span) or span.sent.start == 0:
        return False
    previous = doc[span.sent.start - 1]
    return any(spans.in_sentence(label, previous) for label in _CONTEXT)


def _euros(span: Span) -> float | None:
    """'€ 1.500,00' -> 1500.0; '150,-' -> 150.0; 'vijftig euro' -> 50.0; 'een tientje' -> 10.0."""
    for tok in span:
        word = tok.lower_
        if word in _SLANG and len(span) == 1:
            return _SLANG[word]
        if tok.lower_ in ("€", "eur", "euro", "euro's", "van"):
            continue
        text = word.removesuffix(",--").removesuffix(",-").removesuffix(".-")
        value = parse_digits(text)
        if value is None and tok.is_alpha:
            value = parse_number(word)
        if value is not None:
            return value
    return None


def _in_kind(spans: _Spans) -> list[tuple[Span, str | None]]:
    """'in ruil voor sigaretten', 'sigaretten in ruil voor seks', 'breezerseks', 'in natura'."""
    found: list[tuple[Span, str | None]] = []
    goods = spans.get("GOODS")
    for cue in spans.get("IN_RUIL"):
        after = [g for g in goods if cue.end <= g.start <= cue.end + _GOODS_WINDOW]
        after = [g for g in after if g.end <= cue.sent.end]
        sex_after = [s for s in spans.get("SEX") if cue.end <= s.start <= cue.end + 2]
        before = [g for g in spans.in_sentence("GOODS", cue) if g.end <= cue.start]
        if after:
            found.append((cue.doc[cue.start : after[0].end], rule_value(after[0])))
        elif sex_after and before:
            names = ", ".join(dict.fromkeys(rule_value(g) for g in before))
            found.append((cue.doc[before[0].start : sex_after[0].end], names))
    for span in spans.get("IN_KIND"):
        word = span[0].lower_
        goods_word = None if span.id_ == "in-kind/natura" else word.split("seks")[0].rstrip("-")
        found.append((span, goods_word))
    return found


def _mention(
    doc: Doc,
    span: Span,
    spans: _Spans,
    kind: str,
    euros: float | None = None,
    goods: str | None = None,
) -> PaymentMention:
    payer, payee = _parties(span, spans) if kind in ("money", "in_kind") else (None, None)
    return PaymentMention(
        kind=kind,
        euros=euros,
        goods=goods,
        payer=payer,
        payee=payee,
        evidence=evidence(doc, span.start, span.end),
    )


def _parties(span: Span, spans: _Spans) -> tuple[str | None, str | None]:
    """Who paid whom, from the paying verb nearest to the span and the persons of its clause.

    Dutch puts the subject first in the clause ("Verdachte heeft [slachtoffer] € 100 betaald",
    "... en dat hij haar daarvoor € 150,- heeft betaald"); an object pronoun (haar, hem) is never
    the subject, and a clause without one takes the subject of the sentence before it ("Verdachte
    heeft haar benaderd en heeft haar € 120,- betaald"). "aan" marks the payee; "door" the payer,
    and "van" too after a verb of receiving ("kreeg van verdachte € 50").
    """
    verbs = spans.in_sentence("PAY_VERB", span)
    if not verbs:
        return None, None
    verb = min(verbs, key=lambda v: abs(v.start - span.start))
    giving = verb.id_.startswith("give/")
    first, last = _clause(verb)
    sentence = spans.in_sentence("SUBJECT", verb)
    persons = [p for p in sentence if first <= p.start and p.end <= last]
    marks = ("door",) if giving else ("van", "door")
    by_payer = [p for p in persons if _marker(p) in marks]
    by_aan = [p for p in persons if _marker(p) == "aan"]
    plain = [p for p in persons if _marker(p) not in ("aan", "van", "door")]
    subjects = [p for p in plain if p.id_ not in _OBJECT_PRONOUNS]
    subjects = subjects or [p for p in sentence if p.end <= first and p.id_ not in _OBJECT_PRONOUNS]
    subject = subjects[0] if subjects else None
    others = [p for p in plain if subject is None or _kind(p) != _kind(subject)]
    if not others and subject is not None and subject.start < first:
        # "en" joined two nouns, not two clauses: the object stands before the clause too
        others = [
            p for p in sentence if subject.end <= p.start < first and _kind(p) != _kind(subject)
        ]
    other = others[0] if others else None
    if giving:
        payer = by_payer[0] if by_payer else subject
        payee = by_aan[0] if by_aan else other
    else:
        payee = subject
        payer = by_payer[0] if by_payer else other
    return _name(payer), _name(payee)


def _marker(person: Span) -> str:
    return person.doc[person.start - 1].lower_ if person.start > 0 else ""


def _kind(person: Span) -> str:
    return person.id_.split("/", 1)[0].removesuffix("-pronoun")


def _clause(verb: Span) -> tuple[int, int]:
    """Token range of the clause around a verb: up to a comma or a conjunction that opens a
    clause ("dat", "en", "nadat" ...), within its sentence."""
    sent = verb.sent
    first = verb.start
    while first > sent.start and not _opens_clause(verb.doc[first - 1]):
        first -= 1
    last = verb.end
    while last < sent.end and not _opens_clause(verb.doc[last]):
        last += 1
    return first, last


def _opens_clause(token: Token) -> bool:
    return token.text in (",", ";", ":") or token.lower_ in _CLAUSE_WORDS


def _name(person: Span | None) -> str | None:
    """'[verdachte]' stays as written; 'verdachte', 'hij' -> suspect; 'haar', 'zij' -> victim."""
    if person is None:
        return None
    if person.text.startswith("["):
        return person.text
    return _PARTY_NAMES.get(_kind(person), person.text.lower())
