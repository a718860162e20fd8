"""Rules that phone-style phrasings new to the rules needed (issue #23, paraphrases-dev5 and the
development failures of paraphrases-heldout3), on hand-made reports and questions (no index, no
model): a part of a several-figure question that no metric names, 突破 as a topic, 哪几块 as a
list, a year's growth over a period's, 是不是 before a yes/no figure, 定了哪些指标 as an
overview, mention and which-places scaffolding, quotes that show the words, 规上产值; and those of
paraphrases-dev6: 长 said for 增长, an overview of a year summed up in other figures than the headline ones."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np

from bot.answering.answerer import Answerer
from bot.answering.asked import Asked
from bot.answering.compose import Composer
from bot.answering.facts import extract
from bot.answering.kinds import single
from bot.answering.kinds.places import QUOTE, first_mention, quote
from bot.answering.reading.question import Shape, parse
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.search.searcher import Hit
from index.text.chunking import Chunk, split_sentences
from index.text.normalise import fold
from index.text.timelabel import RESULT, TARGET, Frame, TimeLabel, label


class Fixture:
    """A searcher over hand-made reports: the passages of the reports asked, those holding more of
    the query's two-character pieces first (no index, no model)."""

    def __init__(self, reports: list[tuple[dict, list[str]]]):
        self._docs = {doc["doc_id"]: doc for doc, _ in reports}
        chunks, spans = [], {}
        for doc, passages in reports:
            frame, start = Frame.of(doc["date"]), len(chunks)
            for text in passages:
                sentences = tuple((s, e, label(text[s:e], frame)) for s, e in split_sentences(text))
                chunks.append(Chunk(f"{doc['doc_id']}-{len(chunks)}", doc["doc_id"], text, (),
                                    ((0, len(text)),), sentences=sentences))
            spans[doc["doc_id"]] = range(start, len(chunks))
        self.index = SimpleNamespace(chunks=chunks, spans=spans)

    def documents(self):
        return list(self._docs.values())

    def encode(self, texts):
        return np.zeros((len(texts), 4), dtype=np.float32)

    def search_encoded(self, query, qvec, k=5, doc_ids=None, *args, **kwargs):
        folded = fold(query)
        pieces = {folded[i:i + 2] for i in range(len(folded) - 1)}
        found = sorted(((-sum(p in fold(c.text) for p in pieces), n, c) for n, c in enumerate(self.index.chunks)
                        if doc_ids is None or c.doc_id in doc_ids), key=lambda f: f[:2])
        return [Hit(r, n, c, self._docs[c.doc_id], 1.0 / r, r, r) for r, (_, n, c) in enumerate(found[:k], 1)]


def doc(doc_id: str, place: str, date: str) -> dict:
    return {"doc_id": doc_id, "place": place, "date": date, "title": f"{place}工作报告"}


JINGYUE = doc("jingyue", "长春净月高新技术产业开发区", "2023-02-10")
ZHAOQING = doc("zhaoqing", "肇庆高新区", "2023-01-16")


def ask(reports: list[tuple[dict, list[str]]], text: str, place: str):
    return Answerer(Fixture(reports), AnswerSettings(default_place=place)).ask(text)


# -- a several-figure question whose part no metric names ---------------------------------------

def test_each_part_is_answered_though_only_one_is_a_known_metric():
    zone = [(JINGYUE, ["2022年,净月高新区地区生产总值实现432.6亿元。",
                       "2022年,全年减税降费31.8亿元,新增市场主体14533户。"])]
    got = ask(zone, "净月高新区22年新增市场主体和减税降费各有多少", "长春净月高新技术产业开发区")
    assert not got.abstained and "14533户" in got.answer and "31.8亿元" in got.answer
    assert parse("净月高新区22年新增市场主体和减税降费各有多少", 2023).shape == Shape.SEVERAL


def test_one_figure_asked_with_each_is_still_one_figure():
    assert parse("河北、广东、甘肃25年GDP目标各是多少", 2026).shape != Shape.SEVERAL


