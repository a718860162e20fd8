"""A rank sentence that goes on comparing the figure of the sentence before ("实现地区生产总值1261.6亿元,增长10.8%。
高于上年0.6个百分点,高于全省1.3个百分点,排名省第二位"): naming no metric of its own, its rank is that figure's."""
from __future__ import annotations

import re

from bot.answering.facts import extract, values_in
from bot.answering.sentences.carried import preceding
from bot.answering.reading.metric_forms import metric_forms
from bot.answering.reading.word_numbers import ordinals
from bot.answering.vocabulary import alternation, figure_words, unit_group
from index.search.searcher import Hit
from index.text.normalise import fold
from index.text.vocabulary import load_vocab

OPENING = 8  # characters of a sentence its comparison word is looked for in


def continued(hit: Hit, sentence: str) -> str:
    """The figure's clause (folded) of the sentence before `sentence` in its paragraph when `sentence` opens on a
    comparison (figure_words.tsv `compared_on`: 高于, 低于, 位居…) and ranks with no metric named before its rank;
    "" otherwise, as for a sentence whose rank is of a metric it names ("财政收入…排全省第5位")."""
    opens = figure_words().get("compared_on", ())
    if not opens or not fold(sentence.lstrip()[:OPENING]).startswith(opens):  # most sentences: read no further
        return ""
    read = ordinals(fold(sentence))
    rank = next((v for v in values_in(read) if unit_group(v[4] or "") == "rank"), None)
    if rank is None:
        return ""
    said = re.sub(alternation(opens), "", read[:rank[0]])  # 排名 says the rank, no metric (综合评价排名's name)
    if any(n in said for n in metric_forms(load_vocab())):
        return ""
    chunk = hit.chunk
    i = next((i for i, (a, b, _) in enumerate(chunk.sentences) if chunk.text[a:b] == sentence), None)
    before = chunk if i else preceding(hit)  # the paragraph's sentence before: the chunk's, or the last of the one before
    if i is None or before is None or not before.sentences:
        return ""
    a, b, _ = before.sentences[i - 1] if i else before.sentences[-1]
    if i and "\n" in chunk.text[b:chunk.sentences[i][0]]:
        return ""
    facts = extract(before.text[a:b])
    return f"\0{fold(facts[-1].window)}" if facts else ""
