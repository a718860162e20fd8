"""A figure asked of two years named ("08年和10年工业增加值"): each year's, oldest first, each of the kind its
year takes (the year 今年 means is a target); a year the reports say nothing of says so on its line."""
from __future__ import annotations

from answering.test_who_and_counts import ask

ZONE = {"doc_id": "hz", "place": "和兴高新区", "date": "2010-03-05", "title": "和兴高新区部署今年工作"}
NEWS = ("今年和兴高新区力争年内实现营业总收入560亿元,完成固定资产投资80亿元。"
        "2008年,和兴高新区实现营业总收入310亿元,增长21%。")


def test_each_year_named_is_answered_with_its_own_kind():
    got = ask("和兴高新区08年和10年营业总收入", [ZONE], {"hz": NEWS}, "和兴高新区")
    assert not got.abstained and "310亿元" in got.answer and "560亿元" in got.answer
    assert got.answer.index("310亿元") < got.answer.index("560亿元") and "目标" in got.answer


def test_a_year_without_its_figure_says_so_beside_the_other():
    got = ask("和兴高新区2008年和2009年营业总收入分别多少", [ZONE], {"hz": NEWS}, "和兴高新区")
    assert not got.abstained and "310亿元" in got.answer and "2009" in got.answer and "560亿元" not in got.answer
