"""Figures whose label breaks a rule that holds for every report, so staff can fix a heading or a
cue word before citizens rely on them: the summary after `corpus add` and a Telegram upload shows
them, `zoneqa facts --doubtful` lists them, and the corpus checks of the test suite count them.

The rules:
- a report cannot state the result of a year it plans: nothing of its plan year (the year it is
  delivered in, or the next one from October on) or later is a result or an estimate; news of part
  of its year gone by ("一季度", "上半年…" dated August) plans none of it: its year's figures so far are results,
  as are those of a part gone by a clause names ("今年1-8月" in news of September: the label's part);
- a sentence announcing the main targets (`label_checks.tsv`) makes every figure after the
  announcement a target.

Pure: labelled figures and the reports' metadata in, a Chinese reason per doubtful figure out.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Protocol, TypeVar

from bot.answering.vocabulary import BOT_DATA
from index import datafiles
from index.text.normalise import fold
from index.text.timelabel import ESTIMATE, RESULT, TARGET, Frame

DOUBT = "存疑"  # the column, and the summary line, of doubtful figures
NAMES = {RESULT: "实际值", ESTIMATE: "预计值", TARGET: "目标", None: "未定"}


class Labelled(Protocol):
    """A labelled figure, as `catalogue.Figure` holds it."""

    doc_id: str
    year: int | None
    span: tuple[int, int] | None
    kind: str | None
    value: str
    sentence: str
    part: str  # the part of its year it covers ("1-8月"), or ""


F = TypeVar("F", bound=Labelled)


def doubts(found: Iterable[F], documents: Mapping[str, Mapping]) -> dict[F, str]:
    """Each figure of `found` whose label breaks a rule → why, in Chinese, for staff."""
    out = {}
    for f in found:
        reason = doubt(f, documents.get(f.doc_id, {}))
        if reason:
            out[f] = reason
    return out


def doubt(f: Labelled, report: Mapping) -> str | None:
    """Why the label of figure `f` of a report (what the index says of it: date, part_year…) cannot
    be right, or None."""
    date = report.get("date", "")
    if f.span is None and f.kind in (RESULT, ESTIMATE) and f.year and date[:4].isdigit() and not f.part \
            and f.year >= Frame.of_report(report).plan:
        return f"{f.year}年的{NAMES[f.kind]}出现在{_when(date)}的报告里：报告只能为这一年定目标"
    if f.kind != TARGET and f.span is None and _announced(f.sentence, f.value):
        return f"句中宣布的是主要预期目标，这个数字却标为{NAMES[f.kind]}"
    return None


def _announced(sentence: str, value: str) -> bool:
    """Whether `value` stands after the words announcing the main targets in `sentence`."""
    text, at = fold(sentence), fold(sentence).find(fold(value))
    cues = datafiles.table(BOT_DATA / "label_checks.tsv").get("announces_targets", ())
    return at >= 0 and any(0 <= text.find(cue) < at for cue in cues)


def _when(date: str) -> str:
    year, _, rest = date.partition("-")
    return f"{year}年{int(rest[:2])}月" if rest[:2].isdigit() else f"{year}年"
