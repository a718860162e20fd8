"""Whether a figure is of the kind the question asks: a change for "GDP增长了多少", not a level alone."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answering.reading.question import Question
from bot.answering.sentences.named_after import share_named_after
from bot.answering.vocabulary import change_words, unit_group

if TYPE_CHECKING:
    from bot.answering.scoring import Candidate


def asks_a_change(q: Question) -> bool:
    """Whether the question asks how the metric changed by a report's own verb ("GDP增长了多少"),
    in words other than the metric's names (经济增长 and 工业增加值 name a metric, asking for no
    change); 降到, 变化 and the like may ask a level or a trend."""
    if not q.asks_change or q.unit not in (None, "percent"):
        return False
    said = q.normalised
    for form in sorted(q.terms[0].forms if q.metrics else (), key=len, reverse=True):
        said = said.replace(form, "\0")
    return any(w in said for w in change_words())


def a_level_alone(c: Candidate) -> bool:
    """An amount whose clause says nothing of a change ("地区生产总值实现432.6亿元"), or a share said before
    its name ("全市21.7%的地区生产总值"); another rate ("涨幅2%") or a clause about growth ("5项指标增幅位列全市
    第一") is not one."""
    return not c.fact.states_change and (share_named_after(c.fact) or unit_group(c.fact.unit) != "percent"
                                         and not any(w in c.fact.window for w in change_words()))
