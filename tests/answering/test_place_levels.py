"""A question naming a level of place ("哪些省", "哪些开发区", "各省") keeps to places of it; one
naming none ("哪些地方") asks of every place. Each place's level is read from its name's ending
(index/data/place_suffixes.tsv), the question's from bot/data/place_levels.tsv. Hand-made reports,
no model: these routes need no passages.
"""
from __future__ import annotations

import pytest
from handmade import sentence_reports

from bot.answering.answerer import Answerer
from bot.answering.asked import Asked
from bot.answering.kinds.places import EACH_PLACE, RANK
from bot.answering.reading import levels
from bot.answering.settings import AnswerSettings
from index.text.places import level_of
from index.text.timelabel import RESULT, TimeLabel
from index.text.vocabulary import load_vocab

REPORTS = {  # place: its report's text
    "江苏省": "大力发展商业航天。培育人形机器人产业。",
    "广东省": "商业航天加快发展。",
    "昆山高新区": "布局商业航天和低空经济。人形机器人整机下线。",
    "吴江区": "低空经济起步。",
    "苏州市": "人形机器人产业规模扩大。",
}


def _no_model(reports: dict[str, str]):
    docs = [{"doc_id": f"d{i}", "place": place, "date": "2026-01-20", "title": f"2026年{place}政府工作报告"}
            for i, place in enumerate(reports)]
    return sentence_reports(docs, {f"d{i}": text for i, text in enumerate(reports.values())}, TimeLabel(2025, RESULT))


@pytest.fixture
def answerer():
    return Answerer(_no_model(REPORTS), AnswerSettings(default_place="江苏省"))


@pytest.mark.parametrize("text, reply", [
    ("哪些省提到了商业航天", "2个省提到了商业航天：广东省、江苏省。"),
    ("哪几个省在搞商业航天", "2个省提到了商业航天：广东省、江苏省。"),
    ("商业航天都有哪些省在搞", "2个省提到了商业航天：广东省、江苏省。"),
    ("哪些开发区提到了商业航天", "1个园区提到了商业航天：昆山高新区。"),
    ("有哪些高新区提到人形机器人", "1个园区提到了人形机器人：昆山高新区。"),
    ("哪些区县在搞低空经济", "1个区县提到了低空经济：吴江区。"),
    ("哪些城市提到了人形机器人", "1个市提到了人形机器人：苏州市。"),
])
def test_a_level_asked_lists_only_places_of_that_level(answerer, text, reply):
    got = answerer.ask(text)
    assert not got.abstained and got.answer == reply
    assert [s.place for s in got.sources[:got.evidence]] == reply.split("：")[1].rstrip("。").split("、")


@pytest.mark.parametrize("text, level", [("哪些省提到了X", "province"), ("各市GDP", "city"), ("省份有哪些提到X", "province"),
                                         ("哪些区县在搞X", "county"), ("哪些开发区提到X", "zone"),
                                         ("哪些地方提到X", None), ("各地GDP", None), ("哪些地区提到X", None)])
def test_the_level_a_question_names(text, level):
    assert levels.asked(text) == level


def test_a_place_s_level_is_its_longest_ending():
    vocab = load_vocab()
    assert [level_of(p, vocab) for p in ("广西壮族自治区", "昆山高新区", "吴江区", "长沙市长沙县", "苏州工业园区", "苏州市")] == \
        ["province", "zone", "county", "county", "zone", "city"]


def test_no_level_asked_lists_every_place(answerer):
    got = answerer.ask("哪些地方提到了商业航天")
    assert got.answer == "3个地方提到了商业航天：广东省、昆山高新区、江苏省。"


def test_no_place_of_the_level_asked_says_so_then_names_those_that_do(answerer):
    got = answerer.ask("哪些省提到了低空经济")
    assert not got.abstained and got.answer == "没有省提到低空经济；提到的有：吴江区、昆山高新区。"
    assert [(s.place, s.text) for s in got.sources] == [("吴江区", "低空经济起步。"), ("昆山高新区", "布局商业航天和低空经济。")]


def test_words_no_place_names_are_refused_counting_the_level_asked(answerer):
    got = answerer.ask("哪些省提到了元宇宙")
    assert got.abstained and got.answer == "资料中2个省的报告都没有提到“元宇宙”。"


@pytest.mark.parametrize("route, text, places", [
    (EACH_PLACE, "各省2025年GDP增长多少", {"江苏省", "广东省"}),
    (EACH_PLACE, "各地2025年GDP增长多少", set(REPORTS)),
    (RANK, "2025年哪个省GDP增速最高", {"江苏省", "广东省"}),
    (RANK, "2025年哪个地方GDP增速最高", set(REPORTS)),
])
def test_each_place_and_ranks_keep_to_the_level_asked(answerer, route, text, places):
    q = answerer.reports.read(text, None, None)
    assert {p.place for p in route.split(Asked(text, q), answerer.reports)} == places




@pytest.mark.parametrize("route, text", [(EACH_PLACE, "各市2025年GDP增长多少"), (RANK, "2025年哪个市GDP增速最高")])
def test_no_place_of_the_level_asked_is_said(route, text):
    provinces = Answerer(_no_model({p: t for p, t in REPORTS.items() if p.endswith("省")}),
                         AnswerSettings(default_place="江苏省"))
    asked = Asked(text, provinces.reports.read(text, None, None))
    split = route.split(asked, provinces.reports)
    got = route.combine(asked, split, [])
    assert split == [] and got.abstained and got.answer == "资料中没有市的报告。"
