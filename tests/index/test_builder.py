"""Incremental build: embed only what changed; skip unreadable reports; fail clearly on none."""
import json
import numpy as np
import pytest

from index import store
from index.search import dense
from index.builder import BuildError, BuildReport, build
from index.text.chunking import DEFAULT_MAX_CHARS, chunk_document
from index.settings import DEFAULT_MODEL
from index.reading.documents import CorpusError, load_document

HEADER = "---\ntitle: {title}\ndate: {date}\nplace: {place}\nsource: 合成\n---\n"

DOC_A = HEADER.format(title="甲区2020年工作报告", date="2020-01", place="甲区") + """
甲区工作报告

工作回顾

2019年，甲区全年完成地区生产总值520亿元，同比增长6.8%。一般公共预算收入61亿元，增长9.2%。

新增永久绿地12.5万平方米，建成学校6所，新增学位2400个。

今年目标

力争地区生产总值达到560亿元，确保一般公共预算收入突破66亿元。新增高新技术企业40家。
"""

DOC_B = HEADER.format(title="乙区2020年工作报告", date="2020-01", place="乙区") + """
工作回顾

2019年，乙区全年完成工业总产值880亿元，同比增长5.5%。到账外资2.3亿美元。

空气质量优良天数比例81.2%，同比提高3个百分点。

今年目标

力争工业总产值突破930亿元。万人发明专利拥有量达到48件。
"""


class Recorder:
    """The session embedder, recording every text it is asked to embed."""

    def __init__(self, embedder):
        self._embedder = embedder
        self.dim = embedder.dim
        self.texts: list[str] = []

    def passages(self, texts):
        self.texts += texts
        return self._embedder.passages(texts)

    def query(self, text):
        return self._embedder.query(text)


def no_embedder():
    raise AssertionError("the embedder was loaded although nothing needed embedding")


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus"
    path.mkdir()
    (path / "a.md").write_text(DOC_A, encoding="utf-8")
    (path / "b.md").write_text(DOC_B, encoding="utf-8")
    return path


def chunks_of(path):
    return chunk_document(load_document(path))


def vectors_by_text(index_dir):
    loaded = store.load(index_dir, DEFAULT_MODEL)
    vecs = dense.vectors_of(loaded.vectors)
    return {c.embed_text(): vecs[i] for i, c in enumerate(loaded.chunks)}


def test_first_build_embeds_everything(corpus, tmp_path, embedder):
    rec = Recorder(embedder)
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: rec)
    n_a, n_b = len(chunks_of(corpus / "a.md")), len(chunks_of(corpus / "b.md"))
    assert (report.documents, report.chunks, report.embedded, report.reused) == (2, n_a + n_b, n_a + n_b, 0)
    assert report.problems == []
    assert len(rec.texts) == n_a + n_b
    manifest = store.load(tmp_path / "index", DEFAULT_MODEL).manifest
    assert set(manifest["documents"]) == {"a", "b"}
    assert manifest["documents"]["b"]["file"] == "b.md" and manifest["max_chars"] == DEFAULT_MAX_CHARS
    # the stored vectors are the embedder's vectors of the chunk's embed text
    stored = vectors_by_text(tmp_path / "index")
    for c in chunks_of(corpus / "a.md")[:2]:
        assert np.allclose(stored[c.embed_text()], embedder.passages([c.embed_text()])[0], atol=1e-5)


def test_unchanged_rebuild_embeds_nothing(corpus, tmp_path, embedder):
    first = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    before = vectors_by_text(tmp_path / "index")
    again = build(corpus, tmp_path / "index", DEFAULT_MODEL, no_embedder)
    assert (again.embedded, again.reused, again.chunks) == (0, first.chunks, first.chunks)
    assert again.unchanged and again.version == first.version  # nothing to write: the served one stays
    assert "没有变化" in again.summary()
    after = vectors_by_text(tmp_path / "index")
    assert before.keys() == after.keys()
    assert all(np.array_equal(before[t], after[t]) for t in before)


