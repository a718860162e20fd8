"""When a question's years are: a year named as its report's or meeting's with 去年/今年 counted from
it ("17年开人代会时说的去年"), the two years of a change asked between them (a refusal when the reports
give one of them only), and a from-to change asked by both its ends ("从第几升到第几"), quoted whole.
Hand-made reports, no index, no model."""
from __future__ import annotations

import pytest

from answering.test_who_and_counts import ask
from bot.answering.reading.cues import clauses
from bot.answering.reading.question import Shape, parse
from index.text.timelabel import RESULT, TARGET


def report(doc_id: str, place: str, date: str) -> dict:
    return {"doc_id": doc_id, "place": place, "date": date, "title": f"{date[:4]}年{place}政府工作报告"}


HENAN = [report("h24", "河南省", "2024-01-20"), report("h25", "河南省", "2025-01-20")]
HENAN_TEXTS = {"h24": "一、2023年工作回顾\n全年生产总值5.9万亿元、增长4.1%。\n"
                      "二、2024年工作安排\n主要预期目标是：经济增长5%左右。",
               "h25": "一、2024年工作回顾\n全年生产总值6.36万亿元、增长5.1%。\n"
                      "二、2025年工作安排\n主要预期目标是：经济增长5.5%左右。"}


# -- a year named as its report's -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["河南24年政府工作报告里说去年GDP增长多少", "河南24年开人代会时说的去年经济增长多少",
                                  "河南2024年的报告讲去年GDP增速是多少"])
def test_last_year_of_a_report_named_is_the_year_before_it(text):
    q = parse(text, 2025, ("河南省",))
    assert q.years == (2023,) and q.kind == RESULT  # not the report's own year, nor its plans
    assert not {"报告", "人代会", "开", "说"} & {t.text for t in q.terms}
    got = ask(text, HENAN, HENAN_TEXTS, "河南省")
    assert not got.abstained and "4.1%" in got.answer and "2023年" in got.answer and "5.1%" not in got.answer


def test_this_year_of_an_earlier_report_asks_its_plan():
    q = parse("河南24年的报告讲今年经济增长多少", 2026, ("河南省",))
    assert q.years == (2024,) and q.kind == TARGET  # 今年 of the 2024 report: its plan, though 2024 is past
    q = parse("河南去年的政府工作报告里说今年GDP增长多少", 2026, ("河南省",))
    assert q.years == (2025,) and q.kind == TARGET


@pytest.mark.parametrize("text,years", [("河南24年报告里说GDP比去年增长多少", (2024, 2025)),  # 去年 compared with
                                        ("河南2024年的报告是谁作的", (2024,)),  # no relative year: the report's
                                        ("河南去年GDP多少", (2025,))])
def test_a_year_is_a_report_s_only_before_a_relative_year_asked(text, years):
    assert parse(text, 2026, ("河南省",)).years == years


def test_a_later_clause_counts_its_year_from_the_report_the_first_names():
    _, later = clauses("河南24年政府工作报告里说去年GDP增长多少，固投增长多少", ("河南省",))
    assert parse(later, 2026, ("河南省",)).years == (2023,)  # the report's 去年, not the latest report's



def test_a_later_clause_takes_the_first_clause_s_two_digit_year():
    _, later = clauses("河南16年GDP多少，增长多少", ("河南省",))
    assert parse(later, 2026, ("河南省",)).years == (2016,)  # not the latest report's year

# -- a change between two years named ----------------------------------------------------------------

def test_a_pace_between_two_years_one_of_which_is_not_given_is_refused_naming_the_year_given():
    docs, texts = HENAN[1:], {"h25": HENAN_TEXTS["h25"]}  # reviews 2024 only
    got = ask("河南GDP增速23到24年是加快了还是放缓了", docs, texts, "河南省")
    assert got.abstained and "2023年" in got.answer and "只有2024年" in got.answer
    assert "5.1%" not in got.answer  # the year given is named, its figure is no answer to a change


def test_a_change_between_two_years_neither_given_names_both_missing():
    got = ask("河南GDP增速20到21年是加快了还是放缓了", HENAN, HENAN_TEXTS, "河南省")
    assert got.abstained and "2020年" in got.answer and "2021年" in got.answer
    assert "4.1%" not in got.answer and "5.1%" not in got.answer


def test_a_pace_between_two_years_both_given_is_told():
    got = ask("河南GDP增速23到24年是加快了还是放缓了", HENAN, HENAN_TEXTS, "河南省")
    assert not got.abstained and got.answer.startswith("提速了。") and "4.1%" in got.answer and "5.1%" in got.answer


# -- both ends of a from-to change --------------------------------------------------------------------

FENGXIAN = [{"doc_id": "fx", "place": "宝鸡市凤县", "date": "2024-11-10", "title": "前三季度凤县经济运行情况"}]
FENGXIAN_TEXTS = {"fx": "前三季度，三季度经济指标、项目拉练综合排名全市第四。在12个县区经济指标综合排名中，"
                        "我县由二季度的第9位上升到第3位，赶超势头强劲。"}


@pytest.mark.parametrize("text", ["凤县在12个县区综合排名里从第几升到第几了(2024年)", "凤县综合排名由第几升到了第几"])
def test_a_rank_asked_from_and_to_is_quoted_with_both_ends(text):
    got = ask(text, FENGXIAN, FENGXIAN_TEXTS, "宝鸡市凤县")
    assert not got.abstained and "第9位" in got.answer and "第3位" in got.answer
    assert "第4" not in got.answer and "第四" not in got.answer


def test_a_rank_asked_where_it_got_is_the_level_reached():
    got = ask("凤县在12个县区综合排名里升到第几了", FENGXIAN, FENGXIAN_TEXTS, "宝鸡市凤县")
    assert not got.abstained and "第3位" in got.answer and "第9位" not in got.answer
    assert parse("凤县综合排名从第几升到第几", 2024).shape == Shape.FIGURE
