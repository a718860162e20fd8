"""What a Telegram user would see of the bot's messages: valid HTML, the text, the buttons; and
how the history must store ids (an independent HMAC, not the bot's own function)."""
from __future__ import annotations

import hashlib
import hmac
import html
import re
from html.parser import HTMLParser
from pathlib import Path

from bot.telegram.history import KEY_NAME


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
