"""zoneqa command line: a thin layer over `index` and `bot`.

    zoneqa index build [--corpus DIR]
    zoneqa corpus add FILE... [--title T] [--date YYYY-MM-DD] [--place P] [--source S]
    zoneqa corpus list  |  zoneqa corpus remove ID
    zoneqa facts [--place P] [--year Y] [--kind 实际|目标|预计|多年] [--json]
    zoneqa search QUESTION [-k N] [--json]      |  zoneqa search --jsonl [-k N] < questions
    zoneqa ask QUESTION [--json]                |  zoneqa ask --jsonl < questions
    zoneqa chat
    zoneqa eval GOLD.jsonl [--report DIR] [--min-accuracy X] [--min-abstain Y] [--compare OLD.json] [--baselines]
    zoneqa bot [--webhook URL --listen ADDR --port N]  |  zoneqa health
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.settings import Settings, SettingsError, load_settings

EXIT_USAGE, EXIT_FAILED = 2, 1
ENCODING = {"index", "search", "ask", "chat", "eval", "bot"}  # commands that may load the model


class UserError(RuntimeError):
    """An error the user can fix; printed without a traceback."""


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _stdin_lines():
    for line in sys.stdin:
        yield line.rstrip("\n")


def cmd_index_build(args, settings: Settings) -> int:
    from index.childbuild import build_in_child

    report = build_in_child(settings.index, Path(args.corpus) if args.corpus else None, progress=True)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"index built: {report.summary()}")
    return 0


def cmd_corpus_add(args, settings: Settings) -> int:
    from index.reading.ingest import IngestError, add_report

    failed = 0
    for name in args.files:
        try:
            data = Path(name).read_bytes()
            added = add_report(settings.index.corpus_dir, Path(name).name, data, title=args.title,
                               date=args.date, place=args.place, source=args.source)
        except (IngestError, OSError) as exc:
            print(f"未收录：{exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"added {added.doc_id}: {added.chars} characters")
        for key, value in added.meta.items():
            where = f"（识别自：{added.inferred[key]}）" if key in added.inferred else "（指定）"
            print(f"  {key}: {value}{where}")
        _print_understood(added.path)
    if failed < len(args.files):
        print("run `zoneqa index build` (or /reindex in Telegram) to make it answerable")
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
    before citizens rely on it: tab-separated with a header, or one JSON object a line. Reads
    the index only (no model). For example:

        $ zoneqa facts --place 昆山高新区 --year 2019 --kind 目标
        地点  年份  类型  数值  变化  指标  依据  原句  报告
        昆山高新区  2019年  目标  810亿元  增长7%  完成地区生产总值  句中年份  2019年,昆山高新区再接再厉,…
    """
    from bot.answering.catalogue import COLUMNS, figures, is_named, select
    from index import store

    index = store.load(settings.index.index_dir, settings.index.model)
    places = sorted({d["place"] for d in index.documents.values()})
    if args.place and not any(is_named(p, args.place) for p in places):
        raise UserError(f"资料库中没有“{args.place}”的报告（现有：{'、'.join(places)}）")
    chosen = select(figures(index.chunks, index.documents), args.place, args.year, args.kind)
    for line in ([json.dumps(f.to_dict(), ensure_ascii=False) for f in chosen] if args.json
                 else ["\t".join(COLUMNS), *("\t".join(f.row()) for f in chosen)]):
        print(line)
    print(f"共 {len(chosen)} 个数字", file=sys.stderr)
    return 0


def cmd_corpus_list(args, settings: Settings) -> int:
    from index.reading.documents import load_corpus

    docs, problems = load_corpus(settings.index.corpus_dir)
    for d in docs:
        print(f"{d.doc_id}\t{d.date}\t{d.place}\t{d.title}")
    for problem in problems:
        print(f"unreadable: {problem}", file=sys.stderr)
    return 0


