"""Places asked by the names people use, and "now" read per place.

The seed report (昆山高新区, 2019) sits beside small reports of five other places dated years
apart (2021–2024). A question names 河南, 广西, 新疆, 内蒙古 or 恩施 and gets that place's figure;
its 去年/今年 are that place's, so the 2024 report of 广西 never turns "去年高新区GDP" into 2023.
A place without a report is refused by name; a question naming no place, when the default place
has no report, is answered only when one place can be meant.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.answering.reading import names
from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.evaluation.gold import load_gold

from conftest import GOLD, answerer_over

SEED_DOC = "2019-kunshan-hitech-zone-work-conference"


def report(title: str, date: str, place: str, body: str) -> str:
    header = f"---\ntitle: {title}\ndate: {date}\nplace: {place}\nsource: 测试用报告（虚构数据）\n---\n"
    return f"{header}\n{title}\n\n{body}\n"


# Invented figures, each found in one report only and in none of the seed's.
REPORTS = {
    "2023-henan": report("2023年河南省政府工作报告", "2023-01-15", "河南省",
                         "2022年,河南省全年完成地区生产总值61111亿元,增长3.3%;一般公共预算收入4277亿元,增长4.4%。\n\n"
                         "2023年,河南省目标任务:完成地区生产总值64222亿元,增长6%左右。"),
    "2024-guangxi": report("2024年广西壮族自治区政府工作报告", "2024-01-20", "广西壮族自治区",
                           "2023年,广西全年完成地区生产总值27333亿元,增长4.1%;西部陆海新通道海铁联运班列运送货物944万吨。\n\n"
                           "2023年,北部湾新区地区生产总值2888亿元,增长6.1%。\n\n"
                           "2024年,广西目标任务:完成地区生产总值28555亿元,增长5%左右。"),
    "2021-xinjiang": report("2021年新疆维吾尔自治区政府工作报告", "2021-01-25", "新疆维吾尔自治区",
                            "2020年,新疆全年完成地区生产总值13666亿元,增长3.4%。\n\n"
                            "2021年,新疆目标任务:完成地区生产总值14777亿元,增长6.5%左右。"),
    "2022-neimenggu": report("2022年内蒙古自治区政府工作报告", "2022-01-18", "内蒙古自治区",
                             "2021年,内蒙古全年完成地区生产总值20888亿元,增长6.2%。\n\n"
                             "2022年,内蒙古目标任务:完成地区生产总值21999亿元,增长6%左右。"),
    "2023-enshi": report("2023年恩施土家族苗族自治州政府工作报告", "2023-02-10", "恩施土家族苗族自治州",
                         "2022年,恩施州全年完成地区生产总值1466亿元,增长4.6%。\n\n"
                         "2023年,恩施州目标任务:完成地区生产总值1577亿元,增长7%左右。"),
}
SEED_RESULT_2018 = "762亿元"
ANSWERABLE = [g for g in load_gold(GOLD) if g.answerable]


def has_figure(text: str, figure: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(figure)}", text) is not None


@pytest.fixture(scope="module")
def many(tmp_path_factory, model_cache, embedder):
    """An answerer over the seed report and the five invented reports."""
    answerer = answerer_over(tmp_path_factory.mktemp("many-places"), REPORTS, model_cache, embedder)
    assert len(answerer.documents()) == 6
    return answerer


def answerer_with(base: Answerer, **settings) -> Answerer:
    return Answerer(base.searcher, replace(base.settings, **settings))


# -- places by the names people use -----------------------------------------------------------

@pytest.mark.parametrize("question_text,value,year,kind,doc,place", [
    ("河南去年GDP多少", "61111亿元", 2022, "result", "2023-henan", "河南省"),
    ("广西去年GDP是多少", "27333亿元", 2023, "result", "2024-guangxi", "广西壮族自治区"),
    ("新疆去年GDP多少", "13666亿元", 2020, "result", "2021-xinjiang", "新疆维吾尔自治区"),
    ("内蒙古今年GDP目标多少", "21999亿元", 2022, "target", "2022-neimenggu", "内蒙古自治区"),
    ("恩施去年GDP多少", "1466亿元", 2022, "result", "2023-enshi", "恩施土家族苗族自治州"),
    ("广西壮族自治区今年GDP目标是多少", "28555亿元", 2024, "target", "2024-guangxi", "广西壮族自治区"),
])
def test_a_place_asked_by_its_short_name_is_answered_from_its_own_report(
        many, question_text, value, year, kind, doc, place):
    a = many.ask(question_text)
    assert not a.abstained, a.answer
    assert (a.value, a.year, a.kind) == (value, year, kind)
    assert a.answer.startswith(place) and a.sources[0].doc_id == doc
    assert not has_figure(a.answer, SEED_RESULT_2018)


@pytest.mark.parametrize("name,place", [
    ("河南", "河南省"), ("广西", "广西壮族自治区"), ("新疆", "新疆维吾尔自治区"),
    ("内蒙古", "内蒙古自治区"), ("恩施", "恩施土家族苗族自治州"), ("溧阳", "溧阳高新区"),
])
def test_the_short_name_comes_from_the_rule_not_from_a_list(monkeypatch, name, place):
    monkeypatch.setattr(names, "gazetteer", lambda: {})  # no places.tsv at all
    q = parse(f"{name}去年GDP多少", 2024, ("昆山高新区", place))
    assert q.places == (place,)


def test_two_reports_places_with_one_short_name_give_it_to_neither():
    q = parse("恩施去年GDP多少", 2019, ("恩施高新区", "恩施开发区"))
    assert not set(q.places) & {"恩施高新区", "恩施开发区"}
    assert parse("恩施高新区去年GDP多少", 2019, ("恩施高新区", "恩施开发区")).places == ("恩施高新区",)


# -- places without a report ------------------------------------------------------------------

@pytest.mark.parametrize("question_text,place", [
    ("福建去年GDP增长多少", "福建省"),
    ("安徽今年GDP目标是多少", "安徽省"),
    ("宁夏去年财政收入多少", "宁夏回族自治区"),
])
def test_a_province_without_a_report_is_refused_by_name(many, answerer, question_text, place):
    for bot in (many, answerer, answerer_with(many, default_place="苏州工业园区")):
        a = bot.ask(question_text)
        assert a.abstained and a.answer.startswith(f"资料中没有关于{place}的数据"), a.answer
        assert a.value is None and not re.search(r"\d+亿元", a.answer)


def test_no_place_named_and_the_default_place_without_a_report_asks_which_place(many):
    a = answerer_with(many, default_place="苏州工业园区").ask("去年GDP多少")
    assert a.abstained and "哪个地方" in a.answer
    assert all(p in a.answer for p in ("昆山高新区", "河南省", "广西壮族自治区", "恩施土家族苗族自治州"))
    assert a.value is None and not re.search(r"\d+亿元", a.answer)


def test_no_place_named_but_only_one_places_reports_hold_the_words(many):
    a = answerer_with(many, default_place="苏州工业园区").ask("西部陆海新通道去年运送货物多少吨")
    assert not a.abstained and a.value == "944万吨" and a.year == 2023
    assert a.sources[0].doc_id == "2024-guangxi"


@pytest.mark.parametrize("default", ["昆山高新区", "苏州工业园区"])
def test_a_place_only_one_report_names_is_answered_from_that_report_never_the_default(many, default):
    """北部湾新区 is no report's place, but 广西's report gives its figure: the answer is that figure,
    not the default place's GDP."""
    a = answerer_with(many, default_place=default).ask("北部湾新区去年GDP多少")
    assert not a.abstained and a.value == "2888亿元" and a.year == 2023, a.answer
    assert a.sources[0].doc_id == "2024-guangxi"
    assert not has_figure(a.answer, SEED_RESULT_2018)


