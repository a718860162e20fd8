"""A segment: the chunks of some reports, written once and never changed.

A segment folder (`segments/<id>/` in the index dir) holds

    chunks.sqlite3   row i: chunk i's text, labels, content hash and BM25 tokens
    vectors.npy      row i: chunk i's vector (and vectors.faiss when a graph index is used)
    terms/           the chunks' BM25 term counts (index.search.lexical.Terms)
    segment.json     its chunk count, vector dimension and each file's size, written last

and is renamed into place only when complete. An index version (index.store) names, for each
report it serves, the segment and rows holding its chunks; a build writes one new segment for
the reports it read and the small segments it merges (index.builder), and shares the rest.
Because segments never change, a loaded one is shared by every version that uses it.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from index.files import make_dir, set_modes
from index.search import dense
from index.search.lexical import Terms
from index.text.chunking import Chunk
from index.text.timelabel import TimeLabel

COLUMNS = ("chunk_id", "doc_id", "text", "section", "spans", "label", "sentences", "hash", "tokens")
CHUNKS, INFO, TERMS = "chunks.sqlite3", "segment.json", "terms"


class Inconsistent(ValueError):
    """A segment's files disagree on how many chunks it has."""


@dataclass(frozen=True)
class Segment:
    """A segment loaded for serving: its chunks decoded, its vectors and term counts in memory."""

    id: str
    chunks: list[Chunk]
    vectors: faiss.Index
    terms: Terms


def chunk_row(chunk: Chunk, tokens: list[str]) -> tuple:
    """One stored row (the COLUMNS) of `chunk` with its BM25 tokens."""
    return (chunk.chunk_id, chunk.doc_id, chunk.text, json.dumps(chunk.section, ensure_ascii=False),
            json.dumps(chunk.spans), json.dumps(_label_row(chunk.label)),
            json.dumps([[s, e, *_label_row(tl)] for s, e, tl in chunk.sentences], ensure_ascii=False),
            chunk.content_hash, json.dumps(tokens, ensure_ascii=False))


def _label_row(tl: TimeLabel) -> list:
    """A label as stored; the part of the year it names only where it names one (`TimeLabel.part`)."""
    return [tl.year, tl.kind, list(tl.span) if tl.span else None, tl.source, *([tl.part] if tl.part else [])]


def _label(row: list) -> TimeLabel:
    year, kind, span, source, *part = row
    return TimeLabel(year, kind, tuple(span) if span else None, source, *part)


def decode_row(row: tuple) -> Chunk:
    cid, did, text, sec, spans, tl, sents = row[:7]
    return Chunk(cid, did, text, tuple(json.loads(sec)), tuple(tuple(s) for s in json.loads(spans)),
                 _label(json.loads(tl)), tuple((s, e, _label(rest)) for s, e, *rest in json.loads(sents)))


def write(folder: Path, rows: list[tuple], vectors: np.ndarray) -> str:
    """A new segment of `rows` (`chunk_row`s, in order) and their vectors; returns its id."""
    make_dir(folder)
    seg_id = f"s-{uuid.uuid4().hex[:12]}"
    tmp = make_dir(folder / f".building-{seg_id}", exist_ok=False)
    try:
        con = sqlite3.connect(tmp / CHUNKS)
        try:
            with con:
                con.execute(f"CREATE TABLE chunks (row INTEGER PRIMARY KEY, {', '.join(f'{c} TEXT NOT NULL' for c in COLUMNS)})")
                con.execute("CREATE INDEX chunk_hashes ON chunks (hash)")  # later builds look texts up
                con.executemany(f"INSERT INTO chunks VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
                                [(i, *r) for i, r in enumerate(rows)])
        finally:
            con.close()
        dense.save(vectors, tmp)
        Terms.build([json.loads(r[-1]) for r in rows]).save(tmp / TERMS)
        sizes = {str(f.relative_to(tmp)): f.stat().st_size for f in sorted(tmp.rglob("*")) if f.is_file()}
        (tmp / INFO).write_text(json.dumps({"chunks": len(rows), "dim": int(vectors.shape[1]), "bytes": sizes}),
                                encoding="utf-8")
        set_modes(tmp)  # SQLite, numpy and faiss each create files with modes of their own
        os.rename(tmp, folder / seg_id)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return seg_id


def info(path: Path) -> dict:
    """The segment's chunk count and dimension, checked against its vector file's header and
    each file's size as written: a cheap check a build can afford, so that a truncated or
    overwritten file makes it build anew instead of taking the segment over."""
    found = json.loads((path / INFO).read_text(encoding="utf-8"))
    for name, size in found.get("bytes", {}).items():
        if (path / name).stat().st_size != size:
            raise Inconsistent(f"分段 {path.name} 的文件 {name} 大小与写入时不同，可能已损坏")
    vectors = np.load(path / dense.VECTORS, mmap_mode="r")
    if vectors.dtype != np.float32 or vectors.ndim != 2:
        raise Inconsistent(f"分段 {path.name} 的向量文件格式不对")
    if vectors.shape != (found["chunks"], found["dim"]):
        raise Inconsistent(f"分段 {path.name} 有 {vectors.shape[0]} 个 {vectors.shape[1]} 维向量，"
                           f"应有 {found['chunks']} 个 {found['dim']} 维")
    return found


def load(path: Path) -> Segment:
    """Read and check a whole segment; raises on any damage (sqlite, numpy, json each their own)."""
    found = info(path)
    chunks = [decode_row(r) for r in _query(path, f"SELECT {', '.join(COLUMNS[:7])} FROM chunks ORDER BY row")]
    vectors, terms = dense.load(path), Terms.load(path / TERMS)
    if not len(chunks) == vectors.ntotal == len(terms.lengths) == found["chunks"]:
        raise Inconsistent(f"分段 {path.name} 有 {len(chunks)} 个片段、{vectors.ntotal} 个向量、"
                           f"{len(terms.lengths)} 行词频，应各有 {found['chunks']} 个")
    return Segment(path.name, chunks, vectors, terms)


def rows(path: Path, span: range) -> list[tuple]:
    """The stored rows (undecoded) of `span`, in order (for a merge)."""
    return _query(path, f"SELECT {', '.join(COLUMNS)} FROM chunks WHERE row >= ? AND row < ? ORDER BY row",
                  (span.start, span.stop))


def lookup(path: Path, hashes: set[str]) -> dict[str, tuple[int, list[str]]]:
    """For each of `hashes` a stored chunk has: the first such chunk's row and tokens (one row
    per hash: a text repeated in many reports, like a standard heading, would otherwise bring
    back every copy)."""
    found = _query(path, "SELECT h.value, c.row, c.tokens FROM json_each(?) AS h JOIN chunks AS c "
                         "ON c.row = (SELECT row FROM chunks WHERE hash = h.value ORDER BY row LIMIT 1)",
                   (json.dumps(sorted(hashes)),))
    return {h: (row, json.loads(tokens)) for h, row, tokens in found}


def _query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """The rows of a read-only query on the segment's chunk table."""
    con = sqlite3.connect(f"file:{path / CHUNKS}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def vectors(path: Path, rows: np.ndarray) -> np.ndarray:
    """The vectors of `rows`, read from the file without loading the rest."""
    return np.asarray(np.load(path / dense.VECTORS, mmap_mode="r")[rows], dtype=np.float32)
