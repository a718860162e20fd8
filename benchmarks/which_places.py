"""Recall and precision of "which places mention X" answers, per phrasing, against the truth found by search.

    ZONEQA_CORPUS_DIR=tests/reports ZONEQA_DATA_DIR=/tmp/me/data-prov \\
        python benchmarks/which_places.py [--corpus tests/reports] [--terms tests/gold/which_places.tsv] [-v]

Loads the answerer the way the app does (ZONEQA_DATA_DIR etc.; the index is built on first use, so
point the settings at the same corpus as --corpus), asks every term of the tsv in every phrasing
of bot.evaluation.which_places.PHRASINGS, and prints pooled recall and precision per phrasing and
overall; -v adds each answer whose places differ from the truth. The truth is the set of places
whose report files contain the term (see bot/evaluation/which_places.py); a term no report holds
should name no place.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answering.answerer import Answerer  # noqa: E402
from bot.evaluation.which_places import PHRASINGS, TERMS, ask_all, read_terms, report_texts, score  # noqa: E402
from bot.settings import load_settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "reports")
    parser.add_argument("--terms", type=Path, default=TERMS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    settings = load_settings()
    answerer = Answerer.load(settings.index, settings.answering)
    texts = report_texts(args.corpus)
    rows = ask_all(answerer, read_terms(args.terms), texts, PHRASINGS)
    for phrasing in PHRASINGS:
        print(f"{phrasing:<16} {score((r['truth'], r['named']) for r in rows if r['phrasing'] == phrasing).line()}")
    print(f"{'all':<16} {score((r['truth'], r['named']) for r in rows).line()}")
    if args.verbose:
        for r in rows:
            if r["truth"] != r["named"]:
                print(f"{r['question']}: missing {sorted(r['truth'] - r['named'])}, "
                      f"extra {sorted(r['named'] - r['truth'])}\n    {r['answer'][:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