def cmd_corpus_remove(args, settings: Settings) -> int:
    from index.reading.ingest import IngestError, remove_report

    try:
        kept = remove_report(settings.index.corpus_dir, args.doc_id)
    except IngestError as exc:
        raise UserError(str(exc)) from None
    print(f"removed {args.doc_id} (kept as {kept}); run `zoneqa index build` to drop it from answers")
    return 0


def _searcher(settings: Settings):
    from index.search.searcher import Searcher
    return Searcher.open(settings.index)


def cmd_search(args, settings: Settings) -> int:
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
              f"(score {h['score']:.4f}, bm25 #{h['bm25_rank']}, dense #{h['dense_rank']})")
        print(f"    {h['text']}")
    return 0


def _answerer(settings: Settings):
    from bot.answering.answerer import Answerer
    return Answerer.load(settings.index, settings.answering)


def _print_answer(answer) -> None:
    """The human-readable form: the reply, then where it came from."""
    print(answer.answer)
    for i, src in enumerate(answer.sources[:2] if not answer.abstained else answer.sources[:1]):
        label = "出处" if i == 0 else "相关"
        print(f"  {label}：《{src.title}》· {src.section or '正文'}")
        print(f"    “{src.text}”")


def cmd_ask(args, settings: Settings) -> int:
    answerer = _answerer(settings)
    if args.jsonl:
        for question in _stdin_lines():
            _print_json(answerer.ask(question).to_dict())
        return 0
    answer = answerer.ask(" ".join(args.question))
    if args.json:
        _print_json(answer.to_dict())
    else:
        _print_answer(answer)
    return 0


def cmd_chat(args, settings: Settings) -> int:
    """An interactive prompt; each question may build on the previous answer."""
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
    from bot.evaluation.gold import GoldError, load_gold
    from bot.evaluation.report import write_report
    from bot.evaluation.scoring import check_thresholds, compare, evaluate
    from bot.evaluation.tables import format_compare, format_table
    from index.reading.documents import corpus_files

    corpus_texts = [p.read_text(encoding="utf-8", errors="replace")
                    for p in corpus_files(settings.index.corpus_dir)]
    try:
        items = load_gold(Path(args.gold), corpus_texts)
    except GoldError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot read {args.gold}: {exc.strerror}") from None
    old = None
    if args.compare:
        try:
            old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read the report to compare with, {args.compare}: {exc}") from None
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
        baselines = {f"top {name} passage": (lambda q, n=name: _passage_answer(
            searcher.search(q, k=1, use=(n,)))) for name in ("bm25", "dense")}
    report = evaluate(items, ask, lambda q, k: [h.to_dict() for h in searcher.search(q, k)],
                      baselines=baselines)
    print(format_table(report))
    if args.report:
        json_path, html_path = write_report(report, Path(args.report))
        print(f"report: {json_path}  {html_path}")
    if old is not None:
        print(format_compare(compare(old, report)))
    failed = check_thresholds(report["summary"], args.min_accuracy, args.min_abstain)
    for message in failed:
        print(f"below threshold: {message}", file=sys.stderr)
    return EXIT_FAILED if failed else 0


def cmd_health(args, settings: Settings) -> int:
    """For container health checks: the index loads (no model) and the bot's heartbeat is fresh."""
    from bot.telegram.liveness import health
    return health(settings)


def cmd_bot(args, settings: Settings) -> int:
    from bot.telegram.app import run
    return run(settings, webhook_url=args.webhook, listen=args.listen, port=args.port or 8443)


