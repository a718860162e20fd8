"""Staff commands in Telegram: add reports, rebuild the index, read usage and 👎 feedback.

Admins are the users listed in ZONEQA_ADMIN_IDS (comma- or space-separated Telegram user ids):

    ZONEQA_ADMIN_IDS=123456789,987654321 TELEGRAM_BOT_TOKEN=… zoneqa bot

In a private chat with the bot an admin can
- send a report file (.txt .md .docx .pdf .html): it is checked, added to the corpus and
  indexed, and goes live once the new index passed its check. One status message follows the
  work (已收到 → 已提取 N 字 → 已索引 M 个片段 → 已上线), or says why the file was refused; once
  live, it ends with what the new index understood of the report (place, date, years, how many
  figures are results, targets, estimates or multi-year, three examples: bot.answering.catalogue),
  and the page of all its figures follows as a file (bot.figures_page).
  The caption may override the inferred metadata, one `key: value` a line (title, date, place, source);
- /reindex: rebuild the index from the corpus while the old one keeps answering;
- /stats: today's questions, answered and refused, 👍/👎, the slowest answers;
- /feedback: recent 👎 with question and answer; `/feedback export` sends them as a gold JSONL
  file for `zoneqa eval`, to be completed by hand.
Everyone else gets a polite refusal (bot.telegram.app routes them to `refuse`), written to the
audit trail too (action `refused`, the id hashed). Every admin action is written to the `audit`
table of bot.telegram.history. Uploads over the size limit are refused from their declared size
(the message's, then getFile's) before a byte is downloaded.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from telegram import Document, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.answering.catalogue import Figure, Summary, figures, summarize
from bot.answering.doubts import doubts
from bot.figures_page import page
from bot.answering.live import LiveAnswerer, ReindexFailed
from bot.telegram import messages
from bot.telegram.history import REFUSED, Downvoted, History
from bot.telegram.services import services
from index.reading import ingest

log = logging.getLogger(__name__)

COMMANDS = ("reindex", "stats", "feedback")
FEEDBACK_SHOWN = 10
CAPTION_FIELDS = {"title": "title", "标题": "title", "date": "date", "日期": "date",
                  "place": "place", "地点": "place", "source": "source", "来源": "source"}
_CAPTION_LINE = re.compile(r"^\s*(\w+)\s*[:：]\s*(.+?)\s*$")


class Refused(ValueError):
    """An upload that cannot be added; the message says why, for staff."""


async def _audit(update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, detail: str,
                 ok: bool) -> None:
    """Record an admin action; called before the admin is told, so what they saw is on record."""
    await asyncio.to_thread(services(context).store.audit, user_id=update.effective_user.id,
                            action=action, detail=detail, ok=ok)


@dataclass
class Work:
    """A staff action that takes a while, on record when it starts and again when it ends."""

    store: History
    start_id: int
    ended: bool = False

    async def end(self, detail: str, ok: bool) -> None:
        """Record how it ended; called before the admin is told, as `_audit` is."""
        self.ended = True
        await asyncio.to_thread(self.store.audit_end, self.start_id, detail=detail, ok=ok)


@asynccontextmanager
async def _work(update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, detail: str):
    """The start of `action` on record before anything is done; an error that ends it unexpectedly
    on record too. A process killed meanwhile leaves the start alone, closed as interrupted by the
    next start of the bot (History.close_interrupted)."""
    store = services(context).store
    work = Work(store, await asyncio.to_thread(store.audit_start, user_id=update.effective_user.id,
                                               action=action, detail=detail))
    try:
        yield work
    except Exception as exc:
        if not work.ended:
            await work.end(f"{detail}: {type(exc).__name__}", False)
        raise


@dataclass
class Progress:
    """One status message, edited as the work goes on: the steps done, then what runs now."""

    message: Message
    done: list[str] = field(default_factory=list)

    @staticmethod
    def _text(done: list[str], working: str | None) -> str:
        return "\n".join([*done, working] if working else done)

    @classmethod
    async def start(cls, update: Update, *done: str, working: str | None = None) -> "Progress":
        message = await update.message.reply_text(cls._text(list(done), working))
        return cls(message, list(done))

    async def step(self, *lines: str, working: str | None = None) -> None:
        self.done.extend(lines)
        try:
            await self.message.edit_text(self._text(self.done, working))
        except TelegramError:  # a status line that cannot be shown must not stop the work
            log.warning("could not update the status message", exc_info=True)


def _live(context: ContextTypes.DEFAULT_TYPE) -> LiveAnswerer | None:
    """The answerer, if it can be rebuilt while serving (`run` always makes it one)."""
    answerer = services(context).answerer
    return answerer if isinstance(answerer, LiveAnswerer) else None


# --- everyone else ----------------------------------------------------------------------------

async def refuse(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Staff commands and uploads from anyone not in ZONEQA_ADMIN_IDS, and staff commands in a
    group (where an admin's too are refused: staff work is done in a private chat): nothing is
    touched, and the attempt is on record (who, hashed; which command or file; in which chat)."""
    message = update.message
    if message.document:
        attempt = f"upload {ingest.safe_name(message.document.file_name or 'report')}"
    else:
        attempt = (message.text or "?").split()[0].split("@")[0]  # the command, without @botname
    in_group = message.chat.type != ChatType.PRIVATE
    await _audit(update, context, REFUSED, attempt[:200] + (" (in a group)" if in_group else ""), False)
    admin = update.effective_user.id in services(context).settings.telegram.admin_ids
    await message.reply_text(messages.ADMIN_IN_PRIVATE if admin and in_group else messages.ADMIN_ONLY)


