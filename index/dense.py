"""FAISS inner-product search over L2-normalised vectors (inner product = cosine)."""
from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


def build(vectors: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def read(path: Path) -> faiss.Index:
    return faiss.read_index(str(path))


def write(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def vectors_of(index: faiss.Index) -> np.ndarray:
    """All stored vectors, row i for chunk i (for reuse by an incremental build)."""
    return index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)


def search(index: faiss.Index, query: np.ndarray, k: int,
           allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of the k nearest chunks, optionally only among `allowed` rows."""
    k = min(k, index.ntotal)
    if k <= 0:
        return np.zeros(0, np.float32), np.zeros(0, np.int64)
    params = None
    if allowed is not None:
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))
    scores, rows = index.search(np.ascontiguousarray(query[None, :], dtype=np.float32), k, params=params)
    keep = rows[0] >= 0
    return scores[0][keep], rows[0][keep]
