"""Counts however asked (#23): a count asked within a count the question states is the report's
other figure, not the question's own; a plan's count that answers is not passed over for a year's
results that do not; a list's count told apart by the words after it; a count said in words answers
only beside a topic word; "这几年" is the years of a trend, not a count. Questions read by the parser,
answers composed from hand-made evidence and reports."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from handmade import Passages, hit

from bot.answering.answerer import Answerer
from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.asks import count_in_words
from bot.answering.reading.question import Shape, parse
from bot.answering.settings import AnswerSettings
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


# -- a count said in words, and the years a trend is asked over ------------------------------

CITY = {"doc_id": "c", "place": "韶关市", "date": "2024-01-20", "title": "2024年韶关市政府工作报告"}


def ask(question: str, text: str):
    return Answerer(Passages([CITY], {"c": text}), AnswerSettings(default_place=CITY["place"])).ask(question)


def test_a_count_in_words_alone_covers_no_question():
    # "一年" says the count asked (几年), but nothing of 常住人口: no answer
    assert ask("常住人口几年增长", "过去一年，全市全力以赴稳增长。").abstained


def test_a_count_in_words_beside_the_topic_answers():
    got = ask("外贸连续几年保持增长", "外贸进出口总额增长14.3%,连续七年保持增长。")
    assert not got.abstained and "七年" in got.answer


@pytest.mark.parametrize("text", ["长春新区人口这几年咋变的", "人口近几年怎么变"])
def test_the_years_of_a_trend_are_no_count(text):
    assert count_in_words(parse(text, 2024)) is None


@pytest.mark.parametrize("text", ["江苏GDP咋变的", "GDP这几年怎么变的", "规上工业增加值怎么变"])
def test_how_it_changed_asks_a_trend(text):
    assert parse(text, 2024, ("江苏省",)).shape == Shape.TREND



def test_what_was_arranged_is_no_plan_by_that_word_alone():
    # reviews say it too ("安排首批重大项目1678个"): a year gone by is asked for its results
    assert parse("2010年安排了多少重大项目", 2011).kind == RESULT


POOR = "五年来，116个贫困村全部出列，累计减贫2.1万人。"


@pytest.mark.parametrize("text,value", [
    ("临夏县一共减贫多少人", "2.1万人"),           # the count of people, not the first count of villages
    ("临夏县一共有几个贫困村出列", "116个"),
])
def test_a_count_asked_in_people_is_answered_in_people(text, value):
    assert answer(text, (POOR, 2024, RESULT)).value == value


def test_a_count_asked_in_people_is_refused_rather_than_answered_by_a_count_of_villages():
    assert answer("一共脱贫多少人", ("脱贫攻坚取得全面胜利，116个贫困村全部出列。", 2024, RESULT)).abstained
