"""A paragraph's short dash-led heading names the topic of the sentences after it: under
"——粮食生产再创新高。", "总产量达到853.2亿斤" is the grain output, so a question about it gets
that figure. Questions read by the parser, answers composed from a hand-made passage."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from bot.answering.compose import Composer
from bot.answering.evidence import Sentences, assess
from bot.answering.reading.question import parse
from handmade import hit
from index.text.chunking import headed
from index.text.timelabel import RESULT, TimeLabel

GRAIN = "——粮食生产再创新高。播种面积达到8780.7万亩，单产连续3年居粮食主产省第1位，总产量达到853.2亿斤，全国第4的地位进一步巩固。"


def answer(text: str, passage: str, year: int = 2024):
    """The answer to `text` from the sentences of one passage, each a result of `year`."""
    q = parse(text, year + 1)
    evidence = [replace(ev, label=TimeLabel(year, RESULT)) for ev in assess(q, Sentences([hit(passage)]))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, evidence)


def test_a_partial_name_under_a_dash_heading_is_the_heading_s_metric():
    got = answer("2024年粮食总产量多少", GRAIN)
    assert not got.abstained and got.value == "853.2亿斤" and got.year == 2024
    assert "8780.7万亩" not in got.answer


def test_without_the_heading_the_partial_name_names_nothing():
    got = answer("2024年粮食总产量多少", GRAIN.partition("。")[2])
    assert got.abstained or "853.2亿斤" not in got.answer.partition("资料中只有")[0]


def test_only_a_clause_opening_on_the_rest_of_a_name_is_completed():
    assert headed("粮食生产再创新高", "总产量达到853.2亿斤") == "粮食总产量达到853.2亿斤"
    assert headed("粮食生产再创新高", "播种面积的总产量") == "播种面积的总产量"  # not at a clause's opening
    assert headed("", "总产量达到853.2亿斤") == "总产量达到853.2亿斤"
    assert headed("生态质量不断改善", "总产量达到853.2亿斤") == "总产量达到853.2亿斤"


FISCAL = "财政总收入突破亿元大关,实现11338万元,增长57.7%,一般预算收入完成7309万元,累计支出64338万元,同比分别增长43.6%和32.4%;"


def test_a_bare_word_after_a_clause_saying_its_head_is_the_head_s():
    """clause_links.tsv `head:财政`: the 支出 of a clause listed after the 财政 figures is 财政支出."""
    got = answer("2024年财政支出多少", FISCAL)
    assert not got.abstained and got.value == "64338万元"
    assert "11338万元" not in got.answer and "7309万元" not in got.answer


def test_a_bare_word_without_its_head_before_it_names_nothing():
    got = answer("2024年财政支出多少", "旅游收入完成7309万元,累计支出64338万元;")
    assert got.abstained or "64338万元" not in got.answer.partition("资料中只有")[0]
    # the head said after the clause does not reach back
    got = answer("2024年财政支出多少", "累计支出64338万元,财政总收入11338万元;")
    assert got.abstained or "64338万元" not in got.answer.partition("资料中只有")[0]


def test_only_a_clause_opening_on_the_bare_word_takes_the_head():
    assert headed("", "财政总收入11338万元,累计支出64338万元") == "财政总收入11338万元,累计财政支出64338万元"
    assert headed("", "财政总收入11338万元,支出增长5%") == "财政总收入11338万元,财政支出增长5%"
    assert headed("", "财政总收入11338万元,压减一般性支出") == "财政总收入11338万元,压减一般性支出"
