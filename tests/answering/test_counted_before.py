"""A count said by its verb alone ("…新签约项目35个,开工28个,投产12个") counts the things the clause before it
counted: a question naming the verb and the things gets that count, not the first clause's."""
from __future__ import annotations

from types import SimpleNamespace

from handmade import hit

from bot.answering.compose import Composer
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import parse
from index.text.timelabel import RESULT, TimeLabel

COUNTS = "全年新签约项目35个,协议总额86亿元,开工28个,竣工投产12个。"


def _ask(text: str, sentence: str = COUNTS, year: int = 2020):
    q = parse(text, year + 1)
    said = [Evidence(hit(sentence, 1), sentence, TimeLabel(year, RESULT), *coverage(q, sentence))]
    return Composer(SimpleNamespace(place_of={}), 0.5).figure(text, q, said)


def test_a_count_by_its_verb_alone_counts_the_things_counted_before():
    for asked, own, others in (("20年开工项目几个", "28个", ("35个", "12个")),
                               ("竣工投产的项目多少个", "12个", ("35个", "28个")),
                               ("新签约项目多少个", "35个", ("28个", "12个"))):
        got = _ask(asked)
        assert not got.abstained and own in got.answer, (asked, got.answer)
        assert not any(o in got.answer for o in others), (asked, got.answer)
