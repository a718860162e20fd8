"""Figures said in ways the plain "名称+数字+单位" reading misses: the changes of a joint name's groups
after a 、 ("分别达到37462元和17597元、增长7%和10%"), a metric's name with a result verb inside it
("旅游业预计实现收入"), a round figure in words past a threshold ("突破百亿元,达到130亿元"), a rank after a
scope of its own ("南宁市县域第一"), and a list said as lines ending alike ("在…上有新突破"). Questions
read by the parser, answers composed from hand-made evidence; no model."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from handmade import asked_over, hit, paragraphs_index

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.facts import extract
from bot.answering.kinds import lists
from bot.answering.reading.question import parse
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TARGET, TimeLabel


def figure(text: str, sentence: str, year: int = 2018):
    """The figure answering `text` from one sentence, a result of `year`."""
    q = parse(text, year + 1)
    evidence = [Evidence(hit(sentence, 1), sentence, TimeLabel(year, RESULT), *coverage(q, sentence))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


INCOMES = ("一年来,地区生产总值增长5.1%,一般公共预算收入完成3.98亿元,城乡常住居民人均可支配收入分别达到37462元和"
           "17597元、增长7%和10%。")


@pytest.mark.parametrize("text,own,other", [("城镇常住居民人均可支配收入多少", "37462元", "17597元"),
                                            ("城镇居民收入增长多少", "增长7%", "10%"),
                                            ("农村居民收入增长了多少", "增长10%", "7%"),
                                            ("农村牧区居民收入增长了多少", "增长10%", "7%")])
def test_the_changes_of_a_joint_name_after_a_list_mark_go_each_to_its_group(text, own, other):
    got = figure(text, INCOMES)
    assert not got.abstained and own in got.answer and other not in got.answer


OUTPUT = "林产工业预计实现产值10.2亿元,增长12%。绿色食品业预计实现产值18.1亿元,增长19.9%。旅游业预计实现收入12.5亿元,增长35.3%。"


@pytest.mark.parametrize("text,sentence,own", [("旅游业收入多少", OUTPUT.split("。")[2], "12.5亿元"),
                                               ("林产工业产值增长多少", OUTPUT.split("。")[0], "增长12%")])
def test_a_result_verb_inside_a_metric_name_does_not_hide_the_metric(text, sentence, own):
    got = figure(text, sentence, year=2011)
    assert not got.abstained and own in got.answer


def test_a_round_figure_written_in_words_is_the_threshold_not_the_figure():
    got = figure("在哈洽会上签约总额多少", "在第22届哈洽会上,签订经贸项目25个,其中亿元以上项目17个,签约总额首次突破百亿元,"
                                         "达到130亿元,比上届多51亿元。", year=2011)
    assert not got.abstained and "签约总额首次达到130亿元" in got.answer and "哈洽会上" not in got.answer


def test_a_round_figure_in_words_with_nothing_beyond_it_is_the_figure_with_its_change():
    assert [(f.value, f.number, f.unit, f.change) for f in extract("地区生产总值首次破千亿,增长6%")] \
        == [("千亿", 1000, "亿", "增长6%")]


@pytest.mark.parametrize("said", ["总量稳居南宁市县域第一", "总量排南宁市县域第二"])
def test_a_rank_in_words_after_a_scope_of_its_own_is_the_metrics_rank(said):
    got = figure("GDP在南宁县域排多少名", f"全市地区生产总值完成423.46亿元,{said}、全区县域前列,增长5.4%。", year=2025)
    assert not got.abstained and said[-2:] in got.answer.replace("第1", "第一").replace("第2", "第二")


DOC = {"doc_id": "k-2011", "title": "2011年测试开发区工作会议", "date": "2011-03", "place": "测试开发区"}
PLAN = TimeLabel(2011, TARGET)
PARAGRAPHS = [
    ("count", PLAN, "会议提出,全面提升开发区整体实力,着力实现“六个”新突破,切实发挥“引擎”作用。"),
    ("lines", PLAN, "会议指出,各项工作取得了显著成效,但还存在很大差距。各园区要转变观念,明确功能定位,在壮大特色产业上有新突破;"
                    "扩大对外开放,在加快招商引资上有新突破;加强科技创新,在提高创新能力上有新突破;节约利用资源,在发展循环经济上"
                    "有新突破。"),
]
INDEX = paragraphs_index(DOC["doc_id"], [((), label, [(cid, text)]) for cid, label, text in PARAGRAPHS])
REPORTS = Reports([DOC], INDEX, AnswerSettings(default_place="测试开发区"))


def test_lines_ending_alike_are_the_list_of_what_they_tell_apart():
    got = lists.answer(asked_over(REPORTS, INDEX, DOC, "那几个新突破都是啥", 2011, ["count"]), REPORTS,
                       Composer(REPORTS, 0.5))
    assert not got.abstained and "共4项" in got.answer
    assert all(item in got.answer for item in ("壮大特色产业", "加快招商引资", "提高创新能力", "发展循环经济"))
    assert "还存在很大差距" not in got.answer


def test_lines_ending_alike_in_a_word_or_two_are_no_list():
    assert lists.repeated(["推进技术改造。", "加快转型发展。", "深化改革发展。"], 0, "改革发展有哪些") == ([], "")


def test_lines_ending_alike_in_words_the_question_does_not_end_on_are_no_list():
    lines = ["集聚资源,打造具有国际影响力的千亿级产业集群;", "推动产业链延伸,打造占据关键环节的500亿级产业集群;",
             "突破关键技术,打造具有行业话语权的百亿级产业集群。"]
    assert lists.repeated(lines, 0, "三大支柱产业是哪几个") == ([], "")
    assert lists.repeated(lines, 0, "要打造哪几个产业集群")[0] == ["具有国际影响力的千亿级", "占据关键环节的500亿级",
                                                              "具有行业话语权的百亿级"]
