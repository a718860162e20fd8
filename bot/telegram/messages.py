"""What the bot says: Telegram HTML texts, keyboards and callback data, as pure functions.

Every piece of user or corpus text goes through `_esc`; markup is added only here.
"""
from __future__ import annotations

import hashlib
import html
import re
from datetime import datetime, timedelta, timezone

from telegram import (InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle,
                      InputTextMessageContent)
from telegram.constants import ParseMode

from bot.answering.evidence import Answer
from bot.answering.catalogue import Coverage, Summary
from bot.answering.wording import clip
from bot.telegram.history import Downvoted, Stats
from index.reading import ingest
from index.builder import BuildReport

RATE_LIMITED = "您提问有点太快了，请 {seconds} 秒后再试。"
UNKNOWN_COMMAND = "没有这个命令。发送 /help 查看用法。"
ERROR = "抱歉，处理您的请求时出了点问题，请稍后再试。"
STALE_BUTTON = "这个按钮已失效，请重新提问。"
THANKS = "感谢您的反馈！"
SHOW_ALL = "查看全部"
CUT_NOTE = "\n……（内容较长，完整答案请私聊我提问）"

# Privacy (bot.telegram.privacy). Plain words: what is kept, for how long, why, and how to delete it.
PRIVACY = ("<b>我们保存什么、保存多久</b>\n"
           "• 您的提问和机器人的回答：用于回答追问（“那今年呢？”）、“查看原文”按钮和改进回答质量。"
           "保存 {days} 天，到期自动删除文字，只留下不含内容的统计（提问次数、是否答出、用时、👍/👎）。\n"
           "• 您的 👍/👎：用于找出答得不好的问题。\n"
           "• 您的 Telegram 账号和聊天：不保存原始编号，只保存无法反推的加密摘要，"
           "用来把同一个人的记录归在一起（例如限制提问频率、删除您的记录）。\n"
           "• 不保存您的姓名、手机号、位置，也不把记录交给任何第三方；@ 机器人的内联提问不保存。\n\n"
           "发送 /forget 可以随时删除您的全部记录。")
FORGET_ASK = ("确定要删除您在本机器人的全部记录吗？包括您的提问、回答和 👍/👎，删除后无法恢复。"
              "这之前的回答按钮（查看原文、👍/👎）也会失效。")
FORGET_DONE = "已删除您的全部记录（{count} 条）。感谢使用！"
FORGET_NOTHING = "没有找到您的记录，无需删除。"
FORGET_KEPT = "已取消，您的记录没有改动。"
FORGET_ADMIN_NOTE = "（您作为管理员的操作记录依规定保留在审计日志中。）"
FORGET_IN_PRIVATE = "为保护您的隐私，请在与我的私聊中发送 /forget。"

# Why `zoneqa bot` stopped (logged, then exit status 1). Never with the token itself.
TOKEN_REJECTED = ("Telegram 拒绝了机器人令牌（401 Unauthorized）：令牌已被撤销或填写有误。"
                  "请在 @BotFather 取得新令牌，更新 TELEGRAM_BOT_TOKEN 后重新启动 zoneqa bot。")
POLLING_CONFLICT = ("另一个进程正在用同一个令牌接收更新（409 Conflict），本进程退出。"
                    "同一个令牌只能运行一个轮询实例；要运行多个副本，请改用 --webhook。")
WEBHOOK_TAKEN = ("这个令牌的 webhook 已被改为其他地址或被删除（另一个实例在使用同一令牌？），本进程退出。"
                 "请检查部署后重新启动 zoneqa bot。")
STARTUP_FAILED = ("启动时调用 Telegram 的 {call} 失败（{error}；共尝试 {tries} 次，历时 {seconds:.0f} 秒），本进程退出。"
                  "请按括号中的原因检查网络、Telegram 服务（或 TELEGRAM_API_BASE_URL 所指的服务器）和 --webhook 地址后"
                  "重新启动 zoneqa bot；启动时重试多久由 ZONEQA_STARTUP_RETRY_SECONDS 决定。")

# Staff (bot.telegram.staff).
ADMIN_ONLY = "抱歉，上传报告和管理命令只对管理员开放。您可以直接用文字提问，发送 /help 查看用法。"
ADMIN_IN_PRIVATE = "管理命令请在与机器人的私聊中使用，群聊中不执行。"
NOT_LIVE = "这个机器人实例的索引不能在线更新；请用 zoneqa corpus add 和 zoneqa index build。"
CHECKING = "⏳ 正在检查…"
INDEXING = "⏳ 正在建立索引，新索引检查通过前旧索引照常回答…"
REINDEXING = "⏳ 正在从资料库重建索引，新索引检查通过前旧索引照常回答…"
FEEDBACK_USAGE = "用法：/feedback 查看最近的 👎；/feedback export 导出为评测集（JSONL）。"
NO_FEEDBACK = "还没有 👎 反馈。"
CAPTION_HINT = ("每行写一项，例如 place: 溧阳高新区；可写 title、date、place、source（或 标题、日期、地点、来源），"
                "日期写作 YYYY、YYYY-MM 或 YYYY-MM-DD")
