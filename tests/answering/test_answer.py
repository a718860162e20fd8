"""What a citizen gets back from the seed report: the figure, its year, result or target, the
report it came from — or a polite refusal. Runs on the real index and model."""
from __future__ import annotations

import json
import re

import pytest

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.wording import MAX_ANSWER
from bot.evaluation.gold import load_gold
from bot.settings import load_settings

from conftest import CORPUS, GOLD

SEED_DOC = "2019-kunshan-hitech-zone-work-conference"
CJK = re.compile(r"[\u4e00-\u9fff]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
GOLD_ITEMS = load_gold(GOLD)
ANSWERABLE = [g for g in GOLD_ITEMS if g.answerable]


def corpus_body() -> str:
    """The text of the reports without their metadata headers."""
    bodies = []
    for path in sorted(CORPUS.glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        bodies.append(raw.split("\n---", 1)[1] if raw.startswith("---") else raw)
    return "\n".join(bodies)


def has_figure(text: str, figure: str) -> bool:
    """`figure` as a whole number in `text` ("62件" is not found in "662件")."""
    return re.search(rf"(?<![\d.]){re.escape(figure)}", text) is not None


@pytest.fixture(scope="module")
def gold_answers(answerer):
    return {g.id: answerer.ask(g.question) for g in GOLD_ITEMS}


@pytest.fixture(scope="module")
def answerer_2020(seed_settings, searcher):
    """The same reports read as if today were 2020 (ZONEQA_REPORTING_YEAR=2020)."""
    answering = load_settings({"ZONEQA_REPORTING_YEAR": "2020"}).answering
    assert answering.reporting_year == 2020
    return Answerer(searcher, answering)


# -- intents ----------------------------------------------------------------------------------

def test_figure(answerer):
    a = answerer.ask("去年高新区GDP是多少？")
    assert not a.abstained
    assert (a.value, a.year, a.kind) == ("762亿元", 2018, "result")
    assert "762亿元" in a.answer and "2018年" in a.answer and "昆山高新区" in a.answer
    assert a.sources[0].doc_id == SEED_DOC and "762亿元" in a.sources[0].text
    assert a.confidence >= 0.5 and a.explanation.startswith("confidence")


@pytest.mark.parametrize("question,names", [
    ("高新区三大支柱产业是哪几个", ["电子信息", "智能装备", "生物医药"]),
    ("去年哪些企业总部签约落户", ["费斯托", "丘钛", "桦汉"]),
    ("有哪些院士的项目落户了", ["阎锡胤", "周成虎"]),
])
def test_list(answerer, question, names):
    a = answerer.ask(question)
    assert not a.abstained and a.value is None
    for name in names:
        assert name in a.answer
    assert all(name in a.sources[0].text for name in names)


@pytest.mark.parametrize("question,name", [
    ("高新區黨工委書記是誰？", "管凤良"),
    ("高新区被科技部批准建设什么园区", "创新型特色园区"),
])
def test_entity(answerer, question, name):
    a = answerer.ask(question)
    assert not a.abstained and name in a.answer and name in a.sources[0].text


def test_comparison_shows_the_arithmetic_and_cites_both_sentences(answerer):
    a = answerer.ask("今年GDP目标比去年多多少？")
    assert not a.abstained
    assert a.value == "48亿元" and (a.year, a.kind) == (2019, "target")
    assert "48亿元" in a.answer and "810" in a.answer and "762" in a.answer
    assert "810−762=48" in a.answer
    assert "2019年目标" in a.answer and "2018年实际完成" in a.answer
    assert "810亿元" in a.sources[0].text and "762亿元" in a.sources[1].text


@pytest.mark.parametrize("question,value,shown", [
    ("今年GDP增速目标比去年实际低多少", "0.1个百分点", "低0.1个百分点"),
    ("国家级人才今年目标比去年少多少", "6名", "少6名"),
    ("工业总产值今年目标比2018年多多少", "80亿元", "多80亿元"),
])
def test_comparison_direction_and_unit(answerer, question, value, shown):
    a = answerer.ask(question)
    assert not a.abstained and a.value == value and shown in a.answer


@pytest.mark.parametrize("question", ["为什么高新区GDP增长这么快", "高新区GDP为何下降了"])
def test_why_is_refused_politely(answerer, question):
    a = answerer.ask(question)
    assert a.abstained and a.value is None and not a.sources
    assert "原因" in a.answer and "答不了" in a.answer
    assert not NUMBER.search(a.answer)


# -- years ------------------------------------------------------------------------------------

def test_relative_years_are_stated_as_absolute_years(answerer):
    last = answerer.ask("去年GDP多少")
    assert (last.value, last.year, last.kind) == ("762亿元", 2018, "result")
    assert "2018年" in last.answer and "去年" not in last.answer
    this = answerer.ask("今年GDP目标多少")
    assert (this.value, this.year, this.kind) == ("810亿元", 2019, "target")
    assert "2019年" in this.answer and "目标" in this.answer and "今年" not in this.answer


def test_a_result_is_never_claimed_for_the_plan_year(answerer):
    a = answerer.ask("2019年GDP实际完成了多少")
    assert a.abstained and "2019年实际完成" not in a.answer
    assert "资料中只有2019年目标" in a.answer and "810亿元" in a.answer


@pytest.mark.parametrize("question", ["去年GDP多少", "去年高新区GDP是多少？", "去年GDP"])
def test_reporting_year_2020_does_not_turn_the_2019_target_into_a_result(answerer_2020, question):
    a = answerer_2020.ask(question)
    assert "2019年实际完成" not in a.answer
    assert not (a.year == 2019 and a.kind == "result")
    assert a.abstained or a.kind == "target"
    if "810" in a.answer:
        assert "目标" in a.answer
    assert not has_figure(a.answer, "762")  # 2018 is not 去年 in 2020, and another year's figure is not quoted


def test_reporting_year_2020_moves_the_other_relative_years(answerer_2020):
    a = answerer_2020.ask("前年GDP多少")
    assert (a.value, a.year, a.kind) == ("762亿元", 2018, "result") and "2018年" in a.answer
    b = answerer_2020.ask("今年GDP多少")
    assert b.abstained and "2020年" in b.answer


# -- Traditional Chinese and Chinese numerals -------------------------------------------------

@pytest.mark.parametrize("question", ["去年高新區GDP是多少", "去年高新區國內生產總值多少？"])
def test_traditional_chinese(answerer, question):
    a = answerer.ask(question)
    assert not a.abstained and a.value == "762亿元" and a.year == 2018


@pytest.mark.parametrize("question,value,year", [
    ("二〇一八年GDP多少", "762亿元", 2018),
    ("一八年GDP多少", "762亿元", 2018),
    ("二零一九年GDP计划多少", "810亿元", 2019),
    ("一九年工业总产值要达到多少", "1360亿元", 2019),
])
def test_chinese_numeral_years(answerer, question, value, year):
    a = answerer.ask(question)
    assert not a.abstained and (a.value, a.year) == (value, year) and f"{year}年" in a.answer


def test_numeral_words_are_not_numbers(answerer):
    a = answerer.ask("去年一般公共预算收入多少")
    assert not a.abstained and a.value == "90亿元"


# -- follow-ups -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gdp(answerer):
    return answerer.ask("去年高新区GDP多少？")


def test_follow_up_next_year(answerer, gdp):
    a = answerer.ask("那今年呢？", previous=gdp)
    assert not a.abstained
    assert (a.value, a.year, a.kind) == ("810亿元", 2019, "target")
    assert "目标" in a.answer and "2019年" in a.answer


def test_follow_up_growth_is_in_the_answer(answerer, gdp):
    a = answerer.ask("增长了多少？", previous=gdp)
    assert not a.abstained and "7.1%" in a.answer and a.year == 2018
    assert not has_figure(a.answer, "7%")


def test_follow_up_growth_value_is_the_rate(answerer, gdp):
    assert answerer.ask("增长了多少？", previous=gdp).value == "7.1%"


def test_follow_up_why_is_refused(answerer, gdp):
    a = answerer.ask("为什么？", previous=gdp)
    assert a.abstained and "原因" in a.answer and "答不了" in a.answer


@pytest.mark.parametrize("question", ["那今年呢？", "增长了多少？"])
def test_follow_up_without_previous_gives_a_hint(answerer, question):
    a = answerer.ask(question)
    assert a.abstained and a.value is None and not a.sources
    assert "上一个问题" in a.answer and "例如" in a.answer


def test_follow_up_after_a_refusal_still_knows_the_topic(answerer):
    refused = answerer.ask("2020年GDP是多少")
    a = answerer.ask("那去年呢？", previous=refused)
    assert not a.abstained and a.value == "762亿元" and a.year == 2018


def test_a_follow_up_with_its_own_topic_keeps_the_year_and_kind(answerer):
    """"今年GDP目标多少" then "那一般公共预算收入呢": 2019's target, not 2018's result."""
    a = answerer.ask("那一般公共预算收入呢", previous=answerer.ask("高新区今年GDP目标多少"))
    assert not a.abstained and (a.year, a.kind) == (2019, "target")
    assert has_figure(a.answer, "100亿元") and not has_figure(a.answer, "90亿元")


# -- refusals ---------------------------------------------------------------------------------

def test_another_year_names_the_nearest_year_and_cites_it_without_its_figure(answerer):
    a = answerer.ask("2020年GDP是多少？")
    assert a.abstained and a.value is None and a.year is None
    assert "2020年" in a.answer and "资料中只有2019年目标的数字" in a.answer and "810" not in a.answer
    assert a.sources and "810亿元" in a.sources[0].text


def test_an_earlier_year_names_the_nearest_result_without_its_figure(answerer):
    a = answerer.ask("2017年高新区GDP多少")
    assert a.abstained and "2017年" in a.answer
    assert "资料中只有2018年实际完成的数字" in a.answer and "762" not in a.answer


@pytest.mark.parametrize("question,place", [
    ("昆山全市去年GDP是多少", "昆山市"),
    ("苏州工业园区去年GDP多少", "苏州工业园区"),
    ("蘇州工業園區去年的GDP是多少？", "苏州工业园区"),
    # places no list knows, by their own endings: never moved to 昆山高新区
    ("成都武侯区去年GDP多少", "武侯区"),
    ("余杭区去年GDP多少", "余杭区"),
    ("双流县今年GDP目标", "双流县"),
])
def test_another_place_is_refused_by_name(answerer, question, place):
    a = answerer.ask(question)
    assert a.abstained and place in a.answer and "昆山高新区" in a.answer
    assert not NUMBER.search(a.answer)


@pytest.mark.parametrize("question", ["无锡去年GDP多少", "南京去年GDP多少", "溧阳高新区去年GDP多少"])
def test_an_unknown_place_does_not_get_the_zones_figure(answerer, question):
    a = answerer.ask(question)
    assert a.abstained and not has_figure(a.answer, "762")


@pytest.mark.parametrize("question,word", [
    ("高新区常住人口有多少", "人口"),
    ("高新区人口多少", "人口"),
    ("高新区房价现在多少一平", "房价"),
    ("高新区失业率是多少", "失业率"),
])
def test_another_metric_is_refused(answerer, question, word):
    a = answerer.ask(question)
    assert a.abstained and a.value is None and word in a.answer
    assert not NUMBER.search(a.answer)  # no figure of something else


# -- never mixing years -----------------------------------------------------------------------

CROSS_YEAR = [g for g in GOLD_ITEMS if g.type in ("number", "target") and g.must_not_contain]


@pytest.mark.parametrize("item", CROSS_YEAR, ids=[g.id for g in CROSS_YEAR])
def test_gold_question_never_gets_the_other_years_figure(gold_answers, item):
    a = gold_answers[item.id]
    assert not a.abstained
    year, kind = (2018, "result") if item.type == "number" else (2019, "target")
    assert (a.year, a.kind) == (year, kind)
    for bad in item.must_not_contain:
        assert not has_figure(a.answer, bad), f"{bad} in {a.answer}"


PAIRS = [  # metric as asked, 2018 result, 2019 target — pairs in the gold set
    ("GDP", "762亿元", "810亿元"),
    ("财政收入", "90亿元", "100亿元"),
    ("工业总产值", "1280亿元", "1360亿元"),
    ("万人发明专利拥有量", "62件", "65件"),
    ("低效用地", "1690亩", "1600亩"),
    ("已批未开发用地", "662亩", "600亩"),
    ("国家级人才", "10名", "4名"),
]
TEMPLATES = [("2018年{}是多少", 0), ("去年{}多少", 0), ("一八年{}多少", 0),
             ("2019年{}目标是多少", 1), ("今年{}目标多少", 1), ("2019年{}是多少", 1)]


@pytest.mark.parametrize("template,side", TEMPLATES, ids=[t for t, _ in TEMPLATES])
@pytest.mark.parametrize("metric,result,target", PAIRS, ids=[p[0] for p in PAIRS])
def test_result_and_target_are_never_swapped(answerer, metric, result, target, template, side):
    a = answerer.ask(template.format(metric))
    want, other = (result, target) if side == 0 else (target, result)
    assert not a.abstained
    assert a.value == want and has_figure(a.answer, want) and not has_figure(a.answer, other)
    assert (a.year, a.kind) == ((2018, "result") if side == 0 else (2019, "target"))


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "   \n\t", "😀🎉👍", "？！。，……", "?!...", "去年高新区GDP多少？" * 500,
    "What was the GDP last year?", "\x00\x07\x01\x1b",
], ids=["empty", "whitespace", "emoji", "cjk-punctuation", "ascii-punctuation", "5000-chars",
        "english", "control-only"])
