"""The rulings_references component: case-law citations and the Valkenburg sentencing reasoning.

Courts that give a client one day of prison plus community service cite the Hoge Raad rulings of
20 February 2018 (ECLI:NL:HR:2018:202, 231-235), the "palet van mogelijke straffen", or explain that
art. 22b Sr bars a community service order on its own (legal-domain.md §3.5). ECLIs are read from
the text after their anchor and repaired: text copied from PDFs writes "ECLI:N-L:HR:2018:231",
drops the country ("ECLI:RBZWB:2016:8757") or breaks the number over a line ("87-\\n57").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from rulings.models import CaseReference
from rulings.nlp.extensions import evidence, make_ruler, rule_value
from rulings.patterns import read_entries

_ECLI = re.compile(
    r"ECLI\s*:\s*(?:(?P<country>[A-Z]{2}|N\s*-\s*L)\s*:\s*)?(?P<court>[A-Z][A-Za-z]{0,6})\s*:\s*"
    r"(?P<year>(?:19|20)\d{2})\s*:\s*(?P<number>[A-Za-z0-9]+(?:[-\u00ad][ \t]*\n\s*[A-Za-z0-9]+)*)"
)
_MORE = re.compile(
    r"\s*(?P<sep>,|en|-|–|t/m|tot en met)\s*(?P<number>\d{1,6})\b"
    r"(?![/:.]\d|\s*(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december|jaar|jaren|dagen|maanden|uur|uren|euro|Sr|Sv))"
)
_LOOKAHEAD = 120
_FIXED_VALUES = {"VALKENBURG_HR": "HR 20-02-2018", "PALET": "palet van mogelijke straffen"}
_FIXED_VALUES["ART22B"] = "art. 22b Sr"
_KINDS = {
    "LJN": "ljn",
    "VALKENBURG_HR": "valkenburg_hr",
    "NAMED_CASE": "named_case",
    "PALET": "palet",
    "ART22B": "art22b",
}


class ReferenceReader:
    """Finds ECLIs, named cases and the Valkenburg markers with the reference rules."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = make_ruler(nlp, "references")
        self.known: dict[str, list[tuple[str, str]]] = {}
        for entry in read_entries("references"):
            if not entry.get("eclis"):
                continue
            kind = _KINDS[entry["label"]]
            value = str(entry["id"]).split("/", 1)[0]
            for ecli in entry["eclis"]:
                self.known.setdefault(ecli, []).append(
                    (kind, ecli if kind == "valkenburg_hr" else value)
                )

    def __call__(self, doc: Doc) -> Doc:
        self.ruler(doc)
        spans = sorted(doc.spans["references"], key=lambda s: (s.start, -len(s)))
        found, ecli_sentences = self._ecli_references(doc, spans)
        words = [s for s in spans if s.label_ == "SANCTION_WORD"]
        taken: list[tuple[Span, str]] = []
        for span in spans:
            if span.label_ in ("ECLI", "SANCTION_WORD") or span.id_.endswith("/ecli"):
                continue  # ECLIs are read, repaired and looked up above
            if span.id_ == "art22b/22b":
                span = _art22b_reasoning(span, words)
                if span is None:
                    continue
            reference = self._reference(doc, span)
            if any(_same(t, value, span, reference.value) for t, value in taken):
                continue
            if span.label_ in ("VALKENBURG_HR", "NAMED_CASE") and span.sent.start in ecli_sentences:
                continue  # the ECLI in the same sentence already says it
            taken.append((span, reference.value))
            found.append((span.start_char, reference))
        doc._.references = [ref for _, ref in sorted(found, key=lambda pair: pair[0])]
        return doc

    def _ecli_references(
        self, doc: Doc, spans: list[Span]
    ) -> tuple[list[tuple[int, CaseReference]], set[int]]:
        """ECLI references, and the sentences where an ECLI already names a known case."""
        found: list[tuple[int, CaseReference]] = []
        named: set[int] = set()
        covered = -1
        for span in spans:
            if span.label_ != "ECLI" or span.start_char < covered:
                continue
            for ref, end in self._eclis(doc, span):
                found.append((span.start_char, ref))
                covered = max(covered, end)
                if ref.kind != "ecli":
                    named.add(span.sent.start)
        return found, named

    def _reference(self, doc: Doc, span: Span) -> CaseReference:
        value = _FIXED_VALUES.get(span.label_)
        if span.label_ == "NAMED_CASE":
            value = rule_value(span)
        elif span.label_ == "LJN":
            value = span[-1].text
        return CaseReference(
            kind=_KINDS[span.label_],
            value=value or span.text,
            evidence=evidence(doc, span.start, span.end),
        )

    def _eclis(self, doc: Doc, anchor: Span) -> list[tuple[CaseReference, int]]:
        """The ECLI(s) written from the anchor on, with the character offset where they end.

        "ECLI:NL:HR:2018:202, 231-235" names six rulings of one court and year.
        """
        text = doc.text[anchor.start_char : anchor.start_char + _LOOKAHEAD]
        match = _ECLI.match(text)
        if match is None:
            return []
        prefix = _prefix(match)
        numbers = [re.sub(r"[-\u00ad]\s*\n\s*", "", match.group("number")).upper()]
        end = match.end()
        while numbers[-1].isdigit():
            more = _MORE.match(text, end)
            if more is None:
                break
            numbers.extend(_continue(numbers[-1], more.group("sep"), more.group("number")))
            end = more.end()
        return [
            (ref, anchor.start_char + end)
            for number in numbers
            for ref in self._kinds(doc, anchor, prefix + number, end)
        ]

    def _kinds(self, doc: Doc, anchor: Span, ecli: str, length: int) -> list[CaseReference]:
        span = doc.char_span(anchor.start_char, anchor.start_char + length, alignment_mode="expand")
        found = evidence(doc, span.start, span.end) if span is not None else None
        refs = [CaseReference(kind="ecli", value=ecli, evidence=found)]
        for kind, value in self.known.get(ecli, []):
            refs.append(CaseReference(kind=kind, value=value, evidence=found))
        return refs


