"""The index on disk: versioned, switched atomically, validated on load.

Layout under the index dir::

    CURRENT                  name of the version being served
    v-<time>-<id>/
        manifest.json        format version, model id, dimension, per-document hashes, build time,
                             the fingerprints of what chunks and tokens were made with
        chunks.sqlite3       the chunk table, row i ↔ vector i, with each chunk's labels, content
                             hash and BM25 tokens (so a later build reuses them as they are)
        vectors.faiss        FAISS index
        bm25/                BM25 matrix and vocabulary (index.search.lexical)

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
from index.search.lexical import Lexical, Vocabulary

# 2: the BM25 folder records its document count; 3: labels with spans and sentences;
# 4: each chunk's content hash and BM25 tokens, for incremental builds
FORMAT_VERSION = 4
KEEP_VERSIONS = 2
COLUMNS = ("chunk_id", "doc_id", "text", "section", "spans", "label", "sentences", "hash", "tokens")


class IndexUnavailable(RuntimeError):
    """The index is missing, damaged or built differently; the message says how to rebuild."""


REBUILD_HINT = "请运行 `zoneqa index build` 重建索引"


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
        raise IndexUnavailable(f"{pointer} 已损坏；{REBUILD_HINT}")
    return index_dir / name


def chunk_row(chunk: Chunk, token_ids: np.ndarray) -> tuple:
    """One stored row (the COLUMNS) of `chunk`, with its BM25 token ids (into the BM25 vocabulary)."""
    return (chunk.chunk_id, chunk.doc_id, chunk.text, json.dumps(chunk.section, ensure_ascii=False),
            json.dumps(chunk.spans), json.dumps(_label_row(chunk.label)),
            json.dumps([[s, e, *_label_row(tl)] for s, e, tl in chunk.sentences], ensure_ascii=False),
            chunk.content_hash, np.asarray(token_ids, dtype="<i4").tobytes())


# The chunk rows of a new version, in order: new rows, or a run of the previous version's rows
# copied as stored (inside SQLite, never decoded).
Segment = list[tuple] | range


def _write_chunks(path: Path, segments: list[Segment], previous: Path | None) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("CREATE TABLE chunks (row INTEGER PRIMARY KEY, chunk_id TEXT NOT NULL, "
                        "doc_id TEXT NOT NULL, text TEXT NOT NULL, section TEXT NOT NULL, "
                        "spans TEXT NOT NULL, label TEXT NOT NULL, sentences TEXT NOT NULL, "
                        "hash TEXT NOT NULL, tokens BLOB NOT NULL)")
        if previous is not None:
            con.execute("ATTACH DATABASE ? AS previous", (str(previous),))  # only read from
        with con:
            row = 0
            for segment in segments:
                if isinstance(segment, range):
                    con.execute(f"INSERT INTO chunks SELECT row + ?, {', '.join(COLUMNS)} FROM previous.chunks "
                                "WHERE row >= ? AND row < ? ORDER BY row",
                                (row - segment.start, segment.start, segment.stop))
                else:
                    con.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)",
                                    [(row + i, *r) for i, r in enumerate(segment)])
                row += len(segment)
    finally:
        con.close()


def _read(path: Path, columns: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT {columns} FROM chunks ORDER BY row").fetchall()
    finally:
        con.close()


def decode_row(row: tuple) -> Chunk:
    cid, did, text, sec, spans, tl, sents = row[:7]
    return Chunk(cid, did, text, tuple(json.loads(sec)), tuple(tuple(s) for s in json.loads(spans)),
                 _label(json.loads(tl)), tuple((s, e, _label(rest)) for s, e, *rest in json.loads(sents)))


def token_ids(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<i4")


def _label_row(tl: TimeLabel) -> list:
    return [tl.year, tl.kind, list(tl.span) if tl.span else None, tl.source]


def _label(row: list) -> TimeLabel:
    year, kind, span, source = row
    return TimeLabel(year, kind, tuple(span) if span else None, source)


def write(index_dir: Path, manifest: dict, segments: list[Segment], vectors: np.ndarray,
          lexical: Lexical, previous: Path | None = None, activate_now: bool = True) -> Path:
    """Write a complete new version and (unless told not to) serve it. Returns the version dir.

    `segments` are the chunk rows in order (row i ↔ vector i): lists of new rows (`chunk_row`)
    and ranges of rows copied from version `previous`."""
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = index_dir / f".building-{name}"
    tmp.mkdir()
    try:
        _write_chunks(tmp / "chunks.sqlite3", segments, previous and previous / "chunks.sqlite3")
        dense.write(dense.build(vectors), tmp / "vectors.faiss")
        lexical.save(tmp / "bm25")
        # The manifest goes last: a version dir without one was never finished.
        # One line: json's C encoder (indent needs the Python one, 0.1 s for 1,000 reports).
        write_atomic(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False))
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
    """Drop all but the newest few versions (the served one stays)."""
    versions = sorted(p for p in index_dir.glob("v-*") if p.is_dir())
    for old in [p for p in versions if p.name != keep][:-(KEEP_VERSIONS - 1) or None]:
        shutil.rmtree(old, ignore_errors=True)


def remove_unfinished(index_dir: Path) -> list[Path]:
    """Delete the folders of builds that never finished (killed mid-write). Only safe under the
    build lock: then no build is writing one. Returns what was removed."""
    stale = sorted(index_dir.glob(".building-*"))
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return stale


def _manifest(path: Path, model: str | None) -> dict:
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexUnavailable(f"索引 {path} 的清单文件无法读取（{exc}）；{REBUILD_HINT}") from None
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        found = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexUnavailable(f"索引 {path.name} 是旧版或未知格式（格式 {found!r}，本程序需要 "
                               f"{FORMAT_VERSION}）；{REBUILD_HINT}")
    if model is not None and manifest.get("model") != model:
        raise IndexUnavailable(f"索引是用模型 {manifest.get('model')!r} 建的，不是当前的 {model!r}；"
                               f"{REBUILD_HINT}")
    return manifest


def _damaged(path: Path, exc: Exception) -> IndexUnavailable:
    return IndexUnavailable(f"索引 {path} 的文件已损坏（{type(exc).__name__}: {str(exc)[:200]}）；"
                            f"{REBUILD_HINT}")


def _check_counts(path: Path, manifest: dict, rows: int, vectors: faiss.Index, lexical: int) -> None:
    if not (vectors.ntotal == rows == lexical == manifest.get("chunks")) \
            or vectors.d != manifest.get("dim"):
        raise IndexUnavailable(f"索引 {path} 的文件互相不一致（{rows} 个片段，{vectors.ntotal} 个向量）；"
                               f"{REBUILD_HINT}")


def load(index_dir: Path, model: str | None = None, version: Path | None = None) -> StoredIndex:
    """Load and check the served version (or `version`). `model`, when given, must match."""
    path = version or current_version(index_dir)
    if path is None:
        raise IndexUnavailable(f"{index_dir} 中还没有索引；{REBUILD_HINT}")
    manifest = _manifest(path, model)
    try:
        chunks = [decode_row(r) for r in _read(path / "chunks.sqlite3", ", ".join(COLUMNS[:7]))]
        vectors = dense.read(path / "vectors.faiss")
        lexical = Lexical.load(path / "bm25")
    except Exception as exc:  # faiss, sqlite and numpy each raise their own kinds
        raise _damaged(path, exc) from None
    _check_counts(path, manifest, len(chunks), vectors, lexical.documents)
    return StoredIndex(path, manifest, chunks, vectors, lexical)


@dataclass
class Reusable:
    """What a build may take over from the served version, undecoded: per row its report, content
    hash and BM25 token ids (into `vocabulary`), and the vectors."""

    path: Path
    manifest: dict
    doc_ids: list[str]
    hashes: list[str]
    tokens: list[np.ndarray]
    vocabulary: Vocabulary
    vectors: np.ndarray


def load_reusable(index_dir: Path, model: str) -> Reusable:
    """The served version's rows and vectors, checked like `load`; raises IndexUnavailable."""
    path = current_version(index_dir)
    if path is None:
        raise IndexUnavailable(f"{index_dir} 中还没有索引；{REBUILD_HINT}")
    manifest = _manifest(path, model)
    try:
        rows = _read(path / "chunks.sqlite3", "doc_id, hash, tokens")
        vectors = dense.read(path / "vectors.faiss")
        documents = Lexical.count(path / "bm25")  # the BM25 matrix itself is rebuilt, never reused
        vocabulary = Lexical.load_vocabulary(path / "bm25")
    except Exception as exc:  # faiss, sqlite and numpy each raise their own kinds
        raise _damaged(path, exc) from None
    _check_counts(path, manifest, len(rows), vectors, documents)
    return Reusable(path, manifest, [r[0] for r in rows], [r[1] for r in rows],
                    [token_ids(r[2]) for r in rows], vocabulary, dense.vectors_of(vectors))
