"""How questions are answered: what "now" is, which place is meant, when to refuse."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerSettings:
    reporting_year: int | None = None  # what 今年/去年 mean; None: the latest report's year, per place
    default_place: str = "昆山高新区"  # the place a question means when it names none
    abstain_threshold: float = 0.5  # minimum confidence to answer
