"""A rank asked by its kind (issue #23, development failures of zones-heldout12 and paraphrases-heldout12): the
rank of a rate ("增速居全省第5位") answers "增速排第几", the rank of a level ("总量居全省第6位") "总量排第几",
never the other; a rank said in words after 排名 ("全市排名第一") is a rank. Hand-made reports (no index, no model)."""
from __future__ import annotations

from answering.test_phone_phrasings import ask, doc

from bot.answering.reading.word_numbers import ordinals
from bot.answering.sentences.kind_asked import rank_kinds

LUZHOU = doc("lz", "四川省泸州市", "2021-02-23")
BOTH = [(LUZHOU, ["2020年,全市实现地区生产总值2157.2亿元、总量居全省第6位,增长4.2%、增速居全省第5位。"])]
LEVEL_ONLY = [(LUZHOU, ["2020年,地方一般公共预算收入170.1亿元,同口径增长12.9%,总量居全省第3位。"])]


def test_a_rate_s_rank_answers_a_question_asking_the_rate_s():
    got = ask(BOTH, "泸州2020年GDP增速在四川排第几名", "四川省泸州市")
    assert not got.abstained and "第5位" in got.answer


def test_a_level_s_rank_answers_a_question_asking_the_level_s():
    got = ask(BOTH, "泸州2020年GDP总量在四川排第几", "四川省泸州市")
    assert not got.abstained and "第6位" in got.answer and "第5位" not in got.answer


def test_where_only_the_other_kind_is_ranked_it_is_offered_not_answered():
    got = ask(LEVEL_ONLY, "泸州2020年一般公共预算收入增速在四川排第几", "四川省泸州市")
    assert got.abstained and got.answer.startswith("资料中没有") and "第3位" in got.answer


def test_a_rank_question_naming_no_kind_takes_either():
    got = ask(LEVEL_ONLY, "泸州2020年一般公共预算收入在四川排第几", "四川省泸州市")
    assert not got.abstained and "第3位" in got.answer


def test_a_longer_name_holding_a_kind_word_names_no_kind():
    assert rank_kinds("规模以上工业增加值增速居全省") == {"rate"}
    assert rank_kinds("进出口规模稳居全国") == {"level"}
    assert rank_kinds("居全省") == set()


def test_a_rank_in_words_after_paiming_is_a_rank():
    assert ordinals("上半年规上工业产值增速全市排名第一") == "上半年规上工业产值增速全市排名第1"
    zone = [(doc("nn", "南宁高新区", "2020-10-15"),
             ["今年以来,上半年规上工业产值增速全市排名第一,规上工业增加值增速全市排名第二。"])]
    got = ask(zone, "南宁高新区上半年规上工业产值增速在全市排第几", "南宁高新区")
    assert not got.abstained and "排名第一" in got.answer and "第二" not in got.answer