def test_a_place_no_report_names_is_refused_by_name_beside_reports_of_several_places(many):
    a = many.ask("白沙洲开发区去年GDP多少")
    assert a.abstained and "白沙洲开发区" in a.answer and not re.search(r"\d+亿元", a.answer), a.answer


def test_no_place_named_and_one_place_covered_answers_from_it(answerer):
    a = answerer_with(answerer, default_place="溧阳高新区").ask("去年GDP多少")
    assert (a.value, a.year, a.kind) == (SEED_RESULT_2018, 2018, "result")
    assert a.sources[0].doc_id == SEED_DOC


# -- "now" belongs to the place ---------------------------------------------------------------

@pytest.mark.parametrize("question_text", ["去年高新区GDP多少", "去年GDP多少", "昆山高新区去年地区生产总值是多少"])
def test_the_zones_last_year_stays_2018_beside_a_2024_report(many, question_text):
    a = many.ask(question_text)
    assert (a.value, a.year, a.kind) == (SEED_RESULT_2018, 2018, "result")
    assert "2018年" in a.answer and a.sources[0].doc_id == SEED_DOC


@pytest.mark.parametrize("item", ANSWERABLE, ids=[g.id for g in ANSWERABLE])
def test_reports_of_other_places_years_later_change_no_answer_about_the_zone(answerer, many, item):
    before, after = answerer.ask(item.question), many.ask(item.question)
    assert (after.answer, after.value, after.year, after.kind) == \
        (before.answer, before.value, before.year, before.kind)


def test_each_places_this_year_is_its_own_latest_report(many):
    zone, guangxi = many.ask("今年高新区GDP目标多少"), many.ask("广西今年GDP目标多少")
    assert (zone.year, guangxi.year) == (2019, 2024)
    assert (zone.value, guangxi.value) == ("810亿元", "28555亿元")


def test_a_comparison_reads_its_years_against_the_places_own_report(many):
    a = many.ask("河南今年GDP目标比去年多多少")
    assert not a.abstained and "64222" in a.answer and "61111" in a.answer
    assert a.value == "3111亿元"


def test_the_reporting_year_setting_pins_now_for_every_place(many):
    pinned = answerer_with(many, reporting_year=2023)
    henan, zone = pinned.ask("河南去年GDP多少"), pinned.ask("去年高新区GDP多少")
    assert (henan.value, henan.year) == ("61111亿元", 2022)
    assert zone.abstained and zone.answer.startswith("资料中没有2022年") and zone.value is None
