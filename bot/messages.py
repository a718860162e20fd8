"""What the bot says: Telegram HTML texts, keyboards and callback data, as pure functions.

Every piece of user or corpus text goes through `_esc`; markup is added only here.
"""
from __future__ import annotations

import hashlib
import html
import re

from telegram import (InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle,
                      InputTextMessageContent)
from telegram.constants import ParseMode

from bot.answer import Answer

EXAMPLE_QUESTIONS = (
    "2018年地区生产总值是多少？",
    "2019年一般公共预算收入的目标是多少？",
    "2018年进出口总额是多少？",
    "2018年服务业增加值是多少？",
)

RATE_LIMITED = "您提问有点太快了，请 {seconds} 秒后再试。"
MEDIA_ONLY = "目前只能回答文字问题，请用文字提问，例如：" + EXAMPLE_QUESTIONS[0]
ASK_USAGE = "请把问题写在命令或 @ 提及后面，例如：/ask " + EXAMPLE_QUESTIONS[0]
TOO_LONG = "问题太长了（最多 {limit} 字），请精简后再问。"
UNKNOWN_COMMAND = "没有这个命令。发送 /help 查看用法。"
ERROR = "抱歉，处理您的请求时出了点问题，请稍后再试。"
STALE_BUTTON = "这个按钮已失效，请重新提问。"
THANKS = "感谢您的反馈！"
INLINE_HINT = "输入问题，例如：" + EXAMPLE_QUESTIONS[0]

# Callback data (at most 64 bytes). The patterns are what handlers accept; anything else is stale.
EXAMPLE_PATTERN = re.compile(r"^ex:(\d)$")
PASSAGE_PATTERN = re.compile(r"^src:(\d{1,18})$")  # 18 digits keep ids within SQLite's int64
VOTE_PATTERN = re.compile(r"^vote:(\d{1,18}):(up|down)$")

# Visible-length budgets keeping every message under Telegram's 4,096 characters.
_ANSWER_CHARS = 1500
_EVIDENCE_CHARS = 600
_PASSAGE_CHARS = 3500
_QUESTION_CHARS = 200


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def citation(title: str, section: str) -> str:
    """The citation line: report title · section."""
    return "📄 " + _esc(" · ".join(part for part in (title, section) if part))


def format_answer(answer: Answer, *, with_question: bool = False) -> str:
    """The answer (which states year and kind) with its figure in bold, citation and evidence quote.

    `with_question` repeats the question, for messages the asker did not type (example
    buttons, inline results sent into other chats).
    """
    lines = [f"❓ {_esc(_clip(answer.question, _QUESTION_CHARS))}"] if with_question else []
    text = _clip(answer.answer, _ANSWER_CHARS)
    if answer.abstained or not answer.value:
        return "\n".join([*lines, _esc(text)])
    before, found, after = text.partition(answer.value)
    bold = f"<b>{_esc(answer.value)}</b>"
    lines.append(_esc(before) + bold + _esc(after) if found else f"{bold}\n{_esc(text)}")
    if answer.sources:
        source = answer.sources[0]
        lines.append(citation(source.title, source.section))
        lines.append(f"<blockquote>{_esc(_clip(source.text, _EVIDENCE_CHARS))}</blockquote>")
    return "\n".join(lines)


def format_passage(source: dict) -> str:
    """The full passage behind an answer (a stored source dict), for 查看原文."""
    passage = source.get("passage") or source.get("text", "")
    return (f"<b>原文</b>\n{citation(source.get('title', ''), source.get('section', ''))}\n"
            f"<blockquote expandable>{_esc(_clip(passage, _PASSAGE_CHARS))}</blockquote>")


def answer_keyboard(question_id: int, answer: Answer) -> InlineKeyboardMarkup:
    votes = [InlineKeyboardButton("👍", callback_data=f"vote:{question_id}:up"),
             InlineKeyboardButton("👎", callback_data=f"vote:{question_id}:down")]
    if answer.abstained or not answer.sources:
        return InlineKeyboardMarkup([votes])
    return InlineKeyboardMarkup([[InlineKeyboardButton("查看原文", callback_data=f"src:{question_id}"), *votes]])


def examples_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(q, callback_data=f"ex:{i}")]
                                 for i, q in enumerate(EXAMPLE_QUESTIONS)])


def _document_lines(documents: list[dict]) -> str:
    return "\n".join(f"• {_esc(d.get('title', ''))}（{_esc(str(d.get('date', '')))}）" for d in documents)


def welcome(documents: list[dict]) -> str:
    return ("您好！我是<b>昆山高新区问答</b>机器人，根据官方报告回答关于昆山高新区的问题，"
            "每个答案都注明出处；报告里找不到依据时，我会如实告诉您。\n\n"
            f"目前收录的报告：\n{_document_lines(documents)}\n\n"
            "直接发送问题即可，也可以点下面的示例：")


def help_text(bot_username: str) -> str:
    name = _esc(bot_username)
    return ("<b>使用说明</b>\n"
            "• 私聊：直接发送问题，例如“2018年地区生产总值是多少？”，接着可以追问“那今年呢？”\n"
            f"• 群聊：@{name} 问题，回复我的消息，或用 /ask 问题\n"
            f"• 任意聊天中输入 @{name} 问题，可把答案发到当前聊天\n"
            "• 点“查看原文”看完整段落，用 👍/👎 告诉我答得好不好\n\n"
            "/sources 查看收录的报告　/help 显示本说明")


def sources_text(documents: list[dict]) -> str:
    if not documents:
        return "目前还没有收录报告。"
    return f"我依据以下报告回答问题：\n{_document_lines(documents)}"


def inline_result(answer: Answer) -> InlineQueryResultArticle:
    """One inline result that sends the answer (with its question) into any chat."""
    if answer.abstained or not answer.value:
        title = "没有找到依据"
    else:
        title = answer.value + (f"（{answer.year}年）" if answer.year else "")
    return InlineQueryResultArticle(
        id=hashlib.sha256(answer.question.encode()).hexdigest()[:32],
        title=title,
        description=_clip(answer.answer, 100),
        input_message_content=InputTextMessageContent(format_answer(answer, with_question=True),
                                                      parse_mode=ParseMode.HTML),
    )
