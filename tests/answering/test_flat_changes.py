"""A change said with no figure ("…实现8.6亿元,与上年持平"): the level held is the figure's change, so a
question about growth is answered with it, not refused."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.facts import extract
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TimeLabel

HELD = "全镇社会消费品零售总额实现8.6亿元,与上年持平;一般公共预算收入完成3100万元,增长4.2%。"


def _ask(text: str, sentence: str = HELD, year: int = 2020):
    q = parse(text, year + 1)
    said = [Evidence(hit(sentence, 1), sentence, TimeLabel(year, RESULT), *coverage(q, sentence))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, said)


def test_a_level_held_is_the_change_of_the_figure_before_it():
    changes = {f.value: f.change for f in extract(HELD)}
    assert changes["8.6亿元"] == "与上年持平" and changes["3100万元"] == "增长4.2%"


def test_growth_asked_of_a_level_held_is_answered_with_it():
    got = _ask("社零总额增长了多少")
    assert not got.abstained and "与上年持平" in got.answer and "4.2%" not in got.answer
