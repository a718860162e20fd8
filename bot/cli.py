"""zoneqa command line: a thin layer over `index` and `bot`.

    zoneqa index build [--corpus DIR]
    zoneqa search QUESTION [-k N] [--json]      |  zoneqa search --jsonl [-k N] < questions
    zoneqa ask QUESTION [--json]                |  zoneqa ask --jsonl < questions
    zoneqa chat
    zoneqa eval GOLD.jsonl [--report DIR] [--min-accuracy X] [--min-abstain Y] [--compare OLD.json] [--baselines]
    zoneqa bot [--webhook URL --listen ADDR --port N]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from pathlib import Path

from index.config import Settings, load_settings

EXIT_USAGE, EXIT_FAILED = 2, 1


class UserError(RuntimeError):
    """An error the user can fix; printed without a traceback."""


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _stdin_lines():
    for line in sys.stdin:
        yield line.rstrip("\n")


def cmd_index_build(args, settings: Settings) -> int:
    from index.builder import build
    from index.embedding import Embedder

    corpus = Path(args.corpus) if args.corpus else settings.corpus_dir
    report = build(corpus, settings.index_dir, settings.model,
                   lambda: Embedder(settings.model, settings.model_cache_dir), progress=True)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"index built: {report.summary()}")
    return 0


def _searcher(settings: Settings):
    from index.search import Searcher
    return Searcher.open(settings)


def cmd_search(args, settings: Settings) -> int:
    searcher = _searcher(settings)

    def run(question: str) -> list[dict]:
        return [h.to_dict() for h in searcher.search(question, k=args.k)]

    if args.jsonl:
        for question in _stdin_lines():
            _print_json(run(question) if question.strip() else [])
        return 0
    if not args.question:
        raise UserError("give a question, or --jsonl to read questions from stdin")
    hits = run(" ".join(args.question))
    if args.json:
        _print_json(hits)
        return 0
    for h in hits:
        print(f"[{h['rank']}] {h['title']} · {h['section'] or '正文'}  "
              f"(score {h['score']:.4f}, bm25 #{h['bm25_rank']}, dense #{h['dense_rank']})")
        print(f"    {h['text']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zoneqa", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    index = sub.add_parser("index", help="build the search index")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="index every report in the corpus")
    build.add_argument("--corpus", help="corpus directory (default: ZONEQA_CORPUS_DIR or corpus/)")
    build.set_defaults(func=cmd_index_build)

    search = sub.add_parser("search", help="show the passages retrieved for a question")
    search.add_argument("question", nargs="*")
    search.add_argument("-k", type=int, default=5)
    search.add_argument("--json", action="store_true")
    search.add_argument("--jsonl", action="store_true", help="questions on stdin, one JSON list per line")
    search.set_defaults(func=cmd_search)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    from index.builder import BuildError
    from index.corpus import CorpusError
    from index.store import IndexUnavailable

    try:
        return args.func(args, load_settings())
    except (UserError, IndexUnavailable, BuildError, CorpusError) as exc:
        print(f"zoneqa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
