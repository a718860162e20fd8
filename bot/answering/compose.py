"""One answer composed from its evidence: the best figure or sentence, two figures compared (two
years, two metrics, a target and its result, a figure and its stated gap to a level), a report's
byline, or an honest refusal; each with its sources and its Chinese wording.

Below the confidence threshold (ZONEQA_ABSTAIN_THRESHOLD, default 0.5) it abstains. Years and
kinds are never mixed: a figure for another year or kind is only offered as "资料中只有…".
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.answering import comparison, scoring, wording
from bot.answering.evidence import Answer, Evidence, Source, coverage, gather, unique
from bot.answering.facts import RATE, segments, values_in
from bot.answering.kinds import people
from bot.answering.reading import asks
from bot.answering.reading.question import ENTITY, LIST, Question, Shape
from bot.answering.reports import Reports
from bot.answering.scoring import Candidate
from bot.answering.sentences import kind_asked
from bot.answering.sentences.dated import dated_part
from bot.answering.vocabulary import cues, figure_words, unit_group
from index.text.normalise import fold
from index.text.timelabel import RESULT, TARGET

RETRIEVE_K = 12  # passages retrieved for each part of a question
EXTRA_SOURCES = 2  # passages cited after the evidence, for context


def asks_amount(q: Question) -> bool:
    """Whether the question asks for an amount, not a rate: "GDP总量是多少", "GDP突破5万亿了吗"."""
    threshold = values_in(q.threshold or "")
    if threshold and unit_group(threshold[0][4]) != "percent":
        return True
    return any(w in q.normalised for w in cues().get("amount", ()))


class Composer:
    def __init__(self, reports: Reports, threshold: float):
        self.reports = reports
        self.threshold = threshold

    # -- pieces of every answer -----------------------------------------------------------

    def _reply(self, ev: Evidence, window: str, dated: bool = True, on_day: bool = False) -> str:
        """`window` as a reply; `on_day`: said on its report's day ("2017年3月1日，…"), as who held an office."""
        meeting = ev.label.source == "meeting"  # "实到代表515名" is of the meeting's day, not of the year reviewed
        # the report's date, looked up once and only for a reply that names it: its day, or the year a
        # period named by its length ("四年来") is counted from
        date = self.reports.document(ev.hit.chunk.doc_id).get("date", "") if on_day or meeting or ev.label.span else ""
        when = wording.on_date(date) if on_day or meeting else ""
        reported = date[:4] if ev.label.span else ""
        return wording.reply(window, ev.label, self.reports.place_of.get(ev.hit.chunk.doc_id, ""),
                             dated and not meeting, when, reported)

    @staticmethod
    def sources(first: list[Evidence], evidence: list[Evidence]) -> list[Source]:
        """The evidence sentences, then up to EXTRA_SOURCES other retrieved passages, whole."""
        out = [e.source() for e in first]
        seen = {s.chunk_id for s in out}
        for e in evidence:
            if e.hit.chunk.chunk_id not in seen and len(out) < len(first) + EXTRA_SOURCES:
                out.append(Source.of(e.hit, e.hit.chunk.text))
                seen.add(e.hit.chunk.chunk_id)
        return out

    @staticmethod
    def refuse(text: str, q: Question, nearest: Candidate | None, why: str, consequence: str = "") -> Answer:
        """An abstention; where the reports have the same thing for another year or kind, say so."""
        other = (nearest.evidence.label, nearest.window) if nearest else None
        return Answer(text, wording.refusal(q, consequence, other), abstained=True,
                      sources=[nearest.evidence.source()] if nearest else [], query=q,
                      explanation=why, confidence=nearest.confidence if nearest else 0.0)

    # -- one figure -----------------------------------------------------------------------

    def figure(self, text: str, q: Question, evidence: list[Evidence], offer: bool = True,
               agreeing: bool = False) -> Answer:
        """The best figure for `q`, or a refusal; `offer`: one offering another year's ("资料中只有…");
        `agreeing`: only a figure in the unit asked or its metric's."""
        if q.year is None and q.kind is None:  # no year asked: the latest results come first, if one answers
            ranked = scoring.figures(q, evidence, kind=RESULT)
            if not ranked or ranked[0].confidence < self.threshold:
                ranked = scoring.figures(q, evidence) or ranked
        else:
            ranked = scoring.figures(q, evidence)
        ranked = [c for c in ranked if c.agrees] if agreeing else ranked
        best = ranked[0] if ranked else None
        if q.kind == TARGET and not q.kind_asked and q.year is not None and (best is None or best.confidence < 1):
            # A year taken for a plan, though the question did not say so: whatever the reports hold
            # for it, labelled ("2025年投资完成多少" where a year-end report reviews 2025: its result
            # or estimate), where no target answers it in full ("今年预计竣工多少个项目" in news of the
            # year under way: its 预计全年竣工项目90个, not a target of 项目 saying nothing of 竣工).
            # A year under review is asked for its result: a target of it is only offered.
            # Only a figure whose own clause names the metric: the fallback must not turn a loose
            # match into an answer of a kind nobody asked for.
            anykind = replace(q, kind=None)
            other = [c for c in scoring.figures(anykind, evidence) if scoring.names_metric(q, c.fact.window)]
            if best is None or best.confidence < self.threshold or other and other[0].confidence > best.confidence:
                ranked, best, q = other, other[0] if other else None, anykind if other else q
        if best is None or best.confidence < self.threshold:
            if not offer:
                return self.refuse(text, q, None, "no figure for this year/kind")
            other = scoring.nearest(q, [c for c in scoring.figures(q, evidence, timely=False)
                                        if c.confidence >= self.threshold])
            why = "no figure for this year/kind" if other else "low confidence"
            if best is not None and not other:
                why += f": {best.explain()}"
            strict = q.unit in cues().get("strict_unit", ())  # "排第几": no rank is said, not no GDP
            named = next(iter(cues().get(f"named:{q.unit}", ())), "") if strict else ""
            return self.refuse(text, q, other[0] if other else None, why, f"的{named}" if named else "")
        if unit_group(best.fact.unit) in cues().get("not_amount", ()) and asks_amount(q):
            # "GDP总量是多少": the amount answers even where a rate ranks first (the amount may be
            # the level a period's change reaches); where the report gives only the growth, the
            # rate is offered, not passed off
            amount = next((c for c in scoring.amounts(ranked) if c.confidence >= self.threshold), None)
            if amount is None:
                named = next(iter(cues().get("named:amount", ())), "")
                return self.refuse(text, q, best, f"an amount asked, a rate or multiple found: {best.explain()}", f"的{named}")
            best = amount
        missed = kind_asked.missed(q, best)
        if missed:
            # "GDP增长了多少" is not answered by a level alone, "GDP增速排第几" by 总量's rank: where the
            # report gives none of the kind asked, the figure is offered, not passed off as one
            fitting = next((c for c in ranked if not kind_asked.missed(q, c) and c.confidence >= self.threshold), None)
            if fitting is None:
                named = next(iter(cues().get(f"named:{missed}", ())), "")
                return self.refuse(text, q, best, f"a {missed} asked, another found: {best.explain()}", f"的{named}")
            best = fitting
        fact, ev = best.fact, best.evidence
        value = fact.value
        if q.asks_change and q.unit in (None, "percent") and fact.change and fact.unit != RATE:
            rates = values_in(fact.change)  # "增长了多少" asks for the rate, not the amount
            value = rates[0][2] if rates else value
        return Answer(text, self._reply(ev, _with_its_figures(best)), abstained=False, value=value, year=ev.label.year,
                      kind=ev.label.kind, sources=self.sources([ev], evidence),
                      confidence=best.confidence, explanation=best.explain(), query=q)

    # -- two figures ----------------------------------------------------------------------

    def compare(self, text: str, q: Question, evidence: list[Evidence], sides) -> Answer:
        """Two figures of one metric, each side (year, kind) from its own retrieval and the question's."""
        compared = [side for side, _ in sides]
        attained = comparison.asks_attained(q)  # the result (b) against the target (a)
        found = [[c for c in scoring.figures(q, gather(q, hits[:RETRIEVE_K]) + evidence, year=year, kind=kind)
                  if c.confidence >= self.threshold] for (year, kind), hits in sides]
        said = found[1][0] if attained and not found[0] and found[1] else None
        onward = said.window + (_said_after(said.evidence.sentence, said.window) or "") if said else ""
        reached = comparison.says_attained(said.evidence.sentence, onward) if said else None
        if said and reached is not None:
            # no target stated, but the result says it reached it ("…投资7300亿元、超年度计划目标13.9%")
            # or how much of it ("预计实现1900亿元，完成全年总量目标的107%")
            quoted = said.window if comparison.says_attained(said.window, said.window) is not None else onward
            return Answer(text, ("完成了。" if reached else "没有完成。") + self._reply(said.evidence, quoted),
                          abstained=False, value=said.fact.value, year=said.evidence.label.year, kind=RESULT,
                          sources=self.sources([said.evidence], evidence), confidence=said.confidence,
                          explanation=f"the result says whether it reached its target: {said.explain()}", query=q)
        if not attained and comparison.asks_change_between(q):
            # the change the later year's figure states since the earlier year answers it as said
            later = max((0, 1), key=lambda i: compared[i][0])
            stated = next(((c, change) for c in found[later] if c.confidence == found[later][0].confidence
                           for change in (comparison.stated_change(c.fact, compared[later][0],
                                                                   compared[1 - later][0]),) if change), None)
            if stated:
                (c, change), rates = stated, values_in(stated[1])
                return Answer(text, self._reply(c.evidence, c.window), abstained=False,
                              value=rates[0][2] if rates else change, year=c.evidence.label.year,
                              kind=c.evidence.label.kind, sources=self.sources([c.evidence], evidence),
                              confidence=c.confidence, explanation=f"the change it states: {c.explain()}", query=q)
        for ((year, kind), _), ranked in zip(sides, found):
            if not ranked:
                return self.refuse(text, replace(q, years=(year,), kind=kind), None,
                                   f"comparison: nothing for {year} {kind}", "，无法比较")
        a, b = found[0][0], found[1][0]
        if attained:
            # the best result and target that can be measured against each other ("增长5.2%" for
            # "增长5%左右", not "达3.6万亿元"), not another figure in the same words
            a, b = next(((t, r) for r in found[1] for t in found[0]
                         if comparison.difference(q, r.fact, t.fact) is not None), (a, b))
        diff = comparison.difference(q, b.fact, a.fact) if attained else comparison.difference(q, a.fact, b.fact)
        if attained:
            return self._attainment(text, q, compared[0][0], a, b, diff, evidence)
        if diff is None:
            return self.refuse(text, q, None, "comparison: units differ")
        metric = q.metrics[0] if q.metrics else a.fact.subject
        place = self.reports.place_of.get(a.evidence.hit.chunk.doc_id, "")
        (year, kind), _ = compared
        parts = (a.evidence.label.part, b.evidence.label.part)
        return Answer(text, comparison.reply(compared, diff, metric, place, parts), abstained=False,
                      value=diff.shown(), year=year, kind=kind,
                      sources=self.sources([a.evidence, b.evidence], evidence), evidence=2,
                      confidence=min(a.confidence, b.confidence),
                      explanation=f"{a.explain()} | {b.explain()}", query=q)

    def against(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        """"增速比全省高多少": the figure and the gap its sentence states to the level asked, right after
        it ("增长8%，比全省、全市分别高2、1.4个百分点": "增长8%，比全省高2个百分点"); a refusal offering the figure when none is stated."""
        ranked = scoring.figures(q, evidence, kind=RESULT) if q.year is None and q.kind is None else []
        ranked = [c for c in ranked or scoring.figures(q, evidence) if c.confidence >= self.threshold]
        for c in (c for c in ranked if scoring.names_metric(q, c.fact.window)):  # not the next metric's gap
            # of several levels' gaps ("分别高于全省和全国0.8个、1.3个百分点"), the one asked, said alone
            # (after its change where its quote skips a clause: "602.5亿元，首次突破600亿元大关，同比增长5.5%，高于全国…")
            gaps = comparison.gaps_of(c.fact.window, _said_after(c.evidence.sentence, c.fact.window)
                                      or _said_after(c.evidence.sentence, c.fact.window.rpartition("，")[2]) or "")
            asked = next((g for g in gaps if q.against in g.level), None)
            if asked is not None:
                said = self._reply(c.evidence, asked.said)
                return Answer(text, comparison.gap_reply(asked) + said, abstained=False,
                              value=asked.shown(), year=c.evidence.label.year, kind=c.evidence.label.kind,
                              sources=self.sources([c.evidence], evidence), confidence=c.confidence,
                              explanation=f"the gap its sentence states: {c.explain()}", query=q)
        own = replace(q, terms=tuple(t for t in q.terms if t.text != q.against), kind=None)  # "…与全省的比较"
        return self.refuse(text, own, ranked[0] if ranked else None, "no gap to the level stated",
                           f"与{q.against}的比较")

    def metrics(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        """"贷款余额比存款多还是少": each metric's own figure (its clause naming it), of one year and
        kind, then which is larger and by how much; a refusal when a side has none."""
        asked = [comparison.side_question(q, side) for side in q.versus]
        found = []
        for sq, side in zip(asked, q.versus):
            # each sentence as it covers this metric alone
            own = [replace(e, coverage=cov, missing=missing) for e in evidence
                   for cov, missing in (coverage(sq, e.sentence),)]
            ranked = scoring.figures(sq, own, kind=RESULT) if q.year is None and q.kind is None else []
            found.append([c for c in ranked or scoring.figures(sq, own) if c.confidence >= self.threshold
                          and all(t.found_in(fold(c.fact.window)) for t in side)])
            if not found[-1]:
                return self.refuse(text, sq, None, f"two metrics: nothing for {sq.topic()}", "，无法比较")
        names = tuple(comparison.side_name(side, q.metrics) for side in q.versus)
        pairs = ((a, b, comparison.difference(asked[0], a.fact, b.fact)) for a in found[0] for b in found[1]
                 if a.fact is not b.fact and (a.evidence.label.year, a.evidence.label.kind) ==
                 (b.evidence.label.year, b.evidence.label.kind))
        a, b, diff = next(((a, b, d) for a, b, d in pairs if d is not None), (None, None, None))
        if diff is None:
            return self.refuse(text, q, None, "two metrics: no figures of one year, kind and unit", "，无法比较")
        place = self.reports.place_of.get(a.evidence.hit.chunk.doc_id, "")
        said = (wording.squash(a.window), wording.squash(b.window))
        return Answer(text, comparison.metrics_reply(names, said, diff, wording.prefix(a.evidence.label, place)),
                      abstained=False, value=diff.shown(), year=a.evidence.label.year, kind=a.evidence.label.kind,
                      sources=self.sources([a.evidence, b.evidence], evidence), evidence=2,
                      confidence=min(a.confidence, b.confidence),
                      explanation=f"{a.explain()} | {b.explain()}", query=q)

    def _attainment(self, text: str, q: Question, year: int, target: Candidate, result: Candidate, diff,
                    evidence: list[Evidence]) -> Answer:
        """A year's target and its result side by side, and whether it was reached."""
        # part of the year's result ("1-9月") says nothing yet of whether the year's target is reached
        reached = comparison.attained(target.fact, result.fact, diff) if not result.evidence.label.part else None
        place = self.reports.place_of.get(target.evidence.hit.chunk.doc_id, "")
        reply = comparison.attainment_reply(year, wording.squash(target.window),
                                            wording.squash(result.window), reached, place,
                                            result.evidence.label.part)
        return Answer(text, reply, abstained=False, value=result.fact.value, year=year, kind=RESULT,
                      sources=self.sources([target.evidence, result.evidence], evidence), evidence=2,
                      confidence=min(target.confidence, result.confidence),
                      explanation=f"{target.explain()} | {result.explain()}", query=q)

    def quoted(self, text: str, q: Question, ev: Evidence, window: str, hits,
               why: str = "the sentence stating the most headline figures") -> Answer:
        """One sentence's clauses, quoted as they stand (an overview's headline figures, a streak)."""
        return Answer(text, self._reply(ev, window), abstained=False, year=ev.label.year, kind=ev.label.kind,
                      sources=self.sources([ev], gather(q, hits[:RETRIEVE_K])), confidence=ev.coverage,
                      explanation=why, query=q)

    # -- a report's byline ----------------------------------------------------------------

    def byline(self, text: str, q: Question, place: str, year: int | None, now: int) -> Answer:
        """Who delivered a report and at which meeting, as the report's opening lines say it;
        `year` None: the place's latest."""
        doc = self.reports.delivery(place, year)
        if doc is None:
            dated, titles = self.reports.titles(place, year)  # what the place's texts are, by their titles
            said = wording.no_byline(place, dated if titles else year or now, titles)
            return Answer(text, said, abstained=True, query=q,
                          explanation="no report of that place and year says who delivered it")
        # news says who delivered it in a clause of its own ("区长冯琳代表区政府向大会作工作报告")
        said = "，".join(v for v in (doc.get("delivered"), doc.get("spoke") or doc.get("speaker")) if v)
        source = Source(doc["doc_id"], doc["title"], "", said, 1.0, place=place)
        reply = wording.byline(doc["title"], said, doc.get("speaker", ""), place, wording.on_date(doc["date"]))
        return Answer(text, reply, abstained=False,
                      year=year or int(doc["date"][:4]), sources=[source], confidence=1.0,
                      explanation="the report's opening lines", query=q)

    # -- a sentence: a name, a list -------------------------------------------------------

    def sentence(self, text: str, q: Question, evidence: list[Evidence]) -> Answer:
        ranked = scoring.sentences(q, evidence, self._dated_as_asked(q))
        if asks.asks_when(q):  # the year is what is asked: a sentence tying none to what is asked does not answer
            ranked = [ev for ev in ranked if dated_part(ev.sentence, q)]
        held = _office_of(evidence, q)  # "冯琳是干啥的": the clause giving the person's office
        if not held and (not ranked or ranked[0].coverage < self.threshold):
            return self.refuse(text, q, None, "low coverage")
        if held:
            ev, window = held
        else:
            ev = _closest([e for e in ranked if e.coverage == ranked[0].coverage], q)
            # a person asked by their office ("党工委书记叫啥") is one name, as "谁" asks it
            one_name = q.shape == Shape.WHO or \
                q.intent == ENTITY and any(w in q.normalised for w in cues().get("one_name", ()))
            part = dated_part(ev.sentence, q) if asks.asks_when(q) else ev.sentence  # of a year asked, its part
            window = people.named(part, q) if one_name else wording.focus(part, q)
            forms = asks.action_asked(q) if q.shape == Shape.WHO else ()
            if forms:
                doc = self.reports.document(ranked[0].hit.chunk.doc_id)
                # whoever did it may stand anywhere in the meeting's text, retrieved or not
                evidence = unique(evidence + gather(q, [replace(ranked[0].hit, chunk=c)
                                                        for c in self.reports.whole(ranked[0].hit.chunk)]))
                acted = _acted(ranked, evidence, forms, doc.get("title", ""), self.reports)
                # a meeting of another year than asked is no answer ("周口2008年人代会", news of 2009's), nor is
                # its text where nobody does the action asked (no presider named): each says what the text does.
                # A year the sentence asked about states is of what was said ("到2021年打造…是谁说的")
                other_year = q.year is not None and str(q.year) not in "".join(
                    (doc.get("date", "")[:4], doc.get("title", ""), ranked[0].sentence))
                if acted is None or other_year:
                    done = acted if other_year else _acted(ranked, evidence, people.every_action(), doc.get(
                        "title", ""), self.reports)
                    return Answer(text, wording.not_done(asks.actions_named(q)[0], q.year if other_year else None,
                                                         wording.on_date(doc.get("date", "")), done[1] if done else ""),
                                  abstained=True, sources=self.sources([done[0]], evidence) if done else [], query=q,
                                  explanation="no sentence of the meeting's text has a person do what is asked")
                ev, window = acted
            if one_name and (mask := people.masked_newcomer(window, q)):  # a masked name is none
                return Answer(text, wording.name_masked(q, window, mask), abstained=True, query=q,
                              explanation="the text masks the name of the person asked")
            if one_name and asks.by_office_or_action(q) and not forms and (
                    not people.names_person(window) or people.holds_another(window, q)):
                # a sentence naming nobody ("我代表镇人民政府向大会报告政府工作"), or only a deputy of the
                # office asked, is no answer to who (one doing the action asked names its doer)
                return Answer(text, wording.nobody_named(q), abstained=True, query=q,
                              explanation="no sentence names the person asked")
        # a figure always says its year, and so does a target asked that a sentence states in words
        # ("固定资产投资增速高于全省平均水平" in the year's list of targets); a person asked for is named
        # plainly, on the report's day (below), whatever goal the sentence states ("据…唐翱介绍，…到2021年打造…")
        person = held or q.shape == Shape.WHO and asks.asks_person(q)
        dated = not person and (q.intent == LIST or bool(values_in(window)) or q.kind == ev.label.kind == TARGET)
        said = self._reply(ev, window, dated=dated)
        if person and not wording.YEAR.search(said):
            # an office is held, an action done, at a time: the report's day says when
            said = self._reply(ev, window, dated=dated, on_day=True)
        return Answer(text, said, abstained=False,
                      year=ev.label.year, kind=ev.label.kind,
                      sources=self.sources([ev], evidence),
                      # as covered as the best sentence, whichever sentence says who
                      confidence=1.0 if held else ranked[0].coverage,
                      explanation=Candidate(ev, None, window, ev.coverage).explain(), query=q)

    def _dated_as_asked(self, q: Question):
        """Whether a sentence is of the time asked whatever its own label: for who did what at a meeting of
        the year asked ("周口2009年人代会开幕式谁主持的"), whether its text is dated that year, as news of the
        meeting is, whatever year it reviews ("2008年全市生产总值…"); with no year asked, any sentence, as who
        did it is asked, not of which years ("据…副主任唐翱介绍，…到2021年打造…的目标"); for the year a goal
        is to be reached (asks.asks_when), whether it states a year, whichever; none for other questions."""
        if asks.asks_when(q):
            return lambda ev: bool(wording.YEAR.search(ev.sentence))
        if q.shape != Shape.WHO or not asks.asks_person(q):
            return lambda ev: False
        if q.year is None:
            acts = bool(asks.action_asked(q))
            return lambda ev: acts
        return lambda ev: self.reports.document(ev.hit.chunk.doc_id).get("date", "")[:4] == str(q.year)


def _with_its_figures(c: Candidate) -> str:
    """A count's words with the clauses after it that each give one figure of what it counts, by a name of
    such figures (figure_words.tsv `of_counted`): "预计开工项目24个，总投资211.9亿元，年度计划投资86.4亿元",
    what was counted told whole; not a figure of another thing ("企业17家，“四上”企业营收近8000亿元")."""
    if unit_group(c.fact.unit) != "count" or not c.window.endswith(c.fact.value):
        return c.window
    words = figure_words()
    said = []
    for seg in segments(c.evidence.sentence)[c.fact.segment + 1:]:
        found = values_in(seg)
        name = seg[:found[0][0]].rstrip("".join(words.get("reach", ()))) if len(found) == 1 else ""
        if not name.endswith(words.get("of_counted", ())) or seg[found[0][1]:].strip("。；; "):
            break
        said.append(seg)
    return "，".join([c.window, *said])


def _said_after(sentence: str, window: str) -> str | None:
    """What `sentence` goes on to say after `window` (its commas as written, "，" or ",") up to its
    next 。 or ；; None when the window is not in it."""
    m = re.search(re.escape(window).replace("，", "[，,]"), sentence)
    return re.split("[。；;]", sentence[m.end():])[0] if m else None


def _acted(ranked: list[Evidence], evidence: list[Evidence], forms: tuple[str, ...],
           headline: str, reports: Reports) -> tuple[Evidence, str] | None:
    """For a who-question naming an action ("谁主持", "谁…讲话", said with `forms`): the best
    covered sentence of the best covered one's text where a person with an office does it, and its
    clause; else the clause of that text's `headline` that says it ("…会议隆重开幕 马强主持会议
    杜江涛作政府工作报告"). The meeting's name alone is no answer ("2月14日，我区…召开2012年经济
    工作会议"). A name alone doing it is given the office the text gives it elsewhere, from the
    sentence that says so."""
    doc = ranked[0].hit.chunk.doc_id
    # the doer may stand in a sentence sharing none of the question's words ("谁讲的话": "…李大勇表示")
    own = [ev for ev in unique(ranked + evidence) if ev.hit.chunk.doc_id == doc]
    text = "".join(ev.sentence for ev in own)
    found = next(((ev, clause) for ev in own if (clause := people.acted(ev.sentence, forms, text) or _by_pronoun(
        ev, forms, reports))), None)
    if found is None and (clause := people.acted(headline, forms)):
        found = own[0], clause
    name = people.alone(found[1], forms, text) if found else ""
    held = next(((ev, clause) for ev in evidence if name and ev.hit.chunk.doc_id == doc
                 and (clause := people.office_held(ev.sentence, name))), None)
    return (held[0], f"{found[1]}（{held[1]}）") if held else found


def _by_pronoun(ev: Evidence, forms: tuple[str, ...], reports: Reports) -> str | None:
    """Where a pronoun does the action asked ("他强调，…"): the clause naming whom it names, the person
    named last before it, with what it says; None when no pronoun does it or nobody was named."""
    said = people.by_pronoun(ev.sentence, forms)
    named = people.last_named(reports.said_before(ev.hit.chunk, ev.sentence), forms) if said else None
    return f"{named}；{said}" if named else None


def _office_of(evidence: list[Evidence], q: Question) -> tuple[Evidence, str] | None:
    """For a question naming a person and asking their office ("冯琳在美兰区是干啥的"): the first
    retrieved sentence giving one of the question's words an office right before or after it, and
    that clause; None when the question asks no office or no sentence gives one."""
    if not asks.asks_office(q):
        return None
    names = [f for t in q.terms if t.weight >= 1 for f in t.forms]
    return next(((ev, clause) for ev in evidence for name in names
                 if (clause := people.office_held(ev.sentence, name))), None)


def _closest(tied: list[Evidence], q: Question) -> Evidence:
    """Among sentences that cover the question equally: one of a single year before a period's
    review (the latest news, where no year is asked); for a list, the one listing the most items;
    else the better retrieved."""
    def items(ev: Evidence) -> int:
        return ev.sentence.count("、") if q.intent == LIST else 0
    return max(unique(tied), key=lambda ev: (ev.label.span is None, items(ev), -ev.hit.rank))
