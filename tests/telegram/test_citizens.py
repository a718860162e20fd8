"""The Telegram bot end to end: the real Application over HTTP against a local Bot API stand-in.

Updates go in through getUpdates (or the webhook); the asserts are on what the bot sends back.
Transport (HTML, buttons, groups, inline mode, limits, errors) runs on the stand-in's canned
FakeAnswerer; two tests run the real answerer on the seed index and the model: one question in
the Application, and `zoneqa bot` as a process. Unit tests for the formatting, the rate limiter
and the store follow at the end.
"""
from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import os
import re
import socket
import sqlite3
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from bot.telegram import messages
from bot.answering.evidence import Answer, Source
from bot.answering.reading.typed import MAX_CHARS
from bot.telegram.ratelimit import SlidingWindowLimiter
from bot.telegram.history import DB_NAME, KEY_NAME, SCHEMA_VERSION, History
from bot.process import RedactSecret
from bot.telegram.app import _api_urls, build_application, require_token, webhook_options
from bot.telegram.menus import commands
from bot.settings import Settings
from bot.answering.catalogue import Coverage
from conftest import ROOT, make_settings, with_settings
from index.settings import IndexSettings
from telegram_checks import assert_all_html, assert_telegram_html, buttons, hashed, plain
from telegram_standin import (BOT_USER, PHOTO, REPORT_TITLE, STICKER, TOKEN, VOICE, FakeAnswerer,
                              FakeIndex, FakeSearcher, TelegramStandIn, polling)
from waiting import until_async

pytestmark = pytest.mark.anyio

GDP_2018 = "2018年地区生产总值是多少？"
UNANSWERABLE = "昆山高新区有多少只大熊猫？"
ALICE, BOB = 41, 42  # private chats share their user's id
GROUP = -1001
PROBE = 99  # the group member whose questions check that the bot is still answering
MENTION = "@" + BOT_USER["username"]
# The seed's headline metric as a result of its reviewed year and a target of its plan year.
FIRST_EXAMPLES = ["昆山高新区2018年地区生产总值是多少？", "昆山高新区2019年地区生产总值目标是多少？"]
# A report of another place, with invented figures found in no other report.
LIYANG_REPORT = """---
title: 2020年溧阳高新区工作会议
date: 2020-02-10
place: 溧阳高新区
source: 测试用报告（虚构数据）
---
2020年溧阳高新区工作会议

一、2019年工作回顾

2019年,溧阳高新区全年完成地区生产总值352亿元,增长8.1%;一般公共预算收入41.5亿元,增长9.3%;进出口总额18.3亿美元,增长4.2%。新增高新技术企业36家,建成人才公寓1200套。

二、2020年主要目标

2020年,溧阳高新区目标任务:完成地区生产总值380亿元,增长8%左右;一般公共预算收入突破45亿元;新增高新技术企业40家。
"""


@pytest.fixture
def anyio_backend():
    return "asyncio"


class RecordingAnswerer:
    """Passes through to the answerer under test, remembering each (question, previous)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.asked: list[tuple[str, Answer | None]] = []

    @property
    def searcher(self):
        return self.inner.searcher

    def documents(self) -> list[dict]:
        return self.inner.documents()

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        self.asked.append((question, previous))
        return self.inner.ask(question, previous)


class ExplodingAnswerer(FakeAnswerer):
    """Fails once `armed`, after the bot has started (and checked its example questions)."""

    armed = False

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        if self.armed:
            raise RuntimeError("internal detail: faiss index corrupt")
        return super().ask(question, previous)


class EchoingAnswerer(FakeAnswerer):
    """Refuses by quoting the question back, so whatever a user types reaches the reply."""

    def ask(self, question: str, previous: Answer | None = None) -> Answer:
        return Answer(question=question, answer=f"没有找到“{question}”的依据。", abstained=True)


# --- harness ----------------------------------------------------------------------------------

async def failures_logged(caplog, count: int, timeout: float = 5.0) -> None:
    """Wait until the error handler has logged `count` failures, the last thing it does for an
    update without a chat; after that the bot sends nothing more for them."""
    await until_async(lambda: sum(r.getMessage() == "Error while handling an update"
                                  for r in caplog.records) >= count,
                      timeout, what=f"{count} failures logged")


@dataclass
class Harness:
    api: TelegramStandIn
    answerer: RecordingAnswerer
    data_dir: Path

    async def ask(self, chat_id: int, text: str, **kwargs):
        """Send a message and return the bot's sendMessage call for that chat."""
        self.api.send(chat_id, text, **kwargs)
        return await self.api.next_call("sendMessage", chat_id=chat_id)

    async def assert_ignored(self, chat_id: int, send) -> None:
        """`send()` queues an update the bot must not answer: after it, a question in
        `chat_id` gets its answer, and that answer is the only message sent."""
        before = len(self.api.calls)
        send()
        if chat_id < 0:
            probe = await self.ask(chat_id, f"{MENTION} {GDP_2018}", user_id=PROBE)
        else:
            probe = await self.ask(chat_id, GDP_2018)
        assert "<b>762亿元</b>" in probe.params["text"]
        assert [c.method for c in self.api.calls[before:]] == ["sendMessage"]



