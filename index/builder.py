"""Corpus → index version: only what changed is read, chunked, labelled, tokenised and embedded.

A report whose text, file name and build inputs are those of the served version keeps its stored
rows (chunks, labels, BM25 tokens) and vectors as they are; one whose file size and time are as
recorded is not even read. The build inputs are fingerprinted: the chunk size, the data files and
the code of `index/reading` and `index/text` for chunks and labels; the vocabulary files, the
tokenizer's code and jieba's version for tokens. A changed fingerprint reprocesses every report,
still reusing vectors (and tokens, if only the labels' inputs changed) of any chunk whose text is
unchanged. The reports read are written to one new segment (index.segments) with their chunks,
tokens, BM25 term counts and vectors, together with the small segments it merges; every other
segment is shared as it is. When nothing changed, the served version stays; when only files'
sizes or times changed (a touch, a copy), a new version of the same segments records them, so
they are not hashed again.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from tqdm import tqdm

from index import datafiles, segments, store
from index.files import create_file, make_dir
from index.datafiles import INDEX_DATA
from index.reading.documents import CorpusError, Document, corpus_entries, load_document
from index.search import embedding
from index.search.embedding import Embedder
from index.text import vocabulary
from index.text.chunking import DEFAULT_MAX_CHARS, Chunk, chunk_document
from index.text.tokens import Tokenizer, default_tokenizer

EMBED_BATCH = 128  # texts per encoder call; the progress bar moves once per call
STEPS = {"read": "读取", "chunk": "分段标注", "embed": "嵌入", "index": "建索引", "swap": "上线"}
STAT_MARGIN_NS = 2_000_000_000  # file times may be as coarse as 2 s (FAT); within it, hash
_INDEX = Path(__file__).parent
# What chunks and labels are made from besides the report (data files are added whole).
CHUNK_CODE = (_INDEX / "reading", _INDEX / "text")
TOKEN_CODE = (_INDEX / "text" / "tokens.py", _INDEX / "text" / "normalise.py")


class BuildError(RuntimeError):
    """A build that could not produce an index; the served one is untouched."""


@dataclass
class BuildReport:
    documents: int
    chunks: int
    embedded: int
    reused: int
    seconds: float
    version: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what staff should check of reports read (`Document.note`)
    steps: dict[str, float] = field(default_factory=dict)  # STEPS key → seconds
    unchanged: bool = False  # no report changed: the same segments serve (a new version only records new file times)

    def summary(self) -> str:
        """One line for staff, in Chinese: what was built and where the time went."""
        head = f"{self.documents} 份报告，{self.chunks} 段"
        if self.unchanged:
            return f"{head}，没有变化，继续使用当前索引（{self.seconds:.2f} s）"
        steps = " · ".join(f"{STEPS[k]} {self.steps[k]:.1f} s" for k in STEPS if k in self.steps)
        return f"{head}（新嵌入 {self.embedded}，复用 {self.reused}）；{steps or f'{self.seconds:.1f} s'}"


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index dir; a second waits for the first."""
    make_dir(index_dir)
    with open(create_file(index_dir / ".lock"), "rb") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _files_digest(paths: list[Path], *extra: object) -> str:
    digest = hashlib.sha256(repr(extra).encode())
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def _sources(places: tuple[Path, ...]) -> list[Path]:
    return [p for place in places for p in ([place] if place.is_file() else sorted(place.rglob("*.py")))]


def fingerprints(max_chars: int, data_dir: Path = INDEX_DATA) -> dict[str, str]:
    """What a stored chunk's rows (`chunks`) and tokens (`tokens`) were made with."""
    data = [p for p in data_dir.iterdir() if p.is_file()]
    vocab = [data_dir / name for name in vocabulary.FILES]
    return {"chunks": _files_digest(data + _sources(CHUNK_CODE), max_chars),
            "tokens": _files_digest(vocab + _sources(TOKEN_CODE), package_version("jieba"))}


