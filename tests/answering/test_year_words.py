"""Words with 年 in them that name no year (#23): a year's length ("一年人均能支配多少钱") and 上年
inside a verb of reaching ("够上年初定的目标"); the years they would have named still read."""
from __future__ import annotations

import pytest

from bot.answering.reading.question import parse

URBAN_INCOME = "城镇居民人均可支配收入"


@pytest.mark.parametrize("text", ["霞浦城里人一年人均能支配多少钱", "城镇居民每年人均可支配收入多少",
                                  "城里人一年到头人均可支配收入有多少"])
def test_a_years_length_is_no_year_and_keeps_the_metric_whole(text):
    q = parse(text, 2025)
    assert q.years == ()
    assert q.metrics == (URBAN_INCOME,)  # 城镇居民 not split from 人均可支配收入 by 一年


@pytest.mark.parametrize("text, years", [("2021年城镇居民人均可支配收入多少", (2021,)),
                                         ("上年GDP多少", (2024,)),
                                         ("赶上去年的水平了吗", (2024,)),
                                         ("广东25年经济增速有没有够上年初定的目标", (2025,)),
                                         ("够上年初定的目标了吗", ())])
def test_years_named_are_read_and_none_inside_a_verb(text, years):
    assert parse(text, 2025).years == years


def test_a_year_gone_by_is_not_a_years_length():
    # "过去一年" names the year under review: its words stay for the search, unlike 每年's
    assert "过去" in parse("过去一年GDP多少", 2025).topic()
    assert "每年" not in parse("GDP每年多少", 2025).topic()


@pytest.mark.parametrize("text", ["崇信上半年地区生产总值完成年计划的百分之多少", "GDP上半年完成全年目标的多少"])
def test_a_share_of_the_years_plan_asks_a_result(text):
    # the plan is what the share is of: the figure asked is the progress made, not the target
    assert parse(text, 2017).kind != "target"


def test_a_plan_asked_is_still_a_target():
    assert parse("今年GDP计划增长多少", 2025).kind == "target"