def make_config(data_dir: Path, **values) -> Settings:
    return with_settings(Settings(index=IndexSettings(data_dir=data_dir)), **values)


@contextlib.asynccontextmanager
async def running_bot(answerer, data_dir: Path, **settings):
    """The real Application, long-polling a fresh stand-in; checks every HTML text it sent."""
    recorder = RecordingAnswerer(answerer)
    async with TelegramStandIn() as api:
        config = make_config(data_dir, token=api.token, base_url=api.base_url, **settings)
        store = History.open(data_dir)
        app = build_application(config, recorder, store)
        try:
            async with polling(app):
                recorder.asked.clear()  # the example questions, checked at start-up
                yield Harness(api, recorder, data_dir)
        finally:
            store.close()
    assert_all_html(api.calls)


@pytest.fixture
async def bot(tmp_path):
    async with running_bot(FakeAnswerer(), tmp_path) as harness:
        yield harness


# --- commands ---------------------------------------------------------------------------------

async def test_start_welcomes_with_reports_and_example_buttons(bot):
    menu = await bot.api.next_call("setMyCommands")
    assert [c["command"] for c in menu.params["commands"]] == [c.command for c in commands(None)]
    assert f"/ask {FIRST_EXAMPLES[0]}" in menu.params["commands"][1]["description"]

    reply = await bot.ask(ALICE, "/start")
    text = plain(reply.params["text"])
    assert reply.params["parse_mode"] == "HTML"
    assert "昆山高新区问答" in text and "昆山高新区：2018年实际完成情况，2019年目标" in text
    assert REPORT_TITLE in text
    shown = buttons(reply)
    assert 3 <= len(shown) <= 4
    assert [q for q, _ in shown[:2]] == FIRST_EXAMPLES
    assert [data for _, data in shown] == [f"ex:{i}" for i in range(len(shown))]
    assert all(q.startswith("昆山高新区") for q, _ in shown)


async def test_example_buttons_ask_their_questions(bot):
    welcome = await bot.ask(ALICE, "/start")
    for (question, data), figure in zip(buttons(welcome), ("762亿元", "810亿元")):
        bot.api.tap(welcome.result, data, ALICE)
        reply = await bot.api.next_call("sendMessage", chat_id=ALICE)
        assert (await bot.api.next_call("answerCallbackQuery")).params.get("text") is None
        assert f"❓ {question}" in reply.params["text"]
        assert f"<b>{figure}</b>" in reply.params["text"]


async def test_examples_follow_the_index_and_an_old_button_is_stale(tmp_path):
    other = tmp_path / "corpus"
    other.mkdir()
    (other / "liyang.md").write_text(LIYANG_REPORT, encoding="utf-8")
    answerer = FakeAnswerer()
    async with running_bot(answerer, tmp_path) as bot:
        old = await bot.ask(ALICE, "/start")
        answerer.searcher = FakeSearcher(FakeIndex.of(other))  # another index is now in use
        bot.api.tap(old.result, "ex:0", ALICE)
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
        # the next message is the welcome: the old button was answered with nothing
        welcome = plain((await bot.ask(ALICE, "/start")).params["text"])
    assert "溧阳高新区：2019年实际完成情况，2020年目标" in welcome and "昆山高新区" not in welcome


async def test_an_example_button_showing_another_question_is_stale(bot):
    welcome = await bot.ask(ALICE, "/start")
    forged = {**welcome.result, "reply_markup": {"inline_keyboard": [[{"text": "2017年GDP是多少？",
                                                                        "callback_data": "ex:0"}]]}}
    bot.api.tap(forged, "ex:0", ALICE)
    assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
    await bot.assert_ignored(ALICE, lambda: None)  # and nothing was asked


