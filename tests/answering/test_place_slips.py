"""A place named with a slip of a covered place's name (美蓝区 for the reports' 美兰区) is offered
that place, and a place no report covers is refused by its name: never answered for the default
place, in a question of one clause or of several (issue #23). Hand-made reports, no model."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.reading.typos import near_place
from bot.answering.settings import AnswerSettings
from index.text.vocabulary import load_vocab

from answering.test_phone_phrasings import Fixture, doc

REPORTS = [
    (doc("ks", "昆山高新区", "2019-02-10"),
     ["2018年,全年完成地区生产总值762亿元,增长7.1%;固定资产投资250亿元,增长5.5%。"]),
    (doc("ml", "海南省海口市美兰区", "2017-02-10"),
     ["2016年,实现地区生产总值307.2亿元,增长8.2%。", "2016年,完成固定资产投资336.6亿元,增长23.6%。"]),
    (doc("wh", "山东省威海市", "2019-02-10"), ["2018年,全市实现地区生产总值3641.5亿元,增长7.4%。"]),
]
FIGURES = ("762亿元", "250亿元", "307.2亿元", "336.6亿元", "3641.5亿元")


def ask(text: str):
    return Answerer(Fixture(REPORTS), AnswerSettings(default_place="昆山高新区")).ask(text)


@pytest.mark.parametrize("question, typed, meant", [
    ("美来区16年GDP多少", "美来区", "美兰区"),
    ("海口美来区16年GDP多少", "海口美来区", "海口美兰区"),  # its city's name before it
    ("美来区16年GDP和固投分别多少 各长了多少", "美来区", "美兰区"),  # several clauses
    ("威侮市18年GDP多少", "威侮市", "威海市"),
])
def test_a_slip_of_a_covered_place_s_name_is_offered_that_place_not_answered(question, typed, meant):
    a = ask(question)
    assert a.abstained and a.answer == f"没有找到“{typed}”，您是不是想问：{meant}？"
    assert not any(f in a.answer for f in FIGURES)


@pytest.mark.parametrize("question, figures", [
    ("美蓝区16年GDP多少", ("307.2亿元",)),  # 蓝 reads lán as 兰 does: typed by sound
    ("海口美蓝区16年GDP多少", ("307.2亿元",)),
    ("美蓝区16年GDP和固投分别多少 各长了多少", ("307.2亿元", "336.6亿元")),
])
def test_a_place_s_name_typed_by_sound_is_answered_for_that_place_saying_so(question, figures):
    a = ask(question)
    assert not a.abstained and a.answer.startswith("按“美兰区”回答。\n")
    assert all(f in a.answer for f in figures) and "762亿元" not in a.answer


@pytest.mark.parametrize("question, name", [
    ("美蓝县16年GDP多少", "美蓝县"),  # another ending: another level, no slip
    ("兴陇台区18年GDP多少", "兴陇台区"),
    ("西湖新区18年GDP多少", "西湖新区"),
    ("西湖新区18年GDP和固投分别多少 各长了多少", "西湖新区"),
])
def test_a_place_no_report_covers_is_refused_by_its_name(question, name):
    a = ask(question)
    assert a.abstained and a.answer.startswith(f"资料中没有关于{name}的数据")
    assert not any(f in a.answer for f in FIGURES)


def test_several_clauses_about_a_covered_place_are_answered_for_it():
    a = ask("美兰区16年GDP和固投分别多少 各长了多少")
    assert not a.abstained and "307.2亿元" in a.answer and "336.6亿元" in a.answer
    assert "762亿元" not in a.answer and "没有认出" not in a.answer


MEILAN = (("海南省海口市美兰区", ("美兰区", "美兰")), ("昆山高新区", ("高新区",)))


@pytest.mark.parametrize("typed, meant", [
    ("美蓝区", ("美兰区",)), ("海口美蓝区", ("海口美兰区",)), ("海南美蓝区", ("海南美兰区",)),
    ("美兰县", ()),  # the ending changed: another level
    ("东美蓝区", ()),  # a word before it that is no part of the place's name
    ("美蓝新区", ()), ("蓝区", ()),  # another length
])
def test_a_slip_is_one_character_of_a_covered_name_before_its_ending(typed, meant):
    assert near_place(typed, MEILAN, load_vocab()) == meant


@pytest.mark.parametrize("question", ["我想问下威海跟美兰16年GDP各多少", "我想知道威海跟美兰16年GDP各多少"])
def test_the_words_a_question_opens_with_ask_nothing(question):
    a = ask(question)  # "我想" is no figure asked of each place beside GDP
    assert "307.2亿元" in a.answer and "我想" not in a.answer
