"""Fingerprints of the corpus's reports, kept beside them, so a duplicate check reads only the
reports that may match instead of every one.

A report's signature is a MinHash sketch of its squeezed body's character 5-grams: the share of
equal entries in two sketches estimates the Jaccard similarity of the two reports' 5-gram sets (one
standard deviation is about 0.03 at 0.9; the same text gives the same sketch). It is one-permutation
MinHash: each 5-gram's 64-bit hash falls in one of 128 bins by its top bits, and a bin keeps its
smallest hash; a bin no 5-gram falls in (a short text) keeps the smallest of its own hash over all
5-grams instead, so every entry of two sketches is equal with probability J. Hashes come from fixed
constants, never from Python's per-process `hash()`, so sketches compare across processes and runs.

Signatures are cached in `corpus/.signatures.sqlite3` (hidden, so corpus listings skip it), one row
a file, keyed by its name, size and mtime; a file whose size or mtime changed is read again, and a
file changed in the last seconds is not cached yet. `of_corpus` reads the cache and computes what
it lacks; `remember` writes that back, which `ingest.add_report` does only once a report is in, so
a refused upload changes no file. The cache only saves time: when it is missing, damaged or
locked, signatures are computed from the files, and a damaged cache is written anew.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.files import create_file
from index.reading.documents import body_of, corpus_entries
from index.text.normalise import squeeze

SHINGLE = 5  # characters in a shingle: as ingest's exact comparison
BIN_BITS = 7
BINS = 1 << BIN_BITS  # entries in a sketch
CACHE = ".signatures.sqlite3"
VERSION = 1  # the cache's PRAGMA user_version: change it when sketches are computed differently
BUSY_SECONDS = 1.0  # wait this long for another process's write, then go on without the cache
# A file changed this shortly before it was read may change again within the same coarse mtime
# tick, unseen by its key; its signature is not cached until it has been still this long.
SETTLED_NS = 2 * 10**9

_PAD = 0x110000  # beyond Unicode: fills out a text shorter than a shingle
_ENTRY = np.dtype("<u4")  # sketch entries: the low 32 bits of each minimum, in a fixed byte order
_SALTS = np.frombuffer(hashlib.shake_256(b"zoneqa signatures 1").digest(8 * BINS), dtype="<u8")
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_LOW = np.uint64(0xFFFFFFFF)
_BIN_STARTS = np.arange(BINS, dtype=np.uint64) << np.uint64(64 - BIN_BITS)
_SCHEMA = ("CREATE TABLE signatures (name TEXT PRIMARY KEY, size INTEGER NOT NULL, "
           "mtime_ns INTEGER NOT NULL, sketch BLOB NOT NULL)")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Known:
    """The corpus's reports in `corpus_files` order with their signatures, and what the cache lacks."""
    corpus_dir: Path
    names: list[str]
    sketches: np.ndarray  # len(names) × BINS
    fresh: list[tuple]  # cache rows computed from settled files, for `remember`
    gone: list[str]  # names in the cache that are no longer in the corpus


