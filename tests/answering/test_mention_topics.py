"""Mention and "which places" questions however they are phrased: the topic is what is left of
the question once its scaffolding is taken away (reading/topic.py), and a place is listed only
when one of its sentences names that topic. Run on hand-made reports and no model: these routes
need no passages.
"""
from __future__ import annotations

import pytest
from handmade import sentence_reports

from bot import cli
from bot.answering.answerer import Answerer
from bot.answering.reading import levels
from bot.answering.reading.question import Shape, parse
from bot.answering.settings import AnswerSettings
from bot.telegram import messages
from index.text.timelabel import RESULT, TimeLabel

PLACES = ("江苏省", "浙江省", "广东省", "昆山高新区")
DOCS = [
    {"doc_id": "js", "place": "江苏省", "date": "2026-02-03", "title": "2026年江苏省政府工作报告"},
    {"doc_id": "zj", "place": "浙江省", "date": "2026-01-14", "title": "2026年浙江省政府工作报告"},
    {"doc_id": "gd", "place": "广东省", "date": "2026-01-20", "title": "2026年广东省政府工作报告"},
]
TEXTS = [
    ("js", "新建改造公厕120座。培育独角兽企业8家，瞪羚企业新增200家。大力发展冰雪经济。"),
    ("zj", "推进冰雪运动进校园，数字经济增长8%。建设粤港澳大湾区联动平台。"),  # 冰雪 and 经济 apart
    ("gd", "冰雪经济蓬勃发展。"),
]


@pytest.fixture
def answerer():
    return Answerer(sentence_reports(DOCS, dict(TEXTS), TimeLabel(2025, RESULT)), AnswerSettings(default_place="江苏省"))


@pytest.mark.parametrize("text, topic", [
    ("提到独角兽了吗", "独角兽"),
    ("报告里说没说独角兽", "独角兽"),
    ("独角兽的事提了没", "独角兽"),
    ("有没有讲到公厕这方面", "公厕"),
    ("江苏的报告里提到苏超了吗", "苏超"),  # the place asked about is not the topic
    ("苏超江苏说了没有", "苏超"),
    ("浙江报告里写了良渚吗", "良渚"),
    ("提到雄安了吗", "雄安"),  # a place alone is the topic
    ("浙江的报告里说了DeepSeek没有", "DeepSeek"),  # as typed, not folded
    ("江苏那报告里说没说独角兽", "独角兽"),  # 那 (that report) is the asker's speech, not the topic
    ("报告里讲没讲数据", "数据"),
    ("江苏讲了独角兽没有", "独角兽"),
    ("浙江谈了良渚没", "良渚"),
    ("江苏提没提到独角兽哈", "独角兽"),  # a phone's particles are no part of the topic
    ("江苏讲没讲独角兽来着", "独角兽"),  # a word that carries no topic elsewhere is the topic when it is all
    ("江苏那篇访谈提没提独角兽", "独角兽"),  # the document pointed at is no part of the topic
    ("浙江那个讲话说没说良渚", "良渚"),
    ("江苏提没提讲话精神", "讲话精神"),  # …though a topic may hold its word
])
def test_a_mention_question_s_topic_is_what_its_scaffolding_leaves(text, topic):
    q = parse(text, 2026, PLACES)
    assert (q.shape, q.mentioned) == (Shape.MENTION, topic)


@pytest.mark.parametrize("text", [
    "哪些省份提到了冰雪经济",
    "冰雪经济被哪些地方写进了报告",
    "说到冰雪经济的地方有哪些",
    "都有哪些地方在搞冰雪经济",
    "冰雪经济在哪些省的报告里出现过",
    "有哪些省份提到冰雪经济",
    "冰雪经济哪几个省有提到",
    "冰雪经济哪些省在提",
    "说到冰雪经济的都是哪些地方",
    "冰雪经济 有哪几个省在搞",
])
def test_which_places_phrasings_share_one_topic(text):
    q = parse(text, 2026, PLACES)
    assert (q.shape, q.mentioned) == (Shape.WHICH_PLACES, "冰雪经济")


