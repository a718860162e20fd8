"""No answer lost to a network hiccup, a start-up that rides one out, and a dead bot is noticed:
the real Application against the Bot API stand-in with faults injected (429 with retry_after,
500s, a dropped connection, 401 and 409 on getUpdates, failing start-up calls and menus, a hung
poll), on the stand-in's canned FakeAnswerer. `zoneqa health` and the heartbeat are in
tests/test_cli_health.py.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from bot.settings import Settings
from bot.telegram import menus, messages, transport
from bot.telegram.app import build_application, serve, webhook_options
from bot.telegram.history import DB_NAME, History
from bot.telegram.liveness import HEARTBEAT_NAME, last_beat
from bot.telegram.menus import commands
from conftest import ROOT, with_settings
from index.settings import IndexSettings
from telegram_checks import polling_stand_in
from telegram_standin import CLOSE, HANG, TOKEN, FakeAnswerer, TelegramStandIn, polling
from waiting import until_async

pytestmark = pytest.mark.anyio

GDP_2018 = "2018年地区生产总值是多少？"
IMPORTS_2018 = "2018年进出口总额是多少？"
ALICE, BOB = 41, 42


@pytest.fixture
def anyio_backend():
    return "asyncio"


def config(data_dir: Path, api: TelegramStandIn, **values) -> Settings:
    return with_settings(Settings(index=IndexSettings(data_dir=data_dir)), token=api.token,
                         base_url=api.base_url, **values)


@dataclass
class Bot:
    api: TelegramStandIn
    data_dir: Path

    def rows(self) -> list[tuple[str, int | None]]:
        with sqlite3.connect(self.data_dir / DB_NAME) as db:
            return db.execute("SELECT question, delivered FROM questions ORDER BY id").fetchall()

    async def delivered(self, expected: list[tuple[str, int]], timeout: float = 10.0) -> None:
        """Wait until the history says of each question whether its answer was delivered
        (it is written once the send has succeeded or finally failed)."""
        await until_async(lambda: self.rows() == expected, timeout,
                          what=lambda: f"history {self.rows()} != {expected}")

    def apologies(self) -> list:
        return [c for c in self.api.calls if c.method == "sendMessage" and c.params.get("text") == messages.ERROR]


@contextlib.asynccontextmanager
async def running(data_dir: Path):
    async with polling_stand_in(data_dir) as api:
        yield Bot(api, data_dir)


@pytest.fixture
async def bot(tmp_path):
    async with running(tmp_path) as harness:
        yield harness


# --- sending ------------------------------------------------------------------------------------

async def test_a_429_is_waited_out_then_the_answer_arrives_without_an_apology(bot):
    bot.api.fail("sendMessage", 429, retry_after=1)
    bot.api.send(ALICE, GDP_2018)
    answer = await bot.api.next_call("sendMessage", timeout=15, chat_id=ALICE)
    [refused] = bot.api.failed("sendMessage")
    assert "<b>762亿元</b>" in answer.params["text"] and answer.params["text"] == refused.params["text"]
    assert answer.at - refused.at >= 1.0  # Telegram's wait was kept
    bot.api.send(ALICE, IMPORTS_2018)  # a later question: by then any apology would have been sent
    assert "<b>62.9亿美元</b>" in (await bot.api.next_call("sendMessage", chat_id=ALICE)).params["text"]
    assert bot.apologies() == []
    await bot.delivered([(GDP_2018, 1), (IMPORTS_2018, 1)])


@pytest.mark.parametrize("status, times", [(500, 2), (502, 1), (CLOSE, 1)], ids=["two 500s", "a 502", "closed"])
async def test_a_server_error_or_a_dropped_connection_is_retried_and_the_answer_arrives(bot, status, times):
    bot.api.fail("sendMessage", status, times=times)
    bot.api.send(ALICE, GDP_2018)
    answer = await bot.api.next_call("sendMessage", timeout=15, chat_id=ALICE)
    assert "<b>762亿元</b>" in answer.params["text"]
    assert len(bot.api.failed("sendMessage")) == times
    bot.api.send(ALICE, IMPORTS_2018)
    await bot.api.next_call("sendMessage", chat_id=ALICE)
    assert bot.apologies() == []
    await bot.delivered([(GDP_2018, 1), (IMPORTS_2018, 1)])


async def test_only_when_every_try_failed_is_the_apology_sent_and_the_answer_recorded_undelivered(bot):
    tries = 1 + len(transport.RETRY_DELAYS)
    bot.api.fail("sendMessage", 500, times=tries)
    bot.api.send(ALICE, GDP_2018)
    apology = await bot.api.next_call("sendMessage", timeout=20, chat_id=ALICE)
    failed = bot.api.failed("sendMessage")
    assert apology.params["text"] == messages.ERROR
    assert len(failed) == tries and all("<b>762亿元</b>" in c.params["text"] for c in failed)
    assert apology.at > failed[-1].at
    await bot.delivered([(GDP_2018, 0)])


async def test_the_apology_after_repeated_429s_waits_for_the_retry_after(bot):
    bot.api.fail("sendMessage", 429, times=1 + transport.RATE_LIMIT_RETRIES, retry_after=1)
    bot.api.send(ALICE, GDP_2018)
    apology = await bot.api.next_call("sendMessage", timeout=30, chat_id=ALICE)
    failed = bot.api.failed("sendMessage")
    assert apology.params["text"] == messages.ERROR
    assert all("<b>762亿元</b>" in c.params["text"] for c in failed)
    assert apology.at - failed[-1].at >= 1.0  # not inside the wait Telegram asked for
    await bot.delivered([(GDP_2018, 0)])


# --- receiving ----------------------------------------------------------------------------------

async def test_polling_writes_a_heartbeat(bot):
    bot.api.send(ALICE, GDP_2018)  # ends the long poll at once
    await bot.api.next_call("sendMessage", chat_id=ALICE)
    beat = json.loads((bot.data_dir / HEARTBEAT_NAME).read_text(encoding="utf-8"))
    assert beat["how"] == "polling" and beat["pid"] == os.getpid()


@pytest.mark.parametrize("status, reason", [(401, messages.TOKEN_REJECTED), (409, messages.POLLING_CONFLICT)])
async def test_a_refused_poll_ends_serve_with_status_1(tmp_path, caplog, status, reason):
    async with TelegramStandIn() as api:
        store = History.open(tmp_path)
        served = asyncio.ensure_future(serve(build_application(config(tmp_path, api), FakeAnswerer(), store)))
        try:
            await api.next_call("setMyCommands", timeout=30)
            api.fail("getUpdates", status, times=None)
            api.send(ALICE, GDP_2018)  # ends the poll under way; the next one is refused
            assert await asyncio.wait_for(served, 30) == 1
        finally:
            served.cancel()
            store.close()
    assert reason in caplog.text and TOKEN not in caplog.text


async def test_a_revoked_token_at_start_ends_serve_with_status_1_without_retrying(tmp_path, caplog):
    async with TelegramStandIn() as api:
        api.fail("getMe", 401, times=None)
        store = History.open(tmp_path)
        try:  # start-up calls are retried for ZONEQA_STARTUP_RETRY_SECONDS, 300 s: but not this one
            assert await asyncio.wait_for(serve(build_application(config(tmp_path, api), FakeAnswerer(), store)),
                                          30) == 1
        finally:
            store.close()
    assert api.methods() == ["getMe"]
    assert messages.TOKEN_REJECTED in caplog.text and TOKEN not in caplog.text


BOT_WITH_FAKE_ANSWERER = """
import sys
from bot.answering import live
from telegram_standin import FakeLiveAnswerer

