"""Rules round 16 needed, on hand-made reports (no index, no model): 哪 typed as its homophone 那 before the word for
an official or a person ("是那个领导通报的") asks who, while 那个 alone is that one."""
from __future__ import annotations

from handmade import Passages

from bot.answering.answerer import Answerer
from bot.answering.reading.asks import asks_person
from bot.answering.reading.question import parse
from bot.answering.settings import AnswerSettings


def ask(question: str, docs: list[dict], texts: dict[str, str]):
    return Answerer(Passages(docs, texts), AnswerSettings(default_place=docs[0]["place"])).ask(question)


# -- who: 哪 typed as 那 ------------------------------------------------------------------------------------

LONGGANG = {"doc_id": "lg", "place": "龙港镇", "date": "2011-10-19", "title": "龙港镇前三季度经济总体运行情况良好"}
LONGGANG_TEXT = ("昨日上午,记者从我镇统计部门了解到,我镇今年前三季度经济总体运行情况良好。\n\n"
                 "据统计,今年1-9月份,全镇实现工业总产值210亿元,同比增长16%。")


def test_an_official_asked_with_na_is_asked_who_and_refused_where_no_one_is_named():
    got = ask("龙港镇前三季度经济情况是那个领导通报的", [LONGGANG], {"lg": LONGGANG_TEXT})
    assert got.abstained and "没有写明谁" in got.answer and "210亿元" not in got.answer


def test_na_ge_alone_points_at_a_thing_and_asks_no_one():
    assert asks_person(parse("龙港镇那个领导讲的", 2011, ("龙港镇",)))
    assert not asks_person(parse("龙港镇那个电子信息产业园一期啥时候能完工", 2011, ("龙港镇",)))
