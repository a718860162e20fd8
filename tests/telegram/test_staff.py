"""Staff in Telegram end to end: the real Application over HTTP against the Bot API stand-in.
Admins add reports by sending files, rebuild, read stats and 👎 feedback, and nothing anyone else
sends changes the corpus or the index.

What the handlers do with uploads, refusals, status messages and the audit trail runs on a copy
of the seed corpus with the stand-in's FakeLiveAnswerer (no model, no index). Three tests run the
real LiveAnswerer on a copy of the seed index: uploads in every format going live and answered, a
report of another place going live, and questions answered throughout a /reindex. How a rebuild
fails or is picked up from disk is bot.answering.live's part, tested in tests/test_live.py.
"""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass

import pytest

from bot.answering import live as live_module
from bot.answering.answerer import Answerer
from bot.answering.evidence import Answer
from bot.answering.live import LiveAnswerer
from bot.evaluation.gold import _problems, load_gold
from bot.settings import Settings
from bot.telegram import app as telegram_app
from bot.telegram import messages
from bot.telegram.app import build_application
from bot.telegram.history import DB_NAME, History
from conftest import CORPUS, copy_seed, with_settings
from index import store
from index.childbuild import build_in_child
from index.reading import ingest
from index.search.searcher import Searcher
from index.settings import IndexSettings
from report_files import CASES, FILLER, pdf_bytes, report_file, zip_bomb
from telegram_standin import BOT_USER, Call, FakeAnswerer, FakeLiveAnswerer, TelegramStandIn, polling
from telegram_checks import assert_all_html, buttons, hashed, plain
from waiting import build_children, until, until_async

pytestmark = pytest.mark.anyio

ADMIN, CITIZEN, OTHER_CITIZEN = 501, 41, 42
GROUP = -1002  # a group chat both are in
GDP_2018 = "2018年地区生产总值是多少？"
UNANSWERABLE = "昆山高新区有多少只大熊猫？"
LIYANG = ("溧阳高新区2019年工作会议\n\n"
          "2018年,溧阳高新区全年完成地区生产总值321亿元,增长8.2%。"
          "2019年目标:完成地区生产总值350亿元,增长9%。" + FILLER)
STAGES = ("已收到", "已提取", "已索引", "已上线")


@pytest.fixture
def anyio_backend():
    return "asyncio"


STAFF = {"admin_ids": frozenset({ADMIN}), "rate_limit_per_minute": 0}


@pytest.fixture
def settings(tmp_path) -> Settings:
    """A private copy of the seed corpus and no index: the fake answerers need none."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    index = IndexSettings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    return with_settings(Settings(index=index), **STAFF)


@pytest.fixture
def seed_copy(tmp_path, seed_settings, model_cache) -> Settings:
    """A private copy of the seed corpus and its built index, for the real LiveAnswerer."""
    return copy_seed(seed_settings, tmp_path, model_cache, **STAFF)


def snapshot(settings: Settings) -> dict[str, str]:
    """Every file of the corpus and the index, by content."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in (settings.index.corpus_dir, settings.index.index_dir) for p in sorted(d.rglob("*")) if p.is_file()}


def audit_rows(settings: Settings) -> list[tuple]:
    """What the audit trail says was done and how it went: every row but the starts of work."""
    with sqlite3.connect(settings.index.data_dir / DB_NAME) as db:
        return db.execute("SELECT admin_hash, action, detail, ok FROM audit"
                          " WHERE outcome IS NOT 'started' ORDER BY id").fetchall()


def work_rows(settings: Settings) -> list[tuple]:
    """(action, outcome, start row) of the work on record, starts and ends, in order."""
    with sqlite3.connect(settings.index.data_dir / DB_NAME) as db:
        return db.execute("SELECT action, outcome, coalesce(start_id, id) FROM audit"
                          " WHERE outcome IS NOT NULL ORDER BY id").fetchall()