# -- 突破 and 哪几块 ---------------------------------------------------------------------------------

AREAS = "在重大项目建设、产业招商落地、产业集聚集约发展、重点改革创新等四个方面均实现了突破"


def test_the_areas_of_a_breakthrough_are_listed():
    zone = [(ZHAOQING, ["2022年全区完成总税收42.18亿元,外贸进出口总额首次突破100亿元。",
                        f"2022年该区高质量发展步伐不断迈进,{AREAS}。"])]
    got = ask(zone, "肇庆高新区22年在哪几块实现了突破", "肇庆高新区")
    assert not got.abstained and all(a in got.answer for a in ("重大项目建设", "产业招商落地", "重点改革创新"))


def test_a_threshold_verb_is_a_topic_only_without_its_figure():
    assert "突破" in [t.text for t in parse("肇庆高新区22年在哪几块实现了突破", 2023).terms]
    assert not any("几块" in t.text for t in parse("肇庆高新区22年在哪几块实现了突破", 2023).terms)
    assert "突破" not in [t.text for t in parse("泉港23年GDP突破600亿了吗", 2024).terms]


# -- a year's growth, not a period's average or rank ------------------------------------------------

ZHEJIANG = [(doc("zj", "浙江省", "2026-01-20"),
             ["全省生产总值连续跨越7万亿、8万亿、9万亿三个大台阶，年均增长5.9%，规模稳居全国第4位。",
              "2025年,全省生产总值增长5.5%,一般公共预算收入增长1.8%。"]),
            (doc("gd", "广东省", "2026-01-25"), ["2025年,地区生产总值增长3.9%、总量连续37年居全国首位。"])]


def test_a_figure_in_another_unit_than_the_year_s_growth_is_a_reason_to_look_again():
    """The first passages give only the five years' sentence (a period's average, a rank); the
    report stating the year's results gives its growth, which is the answer."""
    fixture = Fixture(ZHEJIANG)
    reports = Reports(fixture.documents(), fixture.index, AnswerSettings(default_place="浙江省"))
    period, year = fixture.search_encoded("", None, 2, {"zj"})
    five_years = TimeLabel(None, RESULT, span=(2021, 2025), source="section")  # under the 十四五 review
    period = replace(period, chunk=replace(period.chunk, sentences=((0, len(period.chunk.text), five_years),)))
    q = reports.read("浙江25年GDP增速多少", "浙江省", None, one_place=True)
    asked = Asked(q.text, q, place="浙江省", now=2026, search=SimpleNamespace(hits=[period], stating=lambda side: [year]))
    got = single.figure(asked, reports, Composer(reports, AnswerSettings().abstain_threshold))
    assert "5.5%" in got.answer and "5.9%" not in got.answer and "第4位" not in got.answer


def test_a_growth_side_takes_the_year_s_growth():
    got = ask(ZHEJIANG, "广东和浙江25年GDP增速哪个高", "浙江省")
    assert "5.5%" in got.answer and "3.9%" in got.answer and "浙江" in got.answer.splitlines()[0]
    assert "5.9%" not in got.answer and "第4位" not in got.answer


# -- yes/no, overview ----------------------------------------------------------------------------

def test_is_it_over_a_figure_asks_yes_or_no():
    q = parse("长春新区23年GDP是不是破900亿了", 2024)
    assert q.shape == Shape.YES_NO and q.threshold == "900亿"
    assert parse("余杭22年GDP有没有过2600亿", 2023).shape == Shape.YES_NO


def test_the_targets_set_are_an_overview_unless_a_topic_is_named():
    for text in ("江苏今年定了哪些指标", "昆山高新区19年目标定了些啥"):
        q = parse(text, 2026 if "江苏" in text else 2019)
        assert q.shape == Shape.OVERVIEW and q.kind == TARGET
    assert parse("项目方面定了哪些目标", 2019).shape != Shape.OVERVIEW


# -- mention and which places ----------------------------------------------------------------------