def test_bad_input_gets_a_chinese_message(answerer, text):
    a = answerer.ask(text)
    assert a.abstained and a.value is None and a.year is None and not a.sources
    assert CJK.search(a.answer) and "例如" in a.answer
    json.dumps(a.to_dict(), ensure_ascii=False)


def test_overlong_input_says_so(answerer):
    text = ("去年高新区GDP多少？" * 500)[:5000]
    assert len(text) == 5000
    a = answerer.ask(text)
    assert a.abstained and "太长" in a.answer and len(a.answer) <= MAX_ANSWER


def test_english_question_asks_for_chinese(answerer):
    assert "中文" in answerer.ask("What was the GDP last year?").answer


def test_control_characters_inside_a_real_question_are_ignored(answerer):
    a = answerer.ask("去年\x00高新区\x07GDP\x1b多少？")
    assert not a.abstained and a.value == "762亿元" and a.year == 2018
    assert "\x00" not in a.question and "\x07" not in a.question


# -- properties over the gold set -------------------------------------------------------------

def test_every_gold_answer_fits_in_150_characters(gold_answers):
    long = {i: len(a.answer) for i, a in gold_answers.items() if len(a.answer) > MAX_ANSWER}
    assert not long


def test_output_contract_keys_for_every_gold_answer(gold_answers):
    for a in gold_answers.values():
        d = a.to_dict()
        assert list(d) == ["question", "answer", "abstained", "value", "year", "kind", "sources",
                           "latency_ms"]
        for s in d["sources"]:
            assert list(s) == ["doc_id", "title", "section", "text", "score"]
        json.dumps(d, ensure_ascii=False)


