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
    dense.write(index, tmp_path / "v.faiss")
    loaded = dense.read(tmp_path / "v.faiss")
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