@dataclass
class _Previous:
    """The served version as far as this build may reuse it: its manifest, nothing decoded."""

    index_dir: Path
    path: Path | None  # the served version
    manifest: dict | None
    same_chunks: bool  # stored chunks were made with this build's inputs
    same_tokens: bool

    @classmethod
    def of(cls, index_dir: Path, model: str, prints: dict[str, str]) -> "_Previous":
        try:
            path, manifest = store.load_manifest(index_dir, model)
        except store.IndexUnavailable:  # none, damaged, another model or format: nothing to reuse
            return cls(index_dir, None, None, False, False)
        cached = manifest.get("caches", {})
        return cls(index_dir, path, manifest, cached.get("chunks") == prints["chunks"],
                   cached.get("tokens") == prints["tokens"])

    @property
    def documents(self) -> dict[str, dict]:
        return self.manifest["documents"] if self.manifest else {}

    @cached_property
    def _by_file(self) -> dict[str, dict]:
        """Each stored report's entry by its file name (a report's id is its file's stem)."""
        return {doc.get("file"): doc for doc in self.documents.values()}

    @cached_property
    def _trusted_ns(self) -> int:
        """A file last written before this may keep its rows on its recorded size and time."""
        return self.manifest.get("read_ns", 0) - STAT_MARGIN_NS if self.manifest else 0

    @property
    def segments(self) -> dict[str, int]:
        """Each segment of the served version and its row count."""
        return self.manifest["segments"] if self.manifest else {}

    def segment(self, seg_id: str) -> Path:
        return store.segment_dir(self.index_dir, seg_id)

    def kept(self, entry: os.DirEntry) -> dict | None:
        """The stored entry of report file `entry` if it can keep its stored rows, else None. A
        file whose size and modification time are as recorded, and were recorded after it was
        last written, is not read again (git's rule against a same-tick edit); any other is hashed."""
        doc = self._by_file.get(entry.name) if self.same_chunks and self.same_tokens else None
        if doc is None:
            return None
        stat = entry.stat()
        if doc.get("size") == stat.st_size and doc.get("mtime_ns") == stat.st_mtime_ns \
                and stat.st_mtime_ns < self._trusted_ns:
            return doc
        return {**doc, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns} \
            if _raw_hash(Path(entry.path)) == doc.get("hash") else None


def _raw_hash(path: Path) -> str | None:
    """Document.content_hash of the file's text without parsing it; None if it isn't text."""
    data = path.read_bytes()
    if b"\x00" in data:
        return None
    try:
        return hashlib.sha256(data.decode("utf-8-sig").encode("utf-8")).hexdigest()
    except UnicodeDecodeError:
        return None


@dataclass
class _Entry:
    """One readable report: its manifest entry and either its fresh document or (None) its kept rows."""

    info: dict
    document: Document | None = None


def _read(corpus_dir: Path, previous: _Previous) -> tuple[list[_Entry], list[str]]:
    """Every readable report in file order, parsed only if it can't keep its rows; problems."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"资料库目录 {corpus_dir} 不存在")
    entries, problems = [], []
    for entry in corpus_entries(corpus_dir):
        try:
            kept = previous.kept(entry)
            if kept is not None:
                entries.append(_Entry(kept))
                continue
            doc = load_document(Path(entry.path))
        except CorpusError as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{entry.name}：无法读取（{exc.strerror}）")
            continue
        stat = entry.stat()
        entries.append(_Entry({**doc.info(), "hash": doc.content_hash, "file": entry.name,
                               "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}, doc))
    return entries, problems


def _embed(texts: list[str], embedder: Embedder, progress: bool) -> np.ndarray:
    """Vectors of `texts` in their order, encoded longest first so that each batch pads little."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
    out: np.ndarray | None = None
    with tqdm(total=len(texts), desc="embedding", unit="chunk", disable=not progress) as bar:
        for start in range(0, len(order), EMBED_BATCH):
            rows = order[start:start + EMBED_BATCH]
            vectors = embedder.passages([texts[i] for i in rows])
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), np.float32)
            out[rows] = vectors
            bar.update(len(rows))
    return out


