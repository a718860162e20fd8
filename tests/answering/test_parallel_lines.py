"""Lists a report gives as parallel lines, not numbered ("在抓科创…推动经济发展高质量；在提颜值…推动
城乡建设高质量；…", or headline paragraphs "加力提振消费。…" "加力扩大投资。…"): read as a list of
those lines, with their count; lines that merely follow one another are no list. Hand-made
reports: no model, no index on disk."""
from __future__ import annotations

from handmade import asked_over, paragraphs_index

from bot.answering.compose import Composer
from bot.answering.kinds import lists
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TARGET, TimeLabel

DOC = {"doc_id": "z-2019", "title": "2019年测试区工作会议", "date": "2019-01", "place": "测试区"}
PLAN, DONE = TimeLabel(2019, TARGET), TimeLabel(2018, RESULT)
WORK = ("二、2019年工作",)
INDUSTRY = ("三、产业",)
# (id, section, label, text): one paragraph each
PARAGRAPHS = [
    ("lines", (), PLAN, ("在抓科创、转动能中推动经济发展高质量；在提颜值、塑品质中推动城乡建设高质量；"
                         "在补短板、惠民生中推动群众生活高质量；……")),
    ("year", (), PLAN, "新的一年，测试区将锐意进取，推动全区实现高质量发展新跃升。"),
    ("done", (), DONE, "新建公厕13座。开通公交线路3条。绿地面积增加20公顷。"),
    ("head", WORK, PLAN, "扩大内需要打好组合拳。"),
    ("h1", WORK, PLAN, "加力提振消费。落实以旧换新政策，办好购物节。"),
    ("h2", WORK, PLAN, "加力扩大投资。实施重大项目100个。"),
    ("h3", WORK, PLAN, "加力稳住楼市。推进城中村改造。"),
    ("tail", WORK, PLAN, "各位代表！"),
    ("f1", INDUSTRY, PLAN, "加快传统产业优化升级。推进技术改造。"),
    ("f2", INDUSTRY, PLAN, "加快未来产业发展壮大。大力发展具身智能、量子科技、氢能等未来产业。"),
    ("f3", INDUSTRY, PLAN, "加快服务业优质高效发展。培育服务业新业态。"),
]


INDEX = paragraphs_index(DOC["doc_id"], [(section, label, [(cid, text)]) for cid, section, label, text in PARAGRAPHS])
REPORTS = Reports([DOC], INDEX, AnswerSettings(default_place="测试区"))


def ask(text: str, ids: list[str]):
    """The list answer when the chunks `ids` (in rank order) are what the search gave."""
    return lists.answer(asked_over(REPORTS, INDEX, DOC, text, 2019, ids), REPORTS, Composer(REPORTS, 0.5))


def test_a_paragraph_of_parallel_lines_is_the_list_though_only_a_sentence_beside_it_was_retrieved():
    got = ask("测试区要在哪几块推动高质量", ["year"])
    assert got.answer == ("测试区2019年目标：共3项：在抓科创、转动能中推动经济发展高质量；"
                          "在提颜值、塑品质中推动城乡建设高质量；在补短板、惠民生中推动群众生活高质量。")
    assert got.sources[0].text.startswith("在") and got.sources[0].text.endswith("高质量；")  # one of the lines cited


def test_headline_paragraphs_opening_alike_are_the_list_without_the_text_under_them():
    got = ask("测试区要加力做哪几件事", ["h2", "head"])
    assert not got.abstained and "共3项" in got.answer
    assert all(line in got.answer for line in ("加力提振消费", "加力扩大投资", "加力稳住楼市"))
    assert "以旧换新" not in got.answer and "各位代表" not in got.answer


def test_short_lines_opening_differently_are_no_list():
    got = ask("测试区新建了哪些设施", ["done"])
    assert "共3项" not in got.answer and "公厕13座" in got.answer


def test_a_headline_naming_the_topic_among_others_that_do_not_is_no_list_of_it():
    got = ask("测试区要发展哪些未来产业", ["f2"])
    assert "具身智能" in got.answer and "量子科技" in got.answer
    assert "共3项" not in got.answer and "传统产业" not in got.answer
