"""Words that say what kind of question it is, read before its topic: what a mention question
looks for, a level or a venue that is not the place asked about, the figure a yes/no question
compares with, a period's end.
"""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation
from index.text.timelabel import periods
from index.text.tokens import NUMBER
from index.text.vocabulary import Vocab


def mentioned(text: str, c: dict[str, tuple[str, ...]]) -> str | None:
    """What "提到低空经济了吗" / "哪些地方的报告里有核电" looks for: the words after the verb."""
    verbs, ends = alternation(c.get("mention", ())), alternation(c.get("mention_end", ()))
    m = re.search(f"(?:{verbs})(?:了|过)?([^\\0？?！!。，,]{{2,20}}?)(?:{ends})?[？?！!。]*$", text)
    return m.group(1).strip() if m else None


def levels_and_venues(text: str, place_forms: tuple[str, ...], c: dict[str, tuple[str, ...]]) -> str:
    """Mask what names a level ("苏州市级", "江苏省级") or a venue ("落户高新区"), not the place asked
    about: a known place followed by 级, and the words before a place that say where a thing went."""
    forms = alternation(place_forms)
    text = re.sub(f"(?:{forms})(?:省|市|区|县)?级", lambda m: "\0" * len(m.group(0)), text)
    venues = alternation(c.get("venue", ()))
    return re.sub(f"(?:{venues})(?=[^\0]{{0,4}}(?:{forms}))", lambda m: "\0" * len(m.group(0)), text) \
        if venues else text


def threshold(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab) -> str | None:
    """The figure a yes/no question compares with: "过750亿了吗" → "750亿"."""
    verbs, ends = alternation(c.get("threshold", ())), alternation(c.get("yesno_end", ()))
    m = re.search(f"(?:{verbs})({NUMBER}\\s*(?:{alternation(vocab.units)}|亿|万亿|万)?)", text)
    if m and re.search(f"(?:{ends})[？?！!。]*$", text):
        return m.group(1)
    return None


def period_ends(text: str, years: list[int], c: dict[str, tuple[str, ...]]) -> tuple[list[int], str]:
    """"十四五末" is the period's last year, a year like any other, not the whole period."""
    ends = alternation(c.get("period_end", ()))
    for name, _, last in periods():
        if re.search(f"{re.escape(name)}(?:时期|期间)?(?:{ends})", text):
            years = years + [last]
            text = re.sub(f"{re.escape(name)}(?:时期|期间)?(?:{ends})", "\0", text)
    return years, text