def _merged(entries: list[_Entry], previous: _Previous, new: int) -> set[str]:
    """The kept segments to rewrite into the new one of `new` chunks: those mostly no longer
    served, then, smallest first, each no bigger than twice what the new segment has so far.
    Sizes then grow geometrically, so a version has few segments and a chunk is rewritten only
    a few times over its life, however many builds there are."""
    live = Counter()
    for e in entries:
        if e.document is None:
            live[e.info["segment"]] += e.info["rows"][1] - e.info["rows"][0]
    merged = {s for s, n in live.items() if 2 * n < previous.segments[s]}
    size = new + sum(live[s] for s in merged)
    for seg_id in sorted(set(live) - merged, key=lambda s: live[s]):
        if not size or live[seg_id] > 2 * size:
            break
        merged.add(seg_id)
        size += live[seg_id]
    return merged


@dataclass
class _Fresh:
    """What the new segment gets for the reports read again: their chunks with tokens, and per
    chunk the stored vector of a chunk with the same text, or None (to embed)."""

    chunks: dict[str, list[Chunk]]
    tokens: dict[str, list[list[str]]]
    vectors: dict[str, list[np.ndarray | None]]


def _fresh(entries: list[_Entry], previous: _Previous, tokenizer: Tokenizer | None, max_chars: int) -> _Fresh:
    """Chunk and label the reports read; a chunk whose text the served version holds takes its
    vector (and tokens, if made the same way), looked up by content hash segment by segment."""
    chunks = {e.info["doc_id"]: chunk_document(e.document, max_chars) for e in entries if e.document}
    wanted = {c.content_hash for cs in chunks.values() for c in cs}
    found: dict[str, tuple[list[str], np.ndarray]] = {}
    for seg_id in previous.segments:
        hits = segments.lookup(previous.segment(seg_id), wanted - found.keys()) if wanted - found.keys() else {}
        if hits:
            vectors = segments.vectors(previous.segment(seg_id), np.array([row for row, _ in hits.values()]))
            found.update((h, (tokens, v)) for (h, (_, tokens)), v in zip(hits.items(), vectors))
    words = None  # jieba's dictionary loads only for a text never tokenised before
    out = _Fresh(chunks, {}, {})
    for doc_id, doc_chunks in chunks.items():
        out.tokens[doc_id], out.vectors[doc_id] = [], []
        for chunk in doc_chunks:
            hit = found.get(chunk.content_hash)
            if hit is None or not previous.same_tokens:
                words = words or (tokenizer or default_tokenizer().for_many()).words
            out.tokens[doc_id].append(hit[0] if hit and previous.same_tokens else words(chunk.embed_text()))
            out.vectors[doc_id].append(hit[1] if hit else None)
    return out


def _segment(entries: list[_Entry], fresh: _Fresh, merged: set[str], previous: _Previous,
             new: np.ndarray | None) -> tuple[list[tuple], np.ndarray | None, dict[str, range]]:
    """The new segment's rows and vectors in report order (fresh reports, then those of merged
    segments copied as stored), and each of its reports' rows. `new`: the embedded vectors, in
    the order of the fresh chunks that had none."""
    rows, vectors, spans, embedded = [], [], {}, iter(new if new is not None else [])
    for entry in entries:
        doc_id, info, start = entry.info["doc_id"], entry.info, len(rows)
        if entry.document is not None:
            rows += [segments.chunk_row(c, t) for c, t in zip(fresh.chunks[doc_id], fresh.tokens[doc_id])]
            vectors += [v if v is not None else next(embedded) for v in fresh.vectors[doc_id]]
        elif info["segment"] in merged:
            span, path = range(*info["rows"]), previous.segment(info["segment"])
            rows += segments.rows(path, span)
            vectors += list(segments.vectors(path, np.arange(span.start, span.stop)))
        else:
            continue
        spans[doc_id] = range(start, len(rows))
    return rows, np.stack(vectors).astype(np.float32) if vectors else None, spans


def _lap(steps: dict[str, float], step: str, since: float) -> float:
    now = time.perf_counter()
    steps[step] = steps.get(step, 0.0) + now - since
    return now


def _serve(version: Path, check: Callable[[Path], None] | None) -> None:
    """Serve the new `version` once `check` passes; a version it refuses never served, and goes."""
    try:
        if check is not None:
            check(version)
    except BaseException:
        store.tidy(version.parent)
        raise
    store.activate(version)
    store.tidy(version.parent)  # the version before the one it replaced, and segments only that used


