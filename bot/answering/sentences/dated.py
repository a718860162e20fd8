"""The year a question asking when ("哪年批准设立的", "打算到哪年建成…") is answered with: the part of a sentence
that ties one year to what is asked. A sentence naming two things and two years ("1988年省政府批准设立渭南经济
开发区,1992年又批准设立渭南高新技术产业开发试验区") answers each with its own year, never both. And the year of a
figure in an aside: "今年截至目前共引进亿元以上项目19个(去年全年12个)" gives the year before's 12个."""
from __future__ import annotations

from bot.answering.evidence import coverage
from bot.answering.facts import segments
from bot.answering.reading.question import Question
from bot.answering.wording import YEAR
from index.text.timelabel import years_in


def dated_part(sentence: str, q: Question) -> str | None:
    """The part of `sentence` stating the year asked of: the sentence if it states one year; of one stating several,
    the run of clauses from one year to the next that covers the question best (clauses before the first year
    open the first run); None when the sentence states no year, or when no run covers the question better than
    every other (the text ties no one year to what is asked)."""
    runs: list[list[str]] = []
    for clause in segments(sentence):
        # a year opens a run of its own once one was stated before it
        if not runs or YEAR.search(clause) and any(YEAR.search(c) for run in runs for c in run):
            runs.append([clause])
        else:
            runs[-1].append(clause)
    dated = ["，".join(run) for run in runs if any(YEAR.search(c) for c in run)]
    if len(dated) <= 1:
        return sentence if dated else None
    scores = [coverage(q, part)[0] for part in dated]
    best = max(scores)
    return dated[scores.index(best)] if best > 0 and scores.count(best) == 1 else None


def aside_year(subject: str, doc_date: str) -> int | None:
    """The one year a bracketed aside right after a figure names before its own figure ("19个(去年全年12个)": 去年,
    read from the report's date as the report reads it): a figure set beside another for comparison is that year's,
    not the sentence's. None for a figure in no such aside."""
    if not subject.startswith(("(", "（")) or not doc_date[:4].isdigit():
        return None
    years = set(years_in(subject[1:], int(doc_date[:4])))
    return years.pop() if len(years) == 1 else None
