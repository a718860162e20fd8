"""What a data file holds as last read, read again as soon as it changes on disk (its size or
modification time); within `one_version()` (a question) each file is looked at once. Below
`index.datafiles`, so the text folding it uses may read a data file too (index/data/signs.tsv).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_cache: dict[tuple[str, str], tuple[tuple[int, int], object]] = {}


class DataFileError(ValueError):
    """A vocabulary file that cannot be read; the message names the file and line."""


_seen: ContextVar[dict[Path, tuple[int, int]] | None] = ContextVar("datafiles_seen", default=None)


@contextmanager
def one_version() -> Iterator[None]:
    """Each file's signature taken once inside: per thread or task, as ContextVar keeps it."""
    token = _seen.set({})
    try:
        yield
    finally:
        _seen.reset(token)


def signature(path: Path) -> tuple[int, int]:
    """What changes when the file is edited: (modification time in ns, size)."""
    seen = _seen.get()
    if seen is not None and path in seen:
        return seen[path]
    st = os.stat(path)
    if seen is not None:
        seen[path] = (st.st_mtime_ns, st.st_size)
    return st.st_mtime_ns, st.st_size


def read(path: Path, shape: str, parse) -> object:
    key = (str(path), shape)
    try:
        sig = signature(path)
    except OSError as exc:
        raise DataFileError(f"词表文件 {path} 无法读取（{exc.strerror}）") from None
    hit = _cache.get(key)
    if hit is not None and hit[0] == sig:
        return hit[1]
    text = path.read_text(encoding="utf-8")
    entries = [(n, ln) for n, ln in enumerate(text.splitlines(), 1)
               if ln.strip() and not ln.lstrip().startswith("#")]
    value = parse(path, entries)
    _cache[key] = (sig, value)
    return value


def _rows(path: Path, entries: list[tuple[int, str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(part.strip() for part in ln.split("\t")) for _, ln in entries)


def rows(path: Path, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of exactly `columns` tab-separated fields; a malformed line is a DataFileError."""
    def parse(p: Path, entries: list[tuple[int, str]]) -> tuple[tuple[str, ...], ...]:
        for n, ln in entries:
            if len(ln.split("\t")) != columns:
                raise DataFileError(f"词表文件 {p} 第{n}行应有{columns}列（用制表符分隔）")
        return _rows(p, entries)
    return read(path, f"rows{columns}", parse)
