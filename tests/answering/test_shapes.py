"""One shape per question, one route per shape. The shapes are read without a model; the
handlers are run on a hand-made index whose searcher has no model at all, so a question that
needs no passages (a mention, a byline, a refusal) is shown to need none."""
from __future__ import annotations

import pytest

from bot.answering.answerer import ROUTES, Answerer
from bot.answering.asked import Asked, Part
from bot.answering.evidence import Answer, Sentences, Source
from bot.answering.kinds import places
from bot.answering.kinds.parts import _goal, _lead
from bot.answering.reading.question import Shape, parse
from bot.answering.settings import AnswerSettings
from index.text.chunking import Chunk
from index.text.timelabel import RESULT, TARGET, TimeLabel

from handmade import NoSearch, hit

PLACES = ("江苏省", "浙江省", "广东省", "昆山高新区")


@pytest.mark.parametrize("text, shape", [
    ("去年GDP多少", Shape.FIGURE),
    ("去年干得怎么样", Shape.OVERVIEW),
    ("GDP和一般公共预算收入各是多少", Shape.SEVERAL),
    ("GDP这两年怎么变化的", Shape.TREND),
    ("GDP能过14万亿吗", Shape.YES_NO),
    ("去年财政收入有50亿吗", Shape.YES_NO),  # 有 before a figure asks whether it was reached
    ("去年整体经济说说", Shape.OVERVIEW),
    ("GDP增速前年到去年有变化没", Shape.TREND),  # the year after 到 is no figure to reach
    ("提到低空经济了吗", Shape.MENTION),
    ("哪些地方提到了低空经济", Shape.WHICH_PLACES),
    ("各地GDP增长目标分别是多少", Shape.EACH_PLACE),
    ("三个省GDP目标分别多少", Shape.EACH_PLACE),  # a count of places, however many
    ("5个城市GDP分别多少", Shape.EACH_PLACE),
    ("两个地区GDP分别多少", Shape.EACH_PLACE),
    ("哪个省的GDP最高", Shape.RANK),
    ("2025年哪个地方GDP增速最低", Shape.RANK),
    ("2025年GDP目标完成了吗", Shape.ATTAINED),
    ("今年GDP目标比去年多多少", Shape.COMPARISON),
    ("2021年GDP完成全年目标了吗", Shape.ATTAINED),
    ("GDP增速比全省高多少", Shape.AGAINST),
    ("去年贷款余额比存款多还是少", Shape.METRICS),
    ("外贸要开拓哪些新兴市场", Shape.LIST),
    ("被评为独角兽的是哪家公司", Shape.WHO),
    ("为什么GDP增长放缓", Shape.WHY),
    ("那呢", Shape.NO_TOPIC),
    ("去年建成几所学校，新增多少学位", Shape.CLAUSES),
])
def test_a_question_has_one_shape(text, shape):
    assert parse(text, 2026, PLACES).shape == shape


def test_an_area_asked_with_no_other_topic_asks_the_area():
    """"面积多大": 面积 says the unit asked and what is measured; it is no follow-up with nothing to follow."""
    q = parse("面积多大", 2026, PLACES)
    assert (q.shape, q.unit, [t.text for t in q.terms]) == (Shape.FIGURE, "area", ["面积"])
    assert [t.text for t in parse("耕地面积多少亩", 2026, PLACES).terms] == ["耕地面积"]


@pytest.mark.parametrize("text", ["去年GDP增速排全省多少位", "去年GDP增速全省排第几"])
def test_a_rank_asked_as_many_places_is_asked_for_a_rank_not_the_figure(text):
    q = parse(text, 2026, PLACES)
    assert (q.shape, q.unit) == (Shape.FIGURE, "rank")


@pytest.mark.parametrize("text, figure", [("去年财政收入有50亿吗", "50亿"), ("高新技术企业有1000家吗", "1000家")])
def test_a_yes_no_question_compares_with_the_figure_it_names(text, figure):
    assert parse(text, 2026, PLACES).threshold == figure


