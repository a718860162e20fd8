"""The unit a question says after its quantity word ("几倍", "多少亿元"), and the cue words of another unit
group that are only its start ("增长了几" of "增长了几倍" asks a multiple, not a rate)."""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation, unit_group
from index.text.vocabulary import Vocab


def unit_said(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab) -> re.Match | None:
    """The first quantity word and the unit after it ("几倍") whose unit group is known, else None."""
    m = re.search(f"(?:{alternation(c.get('quantity', ()))})({alternation(vocab.units)})", text)
    return m if m and unit_group(m.group(1)) else None


def cue_said(text: str, words: tuple[str, ...], said: re.Match | None) -> bool:
    """Whether one of `words` stands in `text` other than as the start of the unit `said`: "几个点" says a
    rate past the "几个" it holds; "增长了几", ending inside "几倍", says none."""
    return any(not (said and said.start() < m.end() <= said.end())
               for w in words for m in re.finditer(re.escape(w), text))
