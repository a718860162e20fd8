"""A metric typed with a slip is refused by saying so, with the nearest known names — never with
the words around the slip ("资料中没有2018年一般公共预的完成情况")."""
from __future__ import annotations

import pytest

from bot.answering import wording
from bot.answering.reading.question import parse
from bot.answering.reading.names import places_table
from bot.answering.reading.typos import heard_as, near_metric
from index.text.tokens import default_tokenizer
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



PLACES = ("海南省海口市美兰区", "山东省威海市", "昆山高新区", "广东省广州市")


@pytest.mark.parametrize("question, heard, names", [
    ("威海跟美兰2016年城镇居民人均可之配收入各多少", "威海跟美兰2016年城镇居民人均可支配收入各多少",
     ("城镇居民人均可支配收入",)),  # 之 reads zhī as 支 does
    ("美蓝区16年GDP多少", "美兰区16年GDP多少", ("美兰区",)),
    ("去年地区生产总直多少", "去年地区生产总值多少", ("地区生产总值",)),
    ("美蓝区16年固定资产头资多少", "美兰区16年固定资产投资多少", ("美兰区", "固定资产投资")),
])
def test_a_name_typed_by_sound_is_read_as_the_one_name_it_sounds_like(question, heard, names):
    assert heard_as(question, places_table(PLACES, load_vocab()), load_vocab(), word) == (heard, names)


@pytest.mark.parametrize("question", [
    "高新区去年一般公共预箅收入多少",  # 箅 (bì) does not read as 算 (suàn): offered, not read
    "美兰去年GDP多少",  # a last character that begins a word is no slip: 美兰 before 去年, not 美兰区
    "工业增加至多少",  # … 至多
    "美兰区去年GDP多少", "威海市去年城镇居民人均可支配收入多少",  # names as written
    "美蓝16年GDP多少",  # two characters: too short to be read as a name by its sound
    "横州市去年GDP多少",  # 横 reads heng: its rare reading guang makes it no 广州市
])
def test_a_run_that_does_not_read_exactly_like_one_name_is_left_as_typed(question):
    assert heard_as(question, places_table(PLACES, load_vocab()), load_vocab(), word) == (question, ())


def word(text: str) -> bool:
    return default_tokenizer().jieba.FREQ.get(text, 0) > 0
