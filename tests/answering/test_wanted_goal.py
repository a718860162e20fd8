"""A goal asked by what is wanted ("想在…挤进前几强", question_cues.tsv `target`) is the plan's rank,
not last year's result; "我想问一下" wants nothing of the report. Hand-made report: no model, no index."""
from __future__ import annotations

import pytest
from handmade import Passages

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TARGET

DONGTAI = {"doc_id": "dt", "place": "东台经济开发区", "date": "2019-02-20", "title": "东台经济开发区2019年工作会议"}
DONGTAI_TEXT = ("过去的一年,园区综合实力上升到全省省级开发区第11位。"
                "2019年,推动园区高质量发展,确保综合实力跻身全省省级开发区前10强。")


def test_a_rank_wanted_is_the_plan_s_not_last_year_s():
    got = Answerer(Passages([DONGTAI], {"dt": DONGTAI_TEXT}), AnswerSettings(default_place="东台经济开发区")).ask(
        "东台开发区想在全省省级开发区挤进前几强")
    assert not got.abstained and "前10强" in got.answer and "第11位" not in got.answer


@pytest.mark.parametrize("text,kind", [("东台开发区想在全省省级开发区挤进前几强", TARGET),
                                       ("我想问一下2018年GDP多少", RESULT)])
def test_wanting_asks_a_goal_only_with_what_is_wanted(text, kind):
    assert parse(text, 2019, ("东台经济开发区",)).kind == kind