def build(corpus_dir: Path, index_dir: Path, model: str,
          embedder: Callable[[], Embedder], tokenizer: Tokenizer | None = None,
          max_chars: int = DEFAULT_MAX_CHARS, progress: bool = False,
          check: Callable[[Path], None] | None = None) -> BuildReport:
    """Build a new index version from `corpus_dir` and serve it.

    `embedder` is called only if some chunk needs embedding, and jieba is loaded only if some
    chunk needs tokenising, so an unchanged corpus rebuilds without either; when nothing at all
    changed, the served version stays (`unchanged`). Unreadable reports are skipped and listed in
    `problems`; a corpus with no readable report raises BuildError.

    `check`, if given, is called with the version about to serve (the served one when nothing
    changed), under the build lock, before the switch: whatever it raises is raised here, a new
    version is removed and the served one stays.
    """
    started = t = time.perf_counter()
    steps: dict[str, float] = {}
    prints = fingerprints(max_chars)
    # one version of each data file for the whole build: folding alone would look at signs.tsv on disk per call
    with build_lock(index_dir), datafiles.one_version():
        store.tidy(index_dir)  # e.g. a version written by a build killed before its switch
        previous = _Previous.of(index_dir, model, prints)
        read_ns = time.time_ns()  # a report written after this is read again by the next build
        entries, problems = _read(corpus_dir, previous)
        if not entries:
            raise BuildError(f"{corpus_dir} 中没有可读的报告" +
                             "".join(f"\n  {p}" for p in problems))
        t = _lap(steps, "read", t)
        documents = {e.info["doc_id"]: e.info for e in entries}
        fresh = _fresh(entries, previous, tokenizer, max_chars)
        merged = _merged(entries, previous, sum(map(len, fresh.chunks.values())))
        unchanged = bool(previous.manifest) and not fresh.chunks and not merged \
            and documents.keys() == previous.documents.keys()
        # A file touched but unchanged was hashed: a version that records its new size and time
        # (and a later read time) lets the next build trust them instead of hashing it again.
        trust_later = any(e.info is not previous.documents.get(e.info["doc_id"])
                          and e.info["mtime_ns"] < read_ns - STAT_MARGIN_NS for e in entries)
        if unchanged and documents == previous.documents and not trust_later:
            if check is not None:
                check(previous.path)
            chunks = previous.manifest["chunks"]
            return BuildReport(len(entries), chunks, 0, chunks, time.perf_counter() - started,
                               previous.path, problems, _notes(entries), steps, unchanged=True)
        t = _lap(steps, "chunk", t)
        texts = [c.embed_text() for d, cs in fresh.chunks.items() for c, v in zip(cs, fresh.vectors[d]) if v is None]
        new = _embed(texts, embedder(), progress) if texts else None
        t = _lap(steps, "embed", t)

        rows, vectors, spans = _segment(entries, fresh, merged, previous, new)
        sizes = dict(previous.segments)
        if rows:
            seg_id = segments.write(index_dir / store.SEGMENTS, rows, vectors)
            sizes[seg_id] = len(rows)
            for doc_id, span in spans.items():
                documents[doc_id] = {**documents[doc_id], "segment": seg_id, "rows": [span.start, span.stop]}
        used = {info["segment"] for info in documents.values()}
        t = _lap(steps, "index", t)
        manifest = {
            "format_version": store.FORMAT_VERSION,
            "model": model,
            "encoders": embedding.identity(model),
            "dim": int(vectors.shape[1]) if rows else previous.manifest["dim"],
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "read_ns": read_ns,
            "max_chars": max_chars,
            "chunks": sum(info["rows"][1] - info["rows"][0] for info in documents.values()),
            "caches": prints,
            "segments": {s: n for s, n in sizes.items() if s in used},
            "documents": documents,
        }
        version = store.write(index_dir, manifest)
        _serve(version, check)
        _lap(steps, "swap", t)
    embedded = len(texts)
    return BuildReport(len(entries), manifest["chunks"], embedded, manifest["chunks"] - embedded,
                       time.perf_counter() - started, version, problems, _notes(entries), steps, unchanged=unchanged)


def _notes(entries: list[_Entry]) -> list[str]:
    """The notes of the reports read, kept ones too: a warning stands until staff act on it."""
    return [e.info["note"] for e in entries if e.info.get("note")]
