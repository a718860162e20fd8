"""The index on disk: versioned, switched atomically, validated on load.

Layout under the index dir::

    CURRENT                  name of the version being served
    v-<time>-<id>/
        manifest.json        format version, model id, what encoded its passages and encodes its
                             questions (embedding.identity), dimension, build time, the fingerprints of
                             what chunks and tokens were made with, the segments it uses and, per
                             report in position order: its hashes and the segment and rows of its chunks
        segments.json        the segments it uses, readable without the manifest
        previous             once it serves: the name of the version served before it
    segments/<id>/           chunks, vectors and BM25 term counts of some reports (index.segments)

A version is its manifest: a build writes its new segment, then a new version beside the old
one, then replaces CURRENT in one rename, so a crash mid-build leaves the previous version
serving. Versions share segments, and a loaded segment is shared by the versions loaded beside
it: nothing is copied for a report that did not change.

Two versions are kept: the served one and the one it replaced, to roll back to. A version
becomes the one to roll back to only by having served: the switch writes its name into the new
version's folder, which counts only once CURRENT names that version (a crash in between leaves
the old record, read from the old version). Any other version (one written but never switched
to: its build was killed, or its check failed) is removed by `tidy`, under the build lock, with
the segments only it used.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path

import numpy as np

from index import segments
from index.files import make_dir, write_atomic
from index.search import dense, embedding
from index.search.lexical import Lexical
from index.text.chunking import Chunk

# 2: the BM25 folder records its document count; 3: labels with spans and sentences;
# 4: each chunk's content hash and BM25 tokens, for incremental builds; 5: segments shared by versions
FORMAT_VERSION = 5
KEEP_PARSED = 4  # manifests a process keeps parsed (_parsed_manifest)
SEGMENTS = "segments"
USES = "segments.json"  # in a version dir: the segments it uses
PREVIOUS = "previous"  # in a version dir that served: the name of the version served before it


class IndexUnavailable(RuntimeError):
    """The index is missing, damaged or built differently; the message says how to rebuild."""


REBUILD_HINT = "请运行 `zoneqa index build` 重建索引"


@dataclass
class StoredIndex:
    path: Path
    manifest: dict
    chunks: list[Chunk]
    vectors: dense.Vectors
    lexical: Lexical
    segments: dict[str, segments.Segment] = field(default_factory=dict)

    @property
    def documents(self) -> dict[str, dict]:
        return self.manifest["documents"]

    @cached_property
    def spans(self) -> dict[str, range]:
        """Each report's positions: its chunks are consecutive, reports in manifest order."""
        out, at = {}, 0
        for doc_id, info in self.documents.items():
            start, stop = info["rows"]
            out[doc_id], at = range(at, at + stop - start), at + stop - start
        return out


def _named(index_dir: Path, pointer: Path) -> Path | None:
    """The version a pointer file (CURRENT, a version's PREVIOUS) names; None without the file."""
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    if not name or "/" in name or name.startswith("."):
        raise IndexUnavailable(f"{pointer} 已损坏；{REBUILD_HINT}")
    return index_dir / name


def current_version(index_dir: Path) -> Path | None:
    return _named(index_dir, index_dir / "CURRENT")


def segment_dir(index_dir: Path, seg_id: str) -> Path:
    return index_dir / SEGMENTS / seg_id