def test_mention_scaffolding_is_not_the_topic():
    assert parse("江西有没有说数据标注", 2026).mentioned == "数据标注"
    assert parse("甘肃有没有讲到大熊猫", 2026).mentioned == "大熊猫"


def test_which_places_asked_with_du_or_a_count_of_provinces():
    for text, words in (("商业航天都哪几个省在搞", "商业航天"), ("脑机接口有几个省提了，是哪些", "脑机接口")):
        q = parse(text, 2026)
        assert q.shape == Shape.WHICH_PLACES and q.mentioned == words
    assert parse("报告里提到了哪些措施", 2026).mentioned is None  # a list asked, not whether


def test_a_quote_shows_the_words_it_is_for():
    clause = "新增浙东工业母机、环杭州湾现代纺织服装、金华台州丘陵山区农机装备、长三角大飞机等国家先进制造业集群4个"
    docs = [doc("zj", "浙江省", "2025-01-20")]
    text = clause + "。"
    chunk = Chunk("zj-0", "zj", text, (), ((0, len(text)),),
                  sentences=((0, len(text), label(text, Frame.of("2025-01-20"))),))
    reports = Reports(docs, SimpleNamespace(chunks=[chunk], spans={"zj": range(0, 1)}),
                      AnswerSettings(default_place="浙江省"))
    sentence = first_mention(reports, "浙江省", "大飞机").text
    assert sentence == text  # cited whole; quoted short in a reply
    assert "大飞机" in quote(sentence, "大飞机") and len(quote(sentence, "大飞机")) <= QUOTE
    assert quote(sentence, "工业母机").startswith("新增浙东工业母机")


# -- abbreviations ---------------------------------------------------------------------------------

def test_gui_shang_chan_zhi_is_the_output_of_industry_above_scale():
    q = parse("常州经开区18年规上产值多少", 2019)
    assert q.metrics == ("规上工业产值",)
    assert q.terms[0].found_in(fold("规模以上工业总产值1981.7亿元,同比增长8.7%"))


# -- a rank after a change verb ----------------------------------------------------------------------

def test_a_rank_after_a_change_verb_is_a_rank_of_its_own():
    """"指数达64.52%，提升幅度全国第2": 第2 is the rank asked by "提升幅度全国排老几", not how 64.52% changed."""
    found = [(f.value, f.change) for f in extract("综合科技创新水平指数达64.52%，提升幅度全国第2。")]
    assert found == [("64.52%", None), ("第2", None)]
    assert [(f.value, f.change) for f in extract("地区生产总值762亿元,增长7.1%")] == [("762亿元", "增长7.1%")]


# -- 到没到, 排多少, 24到25年, 几大指标, 都有哪几项 ----------------------------------------------------

QUANGANG = doc("qg", "泉州市泉港区", "2024-01-10")


def test_a_without_a_before_the_figure_asks_yes_or_no():
    """"到没到700亿": the verdict against 700亿, not the figure alone."""
    for text in ("泉港23年GDP到没到700亿", "泉港23年GDP破没破700亿", "泉港23年GDP够不够700亿"):
        q = parse(text, 2024)
        assert q.shape == Shape.YES_NO and q.threshold == "700亿"
        assert [t.text for t in q.terms] == ["地区生产总值", "泉港"]  # 没破, 够不够: no topic
    got = ask([(QUANGANG, ["2023年,全年预计实现地区生产总值623.68亿元。"])], "泉港23年GDP到没到700亿", "泉州市泉港区")
    assert got.answer.startswith("没") and "623.68亿元" in got.answer


def test_pai_duoshao_asks_the_rank_stated():
    q = parse("余杭新增国家级孵化载体数量全省排多少", 2023)
    assert q.unit == "rank" and q.metrics == ()
    got = ask([(doc("yh", "杭州市余杭区", "2023-01-10"), ["2022年,新增国家级孵化载体9家,数量位列全省第一。"])],
              "余杭新增国家级孵化载体数量全省排多少", "杭州市余杭区")
    assert "第1" in got.answer or "第一" in got.answer


