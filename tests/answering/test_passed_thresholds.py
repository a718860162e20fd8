"""A threshold said after the figure that passed it ("完成312.6亿元,首次突破300亿元大关,同比增长6.8%"): an aside of
that figure, so the change and the gaps after it are the figure's."""
from __future__ import annotations

from answering.test_who_and_counts import ask

from bot.answering.facts import extract

PLACE = {"doc_id": "hx", "place": "和兴县", "date": "2020-02-18", "title": "政府工作报告"}
YEAR = ("一、2019年工作回顾\n2019年,全县地区生产总值完成312.6亿元,首次突破300亿元大关,同比增长6.8%,高于全省增速"
        "1.2个百分点;一般公共预算收入完成9.3亿元,增长3.1%。")


def test_the_change_after_a_threshold_passed_is_the_figure_s():
    changes = {f.value: f.change for f in extract(YEAR.splitlines()[1])}
    assert changes["312.6亿元"] == "同比增长6.8%" and changes["300亿元"] is None


def test_the_gap_after_a_threshold_passed_is_the_figure_s():
    got = ask("和兴县GDP比全省高多少", [PLACE], {"hx": YEAR}, "和兴县")
    assert not got.abstained and "1.2个百分点" in got.answer and "312.6亿元" in got.answer
