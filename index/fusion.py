"""Fusing the BM25 and dense rankings: weighted reciprocal rank fusion."""
from __future__ import annotations

RRF_K = 60  # the usual constant; bench_fusion.py compares alternatives on the gold set


def rrf(rankings: dict[str, list[int]], weights: dict[str, float] | None = None,
        k: int = RRF_K) -> list[tuple[int, float, dict[str, int]]]:
    """Fuse ranked lists of row ids.

    Returns (row, fused score, {retriever: 1-based rank}) best first; a row missing from a
    retriever's list simply gets nothing from it.
    """
    fused: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    for name, rows in rankings.items():
        w = (weights or {}).get(name, 1.0)
        for rank, row in enumerate(rows, 1):
            fused[row] = fused.get(row, 0.0) + w / (k + rank)
            ranks.setdefault(row, {})[name] = rank
    order = sorted(fused, key=lambda r: (-fused[r], r))
    return [(r, fused[r], ranks[r]) for r in order]
