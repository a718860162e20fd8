"""A count of what was done over the years up to a report ("这几年新上了几个工业项目") is their total, which a
review of those years states ("四年来,全县累计新上…项目95个,建成投产59个"), not the last year's; and a round
amount naming a category ("千万元以上的工业项目", read as 1000万元) is matched as reports write it, in words too."""
from __future__ import annotations

import pytest

from bot.answering.reading.question import parse
from conftest import answerer_over

COUNTY = """---
title: 2012年石门县政府工作报告
date: 2012-02-28
place: 石门县
source: 合成
---

本届政府工作回顾

2011年,全县实现地区生产总值218亿元。

四年来,全县累计新上投资千万元以上的工业项目95个,建成投产59个。
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory, model_cache, embedder):
    return answerer_over(tmp_path_factory.mktemp("over-years"), {"2012-石门县": COUNTY}, model_cache, embedder)


@pytest.mark.parametrize("question, figure, not_said", [
    ("石门这几年新上了几个千万元以上的工业项目", "95个", "59个"),
    ("石门这几年建成投产了多少个项目", "59个", "95个"),
])
def test_a_count_over_these_years_is_their_total(bot, question, figure, not_said):
    a = bot.ask(question)
    assert not a.abstained and figure in a.answer and not_said not in a.answer, a.answer
    assert "2008—2011年" in a.answer  # told as the four years', not 2011's


def test_a_round_amount_of_a_category_is_matched_in_words_too():
    amount, = [t for t in parse("这几年新上了几个千万元以上的工业项目", 2012).terms if "以上" in t.text]
    assert "千万元以上" in amount.forms and "1000万元以上" in amount.forms
    assert "超百亿" in [t for t in parse("百亿以上企业有几家", 2012).terms if "以上" in t.text][0].forms
