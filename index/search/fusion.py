"""Fusing the BM25 and dense rankings: weighted reciprocal rank fusion."""
from __future__ import annotations

# Chosen by measurement (benchmarks/bench_index.py --parts retrieval, dev gold set): with the
# small offline encoder, BM25 is the stronger retriever, so it counts double, and a small k
# lets a first place in either list matter.
RRF_K = 10
WEIGHTS = {"bm25": 2.0, "dense": 1.0}


def rrf(rankings: dict[str, list[int]], weights: dict[str, float] | None = None,
        k: int = RRF_K) -> list[tuple[int, float, dict[str, int]]]:
    """Fuse ranked lists of row ids.

    Returns (row, fused score, {retriever: 1-based rank}) best first; a row missing from a
    retriever's list simply gets nothing from it.
    """
    fused: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    weights = WEIGHTS if weights is None else weights
    for name, rows in rankings.items():
        w = weights.get(name, 1.0)
        for rank, row in enumerate(rows, 1):
            fused[row] = fused.get(row, 0.0) + w / (k + rank)
            ranks.setdefault(row, {})[name] = rank
    order = sorted(fused, key=lambda r: (-fused[r], r))
    return [(r, fused[r], ranks[r]) for r in order]
