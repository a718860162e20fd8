"""Citizens' questions are kept only as long as needed: texts purged after ZONEQA_RETENTION_DAYS,
/forget deleting every row of its sender after a confirmation, /privacy saying so, and the
database and its key readable by their owner only. The real Application against the Bot API
stand-in, on the canned FakeAnswerer."""
from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.answering.evidence import Answer
from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.app import build_application
from bot.telegram.history import DB_NAME, KEY_NAME, MIGRATIONS, SCHEMA_VERSION, History, _statements
from conftest import with_settings
from index.settings import IndexSettings
from telegram_checks import assert_all_html, buttons, hashed, plain
from telegram_standin import REFUSAL, FakeAnswerer, TelegramStandIn, polling
from waiting import until_async

pytestmark = pytest.mark.anyio

GDP_2018 = "2018年地区生产总值是多少？"
IMPORTS_2018 = "2018年进出口总额是多少？"
ALICE, BOB, ADMIN = 41, 42, 501
GROUP = -1001


@pytest.fixture
def anyio_backend():
    return "asyncio"


@dataclass
class Bot:
    api: TelegramStandIn
    data_dir: Path

    async def ask(self, chat_id: int, text: str, **kwargs):
        self.api.send(chat_id, text, **kwargs)
        return await self.api.next_call("sendMessage", chat_id=chat_id)

    def rows(self, sql: str, *params) -> list[tuple]:
        with sqlite3.connect(self.data_dir / DB_NAME) as db:
            return db.execute(sql, params).fetchall()

    def on_disk(self) -> bytes:
        """Every byte of the database, its WAL and shared memory, as a thief would read them."""
        return b"".join(p.read_bytes() for p in self.data_dir.glob(DB_NAME + "*"))


@contextlib.asynccontextmanager
async def running(data_dir: Path, **settings):
    async with TelegramStandIn() as api:
        config = with_settings(Settings(index=IndexSettings(data_dir=data_dir)), token=api.token,
                               base_url=api.base_url, admin_ids=frozenset({ADMIN}), **settings)
        store = History.open(data_dir)
        try:
            async with polling(build_application(config, FakeAnswerer(), store)):
                yield Bot(api, data_dir)
        finally:
            store.close()
    assert_all_html(api.calls)


def _answer(question: str) -> Answer:
    return Answer(question=question, answer=f"{question}的答案", abstained=False, value="1亿元", latency_ms=12.0)


# --- retention ----------------------------------------------------------------------------------