# Staff read times and count "today" in Beijing time (no daylight saving).
CHINA = timezone(timedelta(hours=8))

# Callback data (at most 64 bytes). The patterns are what handlers accept; anything else is stale.
EXAMPLE_PATTERN = re.compile(r"^ex:(\d)$")
PASSAGE_PATTERN = re.compile(r"^src:(\d{1,18})$")  # 18 digits keep ids within SQLite's int64
MORE_PATTERN = re.compile(r"^more:(\d{1,18})$")
VOTE_PATTERN = re.compile(r"^vote:(\d{1,18}):(up|down)$")
FORGET_PATTERN = re.compile(r"^forget:(\d{1,18}):(yes|no)$")  # the user who asked, and their choice

# Telegram's limit on a message, and visible-length budgets keeping messages within it.
MESSAGE_LIMIT = 4096
_TOKENS = re.compile(r"<[^>]*>|&#?\w+;|[\s\S]")  # a tag, an entity or one character: never cut inside
_SENTENCE_ENDS = frozenset("。！？；;!?")
_EVIDENCE_CHARS = 600
_PASSAGE_CHARS = 3500
_QUESTION_CHARS = 200
_REASON_CHARS = 1500
_PROBLEMS_SHOWN = 5
_PLACES_NAMED = 3  # in a sentence; more are counted ("江苏省、浙江省、广东省等 5 个地区")
_PLACES_LISTED = 10  # one line each, in /start and /sources
_BUTTON_CHARS = 64  # Telegram's limit for an inline-mode button text


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def citation(title: str, section: str) -> str:
    """The citation line: report title · section."""
    return "📄 " + _esc(" · ".join(part for part in (title, section) if part))


def answer_html(answer: Answer, *, with_question: bool = False) -> str:
    """The whole answer (which states year and kind) with its figure in bold, citations and
    quotes; maybe longer than a message (`answer_parts`). `with_question` repeats the question, for
    messages the asker did not type (example buttons, inline results sent into other chats)."""
    lines = [f"❓ {_esc(clip(answer.question, _QUESTION_CHARS))}"] if with_question else []
    text = answer.answer
    if answer.abstained:
        return "\n".join([*lines, _esc(text)])
    if answer.value:
        before, found, after = text.partition(answer.value)
        bold = f"<b>{_esc(answer.value)}</b>"
        lines.append(_esc(before) + bold + _esc(after) if found else f"{bold}\n{_esc(text)}")
    else:  # a list or a name: the reply is the report's own words
        lines.append(_esc(text))
    for source in answer.sources[:answer.evidence]:  # a comparison quotes both figures' sentences
        lines.append(citation(source.title, source.section))
        lines.append(f"<blockquote>{_esc(clip(source.text, _EVIDENCE_CHARS))}</blockquote>")
    return "\n".join(lines)


