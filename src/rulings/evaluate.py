"""Score the extraction pipeline against the hand-annotated gold set in eval/gold/.

Each gold item is a ruling (``<id>.xml``) or a section of one (``<id>.txt``, whose role is the
``role`` key of its gold file) beside ``<id>.gold.json``, which lists every finding a careful
reader takes from the text, in the shape ``rulings analyze FILE --json`` prints. ``evaluate``
asks a predictor for each file and counts, per finding type, what was found, missed and invented;
eval/README.md states the annotation conventions the gold follows.

A predictor is any callable ``predict(path, role)`` returning the analyze-JSON dict; ``role`` is
the gold role for a ``.txt`` section and ``None`` for a whole ruling. Keys the gold does not know
are ignored, so the real pipeline's output (with evidence, spans, regimes) can be scored as is.
This module imports neither spaCy nor the nlp package: the CLI hands it the real pipeline.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rulings.errors import ConfigError, RulingsError
from rulings.gold import (
    MARKER_KINDS,
    PASSAGES_FILE,
    PRINCIPAL_KINDS,
    RAISERS,
    load_gold,
    load_passages,
)

NOT_AGES = frozenset({"bracket", "claimed"})
Predict = Callable[[Path, str | None], Mapping[str, Any]]
PredictText = Callable[[str, str], Mapping[str, Any]]


# Day counts are normalised with 1 month = 365.25/12 days and rounded; allow that rounding.
DAY_TOLERANCE = 1
LAW_ALIASES = {
    "wetboek van strafrecht": "Sr",
    "wvsr": "Sr",
    "wetboek van strafvordering": "Sv",
    "wvsv": "Sv",
    "wegenverkeerswet 1994": "WVW",
    "wvw 1994": "WVW",
    "wet op de rechterlijke organisatie": "RO",
    "wet ro": "RO",
}


@dataclass
class Score:
    """Found (tp), invented (fp) and missed (fn) findings of one type, summed over items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn


@dataclass
class Accuracy:
    """How many judgements (one per item, or one per matched finding) were right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, right: bool) -> None:
        self.total += 1
        self.correct += int(right)


@dataclass
class ItemResult:
    """What went wrong on one gold item; no mismatches and no error is a perfect prediction."""

    id: str
    mismatches: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class Report:
    """Scores over the whole gold set plus the per-item mismatches to debug from."""

    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    items: list[ItemResult] = field(default_factory=list)
    unscored_circumstances: int = 0

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())


# --- scoring -----------------------------------------------------------------------------


def evaluate(predict: Predict, gold_dir: Path) -> Report:
    """Run ``predict`` on every gold item and score what it returns.

    A prediction that fails with a RulingsError is recorded on its item and scored as empty,
    so one unreadable file costs recall instead of stopping the run.
    """
    report = Report()
    for item in load_gold(gold_dir):
        result = ItemResult(item.id)
        predicted = _safely(result, lambda item=item: predict(item.path, item.role))
        score_item(item.gold, predicted, report, result.mismatches)
        report.items.append(result)
    return report


def evaluate_passages(predict: PredictText, path: Path) -> Report:
    """Score ages only, on an age corpus (``passages.jsonl``, see eval/age-passages/README.md):
    ``predict(text, role)`` returns the analyze-JSON dict of one passage."""
    report = Report()
    for passage in load_passages(path):
        result = ItemResult(passage.id)
        predicted = _safely(result, lambda p=passage: predict(p.text, p.role))
        gold = {"ages": [{"value": v, "subject": s} for v, s in passage.ages]}
        _score_ages(gold, predicted, report, result.mismatches)
        report.items.append(result)
    return report


def _safely(result: ItemResult, call: Callable[[], Mapping[str, Any]]) -> Mapping[str, Any]:
    """The prediction, or nothing with the error kept on the item's result."""
    try:
        return call()
    except RulingsError as err:
        result.error = str(err)
        return {}


def is_passage_corpus(folder: Path) -> bool:
    """A folder holding an age corpus rather than gold rulings and sections."""
    return (folder / PASSAGES_FILE).is_file()


def score_item(
    gold: Mapping[str, Any], pred: Mapping[str, Any], report: Report, notes: list[str]
) -> None:
    """Add one item's comparison to ``report`` and its mismatches to ``notes``."""
    _score_sets(report.score("articles"), _articles(gold), _articles(pred), "article", notes)
    _score_sanctions(gold["sanctions"], pred.get("sanctions") or [], report, notes)
    acquitted = bool(pred.get("acquittal"))
    _judge(report.accuracy("acquittal"), "acquittal", gold["acquittal"], acquitted, notes)
    paid = bool(pred.get("payment"))  # a bool, or the list of payment mentions
    _judge(report.accuracy("payment"), "payment", gold["payment"], paid, notes)
    _score_ages(gold, pred, report, notes)
    _score_circumstances(gold, pred, report, notes)
    _score_sets(report.score("references"), _refs(gold), _refs(pred), "reference", notes)
    if gold["ecli"]:
        _judge(report.accuracy("ecli"), "ecli", gold["ecli"], pred.get("ecli"), notes)


