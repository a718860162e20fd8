"""Per-key sliding-window limiter: at most `limit` hits in any `window` seconds.

Pure and single-threaded (the bot calls it from the event loop only); the clock is
injectable so tests need no sleeping.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable


class SlidingWindowLimiter:
    def __init__(self, limit: int, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """`limit` <= 0 disables limiting."""
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[Hashable, deque[float]] = {}
        self._last_sweep = clock()

    def acquire(self, key: Hashable) -> float:
        """Count a hit for `key` and return 0.0, or return the seconds to wait (hit not counted)."""
        if self.limit <= 0:
            return 0.0
        now = self._clock()
        self._sweep(now)
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return hits[0] + self.window - now
        hits.append(now)
        return 0.0

    def _sweep(self, now: float) -> None:
        # Forget idle keys once per window so memory follows active users, not all users ever seen.
        if now - self._last_sweep < self.window:
            return
        self._last_sweep = now
        for key in [k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]:
            del self._hits[key]