@dataclass
class Staff:
    api: TelegramStandIn
    live: LiveAnswerer | FakeAnswerer
    settings: Settings
    store: History

    async def reply(self, chat_id: int, text: str) -> Call:
        """Send a text and return the bot's reply."""
        self.api.send(chat_id, text)
        return await self.api.next_call("sendMessage", chat_id=chat_id)

    async def say(self, chat_id: int, text: str) -> str:
        return (await self.reply(chat_id, text)).params["text"]

    async def ask(self, question: str, chat_id: int = CITIZEN) -> str:
        return plain(await self.say(chat_id, question))

    async def status(self, chat_id: int = ADMIN, timeout: float = 180) -> list[str]:
        """The texts one status message went through, up to its final ✅ or ❌ (a build runs in a
        child process that loads the model: seconds, a minute or more on a busy machine)."""
        texts = [(await self.api.next_call("sendMessage", chat_id=chat_id)).params["text"]]
        while "✅" not in texts[-1] and "❌" not in texts[-1]:
            edit = await self.api.next_call("editMessageText", timeout=timeout, chat_id=chat_id)
            texts.append(edit.params["text"])
        return [plain(t) for t in texts]

    async def upload(self, name: str, data: bytes, caption: str | None = None) -> list[str]:
        self.api.upload(ADMIN, name, data, caption=caption)
        return await self.status()


@contextlib.asynccontextmanager
async def staff_bot(settings: Settings, answerer: LiveAnswerer | FakeAnswerer):
    """The real Application serving `answerer` on `settings`; checks the HTML it sent."""
    async with TelegramStandIn() as api:
        config = with_settings(settings, token=api.token, base_url=api.base_url)
        history = History.open(config.index.data_dir)
        try:
            async with polling(build_application(config, answerer, history)):
                yield Staff(api, answerer, config, history)
        finally:
            history.close()
    assert_all_html(api.calls)


@pytest.fixture
async def staff(settings):
    async with staff_bot(settings, FakeLiveAnswerer(settings.index)) as harness:
        yield harness


@pytest.fixture
async def real_staff(seed_copy, embedder):
    searcher = Searcher.open(seed_copy.index, embedder=embedder, build_if_missing=False)
    live = LiveAnswerer(seed_copy.index, seed_copy.answering, Answerer(searcher, seed_copy.answering))
    async with staff_bot(seed_copy, live) as harness:
        yield harness


def assert_went_live(texts: list[str]) -> None:
    final = texts[-1]
    assert "❌" not in final, final
    assert [final.index(stage) for stage in STAGES] == sorted(final.index(stage) for stage in STAGES), final
    assert any("已提取" in t and "已上线" not in t for t in texts), texts  # shown while it indexed


# --- adding reports -----------------------------------------------------------------------------

async def test_each_format_sent_by_an_admin_goes_live_and_is_answered(real_staff):
    staff = real_staff
    for name, (fact, question, figure) in CASES.items():
        texts = await staff.upload(name, report_file(name, fact))
        assert_went_live(texts)
        assert name in texts[0]
        answer = await staff.ask(question)
        assert figure in answer and "2021" in answer, (name, answer)
    assert len(list(staff.settings.index.corpus_dir.glob("2022-01-*.md"))) == len(CASES)
    rows = audit_rows(staff.settings)
    assert [(action, ok) for _, action, _, ok in rows] == [("add", 1)] * len(CASES)
    assert {admin for admin, *_ in rows} == {hashed(staff.settings.index.data_dir, ADMIN)}
    # each upload on record from its start, and its end naming that start
    starts = [start for _, outcome, start in work_rows(staff.settings) if outcome == "started"]
    assert work_rows(staff.settings) == [row for start in starts
                                         for row in (("add", "started", start), ("add", "done", start))]


async def test_a_duplicate_upload_is_refused(staff):
    fact = CASES["report.txt"][0]
    assert_went_live(await staff.upload("report.txt", report_file("report.txt", fact)))
    before = snapshot(staff.settings)
    final = (await staff.upload("again.txt", report_file("report.txt", fact)))[-1]
    assert "❌ 未收录" in final and "资料库中已有相同或几乎相同的报告" in final
    assert snapshot(staff.settings) == before
    _, action, detail, ok = audit_rows(staff.settings)[-1]
    assert (action, ok) == ("add", 0) and detail.startswith("again.txt: 资料库中已有相同")


async def test_an_upload_from_a_citizen_is_refused_and_changes_nothing(staff):
    before = snapshot(staff.settings)
    staff.api.upload(CITIZEN, "report.txt", report_file("report.txt", CASES["report.txt"][0]),
                     caption="place: 昆山高新区")
    assert (await staff.api.next_call("sendMessage", chat_id=CITIZEN)).params["text"] == messages.ADMIN_ONLY
    assert not {"getFile", "download"} & set(staff.api.methods())
    assert snapshot(staff.settings) == before
    # on record, by hashed id: who tried what
    assert audit_rows(staff.settings) == [(hashed(staff.settings.index.data_dir, CITIZEN), "refused",
                                           "upload report.txt", 0)]


