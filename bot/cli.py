"""zoneqa command line: a thin layer over `index` and `bot`; everything it prints is in Chinese.

    zoneqa index build [--corpus DIR]
    zoneqa corpus add FILE... [--title T] [--date YYYY-MM-DD] [--place P] [--source S]
    zoneqa corpus list  |  zoneqa corpus remove ID
    zoneqa facts [--place P] [--year Y] [--kind 实际|目标|预计|多年] [--doubtful] [--json | --html FILE]
    zoneqa search QUESTION [-k N] [--json]      |  zoneqa search --jsonl [-k N] < questions
    zoneqa ask QUESTION [--json]                |  zoneqa ask --jsonl < questions
    zoneqa chat
    zoneqa eval GOLD.jsonl [--report DIR] [--min-accuracy X] [--min-abstain Y] [--compare OLD.json] [--baselines]
    zoneqa bot [--webhook URL --listen ADDR --port N]  |  zoneqa health

Commands import what they need when they run; the model (and torch) only once text is to be
encoded, never for a hint, a refusal, a listing or a usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from bot.settings import Settings, SettingsError, load_settings

EXIT_USAGE, EXIT_FAILED = 2, 1
DESCRIPTION = "zoneqa：根据官方报告回答关于昆山高新区的问题"
# argparse's own error messages (Python 3.10–3.13) → what staff read; the last one is the fallback.
ARGPARSE_ERRORS = (
    (r"the following arguments are required: (.+)", "缺少参数：{0}"),
    (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
    (r"argument (.+?): invalid choice: '(.*)' \(choose from (.+)\)", "{0} 没有“{1}”这一项，可选：{2}"),
    (r"argument (.+?): invalid (?:int|float) value: '(.*)'", "{0} 的值“{1}”不是数字"),
    (r"argument (.+?): expected (?:one|at least one) argument", "{0} 后面需要一个值"),
    (r"argument (.+?): not allowed with argument (.+)", "{0} 不能和 {1} 同时使用"),
    (r"ambiguous option: (\S+) could match (.+)", "选项 {0} 不明确，可能是：{1}"),
    (r"argument (.+?): (.+)", "{0}：{1}"),  # an ArgumentTypeError of ours, already in Chinese
    (r"(.+)", "参数有误：{0}"),
)


class UserError(RuntimeError):
    """An error the user can fix; printed without a traceback."""


META_NAMES = {"title": "标题", "date": "日期", "place": "地点", "source": "来源"}
LIST_COLUMNS = ("报告ID", "日期", "地点", "标题")


def file_error(path: Path, exc: OSError, verb: str = "读取") -> UserError:
    """A file that could not be read or written, said so staff can act on it (never "[Errno 2]")."""
    if isinstance(exc, FileNotFoundError):
        where = "文件" if verb == "读取" else "所在的目录"
        return UserError(f"无法{verb} {path}：{where}不存在，请检查路径")
    if isinstance(exc, IsADirectoryError):
        return UserError(f"无法{verb} {path}：这是一个目录，请给出文件")
    if isinstance(exc, PermissionError):
        return UserError(f"无法{verb} {path}：没有权限，请检查文件和目录的权限")
    return UserError(f"无法{verb} {path}（{exc.strerror or exc}）")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise file_error(path, exc) from None


class ChineseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse names a subcommand by a usage line with an empty prefix: leave that one be.
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with its headings, help and errors in Chinese; subcommands inherit it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=ChineseHelp, add_help=False, allow_abbrev=False, **kwargs)
        self._positionals.title, self._optionals.title = "参数", "选项"
        self.add_argument("-h", "--help", action="help", help="显示这段帮助并退出")

    def error(self, message: str):
        for pattern, chinese in ARGPARSE_ERRORS:
            if m := re.fullmatch(pattern, message, re.S):
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：{chinese.format(*m.groups())}（详见 {self.prog} -h）\n")


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _stdin_lines():
    for line in sys.stdin:
        yield line.rstrip("\n")


def cmd_index_build(args, settings: Settings) -> int:
    """Chunk, embed and index every report; only changed chunks are embedded again. For example:

        $ zoneqa index build
        索引已建好：1 份报告，73 段（新嵌入 73，复用 0）；…
    """
    from bot import process
    from index.builder import build
    from index.search.embedding import Embedder

    process.size_encoder(settings.index)
    corpus = Path(args.corpus) if args.corpus else settings.index.corpus_dir
    report = build(corpus, settings.index.index_dir, settings.index.model,
                   lambda: Embedder(settings.index.model, settings.index.model_cache_dir), progress=True)
    for problem in report.problems:
        print(f"已跳过：{problem}", file=sys.stderr)
    print(f"索引已建好：{report.summary()}")
    return 0


def cmd_corpus_add(args, settings: Settings) -> int:
    """Add reports to the corpus, printing what was read of each. For example:

        $ zoneqa corpus add 报告.pdf --place 昆山高新区
        已收录 2026-报告：12345 字
          标题：…（识别自：…）
    """
    from index.reading.ingest import IngestError, add_report

    failed = 0
    for name in args.files:
        try:
            data = _read_bytes(Path(name))
            added = add_report(settings.index.corpus_dir, Path(name).name, data, title=args.title,
                               date=args.date, place=args.place, source=args.source)
        except (IngestError, UserError) as exc:
            print(f"未收录：{exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"已收录 {added.doc_id}：{added.chars} 字")
        for key, value in added.meta.items():
            where = f"（识别自：{added.inferred[key]}）" if key in added.inferred else "（指定）"
            print(f"  {META_NAMES.get(key, key)}：{value}{where}")
        _print_understood(added.path)
    if failed < len(args.files):
        print("运行 zoneqa index build（或在 Telegram 中发 /reindex）后即可据此回答")
    return EXIT_FAILED if failed else 0


def _print_understood(path: Path) -> None:
    """What the index will make of a new report: chunked and labelled as a build would (no model)."""
    from bot.answering.catalogue import summarize_document
    from index.reading.documents import load_document

    doc = load_document(path)
    summary = summarize_document(doc)
    lines = [*(summary.lines() if summary else ["报告中没有可索引的文字"]),
             f"全部数字：zoneqa facts --place {doc.place}（建好索引后）"]
    print("  识别结果：", *(f"    {line}" for line in lines), sep="\n")


def _kind_arg(word: str) -> str:
    from bot.answering.catalogue import type_of

    try:
        return type_of(word)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_facts(args, settings: Settings) -> int:
    """List the figures of the served index with their labels, so staff can check a report
    before citizens rely on it: tab-separated with a header, one JSON object a line, or one
    self-contained HTML page to filter and sort. Reads the index only (no model). For example:

        $ zoneqa facts --place 昆山高新区 --year 2019 --kind 目标
        地点  年份  类型  数值  变化  指标  依据  原句  报告  存疑
        昆山高新区  2019年  目标  810亿元  增长7%  完成地区生产总值  句中年份  2019年,昆山高新区再接再厉,…
        $ zoneqa facts --html 数字.html

    `--doubtful` keeps the figures whose label breaks a check (bot/answering/doubts.py), the
    reason in the 存疑 column (and marked on the page).
    """
    from bot.answering.catalogue import COLUMNS, figures, is_named, select
    from bot.answering.doubts import DOUBT, doubts
    from index import store

    index = store.load(settings.index.index_dir, settings.index.model)
    places = sorted({d["place"] for d in index.documents.values()})
    if args.place and not any(is_named(p, args.place) for p in places):
        raise UserError(f"资料库中没有“{args.place}”的报告（现有：{'、'.join(places)}）")
    chosen = select(figures(index.chunks, index.documents), args.place, args.year, args.kind)
    doubtful = doubts(chosen, index.documents)
    if args.doubtful:
        chosen = [f for f in chosen if f in doubtful]
    if args.html:
        from bot.answering.figures_page import write_page

        path = Path(args.html)
        try:
            write_page(path, chosen, index.documents, doubtful)
        except OSError as exc:
            raise file_error(path, exc, "写入") from None
        print(f"已写入 {path}：{len(chosen)} 个数字，用浏览器打开即可筛选和排序")
        return 0
    for line in ([json.dumps({**f.to_dict(), "doubt": doubtful.get(f)}, ensure_ascii=False) for f in chosen]
                 if args.json else ["\t".join((*COLUMNS, DOUBT)),
                                    *("\t".join((*f.row(), doubtful.get(f, ""))) for f in chosen)]):
        print(line)
    print(f"共 {len(chosen)} 个数字", file=sys.stderr)
    return 0


def cmd_corpus_list(args, settings: Settings) -> int:
    """The reports of the corpus, tab-separated with a header. For example:

        $ zoneqa corpus list
        报告ID  日期  地点  标题
        2019-kunshan-hitech-zone-work-conference  2019-01  昆山高新区  书写高质量发展满意答卷…
    """
    from index.reading.documents import load_corpus

    docs, problems = load_corpus(settings.index.corpus_dir)
    for row in [LIST_COLUMNS, *((d.doc_id, d.date, d.place, d.title) for d in docs)]:
        print("\t".join(row))
    for problem in problems:
        print(f"无法读取：{problem}", file=sys.stderr)
    return 0


def cmd_corpus_remove(args, settings: Settings) -> int:
    """Move a report to corpus/.removed/ (never deleted). For example:

        $ zoneqa corpus remove 2019-kunshan-hitech-zone-work-conference
    """
    from index.reading.ingest import IngestError, remove_report

    try:
        kept = remove_report(settings.index.corpus_dir, args.doc_id)
    except IngestError as exc:
        raise UserError(str(exc)) from None
    print(f"已移除 {args.doc_id}（保存在 {kept}）；运行 zoneqa index build 后不再据此回答")
    return 0


def _searcher(settings: Settings):
    from bot import process
    from index.search.searcher import Searcher

    process.size_encoder(settings.index)
    return Searcher.open(settings.index)


def cmd_search(args, settings: Settings) -> int:
    """The passages retrieved for a question, with their fused score and ranks. For example:

        $ zoneqa search 去年高新区GDP多少？ -k 3
    """
    searcher = _searcher(settings)

    def run(question: str) -> list[dict]:
        return [h.to_dict() for h in searcher.search(question, k=args.k)]

    if args.jsonl:
        for question in _stdin_lines():
            _print_json(run(question) if question.strip() else [])
        return 0
    hits = run(" ".join(args.question))
    if args.json:
        _print_json(hits)
        return 0
    for h in hits:
        print(f"[{h['rank']}] {h['title']} · {h['section'] or '正文'}  "
              f"（得分 {h['score']:.4f}，BM25 第 {h['bm25_rank']} 名，向量 第 {h['dense_rank']} 名）")
        print(f"    {h['text']}")
    return 0


def _answerer(settings: Settings):
    from bot import process
    from bot.answering.answerer import Answerer

    process.size_encoder(settings.index)
    return Answerer.load(settings.index, settings.answering)


def _print_answer(answer) -> None:
    """The human-readable form: the reply, then where it came from."""
    print(answer.answer)
    for i, src in enumerate(answer.sources[:2] if not answer.abstained else answer.sources[:1]):
        label = "出处" if i == 0 else "相关"
        print(f"  {label}：《{src.title}》· {src.section or '正文'}")
        print(f"    “{src.text}”")


def cmd_ask(args, settings: Settings) -> int:
    """The answer and its sources. For example:

        $ zoneqa ask 去年高新区GDP多少？
        昆山高新区2018年实际完成：全年完成地区生产总值762亿元，增长7.1%。
    """
    from bot.answering.answerer import unreadable

    question = " ".join(args.question)
    # An empty or over-long question is answered with a hint before the model is loaded.
    answer = None if args.jsonl else unreadable(question)
    if answer is None:
        answerer = _answerer(settings)
        if args.jsonl:
            for line in _stdin_lines():
                _print_json(answerer.ask(line).to_dict())
            return 0
        answer = answerer.ask(question)
    if args.json:
        _print_json(answer.to_dict())
    else:
        _print_answer(answer)
    return 0


def cmd_chat(args, settings: Settings) -> int:
    """An interactive prompt; each question may build on the previous answer. For example:

        $ zoneqa chat
        问> 去年高新区GDP多少？
        问> 那今年呢？
    """
    answerer = _answerer(settings)
    print("zoneqa：请提问（输入 q 退出）。例如：去年高新区GDP多少？")
    previous = None
    while True:
        try:
            question = input("问> ")
        except EOFError:
            print()
            return 0
        if question.strip().lower() in ("q", "quit", "exit", "退出"):
            return 0
        previous = answerer.ask(question, previous)
        _print_answer(previous)


def _passage_answer(hits) -> dict:
    """A baseline: answer with the top passage as it stands."""
    if not hits:
        return {"answer": "", "abstained": True, "sources": []}
    h = hits[0].to_dict()
    return {"answer": h["text"], "abstained": False, "sources": [h]}


def cmd_eval(args, settings: Settings) -> int:
    """Score the answers against a gold set. For example:

        $ zoneqa eval tests/gold/dev.jsonl --report out/ --min-accuracy 0.95
    """
    from bot.evaluation.gold import GoldError, load_gold
    from bot.evaluation.report import write_report
    from bot.evaluation.scoring import check_thresholds, compare, evaluate
    from bot.evaluation.tables import format_compare, format_table
    from index.reading.documents import corpus_files

    corpus_texts = [p.read_text(encoding="utf-8", errors="replace")
                    for p in corpus_files(settings.index.corpus_dir)]
    gold = Path(args.gold)
    try:
        items = load_gold(gold, corpus_texts)
    except GoldError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise file_error(gold, exc) from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{gold} 第 {exc.start} 字节起不是 UTF-8 文字：金标准须是 UTF-8 编码的 JSONL 文件，"
                        "每行一道题") from None
    if not items:
        raise UserError(f"{gold} 中没有题目：金标准须是 JSONL 文件，每行一道题（格式见 README）")
    old = None
    if args.compare:
        compared = Path(args.compare)
        try:
            old = json.loads(_read_bytes(compared))
        except (ValueError, UserError) as exc:
            raise UserError(f"无法读取要比较的报告 {compared}：请给出 zoneqa eval --report 写出的 report.json"
                            f"（{exc if isinstance(exc, UserError) else '不是有效的 JSON'}）") from None
    answerer = _answerer(settings)
    searcher = answerer.searcher

    def ask(question: str, after: list[str] | None = None) -> dict:
        previous = None
        for earlier in after or ():  # a follow-up is asked after its conversation
            previous = answerer.ask(earlier, previous)
        answer = answerer.ask(question, previous)
        return {**answer.to_dict(), "confidence": answer.confidence}

    baselines = None
    if args.baselines:
        baselines = {f"只取{shown}第一段": (lambda q, n=name: _passage_answer(
            searcher.search(q, k=1, use=(n,)))) for name, shown in (("bm25", " BM25 "), ("dense", "向量检索"))}
    report = evaluate(items, ask, lambda q, k: [h.to_dict() for h in searcher.search(q, k)],
                      baselines=baselines)
    print(format_table(report))
    if args.report:
        json_path, html_path = write_report(report, Path(args.report))
        print(f"评测报告：{json_path}  {html_path}")
    if old is not None:
        print(format_compare(compare(old, report)))
    failed = check_thresholds(report["summary"], args.min_accuracy, args.min_abstain)
    for message in failed:
        print(f"低于阈值：{message}", file=sys.stderr)
    return EXIT_FAILED if failed else 0


def cmd_health(args, settings: Settings) -> int:
    """For container health checks: the index loads (no model) and the bot's heartbeat is fresh.
    For example:

        $ zoneqa health
        正常：索引 …，1 份报告，73 个片段；…
    """
    from bot.telegram.liveness import health
    return health(settings)


def cmd_bot(args, settings: Settings) -> int:
    """Run the Telegram bot. For example:

        $ TELEGRAM_BOT_TOKEN=… zoneqa bot
    """
    from bot.telegram.app import run
    return run(settings, webhook_url=args.webhook, listen=args.listen, port=args.port or 8443)


def usage_problem(args, settings: Settings) -> str | None:
    """What is wrong with the command as given, found before anything slow is loaded."""
    if args.command in ("ask", "search") and not args.question and not args.jsonl:
        return f"请给出问题，例如 zoneqa {args.command} 去年高新区GDP多少？；或用 --jsonl 从标准输入逐行读取问题"
    if args.command == "bot" and not settings.telegram.token:
        return "没有设置 TELEGRAM_BOT_TOKEN：机器人需要 @BotFather 给的令牌"
    if args.command == "bot" and args.webhook and not args.port:
        return "--webhook 需要同时给出 --port（通常还有 --listen）"
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="zoneqa", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    index = sub.add_parser("index", help="建立检索索引", description="建立检索索引")
    index_sub = index.add_subparsers(dest="index_command", required=True, metavar="子命令")
    build = index_sub.add_parser("build", help="为资料库中的每份报告分段、嵌入并建索引",
                                 description="为资料库中的每份报告分段、嵌入并建索引；只重新嵌入改动过的段落")
    build.add_argument("--corpus", metavar="目录", help="资料库目录（默认：ZONEQA_CORPUS_DIR 或 corpus/）")
    build.set_defaults(func=cmd_index_build)

    corpus = sub.add_parser("corpus", help="收录、列出、移除报告", description="收录、列出、移除报告")
    corpus_sub = corpus.add_subparsers(dest="corpus_command", required=True, metavar="子命令")
    add = corpus_sub.add_parser("add", help="收录报告（.txt .md .docx .pdf .html）",
                                description="收录报告（.txt .md .docx .pdf .html）；未指定的元数据从报告中识别")
    add.add_argument("files", nargs="+", metavar="文件")
    for field in META_NAMES:
        add.add_argument(f"--{field}", metavar="YYYY-MM-DD" if field == "date" else META_NAMES[field],
                         help=f"报告的{META_NAMES[field]}（不给则从报告中识别）")
    add.set_defaults(func=cmd_corpus_add)
    corpus_sub.add_parser("list", help="列出资料库中的报告", description="列出资料库中的报告"
                          ).set_defaults(func=cmd_corpus_list)
    remove = corpus_sub.add_parser("remove", help="把报告移出资料库（保存在 .removed/）",
                                   description="把报告移出资料库（保存在 .removed/，不会删除）")
    remove.add_argument("doc_id", metavar="报告ID", help="zoneqa corpus list 第一列的报告ID")
    remove.set_defaults(func=cmd_corpus_remove)

    facts = sub.add_parser("facts", help="列出在用索引识别出的数字及其年份、类型（不加载模型）",
                           description="列出在用索引识别出的数字及其年份、类型（不加载模型）")
    facts.add_argument("--place", metavar="地点", help="只看这个地点（任一名称：河南省、河南）")
    facts.add_argument("--year", type=int, metavar="年份", help="只看这一年（含跨这一年的多年数字）")
    facts.add_argument("--kind", type=_kind_arg, metavar="类型", help="实际、目标、预计或多年")
    facts.add_argument("--doubtful", action="store_true",
                       help="只看标注存疑的数字（如报告里出现了它正在规划的年份的实际值）")
    shown = facts.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="每行一个 JSON 对象")
    shown.add_argument("--html", metavar="文件", help="写成一个可筛选、可排序的网页（离线可用）")
    facts.set_defaults(func=cmd_facts)

    search = sub.add_parser("search", help="显示为问题检索到的段落", description="显示为问题检索到的段落及其得分")
    search.add_argument("question", nargs="*", metavar="问题")
    search.add_argument("-k", type=int, default=5, metavar="N", help="显示几段（默认 5）")
    search.add_argument("--json", action="store_true", help="输出一个 JSON 列表")
    search.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取问题，每行输出一个 JSON 列表")
    search.set_defaults(func=cmd_search)

    ask = sub.add_parser("ask", help="根据报告回答问题", description="根据报告回答问题，并给出出处")
    ask.add_argument("question", nargs="*", metavar="问题")
    ask.add_argument("--json", action="store_true", help="输出一个 JSON 对象（输出约定见 README）")
    ask.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取问题，每行输出一个 JSON 对象")
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser("chat", help="交互式问答，可以追问", description="交互式问答，可以追问（如“那今年呢？”）")
    chat.set_defaults(func=cmd_chat)

    ev = sub.add_parser("eval", help="用金标准评测回答", description="用金标准（JSONL，每行一道题）评测回答")
    ev.add_argument("gold", metavar="GOLD.jsonl", help="金标准文件")
    ev.add_argument("--report", metavar="目录", help="把 report.json 和 report.html 写到这个目录")
    ev.add_argument("--min-accuracy", type=float, metavar="X", help="可作答题的正确率低于 X 时以状态 1 退出")
    ev.add_argument("--min-abstain", type=float, metavar="Y", help="不可作答题的拒答率低于 Y 时以状态 1 退出")
    ev.add_argument("--compare", metavar="OLD.json", help="与以前的 report.json 比较，列出新答错和新答对的题")
    ev.add_argument("--baselines", action="store_true", help="同时评测只取 BM25 或向量检索第一段的基线")
    ev.set_defaults(func=cmd_eval)

    sub.add_parser("health", help="检查在用索引能否加载、机器人是否在收到更新",
                   description="检查在用索引能否加载、机器人是否在收到更新（供容器健康检查）"
                   ).set_defaults(func=cmd_health)

    tg = sub.add_parser("bot", help="运行 Telegram 机器人（长轮询或 webhook）",
                        description="运行 Telegram 机器人（长轮询，或给出 --webhook 时作为 webhook 服务）")
    tg.add_argument("--webhook", metavar="URL", help="公开的 webhook 地址；不给则用长轮询")
    tg.add_argument("--listen", default="0.0.0.0", metavar="地址", help="webhook 服务监听的地址（默认 0.0.0.0）")
    tg.add_argument("--port", type=int, metavar="端口", help="webhook 服务监听的端口")
    tg.set_defaults(func=cmd_bot)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"zoneqa：{exc}", file=sys.stderr)
        return EXIT_USAGE
    problem = usage_problem(args, settings)
    if problem:
        print(f"zoneqa：{problem}", file=sys.stderr)
        return EXIT_USAGE
    from bot import process
    from index.builder import BuildError
    from index.reading.documents import CorpusError
    from index.store import IndexUnavailable

    process.configure(settings.index, secret=settings.telegram.token, encodes=False)  # sized when the model loads

    def say(message: str) -> None:
        # Bot API URLs carry the token, and so may the errors that quote them.
        if settings.telegram.token:
            message = message.replace(settings.telegram.token, "<token>")
        print(f"zoneqa：{message}", file=sys.stderr)

    try:
        return args.func(args, settings)
    except (UserError, IndexUnavailable, BuildError, CorpusError) as exc:
        say(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `zoneqa facts | head`: the reader took all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 0
    except Exception as exc:  # staff see what failed, not a traceback
        say(f"意外出错（{exc}）：请把这条消息和所用的命令告诉维护人员")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
