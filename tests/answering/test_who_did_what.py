"""Who did what at a meeting, as news of it says: a speech asked however it is said ("谁讲的话",
"谁强调了…") is found by whichever verb the news reports it with (表示, 指出…), and by the person a
pronoun names ("他强调"); a meeting whose news has nobody do what is asked, or of another year than
asked, is a refusal that says what the news does say; a person is named plainly, not under the label
of the goal they spoke of. Then lists asked by their count and mentions of several things. Hand-made
reports: no model, no index on disk."""
from __future__ import annotations

import pytest
from handmade import Passages, asked_over, paragraphs_index, sentence_reports

from bot.answering.answerer import Answerer
from bot.answering.compose import Composer
from bot.answering.kinds import lists
from bot.answering.reading.question import LIST, parse
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TARGET, TimeLabel

HEFEI = {"doc_id": "hf", "place": "合肥经开区", "date": "2025-02-13", "title": "合肥经开区召开“新春第一会”"}
HEFEI_NEWS = ("2月13日上午,合肥经开区召开“新春第一会”,研究部署全年工作。过去一年,全区规上工业总产值增长11.3%。"
              "“如何发展新质生产力,那就是推进产业创新和科技创新深度融合。”合肥经开区党工委副书记李大勇表示,"
              "新质生产力是决定未来发展的“关键变量”。")
SONGSHAN = {"doc_id": "ssh", "place": "松山湖高新区", "date": "2011-01-20", "title": "松山湖高新区管委会举行2010年总结表彰大会"}
SONGSHAN_NEWS = ("昨日,松山湖高新区管委会举行2010年总结表彰大会,市委常委、常务副市长冷晓明出席大会并发表讲话。"
                 "据悉,2010年,松山湖高新区实现工业总产值266亿元。"
                 "冷晓明对松山湖高新区过去一年的工作给予充分的肯定。他强调,松山湖升级“国家级”以后,要抓紧落实国家赋予的一系列优惠政策。"
                 "松山湖高新区工委书记陈建枝对该区今后的发展进行了部署。他指出,在招商方面,园区升级后要严格把关。")
ZHOUKOU = {"doc_id": "zk", "place": "周口市", "date": "2009-02-14", "title": "市二届人大四次会议隆重开幕"}
ZHOUKOU_NEWS = ("2月14日上午,周口市第二届人民代表大会第四次会议在周口人民会堂隆重举行。市委书记毛超峰主持开幕式,"
                "市长徐光作政府工作报告。报告回顾了2008年的工作。")
YINCHUAN = {"doc_id": "yc", "place": "银川经济技术开发区", "date": "2019-03-20", "title": "银川经开区举行项目集中开工仪式"}
YINCHUAN_NEWS = ("3月20日,银川经开区举行项目集中开工仪式。据银川经济技术开发区管委会副主任唐翱介绍,下一步,"
                 "银川经开区将紧紧围绕到2021年打造“千亿级升级版经开区”的目标,加快推动三大主导产业聚集。")


def ask(question: str, doc: dict, text: str):
    return Answerer(Passages([doc], {doc["doc_id"]: text}), AnswerSettings(default_place=doc["place"])).ask(question)


@pytest.mark.parametrize("question", ["合肥经开区新春第一会上是谁讲的话",  # 讲的话 is 讲话
                                      "合肥经开区开会时谁表示要推进产业创新和科技创新深度融合"])
def test_a_speech_is_found_by_the_verb_the_news_reports_it_with(question):
    got = ask(question, HEFEI, HEFEI_NEWS)
    assert not got.abstained and "李大勇" in got.answer


@pytest.mark.parametrize("question, person, other", [
    ("谁强调了松山湖升级国家级以后要抓紧落实优惠政策", "冷晓明", "陈建枝"),
    ("园区升级后招商要严格把关是谁指出的", "陈建枝", "冷晓明"),
])
def test_a_pronoun_doing_what_is_asked_is_the_person_named_before_it(question, person, other):
    got = ask(question, SONGSHAN, SONGSHAN_NEWS)
    assert not got.abstained and person in got.answer and other not in got.answer