async def test_texts_older_than_the_retention_period_are_purged_and_the_counts_stay(tmp_path):
    old_question, recent_question = "三年前问过的私人问题：我家门牌号12号？", "上个月的问题"
    store = History.open(tmp_path)
    old = store.record(_answer(old_question), chat_id=ALICE, user_id=ALICE)
    recent = store.record(_answer(recent_question), chat_id=BOB, user_id=BOB)
    store.vote(old, user_id=BOB, up=False)
    store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        for row, days in ((old, 31), (recent, 29)):
            when = (datetime.now(timezone.utc) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            db.execute("UPDATE questions SET created_at = ? WHERE id = ?", (when, row))
            db.execute("UPDATE feedback SET created_at = ? WHERE question_id = ?", (when, row))

    async with running(tmp_path, retention_days=30) as bot:  # purged at start, then every few hours
        await until_async(lambda: bot.rows("SELECT question FROM questions WHERE id = ?", old) == [("",)],
                          what="the old question's text purged")
        bot.api.tap({"message_id": 1, "date": 0, "chat": {"id": ALICE, "type": "private"}}, f"src:{old}", ALICE)
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
        assert (await bot.ask(ADMIN, "/feedback")).params["text"] == messages.NO_FEEDBACK  # no text to show

    [purged, kept] = bot.rows("SELECT question, answer, sources, chat_hash, user_hash, abstained, latency_ms"
                              " FROM questions ORDER BY id")
    assert purged == ("", "", "[]", "", "", 0, 12.0)  # answered, and how fast: counted, not readable
    assert kept[:2] == (recent_question, f"{recent_question}的答案") and kept[4] == hashed(tmp_path, BOB)
    [(vote, voter)] = bot.rows("SELECT vote, user_hash FROM feedback")
    assert vote == -1 and voter.startswith("purged:")  # the 👎 counts; whose it was is gone
    assert old_question.encode() not in bot.on_disk() and recent_question.encode() in bot.on_disk()


def test_purge_keeps_staff_actions_and_drops_old_refused_attempts(tmp_path):
    store = History.open(tmp_path)
    store.audit(user_id=ADMIN, action="reindex", detail="ok", ok=True)
    store.audit(user_id=ALICE, action="refused", detail="/stats", ok=False)
    assert store.purge(datetime.now(timezone.utc) + timedelta(seconds=1)) == 0
    store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT action FROM audit").fetchall() == [("reindex",)]


# --- /forget and /privacy -----------------------------------------------------------------------

async def test_forget_asks_first_then_leaves_no_row_of_that_user(tmp_path):
    async with running(tmp_path) as bot:
        mine = [await bot.ask(ALICE, q) for q in (GDP_2018, IMPORTS_2018)]
        theirs = await bot.ask(BOB, GDP_2018)
        bot.api.tap(mine[0].result, "vote:1:down", ALICE)
        bot.api.tap(theirs.result, "vote:3:up", BOB)
        bot.api.tap(mine[1].result, "vote:2:up", BOB)  # a vote on Alice's answer goes with it
        for _ in range(3):
            await bot.api.next_call("answerCallbackQuery")
        assert await bot.ask(ALICE, "/stats")  # refused, and audited under her hashed id
        me = hashed(tmp_path, ALICE)
        assert bot.rows("SELECT count(*) FROM audit WHERE admin_hash = ?", me) == [(1,)]

        ask = await bot.ask(ALICE, "/forget")
        assert plain(ask.params["text"]) == messages.FORGET_ASK
        assert buttons(ask) == [("确认删除", f"forget:{ALICE}:yes"), ("取消", f"forget:{ALICE}:no")]
        bot.api.tap(ask.result, f"forget:{ALICE}:yes", BOB)  # someone else's tap deletes nothing
        assert (await bot.api.next_call("answerCallbackQuery")).params["text"] == messages.STALE_BUTTON
        bot.api.tap(ask.result, f"forget:{ALICE}:no", ALICE)
        assert (await bot.api.next_call("editMessageText")).params["text"] == messages.FORGET_KEPT
        assert bot.rows("SELECT count(*) FROM questions WHERE user_hash = ?", me) == [(2,)]

        bot.api.tap(ask.result, f"forget:{ALICE}:yes", ALICE)
        done = await bot.api.next_call("editMessageText")
        assert done.params["text"] == messages.FORGET_DONE.format(count=5)  # 2 questions, the 2 votes on them, 1 refusal
        for table, column in (("questions", "user_hash"), ("questions", "chat_hash"), ("feedback", "user_hash"),
                              ("audit", "admin_hash")):
            assert bot.rows(f"SELECT count(*) FROM {table} WHERE {column} = ?", me) == [(0,)], table
        assert GDP_2018.encode() in bot.on_disk() and IMPORTS_2018.encode() not in bot.on_disk()
        assert bot.rows("SELECT question FROM questions") == [(GDP_2018,)]  # Bob's
        assert bot.rows("SELECT vote FROM feedback") == [(1,)]
        # "那今年呢？" no longer reaches back to her forgotten question
        assert plain((await bot.ask(ALICE, "那今年呢？")).params["text"]) == REFUSAL

        bot.api.send(ALICE, "/forget")
        again = await bot.api.next_call("sendMessage", chat_id=ALICE)
        bot.api.tap(again.result, f"forget:{ALICE}:yes", ALICE)
        assert (await bot.api.next_call("editMessageText")).params["text"] == messages.FORGET_DONE.format(count=1)


async def test_an_admin_who_forgets_keeps_the_staff_actions_on_record(tmp_path):
    async with running(tmp_path) as bot:
        await bot.ask(ADMIN, GDP_2018)
        await bot.ask(ADMIN, "/stats")
        ask = await bot.ask(ADMIN, "/forget")
        bot.api.tap(ask.result, f"forget:{ADMIN}:yes", ADMIN)
        done = (await bot.api.next_call("editMessageText")).params["text"]
    assert done == messages.FORGET_DONE.format(count=1) + messages.FORGET_ADMIN_NOTE
    assert bot.rows("SELECT count(*) FROM questions") == [(0,)]
    assert bot.rows("SELECT action FROM audit") == [("stats",)]


async def test_forget_in_a_group_points_to_the_private_chat(tmp_path):
    async with running(tmp_path) as bot:
        reply = await bot.ask(GROUP, "/forget", user_id=ALICE)
    assert reply.params["text"] == messages.FORGET_IN_PRIVATE and buttons(reply) == []


async def test_privacy_says_what_is_kept_for_how_long_and_how_to_delete_it(tmp_path):
    async with running(tmp_path, retention_days=90) as bot:
        text = plain((await bot.ask(ALICE, "/privacy")).params["text"])
        menu = await bot.api.next_call("setMyCommands")
    assert "保存 90 天" in text and "/forget" in text and "不保存原始编号" in text
    assert {"privacy", "forget"} <= {c["command"] for c in menu.params["commands"]}


# --- on disk ------------------------------------------------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o077], ids=["umask-022", "umask-077"])  # most machines, some CI runners
def test_the_database_its_wal_and_the_key_are_kept_from_other_users(tmp_path, umask):
    previous = os.umask(umask)
    try:
        store = History.open(tmp_path / "data")
        store.record(_answer(GDP_2018), chat_id=ALICE, user_id=ALICE)
        files = [tmp_path / "data" / name for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", KEY_NAME)]
        assert {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {f.name: "0o640" for f in files}
        assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o750
        store.close()

        older = tmp_path / "older"  # a database an earlier version created 0644, and its key 0600
        older.mkdir()
        sqlite3.connect(older / DB_NAME).close()
        (older / KEY_NAME).write_bytes(b"k" * 32)
        os.chmod(older / DB_NAME, 0o644)
        os.chmod(older / KEY_NAME, 0o600)
        History.open(older).close()
        for name in (DB_NAME, KEY_NAME):
            assert stat.S_IMODE((older / name).stat().st_mode) == 0o640, name
    finally:
        os.umask(previous)


def test_a_database_of_the_previous_schema_is_migrated_keeping_its_rows(tmp_path):
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        for script in MIGRATIONS[:2]:
            for statement in _statements(script):
                db.execute(statement)
        db.execute("PRAGMA user_version = 2")
        db.execute("INSERT INTO questions (chat_hash, user_hash, question, answer, abstained, sources, latency_ms)"
                   " VALUES ('c', 'u', '旧问题', '旧答案', 0, '[]', 5)")
    store = History.open(tmp_path)
    store.delivered(1, True)
    store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("SELECT question, delivered FROM questions").fetchall() == [("旧问题", 1)]
