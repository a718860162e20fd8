"""Corpus → index version: only what changed is read, chunked, labelled, tokenised and embedded.

A report whose text, file name and build inputs are those of the served version keeps its stored
rows (chunks, labels, BM25 tokens) and vectors as they are. The build inputs are fingerprinted:
the chunk size, the data files and the code of `index/reading` and `index/text` for chunks and
labels; the vocabulary files, the tokenizer's code and jieba's version for tokens. A changed
fingerprint reprocesses every report, still reusing vectors (and tokens, if only the labels'
inputs changed) of any chunk whose text is unchanged. The BM25 matrix and the FAISS index are
rebuilt from the stored tokens and vectors, which costs no tokenising and no encoding.
"""
from __future__ import annotations

import fcntl
import hashlib
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from tqdm import tqdm

from index import store
from index.datafiles import INDEX_DATA
from index.reading.documents import CorpusError, Document, corpus_files, load_document
from index.search.embedding import Embedder
from index.search.lexical import Lexical, Vocabulary
from index.text import vocabulary
from index.text.chunking import DEFAULT_MAX_CHARS, chunk_document
from index.text.tokens import Tokenizer, default_tokenizer

EMBED_BATCH = 128  # texts per encoder call; the progress bar moves once per call
STEPS = {"read": "读取", "chunk": "分段标注", "embed": "嵌入", "index": "建索引", "swap": "上线"}
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
    steps: dict[str, float] = field(default_factory=dict)  # STEPS key → seconds
    unchanged: bool = False  # nothing changed: the served version stays

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
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
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
    """The served version as far as this build may reuse it."""

    path: Path | None
    documents: dict[str, dict]
    spans: dict[str, range]  # doc_id → its rows (a report's rows are consecutive)
    hashes: list[str]  # per row: its chunk's content hash
    tokens: list[np.ndarray]  # per row: its BM25 token ids into `vocabulary`
    vocabulary: Vocabulary
    vectors: np.ndarray
    same_chunks: bool  # stored chunks were made with this build's inputs
    same_tokens: bool

    @classmethod
    def of(cls, index_dir: Path, model: str, prints: dict[str, str]) -> "_Previous":
        try:
            old = store.load_reusable(index_dir, model)
        except store.IndexUnavailable:  # none, damaged, another model or format: nothing to reuse
            return cls(None, {}, {}, [], [], Vocabulary(), np.zeros((0, 0), np.float32), False, False)
        spans: dict[str, range] = {}
        for i, doc_id in enumerate(old.doc_ids):
            first = spans.get(doc_id, range(i, i))
            spans[doc_id] = range(first.start, i + 1)
        counts = Counter(old.doc_ids)  # a report whose rows are not consecutive is simply re-read
        spans = {d: r for d, r in spans.items() if len(r) == counts[d]}
        cached = old.manifest.get("caches", {})
        same_tokens = cached.get("tokens") == prints["tokens"]
        return cls(old.path, old.manifest["documents"], spans, old.hashes, old.tokens,
                   old.vocabulary if same_tokens else Vocabulary(), old.vectors,
                   cached.get("chunks") == prints["chunks"], same_tokens)

    def keeps(self, path: Path, raw_hash: str) -> bool:
        """Report `path` (text hashing to `raw_hash`) can keep its stored rows."""
        doc = self.documents.get(path.stem)
        return (self.same_chunks and self.same_tokens and doc is not None and path.stem in self.spans
                and doc.get("hash") == raw_hash and doc.get("file") == path.name)

    def by_hash(self) -> dict[str, int]:
        """A stored row for each chunk content hash."""
        return {h: i for i, h in enumerate(self.hashes)}


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
    """One readable report: its manifest entry and either its kept rows or its fresh document."""

    info: dict
    kept: range = range(0)  # rows of the previous version
    document: Document | None = None


