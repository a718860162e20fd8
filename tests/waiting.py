"""Waiting for what a test is about to assert, instead of sleeping and hoping it has happened:
poll the condition until it holds or a deadline passes, then fail saying what did not happen.

`until` is for threads (a build the test holds back, a worker), `until_async` for the event loop
(a bot answering, a stand-in receiving calls), which it keeps running between looks.
`waiting_for_lock` is a condition to wait for: a build blocked on the build lock;
`build_children` another: the build processes (index.childbuild) this process started.
"""
from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.05

Description = str | Callable[[], str]


def until(condition: Callable[[], object], timeout: float = 10.0, what: Description = "the condition") -> None:
    """Return once `condition()` is true; raise AssertionError naming `what` (a text, or a
    function giving one, so it can show the state at the deadline) if not within `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            raise AssertionError(_missed(what, timeout))
        time.sleep(POLL_SECONDS)


async def until_async(condition: Callable[[], object], timeout: float = 10.0,
                      what: Description = "the condition") -> None:
    """`until` for a coroutine: the event loop keeps running while it waits."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() >= deadline:
            raise AssertionError(_missed(what, timeout))
        await asyncio.sleep(POLL_SECONDS)


def waiting_for_lock(index_dir: Path) -> bool:
    """Whether a thread of this process is blocked on the build lock of `index_dir`: Linux lists
    a lock request that waits in /proc/locks, marked "->", with its process and file."""
    lock = (index_dir / ".lock").stat()
    file = f"{os.major(lock.st_dev):02x}:{os.minor(lock.st_dev):02x}:{lock.st_ino}"
    return any(fields[1] == "->" and fields[5:7] == [str(os.getpid()), file]
               for fields in map(str.split, Path("/proc/locks").read_text().splitlines()))


def build_children() -> list[int]:
    """The ids of the running build processes (index.childbuild) this process started."""
    found = []
    for listing in Path("/proc/self/task").glob("*/children"):
        for pid in listing.read_text().split():
            try:
                if b"index.childbuild" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(int(pid))
            except OSError:  # it ended meanwhile
                pass
    return found


def _missed(what: Description, timeout: float) -> str:
    return f"{what() if callable(what) else what}: not within {timeout}s"
