"""The assembled pipeline: component order, line breaks as sentence ends, version stamp."""

from __future__ import annotations

from rulings.nlp.pipeline import COMPONENTS, VERSION_KEY, pipeline_version


def test_components_run_in_the_listed_order(nlp) -> None:
    assert nlp.pipe_names == ["sentencizer", "rulings_paragraphs", *COMPONENTS]


def test_a_line_break_ends_a_sentence(nlp) -> None:
    doc = nlp("Feit 1:\n- oplegging van een taakstraf van 120 uren\nDe rechtbank overweegt. Zij")
    assert [s.text.strip() for s in doc.sents] == [
        "Feit 1:",
        "- oplegging van een taakstraf van 120 uren",
        "De rechtbank overweegt.",
        "Zij",
    ]


def test_pipeline_version_names_code_and_patterns(nlp) -> None:
    version = pipeline_version()
    assert nlp.meta[VERSION_KEY] == version
    code, _, digest = version.partition("+")
    assert code and len(digest) == 12