async def _tap_every_example(bot: "Harness", welcome) -> list[str]:
    """Each example button of `welcome` tapped in turn: the answers, as the user sees them."""
    replies = []
    for question, data in buttons(welcome):
        bot.api.tap(welcome.result, data, ALICE)
        reply = await bot.api.next_call("sendMessage", chat_id=ALICE)
        await bot.api.next_call("answerCallbackQuery")
        assert f"❓ {question}" in reply.params["text"]
        replies.append(reply.params["text"])
    return replies


async def test_the_real_answerer_answers_every_example_of_the_seed(answerer, tmp_path):
    async with running_bot(answerer, tmp_path) as bot:
        welcome = await bot.ask(ALICE, "/start")
        replies = await _tap_every_example(bot, welcome)
    assert [q for q, _ in buttons(welcome)[:2]] == FIRST_EXAMPLES
    assert len(replies) >= 3 and all("<b>" in r and "📄" in r for r in replies)  # a figure, cited
    assert "<b>762亿元</b>" in replies[0] and "<b>810亿元</b>" in replies[1]


@pytest.fixture(scope="module")
def liyang(tmp_path_factory, model_cache, embedder):
    """A real answerer over one report of another place (the default place has none)."""
    from bot.answering.answerer import Answerer
    from index.builder import build
    from index.search.searcher import Searcher

    data = tmp_path_factory.mktemp("liyang")
    (data / "corpus").mkdir()
    (data / "corpus" / "2020-liyang.md").write_text(LIYANG_REPORT, encoding="utf-8")
    settings = make_settings(data, data / "corpus", model_cache)
    build(settings.index.corpus_dir, settings.index.index_dir, settings.index.model, lambda: embedder)
    return Answerer(Searcher.open(settings.index, embedder=embedder, build_if_missing=False), settings.answering)


async def test_a_corpus_of_another_place_is_named_with_its_years_and_its_examples_answered(liyang, tmp_path):
    async with running_bot(liyang, tmp_path) as bot:
        menu = await bot.api.next_call("setMyCommands")
        welcome = await bot.ask(ALICE, "/start")
        sources = plain((await bot.ask(ALICE, "/sources")).params["text"])
        help_text = plain((await bot.ask(ALICE, "/help")).params["text"])
        replies = await _tap_every_example(bot, welcome)
    text = plain(welcome.params["text"])
    covered = "溧阳高新区：2019年实际完成情况，2020年目标"
    assert "溧阳高新区问答" in text and covered in text and covered in sources and covered in help_text
    assert "2020年溧阳高新区工作会议（2020-02-10）" in sources
    for shown in (text, sources, help_text, menu.params["commands"][1]["description"]):
        assert "昆山" not in shown and "2018" not in shown
    questions = [q for q, _ in buttons(welcome)]
    assert questions[:2] == ["溧阳高新区2019年地区生产总值是多少？", "溧阳高新区2020年地区生产总值目标是多少？"]
    assert len(questions) >= 3 and f"例如“{questions[0]}”" in help_text
    assert all("<b>" in r and "📄" in r for r in replies)
    assert "<b>352亿元</b>" in replies[0] and "<b>380亿元</b>" in replies[1]


@pytest.mark.parametrize("command", ["/help", "/help 多余的参数", f"/help{MENTION}"])
async def test_help(bot, command):
    reply = await bot.ask(ALICE, command)
    assert "/ask" in reply.params["text"] and MENTION in reply.params["text"]


async def test_sources_lists_the_reports_and_what_they_cover(bot):
    text = plain((await bot.ask(ALICE, "/sources")).params["text"])
    assert f"• {REPORT_TITLE}（2019-01）" in text
    assert "• 昆山高新区：2018年实际完成情况，2019年目标" in text


# --- answering --------------------------------------------------------------------------------

async def test_numeric_answer_has_bold_figure_year_citation_and_quote(bot):
    reply = await bot.ask(ALICE, GDP_2018)
    text = reply.params["text"]
    assert reply.params["parse_mode"] == "HTML"
    assert "<b>762亿元</b>" in text
    assert "2018" in plain(text)
    assert "📄 " + html.escape(REPORT_TITLE, quote=False) in text
    assert re.search(r"<blockquote>[^<]*762亿元[^<]*</blockquote>", text)
    assert [label for label, _ in buttons(reply)] == ["查看原文", "👍", "👎"]
    assert "reply_parameters" not in reply.params  # private chats get a plain message, not a quote

    with sqlite3.connect(bot.data_dir / DB_NAME) as db:
        row = db.execute("SELECT question, value, year, abstained, sources FROM questions").fetchone()
    assert row[:4] == (GDP_2018, "762亿元", 2018, 0)
    assert REPORT_TITLE in row[4]


