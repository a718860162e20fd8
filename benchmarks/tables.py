"""Plain-text tables and percentiles shared by the benchmark scripts."""
from __future__ import annotations

import sys

import numpy as np


def table(title: str, headers: list[str], rows: list[list]) -> None:
    """Print a titled table with columns aligned (CJK characters count double)."""
    cells = [[fmt(v) for v in row] for row in rows]
    widths = [max(_width(h), *(_width(r[i]) for r in cells)) if cells else _width(h)
              for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(_pad(h, w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(_pad(v, w) for v, w in zip(r, widths)))
    sys.stdout.flush()


def fmt(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def pct(values, q: float) -> float:
    return float(np.percentile(values, q)) if len(values) else float("nan")
