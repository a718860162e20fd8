"""Rules the held-out10 questions needed, on hand-made reports (no index, no model): the sales of the firms above
the size line, a metric of its own, never the added value 规上工业 alone names; a measure said as its verb
("财政收了多少"); a report pointed at ("那篇") is no topic word; a topic offered either way ("钼矿或者钼业"); the state
of the economy asked ("经济情况怎么样啊") is an overview, told with the towns' income where a report gives that."""
from __future__ import annotations

import pytest
from handmade import Passages, sentence_reports

from bot.answering.answerer import Answerer
from bot.answering.reading.question import Shape, parse
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TimeLabel

ZONE = {"doc_id": "xc", "title": "开发区2017年工作会议", "date": "2017-02-10", "place": "许昌经济技术开发区", "source": "合成"}
TARGETS = ("会议确定了2017年开发区发展主要预期目标:规模以上工业主营业务收入完成210亿元,同比增长10%;"
           "规模以上工业增加值完成45亿元,同比增长10%;固定资产投资完成95亿元,同比增长15%。")
COUNTY = {"doc_id": "fx", "title": "房县2018年前三季度经济运行", "date": "2018-10-20", "place": "湖北省十堰市房县", "source": "合成"}
BUDGET = "2018年前三季度,全县地区生产总值46.5亿元,增长8%;地方公共财政预算收入4.47亿元,增长31.2%。"
XIAPU = {"doc_id": "xp", "title": "2020年霞浦县人民政府工作报告", "date": "2019-12-29", "place": "福建省宁德市霞浦县",
         "source": "合成"}
REVIEW = ("一、2019年工作回顾\n预计全年地区生产总值增长8.3%;固定资产投资(不含农户)增长20%;公共财政总收入12.77亿元,下降2.4%;"
          "城镇居民人均可支配收入35504元、增长8.7%。")


def ask(question: str, doc: dict, text: str):
    return Answerer(Passages([doc], {doc["doc_id"]: text}), AnswerSettings(default_place=doc["place"])).ask(question)


@pytest.mark.parametrize("question", ["开发区今年规上工业主营业务收入目标多少", "开发区今年规模以上工业营业收入目标多少"])
def test_the_sales_of_the_firms_above_the_size_line_are_not_their_added_value(question):
    got = ask(question, ZONE, TARGETS)
    assert not got.abstained and "210亿元" in got.answer and "2017" in got.answer
    assert "45亿元" not in got.answer


@pytest.mark.parametrize("text, topic", [("去年规上工业利润多少", "规上工业利润"), ("去年规上服务业营收增长多少", "规上服务业营收")])
def test_a_metric_s_name_before_another_measure_only_says_what_it_is_of(text, topic):
    q = parse(text, 2026)  # neither the added value of 规上工业 nor 服务业's: the words asked, looked for as they are
    assert q.metrics == () and "".join(t.text for t in q.terms) == topic


@pytest.mark.parametrize("question", ["房县18年前三季度地方财政收了多少钱", "房县18年前三季度财政收到多少"])
def test_revenue_said_as_its_verb_is_the_revenue(question):
    got = ask(question, COUNTY, BUDGET)
    assert not got.abstained and "4.47亿元" in got.answer and "2018" in got.answer
    assert "46.5亿元" not in got.answer


def test_a_verb_is_read_as_a_name_only_where_it_makes_a_known_one():
    assert parse("去年旅游收了多少", 2026).metrics == ("旅游总收入",)
    assert parse("去年税收了多少", 2026).metrics == ("税收总额",)  # 税收入 is no name: 税收 is read as said


PLACES = ("江苏省", "嵩县", "大兴安岭地区")
DOCS = [{"doc_id": "js", "place": "江苏省", "date": "2026-02-03", "title": "2026年江苏省政府工作报告"},
        {"doc_id": "sx", "place": "嵩县", "date": "2010-02-03", "title": "2010年嵩县政府工作报告"},
        {"doc_id": "dx", "place": "大兴安岭地区", "date": "2011-02-03", "title": "2011年大兴安岭地区政府工作报告"}]
TEXTS = {"js": "培育独角兽企业8家。", "sx": "依托黄金基地、钼业基地四大基地。", "dx": "推进钼矿勘探工程。"}


@pytest.fixture
def answerer():
    return Answerer(sentence_reports(DOCS, TEXTS, TimeLabel(2025, RESULT)), AnswerSettings(default_place="江苏省"))


@pytest.mark.parametrize("text", ["江苏那篇提到独角兽没", "江苏这份报告里有没有提到独角兽"])
def test_a_report_pointed_at_is_no_part_of_the_topic(answerer, text):
    assert parse(text, 2026, PLACES).mentioned == "独角兽"
    assert answerer.ask(text).answer == "提到了。江苏省：“培育独角兽企业8家”。"


@pytest.mark.parametrize("text", ["哪些地方提到钼矿或者钼业", "哪些地方提到钼业或钼矿"])
def test_a_topic_offered_either_way_is_named_by_a_sentence_naming_either(answerer, text):
    got = answerer.ask(text)
    assert not got.abstained and "嵩县" in got.answer and "大兴安岭地区" in got.answer and "江苏" not in got.answer
    assert {s.text for s in got.sources[:got.evidence]} == {"依托黄金基地、钼业基地四大基地。", "推进钼矿勘探工程。"}


@pytest.mark.parametrize("question", ["霞浦19年经济情况怎么样啊", "霞浦19年经济怎么样", "霞浦去年经济咋样"])
def test_the_state_of_the_economy_asked_is_an_overview_with_the_towns_income(question):
    assert parse(question, 2020, ("福建省宁德市霞浦县",)).shape == Shape.OVERVIEW
    got = ask(question, XIAPU, REVIEW)
    assert not got.abstained and all(f in got.answer for f in ("2019", "8.3%", "12.77亿元", "35504元"))


def test_options_sharing_a_rare_core_before_generic_tails_ask_that_core():
    # 钼 of 钼矿 and 钼业, named by few places' reports: "铅锌钼多金属开发项目" names it too
    others = [(f"p{i}", f"{name}县") for i, name in enumerate("甲乙丙丁戊己")]
    docs = DOCS + [{"doc_id": d, "place": p, "date": "2011-02-03", "title": f"2011年{p}政府工作报告"} for d, p in others]
    texts = {**TEXTS, "dx": "松岭壮志铅锌钼多金属开发项目已启动勘探工程。", **{d: "发展旅游业。" for d, _ in others}}
    got = Answerer(sentence_reports(docs, texts, TimeLabel(2025, RESULT)), AnswerSettings()).ask("哪些地方提到钼矿或者钼业")
    assert not got.abstained and "嵩县" in got.answer and "大兴安岭地区" in got.answer
    assert "2个" in got.answer


def test_an_overview_told_to_the_towns_and_the_countryside_s_income_keeps_their_changes_said_after_them():
    weihai = {"doc_id": "wh", "title": "威海市2017年政府工作报告", "date": "2017-02-10", "place": "山东省威海市", "source": "合成"}
    year = ("2016年,全市生产总值3212.2亿元,增长8%,一般公共预算收入260.5亿元,增长10.2%,城镇居民人均可支配收入39363元,"
            "农村居民人均可支配收入17573元,分别增长8.3%和7.7%。")
    got = ask("威海16年经济咋样", weihai, year)
    assert not got.abstained and all(f in got.answer for f in ("3212.2亿元", "39363元", "17573元", "8.3%和7.7%"))
