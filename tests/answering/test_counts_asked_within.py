"""A count asked within a count the question states, and a plan's count with no year asked (#23):
the answer is the figure the report gives for what is asked, not the question's own figure, and a
plan that answers is not passed over for a year's results that do not. Questions read by the
parser, answers composed from hand-made evidence."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TARGET, TimeLabel

WITHIN = "11项主要经济指标中，有6项没有完成“双过半”目标任务。"
PLAN = "高新区将通过20项重点指标、7大重点任务、10个民生项目以及82个建设项目推动“幸福高新”建设大跨越。"
REVIEW = "全年新开工项目11个，民生支出占比达到80%。"


def answer(text: str, *sentences: tuple[str, int, str]):
    """The figure answering `text` from sentences (text, year, kind), read in a 2024 report."""
    q = parse(text, 2024)
    evidence = [Evidence(hit(s, rank), s, TimeLabel(year, kind), *coverage(q, s))
                for rank, (s, year, kind) in enumerate(sentences, 1)]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


def test_a_count_asked_within_the_questions_own_count_is_the_reports_other_one():
    got = answer("11项主要经济指标有几项没完成双过半", (WITHIN, 2024, RESULT))
    assert not got.abstained and got.value == "6项"


def test_a_count_said_as_the_question_says_it_still_answers():
    assert answer("主要经济指标有几项没完成双过半", (WITHIN, 2024, RESULT)).value == "6项"


def test_a_plans_count_answers_when_no_years_results_do():
    got = answer("幸福高新安排了几个民生项目", (REVIEW, 2023, RESULT), (PLAN, 2024, TARGET))
    assert not got.abstained and got.value == "10个" and got.year == 2024


def test_a_years_results_still_come_first_when_they_answer():
    got = answer("新开工项目有几个", (PLAN.replace("建设项目", "新开工项目"), 2024, TARGET), (REVIEW, 2023, RESULT))
    assert got.value == "11个" and got.year == 2023
