""""Which places mention X": the truth by search over the report files, and an answer's recall and precision.

The truth is never written by hand: a place mentions a term when the body of one of its reports
(the text after the metadata header, NFKC-normalised, whitespace dropped) contains the term.
`tests/gold/which_places.tsv` lists the terms (one a line, then the places found, for a reader);
the places are recomputed from the files wherever they are scored, and a test checks the file
still agrees, so the truth cannot drift from the texts.

An answer names a place when it holds the place's header name or its short form (广西壮族自治区 →
广西), outside any clause that says the place does not mention the term ("…的报告没有提到"); a refusal
or a request to name a place names none. Scores are pooled over all terms (micro): a place named
for a term no report contains counts against precision, a place left out against recall.

    python -m bot.evaluation.which_places CORPUS_DIR [--write tests/gold/which_places.tsv]

prints (or writes) each term of the tsv with the places whose reports contain it.
"""
from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.evaluation.gold import normalise

ROOT = Path(__file__).resolve().parent.parent.parent
TERMS = ROOT / "tests" / "gold" / "which_places.tsv"
# How citizens ask; the first is the phrasing the gold sets already use, the others the ones of issue #23.
PHRASINGS = (
    "哪些省份提到了{term}",
    "{term}被哪些地方写进了报告",
    "说到{term}的地方有哪些",
    "都有哪些地方在搞{term}",
)
# Level words a citizen drops from a place's name (江西省 → 江西); longest first.
_LEVELS = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
_PLACE = re.compile(r"^place:\s*(.+?)\s*$", re.MULTILINE)
# A clause with one of these lists places that do *not* mention the term.
_NEGATED = ("没有提到", "没提到", "未提到", "没有提及", "未提及", "没有涉及", "未涉及")
_CLAUSE = re.compile(r"[。；;！!？?\n]")


def _body(text: str) -> str:
    """The report without its metadata header (whose source line may name other places)."""
    if text.startswith("---"):
        parts = text.split("---", 2)
        if len(parts) == 3:
            return parts[2]
    return text


def report_texts(corpus_dir: Path) -> dict[str, str]:
    """Place (from each file's header) → the normalised bodies of all its reports, joined."""
    out: dict[str, list[str]] = {}
    for path in sorted(Path(corpus_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        place = _PLACE.search(text)
        if place:
            out.setdefault(place.group(1), []).append(normalise(_body(text)))
    return {place: "\n".join(bodies) for place, bodies in out.items()}


def places_mentioning(term: str, texts: Mapping[str, str]) -> frozenset[str]:
    needle = normalise(term)
    return frozenset(place for place, body in texts.items() if needle in body)


def read_terms(path: Path = TERMS) -> list[str]:
    """The terms of the tsv (first column), in file order; lines starting with # are comments."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")]


def read_listed(path: Path = TERMS) -> dict[str, frozenset[str]]:
    """Term → the places the tsv lists for it (what was found when the file was written)."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, *places = line.rstrip("\n").split("\t")
            out[term.strip()] = frozenset(p for p in places if p)
    return out


def short_forms(place: str) -> tuple[str, ...]:
    """The place's name and the name without its level word."""
    for level in _LEVELS:
        if place.endswith(level) and len(place) > len(level) + 1:
            return place, place[: -len(level)]
    return (place,)


def named_places(answer: str, places: Iterable[str]) -> frozenset[str]:
    """The places (of `places`) that an answer names as mentioning, by full or short name."""
    text = "。".join(c for c in _CLAUSE.split(normalise(answer)) if not any(n in c for n in _NEGATED))
    return frozenset(p for p in places if any(normalise(name) in text for name in short_forms(p)))


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float
    found: int  # places named that mention the term
    named: int  # places named
    expected: int  # places that mention the term
    questions: int

    def line(self) -> str:
        return (f"recall {self.recall:.3f} ({self.found}/{self.expected})  "
                f"precision {self.precision:.3f} ({self.found}/{self.named})  over {self.questions} questions")


def score(rows: Iterable[tuple[frozenset[str], frozenset[str]]]) -> Score:
    """Pooled recall and precision over (truth, named) pairs; an empty side scores 1.0 (nothing to miss)."""
    found = named = expected = n = 0
    for truth, got in rows:
        found += len(truth & got)
        named += len(got)
        expected += len(truth)
        n += 1
    return Score(found / expected if expected else 1.0, found / named if named else 1.0,
                 found, named, expected, n)


def ask_all(answerer, terms: Iterable[str], texts: Mapping[str, str], phrasings: Iterable[str]) -> list[dict]:
    """Ask each term in each phrasing; one row per question with the truth and the places named.
    `answerer.ask(question)` gives the answer's `.answer` text and `.abstained` (a refusal names no place)."""
    rows = []
    for term in terms:
        truth = places_mentioning(term, texts)
        for phrasing in phrasings:
            question = phrasing.format(term=term)
            a = answerer.ask(question)
            rows.append({"term": term, "phrasing": phrasing, "question": question, "answer": a.answer,
                         "truth": truth, "named": frozenset() if a.abstained else named_places(a.answer, texts)})
    return rows


def tsv_lines(terms: Iterable[str], texts: Mapping[str, str]) -> list[str]:
    return ["\t".join([term, *sorted(places_mentioning(term, texts))]) for term in terms]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="directory of the report files (*.txt with a place: header)")
    parser.add_argument("--terms", type=Path, default=TERMS)
    parser.add_argument("--write", type=Path, help="write the tsv here instead of printing it")
    args = parser.parse_args(argv)
    texts = report_texts(args.corpus)
    header = [line for line in args.terms.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    lines = header + tsv_lines(read_terms(args.terms), texts)
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
