"""One place's answer from its passages: a figure, two figures of one metric compared, a name or a
list in a sentence, a report's byline; and the refusals that need no passages at all."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import comparison, scoring, wording
from bot.answering.asked import Asked, Search
from bot.answering.compose import Composer
from bot.answering.evidence import Answer, gather
from bot.answering.facts import segments, values_in
from bot.answering.kinds import people
from bot.answering.reading.asks import action_asked, count_in_words, streak_asked
from bot.answering.reading.question import ENTITY, Term
from bot.answering.reading.word_numbers import magnitude_words
from bot.answering.reports import Reports
from bot.answering.vocabulary import alternation, cues, figure_words
from index.reading.opening import offices
from index.text.normalise import fold
from index.text.timelabel import TARGET, TimeLabel


def why(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    return Answer(asked.text, wording.WHY_REFUSAL, abstained=True, query=asked.q,
                  explanation="why-questions are not covered by figures")


def no_topic(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    return Answer(asked.text, wording.no_topic(asked.continued), abstained=True, query=asked.q,
                  explanation="no topic")


def figure(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """The figure; when the passages retrieved for the question hold none of the year and kind,
    or only a statement about a period, a milestone or the year's addition ("粮食总产…连续16年
    位居全国首位，增量39.7亿斤"), once more from those of the report that states them ("GDP增速"
    can retrieve the sentences about other 增速 before the one giving the GDP's)."""
    q = asked.q
    if (streak := streak_asked(q)) is not None:
        return _streak(asked, compose, streak)
    first = gather(q, asked.hits)
    answer = compose.figure(asked.text, q, first)
    if answer.abstained and (counted := count_in_words(q)) is not None:
        return _in_words(asked, compose, counted) or answer
    if answer.abstained and (scale := _scale_goal(asked, compose)) is not None:
        return scale
    if asked.search is None or q.year is None or q.kind is None:
        return answer
    # a figure in another unit than the metric's ("年均增长5.9%，规模稳居全国第4位" for a year's
    # growth) is a reason to look again, as one about a period is
    if not answer.abstained and all(c.one_year and c.agrees for c in scoring.figures(q, first)[:1]):
        return answer
    # a second look is wider, so only a figure in the unit the metric is measured in answers from it
    again = compose.figure(asked.text, q, gather(q, asked.search.stating((q.year, q.kind)) + asked.hits),
                           agreeing=True)
    return (_held_to(asked, compose) or answer) if again.abstained else again


def _held_to(asked: Asked, compose: Composer) -> Answer | None:
    """"福州今年固投定的什么目标" when no figure answers: the year's target for the metric stated in
    words ("固定资产投资增速高于全省平均水平"), quoted with its year and 目标; only a clause of a
    sentence about that year's targets that opens on the metric's name (or names it first after an `aim` word:
    "确保技工贸总收入跃上千亿园区台阶"), holds no figure, and says the level the metric is held to
    (figure_words.tsv `held_to`, `held_at_level`), else None."""
    words = figure_words()
    q, held = asked.q, alternation(words.get("held_to", ()) + words.get("held_at_level", ()))
    if not (held and q.kind == TARGET and q.kind_asked and q.terms):  # a metric no list knows too (技工贸总收入)
        return None
    aimed = rf"^.*?(?:{alternation(words.get('aim', ()))})" if words.get("aim") else "(?!)"
    for ev in scoring.sentences(q, gather(q, asked.hits)):
        if ev.coverage < compose.threshold:
            break
        for clause in segments(ev.sentence):
            opening = (fold(clause), re.sub(aimed, "", fold(clause)))  # "倾尽全力确保技工贸总收入…" opens on it too
            if any(o.startswith(q.terms[0].forms) for o in opening) and not values_in(clause) and re.search(held, clause):
                return compose.quoted(asked.text, q, ev, clause, asked.hits, "a target stated in words")
    return None


def _scale_goal(asked: Asked, compose: Composer) -> Answer | None:
    """"要打造多大规模的园区", a goal of no year asked by its scale (question_cues.tsv `scale_asked`): the clause of a
    best-covering sentence building a thing of a scale said in words (figure_words.tsv `build`, a `word_number` and
    a magnitude of index/data/magnitudes.tsv, 级 or not: "全力打造千亿产业园区", "打造千亿级产业链"), a topic word of the
    question after the scale; quoted as a goal of no year, whatever its sentence reviews. None where no clause does."""
    q, words = asked.q, figure_words()
    numbers = tuple(k.partition(":")[2] for k in words if k.startswith("word_number:"))
    magnitudes = magnitude_words()
    if q.kind != TARGET or q.year is not None or not (words.get("build") and numbers and magnitudes) \
            or not any(w in q.normalised for w in cues().get("scale_asked", ())):
        return None
    topic = alternation(tuple(f for t in q.terms if t.weight >= 1 for f in t.forms))
    scale = re.compile(rf"(?:{alternation(words['build'])})[一二两三四五六七八九]?(?:{alternation(numbers)})"
                       rf"(?:{alternation(magnitudes)})级?[^，,；;。]*?(?:{topic})")
    for ev in scoring.sentences(q, gather(q, asked.hits), lambda ev: True):
        if ev.coverage < compose.threshold:
            break
        if said := next((clause for clause in segments(ev.sentence) if scale.search(fold(clause))), None):
            goal = replace(ev, label=TimeLabel(None, TARGET, source=ev.label.source))
            return compose.quoted(asked.text, q, goal, said, asked.hits, "a goal stated by its scale")
    return None