async def test_refusal_shows_the_answerers_text_without_figure_or_source(bot):
    reply = await bot.ask(ALICE, UNANSWERABLE)
    assert reply.params["text"] == "抱歉，我在收录的报告中没有找到能回答这个问题的依据。"
    assert [label for label, _ in buttons(reply)] == ["👍", "👎"]


async def test_the_real_answerer_answers_and_refuses_through_the_bot(answerer, tmp_path):
    """End to end on the seed index: a figure with its year, citation and quote; and a refusal."""
    async with running_bot(answerer, tmp_path) as bot:
        reply = await bot.ask(ALICE, GDP_2018)
        refusal = await bot.ask(ALICE, UNANSWERABLE)
    text = reply.params["text"]
    assert "<b>762亿元</b>" in text and "2018" in plain(text)
    assert "📄 " + html.escape(REPORT_TITLE, quote=False) in text
    assert re.search(r"<blockquote>[^<]*762亿元[^<]*</blockquote>", text)
    assert [label for label, _ in buttons(reply)] == ["查看原文", "👍", "👎"]
    assert "<b>" not in refusal.params["text"] and "📄" not in refusal.params["text"]
    assert [label for label, _ in buttons(refusal)] == ["👍", "👎"]


async def test_follow_up_passes_the_previous_answer(bot):
    await bot.ask(ALICE, GDP_2018)
    reply = await bot.ask(ALICE, "那今年呢？")
    (_, first_previous), (question, previous) = bot.answerer.asked
    assert first_previous is None
    assert question == "那今年呢？" and previous.value == "762亿元"
    assert "<b>810亿元</b>" in reply.params["text"] and "2019" in plain(reply.params["text"])


async def test_follow_up_context_is_per_chat(bot):
    await bot.ask(ALICE, GDP_2018)
    await bot.ask(BOB, "那今年呢？")
    assert bot.answerer.asked[-1] == ("那今年呢？", None)


async def test_group_answers_mentions_replies_and_ask_only(bot):
    await bot.assert_ignored(GROUP, lambda: bot.api.send(GROUP, GDP_2018, user_id=ALICE))
    await bot.assert_ignored(GROUP, lambda: bot.api.send(GROUP, f"@other_bot {GDP_2018}", user_id=ALICE))
    await bot.assert_ignored(GROUP, lambda: bot.api.send(GROUP, "/unknown", user_id=ALICE))

    mentioned = await bot.ask(GROUP, f"{MENTION} {GDP_2018}", user_id=ALICE)
    assert "<b>762亿元</b>" in mentioned.params["text"]
    assert bot.answerer.asked[-1][0].strip() == GDP_2018  # the mention is not part of the question
    assert "reply_parameters" in mentioned.params  # in a busy group, the answer quotes its question

    replied = await bot.ask(GROUP, "那今年呢？", user_id=BOB, reply_to=mentioned.result)
    assert "<b>810亿元</b>" in replied.params["text"]

    asked = await bot.ask(GROUP, f"/ask{MENTION} 2018年进出口总额是多少？", user_id=BOB)
    assert "<b>62.9亿美元</b>" in asked.params["text"]
    await bot.assert_ignored(GROUP, lambda: bot.api.send(GROUP, "/ask@other_bot 你好", user_id=BOB))


async def test_inline_query_offers_a_sendable_html_answer(bot):
    bot.api.inline(ALICE, GDP_2018)
    call = await bot.api.next_call("answerInlineQuery")
    [result] = call.params["results"]
    assert result["type"] == "article"
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "<b>762亿元</b>" in content["message_text"] and f"❓ {GDP_2018}" in content["message_text"]

    bot.api.inline(ALICE, "   ")
    empty = await bot.api.next_call("answerInlineQuery")
    assert empty.params["results"] == []
    assert empty.params["button"]["text"] == f"输入问题，例如：{FIRST_EXAMPLES[0]}"


async def test_inline_query_escapes_the_question(bot):
    bot.api.inline(ALICE, "<b>GDP</b> & 2018年地区生产总值是多少？")
    call = await bot.api.next_call("answerInlineQuery")
    assert "&lt;b&gt;GDP&lt;/b&gt; &amp;" in call.params["results"][0]["input_message_content"]["message_text"]


