"""Subjects a clause says only in part, completed from the words beside it: a listed subject opening with its own
count ("678个“八大行动”项目、49个省大中型项目分别完成年度投资835亿元、289亿元": each kind of project counted and given its
own figure), and a bare measure after a clause naming a thing's measure ("全部工业要力争完成产值300亿元,完成增加值85亿元":
the 增加值 of 全部工业, as "食品工业产值、增加值" lists it)."""
from __future__ import annotations

import re

from bot.answering.reading.metric_forms import as_named
from bot.answering.vocabulary import alternation, figure_words, unit_group

Value = tuple[int, int, str, float, str]  # start, end, figure as written, number, unit


def leading_count(item: str, values: list[Value]) -> Value | None:
    """The count `item` opens with when it is its only figure and names the things counted after it
    ("678个“八大行动”项目"); None otherwise: a figure said of a subject ("收入23292元") lists none."""
    if len(values) != 1 or values[0][0] != 0 or values[0][1] >= len(item):
        return None
    return values[0] if unit_group(values[0][4] or "") == "count" else None


def measured_heads(clauses: list[str]) -> list[str]:
    """Folded clauses of a sentence, each that opens on a bare measure, maybe after its verb (figure_words.tsv
    `name_verb`, `measure`: "完成增加值85亿元"), read as the measure of the thing whose measure and figure the clause
    right before it gives ("全部工业要力争完成产值300亿元": 全部工业增加值85亿元); the others as they are."""
    words = figure_words()
    if not words.get("name_verb") or not words.get("measure"):
        return clauses
    verbs, measures = alternation(words["name_verb"]), alternation(words["measure"])
    out = list(clauses)
    for i in range(1, len(out)):
        bare = re.match(rf"(?:{verbs})?(?=(?:{measures})\d)", out[i])
        before = re.match(rf"([\u4e00-\u9fff]{{2,}}?)(?:{measures})\d", as_named(out[i - 1]))
        if bare and before:
            out[i] = before[1] + out[i][bare.end():]
    return out
