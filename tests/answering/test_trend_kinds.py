"""A trend compares its years: each year is told in the same kind of figure (a level, or a growth rate),
the kind every year gives where the question asks for neither; a sentence stating both is quoted whole."""
from __future__ import annotations

from answering.test_who_and_counts import ask

DOCS = [{"doc_id": "a", "place": "河南省", "date": "2025-01-20", "title": "2025年河南省政府工作报告"},
        {"doc_id": "b", "place": "河南省", "date": "2026-01-20", "title": "2026年河南省政府工作报告"}]
TEXTS = {"a": "一、2024年工作回顾\n全年生产总值6.36万亿元、增长5.1%，社会消费品零售总额2.76万亿元增长6.1%。\n"
              "二、2025年工作安排\n主要预期目标是:经济增长5.5%左右，社会消费品零售总额增长6%左右。",
         "b": "一、2025年工作回顾\n生产总值6.66万亿元，社会消费品零售总额2.9万亿元，进出口总值9356.7亿元。\n"
              "一年来，生产总值增长5.6%，社会消费品零售总额增长5.6%，进出口总值增长14.1%。\n"
              "二、2026年工作安排\n主要预期目标是：经济增长5%左右，社会消费品零售总额增长5.5%左右。"}


def test_a_trend_tells_each_year_in_the_kind_every_year_gives():
    got = ask("河南社零这两年啥走势", DOCS, TEXTS, "河南省")
    lines = got.answer.split("\n")
    assert "2024年" in lines[0] and "2.76万亿元" in lines[0] and "6.1%" in lines[0]  # its sentence gives both
    assert "2025年" in lines[1] and "5.6%" in lines[1] and "2.9万亿元" not in lines[1]
    assert "2026年目标" in lines[2] and "5.5%" in lines[2]


def test_a_trend_whose_years_all_give_levels_keeps_the_levels():
    texts = {"a": "一、2024年工作回顾\n社会消费品零售总额2.76万亿元增长6.1%。",
             "b": "一、2025年工作回顾\n社会消费品零售总额2.9万亿元。"}
    got = ask("河南社零这两年啥走势", DOCS, texts, "河南省")
    assert "2.76万亿元" in got.answer and "2.9万亿元" in got.answer


def test_how_much_a_metric_grew_between_two_years_named_is_told_by_their_levels():
    got = ask("河南GDP 24年到25年涨了多少", DOCS, TEXTS, "河南省")
    assert "6.36万亿元" in got.answer and "6.66万亿元" in got.answer


def test_a_rate_asked_between_two_years_is_told_by_the_rates():
    got = ask("河南GDP增速24年到25年咋变的", DOCS, TEXTS, "河南省")
    assert "5.6%" in got.answer and "6.66万亿元" not in got.answer


def test_years_one_sentence_tells_alike_are_told_once():
    docs = [{"doc_id": "m", "place": "麦盖提县", "date": "2021-01-20", "title": "2021年麦盖提县政府工作报告"}]
    texts = {"m": "一、“十三五”时期及2020年工作回顾\n“十三五”的五年，是麦盖提极不平凡的五年。\n"
                  "经济保持稳定增长。预计全县生产总值从2015年的39.70亿元增长到2020年61.95亿元，年均增长9.3%；"
                  "工业增加值从1.66亿元增长到2.05亿元，年均增长4.32%。"}
    got = ask("麦盖提十三五这几年GDP涨了多少", docs, texts, "麦盖提县")
    assert "39.70亿元" in got.answer and "61.95亿元" in got.answer and got.answer.count("61.95亿元") == 1
