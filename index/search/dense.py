"""FAISS inner-product search over L2-normalised vectors (inner product = cosine).

An exact flat index up to HNSW_THRESHOLD vectors, an HNSW graph beyond. Measured by
benchmarks/bench_scale.py (2 cores): flat search of 100,000 vectors takes 5-8 ms p50, a quarter to
a third of encoding the question (~21 ms), and 0.16 ms when scoped to one report, while HNSW lost
recall on report-like vectors (recall@10 0.61 at 26,000 vectors, efSearch 128). So flat stays exact and
cheap far beyond a city's archive; the switch sits where flat search would cost about as much
as encoding (~300,000 vectors, extrapolating the linear flat cost).
"""
from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

HNSW_THRESHOLD = 300_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 96


def build(vectors: np.ndarray, hnsw_threshold: int = HNSW_THRESHOLD) -> faiss.Index:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if len(vectors) >= hnsw_threshold:
        index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(vectors)
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
    if allowed is not None:
        # Score the allowed rows (one place's reports) exactly: a filtered graph walk misses
        # rows, and a filtered flat scan still visits every row (0.16 ms vs 0.009 ms at 100k).
        allowed = np.unique(allowed.astype(np.int64))
        scores = index.reconstruct_batch(allowed) @ query.astype(np.float32)
        top = np.argsort(-scores, kind="stable")[:k]
        return scores[top], allowed[top]
    scores, rows = index.search(np.ascontiguousarray(query[None, :], dtype=np.float32), k)
    keep = rows[0] >= 0
    return scores[0][keep], rows[0][keep]
