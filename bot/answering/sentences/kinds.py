"""A figure counting several kinds listed together ("经开区签约、协议、意向项目累计23个") where the question names one
kind of them ("签约了几个项目"): the sum of the kinds, not the kind asked, which a clause of its own may give ("其中,签约
项目11个"); the clause naming the asked kind alone is preferred (scoring.py `one_kind`)."""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation, list_marks
from index.text.normalise import fold

NEIGHBOUR = 2  # characters of the next kind listed that say whether the question names it too


def of_kinds_listed(words: tuple[str, ...], asked: str, said: str) -> bool:
    """Whether a word of the question (`words`, of the question `asked`) stands in `said` (a figure's own words up to
    it) as one item of a list (list_marks.tsv `joiner`) whose next or previous item the question does not say:
    "签约、协议、意向项目" for "签约了几个项目"; not when it asks the listed kinds ("签约、协议项目共几个")."""
    joiners = alternation(list_marks().get("joiner", ()))
    if not joiners:
        return False
    said, asked = fold(said), fold(asked)
    cjk = rf"[\u4e00-\u9fff]{{{NEIGHBOUR}}}"
    for word in (fold(w) for w in words if len(w) >= 2):
        after = re.finditer(rf"{re.escape(word)}(?:{joiners})({cjk})", said)
        before = re.finditer(rf"({cjk})(?:{joiners}){re.escape(word)}", said)
        if any(m.group(1) not in asked for m in (*after, *before)):
            return True
    return False
