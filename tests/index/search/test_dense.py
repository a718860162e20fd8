"""FAISS wrapper: flat below the threshold, HNSW above, both searchable within a subset and on disk."""
from __future__ import annotations

import faiss
import numpy as np
import pytest

from index.search import dense


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    rng = np.random.default_rng(7)
    v = rng.standard_normal((2000, 32)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("threshold, kind", [(10_000, faiss.IndexFlatIP), (1_000, faiss.IndexHNSW)])
def test_index_kind_follows_the_threshold_and_finds_the_vector_itself(vectors, threshold, kind, tmp_path):
    index = dense.build(vectors, hnsw_threshold=threshold)
    assert isinstance(index, kind)
    dense.save(vectors, tmp_path, hnsw_threshold=threshold)
    assert (tmp_path / dense.GRAPH).exists() == (kind is faiss.IndexHNSW)  # a flat index is rebuilt on load
    loaded = dense.load(tmp_path)
    assert isinstance(loaded, kind)
    scores, rows = dense.search(loaded, vectors[123], 5)
    assert rows[0] == 123 and scores[0] == pytest.approx(1.0, abs=1e-5)
    assert np.allclose(dense.vectors_of(loaded)[123], vectors[123], atol=1e-6)


@pytest.mark.parametrize("threshold", [10_000, 1_000])
def test_search_within_allowed_rows_only(vectors, threshold):
    index = dense.build(vectors, hnsw_threshold=threshold)
    allowed = np.array([5, 17, 999, 1500])
    _, rows = dense.search(index, vectors[123], 10, allowed)
    assert set(rows) == set(allowed.tolist())


def test_empty_index_returns_nothing():
    index = dense.build(np.zeros((0, 8), np.float32))
    scores, rows = dense.search(index, np.ones(8, np.float32), 5)
    assert len(scores) == len(rows) == 0 and dense.vectors_of(index).shape == (0, 8)


def test_segments_with_rows_no_longer_served_search_like_one_flat_index(vectors):
    """Served vectors spread over three segments among stale rows: the same hits, in the same
    order, as one flat index of the served vectors alone, scoped or not."""
    served, stale = vectors[:1500], vectors[1500:]
    parts, at = [], 0
    for piece, junk in ((served[:200], stale[:50]), (served[200:1100], stale[50:60]), (served[1100:], stale[60:])):
        index = dense.build(np.concatenate([junk, piece]))
        parts.append((index, np.concatenate([np.full(len(junk), -1), np.arange(at, at + len(piece))])))
        at += len(piece)
    spread, flat = dense.Vectors(parts, 32), dense.build(served)
    assert spread.ntotal == 1500 and np.allclose(dense.vectors_of(spread), served)
    for q in (vectors[7], vectors[1234], vectors[1600], vectors[1999]):
        assert dense.search(spread, q, 10)[1].tolist() == dense.search(flat, q, 10)[1].tolist()
        scope = np.array([3, 250, 1499, 1100, 17])
        assert dense.search(spread, q, 3, scope)[1].tolist() == dense.search(flat, q, 3, scope)[1].tolist()
