"""Adding reports in every supported format, and refusing what would damage the corpus."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.answering.answerer import Answerer
from index.reading import ingest
from index.builder import build
from index.reading.ingest import IngestError, add_report, remove_report
from index.search.searcher import Searcher
from conftest import CORPUS, copy_seed
from report_files import CASES, pdf_bytes, report_file, zip_bomb

@pytest.fixture
def settings(tmp_path, seed_settings, model_cache):
    return copy_seed(seed_settings, tmp_path, model_cache)


def _snapshot(*dirs: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in dirs if d.exists() for p in sorted(d.rglob("*")) if p.is_file()}


def test_each_format_is_added_and_its_fact_answered(settings, embedder):
    for name, (fact, _, _) in CASES.items():
        added = add_report(settings.index.corpus_dir, name, report_file(name, fact))
        assert added.meta["place"] == "昆山高新区"
        assert added.meta["date"].startswith("2022-01")
        assert "2021年工作报告" in added.meta["title"]
        assert fact.replace(",", "") in added.path.read_text(encoding="utf-8").replace(",", "").replace("，", "")
    build(settings.index.corpus_dir, settings.index.index_dir, settings.index.model, lambda: embedder)
    answerer = Answerer(Searcher.open(settings.index, embedder=embedder), settings.answering)
    for name, (_, question, figure) in CASES.items():
        answer = answerer.ask(question)
        assert not answer.abstained, (name, answer.answer)
        assert figure in answer.answer and "2021年" in answer.answer, (name, answer.answer)


def test_metadata_given_wins_over_inferred(settings):
    added = add_report(settings.index.corpus_dir, "x.txt", report_file("x.txt", CASES["report.txt"][0]),
                       title="口袋公园专报", place="昆山高新区", date="2022-02-01", source="管委会")
    assert added.meta == {"title": "口袋公园专报", "date": "2022-02-01", "place": "昆山高新区",
                          "source": "管委会"}
    assert added.inferred == {}


@pytest.mark.parametrize("when", ["2099-05-01", "2099", "2030-01"])
def test_a_delivery_date_after_today_is_refused_unless_staff_say_so(settings, when):
    data = report_file("x.txt", CASES["report.txt"][0])
    before = _snapshot(settings.index.corpus_dir)
    with pytest.raises(IngestError, match=f"报告日期 {when} 晚于今天，请核对日期"):
        add_report(settings.index.corpus_dir, "x.txt", data, date=when)
    assert _snapshot(settings.index.corpus_dir) == before
    assert add_report(settings.index.corpus_dir, "x.txt", data, date=when, future_ok=True).meta["date"] == when


def test_a_date_that_is_no_date_is_refused(settings):
    with pytest.raises(IngestError, match="报告日期“2026-13-45”不是有效的日期"):
        add_report(settings.index.corpus_dir, "x.txt", report_file("x.txt", CASES["report.txt"][0]), date="2026-13-45")


def test_duplicates_are_refused(settings):
    data = report_file("a.txt", CASES["report.txt"][0])
    add_report(settings.index.corpus_dir, "a.txt", data)
    before = _snapshot(settings.index.corpus_dir)
    with pytest.raises(IngestError, match="资料库中已有相同"):
        add_report(settings.index.corpus_dir, "again.txt", data)
    seed = (CORPUS / "2019-kunshan-hitech-zone-work-conference.md").read_bytes()
    with pytest.raises(IngestError, match="资料库中已有相同"):
        add_report(settings.index.corpus_dir, "seed.md", seed)
    body = seed.decode("utf-8").split("---\n", 2)[2]
    retyped = body.replace("762亿元", "762 亿元").replace(",", "，")  # same text, typed again
    with pytest.raises(IngestError, match="资料库中已有相同"):
        add_report(settings.index.corpus_dir, "retyped.txt", retyped.encode("utf-8"))
    with pytest.raises(IngestError, match="资料库中已有相同"):  # a paragraph dropped
        add_report(settings.index.corpus_dir, "near.txt", body.replace("智谷小镇", "", 1).encode("utf-8"))
    assert _snapshot(settings.index.corpus_dir) == before


BAD_FILES = {
    "truncated PDF": ("t.pdf", lambda: pdf_bytes("2021年,昆山高新区新增公共充电桩450个。")[:300], "PDF"),
    "zip bomb named .docx": ("bomb.docx", zip_bomb, "解压后超过"),
    "binary named .txt": ("b.txt", lambda: bytes(range(256)) * 20, "二进制数据"),
    "empty file": ("e.txt", lambda: b"", "文件是空的"),
    "scanned PDF without text": ("scan.pdf", lambda: pdf_bytes(""), "没有文字层"),
    "unsupported type": ("x.exe", lambda: b"MZ" * 100, "不支持这种文件类型"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_and_change_nothing(case, settings):
    before = _snapshot(settings.index.corpus_dir, settings.index.index_dir)
    name, make, message = BAD_FILES[case]
    with pytest.raises(IngestError, match=message):
        add_report(settings.index.corpus_dir, name, make())
    assert _snapshot(settings.index.corpus_dir, settings.index.index_dir) == before


def test_a_file_over_the_size_limit_is_refused(settings, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    before = _snapshot(settings.index.corpus_dir)
    with pytest.raises(IngestError, match="的上限"):
        add_report(settings.index.corpus_dir, "big.txt", ("很长的报告。" * 200).encode())
    assert _snapshot(settings.index.corpus_dir) == before


def test_filenames_are_sanitised(settings):
    added = add_report(settings.index.corpus_dir, "../../etc/passwd 报告.txt", report_file("x.txt", CASES["report.txt"][0]))
    assert added.path.parent == settings.index.corpus_dir
    assert "上传文件 passwd_报告.txt" == added.meta["source"]


def test_removed_report_leaves_the_answers_after_reindex_and_is_kept(settings, embedder):
    fact, question, figure = CASES["report.txt"]
    added = add_report(settings.index.corpus_dir, "report.txt", report_file("report.txt", fact))
    build(settings.index.corpus_dir, settings.index.index_dir, settings.index.model, lambda: embedder)
    assert figure in Answerer(Searcher.open(settings.index, embedder=embedder), settings.answering).ask(question).answer
    kept = remove_report(settings.index.corpus_dir, added.doc_id)
    assert kept.exists() and kept.parent.name == ".removed"
    build(settings.index.corpus_dir, settings.index.index_dir, settings.index.model, lambda: embedder)
    answer = Answerer(Searcher.open(settings.index, embedder=embedder), settings.answering).ask(question)
    assert answer.abstained and figure not in answer.answer
    with pytest.raises(IngestError, match="中没有报告"):
        remove_report(settings.index.corpus_dir, added.doc_id)
