"""Comparisons on hand-made figures: which years, the difference, and the arithmetic shown."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering.comparison import Difference, difference, reply, sides, stating
from bot.answering.facts import extract
from bot.answering.wording import MAX_ANSWER
from index.text.timelabel import RESULT, TARGET

from handmade import question


def test_a_side_is_looked_for_in_the_report_that_states_it():
    dates = {"plan": "2025-01-14", "review": "2026-01-13", "older": "2024-01-20"}
    assert stating((2025, TARGET), dates) == {"plan"}  # a year's targets: set in that year's report
    assert stating((2025, RESULT), dates) == {"review"}  # its results: reviewed in the next year's
    assert stating((2020, RESULT), dates) == set(dates)  # no report of 2021: every report


def fact(sentence):
    return extract(sentence)[0]


@pytest.mark.parametrize("years,compared", [
    ((2019, 2018), [(2019, TARGET), (2018, RESULT)]),   # "2019年目标比2018年多多少"
    ((2018,), [(2019, TARGET), (2018, RESULT)]),        # "今年目标比去年…": the plan year against it
    ((), [(2019, TARGET), (2018, RESULT)]),             # "增速目标比…低多少": last year by default
    ((2019,), [(2019, TARGET), (2018, RESULT)]),        # the plan year named: against the year before
    ((2018, 2017), [(2018, RESULT), (2017, RESULT)]),
])
def test_sides(years, compared):
    q = replace(question("地区生产总值", year=None, kind=None), years=years)
    assert sides(q, 2019) == compared


def test_amounts_in_the_same_unit_are_subtracted():
    q = question("地区生产总值", year=None)
    diff = difference(q, fact("地区生产总值810亿元"), fact("地区生产总值762亿元"))
    assert (diff.value, diff.shown()) == (48, "48亿元")


def test_amounts_in_different_units_are_not_compared():
    q = question("地区生产总值", year=None)
    assert difference(q, fact("地区生产总值810亿元"), fact("地区生产总值7620万元")) is None


def test_growth_rates_are_compared_in_percentage_points():
    q = question("地区生产总值", year=None, unit="percent", asks_change=True)
    diff = difference(q, fact("地区生产总值810亿元,增长7%左右"), fact("地区生产总值762亿元,增长7.1%"))
    assert diff == Difference(7, 7.1, "个百分点") and diff.shown() == "0.1个百分点"


def test_a_growth_comparison_needs_a_rate_on_both_sides():
    q = question("地区生产总值", year=None, unit="percent", asks_change=True)
    assert difference(q, fact("地区生产总值810亿元"), fact("地区生产总值762亿元,增长7.1%")) is None


def test_the_reply_shows_both_figures_their_years_and_the_arithmetic():
    text = reply([(2019, TARGET), (2018, RESULT)], Difference(810, 762, "亿元"), "地区生产总值", "昆山高新区")
    assert text == "昆山高新区2019年目标地区生产总值810亿元，比2018年实际完成的762亿元多48亿元（810−762=48）。"


def test_a_lower_rate_is_worded_as_lower_with_a_real_minus_sign():
    text = reply([(2019, TARGET), (2018, RESULT)], Difference(7, 7.1, "个百分点"), "地区生产总值", "")
    assert text == "2019年目标地区生产总值增速7%，比2018年实际完成的7.1%低0.1个百分点（7−7.1=−0.1）。"


def test_a_long_reply_is_cut_to_the_answer_length():
    text = reply([(2019, TARGET), (2018, RESULT)], Difference(5, 6, "名"), "人" * 200, "")
    assert len(text) == MAX_ANSWER and text.endswith("…")


def test_two_rates_differ_by_percentage_points_though_no_change_is_asked():
    q = question("地区生产总值", year=None)  # "今年GDP目标比去年实际高多少"
    diff = difference(q, fact("地区生产总值增长16%"), fact("地区生产总值增长13%"))
    assert (diff.value, diff.shown()) == (3, "3个百分点")