@pytest.mark.parametrize("text", ["报告里提到了哪些措施", "报告里写了什么", "江苏提了多少次人工智能"])
def test_a_question_asking_for_something_else_is_no_mention(text):
    q = parse(text, 2026, PLACES)
    assert q.mentioned is None and q.shape not in (Shape.MENTION, Shape.WHICH_PLACES)


@pytest.mark.parametrize("text", ["江苏核酸日检测能力提到多少了", "独角兽企业提到多少了"])
def test_a_figure_raised_to_how_much_is_asked_as_a_figure(text):
    # 提到 before 多少 raises a figure to the amount asked, it asks no mention: answered as any figure, with its year
    q = parse(text, 2026, PLACES)
    assert q.mentioned is None and q.shape not in (Shape.MENTION, Shape.WHICH_PLACES)


@pytest.mark.parametrize("text", ["哪些地方提到了粤港澳大湾区", "粤港澳大湾区被哪些地方写进了报告"])
def test_a_name_no_list_knows_inside_the_topic_stays_in_it(text):
    assert parse(text, 2026, PLACES).mentioned == "粤港澳大湾区"


@pytest.mark.parametrize("text", ["报告里说没说独角兽", "独角兽的事提了没", "江苏有没有讲到独角兽这方面"])
def test_each_phrasing_is_answered_with_the_sentence_naming_the_topic(answerer, text):
    got = answerer.ask(text)
    assert not got.abstained and got.answer == "提到了。江苏省：“培育独角兽企业8家”。"


def test_which_places_lists_exactly_the_places_naming_the_term_each_cited_by_its_sentence(answerer):
    for text in ("哪些省份提到了冰雪经济", "冰雪经济被哪些地方写进了报告", "都有哪些地方在搞冰雪经济"):
        got = answerer.ask(text)
        assert got.answer == "2个省提到了冰雪经济：广东省、江苏省。", got.answer
        cited = [(s.title, s.text) for s in got.sources[:got.evidence]]
        assert cited == [("2026年广东省政府工作报告", "冰雪经济蓬勃发展。"), ("2026年江苏省政府工作报告", "大力发展冰雪经济。")]


def test_which_places_shows_the_list_first_then_each_place_s_report_and_sentence(answerer, capsys):
    got = answerer.ask("哪些省份提到了冰雪经济")
    shown = messages.format_answer(got).split("\n")
    assert shown[0] == "2个省提到了冰雪经济：广东省、江苏省。"
    assert shown[1:] == ["📄 2026年广东省政府工作报告 · 一、工作", "<blockquote>冰雪经济蓬勃发展。</blockquote>",
                         "📄 2026年江苏省政府工作报告 · 一、工作", "<blockquote>大力发展冰雪经济。</blockquote>"]
    cli._print_answer(got)  # the command line cites every place too
    printed = capsys.readouterr().out.splitlines()
    assert [ln.strip() for ln in printed[1:]] == ["出处：《2026年广东省政府工作报告》· 一、工作", "“冰雪经济蓬勃发展。”",
                                                  "出处：《2026年江苏省政府工作报告》· 一、工作", "“大力发展冰雪经济。”"]


def test_places_not_all_of_one_level_are_counted_as_places():
    assert levels.counted_as(["江苏省", "昆山高新区"]) == "地方"
    assert levels.counted_as(["广西壮族自治区", "江西省"]) == "省"
    assert levels.counted_as(["昆山高新区", "苏州工业园区"]) == "园区"


def test_a_term_no_report_holds_lists_no_place(answerer):
    got = answerer.ask("说到元宇宙的地方有哪些")
    assert got.abstained and "没有提到“元宇宙”" in got.answer
    assert not any(p[:2] in got.answer for p in PLACES)


def test_parts_written_apart_may_stand_apart_in_a_sentence_but_a_term_may_not(answerer):
    assert not answerer.ask("报告里有没有提到独角兽企业和瞪羚企业").abstained  # two parts, one sentence
    got = answerer.ask("浙江提到冰雪经济了吗")  # 冰雪运动…数字经济: not 冰雪经济
    assert got.abstained and got.answer == "资料中浙江省的报告没有提到“冰雪经济”。"
