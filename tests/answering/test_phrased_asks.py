"""Questions however citizens phrase them (issue #23): one metric asked at two years with a word of the change
between them is one trend from the one to the other, in one clause or two ("07年多少 到11年涨到多少了"), or the two
joined as a stretch ("从07年到11年涨了多少"); a
report's guiding idea asked (总体思路, 指导思想) is the sentence stating it, its words asked by their count
("就那四个词") no topic; a covered place's short name typed with a slip at a question's start ("美蓝16年GDP")
is offered that place, never answered for the default place. Hand-made reports, no index, no model."""
from __future__ import annotations

import pytest

from answering.test_place_slips import FIGURES
from answering.test_place_slips import ask as ask_zones
from answering.test_spoken_yes_no import ZONE, report
from answering.test_who_and_counts import ask
from bot.answering.reading.question import Shape, parse

COUNTY = "山东省日照市五莲县"
GROWTH = [report("wl", COUNTY, "2012-02-20")]
GROWTH_TEXT = {"wl": "一、过去五年工作回顾\n过去五年,全县生产总值由2007年的90.3亿元跃升到145.1亿元,年均增长13.3%。"
                     "地方财政收入由2.1亿元增加到8.6亿元。"}


@pytest.mark.parametrize("text", ["五莲县生产总值07年多少 到11年涨到多少了", "五莲县生产总值07年多少，11年变成多少",
                                  "五莲县生产总值07年到11年变了多少", "五莲县生产总值从07年到11年涨了多少",
                                  "五莲县生产总值2007到2011变化咋样"])
def test_a_change_between_two_years_asked_is_answered_from_the_one_to_the_other(text):
    got = ask(text, GROWTH, GROWTH_TEXT, COUNTY).answer
    assert "90.3亿元" in got and "145.1亿元" in got and "资料中没有" not in got


def test_a_change_from_year_to_year_is_quoted_with_the_rate_said_right_after_it():
    got = ask("五莲县生产总值从07年到11年年均涨多少", GROWTH, GROWTH_TEXT, COUNTY).answer
    assert "由2007年的90.3亿元跃升到145.1亿元，年均增长13.3%" in got


@pytest.mark.parametrize("text", ["五莲县生产总值07年多少 11年多少", "五莲县生产总值11年比07年多了多少",
                                  "五莲县生产总值07年到11年累计多少"])
def test_two_years_asked_without_a_change_between_them_are_not_one_trend(text):
    assert parse(text, 2012, (COUNTY,)).shape != Shape.TREND


IDEA = [report("qh", ZONE, "2023-02-15")]
IDEA_TEXT = {"qh": "一、2022年工作回顾\n2022年,我们坚持稳中求进工作总基调,按照“稳盘、挖潜、谋增、提效”总体思路,全力优产业、"
                   "强基础、稳经济、惠民生,经济社会保持平稳健康发展。全年地区生产总值完成201.31亿元。"}


@pytest.mark.parametrize("text", ["青禾去年按啥总体思路干的 就那四个词", "青禾去年的总体思路是哪几句话"])
def test_a_guiding_idea_asked_is_the_sentence_stating_it(text):
    got = ask(text, IDEA, IDEA_TEXT, ZONE).answer
    assert all(w in got for w in ("稳盘", "挖潜", "谋增", "提效")) and "201.31亿元" not in got


@pytest.mark.parametrize("text", ["今年的指导思想是什么", "去年按啥工作思路干的", "今年的总体要求"])
def test_a_guiding_idea_is_asked_as_a_statement_not_a_figure(text):
    assert parse(text, 2023, (ZONE,)).shape == Shape.LIST


@pytest.mark.parametrize("question, typed", [("美蓝16年GDP", "美蓝"), ("美蓝去年GDP多少", "美蓝")])
def test_a_slip_of_a_covered_place_s_short_name_opening_a_question_is_offered_that_place(question, typed):
    a = ask_zones(question)
    assert a.abstained and a.answer == f"没有找到“{typed}”，您是不是想问：美兰区？"
    assert not any(f in a.answer for f in FIGURES)


@pytest.mark.parametrize("question, figure", [
    ("全市18年GDP多少", "3641.5亿元"),  # a word (全市), no slip: the report saying it
    ("美兰16年GDP", "307.2亿元"),  # the short name itself
    ("美元18年GDP多少", "762亿元"),  # a word one off 美兰 is that word: the default place
])
def test_two_characters_that_are_a_word_or_the_name_itself_are_no_slip(question, figure):
    a = ask_zones(question)
    assert not a.abstained and figure in a.answer and "没有找到" not in a.answer
