"""Figures said before their names, on hand-made sentences: a list of shares ("全县18.3%的工业产值、
26%的税收…") quotes the asked item alone, and a share is no level nor growth of the metric; 主营收入 is
the firms' 主营业务收入."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TimeLabel

SHARES = ("园区以占全县3.2%的面积，贡献了全县18.3%的工业产值、26%的财政收入、61%的外贸出口额和约40%的"
          "规模以上工业主营业务收入，吸纳就业2.1万人。")


def _ask(text: str, sentence: str = SHARES, year: int = 2020):
    q = parse(text, year + 1)
    said = [Evidence(hit(sentence, 1), sentence, TimeLabel(year, RESULT), *coverage(q, sentence))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, said)


def test_a_share_asked_is_quoted_with_its_own_item_only():
    for asked, own, others in (("工业产值占全县多少", "18.3%", ("26%", "61%")),
                               ("财政收入占全县比重多少", "26%", ("18.3%", "61%")),
                               ("外贸出口额占全县几成", "61%", ("26%", "40%")),
                               ("规模以上工业主营业务收入占全县多少", "40%", ("61%", "18.3%"))):
        got = _ask(asked)
        assert not got.abstained and own in got.answer, (asked, got.answer)
        assert not any(o in got.answer for o in others), (asked, got.answer)


def test_a_share_said_before_its_name_is_no_growth_of_it():
    got = _ask("工业产值增长了多少")
    assert got.abstained and "资料中只有" in got.answer


def test_main_business_income_for_short_is_the_firms_sales():
    got = _ask("规上工业主营收入占全县多少")
    assert not got.abstained and "40%" in got.answer and "61%" not in got.answer
