"""What a sentence says of the things the sentence before it names, without naming them again: a sentence opening on
a bare measure ("总投资678亿元") measures the projects named before it."""
from __future__ import annotations

import re

from bot.answering.facts import segments
from bot.answering.vocabulary import alternation, figure_words
from index.search.searcher import Hit
from index.text.normalise import fold

SUBJECTLESS = 2  # characters beside its verb a clause opening on it may hold before its measure (累计完成投资)


def carried(hit: Hit, i: int) -> str:
    """The things the sentence before names in its paragraph (figure_words.tsv `measured_thing`), with the words
    qualifying them, for the `i`th sentence of the hit's chunk when it opens on a bare measure (`measure`: "…实施投资
    亿元以上重大项目125个。总投资678亿元"): what it measures is theirs, so a question naming them ("重大项目总投资
    多少") finds it. Not a part of them (`part`: "其中工业项目83个"); "" for a sentence with a subject of its own."""
    words, chunk = figure_words(), hit.chunk
    things, measures = alternation(words.get("measured_thing", ())), alternation(words.get("measure", ()))
    start, end, _ = chunk.sentences[i]
    # the paragraph's sentence before: the chunk's, or the last of the chunk it goes on from
    before = chunk if i else hit.before
    if before is None or not before.sentences or not things or not measures:
        return ""
    a, b, _ = before.sentences[i - 1] if i else before.sentences[-1]
    first = fold(segments(chunk.text[start:end])[0])
    m = re.search(measures, first)
    if m is None or not subjectless(first[:m.start()]) or i and "\n" in chunk.text[b:start]:
        return ""
    parts = words.get("part", ())
    named = (n for seg in segments(fold(before.text[a:b])) if not seg.startswith(parts)
             for n in re.findall(rf"[\u4e00-\u9fff]*(?:{things})", re.sub(measures, "\0", seg)))
    return "".join(f"\0{n}" for n in named)


def subjectless(opening: str) -> bool:
    """Whether the words of a clause before its measure are its verb (`reach`, `name_verb`) and a word at most
    ("累计完成投资", "总投资"): the clause names no subject of its own."""
    verbs = alternation(figure_words().get("reach", ()) + figure_words().get("name_verb", ()))
    return len(re.sub(verbs, "", opening) if verbs else opening) <= SUBJECTLESS
