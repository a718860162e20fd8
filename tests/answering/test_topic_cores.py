"""A topic named by its core alone (#23): "首店经济" asked, a report that says "引进首店120家" names it,
where few places' reports name 首店 at all; "数字经济" asked, "数字政府" does not, as most name 数字 in
senses of their own. Hand-made reports, no model: these routes need no passages."""
from __future__ import annotations

import pytest
from handmade import sentence_reports

from bot.answering.answerer import Answerer
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TimeLabel

TEXTS = {"江苏省": "发展首店经济。推进数字政府建设。", "浙江省": "引进首店120家，数字经济增长8%。",
         "广东省": "建设数字政府。", "河北省": "推进数字化转型。", "河南省": "发展数字乡村。",
         "甘肃省": "建成5G基站1万个。", "江西省": "新建改造公厕120座。", "湖南省": "培育独角兽企业8家。"}
DOCS = [{"doc_id": f"d{i}", "place": p, "date": "2026-01-20", "title": f"2026年{p}政府工作报告"}
        for i, p in enumerate(TEXTS)]


@pytest.fixture
def answerer():
    texts = {d["doc_id"]: TEXTS[d["place"]] for d in DOCS}
    return Answerer(sentence_reports(DOCS, texts, TimeLabel(2025, RESULT)), AnswerSettings(default_place="江苏省"))


def test_a_rare_core_stands_for_its_topic(answerer):
    got = answerer.ask("首店经济 有哪几个省在搞")
    assert "江苏" in got.answer and "浙江" in got.answer and "广东" not in got.answer


def test_a_core_most_places_name_does_not(answerer):
    got = answerer.ask("哪些省提到了数字经济")
    assert "浙江" in got.answer and not any(p in got.answer for p in ("江苏", "广东", "河北", "河南"))


@pytest.mark.parametrize("text, said", [("广东说没说数字经济", False), ("浙江说没说首店经济", True),
                                        ("江西提到首店经济了吗", False)])
def test_one_place_mentions_by_the_same_rule(answerer, text, said):
    assert answerer.ask(text).abstained is not said


def test_a_refusal_says_the_words_asked(answerer):
    assert "首店经济" in answerer.ask("江西提到首店经济了吗").answer
    assert "会展经济" in answerer.ask("哪些省提到了会展经济").answer
