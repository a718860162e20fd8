"""Rules the #23 paraphrase families needed, on hand-made questions, evidence and reports (no
index, no model): a stock over the year's addition, a rank stated over a period, rank question
words, 粮食 as a metric, 500强 as one word, places named beside covered ones, and who delivered a
report that only news articles relay."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np

from bot.answering.answerer import Answerer
from bot.answering.compose import _closest
from bot.answering.evidence import time_agrees
from bot.answering.reading.question import Shape, parse
from bot.answering.reading.typed import in_report_words
from bot.answering.reports import Reports
from bot.answering.scoring import figures
from bot.answering.settings import AnswerSettings
from index.search.searcher import Hit
from index.text.chunking import Chunk, split_sentences
from index.text.timelabel import ESTIMATE, RESULT, TARGET, Frame, TimeLabel, label

from handmade import evidence, question

HIGH_TECH = "高新技术企业"


# -- a stock, not the year's addition to it ------------------------------------------------------

def test_a_stock_asked_gets_the_total_not_the_new_ones():
    q = question(HIGH_TECH, aliases=("高企",))  # "高企现在有多少户"
    best = figures(q, [evidence(q, "全区新认定高新技术企业227户,高企总数达到476户,同比增长46%")])[0]
    assert best.fact.value == "476户"


def test_the_new_ones_asked_get_the_new_ones():
    q = question(HIGH_TECH, aliases=("高企",))
    q = replace(q, normalised="去年新认定多少高企")
    best = figures(q, [evidence(q, "全区新认定高新技术企业227户,高企总数达到476户,同比增长46%")])[0]
    assert best.fact.value == "227户"


def test_an_addition_word_in_the_metric_s_own_name_does_not_demote_it():
    """城镇新增就业 is a level of its own: its figure beats a statement about a period."""
    q = question("城镇新增就业", aliases=("新增就业",))
    best = figures(q, [evidence(q, "连续5年城镇新增就业30万人以上", rank=1),
                       evidence(q, "城镇新增就业35.8万人", rank=2)])[0]
    assert best.fact.value == "35.8万人"


# -- a rank stated over a period ---------------------------------------------------------------

def test_a_rank_asked_without_a_year_is_answered_by_a_period_s_standing():
    five_years = TimeLabel(2025, RESULT, span=(2021, 2025))
    rank = question("地区生产总值", unit="rank", year=None, kind=None)
    amount = question("地区生产总值", year=None, kind=None)
    assert time_agrees(rank, five_years)
    assert not time_agrees(amount, five_years)  # an amount asked with no year is the year's, not the period's
    assert not time_agrees(question("地区生产总值", unit="rank", year=2024, kind=None), five_years)


def test_a_past_period_s_estimate_answers_what_it_came_to():
    """A review written as its period ends gives the period's figures as estimates (预计…五年年均增长8.5%):
    they answer how much the period grew, as a year's estimate answers for the year; a plan does not."""
    q = parse("十二五那几年嵊州GDP平均每年涨多少", 2016)
    assert q.span == (2011, 2015) and q.kind == RESULT
    assert time_agrees(q, TimeLabel(None, ESTIMATE, span=(2011, 2015)))
    assert not time_agrees(q, TimeLabel(None, TARGET, span=(2011, 2015)))


def test_a_name_asked_without_a_year_is_answered_by_a_past_period_s_review():
    """"哪个园区…稳居第一" is told in the 十四五 review (labelled 2021—2025): the name still holds;
    a figure asked with no year is still the year's, and a year asked is still that year's."""
    five_years = TimeLabel(None, RESULT, span=(2021, 2025))
    assert time_agrees(parse("江苏哪个园区在国家级经开区综合考核里稳居第一", 2026), five_years)
    assert time_agrees(parse("江苏有哪些国家先进制造业集群", 2026), five_years)
    assert not time_agrees(parse("江苏城镇新增就业多少", 2026), five_years)
    assert not time_agrees(parse("江苏2025年哪个园区在国家级经开区综合考核里稳居第一", 2026), five_years)


def test_among_names_told_alike_the_year_s_news_comes_before_a_period_s_review():
    """"哪个县成了生产总值超千亿元的县": the period's review and the year's report may both be
    found; told alike, the year's sentence is the answer."""
    q = parse("广东哪个县成了生产总值超千亿元的县", 2026)
    period = evidence(q, "57个县生产总值超千亿元的县增速快于全省。", rank=1)
    period = replace(period, label=TimeLabel(None, RESULT, span=(2021, 2025)))
    year = replace(evidence(q, "惠州博罗成为生产总值超千亿元的县。", rank=2), coverage=period.coverage)
    assert _closest([period, year], q).sentence == year.sentence


# -- reading the question ------------------------------------------------------------------------

def test_rank_words_ask_a_rank_of_the_topic_not_the_ranking_metric():
    q = parse("汉滨新增五上企业全市排第几", 2025)
    assert q.unit == "rank" and "综合评价排名" not in q.metrics
    assert not any("排" in t.text for t in q.terms)


def test_grain_asks_the_grain_output_but_a_sentence_about_grain_does_not_state_it():
    q = parse("黑龙江25年粮食打了多少", 2026)
    assert q.metrics == ("粮食产量",) and "粮食产量" in q.normalised  # retrieved by its report name
    assert not q.terms[0].found_in("深入实施千万吨粮食增产计划，粮食作物平均单产提高2.7%")
    assert q.terms[0].found_in("粮食总产量1640.06亿斤")


