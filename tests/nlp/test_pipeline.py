"""The assembled pipeline: component order, line breaks as sentence ends, version stamp."""

from __future__ import annotations

from pathlib import Path

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


def test_a_sentence_starts_at_its_opening_bracket_or_quote(nlp) -> None:
    doc = nlp(
        "In de auto lagen 48 bolletjes. [naam 1], die toen 16 jaar oud was, heeft verklaard. "
        'Zij zei: "Ik was toen 15." "Hij betaalde mij." Dat volgt uit het dossier (zie hiervoor).'
    )
    assert [s.text for s in doc.sents] == [
        "In de auto lagen 48 bolletjes.",
        "[naam 1], die toen 16 jaar oud was, heeft verklaard.",
        'Zij zei: "Ik was toen 15."',
        '"Hij betaalde mij."',
        "Dat volgt uit het dossier (zie hiervoor).",
    ]


def test_the_version_changes_with_the_extraction_code(monkeypatch, tmp_path) -> None:
    from rulings.nlp import pipeline

    before = pipeline_version()
    package = tmp_path / "rulings" / "nlp"
    package.mkdir(parents=True)
    for path in Path(pipeline.__file__).parent.glob("*.py"):
        (package / path.name).write_bytes(path.read_bytes())
    (package.parent / "extract.py").write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "__file__", str(package / "pipeline.py"))
    assert pipeline_version() != before
