"""Rules the held-out12 paraphrases needed, on hand-made reports (no index, no model): a year in brackets after
a relative year ("今年(2019)") says which year that is; two words a space alone sets apart in a mention question
("有棚改 棚户区改造的内容") are offered either way, as with 或者."""
from __future__ import annotations

import pytest
from handmade import Passages, sentence_reports

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TimeLabel

XIAPU = {"doc_id": "xp", "title": "2020年霞浦县政府工作报告", "date": "2020-01-10", "place": "霞浦县", "source": "合成"}
YEAR = ("一、2019年工作回顾\n过去一年，预计全年地区生产总值增长8.3%，公共财政总收入12.77亿元，下降2.4%，"
        "城镇居民人均可支配收入35504元、增长8.7%。\n二、2020年工作安排\n今年主要预期目标是：地区生产总值增长7%左右。")


def ask(question: str):
    return Answerer(Passages([XIAPU], {"xp": YEAR}), AnswerSettings(default_place="霞浦县")).ask(question)


@pytest.mark.parametrize("question, year", [("霞浦今年(2019)GDP多少", 2019), ("霞浦今年（19年）GDP增长多少", 2019),
                                            ("霞浦去年 (2018) GDP多少", 2018)])
def test_a_year_in_brackets_says_which_year_a_relative_year_is(question, year):
    assert parse(question, 2020, ("霞浦县",)).years == (year,)


def test_a_year_in_brackets_after_this_year_asks_that_year_s_overview():
    got = ask("霞浦今年(2019)经济情况怎么样")
    assert not got.abstained and all(f in got.answer for f in ("8.3%", "12.77亿元", "35504元", "2019"))
    assert "7%" not in got.answer.replace("8.7%", "")


SHELTERS = [{"doc_id": "js", "place": "江苏省", "date": "2026-02-03", "title": "2026年江苏省政府工作报告"},
            {"doc_id": "hb", "place": "河北省", "date": "2026-01-20", "title": "2026年河北省政府工作报告"},
            {"doc_id": "zj", "place": "浙江省", "date": "2026-01-14", "title": "2026年浙江省政府工作报告"}]
SHELTER_TEXTS = {"js": "完成棚户区改造3万套。", "hb": "棚改安置房开工2万套。", "zj": "数字经济增长8%。"}


@pytest.mark.parametrize("question", ["哪几个地方报告里有棚改 棚户区改造的内容", "哪些地方提到了棚改 棚户区改造"])
def test_two_words_a_space_sets_apart_are_asked_either_way(question):
    answerer = Answerer(sentence_reports(SHELTERS, SHELTER_TEXTS, TimeLabel(2025, RESULT)),
                        AnswerSettings(default_place="江苏省"))
    got = answerer.ask(question)
    assert not got.abstained and "江苏" in got.answer and "河北" in got.answer and "浙江" not in got.answer


def test_pieces_the_scaffolding_parts_are_still_one_topic():
    assert parse("首店经济 有哪几个省在搞", 2026, ("江苏省",)).mentioned == "首店经济"


OWN = [{"doc_id": "hb", "title": "2025年汉滨区政府工作报告", "date": "2025-01-10", "place": "汉滨区", "source": "合成"},
       {"doc_id": "zn", "title": "2026年中宁县政府工作报告", "date": "2026-01-10", "place": "中宁县", "source": "合成"}]
OWN_TEXTS = {"hb": "一、2024年工作回顾\n过去一年，实现地区生产总值440.5亿元、增长5.4%。\n二、2025年工作安排\n地区生产总值增长6%左右。",
             "zn": "一、2025年工作回顾\n过去一年，全年完成地区生产总值181.8亿元，同比增长7%。\n二、2026年工作安排\n地区生产总值增长6%。"}


def ask_own(question: str):
    return Answerer(Passages(OWN, OWN_TEXTS), AnswerSettings(default_place="汉滨区")).ask(question)


def test_each_place_named_with_its_own_year_is_asked_that_year_alone():
    got = ask_own("汉滨24年和中宁25年的GDP分别是多少")
    assert not got.abstained and "440.5亿元" in got.answer and "181.8亿元" in got.answer
    assert "资料中没有" not in got.answer and got.answer.count("\n") == 1


def test_two_places_compared_each_in_its_own_year_say_the_years():
    got = ask_own("汉滨24年和中宁25年GDP哪个高")
    first = got.answer.split("\n")[0]
    assert "不能直接比较" not in first and first.startswith("汉滨") and "2024年440.5亿元" in first and "2025年" in first
