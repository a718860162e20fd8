"""The shape a question's meaning votes for: its vector (the one retrieval uses) against the
vectors of exemplar questions of each shape (bot/data/shape_exemplars.tsv), so a new phrasing
costs a line of data, not a cue rule. The cue words confirm or override (question.py).

The exemplars are encoded once per version of the file and model, and kept on disk beside the
index: a process whose file and model are unchanged reads them back; a cache that is missing or
unreadable is encoded again, never an error.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.datafiles import DataFileError

log = logging.getLogger(__name__)

SHRINK = 1e-3  # added to the exemplars' spread within a shape: few exemplars for 384 dimensions
CLEAR = 1.0  # the margin (in discriminant score, as measured with the default model) at which the
# vote decides where the cues are silent

Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Vote:
    shape: str  # a Shape's value ("yes/no")
    margin: float  # its score over the next shape's

    @property
    def clear(self) -> bool:
        return self.margin >= CLEAR


class Exemplars:
    """A linear discriminant over the exemplars' vectors: a question's vector is mostly its topic
    (GDP, 粮食), which the exemplars of every shape share, so the shapes are told apart along the
    directions their exemplars differ in, weighed against how much they vary within a shape."""

    def __init__(self, shapes: Sequence[str], vectors: np.ndarray):
        vectors = np.asarray(vectors, dtype=np.float64)
        self.shapes = sorted(set(shapes))
        of = np.array([self.shapes.index(s) for s in shapes])
        means = np.stack([vectors[of == i].mean(axis=0) for i in range(len(self.shapes))])
        within = vectors - means[of]
        spread = within.T @ within / len(vectors) + SHRINK * np.eye(vectors.shape[1])
        self.weights = np.linalg.solve(spread, means.T).T
        self.bias = -0.5 * np.einsum("ij,ij->i", self.weights, means)

    def vote(self, vector: np.ndarray) -> Vote:
        scores = self.weights @ np.asarray(vector, dtype=np.float64) + self.bias
        best, runner_up = np.argsort(scores)[::-1][:2]
        return Vote(self.shapes[best], float(scores[best] - scores[runner_up]))


_kept: dict[str, Exemplars] = {}  # per process: one encoding per version of the file and model


def exemplars(rows: Sequence[tuple[str, str]], model: str, encode: Encode,
              cache_dir: Path | None = None, known: Collection[str] = ()) -> Exemplars:
    """The exemplars of `rows` (shape, question) as `model` encodes them (`encode`), read from
    `cache_dir` when it holds this version, else encoded and written there. A shape not among
    `known` (when given) is a mistake in the file."""
    key = hashlib.sha256("\n".join([model, *(f"{s}\t{q}" for s, q in rows)]).encode()).hexdigest()[:16]
    if key in _kept:
        return _kept[key]
    shapes = [s for s, _ in rows]
    unknown = sorted(set(shapes) - set(known)) if known else []
    if unknown or len(set(shapes)) < 2:
        raise DataFileError(f"问题类型示例文件（shape_exemplars.tsv）：无法识别的类型 {'、'.join(unknown)}" if unknown
                            else "问题类型示例文件（shape_exemplars.tsv）至少要有两种类型")
    path = cache_dir / f"shape-exemplars-{key}.npy" if cache_dir else None
    vectors = _cached(path, len(rows))
    if vectors is None:
        vectors = np.asarray(encode([q for _, q in rows]), dtype=np.float32)
        if path is not None:
            _store(path, vectors)
    if len(_kept) > 3:  # earlier versions of the file: a long-running bot's file is edited now and then
        _kept.clear()
    _kept[key] = Exemplars(shapes, vectors)
    return _kept[key]


def _cached(path: Path | None, count: int) -> np.ndarray | None:
    if path is None or not path.exists():
        return None
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        log.warning("shape exemplars cache %s unreadable (%s): encoding them again", path, exc)
        return None
    if vectors.ndim != 2 or vectors.shape[0] != count or not np.isfinite(vectors).all():
        log.warning("shape exemplars cache %s malformed: encoding them again", path)
        return None
    return vectors


def _store(path: Path, vectors: np.ndarray) -> None:
    """Written whole or not at all (a temporary file renamed); a read-only disk only costs the
    next process an encoding."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with open(partial, "wb") as out:
            np.save(out, vectors, allow_pickle=False)
        os.replace(partial, path)
    except OSError as exc:
        log.warning("shape exemplars cache %s not written (%s)", path, exc)