def test_news_naming_nobody_who_did_what_is_asked_refuses_and_says_what_it_does_say():
    got = ask("合肥经开区新春第一会是谁主持的", HEFEI, HEFEI_NEWS)
    assert got.abstained and got.answer.startswith("资料中没有写明谁主持")
    assert "李大勇" in got.answer and "2025年2月13日" in got.answer


def test_a_meeting_of_another_year_than_asked_is_a_refusal_naming_the_year_of_the_news():
    got = ask("周口2008年人代会开幕式谁主持的", ZHOUKOU, ZHOUKOU_NEWS)
    assert got.abstained and "2008年" in got.answer and "2009年2月14日" in got.answer
    got = ask("周口2009年人代会开幕式谁主持的", ZHOUKOU, ZHOUKOU_NEWS)
    assert not got.abstained and "毛超峰" in got.answer


def test_a_person_who_told_of_a_goal_is_named_on_the_day_not_under_the_goal_s_label():
    got = ask("银川经开区谁介绍了打造千亿级园区的目标", YINCHUAN, YINCHUAN_NEWS)
    assert not got.abstained and "唐翱" in got.answer
    assert "目标：" not in got.answer and "2019年3月20日" in got.answer
    got = ask("银川经开区到2021年打造千亿级升级版经开区是谁说的", YINCHUAN, YINCHUAN_NEWS)  # a year of what was said
    assert not got.abstained and "唐翱" in got.answer


@pytest.mark.parametrize("text", ["江西的民生实事是哪10件", "江西的民生实事是哪十件", "从哪12个方面部署的"])
def test_a_list_is_asked_by_its_count_in_figures_or_in_words(text):
    q = parse(text, 2025, ("江西省",))
    assert q.intent == LIST and not any(t.text in ("10件", "10", "12") for t in q.terms)


def test_one_asks_a_name_not_a_list():
    assert parse("江西哪一家企业上市了", 2025, ("江西省",)).intent != LIST


MENTIONS = [{"doc_id": "zj", "place": "浙江省", "date": "2026-01-14", "title": "2026年浙江省政府工作报告"}]
MENTIONED = {"zj": "举办第二届良渚论坛。培育长三角大飞机等国家先进制造业集群。"}


def answerer() -> Answerer:
    return Answerer(sentence_reports(MENTIONS, MENTIONED, TimeLabel(2025, RESULT)), AnswerSettings(default_place="浙江省"))


def test_two_things_asked_of_a_report_are_each_found_in_its_own_sentence():
    got = answerer().ask("浙江报告提到良渚和大飞机没")
    assert not got.abstained and "提到了良渚" in got.answer and "提到了大飞机" in got.answer
    assert {s.text for s in got.sources} == {"举办第二届良渚论坛。", "培育长三角大飞机等国家先进制造业集群。"}


def test_of_two_things_asked_the_one_a_report_does_not_name_is_said_not_mentioned():
    got = answerer().ask("浙江报告提到良渚和冰雪经济没")
    assert not got.abstained and "提到了良渚" in got.answer and "没有提到冰雪经济" in got.answer
    assert answerer().ask("浙江报告提到冰雪经济和可燃冰没").abstained


NOTES_DOC = {"doc_id": "jx", "title": "2025年测试省政府工作报告", "date": "2025-01", "place": "测试省"}
NOTES = paragraphs_index("jx", [(("附件", "名词注释"), TimeLabel(2025, TARGET), [(f"n{i}", text)]) for i, text in enumerate([
    "14.2025年10件民生实事：加大重点群体就业创业扶持力度、提高困难群众救助保障水平、提升残疾人关爱服务水平、"
    "提升城市居家社区和农村养老服务能力、开展肺癌筛查和早期干预、推进普惠托育服务体系建设、推进“可躺式”课桌椅进校园试点工作、"
    "提高农村义务教育学校学生上学交通服务保障水平、开展食品安全“你点我检”“你送我检”工作、推进“口袋体育公园”建设。",
    "15.基层“三馆一中心”：公共图书馆、美术馆、文化馆、基层综合性文化服务中心。"])])


