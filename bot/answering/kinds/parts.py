"""Questions with several parts, each answered on its own line.

- several metrics in one clause ("GDP和财政收入各是多少"), or an overview's headline metrics
  ("去年干得怎么样"): one retrieval, each metric's figure from it;
- several clauses, each asking its own figure ("去年建成几所学校，新增多少学位"): each clause is
  asked as a question, with the year and place of the first when it names none.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from bot.answering import wording
from bot.answering.asked import Asked, FanOut, Part
from bot.answering.compose import Composer
from bot.answering.evidence import Answer, Evidence, Sentence, Sentences, assess, time_agrees
from bot.answering.facts import segments, values_in
from bot.answering.reading.cues import clauses
from bot.answering.reading.question import ENTITY, Question, Shape
from bot.answering.reading.typed import clean
from bot.answering.reports import Reports
from bot.answering.vocabulary import alternation, cues, figure_words
from index.text.normalise import fold
from index.text.periods import periods
from index.text.timelabel import TARGET, TimeLabel

HEADLINES = 3  # figures in an overview answer


def combined(text: str, q: Question, answers: list[Answer]) -> Answer:
    """The parts' answers, one a line, refusals included; a refusal only if every part is one.
    A part the reports lack says so, without another year's figure beside the others."""
    answers = [replace(a, answer=wording.refusal(a.query)) if a.abstained and a.query and a.query.metrics
               else a for a in answers]
    answers = list({a.answer: a for a in reversed(answers)}.values())[::-1]  # one sentence answering two parts once
    first = next((a for a in answers if not a.abstained), answers[0])
    return replace(first, question=text, answer="\n".join(a.answer for a in answers),
                   abstained=all(a.abstained for a in answers), query=q,
                   sources=[s for a in answers for s in a.sources[:1]] + first.sources[1:],
                   evidence=sum(not a.abstained for a in answers) or 1,
                   explanation=" | ".join(a.explanation for a in answers))


