"""What a Telegram user would see of the bot's messages: valid HTML, the text, the buttons; and
how the history must store ids (an independent HMAC, not the bot's own function)."""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import html
import re
from html.parser import HTMLParser
from pathlib import Path

from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.history import KEY_NAME, History
from conftest import with_settings
from index.settings import IndexSettings
from telegram_standin import FakeAnswerer, TelegramStandIn, polling


class _TelegramHTML(HTMLParser):
    """Fails on anything Telegram's HTML parse mode would reject or that we never emit."""

    TAGS = {"b", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in self.TAGS, f"unexpected <{tag}>"
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"unbalanced </{tag}>"


def assert_telegram_html(text: str) -> None:
    assert not re.search(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text), f"bare & in {text!r}"
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    assert not parser.open, f"unclosed {parser.open} in {text!r}"


def hashed(data_dir: Path, raw_id: int) -> str:
    """How the history should store a chat or user id: HMAC-SHA256 under the key beside the database."""
    return hmac.new((data_dir / KEY_NAME).read_bytes(), str(raw_id).encode(), hashlib.sha256).hexdigest()


def buttons(call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {"inline_keyboard": []}
    return [(b["text"], b.get("callback_data", "")) for row in markup["inline_keyboard"] for b in row]


def plain(text: str) -> str:
    """What the user sees of an HTML message."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def assert_all_html(calls) -> None:
    """Every message and inline result the bot sent is valid Telegram HTML."""
    for call in calls:
        if call.method in ("sendMessage", "editMessageText"):
            assert call.params.get("parse_mode") == "HTML"
            assert_telegram_html(call.params["text"])
        if call.method == "sendPhoto" and "caption" in call.params:
            assert call.params.get("parse_mode") == "HTML"
            assert_telegram_html(call.params["caption"])
        for result in call.params.get("results", []) if call.method == "answerInlineQuery" else []:
            assert_telegram_html(result["input_message_content"]["message_text"])


@contextlib.asynccontextmanager
async def polling_stand_in(data_dir: Path):
    """The real Application, with a fake answerer and a fresh history in `data_dir`, long-polling
    a fresh stand-in, which is yielded. Leaving stops the Application, which waits for every
    update being handled; then every message the bot sent must have been valid HTML."""
    async with TelegramStandIn() as api:
        settings = with_settings(Settings(index=IndexSettings(data_dir=data_dir)), token=api.token,
                                 base_url=api.base_url)
        store = History.open(data_dir)
        try:
            async with polling(build_application(settings, FakeAnswerer(), store)):
                await api.next_call("setMyCommands")
                yield api
        finally:
            store.close()
    assert_all_html(api.calls)