def test_answered_gold_questions_cite_the_report(gold_answers):
    for g in ANSWERABLE:
        a = gold_answers[g.id]
        assert a.sources and a.sources[0].doc_id == SEED_DOC, g.id
        assert a.sources[0].title.startswith("书写高质量发展满意答卷"), g.id


def test_never_makes_up_a_number(gold_answers):
    """Every number in an answer is in the report (or echoed from the question); the one
    exception is the difference a comparison computes, and its shown arithmetic."""
    known = set(NUMBER.findall(corpus_body()))
    made_up = {}
    for g in GOLD_ITEMS:
        a = gold_answers[g.id]
        text = a.answer
        if g.type == "comparison" and not a.abstained:
            text = re.sub(r"（[^（）]*=[^（）]*）", "", text)          # "（810−762=48）"
            text = text.replace(a.value, "") if a.value else text     # "多48亿元"
        echoed = set(NUMBER.findall(parse(a.question, 2019).normalised))
        extra = set(NUMBER.findall(text)) - known - echoed
        if extra:
            made_up[g.id] = (sorted(extra), a.answer)
    assert not made_up


def test_the_property_check_would_catch_a_made_up_number():
    known = set(NUMBER.findall(corpus_body()))
    assert {"762", "810", "7.1", "93.2"} <= known
    assert "763" not in known and "48" not in known


def test_gold_questions_are_answered_or_refused_as_labelled(gold_answers):
    wrong = [g.id for g in GOLD_ITEMS if gold_answers[g.id].abstained == g.answerable]
    assert not wrong