# --- buttons ----------------------------------------------------------------------------------

async def test_thumbs_down_is_stored_hashed_and_a_revote_replaces_it(bot):
    reply = await bot.ask(ALICE, GDP_2018)
    bot.api.tap(reply.result, "vote:1:down", BOB)
    assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.THANKS
    with sqlite3.connect(bot.data_dir / DB_NAME) as db:
        assert db.execute("SELECT question_id, vote FROM feedback").fetchall() == [(1, -1)]

    bot.api.tap(reply.result, "vote:1:up", BOB)
    await bot.api.next_call("answerCallbackQuery")
    with sqlite3.connect(bot.data_dir / DB_NAME) as db:
        assert db.execute("SELECT vote, user_hash FROM feedback").fetchall() == [(1, hashed(bot.data_dir, BOB))]


async def test_view_source_sends_the_full_passage(bot):
    reply = await bot.ask(ALICE, GDP_2018)
    bot.api.tap(reply.result, "src:1", ALICE)
    await bot.api.next_call("answerCallbackQuery")
    passage = await bot.api.next_call("sendMessage", chat_id=ALICE)
    # The whole passage, not only the quoted sentence: from the year's opening to its last figure.
    assert re.search(r"<blockquote expandable>2018年,昆山高新区全年完成地区生产总值762亿元,增长7.1%;"
                     r"[^<]*全社会研发投入占比达3.5%。</blockquote>", passage.params["text"])
    assert passage.params["reply_parameters"]["message_id"] == reply.result["message_id"]


FORGED = ["", "garbage", "vote:", "vote:abc:up", "vote:1:sideways", "vote:999:up", "src:999",
          "src:99999999999999999999999", "vote:-1:up", "ex:9", "ex:x", "ex:", "src:1 OR 1=1", "💥" * 30]


@pytest.mark.parametrize("data", FORGED)
async def test_forged_callback_data_gets_a_polite_answer(bot, data):
    reply = await bot.ask(ALICE, GDP_2018)
    bot.api.tap(reply.result, data, ALICE)
    assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
    await bot.assert_ignored(ALICE, lambda: None)  # and the bot still answers


