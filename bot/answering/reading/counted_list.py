"""The count a list is asked with ("从哪6个方面", "哪十个", "哪10件"; question_cues.tsv `list_count` is the
word before it): it asks a list, however the count is written, in figures or in words; and it is no topic,
as a report writes the count its own way ("等6方面", "十件民生实事") or not at all. One asks a name ("哪一家")."""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation, list_marks


def count_asked(c: dict[str, tuple[str, ...]]) -> str:
    """The pattern of a list's count asked, with its counter when one follows ("哪6个方面", "哪十件"); ""
    when no word asks one."""
    asker = alternation(c.get("list_count", ()))
    if not asker:
        return ""
    numerals = "".join(c.get("count_numeral", ()))
    counters = alternation(list_marks().get("counter", ()) + c.get("measure_word", ()))
    return rf"(?:{asker})(?!1(?!\d)|一)[\d{numerals}]+(?:{counters})?"


def asks_list(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """Whether `text` asks a list by its count ("江西的民生实事是哪10件")."""
    pattern = count_asked(c)
    return bool(pattern and re.search(pattern, text))