def test_a_sentence_s_own_run_after_its_colon_is_the_list_its_words_announce():
    reports = Reports([NOTES_DOC], NOTES, AnswerSettings(default_place="测试省"))
    got = lists.answer(asked_over(reports, NOTES, NOTES_DOC, "测试省25年民生实事是哪10件", 2025, ["n0", "n1"]),
                       reports, Composer(reports, 0.5))
    assert not got.abstained and "美术馆" not in got.answer
    assert all(item in got.answer for item in ("就业创业扶持", "救助保障", "养老服务", "肺癌筛查", "上学交通", "口袋体育公园"))


FENG = {"doc_id": "fx", "place": "凤县", "date": "2025-02-11", "title": "凤县第十八届人民代表大会第四次会议隆重开幕"}
FENG_NEWS = ("2月11日,凤县第十八届人民代表大会第四次会议隆重开幕。大会主席团常务主席、县委书记蒋铃主持开幕大会。"
             "县政府深入学习贯彻习近平总书记历次来陕考察重要讲话重要指示精神,全力推动高质量发展。")


def test_a_speech_spoken_of_is_none_given_at_the_meeting():
    got = ask("谁在凤县人代会开幕大会上讲话", FENG, FENG_NEWS)
    assert got.abstained and "习近平" not in got.answer and "蒋铃主持开幕大会" in got.answer


def test_names_side_by_side_before_the_action_did_it_together():
    news = "2月2日,五莲县召开经济工作会议。马强、冯琳指出,开发区升级以来各项工作取得了显著成效。"
    doc = {"doc_id": "wl", "place": "五莲县", "date": "2012-02-02", "title": "五莲县召开经济工作会议"}
    got = ask("五莲县经济工作会议上是谁指出开发区升级以来取得了显著成效", doc, news)
    assert not got.abstained and "马强、冯琳指出" in got.answer


def test_a_name_the_news_gives_an_office_elsewhere_is_a_name_doing_what_is_asked():
    """jieba does not know every name ("卫华"): the news saying "市长卫华" makes it one."""
    doc = {"doc_id": "xy", "place": "咸阳市", "date": "2017-03-12", "title": "咸阳市第八届人民代表大会第一次会议隆重开幕"}
    news = ("3月12日,咸阳市第八届人民代表大会第一次会议隆重开幕,咸阳市市长卫华作政府工作报告。"
            "卫华指出,今后五年,咸阳经济社会发展要加快转型升级,推进创新创业。")
    got = ask("咸阳市人代会上谁指出今后五年要加快转型升级", doc, news)
    assert not got.abstained and "卫华指出" in got.answer and "市长卫华" in got.answer


JIANGXIAN = {"doc_id": "jx", "place": "绛县", "date": "2017-10-31", "title": "绛县召开前三季度经济形势分析会"}
JIANGXIAN_NEWS = ("10月31日,绛县召开前三季度经济形势分析会。会上,县委副书记、县长张明通报了今年前三季度经济形势,"
                  "安排部署了第四季度经济工作。前三季度,全县实现生产总值43.7亿元,同比增长8.4%。")


@pytest.mark.parametrize("question", ["绛县前三季度经济形势是谁通报的", "前三季度经济情况是谁通报的"])
def test_who_reported_on_the_economy_is_a_person_not_the_economy_s_figures(question):
    """An overview's words ("经济形势") are what the person asked did (通报, who_actions.tsv)."""
    got = ask(question, JIANGXIAN, JIANGXIAN_NEWS)
    assert not got.abstained and "张明" in got.answer and "43.7亿元" not in got.answer


def test_the_economy_asked_without_a_person_is_still_its_figures():
    got = ask("绛县前三季度经济形势怎么样", JIANGXIAN, JIANGXIAN_NEWS)
    assert not got.abstained and "43.7亿元" in got.answer and "张明" not in got.answer
