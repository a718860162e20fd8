"""Evidence rules on hand-made sentences: coverage, unit agreement (unit_groups.tsv), time agreement."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering.evidence import Sentences, Source, assess, coverage, gather, time_agrees, unit_agrees
from bot.answering.facts import extract
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TARGET, TimeLabel

from handmade import DOC, hit, question


def fact(sentence):
    (only,) = extract(sentence)
    return only


def test_the_metric_must_be_named_for_any_coverage():
    q = question("地区生产总值", "全年", aliases=("gdp",))
    assert coverage(q, "全年一般公共预算收入90亿元") == (0.0, ("地区生产总值",))
    assert coverage(q, "全年GDP达762亿元") == (1.0, ())
    assert coverage(q, "地区生产总值762亿元") == (pytest.approx(2 / 3), ("全年",))


@pytest.mark.parametrize("sentence,group,agrees", [
    ("地区生产总值762亿元", "money", True),
    ("地区生产总值762亿元", "percent", False),
    ("地区生产总值762亿元,增长7.1%", "percent", True),       # through its growth rate
    ("研发投入占比提升0.5个百分点", "percent", False),   # a share answers only a share asked (below)
    ("综合实力排名第47位,提升5个名次", "rank", True),
    ("综合实力排名第47位,提升5个名次", "count", False),      # "个名次" is a rank, not a count of 个
    ("入选国家级人才10名", "count", True),
    ("入选国家级人才10名", None, True),                     # no unit asked: anything agrees
])
def test_unit_agreement_follows_the_unit_groups(sentence, group, agrees):
    assert unit_agrees(question("x", unit=group), fact(sentence)) is agrees


def test_a_share_agrees_when_the_question_asks_a_share():
    asked = replace(question("研发投入", unit="percent"), normalised="研发投入占比提升多少")
    assert unit_agrees(asked, fact("研发投入占比提升0.5个百分点"))


@pytest.mark.parametrize("asked,sentence,agrees", [
    ("临夏县一共脱贫多少人", "116个贫困村全部出列", False),  # a count of villages is no count of people
    ("临夏县一共脱贫多少人", "累计11000人脱贫", True),
    ("派了几个人去支援", "派出医护人员10名", True),
    ("有几个贫困村出列", "116个贫困村全部出列", True),      # a count of things asked: any count
    ("有几家企业,带动多少人就业", "新增企业12家", True),    # each part of several its own unit
])
def test_a_count_asked_in_people_is_answered_in_people(asked, sentence, agrees):
    assert unit_agrees(replace(question("脱贫", unit="count"), normalised=asked), fact(sentence)) is agrees


@pytest.mark.parametrize("label,agrees", [
    (TimeLabel(2018, RESULT), True),
    (TimeLabel(2018, None), True),        # an unlabelled kind does not contradict
    (TimeLabel(2018, TARGET), False),
    (TimeLabel(2019, RESULT), False),
    (TimeLabel(None, RESULT), False),
])
def test_time_agreement(label, agrees):
    assert time_agrees(question("x", year=2018, kind=RESULT), label) is agrees


def test_gather_labels_each_sentence_against_its_report_year():
    q = question("地区生产总值")
    ev = gather(q, [hit("2018年地区生产总值762亿元。2019年地区生产总值目标810亿元。")])
    assert [(e.sentence, e.label.year) for e in ev] == [
        ("2018年地区生产总值762亿元。", 2018), ("2019年地区生产总值目标810亿元。", 2019)]
    assert ev[1].label.kind == TARGET and all(e.coverage == 1.0 for e in ev)


def test_a_source_cites_the_sentence_and_keeps_the_whole_passage():
    h = hit("第一句。地区生产总值762亿元。", section=("成绩单",))
    s = gather(question("地区生产总值"), [h])[1].source()
    assert s == Source(DOC["doc_id"], DOC["title"], "成绩单", "地区生产总值762亿元。", 1.0,
                       "第一句。地区生产总值762亿元。", "c1", DOC["place"])


def test_sentences_read_once_are_assessed_as_each_sentence_alone():
    """An overview assesses the same sentences for every metric; those that cannot name the metric
    are told apart in one pass, with the coverage the sentence gets on its own."""
    hits = [hit("2018年地区生产总值762亿元。一般公共预算收入90亿元。", 1),
            hit("人均GDP超过3万美元。全年ＧＤＰ达762亿元。", 2, section=("地区生产总值",)),
            hit("粮食面积、总产、单产实现两增一稳。", 3)]
    gdp = question("地区生产总值", "全年", aliases=("gdp",))
    per_head = replace(gdp, terms=(replace(gdp.terms[0], shadows=("人均gdp",)),) + gdp.terms[1:])
    sentences = Sentences(hits)
    for q in (gdp, per_head, question("粮食总产"), question("一般公共预算收入"), question("财政收入")):
        assert [(e.coverage, e.missing) for e in assess(q, sentences)] == [
            coverage(q, f"{s.hit.chunk.section_title()} {s.text}") for s in sentences.items]


def test_a_count_of_trading_firms_does_not_name_the_trade_volume():
    """外贸企业 is a metric of its own (synonyms.tsv): its name inside a passage is not 进出口总额."""
    q = parse("2024年外贸进出口总额多少", 2025)
    assert coverage(q, "新增有实绩进出口外贸企业132家")[0] == 0
    assert coverage(q, "外贸进出口总额增长5.1%")[0] > 0


def test_the_car_output_is_named_as_整车产量_and_not_by_the_new_energy_cars_alone():
    q = parse("2025年汽车产量目标是多少辆", 2025)
    assert coverage(q, "力争整车产量200万辆、新能源汽车140万辆")[0] > 0
    assert coverage(q, "新能源汽车产量突破70万辆")[0] == 0