# --- adding reports ---------------------------------------------------------------------------

def parse_caption(caption: str | None) -> dict[str, str]:
    """Metadata overrides from an upload's caption: `place: 溧阳高新区`, one a line."""
    given = {}
    for line in (caption or "").splitlines():
        if not line.strip():
            continue
        match = _CAPTION_LINE.match(line)
        if match is None or match[1].lower() not in CAPTION_FIELDS:
            raise Refused(messages.bad_caption(line.strip()))
        given[CAPTION_FIELDS[match[1].lower()]] = match[2]
    return given


def _precheck(document: Document, name: str) -> None:
    """What can be refused from the message alone, before anything is downloaded."""
    if not name.lower().endswith(ingest.SUFFIXES):
        raise Refused(messages.wrong_type(Path(name).suffix))
    if document.file_size is not None and document.file_size > ingest.MAX_BYTES:
        raise Refused(messages.too_big(document.file_size))


async def _download(document: Document) -> bytes:
    try:
        file = await document.get_file()
        # The message may leave the size out (or state another); getFile's is checked too.
        if file.file_size is not None and file.file_size > ingest.MAX_BYTES:
            raise Refused(messages.too_big(file.file_size))
        return bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        raise Refused(f"无法从 Telegram 下载这个文件（{exc.message}）") from None


async def add_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's upload: check, download, add to the corpus, rebuild, go live."""
    name = ingest.safe_name(update.message.document.file_name or "report")
    async with _work(update, context, "add", name) as work:
        await _add(update, context, name, work)


async def _add(update: Update, context: ContextTypes.DEFAULT_TYPE, name: str, work: Work) -> None:
    document = update.message.document
    progress = await Progress.start(update, messages.upload_received(name, document.file_size),
                                    working=messages.CHECKING)
    live = _live(context)
    if live is None:
        await work.end(f"{name}: not live", False)
        await progress.step(messages.upload_refused(messages.NOT_LIVE))
        return
    try:
        given = parse_caption(update.message.caption)
        _precheck(document, name)
        data = await _download(document)
        # One change to the corpus at a time: the duplicate check must see the upload before it.
        async with services(context).corpus_lock:
            added = await asyncio.to_thread(ingest.add_report, live.index.corpus_dir, name, data, **given)
            await progress.step(messages.upload_extracted(added), working=messages.INDEXING)
            swap = await asyncio.to_thread(live.rebuild)  # questions keep going to the old index meanwhile
    except (Refused, ingest.IngestError) as exc:
        reason = str(exc).removeprefix(f"{name}：")  # the status already names the file
        await work.end(f"{name}: {reason}", False)
        await progress.step(messages.upload_refused(reason))
        return
    except ReindexFailed as exc:  # the report was added; only the rebuild failed
        await work.end(f"{name} → {added.doc_id}, saved but not live: {exc}", False)
        await progress.step(messages.upload_not_live(str(exc)))
        return
    chunks = live.chunk_count(added.doc_id)
    summary = await asyncio.to_thread(_understood, live, added.doc_id)
    await work.end(f"{name} → {added.doc_id}: {added.chars} chars, {chunks} chunks, "
                   f"place {added.meta['place']}", True)
    await progress.step(messages.upload_live(chunks, swap.documents, summary))
    await _send_figures(update, live, added.doc_id)


