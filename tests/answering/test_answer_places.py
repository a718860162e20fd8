"""A second report about another place, using the same metric names with other figures:
answers about the zone must not change, and the new place is answered from its own report."""
from __future__ import annotations

import re

import pytest

from bot.evaluation.gold import load_gold

from conftest import GOLD, answerer_over

SEED_DOC = "2019-kunshan-hitech-zone-work-conference"
OTHER_DOC = "2019-liyang-hitech-zone-work-conference"
OTHER_PLACE = "溧阳高新区"
# Invented figures, all absent from the seed report, for the seed report's own metric names.
OTHER_REPORT = """---
title: 奋力争先 溧阳高新区全面起跑（2019年溧阳高新区工作会议）
date: 2019-02
place: 溧阳高新区
source: 测试用报告（虚构数据）
---

溧阳高新区工作会议

2018年,溧阳高新区全年完成地区生产总值315亿元,增长8.3%;一般公共预算收入41亿元,增长9.6%;工业总产值880亿元,增长5.2%;进出口总额21.4亿美元,增长3.9%;服务业增加值118亿元,增长9.1%。处于有效期内的高新技术企业总数突破150家。新增国家级人才3名。万人发明专利拥有量38件。新增永久绿地8.2万平方米。空气质量优良天数比例72.4%。

2019年,溧阳高新区目标任务:完成地区生产总值340亿元,一般公共预算收入突破45亿元,工业总产值突破930亿元,分别增长8%、9%、5.5%。新增高新技术企业40家,万人发明专利拥有量42件,引育国家级人才2名。
"""
ANSWERABLE = [g for g in load_gold(GOLD) if g.answerable]


def has_figure(text: str, figure: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(figure)}", text) is not None


@pytest.fixture(scope="module")
def two(tmp_path_factory, model_cache, embedder):
    """An answerer over a fresh index of the seed report plus the other place's report."""
    answerer = answerer_over(tmp_path_factory.mktemp("two-places"), {OTHER_DOC: OTHER_REPORT}, model_cache,
                             embedder)
    assert len(answerer.documents()) == 2
    return answerer


def test_the_new_report_and_its_place_are_known(two):
    places = {d["doc_id"]: d["place"] for d in two.documents()}
    assert places == {SEED_DOC: "昆山高新区", OTHER_DOC: OTHER_PLACE}


@pytest.mark.parametrize("item", ANSWERABLE, ids=[g.id for g in ANSWERABLE])
def test_answers_about_the_zone_do_not_change(answerer, two, item):
    before, after = answerer.ask(item.question), two.ask(item.question)
    assert after.answer == before.answer
    assert (after.value, after.year, after.kind) == (before.value, before.year, before.kind)
    assert after.sources[0].doc_id == SEED_DOC and "昆山高新区" in after.sources[0].title


@pytest.mark.parametrize("question,value,year,kind,not_zone", [
    ("溧阳高新区去年GDP多少", "315亿元", 2018, "result", "762"),
    ("溧阳高新区今年GDP目标多少", "340亿元", 2019, "target", "810"),
    ("溧阳高新区去年财政收入多少", "41亿元", 2018, "result", "90亿元"),
    ("溧阳高新区去年万人发明专利拥有量多少", "38件", 2018, "result", "62件"),
    ("溧阳高新区高企总数有多少家", "150家", 2018, "result", "300家"),
])
def test_the_other_place_is_answered_from_its_own_report(two, question, value, year, kind, not_zone):
    a = two.ask(question)
    assert not a.abstained
    assert (a.value, a.year, a.kind) == (value, year, kind)
    assert OTHER_PLACE in a.answer and "昆山" not in a.answer
    assert not has_figure(a.answer, not_zone)
    assert a.sources[0].doc_id == OTHER_DOC and OTHER_PLACE in a.sources[0].title


def test_comparison_for_the_other_place(two):
    a = two.ask("溧阳高新区今年GDP目标比去年多多少")
    assert not a.abstained and a.value == "25亿元" and "340−315=25" in a.answer
    assert OTHER_PLACE in a.answer
    assert {s.doc_id for s in a.sources[:2]} == {OTHER_DOC}


def test_follow_up_stays_with_the_other_place(two):
    first = two.ask("溧阳高新区去年GDP多少")
    a = two.ask("那今年呢？", previous=first)
    assert (a.value, a.year, a.kind) == ("340亿元", 2019, "target")
    assert OTHER_PLACE in a.answer and a.sources[0].doc_id == OTHER_DOC


@pytest.mark.parametrize("question", ["去年GDP多少", "去年高新区GDP多少", "昆山高新区去年GDP多少"])
def test_unnamed_or_zone_questions_stay_with_the_zone(two, question):
    a = two.ask(question)
    assert a.value == "762亿元" and "昆山高新区" in a.answer and a.sources[0].doc_id == SEED_DOC


def test_a_place_without_a_report_lists_both_covered_places(two):
    a = two.ask("苏州工业园区去年GDP多少")
    assert a.abstained and "苏州工业园区" in a.answer
    assert "昆山高新区" in a.answer and OTHER_PLACE in a.answer


def test_the_other_places_missing_year_is_refused_citing_its_own_nearest_figure(two):
    a = two.ask("溧阳高新区2020年GDP是多少")
    assert a.abstained and "只有2019年目标的数字" in a.answer and not has_figure(a.answer, "810")
    assert "340亿元" in a.sources[0].text and "810" not in a.sources[0].text


def test_a_short_name_the_gazetteer_gives_to_another_place_means_that_place(two):
    a = two.ask("溧阳去年GDP多少")  # 溧阳 is 溧阳市 (places.tsv), not the zone 溧阳高新区
    assert a.abstained and "资料中没有关于溧阳市的数据" in a.answer
    assert not has_figure(a.answer, "762") and not has_figure(a.answer, "315")
