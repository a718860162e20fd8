"""Short sector names said one after the other before the tail they share ("二产三产增加值",
figure_words.tsv `run_together`) are two parts of a question, each answered with its own figure."""
from __future__ import annotations

import numpy as np

from bot.answering.answerer import Answerer
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings
from index.search.searcher import Hit
from index.text.chunking import Chunk, split_sentences
from index.text.timelabel import Frame, label

DOC = {"doc_id": "ty", "place": "湖南省株洲市天元区", "date": "2017-01-10", "title": "天元区2017年政府工作报告"}
TEXT = ("2016年,全区地区生产总值完成300.2亿元,增长10.8%。第一产业增加值10.3亿元,增长3.5%;"
        "第二产业增加值145.8亿元,同比增长11.3%;第三产业增加值144.1亿元,同比增长10.8%。")


class OneReport:
    """Every question retrieves the one report passage."""

    def __init__(self, text: str):
        sentences = tuple((s, e, label(text[s:e], Frame.of(DOC["date"]))) for s, e in split_sentences(text))
        self.chunk = Chunk("ty-0", "ty", text, (), ((0, len(text)),), sentences=sentences)
        self.index = type("Index", (), {"chunks": [self.chunk], "spans": {"ty": range(1)}})()

    def documents(self):
        return [DOC]

    def encode(self, texts):
        return np.zeros((len(texts), 4), dtype=np.float32)

    def search_encoded(self, query, qvec, k=5, doc_ids=None, *args, **kwargs):
        return [Hit(1, 0, self.chunk, DOC, 1.0, 1, 1)]


def test_two_sector_names_run_together_are_two_metrics():
    for said in ("二产三产增加值分别多少", "二产和三产增加值分别多少"):
        assert parse(said, 2017).metrics == ("第二产业增加值", "服务业增加值")
    assert parse("一产二产三产增加值分别多少", 2017).metrics == ("第一产业增加值", "第二产业增加值", "服务业增加值")


def test_each_of_two_sectors_run_together_gets_its_own_figure():
    got = Answerer(OneReport(TEXT), AnswerSettings(default_place="湖南省株洲市天元区")).ask("天元区16年二产三产增加值分别多少")
    assert not got.abstained and "145.8亿元" in got.answer and "144.1亿元" in got.answer
    assert "10.3亿元" not in got.answer
