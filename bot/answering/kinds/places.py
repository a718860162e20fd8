"""Questions about several places: two compared, each one's figure, which ones mention something.

- side by side ("对比广东和江苏2025年的GDP增长目标"): each place's own answer, one a line;
- each ("各地2025年GDP增长目标分别是多少"): every place covered that has the figure, one a line;
- ranked ("2025年哪个省GDP增速最高"): every place's figure of one year, highest first;
- mentions ("江苏提到苏超了吗", "哪些地方提到了低空经济"): the places whose reports name the words,
  each cited by the sentence naming them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from bot.answering import wording
from bot.answering.asked import Asked, FanOut, Part
from bot.answering.compose import Composer
from bot.answering.evidence import Answer, Source
from bot.answering.facts import RATE, segments, values_in
from bot.answering.reading import levels, names, topic
from bot.answering.reading.cues import lowest_first
from bot.answering.reading.question import COMPARISON, ENTITY, FIGURE, Question, Shape
from bot.answering.reports import Reports
from bot.answering.vocabulary import alternation, cues, unit_group
from index.text.normalise import fold
from index.text.timelabel import RESULT, TARGET
from index.text.vocabulary import load_vocab

QUOTE = 28  # characters of a quote naming the words looked for
QUOTE_BEFORE = 6  # characters of its clause a quote keeps before them, when it cannot open the clause
_ONE_FIGURE_OF = (Shape.COMPARISON, Shape.ATTAINED, Shape.WHO)


def one_figure(q: Question, reporting_year: int) -> Question:
    """One place's part of a comparison of places ("江苏和浙江谁增长得快"): a figure for the year."""
    if q.intent not in (COMPARISON, ENTITY) or not q.metrics:
        return q
    kind = q.kind or (None if q.year is None else RESULT if q.year < reporting_year else TARGET)
    shape = (Shape.YES_NO if q.threshold else Shape.FIGURE) if q.shape in _ONE_FIGURE_OF else q.shape
    return replace(q, intent=FIGURE, kind=kind, shape=shape)


def combined(text: str, q: Question, answers: list[Answer], refusal: str) -> Answer:
    """Several places' answers, one a line, with each one's citation; a refusal if none answers."""
    found = [a for a in answers if not a.abstained]
    if not found:
        return replace(answers[0], answer=refusal) if answers else Answer(text, refusal, abstained=True, query=q)
    return replace(found[0], answer="\n".join(a.answer for a in found), query=q,
                   sources=[a.sources[0] for a in found if a.sources], evidence=len(found),
                   explanation=" | ".join(a.explanation for a in found))


def _each_of(places: list[str], asked: Asked, reports: Reports) -> list[Part]:
    """The question read for each place, once per year its 今年 means, as one figure; each place
    named with a year of its own ("汉滨24年和中宁25年") read without the others' years."""
    own = own_years(asked.q.normalised, places, reports.places())
    if own:
        alone = {p: _without(asked.q.normalised, [s for o, s in own.items() if o != p]) for p in places}
        return [Part(asked.text, one_figure(reports.read(alone[p], p, asked.before, one_place=True, vote=asked.q.vote),
                                            reports.now(p)), p) for p in places]
    read: dict[int, Question] = {}
    for place in places:
        if reports.now(place) not in read:
            read[reports.now(place)] = reports.read(asked.text, place, asked.before, one_place=True, vote=asked.q.vote)
    return [Part(asked.text, one_figure(read[reports.now(p)], reports.now(p)), p) for p in places]


def own_years(normalised: str, places: list[str], covered: list[str]) -> dict[str, tuple[int, int]]:
    """Each place → where the year written right after its name is ("汉滨24年和中宁25年"), when every
    place named has one and they differ; else none."""
    table = dict(names.places_table(tuple(sorted(covered)), load_vocab()))
    own, years = {}, set()
    for place in places:
        said = alternation(tuple(sorted({fold(place), *table.get(place, ())}, key=len, reverse=True)))
        m = re.search(rf"(?:{said})的?((?:19|20)?\d{{2}}年)", normalised)
        if m:
            own[place], years = m.span(1), years | {int(m.group(1)[:-1]) % 100}
    return own if len(own) == len(places) > 1 and len(years) > 1 else {}


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text


