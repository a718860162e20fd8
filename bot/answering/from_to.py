"""A change said from one year's level to another's ("全县地区生产总值由2005年的61.88亿元预计增加到2010年
的130亿元"): such a clause answers how a metric went between those two years, quoted whole, though
neither level stands as a year's figure of its own (the end is an estimate, or its year left unsaid)."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.vocabulary import alternation, figure_words, figure_words_version
from index.text.tokens import NUMBER

_YEAR = r"((?:19|20)\d{2})年(?:的|底|末)?"
_STOP = re.compile(r"[，；;。]|,(?!\d)")  # a clause's end; "1,000" is one number


def from_to_clause(sentence: str, first: int, last: int, review: int | None) -> str | None:
    """The clause of `sentence` that says the level went from year `first`'s to year `last`'s: the end
    year said, or left unsaid when `last` is the report's `review` year ("由2007年的90.3亿元跃升到
    145.1亿元" in a report reviewing 2011); None when it says no such change."""
    pattern = _from_to(figure_words_version())
    for m in pattern.finditer(sentence) if pattern else ():
        end = int(m.group(2)) if m.group(2) else review
        if int(m.group(1)) == first and end == last:
            start = max(sentence.rfind(p, 0, m.start()) for p in "，,；;。") + 1
            stop = _STOP.search(sentence, m.end())
            return sentence[start:stop.start() if stop else len(sentence)]
    return None


@lru_cache(maxsize=4)
def _from_to(version: tuple[int, int]) -> re.Pattern | None:
    """The opening word and year, the start level, words up to the end word, the end year if said, its level."""
    words = figure_words()
    by, to = words.get("from_year", ()), words.get("to_level", ())
    if not by or not to:
        return None
    return re.compile(f"(?:{alternation(by)}){_YEAR}{NUMBER}[^，,；;。]{{0,12}}?(?:{alternation(to)})"
                      f"(?:{_YEAR})?{NUMBER}")
