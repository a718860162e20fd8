"""Incremental builds do only the changed report's work and give what a build from scratch gives.

A fake encoder (vectors from each text's hash) keeps these fast and exact: the same text always
gets the same vector, so an incremental index can be compared bit for bit with a fresh one.
"""
import hashlib
import json
import os
import threading
import time

import numpy as np
import pytest

import index.builder
from index import segments, store
from index.builder import EMBED_BATCH, STEPS, build, build_lock, fingerprints
from index.datafiles import INDEX_DATA
from index.reading.documents import load_document
from index.search import dense
from index.search.searcher import Searcher
from index.text.chunking import chunk_document
from index.text.tokens import default_tokenizer
from waiting import until, waiting_for_lock

MODEL = "fake/hash-16"
HEADER = "---\ntitle: {place}2020年工作报告\ndate: 2020-01\nplace: {place}\nsource: 合成\n---\n"
BODY = """
一、2019年工作回顾

2019年，{place}全年完成地区生产总值{gdp}亿元，同比增长6.8%。一般公共预算收入61亿元，增长9.2%。

新增永久绿地12.5万平方米，建成学校6所，新增学位2400个。去年空气质量优良天数比率81.2%。

二、2020年主要目标

力争地区生产总值达到{target}亿元，确保一般公共预算收入突破66亿元。新增高新技术企业40家。
"""
REPORTS = {"a": ("甲区", 520, 560), "b": ("乙区", 880, 930), "c": ("丙区", 300, 330)}
QUESTIONS = ["乙区地区生产总值多少", "一般公共预算收入目标", "新增学位", "空气质量优良天数比率"]


def text_of(place, gdp, target):
    return HEADER.format(place=place) + BODY.format(place=place, gdp=gdp, target=target)


def vector(text: str, dim: int = 16) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
    v = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return v / np.linalg.norm(v)


class HashEmbedder:
    """An encoder whose vector of a text depends on that text alone; records what it encodes."""

    dim = 16

    def __init__(self):
        self.calls: list[list[str]] = []

    def passages(self, texts):
        self.calls.append(list(texts))
        return np.stack([vector(t) for t in texts])

    def query(self, text):
        return vector("query: " + text)

    def queries(self, texts):
        return np.stack([self.query(t) for t in texts])


class RecordingTokenizer:
    """The real tokenizer, recording the texts it is asked to tokenise."""

    def __init__(self):
        self._real = default_tokenizer()
        self.vocab = self._real.vocab
        self.texts: list[str] = []

    def words(self, text):
        self.texts.append(text)
        return self._real.words(text)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus"
    path.mkdir()
    for name, values in REPORTS.items():
        (path / f"{name}.md").write_text(text_of(*values), encoding="utf-8")
    return path


def edit_b(corpus):
    (corpus / "b.md").write_text(text_of("乙区", 890, 930), encoding="utf-8")


def stored(index_dir):
    """Everything a reader of the index sees, in position order, with each chunk's stored hash and tokens."""
    loaded = store.load(index_dir, MODEL)
    rows = [(r[0], r[7], json.loads(r[8])) for info in loaded.documents.values()
            for r in segments.rows(store.segment_dir(index_dir, info["segment"]), range(*info["rows"]))]
    searcher = Searcher(loaded, HashEmbedder())
    results = [[(h.chunk.chunk_id, round(h.score, 9), h.bm25_rank, h.dense_rank) for h in searcher.search(q, k=8)]
               for q in QUESTIONS]
    return loaded, rows, dense.vectors_of(loaded.vectors), results


def test_incremental_build_after_an_edit_equals_a_build_from_scratch(corpus, tmp_path):
    build(corpus, tmp_path / "inc", MODEL, HashEmbedder)
    edit_b(corpus)
    build(corpus, tmp_path / "inc", MODEL, HashEmbedder)
    build(corpus, tmp_path / "full", MODEL, HashEmbedder)
    inc, inc_rows, inc_vectors, inc_results = stored(tmp_path / "inc")
    full, full_rows, full_vectors, full_results = stored(tmp_path / "full")

    expected = [c for name in sorted(REPORTS) for c in chunk_document(load_document(corpus / f"{name}.md"))]
    assert inc.chunks == full.chunks == expected  # texts, spans, sections, chunk and sentence labels
    assert any("890亿元" in c.text for c in inc.chunks) and not any("880亿元" in c.text for c in inc.chunks)
    assert [c.label for c in inc.chunks] == [c.label for c in expected]
    assert inc_rows == full_rows  # content hashes and BM25 tokens too
    assert [t for _, _, t in full_rows] == [default_tokenizer().words(c.embed_text()) for c in expected]
    assert np.array_equal(inc_vectors, full_vectors)
    assert np.array_equal(inc_vectors, np.stack([vector(c.embed_text()) for c in expected]))
    where = ("segment", "rows")  # where a report's chunks are stored, not what they are
    assert [{k: v for k, v in info.items() if k not in where} for info in inc.documents.values()] == \
        [{k: v for k, v in info.items() if k not in where} for info in full.documents.values()]
    assert inc_results == full_results and all(inc_results)


