"""The index on disk: versioned, switched atomically, validated on load.

Layout under the index dir::

    CURRENT                  name of the version being served
    v-<time>-<id>/
        manifest.json        format version, model id, dimension, per-document hashes, build time
        chunks.sqlite3       the chunk table, row i ↔ vector i
        vectors.faiss        FAISS index
        bm25/                bm25s state

A build writes a new version beside the old one and then replaces CURRENT in one rename,
so a crash mid-build leaves the previous version serving.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from index.files import write_atomic
from index.search import dense
from index.text.chunking import Chunk
from index.text.timelabel import TimeLabel
from index.search.lexical import Lexical

FORMAT_VERSION = 3  # 2: the BM25 folder records its document count; 3: labels with spans and sentences
KEEP_VERSIONS = 2


class IndexUnavailable(RuntimeError):
    """The index is missing, damaged or built differently; the message says how to rebuild."""


REBUILD_HINT = "run `zoneqa index build` to rebuild it"


@dataclass
class StoredIndex:
    path: Path
    manifest: dict
    chunks: list[Chunk]
    vectors: faiss.Index
    lexical: Lexical

    @property
    def documents(self) -> dict[str, dict]:
        return self.manifest["documents"]


def current_version(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    if not name or "/" in name or name.startswith("."):
        raise IndexUnavailable(f"{pointer} is damaged; {REBUILD_HINT}")
    return index_dir / name


def _write_chunks(path: Path, chunks: list[Chunk]) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE chunks (row INTEGER PRIMARY KEY, chunk_id TEXT NOT NULL, "
                    "doc_id TEXT NOT NULL, text TEXT NOT NULL, section TEXT NOT NULL, "
                    "spans TEXT NOT NULL, label TEXT NOT NULL, sentences TEXT NOT NULL)")
        con.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)", [
            (i, c.chunk_id, c.doc_id, c.text, json.dumps(c.section, ensure_ascii=False),
             json.dumps(c.spans), json.dumps(_label_row(c.label)),
             json.dumps([[s, e, *_label_row(tl)] for s, e, tl in c.sentences]))
            for i, c in enumerate(chunks)])
    con.close()


def _read_chunks(path: Path) -> list[Chunk]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT chunk_id, doc_id, text, section, spans, label, sentences "
                           "FROM chunks ORDER BY row").fetchall()
    finally:
        con.close()
    return [Chunk(cid, did, text, tuple(json.loads(sec)), tuple(tuple(s) for s in json.loads(spans)),
                  _label(json.loads(tl)), tuple((s, e, _label(rest)) for s, e, *rest in json.loads(sents)))
            for cid, did, text, sec, spans, tl, sents in rows]


def _label_row(tl: TimeLabel) -> list:
    return [tl.year, tl.kind, list(tl.span) if tl.span else None, tl.source]


def _label(row: list) -> TimeLabel:
    year, kind, span, source = row
    return TimeLabel(year, kind, tuple(span) if span else None, source)


def write(index_dir: Path, manifest: dict, chunks: list[Chunk], vectors: np.ndarray,
          lexical: Lexical, activate_now: bool = True) -> Path:
    """Write a complete new version and (unless told not to) serve it. Returns the version dir."""
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = index_dir / f".building-{name}"
    tmp.mkdir()
    try:
        _write_chunks(tmp / "chunks.sqlite3", chunks)
        dense.write(dense.build(vectors), tmp / "vectors.faiss")
        lexical.save(tmp / "bm25")
        # The manifest goes last: a version dir without one was never finished.
        write_atomic(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        os.rename(tmp, index_dir / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if activate_now:
        activate(index_dir / name)
    return index_dir / name


def activate(version: Path) -> None:
    """Make `version` the served one, in one rename."""
    index_dir = version.parent
    write_atomic(index_dir / "CURRENT", version.name)
    _prune(index_dir, keep=version.name)


def _prune(index_dir: Path, keep: str) -> None:
    """Drop unfinished builds and all but the newest few versions (the served one stays)."""
    versions = sorted(p for p in index_dir.glob("v-*") if p.is_dir())
    for old in [p for p in versions if p.name != keep][:-(KEEP_VERSIONS - 1) or None]:
        shutil.rmtree(old, ignore_errors=True)
    for stale in index_dir.glob(".building-*"):
        if time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)


def load(index_dir: Path, model: str | None = None, version: Path | None = None) -> StoredIndex:
    """Load and check the served version (or `version`). `model`, when given, must match."""
    path = version or current_version(index_dir)
    if path is None:
        raise IndexUnavailable(f"no index in {index_dir}; {REBUILD_HINT}")
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexUnavailable(f"index manifest in {path} is unreadable ({exc}); {REBUILD_HINT}") from None
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        found = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexUnavailable(f"index format {found!r} is not the supported {FORMAT_VERSION}; "
                               f"{REBUILD_HINT}")
    if model is not None and manifest.get("model") != model:
        raise IndexUnavailable(f"index was built with model {manifest.get('model')!r}, "
                               f"not {model!r}; {REBUILD_HINT}")
    try:
        chunks = _read_chunks(path / "chunks.sqlite3")
        vectors = dense.read(path / "vectors.faiss")
        lexical = Lexical.load(path / "bm25")
    except Exception as exc:  # faiss, sqlite and numpy each raise their own kinds
        raise IndexUnavailable(f"index files in {path} are damaged ({type(exc).__name__}: "
                               f"{str(exc)[:200]}); {REBUILD_HINT}") from None
    if vectors.ntotal != len(chunks) or vectors.d != manifest.get("dim") \
            or lexical.documents != len(chunks):
        raise IndexUnavailable(f"index files in {path} disagree ({len(chunks)} chunks, "
                               f"{vectors.ntotal} vectors); {REBUILD_HINT}")
    return StoredIndex(path, manifest, chunks, vectors, lexical)