def write(index_dir: Path, manifest: dict) -> Path:
    """Write a new version beside the served one (its segments are written already); `activate`
    serves it."""
    name = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = index_dir / f".building-{name}"
    make_dir(tmp, exist_ok=False)
    try:
        # One line: json's C encoder (indent needs the Python one, 0.1 s for 1,000 reports).
        write_atomic(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False))
        write_atomic(tmp / USES, json.dumps(sorted(manifest["segments"])))  # read without the manifest
        os.rename(tmp, index_dir / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    written = index_dir / name / "manifest.json"
    _keep(_identity(written, written.stat()), manifest)  # what the next build and the swap read
    return index_dir / name


def activate(version: Path) -> None:
    """Serve the new `version` from now on, in one rename of CURRENT. The version served until now
    is first recorded in it as the one to roll back to."""
    index_dir = version.parent
    try:
        served = current_version(index_dir)
    except IndexUnavailable:
        served = None  # a damaged CURRENT: nothing served that could be rolled back to
    if served is not None and served.is_dir():
        write_atomic(version / PREVIOUS, served.name)
    write_atomic(index_dir / "CURRENT", version.name)


def _kept(index_dir: Path) -> set[Path] | None:
    """The served version and the one it replaced; None when CURRENT is missing, damaged or names
    no version, as then which versions served is not known."""
    try:
        served = current_version(index_dir)
        if served is None or not served.is_dir():
            return None
        return {served, _named(index_dir, served / PREVIOUS)} - {None}
    except IndexUnavailable:
        return None


def tidy(index_dir: Path) -> None:
    """Remove what will not serve: folders of builds that never finished, versions that are neither
    the served one nor the one it replaced, and the segments none of the rest uses. Only safe
    under the build lock: then no build is between writing its segment or version and the switch."""
    for path in [*index_dir.glob(".building-*"), *(index_dir / SEGMENTS).glob(".building-*")]:
        shutil.rmtree(path, ignore_errors=True)
    kept = _kept(index_dir)
    if kept is not None:
        for version in set(index_dir.glob("v-*")) - kept:
            shutil.rmtree(version, ignore_errors=True)
    _remove_unused_segments(index_dir)


def _remove_unused_segments(index_dir: Path) -> None:
    """Delete the segments no version uses any more (under the build lock, see `tidy`)."""
    used = set()
    for version in index_dir.glob("v-*"):
        try:
            used |= set(json.loads((version / USES).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return  # a version we cannot read might still use any of them
    for path in (index_dir / SEGMENTS).glob("s-*"):
        if path.name not in used:
            shutil.rmtree(path, ignore_errors=True)


_parsed: dict[tuple, dict] = {}  # file identity → manifest, oldest first
_parsed_lock = threading.Lock()


def _identity(file: Path, stat: os.stat_result) -> tuple:
    return str(file), stat.st_ino, stat.st_size, stat.st_mtime_ns


def _keep(key: tuple, manifest: dict) -> None:
    with _parsed_lock:
        _parsed[key] = manifest
        while len(_parsed) > KEEP_PARSED:
            del _parsed[next(iter(_parsed))]


def _parsed_manifest(file: Path) -> dict:
    """The parsed `manifest.json`, shared: callers must not modify it. A version's manifest is
    written once, as a new file renamed into place, and never changed; so a process keeps the
    last few it wrote or read, keyed by the file's inode, size and time, and a build or a swap
    in a running bot does not parse again what it has (at a thousand reports, half a megabyte)."""
    with open(file, "rb") as fh:
        key = _identity(file, os.fstat(fh.fileno()))  # the file read, even if renamed over meanwhile
        with _parsed_lock:
            manifest = _parsed.get(key)
        if manifest is None:
            manifest = json.loads(fh.read().decode("utf-8"))
            _keep(key, manifest)
    return manifest


def _manifest(path: Path, model: str | None) -> dict:
    try:
        manifest = _parsed_manifest(path / "manifest.json")
    except (OSError, ValueError) as exc:
        raise IndexUnavailable(f"索引 {path} 的清单文件无法读取（{exc}）；{REBUILD_HINT}") from None
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        found = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexUnavailable(f"索引 {path.name} 是旧版或未知格式（格式 {found!r}，本程序需要 "
                               f"{FORMAT_VERSION}）；{REBUILD_HINT}")
    if model is not None and manifest.get("model") != model:
        raise IndexUnavailable(f"索引是用模型 {manifest.get('model')!r} 建的，不是当前的 {model!r}；"
                               f"{REBUILD_HINT}")
    if model is not None and manifest.get("encoders") != embedding.identity(model):
        raise IndexUnavailable(f"索引的编码方式（{manifest.get('encoders')}）与当前程序的"
                               f"（{embedding.identity(model)}）不同；{REBUILD_HINT}")
    return manifest


def _damaged(path: Path, exc: Exception) -> IndexUnavailable:
    return IndexUnavailable(f"索引 {path} 的文件已损坏（{type(exc).__name__}: {str(exc)[:200]}）；"
                            f"{REBUILD_HINT}")


def _inconsistent(path: Path, what: str) -> IndexUnavailable:
    return IndexUnavailable(f"索引 {path} 的文件互相不一致（{what}）；{REBUILD_HINT}")


def check_layout(path: Path, manifest: dict) -> None:
    """Reports' rows tile positions 0..n in order, each inside a segment the version lists."""
    sizes, at = manifest["segments"], 0
    for doc_id, info in manifest["documents"].items():
        start, stop = info["rows"]
        if info["segment"] not in sizes or not 0 <= start <= stop <= sizes[info["segment"]]:
            raise _inconsistent(path, f"报告 {doc_id} 的片段位置不在其分段内")
        at += stop - start
    if at != manifest["chunks"]:
        raise _inconsistent(path, f"{at} 个片段，清单记为 {manifest['chunks']} 个")


def positions(manifest: dict) -> dict[str, np.ndarray]:
    """Per segment: the version's position of each of its rows (-1: not served)."""
    out = {seg_id: np.full(size, -1, np.int64) for seg_id, size in manifest["segments"].items()}
    at = 0
    for info in manifest["documents"].values():
        start, stop = info["rows"]
        out[info["segment"]][start:stop] = np.arange(at, at + stop - start)
        at += stop - start
    return out


def load(index_dir: Path, model: str | None = None, version: Path | None = None,
         reuse: StoredIndex | None = None) -> StoredIndex:
    """Load and check the served version (or `version`). `model`, when given, must match.
    `reuse`: a loaded version whose segments are taken as they are instead of read again."""
    path = version or current_version(index_dir)
    if path is None:
        raise IndexUnavailable(f"{index_dir} 中还没有索引；{REBUILD_HINT}")
    manifest = _manifest(path, model)
    try:
        check_layout(path, manifest)
        held = reuse.segments if reuse is not None and reuse.manifest.get("dim") == manifest["dim"] else {}
        loaded = {seg_id: held.get(seg_id) or segments.load(segment_dir(index_dir, seg_id))
                  for seg_id in manifest["segments"]}
        chunks = []
        for doc_id, info in manifest["documents"].items():
            start, stop = info["rows"]
            mine = loaded[info["segment"]].chunks[start:stop]
            if list(map(attrgetter("doc_id"), mine)).count(doc_id) != len(mine):  # C loops: 26k chunks
                raise _inconsistent(path, f"报告 {doc_id} 的片段属于别的报告")
            chunks += mine
        where = positions(manifest)
        vectors = dense.Vectors([(loaded[s].vectors, where[s]) for s in loaded], manifest["dim"])
        lexical = Lexical([(loaded[s].terms, where[s]) for s in loaded], len(chunks))
    except IndexUnavailable:
        raise
    except segments.Inconsistent as exc:
        raise _inconsistent(path, str(exc)) from None
    except Exception as exc:  # faiss, sqlite, numpy and a malformed manifest each raise their own kinds
        raise _damaged(path, exc) from None
    if any(seg.vectors.d != manifest["dim"] for seg in loaded.values()):
        raise _inconsistent(path, f"向量维度不是 {manifest['dim']}")
    return StoredIndex(path, manifest, chunks, vectors, lexical, loaded)


def load_manifest(index_dir: Path, model: str) -> tuple[Path, dict]:
    """The served version's manifest, with each of its segments' files checked by their headers
    and sizes (not read): what a build may take over. Raises IndexUnavailable."""
    path = current_version(index_dir)
    if path is None:
        raise IndexUnavailable(f"{index_dir} 中还没有索引；{REBUILD_HINT}")
    manifest = _manifest(path, model)
    try:
        check_layout(path, manifest)
        for seg_id, size in manifest["segments"].items():
            found = segments.info(segment_dir(index_dir, seg_id))
            if found["chunks"] != size:
                raise _inconsistent(path, f"分段 {seg_id} 有 {found['chunks']} 个片段，清单记为 {size} 个")
            if found["dim"] != manifest["dim"]:
                raise _inconsistent(path, f"分段 {seg_id} 的向量是 {found['dim']} 维，清单记为 {manifest['dim']} 维")
    except IndexUnavailable:
        raise
    except segments.Inconsistent as exc:
        raise _inconsistent(path, str(exc)) from None
    except Exception as exc:  # numpy, json and a malformed manifest each raise their own kinds
        raise _damaged(path, exc) from None
    return path, manifest
