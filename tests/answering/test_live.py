"""LiveAnswerer on a real index: askers keep being answered while it rebuilds, a failed build
leaves the old index serving, and an index built by another process is picked up."""
from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.answering import live as live_module
from bot.answering.answerer import Answerer
from bot.answering.live import LiveAnswerer, ReindexFailed
from index import store
from index.builder import build
from index.childbuild import build_in_child
from index.reading.ingest import add_report
from index.search.searcher import Searcher
from conftest import copy_seed
from report_files import CASES, report_file
from waiting import build_children, until, waiting_for_lock

# Not "去年…": the uploaded report is newer, which moves "last year" on.
GDP = "2018年地区生产总值是多少？"
FACT, QUESTION, FIGURE = CASES["report.txt"]
ASKERS = 4


@pytest.fixture
def live(tmp_path, seed_settings, model_cache, embedder) -> LiveAnswerer:
    settings = copy_seed(seed_settings, tmp_path, model_cache)
    searcher = Searcher.open(settings.index, embedder=embedder, build_if_missing=False)
    return LiveAnswerer(settings.index, settings.answering, Answerer(searcher, settings.answering))


def _add_fact(live: LiveAnswerer) -> None:
    add_report(live.index.corpus_dir, "report.txt", report_file("report.txt", FACT))


def test_askers_are_answered_throughout_a_rebuild_then_by_the_new_index(live, monkeypatch):
    before = live.ask(GDP).answer
    assert "762亿元" in before
    _add_fact(live)
    assert live.ask(QUESTION).abstained
    building = threading.Event()
    answered: list[list[str]] = [[] for _ in range(ASKERS)]  # each asker's answers so far
    before_the_build: list[int] = []

    def asked_during_the_build() -> list[int]:
        return [len(mine) - then for mine, then in zip(answered, before_the_build)]

    def slow_build(settings, check):  # the new version serves once every asker was answered twice meanwhile
        before_the_build.extend(len(mine) for mine in answered)
        building.set()

        def held(version):
            until(lambda: min(asked_during_the_build()) >= 2, 120,
                  what=lambda: f"every asker answered twice during the build (answers: {asked_during_the_build()})")
            check(version)

        return build_in_child(settings, check=held)

    monkeypatch.setattr(live_module, "build_in_child", slow_build)
    done = threading.Event()

    def ask_until_done(mine: list[str]) -> None:
        while not done.is_set():
            mine.append(live.ask(GDP).answer)

    with ThreadPoolExecutor(ASKERS + 1) as pool:
        askers = [pool.submit(ask_until_done, mine) for mine in answered]
        rebuild = pool.submit(live.rebuild)
        try:
            assert building.wait(timeout=10)
            swap = rebuild.result(timeout=600)  # a guard against a hang, not a time limit: a loaded
            # machine has taken over a minute to start the child's build stack
        finally:  # the askers stop however the rebuild ended
            done.set()
        for asker in askers:
            asker.result(timeout=30)
    assert min(asked_during_the_build()) >= 2
    answers = [a for mine in answered for a in mine]
    assert set(answers) == {before}  # every one answered, the same way, old index or new
    assert swap.documents == 2 and swap.report.embedded > 0
    assert store.current_version(live.index.index_dir) == swap.version
    answer = live.ask(QUESTION)
    assert not answer.abstained and FIGURE in answer.answer


def test_a_failed_build_says_why_and_the_old_index_keeps_serving(live):
    served = store.current_version(live.index.index_dir)
    for report in live.index.corpus_dir.glob("*.md"):
        report.write_text("no metadata header", encoding="utf-8")
    with pytest.raises(ReindexFailed, match="没有可读的报告"):
        live.rebuild()
    assert store.current_version(live.index.index_dir) == served
    assert "762亿元" in live.ask(GDP).answer


