"""The review loop: one key per decision, notes, flags, marked evidence; and `rulings label`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rulings.classify.review import Reviewer, card, mark
from rulings.classify.score import retrain, score_store
from rulings.cli import _register, cli
from rulings.models import Candidate, Evidence, Role

_register()


@pytest.fixture
def scored_store(filled_store, no_default):
    score_store(filled_store, retrain(filled_store, evaluate=False))
    return filled_store


def _reviewer(store, keys: str, notes: list[str] | None = None, shown: list[str] | None = None):
    pressed = iter(keys)
    typed = iter(notes or [])
    out = shown if shown is not None else []
    return Reviewer(
        store,
        read_key=lambda: next(pressed, "q"),
        read_note=lambda: next(typed),
        echo=out.append,
    )


def test_keys_include_exclude_skip_and_quit(scored_store):
    summary = _reviewer(scored_store, "iesq").run()
    labels = scored_store.labels()
    assert (summary.included, summary.excluded, summary.skipped, summary.seen) == (1, 1, 1, 3)
    assert [v["label"] for v in labels.values()].count("include") == 1
    assert len(labels) == 2  # skip stores nothing


def test_note_is_stored_with_the_decision_and_unknown_keys_ask_again(scored_store):
    shown: list[str] = []
    _reviewer(scored_store, "xni", ["betaalde € 300 via Kinky"], shown).run(limit=1)
    [label] = scored_store.labels().values()
    assert label["label"] == "include" and label["note"] == "betaalde € 300 via Kinky"
    assert label["at"]
    assert "unknown key 'x'" in shown


def test_reviewed_rulings_do_not_come_back(scored_store):
    _reviewer(scored_store, "ee").run()
    first = set(scored_store.labels())
    shown: list[str] = []
    _reviewer(scored_store, "q", shown=shown).run()
    assert not any(ecli in text for text in shown for ecli in first)
    assert any(text.startswith("1/18") for text in shown)  # 20 scored, 2 decided


def test_card_shows_flags_reasons_and_marks_the_found_words():
    candidate = Candidate(
        ecli="ECLI:NL:GHSHE:2016:7040",
        score=0.87,
        court="Gerechtshof 's-Hertogenbosch",
        case_numbers=("20-001234-16",),
        articles=("248b Sr",),
        victim_ages=(16,),
        reasons=("payment: € 150 (bewijs)",),
        flags=("acquittal", "appeal"),
    )
    sentence = "Verdachte heeft [slachtoffer] € 150 betaald voor seks in een hotel."
    evidence = Evidence(1, Role.BEWIJS, 28, 33, "€ 150", sentence)
    text = card(candidate, [evidence], "", "3/40")
    assert text.startswith("3/40")
    for part in ("ACQUITTAL", "APPEAL", "20-001234-16", "+ payment: € 150 (bewijs)", "- bewijs:"):
        assert part in text
    assert "\x1b[" in mark(sentence, ["€ 150"])  # styled on a terminal
    assert mark(sentence, []) == sentence


def test_metadata_only_card_marks_the_word_groups_in_the_summary():
    candidate = Candidate(ecli="ECLI:NL:RBNNE:2019:4411", score=0.6, flags=("metadata-only",))
    summary = "Verdachte heeft een 15-jarig meisje tegen betaling seks laten hebben."
    text = card(candidate, [], summary, "1/1")
    assert "METADATA-ONLY" in text and "- inhoudsindicatie:" in text
    assert "\x1b[33m\x1b[1mtegen betaling" in text


def test_review_command_reads_keys_and_notes_from_input(scored_store):
    result = CliRunner().invoke(
        cli, ["--db", str(scored_store.path), "review"], input="nbetaald 40 euro\nieq"
    )
    assert result.exit_code == 0, result.output
    assert "1/20" in result.output and "2/20" in result.output
    assert "2 of 20 reviewed: 1 included, 1 excluded, 0 skipped" in result.output
    notes = [v["note"] for v in scored_store.labels().values()]
    assert "betaald 40 euro" in notes


def test_label_command_stores_and_rejects_unknown_eclis(filled_store):
    runner = CliRunner()
    db = ["--db", str(filled_store.path)]
    ok = runner.invoke(cli, [*db, "label", "ecli:nl:rbmne:2018:300", "include", "--note", "14 jr"])
    assert ok.exit_code == 0, ok.output
    assert filled_store.labels()["ECLI:NL:RBMNE:2018:300"]["note"] == "14 jr"
    missing = runner.invoke(cli, [*db, "label", "ECLI:NL:RBXXX:2018:1", "exclude"])
    assert missing.exit_code == 1
    assert "not in the store" in missing.output and "Traceback" not in missing.output
    wrong = runner.invoke(cli, [*db, "label", "ECLI:NL:RBMNE:2018:300", "maybe"])
    assert wrong.exit_code == 2