async def test_buttons_only_work_in_the_chat_of_their_answer(bot):
    reply = await bot.ask(ALICE, GDP_2018)
    foreign = {**reply.result, "chat": {"id": BOB, "type": "private", "first_name": "Bob"}}
    for data in ("vote:1:down", "src:1"):
        bot.api.tap(foreign, data, BOB)
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
    bot.api.tap(None, "vote:1:down", BOB)  # from an inline-mode message: no chat at all
    assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
    with sqlite3.connect(bot.data_dir / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM feedback").fetchone() == (0,)


async def test_callback_without_data_is_answered(bot):
    bot.api.tap(None, None, ALICE)
    assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON


# --- limits and errors ------------------------------------------------------------------------

async def test_rate_limit_per_user(tmp_path):
    async with running_bot(FakeAnswerer(), tmp_path, rate_limit_per_minute=2) as bot:
        for _ in range(2):
            assert "<b>762亿元</b>" in (await bot.ask(ALICE, GDP_2018)).params["text"]
        limited = await bot.ask(ALICE, GDP_2018)
        assert limited.params["text"].startswith(messages.RATE_LIMITED.split("{")[0])
        assert len(bot.answerer.asked) == 2
        assert "<b>762亿元</b>" in (await bot.ask(BOB, GDP_2018)).params["text"]  # others unaffected


async def test_answerer_failure_tells_the_user_without_internals(tmp_path, caplog):
    answerer = ExplodingAnswerer()
    async with running_bot(answerer, tmp_path) as bot:
        welcome = await bot.ask(ALICE, "/start")
        answerer.armed = True
        reply = await bot.ask(ALICE, GDP_2018)
        assert reply.params["text"] == messages.ERROR
        bot.api.tap(welcome.result, "ex:0", ALICE)
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.ERROR
        bot.api.inline(ALICE, GDP_2018)  # no chat to tell: logged only
        await failures_logged(caplog, 3)  # the message's, the button's, then the inline query's
        assert "answerInlineQuery" not in bot.api.methods()
    assert "faiss index corrupt" in caplog.text  # logged for the operator


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("media", [STICKER, PHOTO, VOICE], ids=["sticker", "photo", "voice"])
async def test_media_gets_text_only_hint(bot, media):
    reply = await bot.ask(ALICE, None, **media)
    assert reply.params["text"] == f"目前只能回答文字问题，请用文字提问，例如：{FIRST_EXAMPLES[0]}"
    assert bot.answerer.asked == []


ASK_USAGE = f"请把问题写在命令或 @ 提及后面，例如：/ask {FIRST_EXAMPLES[0]}"


@pytest.mark.parametrize("text, expected", [
    ("/ask", ASK_USAGE),
    ("/ask    ", ASK_USAGE),
    (f"/ask{MENTION}", ASK_USAGE),
    (MENTION, ASK_USAGE),
    ("   ", ASK_USAGE),
    ("/frobnicate", messages.UNKNOWN_COMMAND),
    ("问" * 201, "问题太长了（201字）。请把问题缩短到200字以内，例如：“去年高新区GDP多少？”"),
])
async def test_unusable_text_gets_a_hint(bot, text, expected):
    reply = await bot.ask(ALICE, text)
    assert reply.params["text"] == expected
    assert bot.answerer.asked == []


@pytest.mark.parametrize("text", ["😀😀😀", "<b>粗体</b> & <script>alert(1)</script>", "*粗* _斜_ `代码` [链接](x)"])
async def test_odd_text_is_answered_safely(tmp_path, text):
    async with running_bot(EchoingAnswerer(), tmp_path) as bot:
        reply = await bot.ask(ALICE, text)  # the harness checks the HTML is valid
    assert plain(reply.params["text"]) == f"没有找到“{text}”的依据。"  # shown as typed, not as markup


async def test_the_longest_question_is_answered_within_telegrams_limit(tmp_path):
    async with running_bot(EchoingAnswerer(), tmp_path) as bot:
        reply = await bot.ask(ALICE, "a" * MAX_CHARS)
    assert bot.answerer.asked == [("a" * MAX_CHARS, None)]
    shown = plain(reply.params["text"])
    assert shown.startswith("没有找到“" + "a" * MAX_CHARS) and len(shown) <= 4096


async def test_start_with_extra_arguments_still_welcomes(bot):
    reply = await bot.ask(ALICE, "/start help")
    assert [q for q, _ in buttons(reply)[:2]] == FIRST_EXAMPLES


@pytest.mark.parametrize("kind", ["edited_message", "channel_post"])
async def test_edits_and_channel_posts_are_ignored(bot, kind):
    chat_id = ALICE if kind == "edited_message" else GROUP
    await bot.assert_ignored(ALICE, lambda: bot.api.send(chat_id, GDP_2018, kind=kind))
    assert [q for q, _ in bot.answerer.asked] == [GDP_2018]  # the probe only


async def test_empty_text_is_ignored(bot):
    await bot.assert_ignored(ALICE, lambda: bot.api.send(ALICE, ""))


# --- running ----------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_webhook_mode_registers_and_serves_with_a_secret(tmp_path):
    async with TelegramStandIn() as api:
        config = make_config(tmp_path, token=api.token, base_url=api.base_url)
        store = History.open(tmp_path)
        app = build_application(config, FakeAnswerer(), store)
        port = _free_port()
        url = f"http://127.0.0.1:{port}/zoneqa/hook"
        options = webhook_options(url, "127.0.0.1", port)
        async with app:
            await app.updater.start_webhook(**options)
            await app.start()
            registered = await api.next_call("setWebhook")
            assert registered.params["url"] == url
            assert registered.params["secret_token"] == options["secret_token"]

            api.send(ALICE, GDP_2018)  # the stand-in pushes it to the webhook
            assert "<b>762亿元</b>" in (await api.next_call("sendMessage")).params["text"]
            async with aiohttp.ClientSession() as session:
                forged = await session.post(url, json={"update_id": 999, "message": {}})
                assert forged.status == 403
            await app.updater.stop()
            await app.stop()
        store.close()


def test_missing_token_is_a_clear_error(tmp_path):
    store = History.open(tmp_path)
    with pytest.raises(SystemExit, match="TELEGRAM_BOT_TOKEN"):
        build_application(make_config(tmp_path), FakeAnswerer(), store)
    store.close()
    assert require_token(make_config(Path("var"), token="1:x")) == "1:x"


@pytest.mark.parametrize("base", ["http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot/", "http://127.0.0.1:8081"])
def test_api_base_url_with_or_without_bot_suffix(base):
    assert _api_urls(base) == ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")


async def test_zoneqa_bot_command_polls_answers_and_keeps_the_token_secret(seed_settings, tmp_path):
    # The real answerer on the session's seed index and model; the bot's own store in tmp_path.
    for name, target in (("index", seed_settings.index.index_dir), ("models", seed_settings.index.model_cache_dir)):
        (tmp_path / name).symlink_to(target.resolve(), target_is_directory=True)
    async with TelegramStandIn() as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
               "ZONEQA_DATA_DIR": str(tmp_path), "ZONEQA_CORPUS_DIR": str(seed_settings.index.corpus_dir)}
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "bot", env=env, cwd=ROOT,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        ready = asyncio.ensure_future(api.next_call("setMyCommands", timeout=120))  # model and index loaded
        exited = asyncio.ensure_future(process.wait())
        answered = None
        try:
            await asyncio.wait({ready, exited}, return_when=asyncio.FIRST_COMPLETED)
            if ready.done():
                ready.result()
                api.send(ALICE, GDP_2018)
                answered = await api.next_call("sendMessage", timeout=30)
        finally:
            ready.cancel()
            if process.returncode is None:
                process.terminate()  # SIGTERM: PTB stops polling and shuts down cleanly
            try:
                stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
            except TimeoutError:
                process.kill()
                stdout, stderr = await process.communicate()
            exited.cancel()
    output = (stdout + stderr).decode(errors="replace")
    assert answered is not None, f"`zoneqa bot` exited early with {process.returncode}:\n{output}"
    assert "<b>762亿元</b>" in answered.params["text"]
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
    assert process.returncode in (0, -15), output
    assert (tmp_path / DB_NAME).exists()