def answer_parts(answer: Answer, *, with_question: bool = False, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The whole answer in messages Telegram accepts; the first gets the buttons (and 查看全部)."""
    return split_html(answer_html(answer, with_question=with_question), limit)


def format_answer(answer: Answer, *, with_question: bool = False) -> str:
    """The answer as one message (inline results): its first part, and a note when there is more."""
    parts = answer_parts(answer, with_question=with_question, limit=MESSAGE_LIMIT - _units(CUT_NOTE))
    return parts[0] + (CUT_NOTE if len(parts) > 1 else "")


def split_html(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Telegram HTML in parts of at most `limit` UTF-16 units of HTML each, cut in the second half
    of what fits at the best place (`_cut_priority`), never inside a tag or an entity. Tags open at
    a cut are closed before it and opened again after it; line breaks at a cut are dropped."""
    if _units(text) <= limit:
        return [text]
    tokens = _TOKENS.findall(text)
    parts, i, opened = [], 0, []
    while i < len(tokens):
        stack, size, cuts, j = opened, sum(map(_units, opened)), [], i
        while j < len(tokens) and size + _units(tokens[j]) <= limit:
            size, stack, j = size + _units(tokens[j]), _after(stack, tokens[j]), j + 1
            if size + sum(len(_tag_name(t)) + 3 for t in stack) <= limit:
                cuts.append((j, stack))
        if not cuts:
            raise ValueError(f"a message of {limit} characters cannot hold {tokens[i]!r}")
        half = i + (j - i) // 2
        end, stack = cuts[-1] if cuts[-1][0] == len(tokens) else max(
            cuts, key=lambda cut: (_cut_priority(tokens, cut[0]) if cut[0] > half else -2, cut[0]))
        closing = "".join(f"</{_tag_name(t)}>" for t in reversed(stack))
        parts.append("".join(opened) + "".join(tokens[i:end]) + closing)
        i, opened = end, stack
        while i < len(tokens) and tokens[i] == "\n":
            i += 1
    return parts


def _units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _tag_name(tag: str) -> str:
    return re.match(r"</?(\w+)", tag)[1]


def _after(stack: list[str], token: str) -> list[str]:
    """The start tags open after `token`."""
    return stack[:-1] if token.startswith("</") else [*stack, token] if token.startswith("<") else stack


def _cut_priority(tokens: list[str], at: int) -> int:
    """A cut before tokens[at]: 3 at a blank line, 2 a line end, 1 a sentence end, 0 between
    characters, -1 just inside a tag (it would leave an empty element)."""
    before, after = tokens[at - 1], tokens[at] if at < len(tokens) else "\n"
    if (before.startswith("<") and not before.startswith("</")) or after.startswith("</"):
        return -1
    if after == "\n":  # dropped with the cut
        return 3 if tokens[at:at + 2] == ["\n", "\n"] else 2
    return 1 if before in _SENTENCE_ENDS else 0


def format_passage(source: dict) -> str:
    """The full passage behind an answer (a stored source dict), for 查看原文."""
    passage = source.get("passage") or source.get("text", "")
    return (f"<b>原文</b>\n{citation(source.get('title', ''), source.get('section', ''))}\n"
            f"<blockquote expandable>{_esc(clip(passage, _PASSAGE_CHARS))}</blockquote>")


def answer_keyboard(question_id: int, answer: Answer, *, more: bool = False) -> InlineKeyboardMarkup:
    """👍/👎, 查看原文 when the answer has sources, and 查看全部 (`more`) above them when the answer
    did not fit in one message."""
    votes = [InlineKeyboardButton("👍", callback_data=f"vote:{question_id}:up"),
             InlineKeyboardButton("👎", callback_data=f"vote:{question_id}:down")]
    rows = [[InlineKeyboardButton(SHOW_ALL, callback_data=f"more:{question_id}")]] if more else []
    if answer.abstained or not answer.sources:
        return InlineKeyboardMarkup([*rows, votes])
    return InlineKeyboardMarkup([*rows, [InlineKeyboardButton("查看原文", callback_data=f"src:{question_id}"),
                                         *votes]])


def chart_caption(metric: str | None, unit: str, kinds: set[str]) -> str:
    """The words under a trend chart, in Chinese whatever fonts drew the chart."""
    shown = "、".join(w for k, w in (("result", "实心点为实际完成"), ("target", "空心点为目标")) if k in kinds)
    return f"📈 {_esc(metric or '历年数字')}（单位：{_esc(unit or '无')}）" + (f"\n{shown}" if shown else "")


def forget_keyboard(user_id: int) -> InlineKeyboardMarkup:
    """Confirm or keep, for the user who sent /forget only."""
    return InlineKeyboardMarkup([[InlineKeyboardButton("确认删除", callback_data=f"forget:{user_id}:yes"),
                                  InlineKeyboardButton("取消", callback_data=f"forget:{user_id}:no")]])


def examples_keyboard(examples: tuple[str, ...]) -> InlineKeyboardMarkup | None:
    """One button per example question; its callback data is its index ("ex:0")."""
    if not examples:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(q, callback_data=f"ex:{i}")]
                                 for i, q in enumerate(examples)])


def _for_example(text: str, example: str | None, prefix: str = "") -> str:
    return f"{text}，例如：{prefix}{example}" if example else f"{text}。"


def media_only(example: str | None) -> str:
    return _for_example("目前只能回答文字问题，请用文字提问", example)


def ask_usage(example: str | None) -> str:
    return _for_example("请把问题写在命令或 @ 提及后面", example, "/ask ")


def inline_hint(example: str | None) -> str:
    return clip(_for_example("输入问题", example), _BUTTON_CHARS)


def _document_lines(documents: list[dict]) -> str:
    return "\n".join(f"• {_esc(d.get('title', ''))}（{_esc(str(d.get('date', '')))}）" for d in documents)


