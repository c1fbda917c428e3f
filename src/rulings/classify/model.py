"""The classifier: a scikit-learn pipeline, its reasons, and how it is kept on disk.

Pipeline: a ColumnTransformer with word 1-2 gram TF-IDF over ``text`` (letters only: article
numbers, amounts and ages enter as signals, not as tokens), character 3-5 gram TF-IDF over the
inhoudsindicatie (Dutch compounds: *jeugdprostitutie*, *minderjarige*), and the signals passed
through; then a class-balanced logistic regression, calibrated with a sigmoid
(``CalibratedClassifierCV(method="sigmoid", ensemble=False)``: isotonic needs more data than a
sample of dozens of rulings gives). The calibration folds are grouped by ECLI, so a ruling and its
summary-only copy never sit on both sides of a split.

Reasons are exact for a linear model: each feature's value times its coefficient is its push on
the log-odds; the largest positive pushes are shown, words as "term: 'tegen betaling'", signals
with the description the features gave them, character n-grams summed into one reason.

On disk a model is a folder: ``model.pkl`` (the fitted pipeline), ``model.json`` (version,
training-data hash, date, counts, cross-validated metrics, scikit-learn version, signal names)
and ``training.json.gz`` (the training table: every example's RulingInput and label). A pickle is
only loaded by the scikit-learn version that wrote it; with another version, or when the pickle
cannot be read, the pipeline is refitted from the training table (seconds), which gives the same
model up to numerical detail. The shipped default lives in ``rulings/classify/default/``.
Pickles run code when loaded: load only models this tool wrote (the store's own models folder).
"""

from __future__ import annotations

import gzip
import json
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sklearn
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from rulings.classify.features import RulingInput, stop_words
from rulings.errors import ModelError

FEATURES_VERSION = "f1"
DEFAULT_DIR = Path(__file__).resolve().parent / "default"
WORD_TOKENS = r"(?u)\b[^\W\d_]{2,}\b"  # words of letters only: numbers are signals
C = 2.0
TOP_REASONS = 5
MIN_PUSH = 0.05  # log-odds; smaller pushes are noise, not reasons
_READ_ERRORS = (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError)


@dataclass(slots=True)
class Scored:
    """A probability and why."""

    ecli: str
    score: float
    reasons: list[str]
    summary_only: bool


@dataclass(slots=True)
class Model:
    """A fitted pipeline with its metadata; `note` says if it was refitted on load."""

    pipeline: Pipeline
    meta: dict[str, Any]
    note: str = ""
    signals: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        self.signals = tuple(self.meta["signals"])

    @property
    def version(self) -> str:
        return str(self.meta["version"])

    def score(self, inputs: Sequence[RulingInput]) -> list[Scored]:
        """Calibrated probabilities and reasons for a batch of rulings."""
        if not inputs:
            return []
        frame = to_frame(inputs, self.signals)
        probabilities = self.pipeline.predict_proba(frame)[:, 1]
        reasons = explain(self.pipeline, frame, inputs)
        return [
            Scored(item.ecli, float(p), why, item.summary_only)
            for item, p, why in zip(inputs, probabilities, reasons, strict=True)
        ]


def to_frame(inputs: Sequence[RulingInput], signals: Sequence[str]) -> pd.DataFrame:
    """The table the pipeline reads: text, summary and one column per signal (0 when absent)."""
    columns: dict[str, Any] = {
        "text": [i.text for i in inputs],
        "summary": [i.summary for i in inputs],
    }
    for name in signals:
        columns[name] = np.array([i.signals.get(name, 0.0) for i in inputs], dtype=float)
    return pd.DataFrame(columns)


def make_pipeline(
    signals: Sequence[str], n_docs: int, cv: Any, *, with_chars: bool = True
) -> Pipeline:
    """An unfitted pipeline; `cv` gives the calibration folds (grouped by ECLI by the caller)."""
    min_df = 2 if n_docs >= 20 else 1
    parts: list[tuple[str, Any, Any]] = [
        (
            "words",
            TfidfVectorizer(
                token_pattern=WORD_TOKENS,
                stop_words=list(stop_words()) or None,
                ngram_range=(1, 2),
                min_df=min_df,
                max_df=0.95,
                sublinear_tf=True,
                strip_accents="unicode",
                max_features=40_000,
                dtype=np.float64,
            ),
            "text",
        )
    ]
    if with_chars:
        chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            min_df=min_df,
            sublinear_tf=True,
            strip_accents="unicode",
            max_features=20_000,
        )
        parts.append(("chars", chars, "summary"))
    parts.append(("signals", "passthrough", list(signals)))
    classifier = LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", max_iter=5_000, random_state=0
    )
    return Pipeline(
        [
            ("features", ColumnTransformer(parts, sparse_threshold=1.0)),
            (
                "classifier",
                CalibratedClassifierCV(classifier, method="sigmoid", cv=cv, ensemble=False),
            ),
        ]
    )