def compared(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Two figures of one metric: two years, or a year's target against its result (a period's, by the
    last year reviewed within it: comparison.met_within)."""
    q, search = comparison.met_within(asked.q, asked.now), asked.search
    if q is not asked.q:
        search = Search(search.searcher, q, search.dates, search.now, search.vector)
    return compose.compare(asked.text, q, gather(q, asked.hits), search.sides())


def _streak(asked: Asked, compose: Composer, streak: re.Pattern) -> Answer:
    """"金华固投增速连续多少个月居全省前三": the clause of the best covering sentence that states such a
    streak ("增速连续44个月居全省前3"), quoted from the clause naming the metric; else a refusal."""
    q = asked.q
    for ev in scoring.sentences(q, gather(q, asked.hits)):
        if ev.coverage < compose.threshold:
            break
        said = segments(ev.sentence)
        at = next((i for i, s in enumerate(said) if streak.search(s)), None)
        if at is not None:
            named = [j for j in range(at + 1) if q.metrics and q.terms[0].found_in(fold(said[j]))]
            return compose.quoted(asked.text, q, ev, "，".join(said[named[-1] if named else at:at + 1]),
                                  asked.hits, "the streak its sentence states")
    return compose.refuse(asked.text, q, None, "no streak stated")


def _in_words(asked: Asked, compose: Composer, counted: Term) -> Answer | None:
    """"诚信化工连续几年入选…" when no figure answers: the sentence that covers the question and
    states the count in words ("连续三年入选"), else None. The count alone does not cover it: a
    sentence naming none of the question's topic words ("过去一年" for "人口几年…") answers nothing."""
    q = replace(asked.q, terms=asked.q.terms + (counted,), intent=ENTITY)
    said = compose.sentence(asked.text, q, gather(q, asked.hits))
    folded = fold(said.answer)
    return said if not said.abstained and counted.found_in(folded) \
        and any(t.found_in(folded) for t in asked.q.terms) else None


def against(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """A figure and the gap its report states to a level ("比全省高多少")."""
    return compose.against(asked.text, asked.q, gather(asked.q, asked.hits))


def metrics(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Two metrics of one place compared ("贷款余额比存款多还是少"). Where a side's figure is not its
    own clause's ("城乡居民人均可支配收入分别达到…"), the sentence that best gives the figures is
    quoted as for any figure; the refusal only where that finds nothing either."""
    answer = compose.metrics(asked.text, asked.q, gather(asked.q, asked.hits))
    if not answer.abstained:
        return answer
    quoted = figure(asked, reports, compose)
    return answer if quoted.abstained else quoted


def sentence(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """A name ("哪家企业") or a list ("有哪些…") as a sentence of the reports says it."""
    return compose.sentence(asked.text, asked.q, gather(asked.q, asked.hits))


def byline(asked: Asked, reports: Reports, compose: Composer) -> Answer:
    """Who delivered the place's report of the year asked, and at which meeting; where the place has
    only news articles about its report, by the sentence naming an office and the report
    ("南沙区常务副区长董可向大会作政府工作报告")."""
    answer = compose.byline(asked.text, asked.q, asked.place, asked.q.year, asked.now)
    titles = [reports.document(d).get("title", "") for d in reports.reports_in.get(asked.place, [])]
    # news naming only the session its report was delivered at names nobody asked for by 谁
    nobody = any(w in asked.q.normalised for w in cues().get("who", ())) and \
        not (reports.delivery(asked.place, asked.q.year) or {}).get("speaker")
    if not (answer.abstained or nobody) or asked.search is None or \
            any(w in t for t in titles for w in cues().get("report", ())):
        return answer  # a report itself says its byline in its opening lines, or not at all
    said = sentence(asked, reports, compose)
    # the sentence naming an office and the report, or where a person does at a meeting what is asked
    # ("经开区党工委书记周霖临出席会议并强调" for "党工委扩大会议谁出席讲话的")
    quoted = said.sources[0].text if said.sources else ""
    delivers = any(w in quoted for w in offices()) and any(w in quoted for w in cues().get("report", ())) \
        or bool(people.acted(quoted, action_asked(asked.q)))
    return said if not said.abstained and delivers else answer
