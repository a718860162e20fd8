"""Citizens' words against the official wording of real government work reports: which report
sentences answer a question asked in everyday words (社零, 物价, 老百姓收入, 外资…), which longer
official names never answer a shorter one, and what kind of figure a question wants.

The vocabulary lives in index/data/synonyms.tsv, userdict.txt, units.txt, stopwords.txt and
bot/data/question_cues.tsv, unit_groups.tsv; the sentences below are quoted from the provincial
reports in tests/reports/ (and the seed zone's own report). No index, no model.
"""
import pytest

from bot.answering.evidence import coverage, unit_agrees
from bot.answering.facts import extract
from bot.answering.reading.question import parse
from index.text.timelabel import TARGET

PROVINCES = ("江苏省", "浙江省", "广东省")


def ask(text, previous=None):
    return parse(text, 2026, PROVINCES, previous)


@pytest.mark.parametrize("question,sentence", [
    ("2025年社零增长目标是多少", "社会消费品零售总额增长5.5%左右"),
    ("今年物价涨幅控制在多少", "居民消费价格涨幅2%左右"),
    ("去年CPI涨了多少", "居民消费价格涨幅2%左右"),
    ("去年老百姓收入多少？", "城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%"),
    ("今年新增就业目标多少人", "城镇新增就业120万人，城镇调查失业率5%左右"),
    ("去年城镇新增就业完成目标没有", "城镇新增就业141万人"),
    ("去年失业率是多少", "城镇新增就业115.8万人，城镇调查失业率4.6%"),
    ("前年旅游收入有多少", "接待境内外游客超10.9亿人次，旅游总收入超1.3万亿元"),
    ("去年旅游收入增长多少", "全域旅游人数、旅游综合收入分别增长9.2%、10.2%"),
    ("去年实际利用外资多少", "实际使用外资115.6亿美元，其中制造业外资占比40.9%"),
    ("去年引进外资多少", "到账外资1.87亿美元"),  # the seed zone's own wording
    ("前年规上工业增加值增长多少", "规模以上工业增加值增长4.2%"),
    ("去年规上工业涨了多少", "规模以上工业增加值增长4.2%"),  # 规上工业 alone: its added value
    ("去年粮食产量多少", "粮食总产量1344亿斤"),
    ("城镇化率2030年要到多少？", "常住人口城镇化率达到78%左右"),
    ("今年研发强度目标是多少", "全社会研发投入强度3.42%左右"),
    ("研发经费投入增长多少", "全社会研发经费投入年均增长7%左右"),
    ("今年投资增长目标定了多少", "全年投资增长5%左右"),
    ("去年固定资产投资增长多少", "固定资产投资增长7%"),
    ("去年外贸进出口多少", "货物进出口总额9.5万亿元、增长4.4%"),
    ("前年财政收入有多少", "地方一般公共预算收入1.35万亿元，连续34年居全国首位"),
    ("单位GDP能耗降了多少", "单位地区生产总值能耗累计下降超14%"),
    ("人均GDP多少", "人均地区生产总值达16.7万元"),
    # a county-level city's statistics office (tests/cities5/2018-开平市.txt)
    ("网上零售增长了多少", "通过公共网络实现的商品销售的增长速度达25.4倍"),
])
def test_everyday_words_are_answered_by_the_official_wording(question, sentence):
    assert coverage(ask(question), sentence)[0] == 1.0


