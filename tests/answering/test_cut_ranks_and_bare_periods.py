"""Development failures of round 17 (zones-heldout14, zones-dev16), each by its cause:
- a figure the end of the text cuts off ("…力争实现主营业务收入5", a page saved mid-sentence) is no figure: refused,
  never quoted as the target;
- a rank said right after its verb without 第 ("综合指标在全省工业园区排89位") is a rank, not a count in 位, and a time
  pointed back at right after the year asked ("03年那会儿") is that year, no topic word;
- a bare count of years in a question ("五年基础设施投了多少钱") asks of the years counted back, as "过去五年" does.
Hand-made reports (no index, no model)."""
from __future__ import annotations

import re

from answering.test_phone_phrasings import ask, doc
from conftest import ROOT
from handmade import QINGHE, Passages, zone_report

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.reading.word_numbers import ordinals
from bot.answering.settings import AnswerSettings
from index.reading.documents import CorpusError, load_document

YINGTAN = doc("yt", "江西鹰潭经济开发区", "2009-12-31")
RANKS = [(YINGTAN, ["2003年,开发区企业不到10家,主营业务收入不到1亿元,财政收入200多万元,综合指标在全省工业园区排89位。",
                    "2006年实现主营业务收入26亿元,比上年翻两番,综合指标在全省工业园区排32位。"])]


# -- a figure cut off by the end of the text -------------------------------------------------------

CUT = ("---\ntitle: 园区详情\ndate: 2009-12-31\nplace: 青禾高新区\nsource: 测试\n---\n"
       "2008年,全年实现主营业务收入128亿元,财政收入4.93亿元。\n"
       "2009年,开发区预计实现主营业务收入160亿元,财政收入7.1亿元。到“十一五”末,开发区力争实现主营业务收入5")


def _read(tmp_path, text: str) -> list[str]:
    path = tmp_path / "2009-青禾.txt"
    path.write_text(text, encoding="utf-8")
    return [p.text for p in load_document(path).paragraphs]


def test_a_number_the_end_of_the_text_cuts_is_no_figure(tmp_path):
    assert _read(tmp_path, CUT)[-1].endswith("开发区力争实现主营业务收入")
    # a figure with its unit, a sentence ended, a number not after a word: as written
    for end in ("后续帮扶项目户均2个", "数量均为全市第1。", "发布时间:2018-08-15"):
        assert _read(tmp_path, CUT.rsplit("\n", 1)[0] + "\n" + end)[-1].endswith(end)


def test_only_the_development_texts_cut_mid_figure_lose_their_last_number():
    """Checked over every development text: two end on a number a page cut off ("主营业务收入5", "第二产业增加值
    22.51"); the others lose nothing (a unit, a date or a sentence end closes them)."""
    cut = {}
    for path in sorted(p for top in ("tests", "corpus") for p in (ROOT / top).rglob("*") if p.suffix in (".txt", ".md")):
        try:
            document = load_document(path)
        except CorpusError:
            continue  # no report (a fixture of bad files)
        rest = document.text[document.paragraphs[-1].spans[-1][1]:].strip()
        if re.fullmatch(r"[\d.]+", rest):  # not a caption dropped after the last paragraph
            cut[path.name] = rest
    assert cut == {"2009-鹰潭经济开发区.txt": "5", "2009-乌拉特中旗.txt": "22.51"}


def test_a_target_cut_off_by_the_end_of_the_text_is_refused(tmp_path):
    text = "".join(_read(tmp_path, CUT))
    docs, texts = zone_report("园区详情", "2009-12-31", text)
    got = Answerer(Passages(docs, texts), AnswerSettings(default_place=QINGHE)).ask("青禾高新区十一五末主营业务收入目标定的多少")
    assert got.abstained and "收入5" not in got.answer and "160亿元" not in got.answer


# -- a rank without 第, a year pointed back at ------------------------------------------------------

def test_a_rank_right_after_its_verb_answers_a_rank_question():
    got = ask(RANKS, "鹰潭开发区03年综合指标在全省园区排第几", "江西鹰潭经济开发区")
    assert not got.abstained and "89位" in got.answer and "32位" not in got.answer
    got = ask(RANKS, "鹰潭开发区06年综合指标在全省排第几", "江西鹰潭经济开发区")
    assert not got.abstained and "32位" in got.answer


def test_a_bound_a_change_or_a_longer_word_is_no_rank():
    assert ordinals("综合指标在全省工业园区排89位") == "综合指标在全省工业园区排第89位"
    for text in ("综合指标在全省工业园区排10位以内", "创新能力综合指标排名提升7位", "安排12名干部"):
        assert ordinals(text) == text


def test_a_time_pointed_back_at_after_a_year_is_that_year():
    got = ask(RANKS, "03年那会儿鹰潭开发区综合指标在全省园区排第几", "江西鹰潭经济开发区")
    assert not got.abstained and "89位" in got.answer and "那会儿" not in got.answer
    got = ask(RANKS, "05年那会儿鹰潭开发区综合指标在全省园区排第几", "江西鹰潭经济开发区")  # refused as of 2005
    assert got.abstained and "2005年综合指标" in got.answer and "那会儿" not in got.answer
    assert parse("2003年那时候鹰潭开发区财政收入多少", 2010).years == (2003,)
    assert not any("当时" in t.text for t in parse("去年当时鹰潭开发区财政收入多少", 2010).terms)
    # with no year before it, it names none: a word no sentence answers
    assert "那会儿" in [t.text for t in parse("那会儿鹰潭开发区财政收入多少", 2010).terms]


# -- a bare count of years --------------------------------------------------------------------------

def test_a_bare_count_of_years_asks_of_the_years_counted_back():
    assert parse("青禾高新区五年基础设施投了多少钱", 2017).span == (2012, 2016)
    for question in ("生产总值两年平均增长多少", "GDP连续五年增长了吗", "五年前GDP多少", "三年行动投了多少", "GDP这两年怎么变化的"):
        assert parse(question, 2017).span is None, question


def test_a_bare_count_of_years_gets_the_review_s_total_over_its_period():
    docs, texts = zone_report("政府工作报告", "2016-11-24", "过去的五年,是基础设施投入最大的五年,累计投入5亿多元。"
                              "在谈项目投资规模近3亿元。")
    got = Answerer(Passages(docs, texts, ("一、过去五年工作回顾",)), AnswerSettings(default_place=QINGHE)).ask(
        "青禾高新区五年基础设施投了多少钱")
    assert not got.abstained and "5亿多元" in got.answer and "3亿元" not in got.answer
