"""Figures of towns and counties as their reports name them: a town's farms and factories counted together
(工农业生产总值) are neither its GDP nor its farms' output alone; and changes listed for several metrics against one
year ("A、B、C较2016年分别增长x、y、z") are each stated against that year, as a change of one metric is; and an income
per head said with 年 before 人均 ("居民年人均可支配收入") is the income asked."""
from __future__ import annotations

import pytest
from answering.test_who_and_counts import ask

CHUANLIAO = {"doc_id": "cl", "place": "青田县船寮镇", "date": "2014-02-25", "title": "船寮镇政府工作报告"}
OUTPUT = ("全年实现工农业生产总值14.12亿元,增长18.3%;农民人均纯收入达到9882元。"
          "农业经济实现扩量增效,完成农业总产值9100万元,同比增长6%。")


@pytest.mark.parametrize("question", ["船寮镇13年工农业总产值多少", "船寮工农业产值是多少"])
def test_farms_and_factories_together_are_asked_by_their_own_name(question):
    got = ask(question, [CHUANLIAO], {"cl": OUTPUT}, "青田县船寮镇")
    assert not got.abstained and "14.12亿元" in got.answer and "9100万元" not in got.answer


def test_farms_and_factories_together_are_no_gdp():
    got = ask("船寮镇gdp多少", [CHUANLIAO], {"cl": OUTPUT}, "青田县船寮镇")
    assert got.abstained or "14.12亿元" not in got.answer


TUNCHANG = {"doc_id": "tc", "place": "屯昌县", "date": "2022-01-11", "title": "屯昌县人民代表大会召开"}
LISTED = "据介绍,2021年屯昌县预计地区生产总值、地方一般公共预算收入、社会消费品零售总额较2016年分别增长30.7%、95.8%、36.1%。"


@pytest.mark.parametrize("question,own", [("屯昌gdp比2016年涨了多少", "30.7%"), ("屯昌社零较2016年增长多少", "36.1%")])
def test_each_change_of_a_list_is_stated_against_the_year_the_list_names(question, own):
    got = ask(question, [TUNCHANG], {"tc": LISTED}, "屯昌县")
    assert not got.abstained and own in got.answer and "95.8%" not in got.answer


AIMS = "2022年,屯昌将努力实现地区生产总值增长9.5%左右,城镇和农村常住居民年人均可支配收入分别增长9.5%左右、10.5%左右。"


@pytest.mark.parametrize("question,own", [("屯昌农村居民收入2022年要涨多少", "10.5%"),
                                          ("屯昌城镇居民人均可支配收入目标增长多少", "9.5%")])
def test_a_year_s_income_per_head_is_the_income_asked(question, own):
    """"居民年人均可支配收入": 年 before 人均, as some reports write it, names the same income."""
    got = ask(question, [TUNCHANG], {"tc": AIMS}, "屯昌县")
    assert not got.abstained and own in got.answer
