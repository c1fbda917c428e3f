"""How good the ranking is: precision, recall and the review load that a recall target costs.

For a researcher the number that matters is not accuracy but how many rulings must be read to
find (nearly) all the cases: the *review load* for recall 0.95 is the smallest number of
top-ranked rulings that holds 95% of the positives. Scores are out-of-fold (train.py), so each
ruling is scored by a model that never saw it. Rows scored from the inhoudsindicatie alone are
reported apart, since that is how the ECLI index gives most rulings.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score

THRESHOLD = 0.5
RECALL_TARGET = 0.95


def review_load(y: np.ndarray, scores: np.ndarray, target: float = RECALL_TARGET) -> int | None:
    """Top-ranked rows to read to reach `target` recall; None without positives."""
    positives = int(y.sum())
    if positives == 0:
        return None
    needed = math.ceil(target * positives)
    order = np.argsort(-scores, kind="stable")
    found = np.cumsum(y[order])
    return int(np.searchsorted(found, needed) + 1)


def metrics(y: np.ndarray, scores: np.ndarray, threshold: float = THRESHOLD) -> dict[str, Any]:
    """Precision, recall, F1 at `threshold`, average precision and the review load."""
    predicted = scores >= threshold
    true_pos = int((predicted & (y == 1)).sum())
    precision = true_pos / int(predicted.sum()) if predicted.any() else 0.0
    recall = true_pos / int(y.sum()) if y.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    load = review_load(y, scores)
    both = y.any() and not y.all()
    return {
        "n": len(y),
        "positives": int(y.sum()),
        "threshold": threshold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "average_precision": round(float(average_precision_score(y, scores)), 4) if both else None,
        "review_load_recall_95": load,
        "review_share_recall_95": round(load / len(y), 4) if load else None,
    }


def summarise(y: np.ndarray, scores: np.ndarray, summary_only: np.ndarray) -> dict[str, Any]:
    """Metrics over all rows, over whole rulings, and over summary-only rows."""
    result = {"all": metrics(y, scores)}
    for name, mask in (("full_text", ~summary_only), ("summary_only", summary_only)):
        if mask.any():
            result[name] = metrics(y[mask], scores[mask])
    return result


def format_metrics(meta: dict[str, Any]) -> str:
    """The model's description and cross-validated metrics as lines for a terminal."""
    lines = [
        f"model {meta['version']}  trained {meta.get('trained_at', '?')}  "
        f"scikit-learn {meta.get('sklearn', '?')}",
        f"training data {str(meta.get('data_hash', '?'))[:16]}: {meta.get('n_rulings', '?')} "
        f"rulings ({meta.get('n_positive', '?')} positive, {meta.get('n_negative', '?')} "
        f"negative), {meta.get('n_rows', '?')} rows with summary-only copies",
        "label sources: " + ", ".join(f"{k} {v}" for k, v in (meta.get("sources") or {}).items()),
    ]
    found = meta.get("metrics") or {}
    if not found:
        lines.append("no cross-validated metrics recorded")
    for name, values in found.items():
        load = values["review_load_recall_95"]
        share = values["review_share_recall_95"]
        load_text = f"{load} of {values['n']} ({share:.0%})" if load else "-"
        ap = values["average_precision"]
        lines.append(
            f"{name:<13} n={values['n']:<5} positives={values['positives']:<4} "
            f"precision={values['precision']:.2f} recall={values['recall']:.2f} "
            f"F1={values['f1']:.2f} AP={'-' if ap is None else f'{ap:.2f}'}  "
            f"review load for recall 0.95: {load_text}"
        )
    return "\n".join(lines)
