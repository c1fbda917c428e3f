"""The gated span ruler: the same spans as spaCy's SpanRuler, with the rules a Doc cannot match
left out of the run."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.pipeline import SpanRuler

from rulings.nlp.extensions import GatedSpanRuler, make_ruler
from rulings.patterns import load_rules

FAMILIES = ("sanctions", "payment", "references", "contacts", "circumstances", "articles", "ages")
TEXTS = [
    "De rechtbank veroordeelt verdachte tot een gevangenisstraf van 6 (zes) maanden, waarvan "
    "4 maanden voorwaardelijk met een proeftijd van 2 jaren.",
    "Verdachte heeft [slachtoffer] € 150,- betaald voor seks; zij was toen vijftien jaar oud.",
    "De officier van justitie heeft gevorderd een taakstraf van 240 uren, subsidiair 120 dagen "
    "hechtenis.",
    "Hij kwam via de website www.kinky.nl in contact met [slachtoffer] en betaalde\n"
    "haar telkens tweehonderd euro.",
    "Vgl. HR 20 februari 2018, ECLI:NL:HR:2018:202, over artikel 248b van het Wetboek van "
    "Strafrecht.",
    "Verdachte is blijkens het uittreksel justitiële documentatie niet eerder veroordeeld.",
    "De rechtbank spreekt verdachte vrij van het onder 2 tenlastegelegde.",
    "Ter terechtzitting is de zaak inhoudelijk behandeld.",
    "",
]


@cache
def _family_ruler(family: str) -> GatedSpanRuler:
    return make_ruler(spacy.blank("nl"), family)


def _spans(ruler: SpanRuler, doc) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.id_) for s in SpanRuler.match(ruler, doc)]


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("text", TEXTS)
def test_gated_ruler_finds_what_the_plain_ruler_finds(family: str, text: str) -> None:
    ruler = _family_ruler(family)
    doc = ruler.nlp.make_doc(text)
    gated = [(s.start, s.end, s.label_, s.id_) for s in ruler.match(doc)]
    assert gated == _spans(ruler, doc)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ([{"LOWER": "taakstraf"}], "Een Taakstraf van 80 uren.", ["Taakstraf"]),
        (
            [{"LOWER": "van"}, {"IS_SPACE": True, "OP": "*"}, {"LIKE_NUM": True}],
            "een taakstraf van \n 80 uren",
            ["van \n 80"],
        ),
        ([{"ORTH": "HR"}, {"ORTH": ",", "OP": "?"}], "Vgl. HR 20 februari 2018", ["HR"]),
        (
            [{"TEXT": {"REGEX": r"^\d{2,3}$"}}, {"LOWER": {"IN": ["uur", "uren"]}}],
            "80 uren",
            ["80 uren"],
        ),
        ([{"LOWER": "euro", "OP": "+"}], "euro euro", ["euro", "euro", "euro euro"]),
        (
            [{"LOWER": {"NOT_IN": ["de"]}, "OP": "{2}"}],
            "de rechtbank oordeelt",
            ["rechtbank oordeelt"],
        ),
    ],
)
def test_gate_keeps_every_match_of_optional_and_repeated_tokens(
    pattern: list, text: str, expected: list[str]
) -> None:
    nlp = spacy.blank("nl")
    ruler = GatedSpanRuler(nlp, spans_key="x", validate=True, overwrite=True)
    ruler.add_patterns([{"label": "X", "pattern": pattern}])
    doc = ruler(nlp.make_doc(text))
    assert sorted(s.text for s in doc.spans["x"]) == sorted(expected)
    assert [s.text for s in doc.spans["x"]] == [s.text for s in SpanRuler.match(ruler, doc)]


def test_a_section_without_trigger_words_runs_no_matcher() -> None:
    nlp = spacy.blank("nl")
    ruler = GatedSpanRuler(nlp, spans_key="contacts", overwrite=True)
    ruler.add_patterns(load_rules("contacts"))
    doc = ruler(nlp.make_doc("Ter terechtzitting is de zaak inhoudelijk behandeld."))
    assert list(doc.spans["contacts"]) == []
    assert ruler._subsets == {}