def test_token_is_redacted_from_log_lines_and_tracebacks(caplog):
    caplog.handler.addFilter(RedactSecret(TOKEN))
    try:
        raise ValueError(f"GET https://api.telegram.org/bot{TOKEN}/getMe failed")
    except ValueError:
        logging.getLogger("test").exception("calling %s", f"/bot{TOKEN}/getMe")
    assert TOKEN not in caplog.text and "<token>" in caplog.text


# --- formatting -------------------------------------------------------------------------------

def _answer(**overrides) -> Answer:
    source = Source(doc_id="d", title="A&B <i>报告</i>", section="<节>", text="证据 <script> & 762亿元",
                    score=0.9, passage="全文 <b>段落</b> & 更多")
    fields = dict(question="<b>问</b>&", answer="地区生产总值为762亿元 <b>&", abstained=False, value="762亿元",
                  year=2018, kind="result", sources=[source])
    return Answer(**{**fields, **overrides})


def test_format_answer_bolds_the_figure_and_escapes_everything_else():
    text = messages.format_answer(_answer(), with_question=True)
    assert_telegram_html(text)
    assert "❓ &lt;b&gt;问&lt;/b&gt;&amp;" in text
    assert "地区生产总值为<b>762亿元</b> &lt;b&gt;&amp;" in text
    assert "📄 A&amp;B &lt;i&gt;报告&lt;/i&gt; · &lt;节&gt;" in text
    assert "<blockquote>证据 &lt;script&gt; &amp; 762亿元</blockquote>" in text


def test_format_answer_puts_a_figure_missing_from_the_text_first():
    text = messages.format_answer(_answer(answer="见报告 & 附表", value="<1>"))
    assert text.startswith("<b>&lt;1&gt;</b>\n见报告 &amp; 附表")


def test_format_refusal_has_no_bold_and_no_source():
    text = messages.format_answer(_answer(abstained=True, value=None, answer="找不到 <依据> & 出处"))
    assert text == "找不到 &lt;依据&gt; &amp; 出处"


def test_format_keeps_long_texts_within_telegrams_limit():
    long = _answer(answer="很长" * 3000, sources=[Source("d", "t" * 300, "s", "证" * 5000, 0.5, "段" * 9000)])
    for text in (messages.format_answer(long, with_question=True), messages.format_passage(
            {"title": "t", "section": "s", "passage": "&" * 9000})):
        assert_telegram_html(text)
        assert len(plain(text)) <= 4096


def test_format_passage_escapes_and_falls_back_to_the_evidence():
    assert "全文 &lt;b&gt;段落&lt;/b&gt; &amp; 更多" in messages.format_passage(
        {"title": "t", "section": "", "passage": "全文 <b>段落</b> & 更多"})
    assert "<blockquote expandable>只有证据</blockquote>" in messages.format_passage(
        {"title": "t", "section": "", "passage": "", "text": "只有证据"})


