"""Staff safety and comfort: an upload's declared size is checked before anything is downloaded,
and admins, only they, find their commands in the Telegram menu. The real Application against
the Bot API stand-in, on the stand-in's FakeLiveAnswerer (no model)."""
from __future__ import annotations

import contextlib
import shutil

import pytest

from bot.settings import Settings
from bot.telegram import messages
from bot.telegram.app import build_application
from bot.telegram.history import History
from bot.telegram.menus import commands, staff_commands
from conftest import CORPUS, with_settings
from index.reading import ingest
from index.settings import IndexSettings
from report_files import CASES, report_file
from telegram_checks import plain
from telegram_standin import FakeLiveAnswerer, TelegramStandIn, polling

pytestmark = pytest.mark.anyio

ADMIN, OTHER_ADMIN, CITIZEN = 501, 502, 41


@pytest.fixture
def anyio_backend():
    return "asyncio"


@contextlib.asynccontextmanager
async def running(tmp_path, admins=frozenset({ADMIN}), before=lambda api: None):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    async with TelegramStandIn() as api:
        before(api)
        config = with_settings(Settings(index=IndexSettings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")),
                               token=api.token, base_url=api.base_url, admin_ids=admins, rate_limit_per_minute=0)
        store = History.open(config.index.data_dir)
        try:
            async with polling(build_application(config, FakeLiveAnswerer(config.index), store)):
                yield api
        finally:
            store.close()


async def status(api, chat_id: int = ADMIN) -> str:
    texts = [(await api.next_call("sendMessage", chat_id=chat_id)).params["text"]]
    while "✅" not in texts[-1] and "❌" not in texts[-1]:
        texts.append((await api.next_call("editMessageText", timeout=30, chat_id=chat_id)).params["text"])
    return plain(texts[-1])


@pytest.mark.parametrize("message_size, file_size, asks_for_the_file", [
    (5000, 5000, False),  # the message says it is too big: not even getFile
    (None, 5000, True),  # the message does not say; getFile does, before the download
    (900, 5000, True),  # the message understates it; getFile does not
], ids=["message", "getFile", "understated"])
async def test_an_oversize_document_is_refused_without_any_download(tmp_path, monkeypatch, message_size,
                                                                      file_size, asks_for_the_file):
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    corpus_before = sorted(p.name for p in CORPUS.iterdir())
    async with running(tmp_path) as api:
        api.upload(ADMIN, "report.txt", report_file("report.txt", CASES["report.txt"][0])[:800],
                   message_size=message_size, file_size=file_size)
        final = await status(api)
    assert "❌ 未收录" in final and messages.too_big(5000) in final
    assert ("getFile" in api.methods()) == asks_for_the_file
    assert "download" not in api.methods()
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == corpus_before


async def test_a_document_within_the_declared_limit_is_still_downloaded(tmp_path, monkeypatch):
    """The check refuses by size only: a report of the right size still goes live."""
    async with running(tmp_path) as api:
        api.upload(ADMIN, "report.txt", report_file("report.txt", CASES["report.txt"][0]), message_size=None)
        final = await status(api)
    assert "✅ 已上线" in final and "download" in api.methods()


async def test_admins_see_their_commands_in_their_own_menu_only(tmp_path):
    async with running(tmp_path, admins=frozenset({ADMIN, OTHER_ADMIN})) as api:
        menus = [await api.next_call("setMyCommands") for _ in range(3)]
    everyone = [m for m in menus if "scope" not in m.params]
    assert len(everyone) == 1
    assert [c["command"] for c in everyone[0].params["commands"]] == [c.command for c in commands(None)]
    assert not {"reindex", "stats", "feedback"} & {c["command"] for c in everyone[0].params["commands"]}
    scoped = {m.params["scope"]["chat_id"]: m for m in menus if "scope" in m.params}
    assert set(scoped) == {ADMIN, OTHER_ADMIN}
    for menu in scoped.values():
        assert menu.params["scope"]["type"] == "chat"
        assert [c["command"] for c in menu.params["commands"]] == [c.command for c in staff_commands(None)]
        assert {"reindex", "stats", "feedback", "start", "forget"} <= {c["command"] for c in menu.params["commands"]}


async def test_an_admin_menu_that_cannot_be_set_does_not_stop_the_bot(tmp_path):
    """Telegram refuses a chat scope until the admin has opened a chat with the bot."""
    def chat_not_found(api):
        api.fail("setMyCommands", 400, times=None, when=lambda params: params.get("scope", {}).get("chat_id") == ADMIN)

    async with running(tmp_path, admins=frozenset({ADMIN, OTHER_ADMIN}), before=chat_not_found) as api:
        api.send(ADMIN, "/stats")
        assert "今日统计" in plain((await api.next_call("sendMessage", chat_id=ADMIN)).params["text"])
    scoped = [c.params["scope"]["chat_id"] for c in api.calls if c.method == "setMyCommands" and "scope" in c.params]
    assert [c.params["scope"]["chat_id"] for c in api.failed("setMyCommands")] == [ADMIN]
    assert OTHER_ADMIN in scoped  # the other admin still got the menu
