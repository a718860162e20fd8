"""The year a thing was done or is to be (set up, approved, completed), asked with a when word: the part of a
sentence that ties one year to the thing asked, never a year the sentence gives another thing."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.reading.question import ENTITY, parse
from bot.answering.settings import AnswerSettings
from handmade import Passages

WEINAN = {"doc_id": "wn", "place": "渭南高新技术产业开发区", "date": "2010-11-01", "title": "渭南高新区晋升国家级"}
TWO = "1988年省政府批准设立渭南经济开发区,1992年又批准设立渭南高新技术产业开发试验区。渭南高新区是对外开放的窗口。"


def ask(question: str, text: str):
    return Answerer(Passages([WEINAN], {"wn": text}), AnswerSettings(default_place="渭南高新技术产业开发区")).ask(question)


@pytest.mark.parametrize("question,year,other", [
    ("渭南经济开发区是哪年批准设立的", "1988年", "1992年"),
    ("渭南高新技术产业开发试验区啥时候设的", "1992年", "1988年"),
])
def test_a_sentence_naming_two_things_and_two_years_answers_each_with_its_own(question, year, other):
    got = ask(question, TWO)
    assert not got.abstained and year in got.answer and other not in got.answer


def test_a_year_asked_of_a_metric_s_name_asks_no_figure():
    """高新技术产业 is a metric's name; "啥时候设的" asks the year it was set up, not its figure."""
    assert parse("渭南高新技术产业开发试验区啥时候设的", 2010, ()).intent == ENTITY


def test_years_the_text_ties_to_no_one_thing_are_refused():
    """Both clauses name the same things: no one year is the one asked."""
    text = "1988年批准设立渭南经济开发区,1992年又批准设立渭南经济开发区。"
    assert ask("渭南经济开发区是哪年批准设立的", text).abstained


def test_a_sentence_stating_no_year_does_not_answer_when():
    assert ask("渭南经济开发区是哪年批准设立的", "省政府批准设立渭南经济开发区。").abstained
