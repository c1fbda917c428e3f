"""The rulings_circumstances component: what moved the sentence, and who put it forward.

Codes and polarity come from patterns/circumstances.toml (the sentencing study's categories,
shared/domain/circumstances.md). Who raised a circumstance follows the section (roles_raisers.toml:
verdediging -> defence, vordering -> prosecutor, strafmotivering -> court), overruled by the
sentence's own speaker: in the strafmotivering "De raadsman heeft aangevoerd dat ..." reports the
defence's plea, and it stays the defence's, marked rejected, when the court answers "De rechtbank
volgt de verdediging hierin niet". A speaker keeps the floor until the paragraph ends or another
speaker is named. Rejections are recorded for every section (doc._.rejections): rulings.extract
applies one found in the section right after a verdediging section, where courts give their
"oordeel" on the plea.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc, Span

from rulings.models import Circumstance, Polarity, RaisedBy, Role
from rulings.nlp.extensions import doc_role, evidence, make_ruler
from rulings.patterns import load_rules, load_table

_NEGATIONS = {"geen", "niet", "nooit", "allerminst"}
_SPEAKERS = {
    "defence": RaisedBy.DEFENCE,
    "prosecutor": RaisedBy.PROSECUTOR,
    "court": RaisedBy.COURT,
}


class CircumstanceReader:
    """Finds circumstances with their rules and decides polarity, raiser and rejection."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = make_ruler(nlp, "circumstances")
        self.plea_ruler = make_ruler(nlp, "circumstances", labels=("SPEAKER", "REJECTION"))
        self.ruler.add_patterns([r for r in load_rules("ages") if r["label"] == "SUBJECT"])
        codes = load_table("circumstances")["codes"]
        self.polarity = {code: Polarity(row["polarity"]) for code, row in codes.items()}
        self.about_victim = {code for code, row in codes.items() if row.get("about") == "victim"}
        raisers = load_table("roles_raisers")
        self.defaults = {Role(k): RaisedBy(v) for k, v in raisers["raisers"].items()}
        self.skip = {Role(r) for r in raisers["read"]["skip"]}

    def __call__(self, doc: Doc) -> Doc:
        role = doc_role(doc)
        skipped = role in self.skip  # only its rejections are read (rulings.extract uses them)
        (self.plea_ruler if skipped else self.ruler)(doc)
        spans = list(doc.spans["circumstances"])
        helpers = {label: [s for s in spans if s.label_ == label] for label in _HELPERS}
        doc._.rejections = [
            _rejection_target(helpers["SPEAKER"], r.sent) for r in helpers["REJECTION"]
        ]
        if skipped:
            doc._.circumstances = []
            return doc
        found = [s for s in spans if s.label_ in self.polarity]
        found = [s for s in self._outermost(found) if not _denied(doc, s, helpers["NEGATED"])]
        found = [s for s in found if not _other_meaning(s, helpers["NOT_CODE"])]
        victims = [s for s in spans if s.label_ == "SUBJECT" and s.id_.startswith("victim")]
        found = [s for s in found if s.label_ not in self.about_victim or _names(s, victims)]
        raised = _raisers(doc, found, helpers, self.defaults.get(role, RaisedBy.UNKNOWN))
        doc._.circumstances = self._values(doc, found, raised)
        return doc

    def _outermost(self, spans: list[Span]) -> list[Span]:
        """Drop a span inside a longer one of the same code or of the opposite polarity.

        "niet eerder veroordeeld" (clean record) swallows the "eerder veroordeeld" (recidivism)
        inside it; "anale seks" stays both penetration and a further-going act.
        """
        kept = []
        for span in spans:
            inside = [
                k
                for k in spans
                if k is not span
                and k.start <= span.start
                and span.end <= k.end
                and (len(k) > len(span) or (k.label_ == span.label_ and k.start < span.start))
            ]
            if any(
                k.label_ == span.label_ or self.polarity[k.label_] != self.polarity[span.label_]
                for k in inside
            ):
                continue
            kept.append(span)
        return kept

    def _values(
        self, doc: Doc, spans: list[Span], raised: dict[int, tuple[RaisedBy, bool]]
    ) -> list[Circumstance]:
        """One Circumstance per code, raiser and rejection in this section, first mention first."""
        seen: set[tuple[str, RaisedBy, bool]] = set()
        values = []
        for span in sorted(spans, key=lambda s: (s.start, s.label_)):
            raised_by, rejected = raised[span.start]
            key = (span.label_, raised_by, rejected)
            if key in seen:
                continue
            seen.add(key)
            values.append(
                Circumstance(
                    code=span.label_,
                    polarity=self.polarity[span.label_],
                    raised_by=raised_by,
                    rejected=rejected,
                    evidence=evidence(doc, span.start, span.end),
                )
            )
        return values