def several(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Each metric of the question (or each headline metric of an overview) from one retrieval."""
    text, q = asked.text, asked.q
    sentences, parts = Sentences(asked.hits), q.parts()  # the sentences read once, assessed for each part
    if q.shape != Shape.OVERVIEW:
        answers = [compose.figure(text, p, assess(p, sentences)) for p in parts]
        both = combined(text, q, answers)
        given = [(p.terms[0].text, a) for p, a in zip(parts, answers) if not a.abstained and a.value]
        if q.intent != ENTITY or len(given) < 2:
            return both
        # "GDP和财政收入哪个增长快": each figure, led by which is higher
        lead = wording.higher("增速" if q.asks_change else "", given, q.asks_change or q.unit == "percent")
        return replace(both, answer=f"{lead}\n{both.answer}") if lead else both
    if led := _lead(q, parts, sentences):
        return compose.quoted(text, q, *led, asked.hits)
    # Else the first few headline figures the reports give. Refusals are not shown, so not worded
    # with another year's figure, unless every metric is refused: then the first one's is.
    answers = (compose.figure(text, p, assess(p, sentences), offer=False) for p in parts)
    given = list(islice((a for a in answers if not a.abstained), HEADLINES))
    if len(given) < HEADLINES and (dense := _densest(q, sentences, len(given))):
        return compose.quoted(text, q, *dense, asked.hits)
    if not given and (goal := _goal(q, sentences)):
        return compose.quoted(text, q, *goal, asked.hits)
    return combined(text, q, given or [compose.figure(text, parts[0], assess(parts[0], sentences))])


def _lead(q: Question, parts: tuple[Question, ...], sentences: Sentences) -> tuple[Evidence, str] | None:
    """The sentence an overview is answered by: of the year and kind asked, the one stating the
    most headline figures (at least HEADLINES, the first of them among them: GDP), as a report
    leads its review or its targets with them; quoted from its first headline clause to its last.
    None when no sentence states enough."""
    best: tuple[int, Evidence, str] | None = None
    changes = tuple(figure_words().get("change_verb", ()))  # a change clause, of the figure before it or of those
    changes += tuple(each + c for each in figure_words().get("respectively", ()) for c in changes)  # (分别增长…)
    for s, text in _statements(sentences):
        if s.label.span is not None or not time_agrees(q, s.label):
            continue
        segs = segments(text)
        named = [{p.metrics[0] for p in parts if values_in(seg) and p.terms[0].found_in(fold(seg))} for seg in segs]
        stated = set().union(*named)
        count = len(stated)
        if count >= HEADLINES and parts[0].metrics[0] in stated and (best is None or count > best[0]):
            at = [i for i, n in enumerate(named) if n]
            end = at[-1] + 1
            while end < len(segs) and segs[end].startswith(changes):
                end += 1  # the last figures' change ("进出口总额62.9亿美元，增长4.7%", "…17573元，分别增长8.3%和7.7%")
            best = (count, Evidence(s.hit, text, s.label, 1.0, ()), "，".join(segs[at[0]:end]))
    return best[1:] if best else None


def _densest(q: Question, sentences: Sentences, given: int) -> tuple[Evidence, str] | None:
    """A report whose year is summed up in other figures than the headline ones ("工业用电量22.9亿
    千瓦时…总税收42.18亿元…", "力争工业产值破千亿，确保开复工项目240个以上…"): of the year and kind
    asked, the sentence stating the most figures, when it states at least HEADLINES and more than
    the headline figures found (`given`); quoted to its last figure's clause from the clause before
    its first, which says what they are of or states one in words ("力争实现工业产值破千亿")."""
    best: tuple[int, Evidence, str] | None = None
    for s, text in _statements(sentences):
        if s.label.span is not None or not time_agrees(q, s.label):
            continue
        segs = segments(text)
        at = [i for i, seg in enumerate(segs) if values_in(seg)]
        if len(at) >= max(HEADLINES, given + 1) and (best is None or len(at) > best[0]):
            best = (len(at), Evidence(s.hit, text, s.label, 1.0, ()), "，".join(segs[max(at[0] - 1, 0):at[-1] + 1]))
    return best[1:] if best else None


def _goal(q: Question, sentences: Sentences) -> tuple[Evidence, str] | None:
    """A long-range goal asked ("到2035年要达到什么目标") that no headline figure states: the
    best-retrieved sentence setting the goal for that year (a target whose span ends in it),
    as a report states its vision in words ("基本实现社会主义现代化，经济总量实现倍增"); with no year
    asked ("奔着啥大目标去的"), the best-retrieved one naming a goal by its quoted name (figure_words.tsv
    `named_goal`: "正向着“千亿产值百亿税收”宏伟目标阔步前行"), not a period's ("“十四五”规划目标")."""
    goals = alternation(figure_words().get("named_goal", ()))
    named = re.compile(f"“([^”]{{2,20}})”[\u4e00-\u9fff]{{0,4}}?(?:{goals})") if goals else None
    for s in sentences.items:
        tl = s.label
        if q.year is not None and tl.span is not None and tl.year == q.year and tl.kind == TARGET:
            return Evidence(s.hit, s.text, tl, 1.0, ()), s.text
        if q.year is None and q.kind == TARGET and named and (m := named.search(s.text)) \
                and not any(name in m[1] for name, _, _ in periods()):
            # a goal of no year, whatever its sentence reviews ("…亮眼的“成绩单”…正向着…目标"): its clause, as a goal
            said = next((seg for seg in segments(s.text) if m[1] in seg), s.text)
            return Evidence(s.hit, s.text, TimeLabel(None, TARGET, source=tl.source), 1.0, ()), said
    return None


def _statements(sentences: Sentences) -> list[tuple[Sentence, str]]:
    """The sentences, those that end on a semicolon joined to the next of their passage ("全年地区
    生产总值增长3.5%;规上工业增加值增长3%;…"), and those that give a part of the figure before them
    ("…工业总产值210亿元。其中规上企业产值99.6亿元", figure_words.tsv `part`) to the one before, each with
    the first one's label."""
    out: list[tuple[Sentence, str]] = []
    part = figure_words().get("part", ())
    for s in sentences.items:
        if out and out[-1][0].hit is s.hit and (out[-1][1].rstrip().endswith((";", "；"))
                                                or s.text.lstrip().startswith(part)):
            out[-1] = (out[-1][0], out[-1][1] + s.text)
        else:
            out.append((s, s.text))
    # a statement cut by its passage's end goes on in the next passage, when that one was retrieved too,
    # as does the last one whose part the next passage opens with
    opening = {(s.hit.chunk.doc_id, s.hit.row): text for s, text in out if s.hit.chunk.sentences
               and s.text == s.hit.chunk.text[slice(*s.hit.chunk.sentences[0][:2])]}
    last = {(s.hit.chunk.doc_id, s.hit.row): i for i, (s, _) in enumerate(out)}
    goes_on = lambda i, s, text: (text.rstrip().endswith((";", "；")) or (  # noqa: E731
        last[(s.hit.chunk.doc_id, s.hit.row)] == i and opening.get((s.hit.chunk.doc_id, s.hit.row + 1), "").startswith(part)))
    return [(s, text + opening.get((s.hit.chunk.doc_id, s.hit.row + 1), "") if goes_on(i, s, text) else text)
            for i, (s, text) in enumerate(out)]


def _clauses(asked: Asked, reports: Reports) -> list[Part]:
    """Each clause, read as a question of its own about the default place; a later one that names
    no topic of its own follows the first ("GDP多少，增长多少": the GDP's growth), as does one opening on a
    share's word, naming only the whole ("瞪羚企业有几家,占全市多少": the firms' share of the city's, `share_of`);
    one that names a metric but not what it is of is of the first's subject ("新建项目几个 总投资多少": the new
    projects' investment, not all projects')."""
    covered = set(reports.places())  # not a level named beside the place ("全国排第几")
    first, *rest = clauses(asked.text, tuple(p for p in asked.q.places if p in covered))
    q = reports.read(clean(first), None, asked.before)
    split = [Part(first, q)]
    topic = "、".join(t.text for t in q.terms if t.weight >= 1)
    subject = _subject(q)
    for c in rest:  # said with the first's topic, as a place's own reading of it has no previous question
        read = reports.read(clean(c), None, q)
        if topic and (read.follow_up or _share_of(c, read)):
            c = topic + c
        elif subject and read.metrics and not _subject(read):
            c = subject + c
        split.append(Part(c, reports.read(clean(c), None, asked.before)))
    return split


def _share_of(clause: str, q: Question) -> bool:
    """Whether each of the clause's topic words is the whole after a share's word (`share_of`: "占全市多少")."""
    share, said = alternation(cues().get("share_of", ())), fold(clause)
    topic = [t for t in q.terms if t.weight >= 1]
    return bool(share and topic) and all(re.search(f"(?:{share})(?:{alternation(t.forms)})", said) for t in topic)


def _subject(q: Question) -> str:
    """What a question asks of, beside its metric and place: its topic words no metric names ("新建项目")."""
    return "".join(t.text for t in q.terms if t.weight >= 1 and t.text not in q.metrics)


CLAUSES = FanOut(_clauses, lambda asked, split, answers: combined(asked.text, asked.q, answers))
