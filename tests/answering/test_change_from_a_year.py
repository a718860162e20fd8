"""A change from one named year to another ("从2005年的28.02亿元增加到2011年的95.2亿元"): the figure it
starts from is the first year's level, asked for by that year; the figure it reaches, the last's. A change
asked against a year ("比2012年涨了多少") is the one a later figure states against that year."""
from __future__ import annotations

import pytest
from answering.test_who_and_counts import ask

DIQING = {"doc_id": "dq", "place": "迪庆藏族自治州", "date": "2012-01-11", "title": "州十二届人民代表大会第一次会议开幕式侧记"}
SIX_YEARS = ("地区生产总值从2005年的28.02亿元增加到2011年的95.2亿元,增长3.4倍,"
             "人均生产总值从7738元增加到24715元,增长3.2倍。")


def test_the_figure_a_change_starts_from_is_the_level_of_the_year_it_names():
    got = ask("迪庆2005年地区生产总值是多少", [DIQING], {"dq": SIX_YEARS}, "迪庆藏族自治州")
    assert not got.abstained and "28.02亿元" in got.answer and "2005" in got.answer


def test_the_figure_a_change_reaches_is_the_last_year_s():
    got = ask("迪庆2011年地区生产总值是多少", [DIQING], {"dq": SIX_YEARS}, "迪庆藏族自治州")
    assert not got.abstained and "95.2亿元" in got.answer


def test_a_start_whose_year_is_not_named_answers_no_year():
    got = ask("迪庆2005年人均生产总值是多少", [DIQING], {"dq": SIX_YEARS}, "迪庆藏族自治州")
    assert got.abstained or "7738元" not in got.answer


def test_with_no_year_asked_the_start_is_not_the_answer():
    got = ask("迪庆地区生产总值是多少", [DIQING], {"dq": SIX_YEARS}, "迪庆藏族自治州")
    assert "2005年实际" not in got.answer and (got.abstained or "95.2亿元" in got.answer)


LIAOCHENG = {"doc_id": "lc", "place": "聊城经济技术开发区", "date": "2015-10-08", "title": "开发区建区20周年总结表彰大会"}
TWENTY_YEARS = ("凭借20年的不懈努力,由初期财政收入275万元全市倒数第一,攀升至2014年的12.86亿元,增长了400多倍,"
                "列全市第四位。")


def test_a_start_named_by_a_word_answers_the_question_saying_that_word():
    got = ask("聊城开发区建区初期财政收入多少", [LIAOCHENG], {"lc": TWENTY_YEARS}, "聊城经济技术开发区")
    assert "275万元" in got.answer and "12.86亿元" not in got.answer


def test_the_level_a_change_across_a_comma_reached_is_the_year_s():
    got = ask("聊城开发区2014年财政收入多少", [LIAOCHENG], {"lc": TWENTY_YEARS}, "聊城经济技术开发区")
    assert "12.86亿元" in got.answer and "275万元" not in got.answer


GUIYANG = {"doc_id": "gy", "place": "桂阳县", "date": "2016-11-25", "title": "2016年桂阳县人民政府工作报告"}
FOUR_YEARS = ("(一)县域经济较快发展。2016年,预计(下同)全县生产总值340亿元,比2012年(下同)增长47.7%;"
              "固定资产投资353.7亿元,增长125.1%;一般公共预算收入26.06亿元,增长39.8%。\n"
              "(二)产业转型步伐加快。三次产业比由2012年的14.6:53.1:32.3调整为2016年的13.3:47.6:39.1。")


def test_a_change_asked_against_a_year_is_the_one_stated_against_it_for_all_after():
    got = ask("桂阳县固定资产投资比2012年涨了多少", [GUIYANG], {"gy": FOUR_YEARS}, "桂阳县")
    assert not got.abstained and "125.1%" in got.answer and "47.7%" not in got.answer


@pytest.mark.parametrize("text", ["2016年,全县固定资产投资353.7亿元,比上年增长12.5%。",
                                  "2016年,全县生产总值340亿元,比2012年增长47.7%;固定资产投资353.7亿元,增长12.5%。"])
def test_a_change_not_stated_against_the_year_asked_answers_no_change_against_it(text):
    got = ask("桂阳县固定资产投资比2012年涨了多少", [GUIYANG], {"gy": text}, "桂阳县")
    assert got.abstained or "12.5%" not in got.answer


@pytest.mark.parametrize("question,own,other", [("桂阳16年三次产业比是多少", "13.3:47.6:39.1", "14.6:53.1:32.3"),
                                                ("桂阳2012年的三次产业结构咋样", "14.6:53.1:32.3", "13.3:47.6:39.1")])
def test_a_ratio_is_one_figure_of_the_year_its_change_names(question, own, other):
    got = ask(question, [GUIYANG], {"gy": FOUR_YEARS}, "桂阳县")
    assert not got.abstained and own in got.answer and other not in got.answer


HUZHU = {"doc_id": "hz", "place": "互助土族自治县", "date": "2024-08-15", "title": "互助县成立70周年发展成就新闻发布会"}
SEVENTY_YEARS = ("县长通报互助县70年来的发展变化。\n"
                 "70年来,互助县地区生产总值从改革开放之初的7991.5万元提高到133.64亿元,增长169倍。")


def test_a_change_over_a_period_counted_back_is_no_year_s_growth():
    got = ask("互助县23年gdp增长多少", [HUZHU], {"hz": SEVENTY_YEARS}, "互助土族自治县")
    assert got.abstained and "169倍" not in got.answer and got.value != "7991.5万元"


def test_a_place_before_a_from_to_change_does_not_name_its_start():
    got = ask("互助县23年地区生产总值是多少", [HUZHU], {"hz": SEVENTY_YEARS}, "互助土族自治县")
    assert "7991.5万元" not in (got.value or "")
