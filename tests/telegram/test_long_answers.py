"""Telegram's 4,096-character limit: a long answer is sent in parts, the first with 查看全部 for
the rest, every part valid HTML and nothing lost; the splitting itself (messages.split_html) is
tested on its own at the end.
"""
from __future__ import annotations

import contextlib
import html
import random
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.answering.evidence import Answer
from bot.telegram import citizens, messages
from telegram_checks import assert_telegram_html, buttons, plain, polling_stand_in
from telegram_standin import LONG_ANSWER_CHARS, REPORT_TITLE, FakeAnswerer, TelegramStandIn, long_answer_text

pytestmark = pytest.mark.anyio

ALICE, BOB = 41, 42
LONG = "把2018年的数字全部列出来"
GDP_2018 = "2018年地区生产总值是多少？"
LIMIT = 4096


@pytest.fixture
def anyio_backend():
    return "asyncio"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def within_limit(text: str) -> bool:
    """Within Telegram's limit however it is counted: characters or UTF-16 units, shown or as HTML."""
    return max(len(text), utf16(text)) <= LIMIT


def flat(text: str) -> str:
    return text.replace("\n", "")


def expected_long_answer() -> str:
    """What a user must be able to read of the long answer, in order: the answer, its citation
    and its quote (worked out here, not by the bot's formatting)."""
    answer = FakeAnswerer().ask(LONG)
    source = answer.sources[0]
    return f"{answer.answer}📄 {source.title} · {source.section}{source.text}"


# --- through the Bot API stand-in -------------------------------------------------------------

@dataclass
class Bot:
    api: TelegramStandIn

    async def ask(self, chat_id: int, text: str):
        self.api.send(chat_id, text)
        return await self.api.next_call("sendMessage", chat_id=chat_id)

    async def rest(self, chat_id: int, shown: str, expected: str) -> list:
        """The messages that follow, until what is shown is as long as `expected`."""
        parts = []
        while len(flat(shown)) < len(flat(expected)):
            parts.append(await self.api.next_call("sendMessage", chat_id=chat_id))
            shown += plain(parts[-1].params["text"])
        return parts


@contextlib.asynccontextmanager
async def running(data_dir: Path):
    async with polling_stand_in(data_dir) as api:  # every part must be valid Telegram HTML
        yield Bot(api)


async def test_a_long_answer_arrives_whole_in_parts_within_the_limit(tmp_path):
    expected = expected_long_answer()
    assert len(expected) > LONG_ANSWER_CHARS
    async with running(tmp_path) as bot:
        first = await bot.ask(ALICE, LONG)
        assert [label for label, _ in buttons(first)] == ["查看全部", "查看原文", "👍", "👎"]
        assert "<b>762亿元</b>" in first.params["text"]
        bot.api.tap(first.result, dict(buttons(first))["查看全部"], ALICE)
        assert "text" not in (await bot.api.next_call("answerCallbackQuery")).params
        rest = await bot.rest(ALICE, plain(first.params["text"]), expected)

        # Tapped again: the rest was handed out and is no longer kept.
        bot.api.tap(first.result, dict(buttons(first))["查看全部"], ALICE)
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON

    sent = [first, *rest]
    assert len(sent) >= 3  # LONG_ANSWER_CHARS and more do not fit in two
    for call in sent:
        assert within_limit(call.params["text"]) and within_limit(plain(call.params["text"]))
        assert_telegram_html(call.params["text"])
    assert flat("".join(plain(c.params["text"]) for c in sent)) == flat(expected)
    for call in rest:  # the rest answers the tapped message, and carries no buttons
        assert call.params["reply_parameters"]["message_id"] == first.result["message_id"]
        assert "reply_markup" not in call.params
    # Cut at line ends: every line of the answer is whole in one message, but the one longer
    # than a message, which is cut at sentence ends.
    lines = [line for c in sent for line in plain(c.params["text"]).split("\n")]
    whole = [line for line in long_answer_text().split("\n") if len(line) < 1000]
    assert set(whole) <= set(lines)
    assert all(line.endswith(("。", ";")) for line in lines if len(line) > 1000)


async def test_a_short_answer_is_one_message_without_show_all(tmp_path):
    async with running(tmp_path) as bot:
        reply = await bot.ask(ALICE, GDP_2018)
    assert [label for label, _ in buttons(reply)] == ["查看原文", "👍", "👎"]


async def test_show_all_works_only_in_the_chat_of_its_answer(tmp_path):
    async with running(tmp_path) as bot:
        first = await bot.ask(ALICE, LONG)
        data = dict(buttons(first))["查看全部"]
        foreign = {**first.result, "chat": {"id": BOB, "type": "private", "first_name": "Bob"}}
        bot.api.tap(foreign, data, BOB)
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
        bot.api.tap(first.result, data, ALICE)  # still there for the chat it belongs to
        await bot.api.next_call("answerCallbackQuery")
        await bot.rest(ALICE, plain(first.params["text"]), expected_long_answer())
    assert all(c.params["chat_id"] != BOB for c in bot.api.calls if c.method == "sendMessage")