def test_keyboards_carry_valid_compact_callback_data():
    answered = messages.answer_keyboard(123456789012345678, _answer())
    refused = messages.answer_keyboard(7, _answer(abstained=True))
    examples = messages.examples_keyboard(tuple(FIRST_EXAMPLES))
    data = [b.callback_data for kb in (answered, refused, examples) for row in kb.inline_keyboard for b in row]
    assert all(len(d.encode()) <= 64 for d in data)
    patterns = (messages.EXAMPLE_PATTERN, messages.PASSAGE_PATTERN, messages.VOTE_PATTERN)
    assert all(any(p.match(d) for p in patterns) for d in data)
    assert [b.text for b in refused.inline_keyboard[0]] == ["👍", "👎"]


def test_welcome_and_sources_escape_report_titles():
    documents = [{"title": "<b>报告</b> & 附件", "date": "2019-01"}]
    coverage = (Coverage("<区> & 园", (2018,), (2019,), ()),)
    for text in (messages.welcome(documents, coverage, True), messages.sources_text(documents, coverage)):
        assert_telegram_html(text)
        assert "&lt;b&gt;报告&lt;/b&gt; &amp; 附件（2019-01）" in text


def test_inline_result_titles():
    assert messages.inline_result(_answer()).title == "762亿元（2018年）"
    assert messages.inline_result(_answer(abstained=True, value=None)).title == "没有找到依据"


# --- rate limiter -----------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_allows_n_per_window_then_says_how_long_to_wait():
    clock = Clock()
    limiter = SlidingWindowLimiter(3, window=60, clock=clock)
    assert [limiter.acquire("u") for _ in range(3)] == [0.0, 0.0, 0.0]
    clock.now += 20
    assert limiter.acquire("u") == pytest.approx(40)
    assert limiter.acquire("other") == 0.0
    clock.now += 40
    assert limiter.acquire("u") == 0.0  # the oldest hit slid out of the window


def test_limiter_does_not_count_refused_hits():
    clock = Clock()
    limiter = SlidingWindowLimiter(1, window=10, clock=clock)
    limiter.acquire("u")
    for _ in range(5):
        clock.now += 1
        assert limiter.acquire("u") > 0
    clock.now += 5
    assert limiter.acquire("u") == 0.0


def test_limiter_forgets_idle_users_and_can_be_disabled():
    clock = Clock()
    limiter = SlidingWindowLimiter(2, window=60, clock=clock)
    for user_id in range(100):
        limiter.acquire(user_id)
    clock.now += 61
    limiter.acquire("fresh")
    assert list(limiter._hits) == ["fresh"]
    assert all(SlidingWindowLimiter(0).acquire("u") == 0.0 for _ in range(50))


# --- history ------------------------------------------------------------------------------------

def test_store_keeps_hashes_not_ids_in_wal_with_schema_version(tmp_path):
    chat_id, user_id = 987654321, 123454321
    store = History.open(tmp_path)
    question_id = store.record(_answer(), chat_id=chat_id, user_id=user_id)
    store.vote(question_id, user_id=user_id, up=False)
    store.close()

    assert stat.S_IMODE((tmp_path / KEY_NAME).stat().st_mode) == 0o640  # not for other users
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        dump = "\n".join(db.iterdump())
    assert str(chat_id) not in dump and str(user_id) not in dump
    for path in tmp_path.glob(DB_NAME + "*"):
        assert str(user_id).encode() not in path.read_bytes()

    reopened = History.open(tmp_path)  # same key, so the same person hashes the same way
    assert reopened.find(question_id, chat_id=chat_id).question == "<b>问</b>&"
    assert reopened.find(question_id, chat_id=chat_id + 1) is None
    assert reopened.find(question_id + 1, chat_id=chat_id) is None
    assert reopened.hash_id(user_id) == store.hash_id(user_id) != str(user_id)
    reopened.close()


def test_store_keeps_the_passage_and_one_vote_per_user(tmp_path):
    store = History.open(tmp_path)
    question_id = store.record(_answer(), chat_id=1, user_id=2)
    assert store.find(question_id, chat_id=1).sources[0]["passage"] == "全文 <b>段落</b> & 更多"
    for up in (False, True, True):
        store.vote(question_id, user_id=2, up=up)
    store.vote(question_id, user_id=3, up=False)
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert sorted(db.execute("SELECT vote FROM feedback")) == [(-1,), (1,)]
    store.close()


def test_store_refuses_a_newer_schema(tmp_path):
    History.open(tmp_path).close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        History.open(tmp_path)
