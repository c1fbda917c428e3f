"""Scoring logic of rulings.evaluate on hand-made predictions, and the validity of eval/gold/."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rulings.cli import _register, cli
from rulings.errors import ConfigError, ParseError
from rulings.evaluate import (
    Report,
    evaluate,
    evaluate_passages,
    format_report,
    main,
    normalise_ecli,
    predictions_from_dir,
)
from rulings.gold import load_gold, load_passages

GOLD_DIR = Path(__file__).resolve().parents[1] / "eval" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
XML_FILES = sorted(GOLD_DIR.glob("*.xml"))

SECTION_TEXT = """veroordeelt verdachte tot een gevangenisstraf voor de duur van 5 (vijf) maanden;
bepaalt dat van deze gevangenisstraf een gedeelte, groot 2 (twee) maanden, niet zal worden ten
uitvoer gelegd, tenzij de rechter later anders gelast (proeftijd 2 jaren);
veroordeelt verdachte tot een taakstraf voor de duur van 180 (honderdtachtig) uren, subsidiair
90 (negentig) dagen hechtenis.
"""


def sanction(kind: str, actor: str, **amounts: Any) -> dict[str, Any]:
    base = {"days": None, "hours": None, "euros": None, "probation_days": None}
    return (
        {"kind": kind, "actor": actor, "suspended_days": 0, "suspended_hours": 0} | base | amounts
    )


def gold_item(**overrides: Any) -> dict[str, Any]:
    """A 248b beslissing with one finding of every type, as a gold file states it."""
    gold = {
        "id": "t_item",
        "role": "beslissing",
        "ecli": None,
        "articles": [{"article": "248b", "law": "Sr", "paragraph": None, "attempt": False}],
        "sanctions": [
            sanction("gevangenisstraf", "imposed", days=152, suspended_days=61, probation_days=730),
            sanction("taakstraf", "imposed", hours=180),
            sanction("gevangenisstraf", "demanded", days=183),
        ],
        "acquittal": False,
        "ages": [{"value": 16, "subject": "victim"}],
        "payment": True,
        "circumstances": [{"code": "M_CLEAN_RECORD", "raised_by": "court", "rejected": False}],
        "references": [{"kind": "ecli", "value": "ECLI:NL:HR:2018:202"}],
    }
    return gold | overrides


def write_item(folder: Path, gold: dict[str, Any], text: str = SECTION_TEXT) -> Path:
    path = folder / f"{gold['id']}.txt"
    path.write_text(text, encoding="utf-8")
    (folder / f"{gold['id']}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return path


def run(tmp_path: Path, gold: dict[str, Any], prediction: dict[str, Any]) -> Report:
    write_item(tmp_path, gold)
    return evaluate(lambda path, role: prediction, tmp_path)


# --- scoring ------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere(tmp_path: Path) -> None:
    gold = gold_item()
    report = run(tmp_path, gold, copy.deepcopy(gold))
    for name, score in report.scores.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), name
    assert all(acc.value == 1.0 for acc in report.accuracies.values())
    assert report.items[0].mismatches == []


def test_missed_sanction_lowers_recall_not_precision(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"] = prediction["sanctions"][:2]
    report = run(tmp_path, gold_item(), prediction)
    assert report.scores["sanctions"].recall == pytest.approx(2 / 3)
    assert report.scores["sanctions"].precision == 1.0
    assert "sanction missed: demanded gevangenisstraf 183 d" in report.items[0].mismatches


def test_substitute_detention_read_as_hechtenis_is_an_invented_sanction(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"].append(sanction("hechtenis", "imposed", days=90))
    report = run(tmp_path, gold_item(), prediction)
    assert report.scores["sanctions"].precision == pytest.approx(3 / 4)
    assert report.scores["imposed principal"].precision == pytest.approx(2 / 3)
    assert report.scores["imposed principal"].recall == 1.0


def test_a_sentence_counted_twice_is_one_too_many(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"].append(sanction("taakstraf", "imposed", hours=180))
    report = run(tmp_path, gold_item(), prediction)
    assert (report.scores["sanctions"].tp, report.scores["sanctions"].fp) == (3, 1)


@pytest.mark.parametrize(
    ("predicted_days", "matches"),
    [
        (152, True),  # 5 months at 365.25/12 days each
        (153, True),  # rounding up instead of to nearest: within the tolerance
        (150, False),  # 5 months counted as 30-day months
        (None, False),
    ],
)
def test_days_match_within_one_day(
    tmp_path: Path, predicted_days: int | None, matches: bool
) -> None:
    prediction = gold_item()
    prediction["sanctions"][0]["days"] = predicted_days
    report = run(tmp_path, gold_item(), prediction)
    assert (report.scores["imposed principal"].tp == 2) is matches


def test_wrong_actor_is_a_miss_and_an_invention(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"][2]["actor"] = "imposed"
    report = run(tmp_path, gold_item(), prediction)
    assert (report.scores["sanctions"].fp, report.scores["sanctions"].fn) == (1, 1)


def test_wrong_suspended_part_is_counted_on_the_matched_sanction(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"][0]["suspended_days"] = 0
    report = run(tmp_path, gold_item(), prediction)
    assert report.scores["sanctions"].tp == 3
    assert report.accuracies["suspended part (imposed)"].correct == 1
    assert report.accuracies["suspended part (imposed)"].total == 2
    assert any(note.startswith("suspended part wrong") for note in report.items[0].mismatches)


def test_wrong_proeftijd_counts_as_a_wrong_suspended_part(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"][0]["probation_days"] = 365
    report = run(tmp_path, gold_item(), prediction)
    assert report.accuracies["suspended part (imposed)"].value == pytest.approx(1 / 2)


def test_stock_acquittal_clause_read_as_acquittal_is_wrong(tmp_path: Path) -> None:
    report = run(tmp_path, gold_item(), gold_item(acquittal=True))
    assert report.accuracies["acquittal"].value == 0.0
    assert "acquittal: gold False, predicted True" in report.items[0].mismatches


def test_statutory_bracket_is_not_a_victim_age(tmp_path: Path) -> None:
    bracket = {"value": 16, "subject": "victim", "kind": "bracket", "upper": 18}
    prediction = gold_item(ages=[{"value": 16, "subject": "victim", "kind": "stated"}, bracket])
    prediction["ages"].append({"value": 12, "subject": "victim", "kind": "bracket"})
    report = run(tmp_path, gold_item(), prediction)
    assert report.accuracies["victim age"].value == 1.0
    assert report.scores["ages"].fp == 0


def test_claimed_age_makes_the_victim_age_wrong(tmp_path: Path) -> None:
    prediction = gold_item(
        ages=[{"value": 16, "subject": "victim"}, {"value": 18, "subject": "victim"}]
    )
    report = run(tmp_path, gold_item(), prediction)
    assert report.accuracies["victim age"].value == 0.0
    assert "age extra: 18 victim" in report.items[0].mismatches


def test_age_marked_as_claimed_is_not_an_age(tmp_path: Path) -> None:
    claimed = {"value": 18, "subject": "victim", "kind": "claimed"}
    prediction = gold_item(ages=[{"value": 16, "subject": "victim", "kind": "stated"}, claimed])
    report = run(tmp_path, gold_item(), prediction)
    assert report.accuracies["victim age"].value == 1.0
    assert report.scores["ages"].fp == 0


def test_victim_age_where_the_gold_has_none_is_counted_apart(tmp_path: Path) -> None:
    report = run(tmp_path, gold_item(ages=[]), gold_item(ages=[{"value": 19, "subject": "victim"}]))
    assert "victim age" not in report.accuracies
    assert report.accuracies["no victim age"].value == 0.0


def test_circumstance_needs_the_right_raiser(tmp_path: Path) -> None:
    circumstances = [
        {"code": "M_CLEAN_RECORD", "raised_by": "defence", "rejected": False},
        {"code": "A_FREQUENCY", "raised_by": "unknown", "rejected": False},
    ]
    report = run(tmp_path, gold_item(), gold_item(circumstances=circumstances))
    score = report.scores["circumstances"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    assert report.unscored_circumstances == 1


def test_rejected_plea_is_judged_on_matched_circumstances(tmp_path: Path) -> None:
    gold = gold_item(circumstances=[{"code": "M_MEDIA", "raised_by": "defence", "rejected": True}])
    prediction = gold_item(circumstances=[{"code": "M_MEDIA", "raised_by": "defence"}])
    report = run(tmp_path, gold, prediction)
    assert report.scores["circumstances"].tp == 1
    assert report.accuracies["circumstance rejected"].value == 0.0


def test_references_repair_broken_eclis_and_count_markers_once(tmp_path: Path) -> None:
    gold = gold_item(
        references=[
            {"kind": "ecli", "value": "ECLI:NL:HR:2018:231"},
            {"kind": "ecli", "value": "ECLI:NL:RBZWB:2016:8757"},
            {"kind": "valkenburg_hr", "value": "ECLI:NL:HR:2018:231"},
            {"kind": "named_case", "value": "Schiedamse kelderbox-zaak"},
        ]
    )
    prediction = gold_item(
        references=[
            {"kind": "ecli", "value": "ECLI:N-L:HR:2018:231"},
            {"kind": "ecli", "value": "ECLI:RBZWB:2016:8757"},
            {"kind": "valkenburg_hr", "value": "HR 20 februari 2018"},
            {"kind": "valkenburg_hr", "value": "ECLI:NL:HR:2018:231"},
            {"kind": "named_case", "value": "Schiedamse kelderboxzaak"},
        ]
    )
    report = run(tmp_path, gold, prediction)
    assert report.scores["references"].f1 == 1.0
    other = gold_item(references=[{"kind": "named_case", "value": "Valkenburgse zedenzaak"}])
    assert run(tmp_path, gold, other).scores["references"].tp == 0


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("ECLI:N-L:HR:2018:231", "ECLI:NL:HR:2018:231"),
        ("ECLI:RBZWB:2016:8757", "ECLI:NL:RBZWB:2016:8757"),
        ("ecli:nl:ghdha:2018:2598", "ECLI:NL:GHDHA:2018:2598"),
        ("ECLI:NL:HR:2009:BI7099", "ECLI:NL:HR:2009:BI7099"),
    ],
)
def test_normalise_ecli(broken: str, repaired: str) -> None:
    assert normalise_ecli(broken) == repaired


def test_articles_compare_on_article_and_normalised_law(tmp_path: Path) -> None:
    gold = gold_item(
        articles=[
            {"article": "248b", "law": "Sr", "paragraph": None, "attempt": False},
            {"article": "8", "law": "WVW", "paragraph": "2", "attempt": False},
        ]
    )
    prediction = gold_item(
        articles=[
            {"article": "248B", "law": "Wetboek van Strafrecht", "paragraph": "1"},
            {"article": "8", "law": "WVW 1994"},
            {"article": "248b", "law": "Sv"},
        ]
    )
    report = run(tmp_path, gold, prediction)
    score = report.scores["articles"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert "article extra: 248b Sv" in report.items[0].mismatches


def test_payment_may_come_as_the_list_of_mentions(tmp_path: Path) -> None:
    mentions = [{"kind": "in_kind", "goods": "sigaretten", "euros": None}]
    report = run(tmp_path, gold_item(), gold_item(payment=mentions))
    assert report.accuracies["payment"].value == 1.0


def test_extra_keys_of_the_pipeline_output_are_ignored(tmp_path: Path) -> None:
    prediction = gold_item(pipeline_version="0.1", contacts=[{"kind": "platform"}])
    for finding in prediction["sanctions"] + prediction["articles"]:
        finding["evidence"] = {"start": 0, "end": 10, "text": "...", "sentence": "..."}
    report = run(tmp_path, gold_item(), prediction)
    assert report.items[0].mismatches == []


def test_failed_prediction_is_recorded_and_scored_as_empty(tmp_path: Path) -> None:
    def predict(path: Path, role: str | None) -> dict[str, Any]:
        raise ParseError(path.name, "not an open-rechtspraak document")

    write_item(tmp_path, gold_item())
    report = evaluate(predict, tmp_path)
    assert report.items[0].error == "t_item.txt: not an open-rechtspraak document"
    assert report.scores["sanctions"].recall == 0.0
    assert "prediction failed" in format_report(report, details=True)


def test_predictor_gets_the_role_of_a_section_and_none_for_a_ruling(tmp_path: Path) -> None:
    write_item(tmp_path, gold_item())
    xml_gold = gold_item(id="ECLI_NL_RBLIM_2016_9001", role=None, ecli="ECLI:NL:RBLIM:2016:9001")
    (tmp_path / "ECLI_NL_RBLIM_2016_9001.xml").write_text("<open-rechtspraak/>", encoding="utf-8")
    (tmp_path / "ECLI_NL_RBLIM_2016_9001.gold.json").write_text(json.dumps(xml_gold))
    calls: list[tuple[str, str | None]] = []

    def predict(path: Path, role: str | None) -> dict[str, Any]:
        calls.append((path.name, role))
        return {}

    evaluate(predict, tmp_path)
    assert calls == [("ECLI_NL_RBLIM_2016_9001.xml", None), ("t_item.txt", "beslissing")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sanctions": [sanction("werkstraf", "imposed", hours=80)]}, "kind 'werkstraf'"),
        ({"ages": [{"value": 15, "subject": "slachtoffer"}]}, "subject 'slachtoffer'"),
        ({"role": "straf"}, "not a section role"),
        ({"id": "other_name"}, "differs from the file name"),
        ({"payment": "yes"}, "true or false"),
    ],
)
def test_load_gold_refuses_a_broken_gold_file(tmp_path: Path, change: dict, message: str) -> None:
    gold = gold_item()
    write_item(tmp_path, gold)
    (tmp_path / "t_item.gold.json").write_text(json.dumps(gold | change), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_gold(tmp_path)


def test_load_gold_needs_the_text_beside_the_gold(tmp_path: Path) -> None:
    (tmp_path / "t_item.gold.json").write_text(json.dumps(gold_item()), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"needs exactly one t_item\.xml or t_item\.txt"):
        load_gold(tmp_path)


def test_format_report_prints_a_row_per_finding_type(tmp_path: Path) -> None:
    prediction = gold_item()
    prediction["sanctions"].pop()
    table = format_report(run(tmp_path, gold_item(), prediction))
    assert re.search(r"^sanctions\s+2\s+0\s+1\s+1\.000\s+0\.667\s+0\.800$", table, re.M)
    assert re.search(r"^acquittal\s+1\s+1\s+1\.000$", table, re.M)
    assert "1 items, 0 without a mismatch, 0 failed" in table


def test_main_scores_saved_predictions(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    gold_dir, saved = tmp_path / "gold", tmp_path / "saved"
    gold_dir.mkdir()
    saved.mkdir()
    write_item(gold_dir, gold_item())
    (saved / "t_item.json").write_text(json.dumps(gold_item()), encoding="utf-8")
    assert main([str(gold_dir), str(saved)]) == 0
    assert "1 items, 1 without a mismatch, 0 failed" in capsys.readouterr().out
    assert main([str(tmp_path / "missing"), str(saved)]) == 1
    assert "gold folder not found" in capsys.readouterr().err


def test_saved_prediction_missing_is_a_failed_item(tmp_path: Path) -> None:
    write_item(tmp_path, gold_item())
    report = evaluate(predictions_from_dir(tmp_path / "none"), tmp_path)
    assert "no saved prediction for t_item.txt" in (report.items[0].error or "")


# --- the gold set -------------------------------------------------------------------------


def test_gold_set_has_the_agreed_size_and_mix() -> None:
    texts = list(GOLD_DIR.glob("*.txt"))
    assert len(GOLD_FILES) >= 44
    assert len(XML_FILES) >= 16
    assert len(texts) >= 28


# --- age passages -------------------------------------------------------------------------

PASSAGES = [
    {
        "id": "p1",
        "role": "bewijs",
        "text": "De toen 15-jarige [slachtoffer] stapte bij de 41-jarige verdachte in de auto.",
        "ages": [{"value": 15, "subject": "victim"}, {"value": 41, "subject": "suspect"}],
    },
    {
        "id": "p2",
        "role": "strafmotivering",
        "text": "De thans 19-jarige aangeefster heeft een spreekrecht uitgeoefend.",
        "ages": [],
    },
]


def write_passages(folder: Path, passages: list[dict[str, Any]]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "passages.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in passages) + "\n", encoding="utf-8")
    return path


def test_passages_score_ages_and_the_victim_age_only(tmp_path: Path) -> None:
    path = write_passages(tmp_path, PASSAGES)
    answers = {
        PASSAGES[0]["text"]: [
            {"value": 15, "subject": "other"},
            {"value": 41, "subject": "suspect"},
        ],
        PASSAGES[1]["text"]: [{"value": 19, "subject": "victim", "kind": "claimed"}],
    }
    roles: list[str] = []

    def predict(text: str, role: str) -> dict[str, Any]:
        roles.append(role)
        return {"ages": answers[text]}

    report = evaluate_passages(predict, path)
    assert roles == ["bewijs", "strafmotivering"]
    ages = report.scores["ages"]
    assert (ages.tp, ages.fp, ages.fn) == (1, 1, 1)
    assert report.accuracies["victim age"].correct == 0
    assert report.accuracies["no victim age"].correct == 1  # a claimed age is no age
    assert set(report.scores) == {"ages"}
    table = format_report(report, details=True)
    assert "articles" not in table and "circumstances" not in table
    assert "age missed: 15 victim" in table and "age extra: 15 other" in table


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "role": "bewijs", "text": "x"}', "needs the keys"),
        ('{"id": "a", "role": "vonnis", "text": "x", "ages": []}', "not a section role"),
        ('{"id": "a", "role": "bewijs", "text": "x", "ages": [{"value": "15"}]}', "whole-number"),
        (
            '{"id": "a", "role": "bewijs", "text": "x",'
            ' "ages": [{"value": 15, "subject": "kind"}]}',
            "victim, suspect or other",
        ),
        ('{"id": "a", "role": "bewijs", "text": "x", "ages": []', "not valid JSON"),
    ],
)
def test_load_passages_names_the_broken_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "passages.jsonl"
    good = json.dumps(PASSAGES[0])
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"passages.jsonl:2: .*{message}"):
        load_passages(path)


def test_load_passages_refuses_a_repeated_id(tmp_path: Path) -> None:
    path = write_passages(tmp_path, [PASSAGES[0], PASSAGES[0]])
    with pytest.raises(ConfigError, match=r":2: id 'p1' is not a new string"):
        load_passages(path)


def test_evaluate_command_scores_an_age_corpus_with_the_pipeline(tmp_path: Path) -> None:
    _register()
    write_passages(tmp_path / "corpus", PASSAGES)
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(tmp_path / "corpus"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["scores"]["ages"] == {"tp": 2, "fp": 0, "fn": 0}
    assert report["accuracies"]["victim age"] == {"correct": 1, "total": 1}
    assert report["accuracies"]["no victim age"] == {"correct": 1, "total": 1}


EVAL = Path(__file__).resolve().parents[1] / "eval"
# Development corpora of age passages and the victim-age accuracy each keeps (their READMEs).
AGE_CORPORA = {"age-passages": 0.94, "age-passages-2": 0.90}


@pytest.mark.parametrize("name", sorted(AGE_CORPORA))
def test_an_age_corpus_is_large_and_mixed_enough(name: str) -> None:
    passages = load_passages(EVAL / name / "passages.jsonl")
    with_victim = [p for p in passages if any(s == "victim" for _, s in p.ages)]
    assert len(passages) >= 200
    assert len(with_victim) >= 100
    assert len({p.role for p in passages}) >= 6
    assert sum(1 for p in passages if p.ages and p not in with_victim) >= 20


@pytest.mark.parametrize("name", sorted(AGE_CORPORA))
def test_the_age_rules_keep_their_accuracy_on_an_age_corpus(name: str) -> None:
    """A rule change that loses what the rules were built to read shows here."""
    _register()
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(EVAL / name), "--json"])
    assert result.exit_code == 0, result.output
    victim = json.loads(result.output)["accuracies"]["victim age"]
    assert victim["total"] >= 100
    assert victim["correct"] / victim["total"] >= AGE_CORPORA[name]
