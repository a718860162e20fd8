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


VECTORS, GRAPH = "vectors.npy", "vectors.faiss"


def save(vectors: np.ndarray, folder: Path, hnsw_threshold: int = HNSW_THRESHOLD) -> None:
    """The vectors as a plain array (what the next build copies from), and a graph index too when
    one would be used: a flat index is rebuilt on load as fast as it would be read."""
    np.save(folder / VECTORS, np.ascontiguousarray(vectors, dtype=np.float32))
    if len(vectors) >= hnsw_threshold:
        faiss.write_index(build(vectors, hnsw_threshold), str(folder / GRAPH))


def load_vectors(folder: Path) -> np.ndarray:
    vectors = np.load(folder / VECTORS)
    if vectors.dtype != np.float32 or vectors.ndim != 2:
        raise ValueError(f"{folder / VECTORS}: not a float32 matrix ({vectors.dtype}, {vectors.ndim}-D)")
    return vectors


def load(folder: Path) -> faiss.Index:
    graph = folder / GRAPH
    return faiss.read_index(str(graph)) if graph.exists() else build(load_vectors(folder))


def vectors_of(index: "faiss.Index | Vectors") -> np.ndarray:
    """All stored vectors, row i for chunk i."""
    if isinstance(index, Vectors):
        return index.all()
    return index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)


class Vectors:
    """The vectors a version serves, kept as each segment's own index: `parts` pairs a segment's
    index with the position of each of its rows in the version (-1: no longer served), so that a
    new version shares its unchanged segments' indexes instead of copying them."""

    def __init__(self, parts: list[tuple[faiss.Index, np.ndarray]], dim: int):
        self._parts = [(index, positions, int((positions < 0).sum())) for index, positions in parts]
        self.d = dim
        self.ntotal = sum(len(positions) - dead for _, positions, dead in self._parts)
        self._where = np.zeros((self.ntotal, 2), np.int64)  # position → (part, row)
        for i, (_, positions, _) in enumerate(self._parts):
            rows = np.flatnonzero(positions >= 0)
            self._where[positions[rows]] = np.stack([np.full(len(rows), i), rows], axis=1)

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        found = []
        if allowed is None:
            for index, positions, dead in self._parts:  # enough rows to make up for those not served
                scores, rows = search(index, query, k + dead)
                served = positions[rows] >= 0
                found.append((scores[served], positions[rows][served]))
        else:
            allowed = np.unique(allowed.astype(np.int64))
            for i, (index, positions, _) in enumerate(self._parts):
                mine = allowed[self._where[allowed, 0] == i]
                if len(mine):
                    scores, rows = search(index, query, k, self._where[mine, 1])
                    found.append((scores, positions[rows]))
        scores = np.concatenate([s for s, _ in found]) if found else np.zeros(0, np.float32)
        positions = np.concatenate([p for _, p in found]) if found else np.zeros(0, np.int64)
        best = np.lexsort((positions, -scores))[:k]  # ties by position, as one flat index has them
        return scores[best], positions[best]

    def all(self) -> np.ndarray:
        """Every served vector, position i in row i."""
        out = np.zeros((self.ntotal, self.d), np.float32)
        for index, positions, _ in self._parts:
            served = np.flatnonzero(positions >= 0)
            if len(served):
                out[positions[served]] = index.reconstruct_batch(served)
        return out


def search(index: faiss.Index | Vectors, query: np.ndarray, k: int,
           allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of the k nearest chunks, optionally only among `allowed` rows."""
    if isinstance(index, Vectors):
        return index.search(query, k, allowed)
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