live.LiveAnswerer.load = classmethod(lambda cls, index, answering: FakeLiveAnswerer(index))
from bot.cli import main
sys.exit(main(["bot"]))
"""


@contextlib.asynccontextmanager
async def zoneqa_bot(api: TelegramStandIn, data_dir: Path, **env: str):
    """`zoneqa bot`, the process as Docker runs it (the answerer swapped for the canned one: no model);
    killed on leaving if it has not ended by then."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
           "ZONEQA_DATA_DIR": str(data_dir), "ZONEQA_CORPUS_DIR": str(ROOT / "corpus"),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)]), **env}
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", BOT_WITH_FAKE_ANSWERER, env=env,
                                                   cwd=data_dir, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.parametrize("status", [401, 409])
async def test_zoneqa_bot_exits_non_zero_without_the_token_when_telegram_refuses_its_polls(tmp_path, status):
    async with TelegramStandIn() as api:
        async with zoneqa_bot(api, tmp_path) as process:
            ready = asyncio.ensure_future(api.next_call("setMyCommands", timeout=60))
            await asyncio.wait({ready, asyncio.ensure_future(process.wait())}, return_when=asyncio.FIRST_COMPLETED)
            assert ready.done(), (await process.communicate())[1].decode(errors="replace")
            api.fail("getUpdates", status, times=None)
            api.send(ALICE, GDP_2018)
            stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    output = (stdout + stderr).decode(errors="replace")
    assert process.returncode not in (0, None), output
    assert (messages.TOKEN_REJECTED if status == 401 else messages.POLLING_CONFLICT) in output
    assert TOKEN not in output and TOKEN.split(":")[1] not in output