def test_grain_at_the_head_of_another_metric_s_name_is_not_grain_output():
    assert "粮食产量" not in parse("江苏省2025年粮食播种面积要稳定在多少", 2025).metrics


def test_an_addition_word_after_the_figure_does_not_make_it_an_addition():
    q = question("地区生产总值", asks_change=True)  # "GDP增长多少"
    rate = figures(q, [evidence(q, "地区生产总值增长5.3%、增量保持全国第一")])[0]
    assert rate.fact.value == "5.3%" and rate.one_year
    assert not figures(q, [evidence(q, "地区生产总值增量3000亿元")])[0].one_year


def test_an_increment_loses_to_the_year_s_level():
    q = question("粮食产量", aliases=("粮食总产量", "粮食总产"))
    best = figures(q, [evidence(q, "粮食总产再创历史新高,增量39.7亿斤", rank=1),
                       evidence(q, "粮食总产量1640.06亿斤", rank=2)])[0]
    assert best.fact.value == "1640.06亿斤"


def test_a_number_and_the_character_after_it_are_one_word():
    q = parse("长春新区24年要引进哪些世界500强企业", 2024)
    assert "500强" in [t.text for t in q.terms] and "500" not in [t.text for t in q.terms]
    assert q.shape == Shape.LIST


# -- places named beside covered ones -----------------------------------------------------------

DOCS = [{"doc_id": "jx", "place": "江西省", "date": "2026-01"},
        {"doc_id": "gs", "place": "甘肃省", "date": "2026-01"}]
CHUNKS = [Chunk("jx-0", "jx", "江西 地区生产总值增长5.2%", (), ((0, 1),)),
          Chunk("gs-0", "gs", "甘肃 地区生产总值增长5.8%，增速居全国第2位", (), ((0, 1),))]


def covered_reports() -> Reports:
    return Reports(DOCS, SimpleNamespace(chunks=CHUNKS, spans={"jx": range(0, 1), "gs": range(1, 2)}),
                   AnswerSettings(default_place="江西省"))


def scope(text: str):
    r = covered_reports()
    return r.scope(r.read(text, None, None))


def test_a_place_without_reports_beside_covered_ones_is_named_as_not_covered():
    places, missing, refusal = scope("湖北湖南江西25年GDP各涨多少")
    assert places == ["江西省"] and set(missing) == {"湖北省", "湖南省"} and refusal is None


def test_a_comparison_with_a_side_not_covered_is_refused_by_its_name():
    places, missing, refusal = scope("湖北和江西25年GDP谁增长快")
    assert places == [] and "湖北" in refusal and "无法比较" in refusal


def test_the_scale_a_figure_is_measured_against_is_not_a_place_asked():
    assert scope("甘肃25年GDP增速全国排第几") == (["甘肃省"], [], None)


# -- who delivered a report only news articles relay ---------------------------------------------

NEWS = [{"doc_id": "ns", "place": "广州市南沙区", "date": "2019-03-14",
         "title": "2018年广州南沙的成绩如何?这场会议告诉你…"}]
NEWS_TEXT = ("南沙区人大常委会主任张谭均主持会议。根据会议议程,南沙区常务副区长董可向大会作政府工作报告。"
             "南沙区政协主席钟华英出席会议。")


class NewsSearcher:
    """Every question retrieves the one news passage (the handler picks the sentence)."""

    def __init__(self, text: str):
        sentences = tuple((s, e, label(text[s:e], Frame.of("2019-03-14"))) for s, e in split_sentences(text))
        self.chunk = Chunk("ns-0", "ns", text, (), ((0, len(text)),), sentences=sentences)
        self.index = SimpleNamespace(chunks=[self.chunk], spans={"ns": range(0, 1)})

    def documents(self):
        return list(NEWS)

    def encode(self, texts):
        return np.zeros((len(texts), 4), dtype=np.float32)

    def search_encoded(self, query, qvec, k=5, doc_ids=None, *args, **kwargs):
        return [Hit(1, 0, self.chunk, NEWS[0], 1.0, 1, 1)]


def test_a_report_relayed_by_news_is_bylined_by_the_sentence_saying_who_delivered_it():
    answerer = Answerer(NewsSearcher(NEWS_TEXT), AnswerSettings(default_place="广州市南沙区"))
    got = answerer.ask("南沙政府工作报告是谁做的")
    assert not got.abstained and "董可" in got.answer and "张谭均" not in got.answer


def test_news_naming_no_one_who_delivered_it_is_still_a_refusal():
    answerer = Answerer(NewsSearcher("南沙区召开经济工作会议。全年地区生产总值增长6.5%。"),
                        AnswerSettings(default_place="广州市南沙区"))
    assert answerer.ask("南沙政府工作报告是谁做的").abstained


# -- everyday words --------------------------------------------------------------------------------

def test_everyday_words_are_read_as_the_reports_words_unless_part_of_a_longer_word():
    assert in_report_words("凤县24年城里人和农村人收入各多少") == "凤县24年城镇居民和农村居民收入各多少"
    assert in_report_words("农村人口多少") == "农村人口多少"
    assert in_report_words("农村人均收入多少") == "农村人均收入多少"