def _places(coverage: tuple[Coverage, ...]) -> str:
    """The places covered, for a sentence."""
    names = [c.place for c in coverage]
    shown = "、".join(names[:_PLACES_NAMED])
    return shown if len(names) <= _PLACES_NAMED else f"{shown}等 {len(names)} 个地区"


def _coverage_lines(coverage: tuple[Coverage, ...], limit: int = _PLACES_LISTED) -> str:
    """Each place with the years its reports cover, one a line."""
    lines = [f"• {_esc(c.place)}：{_esc(c.describe())}" for c in coverage[:limit]]
    if len(coverage) > limit:
        lines.append(f"• 另有 {len(coverage) - limit} 个地区，发送 /sources 查看")
    return "\n".join(lines)


def welcome(documents: list[dict], coverage: tuple[Coverage, ...], examples: bool) -> str:
    name = f"{coverage[0].place}问答" if len(coverage) == 1 else "报告问答"
    about = f"关于{_esc(_places(coverage))}的问题" if coverage else "问题"
    return (f"您好！我是<b>{_esc(name)}</b>机器人，根据官方报告回答{about}，"
            "每个答案都注明出处；报告里找不到依据时，我会如实告诉您。\n\n"
            f"资料范围：\n{_coverage_lines(coverage)}\n\n"
            f"目前收录的报告：\n{_document_lines(documents)}\n\n"
            + ("直接发送问题即可，也可以点下面的示例：" if examples else "直接发送问题即可。"))


def help_text(bot_username: str, coverage: tuple[Coverage, ...], example: str | None, *,
              admin: bool = False) -> str:
    name = _esc(bot_username)
    asked = f"例如“{_esc(example)}”，" if example else ""
    text = ("<b>使用说明</b>\n"
            f"• 私聊：直接发送问题，{asked}接着可以追问“那今年呢？”\n"
            f"• 群聊：@{name} 问题，回复我的消息，或用 /ask 问题\n"
            f"• 任意聊天中输入 @{name} 问题，可把答案发到当前聊天\n"
            "• 点“查看原文”看完整段落，用 👍/👎 告诉我答得好不好\n\n"
            f"<b>资料范围</b>\n{_coverage_lines(coverage, _PLACES_NAMED)}\n\n"
            "/sources 查看收录的报告　/help 显示本说明\n"
            "/privacy 我们保存什么　/forget 删除我的记录")
    if not admin:
        return text
    return text + (
        "\n\n<b>管理员（仅限私聊）</b>\n"
        f"• 发送报告文件（{'、'.join(ingest.SUFFIXES)}，不超过 {_size(ingest.MAX_BYTES)}）即收录并上线。"
        "自动识别的标题、日期、地点、来源可在文件说明里改写，例如：\n"
        "<blockquote>title: 2019年溧阳高新区工作会议\ndate: 2019-02-01\nplace: 溧阳高新区\n"
        f"source: 溧阳日报</blockquote>\n{CAPTION_HINT}\n"
        "• /reindex 从资料库重建索引；新索引检查通过前，旧索引照常回答\n"
        "• /stats 今日统计　/feedback 最近的 👎　/feedback export 导出为评测集")


def sources_text(documents: list[dict], coverage: tuple[Coverage, ...]) -> str:
    if not documents:
        return "目前还没有收录报告。"
    return (f"我依据以下报告回答问题：\n{_document_lines(documents)}\n\n"
            f"资料范围：\n{_coverage_lines(coverage)}")


def inline_result(answer: Answer) -> InlineQueryResultArticle:
    """One inline result that sends the answer (with its question) into any chat."""
    if answer.abstained or not answer.value:
        title = "没有找到依据"
    else:
        title = answer.value + (f"（{answer.year}年）" if answer.year else "")
    return InlineQueryResultArticle(
        id=hashlib.sha256(answer.question.encode()).hexdigest()[:32],
        title=title,
        description=clip(answer.answer, 100),
        input_message_content=InputTextMessageContent(format_answer(answer, with_question=True),
                                                      parse_mode=ParseMode.HTML),
    )


# --- staff ------------------------------------------------------------------------------------

def _size(n: int) -> str:
    if n < 1024:
        return f"{n} 字节"
    return f"{n / 1024:.1f} KB" if n < 1024 ** 2 else f"{n / 1024 ** 2:.1f} MB"


def upload_received(name: str, size: int | None) -> str:
    return f"📥 已收到 {_esc(name)}" + (f"（{_size(size)}）" if size is not None else "")


def wrong_type(suffix: str) -> str:
    return f"不支持{suffix or '没有扩展名'}的文件，请发送 {'、'.join(ingest.SUFFIXES)} 文件"