def _understood(live: LiveAnswerer, doc_id: str) -> Summary | None:
    """What the index now serving understood of report `doc_id`."""
    index = live.current.searcher.index
    return summarize(doc_id, index.chunks, index.documents)


def _figures_page(live: LiveAnswerer, doc_id: str) -> tuple[bytes, list[Figure], int]:
    """The facts page of report `doc_id` as the index now serving labelled it; its figures and
    how many are doubtful."""
    index = live.current.searcher.index
    mine = [f for f in figures(index.chunks, index.documents) if f.doc_id == doc_id]
    doubtful = doubts(mine, index.documents)
    title = f"识别出的数字：{index.documents[doc_id].get('title') or doc_id}"
    return page(mine, index.documents, doubtful, title).encode("utf-8"), mine, sum(f in doubtful for f in mine)


async def _send_figures(update: Update, live: LiveAnswerer, doc_id: str) -> None:
    """The report is live whatever happens here: a page that cannot be sent is logged, not fatal."""
    data, mine, doubtful = await asyncio.to_thread(_figures_page, live, doc_id)
    try:
        await update.message.reply_document(data, filename=f"数字-{doc_id}.html",
                                             caption=messages.figures_page_caption(len(mine), doubtful))
    except TelegramError as exc:
        log.warning("the figures page of %s was not sent: %s", doc_id, exc)


# --- commands ---------------------------------------------------------------------------------

async def reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    live = _live(context)
    if live is None:
        await _audit(update, context, "reindex", "not live", False)
        await update.message.reply_text(messages.NOT_LIVE)
        return
    async with _work(update, context, "reindex", "/reindex") as work:
        progress = await Progress.start(update, working=messages.REINDEXING)
        async with services(context).corpus_lock:
            try:
                swap = await asyncio.to_thread(live.rebuild)  # questions keep going to the old index meanwhile
            except ReindexFailed as exc:
                await work.end(str(exc), False)
                await progress.step(messages.reindex_failed(str(exc)))
                return
        await work.end(swap.report.summary(), True)
        await progress.step(messages.reindex_done(swap.report))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    today = datetime.now(messages.CHINA).replace(hour=0, minute=0, second=0, microsecond=0)
    found = await asyncio.to_thread(services(context).store.stats, today)
    await _audit(update, context, "stats", f"{found.questions} questions today", True)
    await update.message.reply_text(messages.stats_text(today, found))


def gold_jsonl(items: list[Downvoted]) -> bytes:
    """👎 answers as eval gold items (bot.evaluation.gold), for staff to complete: the expected answer,
    must_contain and evidence are theirs to write; a refusal starts out as `unanswerable`."""
    lines = [json.dumps({"id": f"feedback-{item.question_id}", "question": item.question, "answer": "",
                         "must_contain": [], "must_not_contain": [], "evidence": "",
                         "type": "unanswerable" if item.abstained else "number"}, ensure_ascii=False)
             for item in items]
    return "".join(line + "\n" for line in lines).encode("utf-8")


async def _export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    items = await asyncio.to_thread(services(context).store.downvoted)
    await _audit(update, context, "feedback_export", f"{len(items)} items", True)
    if items:
        await update.message.reply_document(
            gold_jsonl(items), filename=f"feedback-{datetime.now(messages.CHINA):%Y%m%d-%H%M}.jsonl",
            caption=messages.export_caption(len(items)))
    else:
        await update.message.reply_text(messages.NO_FEEDBACK)


async def feedback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/feedback shows the latest 👎; /feedback export sends all of them as a file."""
    if context.args == ["export"]:
        await _export(update, context)
    elif context.args:
        await update.message.reply_text(messages.FEEDBACK_USAGE)
    else:
        items = await asyncio.to_thread(services(context).store.downvoted, FEEDBACK_SHOWN)
        await _audit(update, context, "feedback", f"{len(items)} shown", True)
        await update.message.reply_text(messages.feedback_text(items))
