"""The 十一五 (2006–2010) is a period like the later plans, reviewed by the reports of 2008–2012:
- under "一、“十一五”发展回顾和2010年工作情况", a paragraph opening by naming the period speaks of it (its
  累计 are 2006–2010's), one opening by naming 2010 of that year;
- a period a multiple is said of ("是“十一五”末的1.7倍", "为“十三五”时期的2.2倍") is the base of the figure,
  not its time;
- "十五" alone is no period: it is inside 十五五 and 第十五届."""
import pytest

from index.reading.documents import load_document
from index.text.chunking import chunk_document
from index.text.timelabel import RESULT, periods_in, years_in


def test_the_eleventh_plan_is_a_period():
    assert periods_in("“十一五”期间，全县地区生产总值年均增长16%") == [(2006, 2010)]


@pytest.mark.parametrize("text,spans", [("五年累计完成全社会固定资产投资是“十五”时期的6倍", []),
                                        ("顺利完成了县十五届人大四次会议确定的目标任务", []),
                                        ("“十五五”时期地区生产总值年均增长5%", [(2026, 2030)])])
def test_fifteen_alone_is_no_period(text, spans):
    assert periods_in(text) == spans


@pytest.mark.parametrize("text,spans,years", [
    ("省国资委监管企业“十四五”时期利润总额为“十三五”时期的2.2倍", [(2021, 2025)], []),
    ("境内财政收入43.58亿元，分别是“十一五”末的2.35倍和2.85倍", [], []),
    ("“十二五”期间，生产总值达到150亿元，是“十一五”末的1.7倍", [(2011, 2015)], []),
])
def test_a_period_a_multiple_is_said_of_is_its_base(text, spans, years):
    assert periods_in(text) == spans and years_in(text, 2017) == years


def test_a_review_of_the_eleventh_plan_and_its_last_year(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: 政府工作报告\ndate: 2011-01-04\nplace: 测试市\nsource: 合成\n---\n"
                    "一、“十一五”发展回顾和2010年工作情况\n\n“十一五”时期是全市发展极不平凡的五年。五年累计完成全社会固定"
                    "资产投资420亿元，是“十五”时期的6倍。五年净增规模以上企业211家。\n\n2010年，全市经济平稳较快发展。"
                    "完成全社会固定资产投资120亿元，增长25%。", encoding="utf-8")
    got = {s[:8]: (tl.year, tl.kind, tl.span) for c in chunk_document(load_document(path), 400)
           for s, tl in c.labelled_sentences()}
    assert got["五年累计完成全社"] == got["五年净增规模以上"] == (None, RESULT, (2006, 2010))
    assert got["完成全社会固定资"] == (2010, RESULT, None)