def test_unchanged_reports_are_neither_parsed_nor_tokenised_nor_embedded(corpus, tmp_path, monkeypatch):
    build(corpus, tmp_path / "index", MODEL, HashEmbedder)
    old_b = {c.embed_text() for c in chunk_document(load_document(corpus / "b.md"))}
    edit_b(corpus)
    new_b = {c.embed_text() for c in chunk_document(load_document(corpus / "b.md"))}

    parsed = []
    real_load = index.builder.load_document
    monkeypatch.setattr(index.builder, "load_document", lambda path: parsed.append(path.name) or real_load(path))
    tokenizer, embedder = RecordingTokenizer(), HashEmbedder()
    report = build(corpus, tmp_path / "index", MODEL, lambda: embedder, tokenizer=tokenizer)

    assert parsed == ["b.md"]
    assert 1 <= len(new_b - old_b) < len(new_b)
    assert set(tokenizer.texts) == new_b - old_b  # b's unchanged chunks keep their stored tokens
    assert sorted(t for call in embedder.calls for t in call) == sorted(new_b - old_b)
    assert (report.embedded, report.reused) == (len(new_b - old_b), report.chunks - len(new_b - old_b))


def test_changed_label_inputs_reparse_every_report_but_reuse_tokens_and_vectors(corpus, tmp_path, monkeypatch):
    build(corpus, tmp_path / "index", MODEL, HashEmbedder)
    real = fingerprints
    monkeypatch.setattr(index.builder, "fingerprints", lambda max_chars: {**real(max_chars), "chunks": "edited"})
    parsed = []
    real_load = index.builder.load_document
    monkeypatch.setattr(index.builder, "load_document", lambda path: parsed.append(path.name) or real_load(path))
    tokenizer = RecordingTokenizer()
    report = build(corpus, tmp_path / "index", MODEL, pytest.fail, tokenizer=tokenizer)
    assert sorted(parsed) == ["a.md", "b.md", "c.md"] and tokenizer.texts == [] and report.embedded == 0
    assert not report.unchanged

    monkeypatch.setattr(index.builder, "fingerprints", lambda max_chars: {**real(max_chars), "tokens": "edited"})
    report = build(corpus, tmp_path / "index", MODEL, pytest.fail, tokenizer=tokenizer)
    assert len(tokenizer.texts) == report.chunks and report.embedded == 0


def test_fingerprints_follow_the_files_they_depend_on(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for path in INDEX_DATA.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    before = fingerprints(120, data)
    assert fingerprints(120, data) == before
    assert fingerprints(80, data)["chunks"] != before["chunks"]

    (data / "timecues.tsv").write_text((data / "timecues.tsv").read_text(encoding="utf-8") + "target\t2\t力争冲刺\n",
                                       encoding="utf-8")
    labels_edited = fingerprints(120, data)
    assert labels_edited["chunks"] != before["chunks"] and labels_edited["tokens"] == before["tokens"]

    (data / "userdict.txt").write_text((data / "userdict.txt").read_text(encoding="utf-8") + "新质生产力\n",
                                       encoding="utf-8")
    assert fingerprints(120, data)["tokens"] != before["tokens"]


def test_stale_build_folders_are_removed_by_the_next_build_under_the_lock(corpus, tmp_path):
    index_dir = tmp_path / "index"
    first = build(corpus, index_dir, MODEL, HashEmbedder)
    stale = index_dir / ".building-v-20000101T000000-killed"
    stale.mkdir()
    (stale / "chunks.sqlite3").write_bytes(b"half written")
    edit_b(corpus)
    done = []
    with build_lock(index_dir):  # another build is running: the next one must wait to clean up
        worker = threading.Thread(target=lambda: done.append(build(corpus, index_dir, MODEL, HashEmbedder)))
        worker.start()
        until(lambda: waiting_for_lock(index_dir), 30, what="the next build waiting for the build lock")
        assert stale.exists() and not done
    worker.join(timeout=60)
    assert done and not stale.exists() and not list(index_dir.glob(".building-*"))
    assert done[0].version != first.version and store.load(index_dir, MODEL).path == done[0].version


def test_chunks_are_encoded_longest_first_and_put_back_in_order(monkeypatch):
    monkeypatch.setattr(index.builder, "EMBED_BATCH", 3)
    texts = ["短", "长一些的文本内容", "中等长度", "x" * 30, "两字", "又一段比较长的文本"]
    embedder = HashEmbedder()
    out = index.builder._embed(texts, embedder, progress=False)
    sent = [t for call in embedder.calls for t in call]
    assert [len(t) for t in sent] == sorted(map(len, texts), reverse=True)
    assert [len(call) for call in embedder.calls] == [3, 3]
    assert np.array_equal(out, np.stack([vector(t) for t in texts]))
    assert EMBED_BATCH >= 32  # batches big enough for the encoder's own batching


def test_build_report_times_each_step(corpus, tmp_path):
    report = build(corpus, tmp_path / "index", MODEL, HashEmbedder)
    assert set(report.steps) == set(STEPS) and all(v >= 0 for v in report.steps.values())
    assert sum(report.steps.values()) <= report.seconds
    assert report.summary().startswith(f"3 份报告，{report.chunks} 段（新嵌入 {report.chunks}，复用 0）；读取 ")


def test_old_format_index_is_rebuilt_from_scratch(corpus, tmp_path):
    first = build(corpus, tmp_path / "index", MODEL, HashEmbedder)
    manifest = first.version / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        f'"format_version": {store.FORMAT_VERSION}', '"format_version": 3'), encoding="utf-8")
    with pytest.raises(store.IndexUnavailable, match="旧版.*zoneqa index build"):
        store.load(tmp_path / "index", MODEL)
    embedder = HashEmbedder()
    report = build(corpus, tmp_path / "index", MODEL, lambda: embedder)
    assert report.embedded == report.chunks == first.chunks and not report.unchanged
    assert store.load(tmp_path / "index", MODEL).manifest["format_version"] == store.FORMAT_VERSION