def coefficients(pipeline: Pipeline) -> np.ndarray:
    """The logistic regression's weights (mean over calibrated copies, if there are several)."""
    calibrated = pipeline.named_steps["classifier"]
    weights = [c.estimator.coef_[0] for c in calibrated.calibrated_classifiers_]
    return np.mean(weights, axis=0)


def explain(
    pipeline: Pipeline, frame: pd.DataFrame, inputs: Sequence[RulingInput]
) -> list[list[str]]:
    """The features that pushed each score up most, in readable words."""
    features = pipeline.named_steps["features"]
    names = features.get_feature_names_out()
    pushes = sparse.csr_matrix(features.transform(frame)).multiply(coefficients(pipeline))
    pushes = sparse.csr_matrix(pushes)
    result = []
    for row, item in enumerate(inputs):
        start, end = pushes.indptr[row], pushes.indptr[row + 1]
        totals: dict[str, float] = {}
        for col, value in zip(pushes.indices[start:end], pushes.data[start:end], strict=True):
            label = _readable(str(names[col]), item)
            totals[label] = totals.get(label, 0.0) + float(value)
        ranked = sorted((v, k) for k, v in totals.items() if v >= MIN_PUSH)
        result.append([label for _, label in reversed(ranked[-TOP_REASONS:])])
    return result


def _readable(name: str, item: RulingInput) -> str:
    """'words__tegen betaling' -> "term: 'tegen betaling'"; signals get their description."""
    part, _, feature = name.partition("__")
    if part == "words":
        return f"term: '{feature}'"
    if part == "chars":
        return "wording of the inhoudsindicatie"
    return item.descriptions.get(feature, feature.replace("_", " "))


# --- on disk -----------------------------------------------------------------------------


def save_model(model: Model, table: list[dict[str, Any]], folder: Path) -> Path:
    """Write model.pkl, model.json and training.json.gz into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "model.pkl").open("wb") as fh:
        pickle.dump(model.pipeline, fh, protocol=pickle.HIGHEST_PROTOCOL)
    (folder / "model.json").write_text(
        json.dumps(model.meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    payload = json.dumps(table, ensure_ascii=False, sort_keys=True).encode("utf-8")
    # mtime=0: the same table gives the same bytes, so a rebuilt default shows no change
    with (
        (folder / "training.json.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh,
    ):
        fh.write(payload)
    return folder


def read_meta(folder: Path) -> dict[str, Any]:
    path = folder / "model.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ModelError(f"{path}: cannot read the model description ({err})") from err
    if not isinstance(meta, dict) or "version" not in meta or "signals" not in meta:
        raise ModelError(f"{path}: not a rulings model description")
    return meta


def read_table(folder: Path) -> list[dict[str, Any]]:
    """The training table saved beside a model."""
    path = folder / "training.json.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            table = json.load(fh)
    except (OSError, EOFError, json.JSONDecodeError) as err:
        raise ModelError(f"{path}: cannot read the training table ({err})") from err
    if not isinstance(table, list):
        raise ModelError(f"{path}: the training table is not a list of examples")
    return table


def load_model(folder: Path) -> Model:
    """The model in `folder`; refitted from its training table if the pickle cannot be used."""
    meta = read_meta(folder)
    if meta.get("sklearn") == sklearn.__version__ and (folder / "model.pkl").is_file():
        try:
            with (folder / "model.pkl").open("rb") as fh:
                pipeline = pickle.load(fh)
            if isinstance(pipeline, Pipeline):
                return Model(pipeline, meta)
            reason = "model.pkl holds no pipeline"
        except (*_READ_ERRORS, ValueError) as err:
            reason = f"model.pkl unreadable ({type(err).__name__})"
    else:
        reason = f"written by scikit-learn {meta.get('sklearn')}, running {sklearn.__version__}"
    from rulings.classify.train import fit_table  # train imports this module

    refitted = fit_table(read_table(folder), meta)
    refitted.note = f"{folder.name}: {reason}; refitted from its training table"
    return refitted
