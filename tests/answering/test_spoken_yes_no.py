"""Yes/no and part-year questions read from their meaning, however spoken (#23): an amount said
"10个亿", "两个亿", "个把亿" or "百亿" is the figure compared with, a date is none; whether a target
was set at a level is answered by the level set; a pace asked one way ("提速没") gets its verdict;
part of a year asked is its results so far, quoted with the part of the figure the next sentence
gives. Hand-made reports, no index, no model."""
from __future__ import annotations

import pytest

from answering.test_who_and_counts import ask
from bot.answering.reading.question import Shape, parse
from bot.answering.reading.typed import to_arabic
from index.text.timelabel import RESULT

ZONE = "青禾高新技术产业园区"


def report(doc_id: str, place: str, date: str, title: str = "") -> dict:
    return {"doc_id": doc_id, "place": place, "date": date, "title": title or f"{date[:4]}年{place}政府工作报告"}


# -- an amount as spoken is the figure compared with --------------------------------------------------

@pytest.mark.parametrize("text,threshold", [
    ("青禾20年一般公共预算收入过10个亿没", "10亿"),
    ("青禾去年税收能不能破两个亿", "2亿"),
    ("青禾20年税收有没有过个把亿", "1亿"),
    ("青禾1到9月社零破百亿了吗", "100亿"),  # 1到9月 is the months, not a figure reached
    ("青禾今年到6月工业产值过一千亿没", "1000亿"),
])
def test_a_spoken_amount_is_the_threshold_a_yes_no_question_compares_with(text, threshold):
    q = parse(text, 2024, (ZONE,))
    assert q.shape == Shape.YES_NO and q.threshold == threshold


def test_a_count_of_things_sized_in_another_unit_keeps_its_measure_word():
    assert to_arabic("高新区有3个万亩园区吗") == "高新区有3个万亩园区吗"  # three parks, not 30,000 mu


REVENUE = [report("qh", ZONE, "2021-01-20")]
REVENUE_TEXT = {"qh": "一、2020年工作回顾\n全区一般公共预算收入总量12.24亿元，同比增长18.06%。"}


@pytest.mark.parametrize("text", ["青禾20年一般公共预算收入过10个亿没", "青禾20年一般公共预算收入有没有上十个亿",
                                  "青禾20年一般公共预算收入破个把亿了吗"])
def test_an_amount_above_the_spoken_one_is_yes_first(text):
    got = ask(text, REVENUE, REVENUE_TEXT, ZONE).answer
    assert got.startswith("是的") and "12.24亿元" in got and "2020年" in got


@pytest.mark.parametrize("text", ["青禾20年一般公共预算收入破百亿了吗", "青禾20年一般公共预算收入过20个亿没"])
def test_an_amount_below_the_spoken_one_is_no_first(text):
    got = ask(text, REVENUE, REVENUE_TEXT, ZONE).answer
    assert got.startswith("没有") and "12.24亿元" in got


# -- whether a target was set at a level --------------------------------------------------------------

PLAN = [report("qp", ZONE, "2016-02-10")]
PLAN_TEXT = {"qp": "二、2016年工作安排\n力争全年实现地区生产总值200亿元，增长8%左右；固定资产投资增长15%左右。"}


@pytest.mark.parametrize("text", ["青禾16年是不是定了GDP 200亿的目标", "青禾2016年GDP目标是否200亿",
                                  "青禾16年有没有定GDP200亿元的目标"])
def test_a_target_asked_at_its_own_level_is_yes(text):
    q = parse(text, 2016, (ZONE,))
    assert q.shape == Shape.YES_NO
    got = ask(text, PLAN, PLAN_TEXT, ZONE).answer
    assert got.startswith("是的") and "200亿元" in got and "2016年目标" in got


@pytest.mark.parametrize("text", ["青禾16年固投目标是不是增20%", "青禾16年固定资产投资目标是否增长20%"])
def test_a_target_asked_at_another_level_is_no_with_the_level_set(text):
    got = ask(text, PLAN, PLAN_TEXT, ZONE).answer
    assert got.startswith("不是") and "15%左右" in got


def test_reaching_a_target_is_still_asked_as_before():
    assert parse("青禾16年GDP增长达到8%的目标了吗", 2017, (ZONE,)).shape == Shape.ATTAINED