PLACES = [f"{name}区" for name in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"]


@pytest.fixture
def twenty(tmp_path):
    """Twenty reports of 3 chunks each: an edit leaves most of the first segment served."""
    path = tmp_path / "twenty"
    path.mkdir()
    for i, place in enumerate(PLACES):
        (path / f"r{i:02d}.md").write_text(text_of(place, 100 + i, 200 + i), encoding="utf-8")
    return path


def test_a_load_beside_the_served_index_takes_its_unchanged_segments_and_reads_the_new_one(twenty, tmp_path):
    index_dir = tmp_path / "index"
    build(twenty, index_dir, MODEL, HashEmbedder)
    served = store.load(index_dir, MODEL)
    (twenty / "r01.md").write_text(text_of(PLACES[1], 890, 930), encoding="utf-8")
    (twenty / "r02.md").unlink()
    (twenty / "r99.md").write_text(text_of("丁区", 410, 450), encoding="utf-8")
    build(twenty, index_dir, MODEL, HashEmbedder)

    again = store.load(index_dir, MODEL, reuse=served)
    assert again.chunks == store.load(index_dir, MODEL).chunks  # as if read from disk alone
    assert [c.doc_id for c in again.chunks[:6]] == ["r00"] * 3 + ["r01"] * 3 and again.chunks[-1].doc_id == "r99"
    assert len(again.chunks) == len(served.chunks)
    assert all(new is old for new, old in zip(again.chunks[:3], served.chunks[:3]))  # r00: not decoded again
    assert "890亿元" in again.chunks[3].text and "丁区" in again.chunks[-3].text
    assert not any(new is old for new in again.chunks[3:6] + again.chunks[-3:] for old in served.chunks)
    assert again.vectors.ntotal == again.lexical.documents == len(again.chunks)


def test_a_report_touched_but_unchanged_is_hashed_not_parsed(corpus, tmp_path, monkeypatch):
    build(corpus, tmp_path / "index", MODEL, HashEmbedder)
    (corpus / "a.md").write_text((corpus / "a.md").read_text(encoding="utf-8"), encoding="utf-8")  # new mtime
    monkeypatch.setattr(index.builder, "load_document", pytest.fail)
    report = build(corpus, tmp_path / "index", MODEL, pytest.fail)
    assert report.unchanged and report.embedded == 0


def test_an_edit_that_keeps_size_and_time_is_still_seen(corpus, tmp_path):
    """A report rewritten within the same clock tick as the build read it: its recorded size and
    time match, so only the rule against trusting recent times makes the build read it again."""
    index_dir = tmp_path / "index"
    build(corpus, index_dir, MODEL, HashEmbedder)
    path = corpus / "b.md"
    before = path.stat()
    edit_b(corpus)  # 880 → 890: same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = build(corpus, index_dir, MODEL, HashEmbedder)
    assert not report.unchanged and report.embedded >= 1
    assert any("890亿元" in c.text for c in store.load(index_dir, MODEL).chunks)


def test_reports_older_than_the_last_build_are_not_even_read(corpus, tmp_path, monkeypatch):
    hour_ago = time.time_ns() - 3600 * 10**9
    for path in corpus.iterdir():
        os.utime(path, ns=(hour_ago, hour_ago))
    build(corpus, tmp_path / "index", MODEL, HashEmbedder)
    monkeypatch.setattr(index.builder, "_raw_hash", pytest.fail)
    assert build(corpus, tmp_path / "index", MODEL, pytest.fail).unchanged


def test_a_report_copied_back_unchanged_is_hashed_once_then_trusted_again(corpus, tmp_path, monkeypatch):
    index_dir, hour_ago = tmp_path / "index", time.time_ns() - 3600 * 10**9
    for path in corpus.iterdir():
        os.utime(path, ns=(hour_ago, hour_ago))
    build(corpus, index_dir, MODEL, HashEmbedder)
    os.utime(corpus / "a.md", ns=(hour_ago + 10**9,) * 2)  # e.g. restored from a backup
    monkeypatch.setattr(index.builder, "load_document", pytest.fail)
    assert build(corpus, index_dir, MODEL, pytest.fail).unchanged  # hashed: the same text
    monkeypatch.setattr(index.builder, "_raw_hash", pytest.fail)
    assert build(corpus, index_dir, MODEL, pytest.fail).unchanged  # its new time was recorded


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
@pytest.mark.parametrize("name", [segments.CHUNKS, f"{segments.TERMS}/counts.npz", dense.VECTORS])
def test_a_damaged_segment_file_makes_the_next_build_start_afresh(corpus, tmp_path, name, damage):
    """The bot says the index is damaged and to rebuild: the rebuild must not take the segment over."""
    index_dir = tmp_path / "index"
    build(corpus, index_dir, MODEL, HashEmbedder)
    (seg_id,) = store.load(index_dir, MODEL).manifest["segments"]
    path = store.segment_dir(index_dir, seg_id) / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncate" else b"\x13" * (len(data) + 7))
    with pytest.raises(store.IndexUnavailable, match="损坏|不一致"):
        store.load(index_dir, MODEL)
    report = build(corpus, index_dir, MODEL, HashEmbedder)
    assert not report.unchanged and report.embedded == report.chunks
    loaded = store.load(index_dir, MODEL)
    assert seg_id not in loaded.manifest["segments"]
    assert any("880亿元" in c.text for c in loaded.chunks)


def test_an_edit_writes_one_small_segment_and_many_edits_keep_segments_few(twenty, tmp_path):
    index_dir = tmp_path / "index"
    first = build(twenty, index_dir, MODEL, HashEmbedder)
    base = store.load(index_dir, MODEL)
    (twenty / "r05.md").write_text(text_of(PLACES[5], 999, 205), encoding="utf-8")
    report = build(twenty, index_dir, MODEL, HashEmbedder)
    manifest = store.load(index_dir, MODEL).manifest
    edited = manifest["documents"]["r05"]["segment"]
    assert manifest["segments"][edited] == 3 and report.embedded == 1  # only r05's chunks were written
    assert {info["segment"] for d, info in manifest["documents"].items() if d != "r05"} == set(base.manifest["segments"])

    for round in range(30):
        n = round % 20
        (twenty / f"r{n:02d}.md").write_text(text_of(PLACES[n], 300 + round, 400), encoding="utf-8")
        build(twenty, index_dir, MODEL, HashEmbedder)
    again = store.load(index_dir, MODEL)
    assert len(again.manifest["segments"]) <= 6  # sizes grow geometrically: about log2(60 chunks)
    for seg_id, size in again.manifest["segments"].items():  # none is mostly rows no longer served
        assert 2 * sum(i["rows"][1] - i["rows"][0] for i in again.documents.values() if i["segment"] == seg_id) >= size
    assert not {p.name for p in (index_dir / store.SEGMENTS).iterdir()} - set(again.manifest["segments"]) \
        - {s for v in index_dir.glob("v-*") for s in json.loads((v / "manifest.json").read_text())["segments"]}
    fresh = build(twenty, tmp_path / "fresh", MODEL, HashEmbedder)
    assert fresh.chunks == first.chunks == len(again.chunks)
    assert again.chunks == store.load(tmp_path / "fresh", MODEL).chunks
    (_, rows, vectors, results), (_, rows2, vectors2, results2) = stored(index_dir), stored(tmp_path / "fresh")
    assert rows == rows2 and np.array_equal(vectors, vectors2) and results == results2