def too_big(size: int) -> str:
    return f"文件有 {_size(size)}，超过 {_size(ingest.MAX_BYTES)} 的上限"


def bad_caption(line: str) -> str:
    return f"文件说明“{clip(line, 40)}”看不懂。{CAPTION_HINT}"


def _reason(reason: str) -> str:
    return f"原因：{_esc(clip(reason, _REASON_CHARS))}"


def upload_refused(reason: str) -> str:
    return f"❌ 未收录，资料库和索引都没有改动。\n{_reason(reason)}"


def upload_extracted(added: ingest.Added) -> str:
    """What the report became, marking the metadata that was guessed rather than given."""
    fields = "\n".join(f"{label}：{_esc(added.meta[key])}" + ("（自动识别）" if key in added.inferred else "")
                       for key, label in (("title", "标题"), ("date", "日期"), ("place", "地点"),
                                          ("source", "来源")))
    return f"📄 已提取 {added.chars} 字，存为 {_esc(added.doc_id)}\n{fields}"


def upload_live(chunks: int, documents: int, summary: Summary | None) -> str:
    """Live, then what was understood of the report (bot.answering.catalogue), for staff to check."""
    understood = "".join(f"\n{_esc(line)}" for line in summary.lines()) if summary else ""
    return (f"🔎 已索引 {chunks} 个片段\n✅ 已上线：现在共 {documents} 份报告，市民马上就能问到"
            + (f"\n\n📊 识别结果{understood}" if understood else ""))


def upload_not_live(reason: str) -> str:
    return (f"❌ 报告已存入资料库，但没有上线：建索引失败，旧索引继续回答。\n{_reason(reason)}\n"
            "排除问题后发送 /reindex。")


def reindex_done(report: BuildReport) -> str:
    skipped = "".join(f"\n⚠️ 跳过：{_esc(clip(p, 200))}" for p in report.problems[:_PROBLEMS_SHOWN])
    if len(report.problems) > _PROBLEMS_SHOWN:
        skipped += f"\n⚠️ 另有 {len(report.problems) - _PROBLEMS_SHOWN} 份无法读取"
    skipped += "".join(f"\n📝 请核对：{_esc(clip(n, 200))}" for n in report.notes[:_PROBLEMS_SHOWN])
    return (f"✅ 索引已重建并上线：{report.documents} 份报告，{report.chunks} 个片段（新嵌入 {report.embedded} 个，"
            f"复用 {report.reused} 个），用时 {report.seconds:.1f} 秒{skipped}")


def reindex_failed(reason: str) -> str:
    return f"❌ 重建失败，旧索引继续回答。\n{_reason(reason)}"


def stats_text(day: datetime, stats: Stats) -> str:
    slowest = "\n".join(f"{i}. {ms:.0f} ms　{_esc(clip(question, 60))}"
                        for i, (question, ms) in enumerate(stats.slowest, 1)) or "（今天还没有提问）"
    return (f"<b>📊 今日统计</b>（{day:%Y-%m-%d}，北京时间）\n"
            f"提问 {stats.questions} 次：回答 {stats.answered}，拒答 {stats.refused}"
            + (f"，未送达 {stats.undelivered}" if stats.undelivered else "") + "\n"
            f"👍 {stats.up}　👎 {stats.down}\n\n"
            f"<b>最慢的回答</b>\n{slowest}")


def feedback_text(items: list[Downvoted]) -> str:
    if not items:
        return NO_FEEDBACK
    entries = "\n\n".join(
        f"{i}. {item.last_vote.astimezone(CHINA):%m-%d %H:%M}　👎×{item.votes}　#{item.question_id}\n"
        f"问：{_esc(clip(item.question, 100))}\n答：{_esc(clip(item.answer, 150))}"
        for i, item in enumerate(items, 1))
    return f"<b>最近的 👎</b>\n\n{entries}\n\n/feedback export 导出为评测集"


def figures_page_caption(figures: int, doubtful: int) -> str:
    """Beside the 识别结果: the page of every figure of the new report (bot.figures_page)."""
    doubts = f"，其中存疑 {doubtful} 个（已标出）" if doubtful else ""
    return (f"📄 这份报告识别出的全部 {figures} 个数字{doubts}。用浏览器打开，可按地点、年份、类型和文字筛选，"
            "点表头排序。")


def export_caption(count: int) -> str:
    return (f"{count} 条 👎，评测集格式。补上 answer、must_contain 和 evidence"
            "（其实能答的拒答题把 type 改为 number 等）后，即可用 zoneqa eval 评测。")