@pytest.mark.parametrize("text, part", [
    ("各地GDP增长目标分别是多少", Shape.FIGURE),
    ("哪些地方提到了低空经济", Shape.MENTION),
    ("哪个省的GDP最高", Shape.WHO),  # one figure once read for the place (places.one_figure)
    ("去年建成几所学校，新增多少学位", Shape.FIGURE),
])
def test_a_place_s_part_of_a_wider_question_has_the_part_s_shape(text, part):
    assert parse(text, 2026, PLACES, one_place=True).shape == part


def test_every_shape_has_one_route():
    assert set(ROUTES) == set(Shape)


def test_a_superlative_alone_is_a_topic_word_not_a_ranking():
    q = parse("最大的项目是什么", 2026, PLACES)
    assert q.shape != Shape.RANK and "最大" in [t.text for t in q.terms]


# --- the places ranked (a pure combination of the places' answers) ---------------------------

def _answer(place: str, value: str, year: int = 2025, kind: str = RESULT) -> Answer:
    source = Source(f"{place}-doc", f"{place}报告", "", f"{place}{value}", 1.0, place=place)
    return Answer("问", f"{place}{year}年：{value}。", abstained=False, value=value, year=year, kind=kind,
                  sources=[source], explanation=place)


def _ranked(question: str, answers: dict[str, Answer | None]) -> Answer:
    q = parse(question, 2026, tuple(answers))
    split = [Part(question, q, place) for place in answers]
    given = [a or Answer(question, "资料中没有", abstained=True, query=q) for a in answers.values()]
    return places.ranked(Asked(question, q), split, given)


def test_places_are_ranked_highest_first_each_cited_and_the_missing_named():
    got = _ranked("2025年哪个省GDP最高", {
        "甲省": _answer("甲省", "6.66万亿元"), "乙省": _answer("乙省", "9800亿元"),
        "丙省": _answer("丙省", "14.58万亿元"), "丁省": None})
    lines = got.answer.splitlines()
    assert lines[0] == "2025年实际完成地区生产总值，从高到低："
    assert [ln[:5] for ln in lines[1:4]] == ["1. 丙省", "2. 甲省", "3. 乙省"]  # 万亿 above 亿
    assert lines[4] == "资料中没有丁省可比的这项数据。"
    assert [s.place for s in got.sources] == ["丙省", "甲省", "乙省"] and got.value == "14.58万亿元"


def test_lowest_first_when_asked_and_only_figures_of_one_year_kind_and_unit_ranked():
    got = _ranked("2025年哪个省GDP增速最低", {
        "甲省": _answer("甲省", "增长5.6%"), "乙省": _answer("乙省", "增长3.9%"),
        "丙省": _answer("丙省", "增长5%", year=2026, kind=TARGET),  # a target of another year
        "丁省": _answer("丁省", "6.66万亿元")})  # a level, where a rate is asked
    lines = got.answer.splitlines()
    assert lines[0].endswith("从低到高：") and [ln[:5] for ln in lines[1:3]] == ["1. 乙省", "2. 甲省"]
    assert lines[3] == "资料中没有丙省、丁省可比的这项数据。"


def test_no_place_with_the_figure_is_a_refusal():
    got = _ranked("哪个省的GDP最高", {"甲省": None, "乙省": None})
    assert got.abstained and got.answer == "资料中没有"


# --- routes that need no passages, on a hand-made index and no model -------------------------

DOCS = [
    {"doc_id": "js", "place": "江苏省", "date": "2026-02-03", "title": "2026年江苏省政府工作报告",
     "delivered": "2026年2月3日在江苏省第十四届人民代表大会第四次会议上", "speaker": "江苏省省长 刘小涛"},
    {"doc_id": "zj", "place": "浙江省", "date": "2026-01-14", "title": "2026年浙江省政府工作报告"},
]
TEXTS = [("js", "大力发展低空经济，开通航线50条。"), ("zj", "推进“苏超”之外的城市联赛。")]


def _no_model() -> NoSearch:
    chunks = [Chunk(f"{d}-0", d, text, ("一、工作",), ((0, len(text)),),
                    sentences=((0, len(text), TimeLabel(2025, RESULT)),)) for d, text in TEXTS]
    return NoSearch(DOCS, chunks, {"js": range(0, 1), "zj": range(1, 2)})