_HELPERS = ("SPEAKER", "REJECTION", "NEGATED", "NOT_CODE")


@functools.cache
def implied_circumstances() -> dict[str, tuple[str, Polarity]]:
    """patterns/circumstances.toml [implied]: the code of a plea -> what its rejection holds."""
    table = load_table("circumstances")
    codes = table["codes"]
    return {
        plea: (held, Polarity(codes[held]["polarity"]))
        for plea, held in table.get("implied", {}).items()
    }


@Language.factory("rulings_circumstances", assigns=["doc._.circumstances", "doc._.rejections"])
def make_circumstance_reader(nlp: Language, name: str) -> CircumstanceReader:
    """The rulings_circumstances component (circumstances.jsonl/.toml, roles_raisers.toml)."""
    return CircumstanceReader(nlp)


def _names(span: Span, persons: list[Span]) -> bool:
    """Whether the sentence of `span` names one of the persons."""
    sent = span.sent
    return any(sent.start <= p.start < sent.end for p in persons)


def _other_meaning(span: Span, phrases: list[Span]) -> bool:
    """'een gevangenisstraf van aanzienlijke duur', 'drie keer de wettelijke grens': the span lies
    in a phrase (id "not-<code>/...") where its code's words speak of something else."""
    return any(
        p.id_.split("/", 1)[0] == f"not-{span.label_}"
        and p.start <= span.start
        and span.end <= p.end
        for p in phrases
    )


def _denied(doc: Doc, span: Span, negated: list[Span]) -> bool:
    """'geen signalen van mensenhandel', 'niet kwetsbaar', 'de redelijke termijn ... is niet
    overschreden': a negation just before the phrase, a denial phrase around it, or one that
    denies for the whole sentence (ids "denied-sentence/...")."""
    sent = span.sent
    if span[0].lower_ not in _NEGATIONS:
        before = doc[max(sent.start, span.start - 2) : span.start]
        if any(t.lower_ in _NEGATIONS for t in before):
            return True
    return any(
        sent.start <= n.start < sent.end
        and (n.id_.startswith("denied-sentence/") or span.start - 6 <= n.start < span.end + 2)
        for n in negated
    )


def _raisers(
    doc: Doc, spans: list[Span], helpers: dict[str, list[Span]], default: RaisedBy
) -> dict[int, tuple[RaisedBy, bool]]:
    """(raised_by, rejected) for each circumstance span, keyed by its start token.

    The speaker resets to the section's default at each paragraph. A rejection marks the
    circumstances of its own sentence and every earlier one the rejected party raised in this
    section: courts answer a plea after restating it, often paragraphs later.
    """
    raised: dict[int, tuple[RaisedBy, bool]] = {}
    speaker = default
    earlier: list[int] = []
    found = _by_sentence(spans)
    speakers = _by_sentence(helpers["SPEAKER"])
    rejections = _by_sentence(helpers["REJECTION"])
    for sent in doc.sents:
        if _opens_paragraph(doc, sent):
            speaker = default
        named = _first_speaker(speakers.get(sent.start, []), sent)
        speaker = named if named is not None else speaker
        inside = [s.start for s in found.get(sent.start, [])]
        for start in inside:
            raised[start] = (speaker, False)
        if rejections.get(sent.start):
            target = _rejection_target(speakers.get(sent.start, []), sent)
            for start in inside:
                raised[start] = (target, True)
            for start in earlier:
                if raised[start] == (target, False):
                    raised[start] = (target, True)
        earlier.extend(inside)
    return raised


def _by_sentence(spans: list[Span]) -> dict[int, list[Span]]:
    grouped: dict[int, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span.sent.start, []).append(span)
    return grouped


def _opens_paragraph(doc: Doc, sent: Span) -> bool:
    """Whether a sentence starts after a line break (the section text separates paragraphs so)."""
    return sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws


def _first_speaker(speakers: list[Span], sent: Span) -> RaisedBy | None:
    inside = [s for s in speakers if sent.start <= s.start < sent.end]
    if not inside:
        return None
    first = min(inside, key=lambda s: (s.start, -len(s)))
    return _SPEAKERS[first.id_.split("/", 1)[0]]


def _rejection_target(speakers: list[Span], sent: Span) -> RaisedBy:
    """The prosecutor when the rejection names the officier, else the defence."""
    named = {
        _SPEAKERS[s.id_.split("/", 1)[0]] for s in speakers if sent.start <= s.start < sent.end
    }
    if RaisedBy.PROSECUTOR in named and RaisedBy.DEFENCE not in named:
        return RaisedBy.PROSECUTOR
    return RaisedBy.DEFENCE