def test_a_range_of_two_digit_years_names_both_and_faster_or_slower_asks_the_trend():
    q = parse("黑龙江GDP增速24到25年是快了还是慢了", 2026)
    assert q.years == (2024, 2025) and q.shape == Shape.TREND
    assert "24" not in [t.text for t in q.terms]


def test_how_many_headline_targets_and_which_items_are_an_overview():
    q = parse("河北26年定的几大指标给我讲讲", 2026)
    assert q.shape == Shape.OVERVIEW and q.kind == TARGET
    assert not {"给", "讲讲", "给我"} & {t.text for t in q.terms}
    q = parse("安次区2020年预期目标都有哪几项", 2020, doc_places=("安次区",))
    assert q.shape == Shape.OVERVIEW and q.kind == TARGET


def test_a_question_with_its_own_place_and_year_is_not_a_follow_up():
    previous = parse("昆山高新区去年GDP多少", 2020)
    q = parse("安次区2020年预期目标都有哪几项", 2020, doc_places=("安次区",), previous=previous)
    assert not q.follow_up and q.shape == Shape.OVERVIEW and "地区生产总值" not in q.metrics


def test_an_overview_goes_on_into_the_next_passage_where_its_statement_does():
    """"…社会消费品零售总额同比增长7%;" ends one passage, "固定资产投资同比增长16.4%;…" opens the next:
    one statement of the year's headline figures, quoted whole."""
    county = [(doc("fx", "宝鸡市凤县", "2025-01-10"),
               ["全年地区生产总值同比增长3.5%;规上工业增加值同比增长3%;社会消费品零售总额同比增长7%;",
                "固定资产投资同比增长16.4%;财政收入同口径增长4.5%。"])]
    got = ask(county, "凤县2024年经济整体咋样，几个主要数说下", "宝鸡市凤县")
    assert all(f in got.answer for f in ("3.5%", "3%", "7%", "16.4%"))


# -- paraphrases-dev6 ----------------------------------------------------------------------------

HENAN = doc("hn", "河南省", "2026-02-01")
HEBEI = doc("hb", "河北省", "2026-01-25")
PROVINCES = [(HENAN, ["2025年全省生产总值6.66万亿元。2025年全省生产总值增长5.6%，规上工业增加值增长8.4%。"]),
             (HEBEI, ["2025年全省生产总值4.93万亿元。2025年全省生产总值增长5.6%。"])]


def test_zhang_after_a_metric_asks_its_growth():
    q = parse("河北 河南 去年GDP各长了多少", 2026)
    assert q.unit == "percent" and q.asks_change
    got = ask(PROVINCES, "河南去年GDP长了多少", "河南省")
    assert "5.6%" in got.answer and "6.66万亿元" not in got.answer
    assert "6.66万亿元" in ask(PROVINCES, "河南去年GDP多少", "河南省").answer  # the amount, asked as one


ZONE = doc("zq", "肇庆高新区", "2023-01-16")
ZONE_TEXT = ["回望2022年，全区推动经济社会实现平稳较快发展。",
             "数据显示，2022年全区完成工业用电量22.9亿千瓦时，同比增长20.2%，完成存款余额190亿元、增长6%，"
             "还原留抵退税后，完成总税收42.18亿元，外贸进出口总额首次突破100亿元。"]


def test_an_overview_of_a_year_summed_up_in_other_figures_quotes_them():
    q = parse("肇庆高新区22年成绩单咋样啊", 2026, ("肇庆高新区",))
    assert q.shape == Shape.OVERVIEW
    got = ask([(ZONE, ZONE_TEXT)], "肇庆高新区22年成绩单咋样啊", "肇庆高新区")
    assert not got.abstained
    assert all(f in got.answer for f in ("22.9亿千瓦时", "190亿元", "42.18亿元", "2022"))