@pytest.fixture
def answerer():
    return Answerer(_no_model(), AnswerSettings(default_place="江苏省"))


def test_a_mention_quotes_where_the_place_names_it(answerer):
    got = answerer.ask("江苏提到低空经济了吗")
    assert not got.abstained and got.answer == "提到了。江苏省：“大力发展低空经济”。"
    assert got.sources[0].doc_id == "js"


def test_which_places_names_each_place_that_mentions_it(answerer):
    got = answerer.ask("哪些地方提到了低空经济")
    assert got.answer == "1个省提到了低空经济：江苏省。" and got.sources[0].text == "大力发展低空经济，开通航线50条。"
    refused = answerer.ask("哪些地方提到了元宇宙")
    assert refused.abstained and "没有提到“元宇宙”" in refused.answer


def test_who_delivered_a_report_from_its_opening_lines(answerer):
    got = answerer.ask("2026年江苏政府工作报告是谁作的")
    assert got.answer == ("《2026年江苏省政府工作报告》：2026年2月3日在江苏省第十四届人民代表大会第四次会议上，"
                          "江苏省省长 刘小涛。")
    assert got.year == 2026 and got.sources[0].doc_id == "js"
    assert answerer.ask("2026年浙江政府工作报告是谁作的").abstained  # its opening lines do not say


@pytest.mark.parametrize("question, says", [
    ("为什么江苏GDP增长放缓", "没有说明原因"),
    ("那呢", "请说说您想了解哪项数据"),
    ("四川省去年GDP多少", "资料中没有关于四川省"),
])
def test_refusals_that_need_no_passages(answerer, question, says):
    got = answerer.ask(question)
    assert got.abstained and says in got.answer


def test_an_overview_quotes_the_sentence_leading_with_the_most_headline_figures():
    """"去年干得怎么样": the report's own lead sentence, GDP first, not one figure a line picked
    from wherever a headline metric is named."""
    q = parse("去年干得怎么样", 2019)
    lead = "2018年，县域经济增速高于全省经济增速0.4个百分点。2018年全年完成地区生产总值762亿元,增长7.1%," \
           "一般公共预算收入90亿元,进出口总额62.9亿美元,增长4.7%。"
    ev, quoted = _lead(q, q.parts(), Sentences([hit(lead)]))
    assert quoted == "2018年全年完成地区生产总值762亿元，增长7.1%，一般公共预算收入90亿元，进出口总额62.9亿美元，增长4.7%"
    without_gdp = "2018年一般公共预算收入90亿元,进出口总额62.9亿美元,固定资产投资增长5%。"
    assert _lead(q, q.parts(), Sentences([hit(without_gdp)])) is None


def test_an_overview_s_lead_may_be_written_as_clauses_ending_on_semicolons():
    q = parse("去年干得怎么样", 2019)
    lead = "2018年全年地区生产总值同比增长3.5%;规上工业增加值同比增长3%;固定资产投资同比增长16.4%。"
    assert _lead(q, q.parts(), Sentences([hit(lead)]))[1] \
        == "2018年全年地区生产总值同比增长3.5%，规上工业增加值同比增长3%，固定资产投资同比增长16.4%"


def test_a_long_range_goal_asked_is_answered_by_the_sentence_setting_it():
    """"到2035年要达到什么目标": a report states its vision in words, no headline figure; the
    sentence setting the goal for that year answers, not a 十五五 goal or a refusal."""
    q = parse("到2035年要达到什么目标", 2019)
    assert q.shape == Shape.OVERVIEW
    vision = "展望未来，从党的二十大到二〇三五年，基本实现社会主义现代化，经济总量实现倍增。"
    plan = "到2030年，地区生产总值年均增长5%左右。"
    ev, quoted = _goal(q, Sentences([hit(plan), hit(vision, rank=2)]))
    assert quoted == vision and (ev.label.year, ev.label.kind) == (2035, TARGET)
    assert _goal(parse("到2035年要达到什么目标", 2019), Sentences([hit(plan)])) is None