def test_changed_document_reembeds_only_its_own_chunks(corpus, tmp_path, embedder):
    build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    before = vectors_by_text(tmp_path / "index")
    old_b = {c.embed_text() for c in chunks_of(corpus / "b.md")}
    assert "880亿元" in DOC_B and "81.2%" in DOC_B  # the edits below change something
    (corpus / "b.md").write_text(DOC_B.replace("880亿元", "890亿元").replace("81.2%", "82.4%"),
                                 encoding="utf-8")
    new_a = {c.embed_text() for c in chunks_of(corpus / "a.md")}
    new_b = {c.embed_text() for c in chunks_of(corpus / "b.md")}
    changed = new_b - old_b
    assert 1 <= len(changed) < len(new_b)  # some of b's chunks changed, not all

    rec = Recorder(embedder)
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: rec)
    assert report.embedded == len(changed) == len(rec.texts)
    assert set(rec.texts) == changed and not set(rec.texts) & new_a
    assert report.reused == report.chunks - len(changed)
    after = vectors_by_text(tmp_path / "index")
    for text in new_a | (new_b - changed):
        assert np.array_equal(after[text], before[text])
    assert any("890亿元" in t for t in after) and not any("880亿元" in t for t in after)


def test_rewritten_document_reembeds_all_of_it_and_nothing_else(corpus, tmp_path, embedder):
    build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    rewritten = DOC_B
    for old, new in [("乙区", "丙区"), ("工业总产值", "服务业增加值"), ("空气质量", "地表水")]:
        rewritten = rewritten.replace(old, new)
    (corpus / "b.md").write_text(rewritten, encoding="utf-8")
    n_a, n_b = len(chunks_of(corpus / "a.md")), len(chunks_of(corpus / "b.md"))
    rec = Recorder(embedder)
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: rec)
    assert (report.embedded, report.reused) == (n_b, n_a)
    assert sorted(rec.texts) == sorted(c.embed_text() for c in chunks_of(corpus / "b.md"))


def test_added_and_removed_documents(corpus, tmp_path, embedder):
    build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    (corpus / "b.md").unlink()
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, no_embedder)
    n_a = len(chunks_of(corpus / "a.md"))
    assert (report.documents, report.chunks, report.embedded) == (1, n_a, 0)
    loaded = store.load(tmp_path / "index", DEFAULT_MODEL)
    assert set(loaded.documents) == {"a"} and {c.doc_id for c in loaded.chunks} == {"a"}

    (corpus / "c.md").write_text(DOC_B.replace("乙区", "丁区"), encoding="utf-8")
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    # the removed report's chunks are still stored: c's passages with b's very text keep their vectors
    new = [c.embed_text() for c in chunks_of(corpus / "c.md")]
    renamed = [t for t in new if "丁区" in t]
    assert 0 < len(renamed) < len(new)
    assert (report.documents, report.embedded, report.reused) == (2, len(renamed), n_a + len(new) - len(renamed))
    assert {c.doc_id for c in store.load(tmp_path / "index", DEFAULT_MODEL).chunks} == {"a", "c"}


def test_another_model_reembeds_everything(corpus, tmp_path, embedder):
    first = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    report = build(corpus, tmp_path / "index", "someone/else", lambda: embedder)
    assert (report.embedded, report.reused) == (first.chunks, 0)
    assert store.load(tmp_path / "index", "someone/else").manifest["model"] == "someone/else"


def test_other_chunk_size_reuses_what_it_can(corpus, tmp_path, embedder):
    build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder, max_chars=30)
    assert report.embedded > 0 and report.chunks > report.embedded  # short paragraphs are unchanged
    assert store.load(tmp_path / "index").manifest["max_chars"] == 30