def test_a_new_index_that_fails_its_check_is_removed_and_the_old_one_keeps_serving(live, monkeypatch):
    index_dir = live.index.index_dir
    served = store.current_version(index_dir)
    served_segments = {p.name for p in (index_dir / store.SEGMENTS).iterdir()}
    _add_fact(live)

    monkeypatch.setattr(Searcher, "search", lambda self, *args, **kwargs: [])  # the new index finds nothing
    with pytest.raises(ReindexFailed, match="新索引用报告自己的标题.*也检索不到任何段落"):
        live.rebuild()
    monkeypatch.undo()
    assert store.current_version(index_dir) == served
    assert list(index_dir.glob("v-*")) == [served]  # the version no citizen saw is gone, and its segment
    assert {p.name for p in (index_dir / store.SEGMENTS).iterdir()} == served_segments
    assert "762亿元" in live.ask(GDP).answer and live.ask(QUESTION).abstained


def test_an_unexpected_error_in_a_rebuild_is_told_to_staff_in_chinese(live, monkeypatch):
    def crash(settings, check):
        raise KeyError("manifest")

    monkeypatch.setattr(live_module, "build_in_child", crash)
    with pytest.raises(ReindexFailed) as failed:
        live.rebuild()
    assert str(failed.value) == "重建时程序出错（KeyError），详情见日志"
    assert "762亿元" in live.ask(GDP).answer


def test_a_build_started_while_the_new_index_is_checked_waits_for_the_switch(live, embedder, monkeypatch):
    """`zoneqa index build` removes versions that never served: run while the bot checks its new
    version, it must wait until that version serves, then find nothing to change."""
    index_dir, other, workers = live.index.index_dir, [], []
    real_check = LiveAnswerer._check

    def check_while_another_build_starts(self, candidate):
        worker = threading.Thread(target=lambda: other.append(
            build(live.index.corpus_dir, index_dir, live.index.model, lambda: embedder)))
        workers.append(worker)
        worker.start()
        until(lambda: waiting_for_lock(index_dir), 30, what="the other build waiting for the build lock")
        real_check(self, candidate)

    _add_fact(live)
    monkeypatch.setattr(LiveAnswerer, "_check", check_while_another_build_starts)
    swap = live.rebuild()
    workers[0].join(timeout=60)
    # it found the new version serving: nothing to embed (it may record the new report's file time)
    assert other and other[0].unchanged and other[0].embedded == 0
    assert store.current_version(index_dir) in (swap.version, other[0].version) and swap.version.is_dir()
    assert FIGURE in live.ask(QUESTION).answer


def test_a_build_killed_out_of_memory_is_reported_and_the_old_index_keeps_serving(live):
    """The kernel's out-of-memory killer sends SIGKILL: the build process dies at once, the bot
    goes on answering from the index it served, and the next rebuild works."""
    index_dir = live.index.index_dir
    served = store.current_version(index_dir)
    _add_fact(live)
    with ThreadPoolExecutor(1) as pool:
        rebuild = pool.submit(live.rebuild)
        until(build_children, 30, what="the build process started")
        assert "762亿元" in live.ask(GDP).answer  # answered while it builds
        for pid in build_children():
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(ReindexFailed, match="SIGKILL.*内存不足.*正在使用的索引没有变化"):
            rebuild.result(timeout=60)
    assert store.current_version(index_dir) == served
    assert "762亿元" in live.ask(GDP).answer and live.ask(QUESTION).abstained
    swap = live.rebuild()
    assert FIGURE in live.ask(QUESTION).answer
    assert sorted(index_dir.glob("v-*")) == sorted([served, swap.version])  # nothing left of the killed build


def test_refresh_picks_up_an_index_built_by_another_process(live, embedder):
    assert live.refresh_if_changed() is None  # nothing new yet
    _add_fact(live)
    report = build(live.index.corpus_dir, live.index.index_dir, live.index.model, lambda: embedder)
    assert live.ask(QUESTION).abstained  # still the old one until it looks

    swap = live.refresh_if_changed()
    assert swap is not None and swap.version == report.version and swap.documents == 2
    assert FIGURE in live.ask(QUESTION).answer
    assert live.refresh_if_changed() is None


def test_refresh_keeps_the_index_in_use_when_the_new_one_is_damaged(live):
    (live.index.index_dir / "CURRENT").write_text("v-does-not-exist", encoding="utf-8")
    assert live.refresh_if_changed() is None
    assert "762亿元" in live.ask(GDP).answer
