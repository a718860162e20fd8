"""zoneqa command line: a thin layer over `index` and `bot`, in Chinese (its words: bot.cli_args).

    zoneqa index build [--corpus DIR]
    zoneqa corpus add FILE... [--title T] [--date YYYY-MM-DD] [--place P] [--source S] [--future-date]
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

import json
import os
import sys
from pathlib import Path

from bot.cli_args import EXIT_USAGE, META_NAMES, build_parser
from bot.settings import Settings, SettingsError, load_settings

EXIT_FAILED = 1
class UserError(RuntimeError):
    """An error the user can fix; printed without a traceback."""


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


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _stdin_lines():
    for line in sys.stdin:
        yield line.rstrip("\n")


def cmd_index_build(args, settings: Settings) -> int:
    """Chunk, embed and index every report in a child process; only changed chunks are embedded
    again. For example:

        $ zoneqa index build
        索引已建好：1 份报告，73 段（新嵌入 73，复用 0）；…
    """
    from index.childbuild import build_in_child

    report = build_in_child(settings.index, Path(args.corpus) if args.corpus else None, progress=True)
    for problem in report.problems:
        print(f"已跳过：{problem}", file=sys.stderr)
    for note in report.notes:
        print(f"请核对：{note}", file=sys.stderr)
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
                               date=args.date, place=args.place, source=args.source,
                               future_ok=args.future_date)
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
        from bot.figures_page import write_page

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
    for doc in docs:
        if doc.note():
            print(f"请核对：{doc.note()}", file=sys.stderr)
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
    """The human-readable form: the reply, then where it came from: each source its figures or
    places rest on (a comparison's two, every place listed), and one related passage."""
    print(answer.answer)
    shown = answer.sources[:1] if answer.abstained else answer.sources[:answer.evidence + 1]
    for i, src in enumerate(shown):
        label = "出处" if answer.abstained or i < answer.evidence else "相关"
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


COMMANDS = {"index build": cmd_index_build, "corpus add": cmd_corpus_add, "corpus list": cmd_corpus_list,
            "corpus remove": cmd_corpus_remove, "facts": cmd_facts, "search": cmd_search, "ask": cmd_ask,
            "chat": cmd_chat, "eval": cmd_eval, "health": cmd_health, "bot": cmd_bot}  # by cli_args' `run`


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
        return COMMANDS[args.run](args, settings)
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