async def test_a_hung_poll_is_one_warning_and_polls_succeeding_again_one_info_line(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(transport, "POLL_MARGIN", 2.0)  # a poll hangs after its timeout (1 s) and 2 s more
    caplog.set_level(logging.INFO, logger=transport.__name__)
    async with TelegramStandIn() as api:
        store = History.open(tmp_path)
        try:
            async with polling(build_application(config(tmp_path, api), FakeAnswerer(), store), timeout=1):
                api.send(ALICE, GDP_2018)
                await api.next_call("sendMessage", chat_id=ALICE)  # polls succeed
                api.fail("getUpdates", HANG, times=None)  # the poll under way still ends; the next ones hang
                # Each hung poll is given up after its timeout and PTB's read timeout, 6 s, and
                # asked again: by the third, a warning per poll or per second would show.
                await until_async(lambda: len(api.failed("getUpdates")) >= 3, 60, what="three hung polls")
                api.heal("getUpdates")
                api.send(ALICE, IMPORTS_2018)
                await api.next_call("sendMessage", timeout=15, chat_id=ALICE)
                await until_async(lambda: _logged(caplog, transport.__name__, logging.INFO), 15,
                                  what="an info line saying that polls succeed again")
        finally:
            store.close()
    [warning] = _logged(caplog, transport.__name__, logging.WARNING)
    [info] = _logged(caplog, transport.__name__, logging.INFO)
    assert "getUpdates" in warning.getMessage() and "succeed again" in info.getMessage()
    assert warning.created < info.created


def _logged(caplog, logger: str, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == logger and r.levelno == level]


# --- starting -----------------------------------------------------------------------------------

@contextlib.asynccontextmanager
async def serving(data_dir: Path, api: TelegramStandIn, webhook: dict | None = None, **values):
    """`serve`, what `zoneqa bot` runs, as a task; leaving stops it as SIGTERM would and waits for it."""
    store = History.open(data_dir)
    app = build_application(config(data_dir, api, **values), FakeAnswerer(), store)
    served = asyncio.ensure_future(serve(app, webhook))
    try:
        yield served
    finally:
        try:
            if not served.done():
                app.bot_data["watch"].stopping.set()
            await asyncio.wait_for(served, 30)
        finally:
            store.close()


@pytest.mark.parametrize("call", ["getMe", "deleteWebhook"])
async def test_a_start_up_call_failing_for_a_while_is_retried_and_the_bot_then_answers(tmp_path, monkeypatch, call):
    monkeypatch.setattr(transport, "STARTUP_FIRST_DELAY", 0.05)  # then 0.1, 0.2 …
    failures = 2 + len(transport.RETRY_DELAYS)  # more than a send is tried
    async with TelegramStandIn() as api:
        api.fail(call, 500, times=failures)
        async with serving(tmp_path, api) as served:
            api.send(ALICE, GDP_2018)
            answer = await api.next_call("sendMessage", timeout=30, chat_id=ALICE)
            assert "<b>762亿元</b>" in answer.params["text"]
    assert [c.status for c in api.calls if c.method == call] == [500] * failures + [200]
    assert served.result() == 0


async def test_a_webhook_set_up_failing_for_a_while_is_retried_and_the_webhook_then_serves(tmp_path, monkeypatch):
    monkeypatch.setattr(transport, "STARTUP_FIRST_DELAY", 0.05)
    port = _free_port()
    async with TelegramStandIn() as api:
        api.fail("setWebhook", 500, times=4)
        async with serving(tmp_path, api, webhook_options(f"http://127.0.0.1:{port}/zq", "127.0.0.1", port)) as served:
            await until_async(lambda: (last_beat(tmp_path) or (0, ""))[1] == "webhook", 30, what="the webhook serving")
            api.send(ALICE, GDP_2018)  # pushed to the webhook
            assert "<b>762亿元</b>" in (await api.next_call("sendMessage", timeout=15, chat_id=ALICE)).params["text"]
    assert [c.status for c in api.calls if c.method == "setWebhook"] == [500] * 4 + [200]
    assert served.result() == 0


@pytest.mark.parametrize("status, times", [(500, None), (400, 1)], ids=["500s", "a 400"])
async def test_a_menu_telegram_does_not_take_is_one_warning_and_set_later_while_the_bot_answers(
        tmp_path, monkeypatch, caplog, status, times):
    monkeypatch.setattr(menus, "RETRY_SECONDS", 0.1)
    async with TelegramStandIn() as api:
        api.fail("setMyCommands", status, times=times)
        async with serving(tmp_path, api) as served:
            api.send(ALICE, GDP_2018)
            assert "<b>762亿元</b>" in (await api.next_call("sendMessage", timeout=30, chat_id=ALICE)).params["text"]
            await until_async(lambda: _logged(caplog, menus.__name__, logging.WARNING), 30,
                              what="a warning that the menu is not set")
            api.heal("setMyCommands")
            menu = await api.next_call("setMyCommands", timeout=30)
    assert [c["command"] for c in menu.params["commands"]] == [c.command for c in commands(None)]
    [warning] = _logged(caplog, menus.__name__, logging.WARNING)
    assert "command menu" in warning.getMessage()
    assert served.result() == 0


async def test_zoneqa_bot_gives_up_with_status_1_naming_the_call_when_getme_keeps_failing(tmp_path):
    async with TelegramStandIn() as api:
        api.fail("getMe", 500, times=None)
        async with zoneqa_bot(api, tmp_path, ZONEQA_STARTUP_RETRY_SECONDS="2") as process:
            stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    output = (stdout + stderr).decode(errors="replace")
    assert process.returncode == 1, output
    assert "启动时调用 Telegram 的 getMe 失败" in output and "ZONEQA_STARTUP_RETRY_SECONDS" in output
    assert len(api.failed("getMe")) > 1  # retried before giving up
    assert TOKEN not in output and TOKEN.split(":")[1] not in output


# --- webhook ------------------------------------------------------------------------------------

async def test_the_webhook_rejects_a_missing_or_wrong_secret_and_never_handles_a_forged_update(tmp_path):
    async with TelegramStandIn() as api:
        store = History.open(tmp_path)
        app = build_application(config(tmp_path, api), FakeAnswerer(), store)
        port = _free_port()
        url = f"http://127.0.0.1:{port}/zoneqa/hook"
        options = webhook_options(url, "127.0.0.1", port)
        served = asyncio.ensure_future(serve(app, options))
        try:
            registered = await api.next_call("setWebhook", timeout=30)
            assert registered.params["secret_token"] == options["secret_token"]
            assert len(options["secret_token"]) >= 32
            await until_async(lambda: (last_beat(tmp_path) or (0, ""))[1] == "webhook", 30,  # serving, and alive
                              what="a heartbeat from the webhook")
            forged = {"update_id": 424242, "message": {
                "message_id": 1, "date": 0, "chat": {"id": BOB, "type": "private", "first_name": "b"},
                "from": {"id": BOB, "is_bot": False, "first_name": "b"}, "text": GDP_2018}}
            async with aiohttp.ClientSession() as session:
                for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guessed"},
                                {"X-Telegram-Bot-Api-Secret-Token": options["secret_token"][:-1]}):
                    async with session.post(url, json=forged, headers=headers) as response:
                        assert response.status == 403
            api.send(ALICE, GDP_2018)  # the stand-in pushes it with the secret
            answer = await api.next_call("sendMessage", timeout=15)
            assert answer.params["chat_id"] == ALICE and "<b>762亿元</b>" in answer.params["text"]
            assert [c.params["chat_id"] for c in api.calls if c.method == "sendMessage"] == [ALICE]
            assert last_beat(tmp_path)[1] == "webhook"
            with sqlite3.connect(tmp_path / DB_NAME) as db:
                assert db.execute("SELECT count(*) FROM questions").fetchone() == (1,)
        finally:
            app.bot_data["watch"].stopping.set()  # what SIGTERM does
            status = await asyncio.wait_for(served, 30)
            store.close()
    assert status == 0


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_webhook_secret_is_shared_by_replicas_and_unguessable_without_the_token():
    one, again = (webhook_options("https://example.org/zq", "0.0.0.0", 8443, TOKEN)["secret_token"] for _ in range(2))
    other = webhook_options("https://example.org/zq", "0.0.0.0", 8443, "7000002:another")["secret_token"]
    assert one == again != other
    assert TOKEN.split(":")[1] not in one and len(one) >= 32