def test_an_overview_with_its_headline_figures_still_leads_with_them():
    """GDP and two more headline figures in one sentence: that sentence, not a denser one of other
    figures."""
    text = ["2022年实现地区生产总值432.6亿元，一般公共预算收入30亿元，固定资产投资211.9亿元。",
            "2022年新增孵化载体53个、国家级孵化载体9家、院士16名、海外人才14名、省级人才25名。"]
    got = ask([(ZONE, text)], "肇庆高新区22年成绩单咋样啊", "肇庆高新区")
    assert all(f in got.answer for f in ("432.6亿元", "30亿元", "211.9亿元")) and "53个" not in got.answer


def test_a_yes_no_word_right_before_a_figure_asks_yes_or_no():
    """"是不是1600亿斤", "是否增长6.5%": the figure compared with, though no verb such as 过 or 破 comes
    before it; a date after the yes/no word is no figure."""
    for text, figure in (("黑龙江今年粮食目标是不是1600亿斤", "1600亿斤"), ("南沙18年GDP是否增长6.5%", "6.5%"),
                         ("汉滨24年规上工业是不是涨了11%", "11%")):
        q = parse(text, 2026)
        assert (q.shape, q.threshold) == (Shape.YES_NO, figure)
    assert parse("是不是2025年的报告", 2026).threshold is None
    got = ask(PROVINCES, "河南去年GDP是不是增长6%", "河南省")
    assert got.answer.startswith("没") and "5.6%" in got.answer


def test_which_of_the_years_asks_the_trend_over_them():
    q = parse("河北社零前年去年哪年涨得快", 2026)
    assert q.shape == Shape.TREND and q.years == (2024, 2025)


NANSHA = doc("ns", "广州市南沙区", "2019-03-14")
NANSHA_TEXT = ["2018年实现地区生产总值1458.41亿元，增长6.5%；进出口总值2063.9亿元，增长5.8%，其中进口972.1亿元，增长20.9%。"]
LATER = (doc("gd", "广东省", "2026-01-20"), ["2025年地区生产总值增长3.9%。"])  # the default place: another 今年


def test_a_space_between_clauses_that_each_ask_a_figure_is_a_comma():
    assert parse("常州经开区18年固投涨了多少 规上产值多少", 2019).shape == Shape.CLAUSES
    assert parse("河北 河南 甘肃 去年GDP各长了多少", 2026).shape != Shape.CLAUSES  # places, then one figure
    got = ask([(NANSHA, NANSHA_TEXT), LATER], "南沙18年GDP多少 进出口多少", "广东省")
    assert "1458.41亿元" in got.answer and "2063.9亿元" in got.answer


def test_a_later_clause_without_a_topic_asks_the_first_clause_s():
    """"进口多少，增长了多少": the import's growth, though the place's reports are read for their own
    今年 (not the default place's) with no previous question; one line when one sentence answers both."""
    got = ask([(NANSHA, NANSHA_TEXT), LATER], "南沙18年进口多少，增长了多少", "广东省")
    assert "972.1亿元" in got.answer and "20.9%" in got.answer and "上一个问题" not in got.answer
    assert got.answer.count("972.1亿元") == 1


def test_a_phone_s_particles_are_no_topic_words():
    for text in ("泉港23年固投多少来着", "泉港23年固投是多少嘞", "泉港23年固投多少哈", "泉港23年固投多少呗"):
        assert [t.text for t in parse(text, 2024).terms] == ["固定资产投资", "泉港"]


GANSU = (doc("gs", "甘肃省", "2026-01-28"), ["2025年全省地区生产总值13697.5亿元。2025年地区生产总值增长5.8%，增速居全国第2位。"])


def test_a_rank_among_the_places_named_ranks_them_alone_by_the_rate_asked():
    """"河南甘肃哪个省去年GDP涨得最快": their growth rates, highest first, and not 河北's, which is
    covered but not asked about; not their amounts."""
    got = ask(PROVINCES + [GANSU], "河南甘肃哪个省去年GDP涨得最快", "河南省")
    assert "河北" not in got.answer and "6.66万亿元" not in got.answer
    assert got.answer.index("5.8%") < got.answer.index("5.6%")


