"""Whether a figure is of the kind the question asks: a change for "GDP增长了多少", not a level alone; the rank of
the rate for "GDP增速排第几" ("增速居全省第5位"), never the level's ("总量居全省第6位"), nor the reverse."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answering.facts import values_in
from bot.answering.reading.question import Question
from bot.answering.reading.word_numbers import ordinals
from bot.answering.sentences.named_after import share_named_after
from bot.answering.vocabulary import change_words, figure_words, unit_group

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


def missed(q: Question, c: Candidate) -> str | None:
    """The kind asked that the candidate is not of (a `named:` key of question_cues.tsv: change, rank), or None."""
    if asks_a_change(q) and a_level_alone(c):
        return "change"
    if q.unit == "rank" and unit_group(c.fact.unit) == "rank":
        asked, ranked = rank_kinds(q.normalised), rank_kinds(c.fact.subject) or _ranked_before(c)
        return "rank" if len(asked) == 1 and ranked and not ranked & asked else None
    return None


def rank_kinds(text: str) -> set[str]:
    """The kinds of figure ranked that `text` names (figure_words.tsv `rank_kind:<kind>`: 增速 a rate, 总量 a level),
    past the longer names holding such a word (`rank_kind_not`: 规模以上)."""
    words = figure_words()
    for longer in words.get("rank_kind_not", ()):
        text = text.replace(longer, "")
    return {key.partition(":")[2] for key, said in words.items()
            if key.startswith("rank_kind:") and any(w in text for w in said)}


def _ranked_before(c: Candidate) -> set[str]:
    """The kind a rank naming none ranks by the figure its sentence says right before it: a rate's ("增长10.8%,排名全省
    第二位", "高于全省1.3个百分点,排名…", "增长0.6%、排全市第4位" whose window holds the rate), else a level's ("实现地区生产总值
    1261.6亿元,排名全省第六"); none with no figure."""
    read = ordinals(c.evidence.sentence)
    at = read.find(c.fact.window)
    at += max(c.fact.window.find(c.fact.value), 0) if at >= 0 else 0  # the rank itself, not its window's start
    before = [v for v in values_in(read[:at] if at > 0 else "") if unit_group(v[4] or "") != "rank"]
    return set() if not before else {"rate"} if unit_group(before[-1][4] or "") == "percent" else {"level"}
