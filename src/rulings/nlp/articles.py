"""The rulings_articles component: statutory citations -> ArticleRef.

Rules in patterns/articles.jsonl mark where a citation starts ("artikel 248b", "art.248b",
"248b Sr") and the words it is built from (paragraphs, connectors, "(oud)" markers); law names
come from patterns/laws.toml. The reader walks each citation from its anchor the way a lawyer
reads it: "de artikelen 14a, 14b, 14c, 22c, 22d, 57 en 248b van het Wetboek van Strafrecht" is
seven articles of one law; "art. 45 jo. 248b Sr" is an attempted 248b. The section the Doc holds
gives the citation its role (charged, proven, applied, reasoning); the article map gives the
offence once the law version is known (legal-domain.md §1.6, §2.4).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from rulings.models import ArticleRef, Regime, Role
from rulings.nlp.article_map import ArticleMap
from rulings.nlp.citations import Citation, SpanIndex, read_citation, regime_of
from rulings.nlp.extensions import doc_role, evidence, make_ruler, sentence_of
from rulings.patterns import load_table

_ROLE_OF_SECTION = {
    Role.TENLASTELEGGING: "charged",
    Role.BEWEZENVERKLARING: "proven",
    Role.KWALIFICATIE: "proven",
    Role.STRAFBAARHEID: "proven",
    Role.WETTELIJKE_VOORSCHRIFTEN: "applied",
}
_PARTICIPATION_ARTICLES = {"47": "medeplegen", "48": "medeplichtigheid"}
_UNMARKED = {Role.OTHER, Role.BEWIJS}


def law_patterns(nlp: Language) -> list[dict]:
    """SpanRuler patterns for every law name of patterns/laws.toml, id = the short name."""
    patterns = []
    for name, short in load_table("laws")["laws"].items():
        words = [t.lower_ for t in nlp.make_doc(name)]
        if len(words) == 1:
            pattern = [{"LOWER": {"IN": [words[0], words[0] + "."]}}]
        else:
            pattern = [{"LOWER": w} for w in words]
        patterns.append({"label": "LAW", "id": short, "pattern": pattern})
    return patterns


def normalise_law(name: str) -> str | None:
    """A law name as written ("Wetboek van Strafrecht", "WvSr") -> its short name, or None."""
    return _law_names().get(name.strip().rstrip(".").lower())


@cache
def _law_names() -> dict[str, str]:
    """laws.toml by lower-cased name, read once per process (callers only look up)."""
    return {k.lower(): v for k, v in load_table("laws")["laws"].items()}


class ArticleReader:
    """Finds citations with the article rules and reads them into ArticleRef values."""

    def __init__(self, nlp: Language, article_map: ArticleMap) -> None:
        self.ruler = make_ruler(nlp, "articles")
        self.ruler.add_patterns(law_patterns(nlp))
        self.article_map = article_map

    def __call__(self, doc: Doc) -> Doc:
        self.ruler(doc)
        index = SpanIndex(list(doc.spans["articles"]))
        doc._.regime_cues = {regime_of(s) for s in index.by_label.get("REGIME_CUE", [])}
        citations: list[Citation] = []
        for anchor in sorted(index.by_label.get("ARTICLE", []), key=lambda s: s.start):
            if citations and anchor.start < citations[-1].end:
                continue
            citation = read_citation(doc, anchor, index)
            if citation.items and not citation.dropped:
                citations.append(citation)
        doc._.articles = [ref for c in citations for ref in self._refs(doc, c, index, citations)]
        return doc

    def _refs(
        self, doc: Doc, citation: Citation, index: SpanIndex, citations: list[Citation]
    ) -> list[ArticleRef]:
        sent = sentence_of(doc, citation.start, citation.end)
        before = max([c.end for c in citations if c.end <= citation.start] + [sent.start])
        regime = citation.regime
        if regime is Regime.UNKNOWN:
            regime = _sentence_regime(index, sent)
        role = _citation_role(doc, index, sent)
        attempt = bool(index.within("ATTEMPT", before, citation.start))
        attempt = attempt or any(i.article == "45" for i in citation.items)
        participation = _participation(citation, index.within("PARTICIPATION", before, sent.end))
        found = evidence(doc, citation.start, citation.end)
        refs = []
        for item in citation.items:
            law = item.law or _default_law(item.article)
            general = self.article_map.is_general(item.article, law)
            item_regime = regime if law == "Sr" else Regime.UNKNOWN
            refs.append(
                ArticleRef(
                    article=item.article,
                    law=law,
                    paragraph=item.paragraph,
                    attempt=attempt and not general,
                    participation=None if general else participation,
                    role=role,
                    regime=item_regime,
                    offence=self.article_map.offence(item.article, law, item_regime),
                    evidence=found,
                )
            )
        return refs


@Language.factory(
    "rulings_articles",
    assigns=["doc._.articles", "doc._.regime_cues"],
)
def make_article_reader(nlp: Language, name: str) -> ArticleReader:
    """The rulings_articles component (patterns/articles.jsonl, laws.toml, article_map.toml)."""
    return ArticleReader(nlp, ArticleMap(load_table("article_map")))


# --- the citation in its sentence -----------------------------------------------------------------


def _sentence_regime(index: SpanIndex, sent: Span) -> Regime:
    """A long marker ("zoals dit artikel luidde tot 1 juli 2024") or unambiguous wording."""
    long_markers = {
        regime_of(m)
        for m in index.within("MARKER", sent.start, sent.end)
        if m.id_ not in ("old/bare", "old/paren", "wsm2024/paren")
    }
    if len(long_markers) == 1:
        return long_markers.pop()
    cues = {regime_of(c) for c in index.within("REGIME_CUE", sent.start, sent.end)}
    return cues.pop() if len(cues) == 1 else Regime.UNKNOWN


def _citation_role(doc: Doc, index: SpanIndex, sent: Span) -> str:
    """charged / proven / applied by section; "De beslissing is gegrond op ..." is applied, and
    in a section without a role of its own "Het bewezenverklaarde levert op: ..." is proven."""
    role = _ROLE_OF_SECTION.get(doc_role(doc), "reasoning")
    if role != "charged" and index.within("APPLIED", sent.start, sent.end):
        return "applied"
    if doc_role(doc) in _UNMARKED and _qualifies(doc, index, sent):
        return "proven"
    return role


def _qualifies(doc: Doc, index: SpanIndex, sent: Span) -> bool:
    """A qualification cue in the sentence, or in the one before it ending with ':'."""
    if index.within("PROVEN", sent.start, sent.end):
        return True
    if sent.start == 0:
        return False
    previous = doc[sent.start - 1].sent
    ends = [t for t in previous if not t.is_space]
    introduces = bool(ends) and ends[-1].text == ":"
    return introduces and bool(index.within("PROVEN", previous.start, previous.end))


def _default_law(article: str) -> str:
    """The law of a citation that names none: Sr, except that a book-and-article number
    ("artikel 6:162") is the Burgerlijk Wetboek's, the one code criminal rulings cite that way."""
    return "BW" if ":" in article else "Sr"


def _participation(citation: Citation, spans: list[Span]) -> str | None:
    """Participation named in words before the citation, else read from art. 47 / 48."""
    for span in spans:
        if span.start < citation.end:
            return span.id_.split("/", 1)[0]
    for item in citation.items:
        if item.article in _PARTICIPATION_ARTICLES:
            return _PARTICIPATION_ARTICLES[item.article]
    return None
