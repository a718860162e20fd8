"""A count of the kind asked, not of several kinds listed together ("签约了几个项目": "签约项目11个", not "签约、协议、
意向项目累计23个"); and an amount compared where one place's report gives only its rate: no comparison, a refusal
naming what each gives. Hand-made reports, no index, no model."""
from __future__ import annotations

import pytest
from handmade import Passages

from bot.answering.answerer import Answerer
from bot.answering.settings import AnswerSettings

ZONE = {"doc_id": "bc", "title": "白城经开区招商引资", "date": "2015-05-06", "place": "白城经济开发区", "source": "合成"}
SIGNED = ("截止到4月末,经开区签约、协议、意向项目累计23个,协议资金额285.75亿元。其中,签约项目11个,引资额32.24亿元;"
          "协议项目2个,引资额0.6亿元;意向项目10个,引资额251.9亿元。")


def ask_zone(question: str):
    return Answerer(Passages([ZONE], {"bc": SIGNED}), AnswerSettings(default_place="白城经济开发区")).ask(question)


@pytest.mark.parametrize("question,count,sum_", [("截至4月底白城经开区签约了几个项目", "11个", "23个"),
                                                 ("截至4月底白城经开区意向项目有几个", "10个", "23个")])
def test_a_count_of_one_kind_is_not_the_sum_of_the_kinds_listed_with_it(question, count, sum_):
    got = ask_zone(question)
    assert not got.abstained and count in got.answer and sum_ not in got.answer


def test_the_kinds_listed_asked_together_get_their_sum():
    got = ask_zone("截至4月底白城经开区签约、协议、意向项目一共多少个")
    assert not got.abstained and "23个" in got.answer


TWO = [{"doc_id": "zl", "title": "2019年正蓝旗政府工作报告", "date": "2019-01-10", "place": "正蓝旗", "source": "合成"},
       {"doc_id": "dp", "title": "2020年大埔县政府工作报告", "date": "2020-01-10", "place": "大埔县", "source": "合成"}]
TEXTS = {"zl": "一、2018年工作回顾\n2018年，全旗地区生产总值增长5.1%，城乡居民收入稳步提高。",
         "dp": "一、2019年工作回顾\n2019年，全县生产总值92.51亿元，比增5.1%。"}


def ask_two(question: str):
    return Answerer(Passages(TWO, TEXTS), AnswerSettings(default_place="大埔县")).ask(question)


def test_an_amount_compared_where_one_place_gives_its_rate_alone_is_refused_naming_both():
    got = ask_two("正蓝旗和大埔的地区生产总值哪个大")
    assert got.abstained and "不能直接比较" not in got.answer
    assert "正蓝旗" in got.answer and "没有给出总量" in got.answer and "5.1%" in got.answer and "92.51亿元" in got.answer


def test_rates_compared_are_still_compared():
    got = ask_two("正蓝旗和大埔的GDP增速哪个快")
    assert not got.abstained and "5.1%" in got.answer