def ranked(asked: Asked, split: list[Part], answers: list[Answer]) -> Answer:
    """The places' figures of one year and kind in one unit, highest first (lowest first when
    asked "最低"), each line the place's own answer and citation; then the places without it."""
    vocab, q = load_vocab(), asked.q
    given = [(p.place, a, values_in(a.value or "")) for p, a in zip(split, answers) if not a.abstained]
    given = [(place, a, vocab.in_base_units(found[0][3], found[0][4])) for place, a, found in given if found]
    if not given:
        return _each_place(asked, split, answers)
    # Figures of one year, kind and unit can be ranked: of the unit asked for (a level, unless a
    # rate is asked), then of the most places, then the latest.
    groups = Counter((a.year, a.kind, u) for _, a, (_, u) in given)
    year, kind, unit = max(groups, key=lambda g: (_expected(g[2], q), groups[g], g[0] or 0))
    lowest = lowest_first(q.normalised)
    ranks = sorted(((n, place, a) for place, a, (n, u) in given if (a.year, a.kind, u) == (year, kind, unit)),
                   key=lambda r: r[0], reverse=not lowest)
    missing = [p.place for p in split if p.place not in {place for _, place, _ in ranks}]
    metric = q.metrics[0] if q.metrics else ""
    return replace(ranks[0][2], answer=wording.ranked(year, kind, metric, [a.answer for _, _, a in ranks],
                                                      missing, lowest),
                   query=q, sources=[a.sources[0] for _, _, a in ranks if a.sources], evidence=len(ranks),
                   explanation=" | ".join(a.explanation for _, _, a in ranks))


def _expected(unit: str, q: Question) -> bool:
    group = unit_group(unit)
    return group == q.unit if q.unit else (group == "percent") == q.asks_change  # "涨得最快": a rate


def side_by_side(asked: Asked, split: list[Part], answers: list[Answer]) -> Answer:
    """Each place's own answer, one a line; asked which is higher ("谁的GDP增速快", "对比…"), first
    the verdict on their figures of one year, kind and unit."""
    both = combined(asked.text, asked.q, answers, answers[0].answer)
    if asked.q.intent not in (COMPARISON, ENTITY) or not asked.q.metrics:
        return both
    given = [(p.place, a) for p, a in zip(split, answers) if not a.abstained and a.value]
    what = asked.q.metrics[0] + ("增速" if asked.q.asks_change else "")
    rates = asked.q.asks_change or asked.q.unit == "percent"
    own = len({p.q.years for p in split}) > 1  # each place asked of its own year
    rated = [(name, a) for name, a in given if not rates and _a_rate(a)]
    if rated and len(rated) < len(given):  # an amount asked, a place's report gives its rate alone: no comparison
        amounts = [(name, a) for name, a in given if not _a_rate(a)]
        return replace(both, answer=wording.no_total(asked.q.metrics[0], rated, amounts), abstained=True)
    lead = wording.higher(what, given, rates, own) if len(given) >= 2 else None
    # an amount asked ("谁多") where every place gives its rate alone holds no figure asked: a refusal; not of targets,
    # most set as rates ("GDP目标谁高": the rates are what was set)
    rates_only = len(rated) == len(given) and asked.q.kind != TARGET
    return replace(both, answer=f"{lead}\n{both.answer}", abstained=both.abstained or rates_only) if lead else both


def _a_rate(answer: Answer) -> bool:
    """Whether an answer's figure is a rate (its first figure in %)."""
    found = values_in(answer.value or "")
    return bool(found) and found[0][4] == RATE


# Several places named: each one's own answer, one a line, and which is higher when asked.
SIDE_BY_SIDE = FanOut(lambda asked, reports: _each_of(list(asked.places), asked, reports), side_by_side)
def _each_place(asked: Asked, split: list[Part], answers: list[Answer]) -> Answer:
    """Every place's answer that has the figure; the first refusal when none has, or when no
    place is of the level asked ("各市…" over provinces' reports), that none is."""
    level = levels.asked(asked.q.normalised)
    none = wording.no_topic(False) if level is None else wording.no_place_of(levels.counted_as([], level))
    return combined(asked.text, asked.q, answers, answers[0].answer if answers else none)


def _asked_places(asked: Asked, reports: Reports) -> list[str]:
    """The places covered of the level the question names ("各省", "哪些开发区"), else all."""
    return levels.at_level(reports.places(), levels.asked(asked.q.normalised))


# Every place covered (of the level asked): each one's figure.
EACH_PLACE = FanOut(lambda asked, reports: _each_of(_asked_places(asked, reports), asked, reports), _each_place)
# "哪个省的GDP最高": every place's figure (of the level asked), ranked; those named, when the question
# names several ("广东江苏浙江哪个省去年GDP涨得最快").
RANK = FanOut(lambda asked, reports: _each_of(list(asked.q.places) if len(asked.q.places) > 1
                                              else _asked_places(asked, reports), asked, reports), ranked)


RARE = 0.25  # the share of places whose reports may name a topic's core for it to stand for the topic