def read_body(path: Path) -> str:
    """A corpus file's text after its metadata header (all of it when it has none)."""
    return body_of(path.read_text(encoding="utf-8-sig", errors="replace"))


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a well-spread 64-bit hash, the same on every machine."""
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def shingle_hashes(squeezed: str) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the text's 5-grams (a shorter text is one shingle)."""
    codes = np.frombuffer(squeezed.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    codes = np.pad(codes, (0, max(0, SHINGLE - len(codes))), constant_values=_PAD)
    n = len(codes) - SHINGLE + 1
    hashes = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        hashes = _mix(hashes ^ codes[i:i + n])
    return np.unique(hashes)


def sketch(hashes: np.ndarray) -> np.ndarray:
    """One-permutation MinHash of sorted distinct hashes, empty bins filled by their own hash."""
    mins = hashes[np.minimum(np.searchsorted(hashes, _BIN_STARTS), len(hashes) - 1)]
    empty = (mins >> np.uint64(64 - BIN_BITS)) != np.arange(BINS, dtype=np.uint64)
    if empty.any():
        mins[empty] = _mix(hashes[:, None] ^ _SALTS[empty]).min(axis=0)
    return (mins & _LOW).astype(_ENTRY)


def signature(text: str) -> np.ndarray:
    """The sketch of a report's text."""
    return sketch(shingle_hashes(squeeze(text)))


def estimate(sketches: np.ndarray, mine: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each row of `sketches` to `mine`."""
    return (sketches == mine).mean(axis=1)


def _is_current(db: sqlite3.Connection) -> bool:
    """Whether the cache was written by this code: its version, and its table as created here."""
    return (db.execute("PRAGMA user_version").fetchone()[0] == VERSION
            and db.execute("SELECT sql FROM sqlite_master WHERE name = 'signatures'").fetchone() == (_SCHEMA,))


def _load(path: Path) -> dict[str, tuple]:
    """Well-formed cached rows by name; none when the cache is absent, unreadable or not current."""
    if not path.is_file():
        return {}
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_SECONDS)) as db:
            if not _is_current(db):
                return {}
            rows = db.execute("SELECT name, size, mtime_ns, sketch FROM signatures "
                              "WHERE typeof(sketch) = 'blob' AND length(sketch) = ?",
                              (BINS * _ENTRY.itemsize,)).fetchall()
    except sqlite3.Error:
        return {}  # damaged or locked: everything is computed from the files, and written anew
    return {row[0]: row for row in rows}


def of_corpus(corpus_dir: Path) -> Known:
    """Every corpus report's signature: from the cache where its key still holds, else from the file."""
    started = time.time_ns()
    listing = [(e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in corpus_entries(corpus_dir)]
    cached = _load(corpus_dir / CACHE)
    sketches, fresh = [], []
    for name, size, mtime in listing:
        row = cached.get(name)
        if row is None or row[1] != size or row[2] != mtime:
            row = (name, size, mtime, signature(read_body(corpus_dir / name)).tobytes())
            if mtime < started - SETTLED_NS:
                fresh.append(row)
        sketches.append(row[3])
    names = [name for name, _, _ in listing]
    return Known(corpus_dir, names, np.frombuffer(b"".join(sketches), dtype=_ENTRY).reshape(len(names), BINS),
                 fresh, sorted(cached.keys() - set(names)))


def _write(path: Path, known: Known) -> None:
    create_file(path)  # else SQLite creates it 0644; its -wal and -shm files take the database's mode
    with closing(sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)) as db:
        db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
        db.execute("PRAGMA synchronous = NORMAL")  # WAL keeps this crash-safe
        db.execute("BEGIN IMMEDIATE")  # closing without COMMIT rolls it all back
        if not _is_current(db):
            db.execute("DROP TABLE IF EXISTS signatures")
            db.execute(_SCHEMA)
            db.execute(f"PRAGMA user_version = {VERSION}")
        db.executemany("INSERT OR REPLACE INTO signatures VALUES (?, ?, ?, ?)", known.fresh)
        db.executemany("DELETE FROM signatures WHERE name = ?", [(name,) for name in known.gone])
        db.execute("COMMIT")


def _discard(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def remember(known: Known) -> None:
    """Bring the cache up to date with `known`; a cache that cannot be written is left as it is."""
    if not known.fresh and not known.gone:
        return
    path = known.corpus_dir / CACHE
    try:
        _write(path, known)
    except sqlite3.OperationalError as exc:  # locked past the timeout, a read-only directory, …
        log.warning("查重缓存 %s 未更新（%s）；收录不受影响", path, exc)
    except sqlite3.DatabaseError as exc:  # not a database, or a damaged one: it held only copies
        log.warning("查重缓存 %s 已损坏（%s），重新写入", path, exc)
        try:
            _discard(path)
            _write(path, known)
        except (sqlite3.Error, OSError) as again:
            log.warning("查重缓存 %s 未能写入（%s）；收录不受影响", path, again)
    except (sqlite3.Error, OSError) as exc:  # it holds only copies: the upload stands
        log.warning("查重缓存 %s 未更新（%s）；收录不受影响", path, exc)
