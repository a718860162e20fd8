"""Rules the held-out11 questions needed, on hand-made reports (no index, no model): a target a review says was met
in words ("提前两年实现翻番目标", "提前两年完成“十一五”目标") answers whether it was, a period's target asked of the
last year reviewed within it and the period no year of the figures; the state of the economy asked as
"经济发展情况" is an overview; a multiple asked against a period's end ("跟十一五末比翻了几倍") asks no year."""
from __future__ import annotations

import pytest
from handmade import Passages

from bot.answering.answerer import Answerer
from bot.answering.reading.question import Shape, parse
from bot.answering.settings import AnswerSettings

COUNTY = {"doc_id": "yf", "title": "2009年县政府工作报告", "date": "2009-02-20", "place": "宜丰县", "source": "合成"}
REVIEW = ("过去的一年,全县实现生产总值36.8亿元,同比增长15.9%;财政总收入3.12 亿元,增长37%,提前两年实现翻番目标,"
          "其中地方收入1.73亿元,增长31.8%;农民人均纯收入4878元,净增582元,提前两年完成“十一五”目标;"
          "全社会固定资产投资15.24亿元,增长40%。")
CITY = {"doc_id": "tc", "title": "天长市2016年政府工作报告", "date": "2016-01-20", "place": "天长市", "source": "合成"}
PERIOD = ("五年来,综合实力显著增强。全市地区生产总值年均增长13.1%;人均生产总值达到46271元,是“十一五”末的2倍,"
          "年均增长13.2%;工业总产值接近1300亿元,是“十一五”末的3.2倍。")
YANGXIN = {"doc_id": "yx", "title": "2020年阳新县人民政府工作报告", "date": "2020-01-10", "place": "阳新县", "source": "合成"}
YEAR = ("笃定实干，经济发展稳中有进。全年实现地区生产总值290.4亿元,同比增长7.4%;财政总收入27.7亿元,增长13.6%;"
        "地方公共财政预算收入18.16亿元,增长9.4%。")


def ask(question: str, doc: dict, text: str, titles: tuple[str, ...] = ()):
    return Answerer(Passages([doc], {doc["doc_id"]: text}, titles),
                    AnswerSettings(default_place=doc["place"])).ask(question)


@pytest.mark.parametrize("question", ["宜丰财政收入翻番的目标完成没", "宜丰财政总收入翻番目标实现了吗"])
def test_a_target_met_ahead_of_its_time_is_met(question):
    got = ask(question, COUNTY, REVIEW)
    assert not got.abstained and got.answer.startswith("完成了") and "3.12" in got.answer and "提前两年" in got.answer
    assert "2008" in got.answer


@pytest.mark.parametrize("question", ["宜丰农民收入十一五目标达到了吗", "宜丰农民人均纯收入十一五目标完成没"])
def test_a_period_s_target_met_is_told_by_the_year_that_met_it(question):
    got = ask(question, COUNTY, REVIEW)
    assert not got.abstained and got.answer.startswith("完成了") and "4878元" in got.answer and "提前两年" in got.answer
    assert "2008" in got.answer and "2010" not in got.answer


def test_a_figure_that_met_a_period_s_target_is_its_year_s():
    got = ask("宜丰2008年农民人均纯收入多少", COUNTY, REVIEW)
    assert not got.abstained and "4878元" in got.answer and "2008" in got.answer


@pytest.mark.parametrize("question", ["阳新县2019年经济发展情况怎么样", "阳新去年经济发展咋样"])
def test_the_economy_s_development_asked_is_an_overview_of_figures(question):
    assert parse(question, 2020, ("阳新县",)).shape == Shape.OVERVIEW
    got = ask(question, YANGXIN, YEAR)
    assert not got.abstained and all(f in got.answer for f in ("290.4亿元", "7.4%", "2019"))


@pytest.mark.parametrize("question, multiple", [("天长人均GDP跟十一五末比翻了几倍", "2倍"),
                                                 ("天长工业总产值和“十一五”末相比增长了几倍", "3.2倍")])
def test_a_multiple_asked_against_a_period_s_end_asks_no_year(question, multiple):
    assert parse(question, 2016, ("天长市",)).years == ()
    got = ask(question, CITY, PERIOD, ("一、“十二五”发展回顾",))
    assert not got.abstained and f"是“十一五”末的{multiple}" in got.answer


@pytest.mark.parametrize("question, unit", [("天长工业总产值增长了几倍", "multiple"), ("天长GDP增长了几个点", "percent"),
                                            ("天长GDP增长了多少", "percent")])
def test_a_unit_said_after_a_rate_s_words_asks_that_unit(question, unit):
    assert parse(question, 2016, ("天长市",)).unit == unit  # 几个点 says a rate past the 几个 it holds
