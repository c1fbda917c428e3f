"""Scoring a store: pick the model, score every ruling in batches, store scores with reasons.

The model in use is the newest one trained for this store (``<db folder>/models/<version>/``,
recorded in model_run), else the default shipped with the tool, so a fresh store is scored at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rulings.classify.features import build_input
from rulings.classify.model import DEFAULT_DIR, Model, load_model, save_model
from rulings.classify.train import fit, training_examples
from rulings.config import models_dir
from rulings.errors import ModelError
from rulings.store import Store
from rulings.store.classify_queries import latest_model_folder

BATCH = 500


@dataclass(slots=True)
class ClassifyResult:
    """What one `rulings classify` did."""

    version: str
    scored: int = 0
    summary_only: int = 0
    above_threshold: int = 0
    seconds: float = 0.0


def current_model(store: Store) -> Model:
    """The newest model trained for this store, else the shipped default."""
    folder = latest_model_folder(store)
    if folder is not None:
        return load_model(folder)
    if (DEFAULT_DIR / "model.json").is_file():
        return load_model(DEFAULT_DIR)
    raise ModelError(
        f"{DEFAULT_DIR}: no default model is installed; train one with `rulings classify --retrain`"
    )


def retrain(store: Store, *, evaluate: bool = True, with_shipped: bool = True) -> Model:
    """Train on the store's labels (and the shipped examples), save the model, record the run."""
    model, table = fit(training_examples(store, with_shipped=with_shipped), evaluate=evaluate)
    folder = save_model(model, table, models_dir(store.path).resolve() / model.version)
    store.record_model_run(model.version, model.meta["data_hash"], model.meta, str(folder))
    return model


def score_store(
    store: Store,
    model: Model,
    *,
    threshold: float = 0.5,
    on_batch: Callable[[int], None] | None = None,
) -> ClassifyResult:
    """Score every stored ruling with `model` and store score, reasons and summary-only flag."""
    started = time.monotonic()
    result = ClassifyResult(version=model.version)
    eclis = store.eclis()
    for start in range(0, len(eclis), BATCH):
        chunk = eclis[start : start + BATCH]
        inputs = [
            build_input(ruling, store.get_findings(ruling.ecli))
            for ruling in store.iter_rulings(chunk)
        ]
        scored = model.score(inputs)
        store.save_scores(
            [(s.ecli, s.score, s.reasons, s.summary_only) for s in scored], model.version
        )
        result.scored += len(scored)
        result.summary_only += sum(s.summary_only for s in scored)
        result.above_threshold += sum(s.score >= threshold for s in scored)
        if on_batch:
            on_batch(len(scored))
    result.seconds = time.monotonic() - started
    return result


def save_default(model: Model, table: list[dict[str, object]], folder: Path = DEFAULT_DIR) -> Path:
    """Write `model` as the shipped default (bench/train_default_model.py)."""
    return save_model(model, table, folder)