# -- a pace asked one way -----------------------------------------------------------------------------

HEBEI = [report("hb25", "河北省", "2025-01-20"), report("hb26", "河北省", "2026-01-20")]
HEBEI_TEXTS = {"hb25": "一、2024年工作回顾\n全省生产总值增长5.4%。", "hb26": "一、2025年工作回顾\n全省生产总值增长5.6%。"}


@pytest.mark.parametrize("text,lead", [
    ("河北经济增速24年到25年咋变的 提速没", "是的，提速了。\n"),
    ("河北GDP增速24年到25年是不是加快了", "是的，提速了。\n"),
    ("河北24到25年经济增长放缓了吗", "没有，提速了。\n"),
])
def test_a_pace_asked_one_way_is_told_by_both_years_with_yes_or_no_first(text, lead):
    got = ask(text, HEBEI, HEBEI_TEXTS, "河北省").answer
    assert got.startswith(lead) and got.index("5.4%") < got.index("5.6%") and "2025年" in got


# -- part of a year ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["龙港镇11年前三季度经济情况整体咋样", "龙港镇今年1到9月干得怎么样",
                                  "龙港镇上半年经济数据"])
def test_an_overview_of_part_of_a_year_asks_its_results_so_far(text):
    q = parse(text, 2011, ("龙港镇",))
    assert q.shape == Shape.OVERVIEW and q.kind == RESULT


def test_part_of_a_year_asked_of_its_target_is_still_a_target():
    assert parse("龙港镇今年上半年的目标是什么", 2011, ("龙港镇",)).kind != RESULT


def test_a_part_year_overview_quotes_the_figure_a_part_of_it_follows():
    docs = [report("lg", "龙港镇", "2011-10-19", "龙港镇前三季度经济总体运行情况良好")]
    texts = {"lg": "今年1-9月份，全镇实现工业总产值210亿元，同比增长16%。其中规上企业产值99.6亿元；"
                   "财政总收入9.8亿元，同比增长20.4%。"}
    got = ask("龙港镇11年前三季度经济情况整体咋样", docs, texts, "龙港镇").answer
    assert "210亿元" in got and "9.8亿元" in got and "2011年" in got


@pytest.mark.parametrize("spoken,said", [("甘肃那俩国家级先进制造业集群叫啥", "甘肃那两个国家级先进制造业集群叫啥"),
                                         ("青禾仨园区产值各多少", "青禾三个园区产值各多少")])
def test_a_spoken_count_is_read_as_its_number_not_a_topic_word(spoken, said):
    q, plain = parse(spoken, 2026, (ZONE,)), parse(said, 2026, (ZONE,))
    assert [t.text for t in q.terms] == [t.text for t in plain.terms] and "俩" not in q.normalised


# -- the things asked counted, of a level said with 级 -------------------------------------------------

CLUSTERS = [report("gs", "甘肃省", "2026-01-20")]
CLUSTERS_TEXT = {"gs": "一、过去五年工作回顾\n创建金白兰武有色金属、宝汉天工业母机2个国家先进制造业集群。\n"
                       "二、2026年重点工作\n（二）加快建设现代化产业体系\n"
                       "开展先进制造业集群培育提升行动，壮大金白兰武有色金属等国家级产业集群。"}


@pytest.mark.parametrize("text", ["甘肃那俩国家级先进制造业集群叫啥", "甘肃两个国家级先进制造业集群都叫什么",
                                  "甘肃的2个国家先进制造业集群叫啥名"])
def test_the_things_asked_counted_are_named_by_the_sentence_counting_them(text):
    got = ask(text, CLUSTERS, CLUSTERS_TEXT, "甘肃省").answer
    assert "宝汉天工业母机" in got and "金白兰武有色金属" in got


@pytest.mark.parametrize("text", ["凤县去年农村居民收入增速比城镇快吗", "河北GDP增速是不是比全国快", "河北GDP增速对比河南放缓了吗"])
def test_a_pace_word_comparing_with_something_named_asks_no_trend(text):
    assert parse(text, 2025, ("宝鸡市凤县", "河北省", "河南省")).shape != Shape.TREND
