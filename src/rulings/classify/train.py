"""Training: labelled examples from the store and the shipped table, a fit, cross-validation.

Labels, strongest first: a reviewer's include/exclude (``rulings label``, ``rulings review``),
then the weak labels of weak.py. Rulings the rules abstain on and nobody reviewed are not trained
on (they are scored). Examples come from the store and from the training table shipped with the
default model (the bundled sample); a ruling in the store replaces the shipped example of the
same ECLI, and a reviewer's label replaces the label of a shipped example too. So a fresh store
with a handful of labels still has the sample's examples to learn from.

Every ruling with a body is trained on twice: as a whole and as its summary-only copy (the
inhoudsindicatie and the findings in it), so the model learns to score rulings the ECLI index
gives without a body. Folds are grouped by ECLI, so no ruling is on both sides of a split.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedGroupKFold

from rulings.classify.evaluate import summarise
from rulings.classify.features import RulingInput, build_input, signal_names
from rulings.classify.model import (
    DEFAULT_DIR,
    FEATURES_VERSION,
    C,
    Model,
    make_pipeline,
    read_table,
    to_frame,
)
from rulings.classify.weak import weak_label
from rulings.errors import ModelError
from rulings.store import Store

MIN_PER_CLASS = 3
MAX_FOLDS = 5
REVIEW_LABELS = {"include": 1, "exclude": 0}


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled ruling: the whole ruling and (when it has a body) its summary-only copy."""

    ecli: str
    label: int
    source: str  # "review" or "weak:<rule>"
    full: RulingInput
    summary: RulingInput | None = None

    def inputs(self) -> list[RulingInput]:
        return [self.full] if self.summary is None else [self.full, self.summary]

    def to_json(self) -> dict[str, Any]:
        return {
            "ecli": self.ecli,
            "label": self.label,
            "source": self.source,
            "full": self.full.to_json(),
            "summary": self.summary.to_json() if self.summary else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Example:
        summary = data.get("summary")
        return cls(
            ecli=data["ecli"],
            label=int(data["label"]),
            source=data["source"],
            full=RulingInput.from_json(data["full"]),
            summary=RulingInput.from_json(summary) if summary else None,
        )


def store_examples(store: Store) -> list[Example]:
    """Every ruling of the store that has a reviewer's label or a weak label."""
    reviews = store.labels()
    examples = []
    for ruling in store.iter_rulings():
        findings = store.get_findings(ruling.ecli)
        full = build_input(ruling, findings)
        review = reviews.get(ruling.ecli, {}).get("label")
        if review in REVIEW_LABELS:
            label, source = REVIEW_LABELS[review], "review"
        else:
            weak = weak_label(ruling, findings, full)
            if weak is None:
                continue
            label, source = weak.label, f"weak:{weak.rule}"
        summary = None
        if ruling.has_body and ruling.inhoudsindicatie.strip():
            summary = build_input(ruling, findings, summary_only=True)
        examples.append(Example(ruling.ecli, label, source, full, summary))
    return examples


def shipped_examples() -> list[Example]:
    """The training table of the default model (the bundled sample)."""
    if not (DEFAULT_DIR / "training.json.gz").is_file():
        return []
    return [Example.from_json(row) for row in read_table(DEFAULT_DIR)]


def merge_examples(
    own: list[Example], base: list[Example], reviews: dict[str, dict[str, str]], known: set[str]
) -> list[Example]:
    """The store's examples, plus base examples of rulings the store does not hold.

    `known` is every ECLI in the store (also those the rules abstain on: the store's view of a
    ruling wins); a reviewer's label overrides a base example's label.
    """
    merged = {e.ecli: e for e in own}
    for example in base:
        if example.ecli in known:
            continue
        review = reviews.get(example.ecli, {}).get("label")
        if review in REVIEW_LABELS:
            example = Example(
                example.ecli, REVIEW_LABELS[review], "review", example.full, example.summary
            )
        merged[example.ecli] = example
    return [merged[k] for k in sorted(merged)]


def training_examples(store: Store, *, with_shipped: bool = True) -> list[Example]:
    """What `classify --retrain` trains on."""
    own = store_examples(store)
    if not with_shipped:
        return own
    return merge_examples(own, shipped_examples(), store.labels(), set(store.eclis()))


def data_hash(table: list[dict[str, Any]]) -> str:
    payload = json.dumps(table, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def _check(examples: list[Example]) -> None:
    counts = Counter(e.label for e in examples)
    if counts[1] < MIN_PER_CLASS or counts[0] < MIN_PER_CLASS:
        raise ModelError(
            f"training needs at least {MIN_PER_CLASS} included and {MIN_PER_CLASS} excluded "
            f"rulings; found {counts[1]} and {counts[0]} (label more with `rulings label`)"
        )


def _expand(examples: Iterable[Example]) -> tuple[list[RulingInput], np.ndarray, np.ndarray]:
    """Rows (whole rulings and summary copies), labels, and the ECLI group of each row."""
    inputs: list[RulingInput] = []
    labels: list[int] = []
    groups: list[int] = []
    for number, example in enumerate(examples):
        for item in example.inputs():
            inputs.append(item)
            labels.append(example.label)
            groups.append(number)
    return inputs, np.array(labels), np.array(groups)


def grouped_splits(y: np.ndarray, groups: np.ndarray, most: int) -> list[tuple[Any, Any]]:
    """Stratified folds that keep each ruling's rows together; as many as the data allows."""
    minority = min(len(set(groups[y == 1])), len(set(groups[y == 0])))
    folds = min(most, minority)
    if folds < 2:
        raise ModelError("too few labelled rulings of one class to cross-validate")
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=0)
    return list(splitter.split(np.zeros(len(y)), y, groups))


def _fit_rows(
    inputs: list[RulingInput], y: np.ndarray, groups: np.ndarray, signals: tuple[str, ...]
) -> Any:
    splits = grouped_splits(y, groups, 3)
    pipeline = make_pipeline(
        signals, len(inputs), splits, with_chars=any(i.summary for i in inputs)
    )
    pipeline.fit(to_frame(inputs, signals), y)
    pipeline.named_steps["classifier"].cv = len(splits)  # the fold indices need not be kept
    return pipeline


def cross_validate(examples: list[Example]) -> dict[str, Any]:
    """Out-of-fold probabilities for every row, summarised (evaluate.summarise)."""
    inputs, y, groups = _expand(examples)
    scores = np.zeros(len(y))
    for train, test in grouped_splits(y, groups, MAX_FOLDS):
        pipeline = _fit_rows([inputs[i] for i in train], y[train], groups[train], signal_names())
        frame = to_frame([inputs[i] for i in test], signal_names())
        scores[test] = pipeline.predict_proba(frame)[:, 1]
    summary_only = np.array([i.summary_only for i in inputs])
    return summarise(y, scores, summary_only)


def fit(examples: list[Example], *, evaluate: bool = True) -> tuple[Model, list[dict[str, Any]]]:
    """Fit on `examples`; returns the model and the training table to save beside it."""
    _check(examples)
    table = [e.to_json() for e in sorted(examples, key=lambda e: e.ecli)]
    inputs, y, groups = _expand(examples)
    pipeline = _fit_rows(inputs, y, groups, signal_names())
    digest = data_hash(table)
    meta = {
        "version": f"{FEATURES_VERSION}-{digest[:10]}",
        "features_version": FEATURES_VERSION,
        "data_hash": digest,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sklearn": sklearn.__version__,
        "n_rulings": len(examples),
        "n_rows": len(inputs),
        "n_positive": int(sum(e.label for e in examples)),
        "n_negative": int(sum(1 - e.label for e in examples)),
        "sources": dict(sorted(Counter(e.source for e in examples).items())),
        "C": C,
        "signals": list(signal_names()),
        "metrics": cross_validate(examples) if evaluate else {},
    }
    return Model(pipeline, meta), table


def fit_table(table: list[dict[str, Any]], meta: dict[str, Any]) -> Model:
    """Refit a saved model from its training table, keeping its description (no new CV).

    The table holds each example's signals as computed when it was made, and the refit uses
    the signal names of the saved model, so it reproduces that model even if
    patterns/classify.toml has changed since.
    """
    examples = [Example.from_json(row) for row in table]
    _check(examples)
    inputs, y, groups = _expand(examples)
    return Model(_fit_rows(inputs, y, groups, tuple(meta["signals"])), dict(meta))