@Language.factory("rulings_references", assigns=["doc._.references"])
def make_reference_reader(nlp: Language, name: str) -> ReferenceReader:
    """The rulings_references component (patterns/references.jsonl)."""
    return ReferenceReader(nlp)


def _same(taken: Span, taken_value: str, span: Span, value: str) -> bool:
    """A second rule over the same words, or the same reference again in one sentence
    ("HR 20 februari 2018, nr. 17/00158" is one reference)."""
    if taken.label_ != span.label_:
        return False
    overlap = taken.start <= span.start < taken.end
    return overlap or (taken.sent.start == span.sent.start and value == taken_value)


def _art22b_reasoning(anchor: Span, words: list[Span]) -> Span | None:
    """'artikel 22b Sr staat eraan in de weg dat uitsluitend een taakstraf wordt opgelegd': the
    article with a word about the sentence near it in one sentence; None for a mere citation."""
    if _listed_22b(anchor):
        return None
    near = [
        w for w in words if w.sent.start == anchor.sent.start and abs(w.start - anchor.start) <= 15
    ]
    for word in sorted(near, key=lambda w: abs(w.start - anchor.start)):
        first, last = min(word.start, anchor.start), max(word.end, anchor.end)
        stretch = anchor.doc[first:last]
        if not _crosses_sentence(stretch):
            return Span(anchor.doc, first, last, label=anchor.label_, span_id=anchor.id_)
    return None


def _listed_22b(span: Span) -> bool:
    """22b as one article of a list ("gegrond op de artikelen 9, 22b, 22c en 248b"): the legal
    basis of the sentence, not reasoning about the taakstrafverbod."""
    for tok in span:
        if tok.lower_ == "22b":
            before = span.doc[tok.i - 1].text if tok.i > 0 else ""
            after = span.doc[tok.i + 1].text if tok.i + 1 < len(span.doc) else ""
            keyword = before.lower() in ("artikel", "art.", "art")
            return before in (",", "en") or (after == "," and not keyword)
    return False


def _crosses_sentence(span: Span) -> bool:
    """Whether a sentence ends inside the span: the sentencizer keeps "Sr." as one token, so
    "22b Sr. Een taakstraf" is one sentence to it."""
    if span.sent.end < span.end:
        return True
    return any(
        tok.text.endswith(".") and len(tok) > 1 and span.doc[tok.i + 1].is_title
        for tok in span[:-1]
    )


def _prefix(match: re.Match[str]) -> str:
    """'ECLI:NL:HR:2018:' with the country repaired ('N-L' -> 'NL', missing -> 'NL')."""
    country = re.sub(r"[\s-]", "", match.group("country") or "NL").upper()
    return f"ECLI:{country}:{match.group('court').upper()}:{match.group('year')}:"


def normalise_ecli(text: str) -> str | None:
    """The canonical form of one ECLI as written, repaired; None when it is no ECLI."""
    match = _ECLI.search(text)
    if match is None:
        return None
    return _prefix(match) + re.sub(r"[-\u00ad]\s*\n\s*", "", match.group("number")).upper()


def _continue(previous: str, separator: str, number: str) -> list[str]:
    """Numbers after an ECLI: ', 231' adds one; '-235' adds the range (at most twenty)."""
    if separator in ("-", "–", "t/m", "tot en met"):
        first, last = int(previous) + 1, int(number)
        if 0 <= last - first < 20:
            return [str(n) for n in range(first, last + 1)]
    return [number]