BAD_FILES = {
    "empty.md": b"",
    "blank.txt": " \n\n\t \u3000\n".encode(),
    "binary.md": b"---\ntitle: x\x00\x00\x01\x02",
    "gbk.txt": DOC_A.encode("gbk"),
    "latin1.md": "---\ntitle: Caf\u00e9\ndate: 2020\nplace: p\nsource: s\n---\n\u00e9t\u00e9.".encode("latin-1"),
    "noheader.md": "2019年，全区完成地区生产总值100亿元。".encode(),
}


def test_unreadable_reports_are_skipped_and_reported(corpus, tmp_path, embedder):
    for name, data in BAD_FILES.items():
        (corpus / name).write_bytes(data)
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    assert report.documents == 2
    assert len(report.problems) == len(BAD_FILES)
    for name in BAD_FILES:
        assert sum(p.startswith(f"{name}：") for p in report.problems) == 1, report.problems
    by_name = {p.split("：")[0]: p for p in report.problems}
    assert "文件是空的" in by_name["empty.md"] and "文件是空的" in by_name["blank.txt"]
    assert "二进制" in by_name["binary.md"]
    assert "UTF-8" in by_name["gbk.txt"] and "UTF-8" in by_name["latin1.md"]
    assert "元数据头" in by_name["noheader.md"]
    assert set(store.load(tmp_path / "index", DEFAULT_MODEL).documents) == {"a", "b"}


def test_unreadable_file_does_not_stop_an_incremental_build(corpus, tmp_path, embedder):
    build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    (corpus / "zz.md").write_bytes(b"\x00\x01")
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, no_embedder)
    assert report.embedded == 0 and report.problems == ["zz.md：是二进制文件，不是 UTF-8 文本"]


def test_no_readable_report_raises_build_error_and_keeps_served_index(corpus, tmp_path, embedder):
    first = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    for path in corpus.iterdir():
        path.unlink()
    for name, data in BAD_FILES.items():
        (corpus / name).write_bytes(data)
    with pytest.raises(BuildError) as exc:
        build(corpus, tmp_path / "index", DEFAULT_MODEL, no_embedder)
    message = str(exc.value)
    assert "没有可读的报告" in message and all(name in message for name in BAD_FILES)
    loaded = store.load(tmp_path / "index", DEFAULT_MODEL)
    assert loaded.path == first.version and set(loaded.documents) == {"a", "b"}


def test_empty_corpus_dir(tmp_path):
    (tmp_path / "corpus").mkdir()
    with pytest.raises(BuildError, match="没有可读的报告"):
        build(tmp_path / "corpus", tmp_path / "index", DEFAULT_MODEL, no_embedder)
    assert store.current_version(tmp_path / "index") is None


def test_missing_corpus_dir(tmp_path):
    with pytest.raises(CorpusError, match="不存在"):
        build(tmp_path / "nope", tmp_path / "index", DEFAULT_MODEL, no_embedder)


def test_damaged_previous_index_is_rebuilt_from_scratch(corpus, tmp_path, embedder):
    first = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    for seg_id in json.loads((first.version / "manifest.json").read_text(encoding="utf-8"))["segments"]:
        (store.segment_dir(tmp_path / "index", seg_id) / "vectors.npy").write_bytes(b"junk")
    report = build(corpus, tmp_path / "index", DEFAULT_MODEL, lambda: embedder)
    assert (report.embedded, report.reused) == (first.chunks, 0)
    store.load(tmp_path / "index", DEFAULT_MODEL)


def test_report_summary(tmp_path):
    report = BuildReport(2, 30, 5, 25, 1.234, tmp_path,
                         steps={"read": 0.06, "chunk": 0.4, "embed": 0.5, "index": 0.2, "swap": 0.07})
    assert report.summary() == ("2 份报告，30 段（新嵌入 5，复用 25）；"
                                "读取 0.1 s · 分段标注 0.4 s · 嵌入 0.5 s · 建索引 0.2 s · 上线 0.1 s")
    assert BuildReport(2, 30, 0, 30, 0.0123, tmp_path, unchanged=True).summary() == \
        "2 份报告，30 段，没有变化，继续使用当前索引（0.01 s）"
