"""The figures of projects a report names in the sentence before them: "…实施投资亿元以上重大项目125个。总投资678亿元,
截至10月底,已完成投资193亿元" gives the major projects' total and what was done by the end of October, asked with
their qualifier ("重大项目总投资多少 到10月底完成了多少"), not another project's total nor all investment.
Questions read by the parser, answers from hand-made passages; no model."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import Passages, paragraphs_index

from bot.answering.answerer import Answerer
from bot.answering.asked import Asked
from bot.answering.compose import Composer
from bot.answering.kinds import over_time
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.search.searcher import Hit, continued
from index.text.timelabel import RESULT, TimeLabel

PLACE = "青禾高新区"
DOC = {"doc_id": "qh", "place": PLACE, "date": "2022-11-20", "title": "青禾高新区推动重大项目建设"}
OTHER = "发展壮大优势产业链条,实施稀土产业项目36个,总投资98.8亿元。"
MAJOR = "组织实施投资亿元以上重大项目125个,其中工业项目83个,占比为历史最高。"
TOTAL = "总投资678亿元,截至10月底,已完成投资193亿元,完成全年计划投资的95%。"


def ask(question: str, text: str):
    return Answerer(Passages([DOC], {"qh": text}), AnswerSettings(default_place=PLACE)).ask(question)


def test_a_figure_opening_on_its_measure_is_of_the_things_the_sentence_before_names():
    got = ask("青禾高新区重大项目总投资多少", OTHER + MAJOR + TOTAL)
    assert not got.abstained and "678亿元" in got.answer and "98.8亿元" not in got.answer


def test_a_figure_with_a_subject_of_its_own_is_not_of_the_things_before():
    got = ask("青禾高新区重大项目总投资多少", MAJOR + "实施稀土产业项目36个,总投资98.8亿元。")
    assert "98.8亿元" not in got.answer


def test_what_was_done_by_a_month_s_end_is_the_figure_said_after_it():
    got = ask("青禾高新区重大项目总投资多少 到10月底完成了多少", OTHER + MAJOR + TOTAL)
    assert not got.abstained and "678亿元" in got.answer and "193亿元" in got.answer
    assert got.answer.index("678亿元") < got.answer.index("193亿元")


def _answer(paragraphs: list[list[tuple[str, str]]], ids: list[str]) -> str:
    """The answer to the major projects' total when the search gave the passages `ids` of `paragraphs`."""
    index = paragraphs_index("qh", [((), TimeLabel(2022, RESULT), chunks) for chunks in paragraphs])
    reports = Reports([DOC], index, AnswerSettings(default_place=PLACE))
    rows = {c.chunk_id: i for i, c in enumerate(index.chunks)}
    hits = [Hit(r, rows[cid], index.chunks[rows[cid]], DOC, 1.0 / r, r, r, continued(index.chunks, rows[cid]))
            for r, cid in enumerate(ids, 1)]
    q = reports.read("青禾高新区重大项目总投资多少", PLACE, None, one_place=True)
    asked = Asked(q.text, q, place=PLACE, now=2022, search=SimpleNamespace(hits=hits))
    return over_time.figure(asked, reports, Composer(reports, 0.5)).answer


def test_the_sentence_before_is_read_across_the_passages_of_one_paragraph_but_not_of_two():
    assert "678亿元" in _answer([[("other", OTHER)], [("major", MAJOR), ("total", TOTAL)]], ["other", "total"])
    assert "678亿元" not in _answer([[("other", OTHER)], [("major", MAJOR)], [("total", TOTAL)]], ["other", "total"])