def _read(corpus_dir: Path, previous: _Previous) -> tuple[list[_Entry], list[str]]:
    """Every readable report in file order, parsed only if it can't keep its rows; problems."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"资料库目录 {corpus_dir} 不存在")
    entries, problems = [], []
    for path in corpus_files(corpus_dir):
        try:
            raw_hash = _raw_hash(path)
            if raw_hash is not None and previous.keeps(path, raw_hash):
                entries.append(_Entry(previous.documents[path.stem], previous.spans[path.stem]))
                continue
            doc = load_document(path)
        except CorpusError as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path.name}: cannot read ({exc.strerror})")
            continue
        entries.append(_Entry({**doc.info(), "hash": doc.content_hash, "file": doc.path.name}, document=doc))
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


def _assemble(entries: list[_Entry], previous: _Previous, tokenizer: Tokenizer | None, max_chars: int
              ) -> tuple[list[store.Segment], list[np.ndarray], list[int | None], list[tuple[int, str]]]:
    """The new version's rows as segments (runs of kept rows, lists of new ones); per row its BM25
    token ids and the previous row holding its vector (None: to embed); and the (row, text) pairs
    to embed. A fresh report's chunk takes the stored tokens of any chunk with the same text."""
    segments: list[store.Segment] = []
    tokens: list[np.ndarray] = []
    sources: list[int | None] = []
    fresh: list[tuple[int, str]] = []
    hashes = previous.by_hash()
    words = None  # jieba's dictionary loads only for a text never tokenised before
    for entry in entries:
        if entry.document is None:
            last = segments[-1] if segments else None
            if isinstance(last, range) and last.stop == entry.kept.start:  # one copy for a run of reports
                segments[-1] = range(last.start, entry.kept.stop)
            else:
                segments.append(entry.kept)
            tokens += previous.tokens[entry.kept.start:entry.kept.stop]
            sources += entry.kept
            continue
        rows = []
        for chunk in chunk_document(entry.document, max_chars):
            text, old = chunk.embed_text(), hashes.get(chunk.content_hash)
            if old is not None and previous.same_tokens:
                ids = previous.tokens[old]
            else:
                words = words or (tokenizer or default_tokenizer()).words
                ids = previous.vocabulary.ids(words(text))
            if old is None:
                fresh.append((len(sources), text))
            rows.append(store.chunk_row(chunk, ids))
            tokens.append(ids)
            sources.append(old)
        segments.append(rows)
    return segments, tokens, sources, fresh


def _vectors(sources: list[int | None], fresh: list[tuple[int, str]], previous: np.ndarray,
             embedder: Callable[[], Embedder], progress: bool) -> np.ndarray:
    """Row i's vector: the previous row's it reuses, or the encoder's for the fresh texts."""
    new = _embed([text for _, text in fresh], embedder(), progress) if fresh else None
    vectors = np.zeros((len(sources), previous.shape[1] if new is None else new.shape[1]), np.float32)
    kept = [i for i, s in enumerate(sources) if s is not None]
    if kept:
        vectors[kept] = previous[[sources[i] for i in kept]]
    if new is not None:
        vectors[[row for row, _ in fresh]] = new
    return vectors


def _lap(steps: dict[str, float], step: str, since: float) -> float:
    now = time.perf_counter()
    steps[step] = steps.get(step, 0.0) + now - since
    return now


def build(corpus_dir: Path, index_dir: Path, model: str,
          embedder: Callable[[], Embedder], tokenizer: Tokenizer | None = None,
          max_chars: int = DEFAULT_MAX_CHARS, progress: bool = False,
          activate: bool = True) -> BuildReport:
    """Build a new index version from `corpus_dir` and (unless `activate` is False) serve it.

    `embedder` is called only if some chunk needs embedding, and jieba is loaded only if some
    chunk needs tokenising, so an unchanged corpus rebuilds without either; when nothing at all
    changed, the served version stays (`unchanged`). Unreadable reports are skipped and listed in
    `problems`; a corpus with no readable report raises BuildError.
    """
    started = t = time.perf_counter()
    steps: dict[str, float] = {}
    prints = fingerprints(max_chars)
    with build_lock(index_dir):
        store.remove_unfinished(index_dir)
        previous = _Previous.of(index_dir, model, prints)
        entries, problems = _read(corpus_dir, previous)
        if not entries:
            raise BuildError(f"{corpus_dir} 中没有可读的报告" +
                             "".join(f"\n  {p}" for p in problems))
        t = _lap(steps, "read", t)
        documents = {e.info["doc_id"]: e.info for e in entries}
        if previous.path and all(e.document is None for e in entries) \
                and documents.keys() == previous.documents.keys():
            if activate:
                store.activate(previous.path)
            chunks = sum(len(e.kept) for e in entries)
            return BuildReport(len(entries), chunks, 0, chunks, time.perf_counter() - started,
                               previous.path, problems, steps, unchanged=True)

        segments, tokens, sources, fresh = _assemble(entries, previous, tokenizer, max_chars)
        t = _lap(steps, "chunk", t)
        vectors = _vectors(sources, fresh, previous.vectors, embedder, progress)
        t = _lap(steps, "embed", t)

        lexical = Lexical.from_ids(previous.vocabulary, tokens)
        t = _lap(steps, "index", t)
        manifest = {
            "format_version": store.FORMAT_VERSION,
            "model": model,
            "dim": int(vectors.shape[1]),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "max_chars": max_chars,
            "chunks": len(sources),
            "caches": prints,
            "documents": documents,
        }
        version = store.write(index_dir, manifest, segments, vectors, lexical, previous.path, activate)
        _lap(steps, "swap", t)
    return BuildReport(len(entries), len(sources), len(fresh), len(sources) - len(fresh),
                       time.perf_counter() - started, version, problems, steps)