async def test_a_long_answer_offered_inline_is_cut_within_the_limit_with_a_note(tmp_path):
    async with running(tmp_path) as bot:
        bot.api.inline(ALICE, LONG)
        offered = await bot.api.next_call("answerInlineQuery")
    text = offered.params["results"][0]["input_message_content"]["message_text"]
    assert within_limit(text) and text.endswith(messages.CUT_NOTE)
    assert "<b>762亿元</b>" in text


# --- the rest is kept briefly, in memory ------------------------------------------------------

def test_the_rest_is_kept_for_the_latest_long_answers_only(monkeypatch):
    context = SimpleNamespace(bot_data={})
    for question_id in range(citizens.REST_KEPT + 1):
        citizens._keep_rest(context, question_id, [f"part {question_id}"])
    assert citizens._take_rest(context, 0) is None  # the oldest was forgotten
    assert citizens._take_rest(context, 1) == ("part 1",)
    assert citizens._take_rest(context, 1) is None  # handed out once

    clock = [1000.0]
    monkeypatch.setattr(citizens.time, "monotonic", lambda: clock[0])
    citizens._keep_rest(context, 7, ["old"])
    clock[0] += citizens.REST_SECONDS + 1
    assert citizens._take_rest(context, 7) is None  # too old
    citizens._keep_rest(context, 8, ["new"])
    assert 7 not in context.bot_data[citizens.REST]


# --- splitting --------------------------------------------------------------------------------

def test_a_message_that_fits_is_not_split():
    text = messages.format_answer(FakeAnswerer().ask(GDP_2018))
    assert messages.split_html(text) == [text]
    assert messages.answer_parts(FakeAnswerer().ask(GDP_2018)) == [text]


def test_tags_open_at_a_cut_are_closed_and_opened_again():
    text = "<blockquote expandable>" + "证据一句。" * 30 + "</blockquote>"
    parts = messages.split_html(text, 60)
    assert len(parts) > 2
    for part in parts:
        assert part.startswith("<blockquote expandable>") and part.endswith("</blockquote>")
        assert len(part) <= 60 and "<blockquote expandable></blockquote>" not in part
        assert_telegram_html(part)
    assert "".join(plain(p) for p in parts) == "证据一句。" * 30


def test_cuts_prefer_blank_lines_then_line_ends_then_sentence_ends():
    assert messages.split_html("甲" * 30 + "\n\n" + "乙" * 10 + "\n" + "丙" * 10, 50) == [
        "甲" * 30, "乙" * 10 + "\n" + "丙" * 10]
    assert messages.split_html("甲" * 30 + "\n" + "乙" * 10 + "。丙" * 10, 50) == ["甲" * 30, "乙" * 10 + "。丙" * 10]
    assert messages.split_html("甲" * 30 + "。" + "乙" * 30, 50) == ["甲" * 30 + "。", "乙" * 30]
    # A line end early in what fits would leave a short message: a later sentence end wins.
    assert messages.split_html("甲" * 10 + "\n" + "乙" * 30 + "。" + "丙" * 20, 50) == [
        "甲" * 10 + "\n" + "乙" * 30 + "。", "丙" * 20]
    assert messages.split_html("甲" * 120, 50) == ["甲" * 50, "甲" * 50, "甲" * 20]


def test_an_entity_is_never_cut_and_emoji_count_as_telegram_counts_them():
    parts = messages.split_html("a&amp;" * 40, 50)
    assert all(utf16(p) <= 50 and re.fullmatch(r"(?:a|&amp;)+", p) for p in parts)
    assert html.unescape("".join(parts)) == "a&" * 40
    parts = messages.split_html("📄" * 60, 50)  # two UTF-16 units each
    assert [len(p) for p in parts] == [25, 25, 10]


def test_random_html_splits_into_valid_parts_losing_nothing():
    rng = random.Random(12)
    for _ in range(300):
        pieces = []
        for _ in range(rng.randint(1, 30)):
            words = html.escape("".join(rng.choice("中文字aB。；\n&<>📄") for _ in range(rng.randint(1, 120))),
                                quote=False)
            pieces.append(rng.choice([words, f"<b>{words}</b>", f"<blockquote>{words}</blockquote>"]))
        text, limit = "\n".join(pieces), rng.choice([40, 120, LIMIT])
        parts = messages.split_html(text, limit)
        for part in parts:
            assert utf16(part) <= limit
            assert_telegram_html(part)
        assert flat("".join(plain(p) for p in parts)) == flat(plain(text))


def test_a_long_formatted_answer_keeps_its_bold_figure_and_citation():
    answer = Answer(question="问", answer="前言。" * 2000 + "合计762亿元。", abstained=False, value="762亿元",
                    sources=FakeAnswerer().ask(GDP_2018).sources)
    parts = messages.answer_parts(answer)
    assert len(parts) > 1 and all(within_limit(p) for p in parts)
    assert "<b>762亿元</b>" in parts[-1] and "📄 " + html.escape(REPORT_TITLE, quote=False) in parts[-1]
