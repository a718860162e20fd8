"""Figures of two groups said at once ("城乡低保标准分别增长9.9%、13.2%", "城乡居民收入达到23292元和7750元、分别增长
8.8%和10%"): the clause as said answers for both groups, never for one of them alone. One group's figure is its own
(facts.py `_each_group`, by position), or there is none to give: quoting the clause would hand the asker the other
group's figure beside their own."""
from __future__ import annotations

import re

from bot.answering.reading.metric_forms import as_named, joints
from bot.answering.vocabulary import alternation, figure_words
from index.text.normalise import fold


def one_group_of_both(asked: str, clause: str) -> bool:
    """Whether `asked` (a question's words) names one group of a word naming two (figure_words.tsv `joint:`; "农村居民收入
    涨了多少") and `clause` gives that word's figures to each group (by `respectively`, or figures joined one after the
    other: "城乡居民收入分别增长8%、9%", "城镇和农村居民人均可支配收入39175元和19156元")."""
    said, asked = as_named(fold(clause)), as_named(fold(asked))
    for joint, parts in joints():
        at = said.find(joint)
        if at < 0 or joint in asked or sum(p in asked for p in parts) != 1:
            continue
        if _given_each(said[at + len(joint):]):
            return True
    return False


def _given_each(after: str) -> bool:
    """Whether the words after a joint name give several figures, one for each group it names."""
    each = alternation(figure_words().get("respectively", ()))
    joined = alternation(figure_words().get("joined_by", ()))
    figure = r"\d+(?:\.\d+)?\s*[^\d\s、，,；;和与及跟]{0,3}"
    return bool(each and re.search(each, after)) or bool(joined and re.search(f"{figure}(?:{joined}){figure}", after))