BAD_FILES = {
    "truncated PDF": ("t.pdf", lambda: pdf_bytes(CASES["report.pdf"][0])[:300], "PDF 文件已损坏或不完整"),
    "zip bomb named .docx": ("bomb.docx", zip_bomb, "解压后超过"),
    "binary named .txt": ("b.txt", lambda: bytes(range(256)) * 20, "二进制数据，不是文本文件"),
    "empty file": ("e.txt", lambda: b"", "文件是空的"),
    "over the size limit": ("big.txt", lambda: ("很长的报告。" * 200).encode(), "超过"),
    "unsupported type": ("x.exe", lambda: b"MZ" * 100, "不支持.exe的文件"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
async def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(case, staff, monkeypatch):
    if case == "over the size limit":
        monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    name, make, reason = BAD_FILES[case]
    before = snapshot(staff.settings)
    final = (await staff.upload(name, make()))[-1]
    assert "❌ 未收录，资料库和索引都没有改动" in final and reason in final, final
    assert snapshot(staff.settings) == before
    if case in ("over the size limit", "unsupported type"):
        assert "download" not in staff.api.methods()  # refused before downloading
    [(_, action, detail, ok)] = audit_rows(staff.settings)
    assert (action, ok) == ("add", 0) and detail.startswith(name) and reason in detail
    assert "762亿元" in await staff.ask(GDP_2018)


async def test_a_caption_it_cannot_read_is_refused(staff):
    before = snapshot(staff.settings)
    final = (await staff.upload("report.txt", report_file("report.txt", CASES["report.txt"][0]),
                                caption="plcae: 溧阳高新区"))[-1]
    assert "❌ 未收录" in final and "plcae: 溧阳高新区" in final and "title、date、place、source" in final
    assert snapshot(staff.settings) == before


async def test_another_place_added_with_a_caption_is_answered_and_the_zone_is_unchanged(real_staff):
    staff = real_staff
    zone_before = await staff.say(CITIZEN, "去年高新区GDP多少")
    assert "762亿元" in zone_before
    caption = "place: 溧阳高新区\n日期：2019-02-01\ntitle: 2019年溧阳高新区工作会议"
    texts = await staff.upload("liyang.txt", LIYANG.encode(), caption=caption)
    assert_went_live(texts)
    assert "地点：溧阳高新区\n" in texts[-1] and "（自动识别）" not in texts[-1].split("来源")[0]
    [added] = staff.settings.index.corpus_dir.glob("2019-02-*.md")
    header = "title: 2019年溧阳高新区工作会议\ndate: 2019-02-01\nplace: 溧阳高新区\n"
    assert header in added.read_text(encoding="utf-8")

    other = await staff.ask("溧阳高新区去年GDP多少")
    assert "321亿元" in other and "溧阳高新区" in other and "762" not in other
    assert await staff.say(OTHER_CITIZEN, "去年高新区GDP多少") == zone_before


async def test_the_upload_status_ends_with_what_the_new_index_understood(real_staff):
    caption = "place: 溧阳高新区\ndate: 2019-02-01\ntitle: 2019年溧阳高新区工作会议"
    final = (await real_staff.upload("liyang.txt", LIYANG.encode(), caption=caption))[-1]
    live, understood = final.split("📊 识别结果\n")
    assert live.rstrip().endswith("市民马上就能问到")
    lines = understood.splitlines()
    assert lines[:4] == ["地点：溧阳高新区　报告日期：2019-02-01",
                         "涉及年份：2018年 实际 1；2019年 目标 1",
                         "识别出 2 个数字：实际 1，目标 1，预计 0，多年 0",
                         "示例："]
    assert lines[4].startswith("• 2018年 实际 321亿元（依据：句中年份）“2018年,溧阳高新区全年完成地区生产总值321亿元")
    assert lines[5].startswith("• 2019年 目标 350亿元（依据：句中年份）“2019年目标:完成地区生产总值350亿元")
    assert len(lines) == 6


async def test_the_upload_is_followed_by_the_page_of_its_figures(staff):
    caption = "place: 溧阳高新区\ndate: 2019-02-01\ntitle: 2019年溧阳高新区工作会议"
    assert_went_live(await staff.upload("liyang.txt", LIYANG.encode(), caption=caption))
    sent = await staff.api.next_call("sendDocument", chat_id=ADMIN)
    assert sent.params["document"]["filename"].endswith(".html")
    assert sent.params["caption"].startswith("📄 这份报告识别出的全部 2 个数字。")
    html = sent.params["document"]["content"].decode("utf-8")
    assert "<title>识别出的数字：2019年溧阳高新区工作会议</title>" in html
    rows = re.findall(r'<tr data-place="([^"]*)" data-kind="([^"]*)"', html)
    assert rows == [("溧阳高新区", "实际"), ("溧阳高新区", "目标")]  # the new report's only
    assert "<mark>321亿元</mark>" in html and "<mark>350亿元</mark>" in html


# --- rebuilding ---------------------------------------------------------------------------------

async def test_questions_are_answered_throughout_a_reindex_then_from_the_new_index(real_staff, monkeypatch):
    staff = real_staff
    fact, question, figure = CASES["report.txt"]
    ingest.add_report(staff.settings.index.corpus_dir, "report.txt", report_file("report.txt", fact))  # `zoneqa corpus add`
    building: list[float] = []

    def answered_since_the_build_began() -> int:
        return sum(c.method == "sendMessage" and c.at > building[0] and c.params.get("chat_id") in askers
                   for c in list(staff.api.calls))

    def slow_build(settings, check):  # the new version serves once a stream of questions has met the build
        building.append(time.monotonic())

        def held(version):
            until(lambda: answered_since_the_build_began() >= 5, 30,
                  what=lambda: f"5 questions answered while the index was built (only {answered_since_the_build_began()})")
            check(version)

        report = build_in_child(settings, check=held)
        building.append(time.monotonic())
        return report

    monkeypatch.setattr(live_module, "build_in_child", slow_build)
    staff.api.send(ADMIN, "/reindex")
    outcome = asyncio.ensure_future(staff.status())
    askers = [CITIZEN, OTHER_CITIZEN, 43, 44]
    sent = 0
    deadline = time.monotonic() + 60
    while not outcome.done() and time.monotonic() < deadline:
        staff.api.send(askers[sent % len(askers)], GDP_2018)
        sent += 1
        await asyncio.sleep(0.05)
    final = (await outcome)[-1]
    assert "✅ 索引已重建并上线：2 份报告" in final and "复用" in final

    replies = [await staff.api.next_call("sendMessage", chat_id=askers[i % len(askers)])
               for i in range(sent)]
    assert all("<b>762亿元</b>" in c.params["text"] for c in replies)
    assert not any(c.params.get("text") == messages.ERROR for c in staff.api.calls)
    start, end = building
    assert sum(start < c.at < end for c in replies) >= 5  # answered while the new index was built
    assert figure in await staff.ask(question, chat_id=45)
    assert audit_rows(staff.settings)[-1][1::2] == ("reindex", 1)


async def test_a_reindex_whose_build_is_killed_says_so_in_chinese_and_the_old_index_answers(real_staff):
    """The kernel's out-of-memory killer ends the build process (SIGKILL): the admin is told so, in
    Chinese, and citizens are answered from the index served before."""
    staff = real_staff
    index_dir = staff.settings.index.index_dir
    served = store.current_version(index_dir)
    ingest.add_report(staff.settings.index.corpus_dir, "report.txt",  # something to embed: the build takes a while
                      report_file("report.txt", CASES["report.txt"][0]))
    staff.api.send(ADMIN, "/reindex")
    outcome = asyncio.ensure_future(staff.status())
    await until_async(build_children, 30, what="the build process started")
    for pid in build_children():
        os.kill(pid, signal.SIGKILL)
    final = (await outcome)[-1]
    assert "❌ 重建失败，旧索引继续回答" in final and "SIGKILL" in final and "内存不足" in final, final
    assert "762亿元" in await staff.ask(GDP_2018)
    assert store.current_version(index_dir) == served
    assert audit_rows(staff.settings)[-1][1::2] == ("reindex", 0)


async def test_a_failed_reindex_says_why_and_the_old_index_keeps_answering(staff):
    staff.live.fail_with = "the corpus has no readable report"
    staff.api.send(ADMIN, "/reindex")
    final = (await staff.status())[-1]
    assert "❌ 重建失败，旧索引继续回答" in final and "no readable report" in final
    assert "762亿元" in await staff.ask(GDP_2018)
    [(_, action, detail, ok)] = audit_rows(staff.settings)
    assert (action, ok) == ("reindex", 0) and "no readable report" in detail


async def test_an_upload_whose_build_fails_is_kept_but_not_served(staff):
    staff.live.fail_with = "OSError: No space left on device"
    final = (await staff.upload("report.txt", report_file("report.txt", CASES["report.txt"][0])))[-1]
    assert "已提取" in final and "没有上线" in final and "/reindex" in final
    assert "No space left on device" in final
    assert len(list(staff.settings.index.corpus_dir.glob("2022-01-*.md"))) == 1
    assert "762亿元" in await staff.ask(GDP_2018)
    assert audit_rows(staff.settings)[-1][1::2] == ("add", 0)


class WithNewReport(FakeAnswerer):
    """What an index built by `zoneqa index build` knows: the seed's figures and one new fact."""

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        if question != CASES["report.txt"][1]:
            return super().ask(question, previous)
        return Answer(question=question, answer="2021年昆山高新区新建口袋公园18座。", abstained=False,
                      value="18座", year=2021, kind="result", confidence=0.9)


async def test_an_index_built_from_the_command_line_goes_live_without_a_restart(settings, monkeypatch):
    monkeypatch.setattr(telegram_app, "REFRESH_SECONDS", 0.05)  # before the bot starts looking
    _, question, figure = CASES["report.txt"]
    live = FakeLiveAnswerer(settings.index)
    async with staff_bot(settings, live) as staff:
        assert figure not in await staff.ask(question)
        live.on_disk = WithNewReport()  # `zoneqa index build`, another process
        await until_async(lambda: live.on_disk is None, 5,  # the bot's periodic look has switched to it
                          what="the new index picked up")
        assert figure in await staff.ask(question, chat_id=OTHER_CITIZEN)


# --- reading usage and feedback -----------------------------------------------------------------

async def test_stats_feedback_and_export_for_admins(staff, tmp_path):
    answered, refused = [await staff.reply(CITIZEN, q) for q in (GDP_2018, UNANSWERABLE)]
    votes = ((answered, "👎", CITIZEN), (refused, "👎", CITIZEN), (answered, "👍", OTHER_CITIZEN))
    for reply, label, voter in votes:
        staff.api.tap(reply.result, dict(buttons(reply))[label], voter)
        assert (await staff.api.next_call("answerCallbackQuery")).params["text"] == messages.THANKS

    stats = plain(await staff.say(ADMIN, "/stats"))
    assert "提问 2 次：回答 1，拒答 1" in stats and "👍 1　👎 2" in stats
    assert GDP_2018 in stats and UNANSWERABLE in stats and " ms" in stats

    feedback = plain(await staff.say(ADMIN, "/feedback"))
    assert feedback.index(UNANSWERABLE) < feedback.index(GDP_2018)  # latest first
    assert "762亿元" in feedback and "/feedback export" in feedback
    assert await staff.say(ADMIN, "/feedback please") == messages.FEEDBACK_USAGE

    staff.api.send(ADMIN, "/feedback export")
    sent = await staff.api.next_call("sendDocument", chat_id=ADMIN)
    assert sent.params["document"]["filename"].endswith(".jsonl") and "zoneqa eval" in sent.params["caption"]
    items = [json.loads(line) for line in sent.params["document"]["content"].decode("utf-8").splitlines()]
    assert [(i["question"], i["type"]) for i in items] == [
        (UNANSWERABLE, "unanswerable"), (GDP_2018, "number")]
    assert all(i["answer"] == "" and i["must_contain"] == [] for i in items)
    # Gold items already, but for what staff must fill in.
    refused_problems, answered_problems = (_problems(i, None) for i in items)
    assert refused_problems == []
    [problem] = answered_problems
    assert "evidence" in problem and "must_contain" in problem
    items[1].update(answer="2018年地区生产总值762亿元。", must_contain=["762亿元"],
                    evidence="地区生产总值762亿元")
    gold = tmp_path / "feedback.jsonl"
    gold.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    assert [g.question for g in load_gold(gold)] == [UNANSWERABLE, GDP_2018]

    staff.api.send(ADMIN, "/reindex")
    assert "✅ 索引已重建并上线：1 份报告" in (await staff.status())[-1]
    assert [(action, ok) for _, action, _, ok in audit_rows(staff.settings)] == [
        ("stats", 1), ("feedback", 1), ("feedback_export", 1), ("reindex", 1)]


async def test_citizens_get_a_polite_refusal_for_every_staff_command(staff):
    before = snapshot(staff.settings)
    for command in ("/reindex", "/stats", "/feedback", "/feedback export"):
        assert await staff.say(CITIZEN, command) == messages.ADMIN_ONLY
    assert "sendDocument" not in staff.api.methods()
    assert snapshot(staff.settings) == before
    citizen = hashed(staff.settings.index.data_dir, CITIZEN)
    assert audit_rows(staff.settings) == [(citizen, "refused", command, 0)
                                          for command in ("/reindex", "/stats", "/feedback", "/feedback")]
    assert "/reindex" not in await staff.say(CITIZEN, "/help")
    help_text = plain(await staff.say(ADMIN, "/help"))
    assert "/reindex" in help_text and "place: 溧阳高新区" in help_text and "/feedback export" in help_text


async def test_without_a_live_answerer_staff_are_told_reports_cannot_go_live(settings):
    async with staff_bot(settings, FakeAnswerer()) as staff:
        before = snapshot(settings)
        assert await staff.say(ADMIN, "/reindex") == messages.NOT_LIVE
        final = (await staff.upload("report.txt", report_file("report.txt", CASES["report.txt"][0])))[-1]
        assert "❌ 未收录" in final and "zoneqa index build" in final
        assert snapshot(settings) == before
        assert "762亿元" in await staff.ask(GDP_2018)


# --- the audit trail starts when the work starts ---------------------------------------------

async def test_a_reindex_is_on_record_from_its_start_to_its_end(staff, monkeypatch):
    started, release = threading.Event(), threading.Event()
    rebuild = staff.live.rebuild

    def held():  # the rebuild of a bot that may be killed now
        started.set()
        assert release.wait(30)
        return rebuild()

    monkeypatch.setattr(staff.live, "rebuild", held)
    staff.api.send(ADMIN, "/reindex")
    await until_async(started.is_set, 30, what="the rebuild to begin")
    [(action, outcome, start)] = work_rows(staff.settings)
    assert (action, outcome) == ("reindex", "started")  # on record while the work runs
    release.set()
    assert "✅ 索引已重建并上线" in (await staff.status())[-1]
    assert work_rows(staff.settings) == [("reindex", "started", start), ("reindex", "done", start)]


async def test_work_a_stopped_bot_left_half_way_is_closed_as_interrupted_at_the_next_start(settings):
    history = History.open(settings.index.data_dir)
    left = history.audit_start(user_id=ADMIN, action="reindex", detail="/reindex")  # then killed
    finished = history.audit_start(user_id=ADMIN, action="add", detail="a.txt")
    history.audit_end(finished, detail="a.txt → a", ok=True)
    history.close()
    async with staff_bot(settings, FakeLiveAnswerer(settings.index)):  # the next start
        pass
    assert work_rows(settings) == [("reindex", "started", left), ("add", "started", finished),
                                   ("add", "done", finished), ("reindex", "interrupted", left)]
    async with staff_bot(settings, FakeLiveAnswerer(settings.index)):  # closed once, not again
        pass
    assert len(work_rows(settings)) == 4


async def test_staff_commands_in_a_group_are_refused_and_on_record(staff):
    before = snapshot(staff.settings)
    replies = []
    for user in (CITIZEN, ADMIN):  # one after the other: updates are handled concurrently
        staff.api.send(GROUP, f"/reindex@{BOT_USER['username']}", user_id=user)
        replies.append((await staff.api.next_call("sendMessage", chat_id=GROUP)).params["text"])
    assert replies == [messages.ADMIN_ONLY, messages.ADMIN_IN_PRIVATE]
    assert snapshot(staff.settings) == before
    data_dir = staff.settings.index.data_dir
    assert audit_rows(staff.settings) == [(hashed(data_dir, user), "refused", "/reindex (in a group)", 0)
                                          for user in (CITIZEN, ADMIN)]