def _judge(acc: Accuracy, name: str, want: Any, got: Any, notes: list[str]) -> None:
    acc.add(want == got)
    if want != got:
        notes.append(f"{name}: gold {want!r}, predicted {got!r}")


def _score_sets(score: Score, gold: set[Any], pred: set[Any], name: str, notes: list[str]) -> None:
    score.add(len(gold & pred), len(pred - gold), len(gold - pred))
    notes += [f"{name} missed: {_show(x)}" for x in sorted(gold - pred, key=str)]
    notes += [f"{name} extra: {_show(x)}" for x in sorted(pred - gold, key=str)]


def _show(key: Any) -> str:
    return " ".join(str(part) for part in key) if isinstance(key, tuple) else str(key)


def _law(law: Any) -> str:
    text = re.sub(r"\s+", " ", str(law or "")).strip().rstrip(".")
    return LAW_ALIASES.get(text.casefold(), text)


def _articles(found: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {
        (re.sub(r"\s+", "", str(a.get("article", ""))).casefold(), _law(a.get("law")))
        for a in found.get("articles") or []
    }


def normalise_ecli(value: str) -> str:
    """Repair the broken forms reports print ("ECLI:N-L:HR:2018:231", "ECLI:RBZWB:2016:8757")."""
    parts = re.sub(r"\s+", "", value).upper().replace("N-L", "NL").split(":")
    if len(parts) == 4 and parts[0] == "ECLI" and parts[1] != "NL":
        parts.insert(1, "NL")
    return ":".join(parts)


def _refs(found: Mapping[str, Any]) -> set[tuple[str, str]]:
    keys = set()
    for ref in found.get("references") or []:
        kind, value = ref.get("kind"), str(ref.get("value") or "")
        if kind in MARKER_KINDS:
            keys.add((kind, ""))
        elif kind == "ecli":
            keys.add((kind, normalise_ecli(value)))
        else:
            keys.add((kind, re.sub(r"[\s-]+", "", value).casefold()))  # "kelderbox-zaak"
    return keys


def _score_ages(gold: Mapping[str, Any], pred: Mapping[str, Any], rep: Report, notes: list[str]):
    """Ages as (value, subject) pairs. Not ages (eval/README.md): a statutory bracket, and an age
    someone claimed or an advertisement stated, when the prediction marks it as such."""
    want = {(a["value"], a["subject"]) for a in gold["ages"]}
    ages = [a for a in pred.get("ages") or [] if a.get("kind") not in NOT_AGES]
    got = {(a.get("value"), a.get("subject")) for a in ages}
    _score_sets(rep.score("ages"), want, got, "age", notes)
    want_victim = sorted(v for v, s in want if s == "victim")
    got_victim = sorted(v for v, s in got if s == "victim" and isinstance(v, int))
    name = "victim age" if want_victim else "no victim age"
    rep.accuracy(name).add(want_victim == got_victim)


def _score_circumstances(gold: Mapping[str, Any], pred: Mapping[str, Any], rep: Report, notes):
    """(code, raised_by) pairs. Findings nobody raised (outside plea, demand and sentencing
    reasons) are not study data: they stay unscored, but are counted."""
    want = {(c["code"], c["raised_by"]): c["rejected"] for c in gold["circumstances"]}
    got: dict[tuple[str, str], bool] = {}
    for c in pred.get("circumstances") or []:
        if c.get("raised_by") in RAISERS:
            got[(c.get("code"), c["raised_by"])] = bool(c.get("rejected"))
        else:
            rep.unscored_circumstances += 1
    _score_sets(rep.score("circumstances"), set(want), set(got), "circumstance", notes)
    for key in sorted(set(want) & set(got)):
        _judge(rep.accuracy("circumstance rejected"), f"rejected {key}", want[key], got[key], notes)


# --- sanctions ---------------------------------------------------------------------------


def _score_sanctions(gold: list[dict], pred: list[dict], rep: Report, notes: list[str]) -> None:
    pairs, missed, extra = match_sanctions(gold, pred)
    rep.score("sanctions").add(len(pairs), len(extra), len(missed))
    notes += [f"sanction missed: {_describe(s)}" for s in missed]
    notes += [f"sanction extra: {_describe(s)}" for s in extra]
    principal = match_sanctions(
        [s for s in gold if _is_principal_imposed(s)], [s for s in pred if _is_principal_imposed(s)]
    )
    rep.score("imposed principal").add(len(principal[0]), len(principal[2]), len(principal[1]))
    for want, got in pairs:
        if want["actor"] in ("imposed", "demanded"):
            right = _suspension_matches(want, got)
            rep.accuracy(f"suspended part ({want['actor']})").add(right)
            if not right:
                notes.append(f"suspended part wrong: {_describe(want)}; predicted {_describe(got)}")


def _is_principal_imposed(s: Mapping[str, Any]) -> bool:
    return s.get("kind") in PRINCIPAL_KINDS and s.get("actor") == "imposed"


def match_sanctions(
    gold: Iterable[dict], pred: Iterable[dict]
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair gold and predicted sanctions on kind, actor and amount: (pairs, missed, extra).

    Amounts are compared only where the gold states one (days within DAY_TOLERANCE, hours and
    euros exactly); among several candidates the closest number of days wins.
    """
    free = list(pred)
    pairs, missed = [], []
    for want in gold:
        fits = [p for p in free if _same_sanction(want, p)]
        if not fits:
            missed.append(want)
            continue
        best = min(fits, key=lambda p: abs((p.get("days") or 0) - (want.get("days") or 0)))
        free.remove(best)
        pairs.append((want, best))
    return pairs, missed, free


def _same_sanction(want: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    if (want["kind"], want["actor"]) != (got.get("kind"), got.get("actor")):
        return False
    if want.get("days") is not None and not _days_close(want["days"], got.get("days")):
        return False
    if want.get("hours") is not None and want["hours"] != got.get("hours"):
        return False
    euros = want.get("euros")
    return euros is None or (got.get("euros") is not None and abs(euros - got["euros"]) < 0.005)


def _days_close(want: int | None, got: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    return abs(want - got) <= DAY_TOLERANCE


def _suspension_matches(want: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    """The suspended part and, where the gold has one, the proeftijd."""
    if not _days_close(want["suspended_days"], got.get("suspended_days") or 0):
        return False
    if want["suspended_hours"] != (got.get("suspended_hours") or 0):
        return False
    probation = want.get("probation_days")
    return probation is None or _days_close(probation, got.get("probation_days"))


def _describe(s: Mapping[str, Any]) -> str:
    parts = [str(s.get("actor")), str(s.get("kind"))]
    for key, unit in (("days", "d"), ("hours", "h"), ("euros", "EUR")):
        if s.get(key) is not None:
            parts.append(f"{s[key]:g} {unit}")
    suspended = s.get("suspended_days") or s.get("suspended_hours")
    if suspended:
        parts.append(f"(suspended {suspended}, proeftijd {s.get('probation_days')} d)")
    return " ".join(parts)


# --- output ------------------------------------------------------------------------------

SCORE_ORDER = ("articles", "sanctions", "imposed principal", "ages", "circumstances", "references")
ACCURACY_ORDER = ("suspended part (imposed)", "suspended part (demanded)", "acquittal", "payment")
ACCURACY_ORDER += ("victim age", "no victim age", "circumstance rejected", "ecli")


def format_report(report: Report, *, details: bool = False) -> str:
    """A plain-text table of the scores; with ``details`` also every item's mismatches."""
    lines = [f"{'finding':<28}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'F1':>8}"]
    ages_only = report.scores.keys() == {"ages"}  # an age corpus
    for name in ["ages"] if ages_only else SCORE_ORDER:
        s = report.scores.get(name, Score())
        numbers = f"{_pct(s.precision):>8}{_pct(s.recall):>8}{_pct(s.f1):>8}"
        lines.append(f"{name:<28}{s.tp:>5}{s.fp:>5}{s.fn:>5}{numbers}")
    lines += ["", f"{'judgement':<28}{'right':>7}{'of':>5}{'accuracy':>10}"]
    for name in [n for n in ACCURACY_ORDER if not ages_only or n in report.accuracies]:
        a = report.accuracies.get(name, Accuracy())
        lines.append(f"{name:<28}{a.correct:>7}{a.total:>5}{_pct(a.value):>10}")
    failed = sum(1 for i in report.items if i.error)
    perfect = sum(1 for i in report.items if not i.mismatches and not i.error)
    summary = f"{len(report.items)} items, {perfect} without a mismatch, {failed} failed"
    if not ages_only:
        summary += f"; {report.unscored_circumstances} circumstances without a raiser left unscored"
    lines += ["", summary]
    for item in report.items if details else []:
        if item.error or item.mismatches:
            lines.append(
                f"\n{item.id}:" + (f" prediction failed: {item.error}" if item.error else "")
            )
        lines += [f"  {note}" for note in item.mismatches]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def predictions_from_dir(folder: Path) -> Predict:
    """A predictor that reads ``<id>.json`` files saved from ``rulings analyze FILE --json``."""

    def predict(path: Path, role: str | None) -> Mapping[str, Any]:
        saved = folder / f"{path.stem}.json"
        if not saved.is_file():
            raise ConfigError(f"{saved}: no saved prediction for {path.name}")
        try:
            return json.loads(saved.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ConfigError(f"{saved}: not valid JSON ({err.msg})") from err

    return predict


USAGE = "python -m rulings.evaluate GOLD_DIR PREDICTIONS_DIR [--details]"


def main(argv: list[str] | None = None) -> int:
    """Run ``USAGE`` from the command line and return the exit code (2: usage, 1: error)."""
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if a != "--details"]
    if len(paths) != 2:
        print(f"usage: {USAGE}", file=sys.stderr)
        return 2
    try:
        report = evaluate(predictions_from_dir(Path(paths[1])), Path(paths[0]))
    except RulingsError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    print(format_report(report, details="--details" in args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