@pytest.mark.parametrize("question,sentence", [
    ("去年工业产值多少", "规上工业增加值增长6.9%"),
    ("规上工业增加值增长多少", "工业总产值1280亿元，增长6.7%"),
    ("规上工业增加值增长多少", "高新技术产业、新兴产业产值占规上工业产值比重分别为64.1%、63.1%"),
    ("去年GDP多少", "人均地区生产总值达16.7万元"),
    ("去年GDP多少", "海洋生产总值突破2万亿元"),
    ("今年GDP目标是多少", "单位地区生产总值二氧化碳排放降低完成国家下达任务"),
    ("去年居民收入多少", "城乡居民收入比缩小至2.04∶1"),
    ("去年老百姓收入多少", "一般公共预算收入增长2.1%，税占比达77.4%"),
    ("去年财政收入多少", "城乡居民人均可支配收入分别达6.9万元、3.4万元"),
    ("今年投资增长目标定了多少", "民间投资占比稳定在60%以上"),
    ("去年研发投入花了多少钱", "全社会研发投入强度3.42%左右"),
    ("去年研发投入强度多少", "全社会研发投入5350亿元、增长4.9%"),
    ("去年社零多少", "通过公共网络实现的商品销售的增长速度达25.4倍"),  # online sales are a part of retail
])
def test_a_longer_official_name_never_answers_a_shorter_one(question, sentence):
    assert coverage(ask(question), sentence)[0] == 0.0


def test_an_investment_question_has_a_topic_of_its_own():
    """投资 is a metric, not only a hint that money is asked: the question is answered, not
    taken for a follow-up of the previous one."""
    for previous in (None, ask("广东去年GDP多少")):
        q = ask("广东今年投资增长目标定了多少", previous)
        assert not q.follow_up and q.metrics == ("固定资产投资",) and q.kind == TARGET


def test_held_within_is_a_target_even_for_a_past_year():
    assert ask("广东2025年CPI涨幅控制在多少").kind == TARGET


@pytest.mark.parametrize("question,sentence,answers,not_answers", [
    # "增长了几个点" wants the rate, not the amount
    ("去年进出口增长了几个点", "货物进出口总额9.5万亿元、增长4.4%", "4.4%", "9.5万亿元"),
    ("去年财政收入增长了几个点", "一般公共预算收入增长2.1%，税占比达77.4%", "2.1%", None),
    ("今年投资增长目标定了多少", "全年投资增长5%左右", "5%左右", None),
    # a weight is asked: the harvest, not the sown area
    ("今年粮食产量要搞到多少吨", "确保粮食播种面积3320万亩、产量1285万吨以上", "1285万吨以上", "3320万亩"),
    ("去年粮食产量多少斤", "粮食播种面积1584.6万亩、总产量132.4亿斤", "132.4亿斤", "1584.6万亩"),
    # reports count in 万亿元, 亿人次, 万家
    ("前年旅游收入多少钱", "旅游总收入超1.3万亿元", "1.3万亿元", None),
    ("前年接待了多少人次游客", "接待境内外游客超10.9亿人次", "10.9亿人次", None),
    ("高新技术企业有多少家", "高新技术企业超6.1万家，科技型中小企业超10万家", "6.1万家", None),
])
def test_the_figure_asked_for_is_the_one_whose_unit_fits(question, sentence, answers, not_answers):
    q = ask(question)
    figures = {f.value: unit_agrees(q, f) for f in extract(sentence)}
    assert figures[answers]
    if not_answers:
        assert not figures[not_answers]


def test_amounts_asked_from_and_to_are_not_taken_for_a_rate():
    q = ask("十四五期间广东GDP从多少涨到了多少")
    figures = {f.value: unit_agrees(q, f) for f in extract("地区生产总值从11.37万亿元提高到14.58万亿元")}
    assert figures == {"11.37万亿元": True, "14.58万亿元": True}


@pytest.mark.parametrize("question,sentence", [
    ("2025年的政府工作报告是哪位省长做的", "2025年广东省政府工作报告——2025年1月15日在广东省第十四届人民代表大会第三次会议上广东省省长 王伟中"),
    ("去年拿到首个CBA总冠军的是哪支球队", "浙江广厦篮球俱乐部荣获我省首个CBA总冠军"),
])
def test_question_words_are_not_topics_the_answer_must_contain(question, sentence):
    q = ask(question)
    assert not {"哪位", "哪支"} & {t.text for t in q.terms}
    assert coverage(q, sentence)[0] >= 0.9