def test_a_later_clause_asks_the_place_of_the_first_not_a_level_named_beside_it():
    """"甘肃去年GDP多少，全国排第几": 全国 is the level 甘肃 is ranked in, not a second place, so the
    second clause is 甘肃's too."""
    got = ask(PROVINCES + [GANSU], "甘肃去年GDP多少，全国排第几", "河南省")
    assert "13697.5亿元" in got.answer and "第2位" in got.answer


# -- who needs a word asking a name ---------------------------------------------------------------

def test_a_metric_asked_how_or_yes_no_is_its_figure_not_a_name():
    """"GDP怎么样", "GDP是不是下降了", "GDP是不是全国第二" name no person: the figure answers."""
    for text in ("浙江GDP怎么样", "河南GDP是不是下降了", "广东GDP是不是全国第二"):
        assert parse(text, 2026).shape == Shape.FIGURE, text
    assert "增长5.6%" in ask(PROVINCES, "河南GDP是不是下降了", "河南省").answer
    assert parse("广东GDP是不是全国第二", 2026).unit == "rank"


def test_whether_a_metric_ranks_where_asked_is_answered_by_the_rank_stated():
    assert ask(ZHEJIANG, "广东GDP是不是全国第二", "广东省").answer.startswith("不是，第1位")
    assert ask(ZHEJIANG, "浙江GDP是不是全国第四", "浙江省").answer.startswith("是的，第4位")
    assert ask(ZHEJIANG, "广东GDP全国第一吗", "广东省").answer.startswith("是的，第1位")


def test_a_name_is_still_asked_beside_a_metric_or_of_what_no_figure_states():
    assert parse("余杭区区长是谁", 2023).shape == Shape.WHO
    assert parse("江苏哪个园区在国家级经开区综合考核里稳居第一", 2026).shape == Shape.WHO
    assert parse("国家高新区排名是不是历史最好", 2019).shape == Shape.WHO  # no figure says 最好


def test_you_sha_lists_like_you_shenme():
    assert parse("江西今年有啥大项目要建成", 2026).shape == Shape.LIST


def test_a_follow_on_part_after_a_space_is_asked_as_after_a_comma():
    guangdong = [(doc("gd", "广东省", "2026-01-25"),
                  ["2025年,地区生产总值增长3.9%。", "2025年,地方一般公共预算收入增长3%。"])]
    for text in ("去年广东GDP涨多少 财政收入呢", "去年广东GDP涨多少，财政收入呢"):
        got = ask(guangdong, text, "广东省").answer
        assert "3.9%" in got and "一般公共预算收入增长3%" in got, text


def test_jingji_with_a_word_of_pace_asks_gdp_growth_bare_jingji_keeps_its_reading():
    q = parse("河南经济这两年是快了还是慢了", 2026)
    assert q.metrics == ("地区生产总值",) and q.shape == Shape.TREND and q.unit == "percent"
    henan = [(doc("hn25", "河南省", "2025-01-20"), ["2024年全省生产总值6.36万亿元、增长5.1%。"]),
             (HENAN, ["2025年全省生产总值6.66万亿元。2025年全省生产总值增长5.6%。"])]
    got = ask(henan, "河南经济这两年是快了还是慢了", "河南省").answer
    assert "5.1%" in got and "5.6%" in got and "6.66万亿元" not in got
    assert parse("河南经济咋样", 2026).shape == Shape.OVERVIEW
    assert parse("黑龙江报告说没说冰雪经济", 2026).mentioned == "冰雪经济"
    assert not parse("冰雪经济发展快不快", 2026).metrics  # a kind of economy, not the economy