def core(reports: Reports, words: str) -> str:
    """The words a sentence must name for a topic: the topic, or its core without a generic tail
    (question_cues.tsv `generic_tail`: 首店 of 首店经济) where at most RARE of the places' reports name
    that core at all, so that it has no sense of its own there (数字 of 数字经济 has: 数字政府, 数字化).
    Options offered either way that share their core ("钼矿或者钼业") ask that core, even of one character."""
    either = topic.options(words)
    if len(either) > 1:
        heads = {_head(o, 1) for o in either}
        head = heads.pop() if len(heads) == 1 else None
        return head if head and _rare(reports, head) else words
    head = _head(words, 2)
    return head if head and not topic.parts(fold(words)) and _rare(reports, head) else words


def _head(words: str, shortest: int) -> str | None:
    """`words` without their generic tail, when at least `shortest` characters are left."""
    tail = next((t for t in cues().get("generic_tail", ()) if words.endswith(t) and len(words) - len(t) >= shortest), None)
    return words[:-len(tail)] if tail else None


def _rare(reports: Reports, head: str) -> bool:
    """Whether at most RARE of the places' reports name `head`."""
    places = reports.places()
    naming = sum(fold(head) in reports.place_text(p) for p in places)  # each place's text folded once, kept
    return bool(places) and naming <= RARE * len(places)


def first_mention(reports: Reports, place: str, words: str) -> Source | None:
    """The latest report's first sentence of `place` that names `words` (whole, or all the parts
    the asker wrote apart: reading.topic), cited whole."""
    folded = fold(words)
    for chunk in reports.chunks_of(place):
        for sentence, _ in chunk.labelled_sentences():
            if topic.names_topic(fold(sentence), folded):
                doc = reports.document(chunk.doc_id)
                return Source(chunk.doc_id, doc.get("title", ""), chunk.section_title(), sentence, 1.0,
                              chunk.text, chunk.chunk_id, place)
    return None


def quote(sentence: str, words: str) -> str:
    """The clause of `sentence` naming `words` (else the one naming their first part) as a short
    quote that shows them: where they stand past its first QUOTE characters, the quote opens a few
    characters before them ("…长三角大飞机等国家先进…")."""
    folded, said = fold(words), topic.words(fold(words))
    segs = segments(sentence)
    clause = next((c for c in segs if topic.names_topic(fold(c), folded)), None) or \
        next((c for c in segs if said[0] in fold(c)), sentence)
    first = next((w for w in said if w in fold(clause)), said[0])
    at = fold(clause).find(first)
    if len(clause) == len(fold(clause)) and at + len(first) > QUOTE - 1:
        clause = "…" + clause[max(0, at - QUOTE_BEFORE):]
    return wording.clip(clause, QUOTE)


def mention(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Whether the place's reports name the words asked about, and where: a short quote in the
    reply, the sentence in its citation."""
    text, q = asked.text, asked.q
    words = core(reports, q.mentioned or "")  # the words found are quoted; a refusal says those asked
    found = first_mention(reports, asked.place, words)
    apart = topic.parts(words)
    if found is None and apart and (each := [first_mention(reports, asked.place, w) for w in apart]) and any(each):
        # "报告提到A和B没" asks of each, where no one sentence names both: yes for one, no for the other
        return Answer(text, wording.each_mentioned(asked.place, [(w, quote(s.text, w) if s else "")
                                                                 for w, s in zip(apart, each)]),
                      abstained=False, sources=[s for s in each if s], confidence=1.0, query=q,
                      explanation="sentences name some of the words asked, each apart")
    if found is None:
        return Answer(text, wording.not_mentioned(q.mentioned or "", [asked.place]), abstained=True, query=q,
                      explanation="no sentence names the words")
    return Answer(text, wording.mentioned(asked.place, quote(found.text, words)), abstained=False,
                  sources=[found], confidence=1.0, explanation="a sentence names the words", query=q)


def which(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Every place of the level asked (any, when none is) whose reports name the words asked
    about, and how many: the places in the reply, each one's sentence naming them in its own
    citation. When none of that level does, the places of other levels that do."""
    text, q, words = asked.text, asked.q, core(reports, asked.q.mentioned or "")
    level = levels.asked(q.normalised)
    found = [s for s in (first_mention(reports, p, words) for p in reports.places()) if s]
    mine = [s for s in found if levels.at_level([s.place], level)]
    if not found:  # a refusal says the words asked
        return Answer(text, wording.mentioned_nowhere(q.mentioned or "", len(levels.at_level(reports.places(), level)),
                                                      levels.counted_as([], level)),
                      abstained=True, query=q, explanation="no place's reports name the words")
    if not mine:
        return Answer(text, wording.mentioned_elsewhere(words, levels.counted_as([], level), [s.place for s in found]),
                      abstained=False, sources=found, evidence=len(found), confidence=1.0, query=q,
                      explanation="only places of other levels name the words")
    named = [s.place for s in mine]
    return Answer(text, wording.mentioned_in(words, named, levels.counted_as(named, level)), abstained=False,
                  sources=mine, evidence=len(mine), confidence=1.0, explanation="sentences name the words", query=q)
