"""The year a thing was done or is to be (set up, approved, completed), asked with a when word: the part of a
sentence that ties one year to the thing asked, never a year the sentence gives another thing; and aims said in
words, asked as citizens say them."""
from __future__ import annotations

import pytest

from bot.answering.reading.question import ENTITY, parse
from handmade import ask_of

WEINAN = {"doc_id": "wn", "place": "渭南高新技术产业开发区", "date": "2010-11-01", "title": "渭南高新区晋升国家级"}
TWO = "1988年省政府批准设立渭南经济开发区,1992年又批准设立渭南高新技术产业开发试验区。渭南高新区是对外开放的窗口。"



def ask(question: str, text: str):
    return ask_of(WEINAN, question, text)


@pytest.mark.parametrize("question,year,other", [
    ("渭南经济开发区是哪年批准设立的", "1988年", "1992年"),
    ("渭南高新技术产业开发试验区啥时候设的", "1992年", "1988年"),
])
def test_a_sentence_naming_two_things_and_two_years_answers_each_with_its_own(question, year, other):
    got = ask(question, TWO)
    assert not got.abstained and year in got.answer and other not in got.answer


def test_the_year_a_place_was_made_one_is_the_clause_naming_it():
    """"哪年建县": of a chronology, the clause of the year the county was set up, not its other years'."""
    got = ask("渭南哪年建县", "王某介绍,渭南总面积3424平方千米。1930年渭南正式建县,1949年渭南解放,1954年成立自治县。")
    assert not got.abstained and "1930年" in got.answer and "1954年" not in got.answer


def test_a_year_asked_of_a_metric_s_name_asks_no_figure():
    """高新技术产业 is a metric's name; "啥时候设的" asks the year it was set up, not its figure."""
    assert parse("渭南高新技术产业开发试验区啥时候设的", 2010, ()).intent == ENTITY


def test_years_the_text_ties_to_no_one_thing_are_refused():
    """Both clauses name the same things: no one year is the one asked."""
    text = "1988年批准设立渭南经济开发区,1992年又批准设立渭南经济开发区。"
    assert ask("渭南经济开发区是哪年批准设立的", text).abstained


def test_a_sentence_stating_no_year_does_not_answer_when():
    assert ask("渭南经济开发区是哪年批准设立的", "省政府批准设立渭南经济开发区。").abstained


TIANYI = {"doc_id": "ty", "place": "湘潭天易经济技术开发区", "date": "2017-12-28", "title": "天易经开区召开2017年度总结大会"}
AIMS = "他强调,2018年经开区将抓住项目建设这一条主线,紧扣创建千亿园区和国家级经开区两个目标,深入实施三大工程。"


def test_an_aim_striven_for_is_found_as_the_report_says_it():
    """"要争创什么" is answered by the aims a report says it will 创建 (figure_words.tsv `also_said:争创`), as a target."""
    got = ask_of(TIANYI, "天易经开区2018年要争创什么", AIMS)
    assert not got.abstained and "千亿园区" in got.answer and "目标" in got.answer


GUANGAN = {"doc_id": "ga", "place": "广安经济技术开发区", "date": "2024-02-20", "title": "广安经开区“新春第一会”发力高质量发展"}
NAMED = "透过一份份亮眼的“成绩单”,广安经开区处处涌动着高质量发展的强劲脉搏,正向着“千亿产值百亿税收”宏伟目标阔步前行。"


def test_a_goal_asked_with_no_year_or_figure_is_the_one_named_in_quotes_said_as_a_goal():
    got = ask_of(GUANGAN, "广安经开区奔着啥大目标去的", NAMED)
    assert not got.abstained and "千亿产值百亿税收" in got.answer
    assert "目标：" in got.answer and "实际完成" not in got.answer and "成绩单" not in got.answer


def test_a_period_s_goals_are_no_goal_named_in_words():
    got = ask_of(GUANGAN, "广安经开区奔着啥大目标去的", "广安经开区全面完成“十四五”规划目标任务。")
    assert got.abstained


NANNING = {"doc_id": "nn", "place": "南宁高新技术产业开发区", "date": "2020-10-20", "title": "南宁高新区前三季度经济运行"}
SCALE = "今年以来,南宁高新区积极应对经济下行、疫情等冲击,全力打造千亿产业园区,多项经济指标逆势增长。"


def test_a_goal_asked_by_its_scale_is_the_clause_building_the_thing_at_a_scale_in_words():
    """A review's sentence may state the goal pursued (question_cues.tsv `scale_asked`, figure_words.tsv `build`)."""
    got = ask_of(NANNING, "南宁高新区要打造多大规模的园区", SCALE)
    assert not got.abstained and "千亿产业园区" in got.answer and "目标：" in got.answer


def test_a_scale_of_another_thing_does_not_answer():
    assert ask_of(NANNING, "南宁高新区要打造多大规模的产业链", SCALE).abstained
