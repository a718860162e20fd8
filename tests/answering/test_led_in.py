"""What a figure is of when its own sentence does not say it: the prose leading into it in its paragraph (the sentences
stating no figure right before it) names its topic ("…脱贫攻坚取得决定性战果。…统筹投入各项资金37.7亿元"), never a metric's
figure; and a figure in an aside naming an earlier year ("19个(去年全年12个)") is that year's.
Questions read by the parser, answers from hand-made passages; no model."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import Passages, paragraphs_index

from bot.answering.answerer import Answerer
from bot.answering.sentences.carried import led_in
from bot.answering.sentences.dated import aside_year
from bot.answering.settings import AnswerSettings
from index.search.searcher import continued
from index.text.timelabel import RESULT, TimeLabel

PLACE = "青禾县"
DOC = {"doc_id": "qh", "place": PLACE, "date": "2019-02-20", "title": "青禾县政府工作报告"}
POVERTY = ("过去一年,我们把消除贫困作为第一使命,精准施策,脱贫攻坚取得决定性战果。举全县之力,向贫困发起总攻。"
           "制定系列文件,统筹投入各项资金37.7亿元。金融扶贫引入资本,新增扶贫小额信贷2.3亿元。")


def ask(question: str, text: str, doc: dict = DOC):
    return Answerer(Passages([doc], {doc["doc_id"]: text}), AnswerSettings(default_place=doc["place"])).ask(question)


def test_the_prose_leading_into_a_figure_names_what_it_is_of():
    got = ask("青禾脱贫攻坚一共投了多少钱", POVERTY)
    assert not got.abstained and "37.7亿元" in got.answer and "2.3亿元" not in got.answer


def test_the_lead_in_stops_at_a_sentence_stating_a_figure():
    text = "脱贫攻坚取得决定性战果,贫困发生率降至0.5%。制定系列文件,统筹投入各项资金37.7亿元。"
    assert ask("青禾脱贫攻坚一共投了多少钱", text).abstained


def test_a_metric_named_only_in_the_lead_in_is_not_the_figure_s():
    text = "地区生产总值稳步提升。规上工业增加值完成80亿元。"
    assert "80亿元" not in ask("青禾县2018年地区生产总值多少", text).answer


def test_a_date_of_a_thing_named_in_the_sentence_before():
    text = "其中,中关村科技园百亿级电子信息产业园分两期开展建设。项目一期预计2020年底全部竣工,项目二期已开展前期建设。"
    got = ask("青禾中关村那个电子信息产业园一期啥时候能完工", text)
    assert not got.abstained and "2020年底" in got.answer


def test_a_mission_said_in_the_paragraph_s_heading_and_in_other_words():
    """抗疫 is said 疫情 (figure_words.tsv `also_said:抗疫`), in the dash-led heading leading in; 去 asks nothing."""
    text = ("——防好了新冠疫情。面对世纪疫情,全县没有封过城、断过交。"
            "选派16批次162人次医务、流调等人员赶赴上海、贵阳、遵义等地支援,圆满完成任务。")
    got = ask("青禾派了多少人去外地支援抗疫", text)
    assert not got.abstained and "162人次" in got.answer


def test_the_lead_in_is_read_in_its_paragraph_only():
    index = paragraphs_index("qh", [((), TimeLabel(2018, RESULT), [("a", "脱贫攻坚取得决定性战果。")]),
                                    ((), TimeLabel(2018, RESULT), [("b", "举全县之力。"), ("c", "统筹投入各项资金37.7亿元。")])])
    hit = lambda row: SimpleNamespace(chunk=index.chunks[row], before=continued(index.chunks, row))  # noqa: E731
    assert "举全县之力" in led_in(hit(2), 0) and "脱贫攻坚" not in led_in(hit(2), 0)
    assert led_in(hit(1), 0) == ""


TAIZHOU = {"doc_id": "tz", "place": "青禾经济技术开发区", "date": "2025-11-21", "title": "青禾经开区1-10月工作总结"}
ASIDE = "今年截至目前共引进亿元以上项目19个(去年全年12个),其中10亿元以上3个。"


def test_a_figure_in_an_aside_naming_an_earlier_year_is_that_year_s():
    got = ask("青禾经开区2024年全年引进亿元以上项目几个", ASIDE, TAIZHOU)
    assert not got.abstained and got.value == "12个" and "2024年" in got.answer


def test_an_aside_names_its_year_as_the_report_reads_it():
    assert aside_year("(去年全年", "2025-11-21") == 2024
    assert aside_year("（2023年", "2025-11-21") == 2023
    assert aside_year("今年截至目前共引进亿元以上项目", "2025-11-21") is None


def _led(text: str, i: int) -> str:
    chunk, = Passages([DOC], {"qh": text}).chunks.values()
    return led_in(SimpleNamespace(chunk=chunk, before=None), i)


def test_a_lead_in_naming_things_joined_is_of_neither():
    """What follows "…新兴产业和未来产业。" speaks of one of them (figure_words.tsv `things_joined`)."""
    assert "未来产业" in _led("培育壮大未来产业。着力打造新兴支柱产业，新落地项目32个。", 1)
    assert _led("培育壮大新兴产业和未来产业。着力打造新兴支柱产业，新落地项目32个。", 1) == ""


def test_a_sentence_stating_no_figure_or_year_takes_no_lead_in():
    assert _led("脱贫攻坚取得决定性战果。举全县之力,向贫困发起总攻。", 1) == ""


def test_a_list_s_items_are_its_own_sentence_s():
    text = "巩固传统市场,开拓东盟、中亚、拉美、非洲等新兴市场。深入开展内外贸一体化试点,培育内外贸一体化企业30家。"
    got = ask("青禾县外贸要开拓哪些新兴市场", text)
    assert "东盟" in got.answer and "30家" not in got.answer