def usage_problem(args, settings: Settings) -> str | None:
    """What is wrong with the command as given, found before anything slow is loaded."""
    if args.command in ("ask", "search") and not args.question and not args.jsonl:
        return "give a question, or --jsonl to read questions from stdin"
    if args.command == "bot" and not settings.telegram.token:
        return "没有设置 TELEGRAM_BOT_TOKEN：机器人需要 @BotFather 给的令牌"
    if args.command == "bot" and args.webhook and not args.port:
        return "--webhook 需要同时给出 --port（通常还有 --listen）"
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zoneqa", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    index = sub.add_parser("index", help="build the search index")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="index every report in the corpus")
    build.add_argument("--corpus", help="corpus directory (default: ZONEQA_CORPUS_DIR or corpus/)")
    build.set_defaults(func=cmd_index_build)

    corpus = sub.add_parser("corpus", help="add, list and remove reports")
    corpus_sub = corpus.add_subparsers(dest="corpus_command", required=True)
    add = corpus_sub.add_parser("add", help="add reports (.txt .md .docx .pdf .html)")
    add.add_argument("files", nargs="+")
    for field in ("title", "date", "place", "source"):
        add.add_argument(f"--{field}", help=f"the report's {field} (inferred when left out)"
                         if field != "date" else "YYYY-MM-DD (inferred when left out)")
    add.set_defaults(func=cmd_corpus_add)
    corpus_sub.add_parser("list", help="list the reports").set_defaults(func=cmd_corpus_list)
    remove = corpus_sub.add_parser("remove", help="take a report out of the corpus (kept in .removed/)")
    remove.add_argument("doc_id")
    remove.set_defaults(func=cmd_corpus_remove)

    facts = sub.add_parser("facts", help="list the labelled figures of the served index (in Chinese)")
    facts.add_argument("--place", help="only this place (any of its names: 河南省, 河南)")
    facts.add_argument("--year", type=int, help="only this year (multi-year figures that span it too)")
    facts.add_argument("--kind", type=_kind_arg, metavar="K", help="实际, 目标, 预计 or 多年")
    facts.add_argument("--json", action="store_true", help="one JSON object per figure and line")
    facts.set_defaults(func=cmd_facts)

    search = sub.add_parser("search", help="show the passages retrieved for a question")
    search.add_argument("question", nargs="*")
    search.add_argument("-k", type=int, default=5)
    search.add_argument("--json", action="store_true")
    search.add_argument("--jsonl", action="store_true", help="questions on stdin, one JSON list per line")
    search.set_defaults(func=cmd_search)

    ask = sub.add_parser("ask", help="answer a question from the reports")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true", help="one JSON object (the output contract)")
    ask.add_argument("--jsonl", action="store_true", help="questions on stdin, one JSON object per line")
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser("chat", help="interactive questions with follow-ups")
    chat.set_defaults(func=cmd_chat)

    ev = sub.add_parser("eval", help="measure answers against a gold set")
    ev.add_argument("gold", help="gold JSONL file")
    ev.add_argument("--report", help="directory for report.json and report.html")
    ev.add_argument("--min-accuracy", type=float, help="fail below this answerable accuracy")
    ev.add_argument("--min-abstain", type=float, help="fail below this unanswerable abstention")
    ev.add_argument("--compare", help="an earlier report.json: list newly failing and passing questions")
    ev.add_argument("--baselines", action="store_true", help="also score the top BM25 and dense passages")
    ev.set_defaults(func=cmd_eval)

    sub.add_parser("health", help="check that the served index loads and the bot is receiving updates"
                   ).set_defaults(func=cmd_health)

    tg = sub.add_parser("bot", help="run the Telegram bot (long polling, or a webhook server)")
    tg.add_argument("--webhook", metavar="URL", help="public webhook URL; without it, long polling")
    tg.add_argument("--listen", default="0.0.0.0", metavar="ADDR")
    tg.add_argument("--port", type=int, metavar="N")
    tg.set_defaults(func=cmd_bot)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"zoneqa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    problem = usage_problem(args, settings)
    if problem:
        print(f"zoneqa: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from bot import process
    from index.builder import BuildError
    from index.reading.documents import CorpusError
    from index.store import IndexUnavailable

    process.configure(settings.index, secret=settings.telegram.token, encodes=args.command in ENCODING)

    def say(message: str) -> None:
        # Bot API URLs carry the token, and so may the errors that quote them.
        if settings.telegram.token:
            message = message.replace(settings.telegram.token, "<token>")
        print(f"zoneqa: {message}", file=sys.stderr)

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
        say(f"{type(exc).__name__}: {exc}")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
