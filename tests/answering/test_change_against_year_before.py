"""A year's change said with no base ("2019年…同比增长6.4%") is stated against the year before: a question
asking the change against that year ("比18年涨了多少") is answered by it; one against an earlier year is not."""
from __future__ import annotations

from answering.test_who_and_counts import ask

PLACE = {"doc_id": "hx", "place": "和兴县", "date": "2020-02-18", "title": "政府工作报告"}
YEAR = "一、2019年工作回顾\n2019年,全县地区生产总值完成186.2亿元,同比增长6.4%;一般公共预算收入完成9.3亿元,增长3.1%。"


def test_a_change_against_the_year_before_answers_the_year_before_as_its_base():
    got = ask("和兴县GDP比18年涨了多少", [PLACE], {"hx": YEAR}, "和兴县")
    assert not got.abstained and "6.4%" in got.answer and "3.1%" not in got.answer
    got = ask("和兴县一般公共预算收入比2018年增长多少", [PLACE], {"hx": YEAR}, "和兴县")
    assert not got.abstained and "3.1%" in got.answer


def test_a_change_against_an_earlier_year_is_not_the_year_s_own():
    got = ask("和兴县GDP比16年涨了多少", [PLACE], {"hx": YEAR}, "和兴县")
    assert got.abstained
