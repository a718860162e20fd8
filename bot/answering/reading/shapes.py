"""What a question asks for (its intent: a figure, a list, a name…) and how it is answered (its `Shape`),
read by `question.parse` and routed on by the answerer."""
from __future__ import annotations

from enum import Enum

# What a clause asks for: a figure, a list, a name, two figures compared, a reason.
FIGURE, LIST, ENTITY, COMPARISON, WHY = "figure", "list", "entity", "comparison", "why"


class Shape(str, Enum):
    """How a question is answered: the answerer routes by it, one handler a shape."""

    WHY = "why"  # refused: figures say what was done, not why
    NO_TOPIC = "no topic"  # nothing asked about (a follow-up with nothing to follow)
    CLAUSES = "clauses"  # "去年建成几所学校，新增多少学位": each clause a question
    WHICH_PLACES = "which places"  # "哪些地方提到了低空经济"
    EACH_PLACE = "each place"  # "各地2025年GDP增长目标分别是多少"
    RANK = "rank"  # "哪个省的GDP最高": the places ranked by one figure
    SIDE_BY_SIDE = "side by side"  # several places named: known once the reports cover them
    BYLINE = "byline"  # who delivered a report: known once the place's speaker is
    MENTION = "mention"  # "提到低空经济了吗"
    OVERVIEW = "overview"  # "去年干得怎么样": the year's headline figures
    SEVERAL = "several"  # "GDP和财政收入各是多少": each metric a part of its own
    TREND = "trend"  # "这两年怎么变化": the metric over the years the reports cover
    AGAINST = "against"  # "增速比全省高多少": the gap its report states to a level
    METRICS = "two metrics"  # "贷款余额比存款多还是少": two metrics of one place, same year and kind
    ATTAINED = "attained"  # "完成目标了吗": a year's target against its result
    COMPARISON = "comparison"  # two figures of one metric
    LIST = "list"  # "有哪些…": a sentence listing them, or a section's parts
    WHO = "who"  # "哪家企业", "书记是谁": a name in a sentence
    YES_NO = "yes/no"  # "能过100亿吗": the figure against the one asked about
    FIGURE = "figure"


# Shapes that take the question across places or clauses: a place's part is read without them.
WIDE = frozenset({Shape.WHY, Shape.NO_TOPIC, Shape.CLAUSES, Shape.WHICH_PLACES, Shape.EACH_PLACE, Shape.RANK})
