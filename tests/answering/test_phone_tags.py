"""Phone phrasings of paraphrases-dev7 new to the rules: a yes/no question ended by a tag asking to
confirm ("了吧", "对吧"), a figure asked with 是 or a verb of setting and a hedge ("目标是控制在2%左右吗"),
a year typed after the ending ("过7%没 21年"), and the words of a list asked by their count ("哪四个",
"就那四个词"). Hand-made reports, no index, no model."""
from __future__ import annotations

import pytest

from answering.test_spoken_yes_no import PLAN, PLAN_TEXT, REVENUE, REVENUE_TEXT, ZONE
from answering.test_who_and_counts import ask
from bot.answering.reading.question import Shape, parse


@pytest.mark.parametrize("text", ["青禾20年一般公共预算收入过10个亿了吧", "青禾20年一般公共预算收入超过10亿对吧",
                                  "青禾一般公共预算收入过10个亿没 20年"])
def test_a_tag_or_a_year_after_the_ending_still_asks_yes_or_no(text):
    got = ask(text, REVENUE, REVENUE_TEXT, ZONE).answer
    assert got.startswith("是的") and "12.24亿元" in got and "2020年" in got


def test_a_year_typed_after_the_ending_keeps_a_no():
    got = ask("青禾一般公共预算收入过20个亿没 20年", REVENUE, REVENUE_TEXT, ZONE).answer
    assert got.startswith("没有") and "12.24亿元" in got and "2020年" in got


@pytest.mark.parametrize("text", ["青禾16年固投目标定的15%对吧", "青禾16年固投目标是控制在15%左右吗",
                                  "青禾16年固投目标是15%吗"])
def test_a_target_confirmed_at_its_own_level_is_yes(text):
    got = ask(text, PLAN, PLAN_TEXT, ZONE).answer
    assert got.startswith("是的") and "15%左右" in got and "2016年目标" in got


@pytest.mark.parametrize("text", ["青禾16年固投目标定的20%对吧", "青禾16年固投目标是20%吗"])
def test_a_target_confirmed_at_another_level_is_no_with_the_level_set(text):
    got = ask(text, PLAN, PLAN_TEXT, ZONE).answer
    assert got.startswith("不是") and "15%左右" in got


@pytest.mark.parametrize("text", ["青禾说的四个高新是哪四个", "青禾按啥总体思路干的 就那四个词"])
def test_the_words_of_a_list_asked_by_their_count_are_a_list(text):
    assert parse(text, 2024, (ZONE,)).shape == Shape.LIST
