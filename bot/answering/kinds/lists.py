"""A list question ("今年重点抓哪几方面工作", "要办哪些为民实事", "要发展哪些未来产业"): the
enumeration of the reports that lists what was asked, all its items, each by its head, and their count.

An enumeration opened by a sentence about the topic is one of
- the sub-sections of the section the sentence announces ("重点抓好以下14个方面的工作：") or whose
  title is the topic ("2025年省十件民生实事");
- the sentences or paragraphs numbered 1, 2, 3… right after it in its section ("持续办好为民实事。
  一是…。二是…", "重点做好六个方面工作：（一）…");
- the run of parallel lines it is one of, not numbered but each short and opening with the same
  word: a paragraph of such lines ("在抓科创…推动经济发展高质量；在提颜值…推动城乡建设高质量；…"),
  or the opening lines of paragraphs in a row (headline paragraphs: "加力提振消费。…", "加力扩大投资。…");
- its own run of items ("大力发展第六代移动通信、具身智能、…等重点细分产业"), quoted as it stands.
The sentences looked at are those covering the question best, with the rest of their paragraphs
(a paragraph's heading sentence is often what is retrieved, its enumeration a few chunks on).
Of them, the one whose announced count ("六个方面") its items match wins, then one opening an
enumeration, then the longer run; a topic nothing enumerates is answered by its sentence, as any
question naming a thing, or refused.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.answering import scoring, wording
from bot.answering.asked import Asked
from bot.answering.compose import Composer
from bot.answering.evidence import Answer, Evidence, coverage, gather, time_agrees, unique
from bot.answering.facts import segments
from bot.answering.reading.question import Question
from bot.answering.reports import Reports
from bot.answering.vocabulary import alternation, list_marks
from index.text.chunking import Chunk
from index.text.normalise import fold
from index.text.tokens import default_tokenizer

LEAD = 24  # characters of an announcing sentence a list is worded under whole
OPENING = 8  # characters of a sentence its number is looked for in
RUN = 3  # items a sentence's own run ("A、B、C"), or a run of parallel lines, must have to count
LINE = 40  # characters of a line of a run of parallel lines, its closing mark included
ENDING = 3  # characters the lines of a run ending alike ("…上有新突破；…上有新突破") end in at least
COUNTED = 6  # characters after a quoted run its count ("六大区域") is looked for in
_LINE_ENDS = ("。", "；", ";")  # a line closes a statement: no greeting ("各位代表！")


@dataclass(frozen=True)
class Listing:
    """What a sentence enumerates: its items (none for a run quoted as it stands), the lead they
    are worded under, and whether their number is the count the sentence announces."""

    ev: Evidence
    items: tuple[str, ...] = ()
    lead: str = ""
    counted: bool = False
    run: int = 0  # items of the sentence's own run

    def key(self) -> tuple:
        return self.counted, bool(self.items), self.run, -self.ev.hit.rank


def answer(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    q = asked.q
    evidence = gather(q, asked.hits)
    ranked = scoring.sentences(q, evidence)
    if not ranked or ranked[0].coverage < compose.threshold:
        return compose.sentence(asked.text, q, evidence)  # the refusal, worded as for any sentence
    best = ranked[0].coverage
    top = unique([e for e in ranked if e.coverage == best])
    around = [replace(e.hit, chunk=c) for e in top for c in reports.paragraph(e.hit.chunk)
              if c.chunk_id != e.hit.chunk.chunk_id]
    # a paragraph of parallel lines in their section, covering the question as well, may be what
    # the section goes on to tell ("在抓科创…推动经济发展高质量；在提颜值…"): seldom retrieved itself
    lines = {c.chunk_id: replace(e.hit, chunk=c) for e in top for c in _parallel_paragraphs(e.hit.chunk, reports, q)}
    candidates = unique(top + [e for e in scoring.sentences(q, gather(q, around)) if e.coverage == best]
                        + [e for e in scoring.sentences(q, gather(q, list(lines.values()))) if e.coverage >= best])
    chosen = max((listing(e, q, reports, compose.threshold) for e in candidates), key=Listing.key)
    # a list counted as asked is the one asked, when the best covered sentence lists no such count
    if (count := announced_count(q.normalised)) and count not in (len(chosen.items) or chosen.run,
                                                                   announced_count(chosen.ev.sentence)):
        chosen = _counted_as_asked(q, count, top[0], reports, compose.threshold) or chosen
    if not chosen.items:
        return compose.sentence(asked.text, q, [chosen.ev] + evidence)
    ev = chosen.ev
    place = reports.place_of.get(ev.hit.chunk.doc_id, "")
    said = announced_count(chosen.lead)  # what quoted items abbreviate ("“一轴、一圈、两城、两湖”六大区域") counts them
    return Answer(asked.text, wording.listed(chosen.lead, list(chosen.items), ev.label, place,
                                             said == len(chosen.items) or chosen.counted and said is not None),
                  abstained=False, year=ev.label.year, kind=ev.label.kind,
                  sources=compose.sources([ev], evidence), confidence=ev.coverage,
                  explanation=f"the {len(chosen.items)} items the sentence opens", query=q)


def listing(ev: Evidence, q: Question, reports: Reports, threshold: float) -> Listing:
    """What `ev` enumerates: the sub-sections it announces, the numbered sentences after it, or
    its own run of items."""
    announced = announced_count(ev.sentence)
    parts, lead = _sections(ev, q, reports, threshold, announced)
    if not parts:
        parts, lead = _numbered_after(ev, reports)
    if not parts and (parts := defined(ev, reports)):  # the items a quoted count abbreviates, as they are spelled out
        return Listing(ev, tuple(parts), _lead(ev.sentence, announced), True)
    if not parts and (parts := parallel(ev, q, reports)):  # worded under their heading, if any
        lead = wording.squash(wording.strip_ordinal(ev.hit.chunk.section[-1])) if ev.hit.chunk.section else ""
        announced = announced_count(lead)
    if not parts:  # worded under the words they repeat
        parts, lead = _repeated(ev, reports, q)
    run = ev.sentence.count("、") + 1
    if not parts:
        return Listing(ev, run=run if run >= RUN else 0)
    return Listing(ev, tuple(parts), _lead(lead, announced), announced == len(parts), run)


def _counted_as_asked(q: Question, count: int, top: Evidence, reports: Reports, threshold: float) -> Listing | None:
    """For a question counting what it asks ("贡井2014年要重点抓哪五个方面"): the first list of the best covered
    sentence's report, of the year and kind asked, announced with that count and counter ("着力做好五个方面的
    工作：一是…五是…"; 个 aside: "八方面" is "八个方面") and numbering as many items, however few of the question's
    words it shares (重点, 抓 say only that a list is asked); None where none is: a list counted otherwise ("十件
    民生实事" for "哪十个方面") is another list."""
    counted = (count, _counter(q.normalised).removeprefix("个"))
    hits = [replace(top.hit, chunk=c) for c in reports.whole(top.hit.chunk) if _announces(c.text, counted)]
    return next((it for ev in unique(gather(q, hits)) if time_agrees(q, ev.label) and _announces(ev.sentence, counted)
                 and (it := listing(ev, q, reports, threshold)).counted and len(it.items) == count), None)


def _lead(sentence: str, announced: int | None) -> str:
    """What a list is worded under: its announcing sentence, or where that is long, the clause
    announcing the count, else its first."""
    said = wording.squash(sentence).rstrip("：:。")
    if len(said) <= LEAD:
        return said
    clauses = segments(said)
    return next((c for c in clauses if announced_count(c) == announced), clauses[0]) if clauses else said


def _sections(ev: Evidence, q: Question, reports: Reports, threshold: float,
              announced: int | None) -> tuple[list[str], str]:
    """The sub-sections a sentence is answered by, and their lead: those of the section the
    sentence announces ("重点抓好以下14个方面的工作：", or "重点做好八方面工作。" over eight), or
    of a section whose title is the topic ("2026年省十件民生实事")."""
    chunk = ev.hit.chunk
    sections = reports.sections(chunk.doc_id)
    parts = sections.get(chunk.section, [])
    if parts and (ev.sentence.rstrip().endswith(("：", ":")) or announced == len(parts)):
        return parts, ev.sentence
    for depth in range(len(chunk.section), 0, -1):
        title = chunk.section[depth - 1]
        if coverage(q, title)[0] >= threshold and sections.get(chunk.section[:depth]):
            return sections[chunk.section[:depth]], wording.squash(wording.strip_ordinal(title))
    return [], ""


def _numbered_after(ev: Evidence, reports: Reports) -> tuple[list[str], str]:
    """The items numbered right after `ev`, and their lead: from its own words after its colon when
    they are item 1 ("报告共分为四个部分:一、政府工作回顾;二、…;三、…": one sentence cut at its
    semicolons), worded under the words before it; or its own run after its colon, as many as the words
    before it announce ("2025年10件民生实事：加大…、提高…、…、推进…建设。")."""
    m = re.match(r"(.*?)[：:](.+)", ev.sentence, re.S)
    if m and (opened := _numbered(m.group(2))) and opened[1] == 1:
        return numbered([m.group(2)] + _after(ev, reports)), m.group(1)
    run = m.group(2).rstrip("。；; ").split("、") if m else []
    if len(run) >= RUN and announced_count(m.group(1)) == len(run):
        return run, m.group(1)
    return numbered(_after(ev, reports)), ev.sentence


def _after(ev: Evidence, reports: Reports) -> list[str]:
    """The sentences after `ev` in its section, its sub-sections included."""
    own = [s for s, _ in ev.hit.chunk.labelled_sentences()]
    rest = own[own.index(ev.sentence) + 1:] if ev.sentence in own else []
    return rest + [s for c in reports.following(ev.hit.chunk) for s, _ in c.labelled_sentences()]


def defined(ev: Evidence, reports: Reports) -> list[str]:
    """The items of a quoted run a count follows ("打造“一轴、一圈、两城、两湖”六大区域"), each as the paragraphs
    around say what it stands for ("“一轴”指广州北轴", list_marks.tsv `defines`); none unless all are said."""
    marks = list_marks()
    verbs, joiner = alternation(marks.get("defines", ())), alternation(marks.get("joiner", ()))
    run = next((m.group(1) for m in re.finditer(r"“([^”]+)”", ev.sentence)
                if announced_count(ev.sentence[m.end():m.end() + COUNTED]) is not None), None)
    if not run or not verbs or not joiner or len(items := re.split(joiner, run)) < 2:
        return []
    paragraphs = reports.paragraphs(ev.hit.chunk)
    at = next((i for i, p in enumerate(paragraphs) if any(c.chunk_id == ev.hit.chunk.chunk_id for c in p)), 0)
    around = "".join(s for p in paragraphs[max(at - 1, 0):at + 2] for s in _sentences(p))
    said = [re.search(rf"“{re.escape(i)}”(?:{verbs})[^；;。]+", around) for i in items]
    return [m.group(0) for m in said] if all(said) else []


def parallel(ev: Evidence, q: Question, reports: Reports) -> list[str]:
    """The run of parallel lines `ev` is one of, each without its marks: the lines of its
    paragraph when all are parallel, else the opening lines of the paragraphs in a row around
    its own when it opens its paragraph. None when it is no such line, or when the lines do not
    all cover the question alike: what is asked is what they share ("在哪几块推动高质量" of
    "在提颜值…推动城乡建设高质量；在补短板…推动群众生活高质量"), not what one of them names."""
    paragraphs = [_sentences(p) for p in reports.paragraphs(ev.hit.chunk)]
    own = next((i for i, p in enumerate(paragraphs) if ev.sentence in p), None)
    if own is None:
        return []
    lines = paragraphs[own]
    run = _run(lines, lines.index(ev.sentence))
    if len(run) < max(len(lines), RUN):
        run = _run([p[0] if p else "" for p in paragraphs], own) if lines[0] == ev.sentence else []
    if len(run) < RUN or len({coverage(q, line, False)[0] for line in run}) > 1:
        return []
    return [line.strip("—").rstrip("…。；; ") for line in run]


def _repeated(ev: Evidence, reports: Reports, q: Question) -> tuple[list[str], str]:
    """The items of the run of lines of `ev`'s paragraph ending alike in words `q` asks about that `ev` is
    one of (`repeated`)."""
    lines = next((p for p in map(_sentences, reports.paragraphs(ev.hit.chunk)) if ev.sentence in p), [])
    return repeated(lines, lines.index(ev.sentence), q.normalised) if lines else ([], "")


def _parallel_paragraphs(chunk: Chunk, reports: Reports, q: Question) -> list[Chunk]:
    """The chunks of the paragraphs of `chunk`'s section that are runs of parallel lines, or hold a run
    of lines ending alike in words `q` asks about (`repeated`)."""
    return [c for p in reports.paragraphs(chunk) if len(lines := _sentences(p)) >= RUN
            and (len(_run(lines, 0)) == len(lines)
                 or any(repeated(lines, i, q.normalised)[0] for i in range(len(lines)))) for c in p]


def repeated(lines: list[str], at: int, asked: str) -> tuple[list[str], str]:
    """The items of the run of lines around lines[at] (clauses a semicolon ends are lines too) whose last
    parts all end in the same words ("明确功能定位,在壮大特色产业上有新突破;扩大对外开放,在加快招商引资上有新突破;
    …"): what each last part says between the words they all open and end with ("壮大特色产业"…), and
    those words around it ("在…上有新突破"); none for fewer than RUN lines, an empty or overlong item, or
    where the question (`asked`, folded) does not end on the words they repeat ("那几个新突破": what is asked
    is what each line has; "三大支柱产业" of lines ending "…的千亿级产业集群" asks what they name)."""
    lasts = [_last_words(line) for line in lines]

    def ending(run: list[tuple[str, ...]]) -> str:
        return "".join(reversed(os.path.commonprefix([last[::-1] for last in run])))

    if not 0 <= at < len(lasts):
        return [], ""
    lo, hi = at, at + 1
    while lo > 0 and len(ending(lasts[lo - 1:hi])) >= ENDING:
        lo -= 1
    while hi < len(lasts) and len(ending(lasts[lo:hi + 1])) >= ENDING:
        hi += 1
    run = ["".join(last) for last in lasts[lo:hi]]
    closing = ending(lasts[lo:hi])
    if len(run) < RUN or fold(closing[-ENDING:]) not in asked:
        return [], ""
    opening = "".join(os.path.commonprefix(lasts[lo:hi]))
    items = [last[len(opening):len(last) - len(closing)] for last in run]
    return (items, f"{opening}…{closing}") if all(0 < len(i) <= LINE for i in items) else ([], "")


@lru_cache(maxsize=4096)  # every line of a section's paragraphs, read again for each of its lines
def _last_words(line: str) -> tuple[str, ...]:
    """A line's last part in whole words, so that no item is cut inside one ("千亿级产业集群")."""
    return tuple(default_tokenizer().jieba.cut((segments(line.rstrip("。；; ")) or [""])[-1]))


def _sentences(paragraph: list[Chunk]) -> list[str]:
    return [s for c in paragraph for s, _ in c.labelled_sentences()]


def _run(lines: list[str], at: int) -> list[str]:
    """The lines in a row around lines[at] that are short statements opening with its first word."""
    opening = _opening(lines[at])

    def parallel_to(line: str) -> bool:
        return len(line) <= LINE and line.rstrip("… ").endswith(_LINE_ENDS) and _opening(line) == opening

    if not parallel_to(lines[at]):
        return []
    lo, hi = at, at + 1
    while lo > 0 and parallel_to(lines[lo - 1]):
        lo -= 1
    while hi < len(lines) and parallel_to(lines[hi]):
        hi += 1
    return lines[lo:hi]


def _opening(line: str) -> str:
    """A line's first word ("在", "加力"; a dash for "——经济增长稳中有进")."""
    return next(iter(default_tokenizer().jieba.cut(line)), "")


def numbered(sentences: list[str]) -> list[str]:
    """The items numbered 1, 2, 3… from the first of `sentences` on ("一是…。二是…", "（一）…"),
    each without its number; none when the first is not item 1. Sentences not numbered the same
    way go on the item before; a number out of turn ends the list."""
    first = _numbered(sentences[0]) if sentences else None
    if first is None or first[1] != 1:
        return []
    items = [first[2]]
    for s in sentences[1:]:
        mark = _numbered(s)
        if mark and mark[0] == first[0]:
            if mark[1] != len(items) + 1:
                break
            items.append(mark[2])
    return items if len(items) >= 2 else []


def _numbered(sentence: str) -> tuple[str, int, str] | None:
    """How a sentence is numbered ("N是"), its number and the rest, or None."""
    marks = list_marks()
    numerals = "".join(marks.get("numeral", ()))
    opening = fold(sentence[:OPENING])  # the marks are read folded, as their data file is
    for shape, pattern in _shapes(marks.get("ordinal", ()), numerals):
        m = pattern.match(opening)
        if m and (n := _number(m.group(1), numerals)):
            return shape, n, sentence[m.end():].lstrip("，,、：: ")
    return None


@lru_cache(maxsize=4)
def _shapes(shapes: tuple[str, ...], numerals: str) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((shape, re.compile(r"^\s*" + re.escape(shape).replace("n", f"([{numerals}]+)")))
                 for shape in shapes if "n" in shape)


def announced_count(sentence: str) -> int | None:
    """The count a sentence announces its list with ("六个方面工作" 6, "以下14个方面" 14), or None."""
    return next(iter(_counts(sentence)), (None, ""))[0]


def _counts(text: str) -> list[tuple[int | None, str]]:
    """Each count `text` announces a list with, in order, and its counter ("六个方面工作" (6, 个方面))."""
    marks = list_marks()
    numerals = "".join(marks.get("numeral", ()))
    counters = alternation(marks.get("counter", ()))
    return [(_number(m.group(1), numerals), m.group(2))
            for m in re.finditer(rf"(\d+|[{numerals}]+)({counters})", text)] if counters else []


def _counter(sentence: str) -> str:
    """The counter of the count a sentence announces first ("个方面"), "" for none."""
    return next(iter(_counts(sentence)), (None, ""))[1]


def _announces(text: str, counted: tuple[int, str]) -> bool:
    """Whether `text` announces a list of `counted` items anywhere, by that count and counter, 个 aside
    ("着力做好五个方面的工作": (5, "方面"))."""
    return any((n, c.removeprefix("个")) == counted for n, c in _counts(text))


def _number(said: str, numerals: str) -> int | None:
    """"14" 14, "十四" 14, "八" 8, "二十" 20."""
    if said.isdigit():
        return int(said)
    value = {n: i + 1 for i, n in enumerate(numerals)}
    ten = value.get("十", 10)
    if "十" in said:
        tens, _, ones = said.partition("十")
        return (value.get(tens, 1) if tens else 1) * ten + (value.get(ones, 0) if ones else 0)
    return value.get(said)
