"""A metric typed with a slip is refused by saying so, with the nearest known names — never with
the words around the slip ("资料中没有2018年一般公共预的完成情况")."""
from __future__ import annotations

import pytest

from bot.answering import wording
from bot.answering.reading.question import parse
from bot.answering.reading.typos import near_metric
from index.text.vocabulary import load_vocab


@pytest.mark.parametrize("question, typed, meant", [
    ("高新区去年一般公共预箅收入多少", "一般公共预箅收入", "一般公共预算收入"),
    ("去年地区生产总直多少", "地区生产总直", "地区生产总值"),
    ("高新区去年固定资产头资多少", "固定资产头资", "固定资产投资"),
    ("社会消费品灵售总额多少", "社会消费品灵售总额", "社会消费品零售总额"),
])
def test_a_slip_in_a_metric_name_is_refused_as_not_recognised_with_the_nearest_name(question, typed, meant):
    q = parse(question, 2019)
    assert not q.metrics
    said = wording.refusal(q)
    assert said == f"没有认出“{typed}”这项指标，您是不是想问：{meant}？"
    assert said.count("“") == 1 and typed in said  # what was asked, in full


@pytest.mark.parametrize("question", ["高新区有几家上市公司", "去年建了几所学校", "去年GDP多少", "今年新增就业多少",
                                      "地区生产总值各长了多少",  # a name as written, not one slip from 人均地区生产总值
                                      "美兰区地区生产总值各长了多少"])
def test_words_a_slip_away_from_no_name_or_a_name_as_written_are_no_slip(question):
    assert near_metric(parse(question, 2019).normalised, load_vocab()) is None