def test_whether_a_metric_fell_is_answered_by_the_change_stated():
    got = ask(PROVINCES, "河南GDP是不是下降了", "河南省").answer
    assert got.startswith("没有，增长5.6%")
    fell = [(HENAN, ["2025年全省进出口总值下降3.2%。"])]
    assert ask(fell, "河南进出口是不是下降了", "河南省").answer.startswith("是的，下降3.2%")
    assert ask(fell, "河南进出口是否增长了", "河南省").answer.startswith("没有，下降3.2%")
    assert ask(fell, "河南进出口去年涨了没", "河南省").answer.startswith("没有，下降3.2%")  # asked at the end
    assert ask(fell, "河南进出口是不是降了", "河南省").answer.startswith("是的，下降3.2%")
    assert not ask(PROVINCES, "河南GDP增长多少", "河南省").answer.startswith(("是的", "没有"))


def test_a_four_digit_figure_with_its_unit_is_no_year():
    q = parse("长沙县GDP是不是破2000亿了", 2023)
    assert q.years == () and q.threshold == "2000亿" and q.shape == Shape.YES_NO
    assert parse("南沙18年进出口破2000亿没", 2019).years == (2018,)
    assert parse("GDP 2025 多少", 2026).years == (2025,)


def test_jiao_ge_sha_asks_a_name_and_jiao_is_no_topic():
    report = [(doc("zj", "浙江省", "2026-01-20"),
               ["2026年1月14日在浙江省第十四届人民代表大会第四次会议上 浙江省省长 刘捷",
                "2025年,全省生产总值增长5.5%。"])]
    for text in ("浙江省长叫个啥", "浙江省长叫啥"):
        assert "刘捷" in ask(report, text, "浙江省").answer, text
        assert [t.text for t in parse(text, 2026).terms if t.weight >= 1] == ["省长"], text


def test_a_rate_gives_no_verdict_on_an_amount():
    county = [(doc("csx", "长沙市长沙县", "2023-01-10"), ["2022年,全年地区生产总值同比增长4.5%。"])]
    got = ask(county, "长沙县GDP是不是破2000亿了", "长沙市长沙县").answer
    assert not got.startswith(("没有", "是的")) and "2000年" not in got


# -- 经济 with a growth word, an overview asked for its main figures, two groups before one metric ------

FENG = doc("fx", "凤县", "2025-01-20")
FENG_TEXT = ["2024年全县实现地区生产总值120.5亿元，增长6.3%，财政总收入5.21亿元、增长4.1%。",
             "固定资产投资88.6亿元，增长21.7%。",
             "城镇居民人均可支配收入41234元、增长5.2%，农村居民人均可支配收入15876元、增长7.4%。"]


def test_jingji_with_a_growth_word_asks_gdp_growth():
    for text in ("凤县24年经济涨了多少啊", "凤县24年经济长了多少"):
        q = parse(text, 2025, ("凤县",))
        assert q.metrics == ("地区生产总值",) and q.unit == "percent", text
        got = ask([(FENG, FENG_TEXT)], text, "凤县").answer
        assert "6.3%" in got and "21.7%" not in got, text


def test_a_year_asked_roughly_for_its_main_figures_is_an_overview():
    text = "凤县24年经济大概啥情况 说几个主要数"
    assert parse(text, 2025, ("凤县",)).shape == Shape.OVERVIEW
    got = ask([(FENG, FENG_TEXT)], text, "凤县")
    assert not got.abstained and "120.5亿元" in got.answer and "5.21亿元" in got.answer and "2024" in got.answer


def test_two_groups_joined_before_one_metric_ask_each_group_s():
    for text in ("凤县24年城里人跟农村人人均可支配收入分别多少", "凤县24年城镇和农村居民人均可支配收入分别多少"):
        got = ask([(FENG, FENG_TEXT)], text, "凤县").answer
        assert "41234元" in got and "15876元" in got and "没有认出" not in got, text
        q = parse(text, 2025, ("凤县",))
        assert q.shape == Shape.SEVERAL and q.metrics == ("城镇居民人均可支配收入", "农村居民人均可支配收入"), text
    assert parse("凤县城镇和农村人口各多少", 2025, ("凤县",)).metrics == ()  # no metric of the groups: as said
