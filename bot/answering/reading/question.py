"""A citizen's question → what it asks: metric, year, result or target, place, intent.

Everything question-specific comes from data files (index/data/synonyms.tsv for metric names,
bot/data/places.tsv, bot/data/question_cues.tsv), never from rules about one question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.answering.reading import cues as asked_cues
from bot.answering.reading import names, quantity_words, topic
from bot.answering.reading.metric_forms import (as_named, change_said, distributed, heads, heads_listed, metric_names,
                                                shadows, shared_metrics, sibling, tail_shared, tails_shared,
                                                unshadowed, verbs_named, wider_names, with_joint)
from bot.answering.reading.shapes import COMPARISON, ENTITY, FIGURE, LIST, WHY, WIDE, Shape  # noqa: F401 (served here too)
from bot.answering.reading.typed import (clean, counted, glossed_years, holds, in_report_words, numbered, phone_commas,
                                        pointed_years, small_counts, to_arabic)
from bot.answering.vocabulary import alternation, change_words, cues, headline_metrics
from index.reading.opening import offices
from index.text.normalise import fold
from index.text.timelabel import RESULT, TARGET
from index.text.tokens import default_tokenizer
from index.text.vocabulary import Vocab, load_vocab

if TYPE_CHECKING:  # numpy's, loaded with the model, not to read a question
    from bot.answering.reading.shape_vote import Vote

_NOT_TERM = re.compile(r"^[\W\d_]+$")
_PARTICLES = "了的过着呢吗"  # stripped from the end of a word, and never a term alone


@dataclass(frozen=True)
class Term:
    """A topic word of the question; it matches a text containing any of `forms`."""

    text: str
    weight: float
    forms: tuple[str, ...]
    shadows: tuple[str, ...] = ()  # longer names that contain a form but mean something else
    in_words: bool = False  # a count only as written in words ("连续三年"), not as any figure in digits
    wider: tuple[str, ...] = ()  # a wider metric's names, asked too by a loose name (财政收入: 财政总收入)
    required: bool = False  # a place's own zone asked of the place ("阳新开发区"): no sentence without it answers

    def found_in(self, folded_text: str) -> bool:
        text, forms, shadows = folded_text, self.forms, self.shadows
        if not self.in_words:  # small counts in digits on both sides: 前三 is 前3, 十强 is 10强
            text, forms, shadows = small_counts(text), counted(forms), counted(shadows)
        if not any(h in text for h in heads(forms)):
            return False  # the common case, decided before masking the shadows
        text = as_named(text)
        text = unshadowed(text, forms, shadows)  # "规上工业产值" is not "工业产值"
        return any(holds(text, f) or _listed(f, text) for f in forms)


def _listed(form: str, text: str) -> bool:
    """"粮食面积、总产、单产" names 粮食总产: a list's items share the head of its first item, or the
    tail of its last ("一、二、三产增加值")."""
    return "、" in text and (any(p.search(text) for tail, p in _shared_head(form) if tail in text)
                            or tail_shared(form, text))


@lru_cache(maxsize=4096)
def _shared_head(form: str) -> tuple[tuple[str, re.Pattern], ...]:
    """Each way a list can share the head of `form`: the tail its last item ends on, and the list."""
    return tuple((form[i:], re.compile(f"{re.escape(form[:i])}(?:[^，。；;、]{{1,16}}、)+{re.escape(form[i:])}"))
                 for i in range(2, len(form) - 1))


@dataclass(frozen=True)
class Question:
    text: str
    normalised: str
    years: tuple[int, ...] = ()
    span: tuple[int, int] | None = None  # a multi-year period asked about (十四五, 今后五年)
    over_years: bool = False  # a total or change over the years up to a report ("这几年一共"): a past period's
    kind: str | None = None
    kind_asked: bool = False  # the question says result or target itself (目标, 实际…), not inferred
    intent: str = FIGURE
    metrics: tuple[str, ...] = ()  # canonical metric names, in the order asked
    terms: tuple[Term, ...] = ()
    places: tuple[str, ...] = ()  # canonical places named (unknown ones by their own name)
    place_mentions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (place, phrases around it)
    unit: str | None = None  # the unit group expected (unit_groups.tsv), e.g. "percent"
    asks_change: bool = False
    follow_up: bool = False
    notes: tuple[str, ...] = field(default=())
    shape: Shape = Shape.FIGURE
    threshold: str | None = None  # "能过100亿吗": the figure to compare with ("100亿")
    mentioned: str | None = None  # "提到低空经济了吗": the words looked for
    vote: Vote | None = None  # the shape its meaning votes for (shape_vote.py), when asked
    groups: tuple[tuple[tuple[Term, ...], str | None], ...] = ()  # a voted several's parts: terms, unit
    against: str | None = None  # "比全省高多少": the level a figure is compared with
    versus: tuple = ()  # "贷款余额比存款多还是少": the terms of each metric compared ((贷款, 余额), (存款,))
    siblings: tuple[str, ...] = ()  # a part's fellow metrics ("财政总收入跟一般预算收入各多少"): never its own

    def parts(self) -> tuple["Question", ...]:
        """One question per metric asked, each with the words that are not another metric (an overview: per headline)."""
        if self.shape == Shape.OVERVIEW:
            vocab = load_vocab()
            forms = {m: metric_names(m, vocab) for m in headline_metrics()}
            return tuple(replace(self, shape=Shape.FIGURE, intent=FIGURE, metrics=(m,),
                                 terms=(Term(m, 2.0, f, shadows(f, vocab)),))
                         for m, f in forms.items())
        if self.shape != Shape.SEVERAL:
            return (self,)
        if len(self.metrics) < 2:  # voted: "外资到账和开票销售分别多少", each stretch a part
            return tuple(replace(self, shape=Shape.FIGURE, terms=(replace(g[0], weight=2.0),) + g[1:], unit=u,
                                 metrics=tuple(t.text for t in g if t.text in self.metrics))
                         for g, u in self.groups)
        others = tuple(t for t in self.terms if t.text not in self.metrics)
        return tuple(replace(self, metrics=(m,), shape=Shape.FIGURE, terms=(replace(t, weight=2.0),) + others,
                             siblings=tuple(o for o in self.metrics if o != m)) for m, t in zip(self.metrics, self.terms))

    @property
    def year(self) -> int | None:
        return self.years[0] if self.years else None

    def topic(self) -> str:
        """The question's topic words, without its year, place or question words."""
        return " ".join(dict.fromkeys([*self.metrics, *(t.text for t in self.terms)]))

    def search_text(self) -> str:
        """What BM25 looks for: what the encoder reads, and an overview's headline metrics."""
        if self.shape == Shape.OVERVIEW:
            return self.normalised + " " + " ".join(headline_metrics())
        return self.dense_text()

    def dense_text(self) -> str:
        """What the encoder reads: the question, or its topic when it is a follow-up (an overview never is). An
        overview's headline metrics are left to BM25, as encoding them costs six times the question."""
        if not self.follow_up:
            return self.normalised
        return (f"{self.year}年" if self.year else "") + self.topic()


# Cue words that say what a question is only beside others ("最高" with "哪个省"), or name what
# it asks about ("什么荣誉"): elsewhere they may be a topic's own words.
_TOPICAL_CUES = frozenset({"answer_type", "counted_places", "count_numeral", "count_prefix", "rank_places", "rank_high",
                           "rank_low", "mention_scaffold", "mention_particle", "mention_joiner", "level", "statement",
                           "category_before", "category_after", "per_year_not_after", "per_year_not_before", "spoken_of",
                           "when_reached", "generic_tail", "report_named", "report_said", "from_to_start", "from_to_end", "trend_between",
                           "attained_share", "document_named", "pointed_time"})


def _topic_terms(rest: str, c: dict[str, tuple[str, ...]], vocab: Vocab, threshold: str | None) -> list[Term]:
    skip = set(vocab.stopwords) | set(vocab.units) | set(change_words())
    rest = names.speech_after(asked_cues.no_topic_counts(rest, c, vocab), c.get("after_name", ()))
    for key in c:  # a threshold's verb with no figure after it is the topic ("在哪几块实现了突破")
        if key not in _TOPICAL_CUES and (threshold or key != "threshold"):
            skip |= set(c[key])
    skip -= set(c.get("unit_topic", ()))  # "面积多大" asks the area: 面积 is its topic
    minor = set("".join(c.get("relation", ()) + c.get("filler", ())))
    terms: list[Term] = []
    after_question_word = False
    text = rest.replace("\0", " ")
    for word in numbered(default_tokenizer().jieba_for(text).lcut(text), skip, c.get("count_prefix", ()),
                         c.get("measure_word", ())):
        word = word.strip()
        answer_type = after_question_word
        after_question_word = word in c.get("answer_type", ()) or (after_question_word and not word)
        if not word or word in skip or (_NOT_TERM.match(word) and not word.isdigit()):
            continue
        word = word.rstrip(_PARTICLES) if len(word) > 1 else word
        if not word or word in skip or set(word) <= minor | set(_PARTICLES) \
                or word in (t.text for t in terms):
            continue
        # The noun after 什么/哪些 says what kind of answer is wanted, so it need not be in it.
        weight = 0.25 if answer_type else 1.0 if len(word) > 1 else 0.5
        # a group's word is named by the word naming it with the others ("城镇居民": "城乡居民")
        terms.append(Term(word, weight, with_joint((word,)), shadows((word,), vocab, text)))
    return terms


def _office(rest: str, terms: list[Term], c: dict[str, tuple[str, ...]]) -> list[Term]:
    """"党工委副书记是谁": the office asked about is one phrase, found as written or not at all
    (党工委书记 is another office, and "总书记…省委" holds neither)."""
    m = re.search(f"([\u4e00-\u9fff]{{2,12}})(?:是|叫|为)(?:{alternation(c.get('who', ()))})\\W*$", rest)
    if not m:
        return terms
    said = m.group(1).lstrip(_PARTICLES)  # "高新区的党工委书记": the office, without the 的
    inside = [t for t in terms if t.text.lstrip(_PARTICLES) in said]
    if len(inside) < 2:
        return terms
    office = Term(said, sum(t.weight for t in inside), (said,))
    return [office] + [t for t in terms if t not in inside]


def parse(text: str, reporting_year: int, doc_places: tuple[str, ...] = (), previous: "Question | None" = None,
          one_place: bool = False, vote: Vote | None = None, quoted: str = "") -> Question:
    """Read a (valid) question. `previous` is the last question in the same conversation; `one_place`: read as
    one place's part of a question across places or clauses, whose shape is then that of the part; `vote`: the
    shape its meaning votes for, where the cue words are silent; `quoted`: the names reports quote, one a line."""
    vocab, c = load_vocab(), cues()
    # in the reports' words, a metric shared by two groups said for each; cues such as 哪两家 match before numerals change
    said = verbs_named(in_report_words(glossed_years(fold(phone_commas(clean(text))))), vocab)
    as_written = tails_shared(heads_listed(distributed(said, vocab), vocab), vocab)
    normalised = pointed_years(to_arabic(as_written))  # "03年那会儿": 2003
    # words that hold a cue without its meaning: 主要 is not 要 (a plan), though 主要目标 is 目标
    not_cues = c.get("not_cue", ())
    blind = [re.sub(alternation(not_cues), "\0", t) if not_cues else t for t in (normalised, as_written)]

    def has(key: str) -> bool:
        inside, plain = asked_cues.by_not_cues(c.get(key, ()), not_cues)
        return (any(w in t for w in inside for t in blind)
                or any(w in t for w in plain for t in (normalised, as_written)))

    counted = asked_cues.counted_places(c)
    counts_places = bool(counted and (counted.search(normalised) or counted.search(as_written)))
    ranks = has("rank_places") and (has("rank_high") or has("rank_low"))
    reporting_year, dated = asked_cues.report_year(normalised, reporting_year, vocab)  # "17年开人代会时说的去年"
    years, rest = asked_cues.years(dated, reporting_year, vocab)
    years, rest = asked_cues.period_ends(rest, years, c)
    spans, rest = asked_cues.periods_asked(rest, reporting_year)
    places_table = names.places_as_read(tuple(sorted(doc_places)), vocab)  # "第八师" is read 第8师
    mentioned = topic.mentioned(rest, places_table, c, vocab, clean(text))
    voted = vote.shape if vote is not None and vote.clear else None
    threshold, threshold_said = asked_cues.threshold(normalised, c, vocab, verbless=voted == Shape.YES_NO) or (None, "")
    scope_words = c.get("trend", ()) + c.get("each_place", ()) + c.get("which_places", ()) + c.get("rank_asked", ())
    if ranks:
        scope_words += c.get("rank_places", ()) + c.get("rank_high", ()) + c.get("rank_low", ())
    for w in ((threshold_said,) if threshold else ()) + scope_words:
        # the figure compared with, "这两年", "各省" and "排第几" say which figures, not what about
        rest = rest.replace(w, "\0").replace(to_arabic(w), "\0")
    if counted:  # "三个省" likewise
        rest = counted.sub(lambda m: "\0" * len(m.group(0)), rest)
    place_forms = tuple(f for f, _ in names.forms(places_table))
    rest = asked_cues.offices_first(rest, place_forms, offices())
    rest = asked_cues.levels_and_venues(rest, place_forms, c, vocab)
    categories, rest = asked_cues.categories(rest, c, vocab)  # "超亿元项目": a topic, not a threshold
    opened, rest = names.opening(rest, places_table, quoted)  # "昌硕之夏夜市": 昌硕, and 昌硕之夏 a topic
    unknown, rest = names.unknown_places(rest, places_table, vocab, c.get("venue", ()))
    place_hits, rest = names.take(rest, places_table)
    place_hits = sorted(place_hits + unknown)
    asked = names.asked_in(rest, normalised, vocab)
    unread, metric_table = rest, names.metric_names(vocab, asked)
    metric_hits, rest = names.take(rest, metric_table)
    unread, metric_hits, rest = names.around_time(unread, metric_table, metric_hits, rest)
    metric_hits, rest = names.subjects_only(unread, metric_table, metric_hits, rest)
    metrics, whole = shared_metrics(unread, rest, metric_hits, c, vocab)
    # a metric asked by a name only questions give it ("粮食打了多少") is retrieved by its own name
    for m, forms in asked:
        for form in forms:
            if m in metrics and form in normalised and fold(m) not in normalised:
                normalised = normalised.replace(form, fold(m), 1)
    terms = []
    for i, m in enumerate(metrics):
        wider = wider_names(m, unread, vocab)
        forms = metric_names(m, vocab) + wider
        terms.append(Term(m, 2.0 if i == 0 else 0.5, forms, shadows(forms, vocab, unread), wider=wider))
    terms += [Term(p, 0.5, names.place_forms(p, places_table, vocab), required=bool(names.own_zone(
        p, places_table, vocab))) for _, p in place_hits if p not in doc_places]  # a place's own zone is its topic
    terms += [Term(said, 1.0, forms) for said, forms in opened + categories] + _topic_terms(rest, c, vocab, threshold)
    if whole:  # named loosely: a share of 规模以上工业产值 is one of 工业产值
        terms.append(Term(whole, 0.5, metric_names(whole, vocab)))

    attained = (has("attained") or asked_cues.aims(normalised, threshold, c) or asked_cues.reaches_target(normalised, c)) \
        and not quantity_words.asks_completion(normalised)  # the share of its target reached is a figure
    # A bare 比 compares too ("比去年高多少"), unless it is part of a ratio word (占比, 比重).
    compares = has("compare") or "比" in re.sub(alternation(c.get("ratio", ())), "", normalised)
    asks_change = has("change") or change_said(normalised, [t.forms for t in terms if t.text in metrics])
    over_years = has("over_years") and has("in_total")  # "这几年…一共投了多少", "这几年增加了多少"
    intent = FIGURE
    if has("why"):
        intent = WHY
    elif attained:
        intent = COMPARISON
    elif compares and (len(years) >= 2 or has("target")):
        intent = COMPARISON
    elif has("list") or has("statement") or quantity_words.asks_list(normalised, c):
        intent = LIST
    elif quantity_words.asks_when(normalised, c) or has("entity") and not has("quantity") and not threshold \
            and not asked_cues.asks_metric(normalised, bool(metric_hits), asks_change, c):
        intent = ENTITY  # "就业目标是啥" asks for the metric's figure, "哪家企业" for a name, "啥时候设的" a year
    if intent == ENTITY and has("who"):
        terms = _office(rest, terms, c)
    kind, kind_asked = asked_cues.kind_said(normalised, metric_hits, c)
    done = over_years or quantity_words.asks_completion(normalised)  # a total so far, a share of a target reached
    # "A和B的占比分别是多少" asks each; "A占B比重" one ratio of the two; "A和B哪个增长快" each, then
    # which is higher
    several = len(metrics) >= 2 and intent in (FIGURE, ENTITY) and has("parts") and (not has("ratio") or has("each"))
    # "项目方面定了哪些目标" lists a topic's targets; "今年有哪些目标", with no topic beside the
    # overview's own words ("主要指标定了哪些"), is an overview
    # ("经济形势是谁通报的" asks a person: the overview is what they did)
    overview = not metrics and has("overview") and not (intent == ENTITY and has("who")) and not (
        intent == LIST and any(t.weight >= 1 and not any(t.text in w for w in c.get("overview", ())) for t in terms))
    q = Question(text=text, normalised=normalised, years=tuple(years), span=spans[0] if spans else None,
                 kind=kind or (RESULT if done else None), kind_asked=kind_asked, intent=intent, over_years=over_years,
                 metrics=metrics, terms=tuple(terms), places=tuple(dict.fromkeys(p for _, p in place_hits)),
                 place_mentions=tuple(names.mentions(normalised, place_hits, dict(places_table))),
                 unit=asked_cues.expected_unit(normalised, c, vocab, asks_change), asks_change=asks_change,
                 threshold=threshold,
                 mentioned=mentioned, vote=vote,
                 against=asked_cues.against(normalised, c),
                 versus=_siblings(asked_cues.sides(normalised, tuple(terms), metrics,
                                                   tuple(p for _, p in place_hits), c), metrics, vocab))
    if (voted == Shape.SEVERAL or has("each")) and not several:  # a part no metric names is a topic
        q = replace(q, groups=tuple(asked_cues.topic_groups(normalised, q.terms, c, vocab)))
    seen = _Seen(overview=overview,  # "新增市场主体和减税降费各有多少": each part, known metric or not
                 several=several or (has("each") and intent in (FIGURE, ENTITY) and len(q.groups) > 1),
                 trend=bool(metrics) and not q.over_years and (has("trend") or asked_cues.pace_asked(normalised, c)
                                          or names.only_names(normalised, places_table, metric_table))
                 and not (intent == COMPARISON and len(set(years)) == 2 and asks_change and has("quantity")),
                 between=intent != COMPARISON and asked_cues.between_years(normalised, years, metrics, c),
                 attained=attained,
                 which=bool(mentioned) and (has("which_places") or has("which_places_of_level")),
                 each=has("each_place") or counts_places,
                 rank=bool(metrics) and ranks)
    # how much it grew between two years named ("去年比前年增长了多少") compares them, no trend over many
    if overview:  # a year gone by is asked for its results, "今年有什么目标" for its targets
        q = replace(q, kind=q.kind or (TARGET if has("target") or (q.year or 0) >= reporting_year else RESULT),
                    kind_asked=True)  # an overview shows one kind: the year's results, or its targets
    elif previous is not None and not any(t.weight >= 1 for t in q.terms) and intent != WHY:
        q = _follow_up(q, previous)
    elif previous is not None and asked_cues.continues(clean(text), c):
        q = _carried_over(q, previous)
    if q.kind is None and q.span is not None:
        q = replace(q, kind=RESULT if q.span[1] < reporting_year else TARGET)
    # A year in "2025年的报告是谁作的" names the report, not results or plans.
    # Nor does a list's ("2025年十件民生实事都有啥"): the plan and the review list the same things.
    if q.kind is None and q.year is not None and (q.intent not in (COMPARISON, ENTITY, LIST) or several):
        q = replace(q, kind=RESULT if q.year < reporting_year else TARGET)
    return replace(q, shape=_voted(_shape(q, seen, one_place), q))


def _siblings(versus: tuple, metrics: tuple[str, ...], vocab: Vocab) -> tuple:
    """A second side that names a group, not a metric, with the first side's metric ("农村居民收入增速
    比城镇快"): the metric of that group where one is known (城镇居民人均可支配收入)."""
    if versus and metrics and not any(t.text in metrics[1:] for t in versus[1]):
        for other in filter(None, (sibling(metrics[0], t.text, vocab) for t in versus[1] if t.text not in metrics)):
            return versus[0], (Term(other, 2.0, (forms := metric_names(other, vocab)), shadows(forms, vocab)),)
    return versus


@dataclass(frozen=True)
class _Seen:
    """What the cue words say of a question's shape, before one is chosen."""

    overview: bool
    several: bool
    trend: bool
    between: bool  # a change between two years named: a trend, one question whatever its clauses
    attained: bool
    which: bool  # which places (mention) …
    each: bool  # … each place's figure …
    rank: bool  # … or the places ranked by it


def _shape(q: Question, seen: _Seen, one_place: bool) -> Shape:
    """The one shape of a question, the first that applies: a question across places or clauses
    before any one place's answer (unless read as `one_place`), a mention before a figure."""
    if not one_place:
        if q.intent == WHY:
            return Shape.WHY
        if seen.which:
            return Shape.WHICH_PLACES
        if seen.rank:
            return Shape.RANK
        if seen.each and not q.places:
            return Shape.EACH_PLACE
        if not q.terms and not seen.overview and not q.mentioned:
            return Shape.NO_TOPIC
        if not seen.between and len(asked_cues.clauses(q.text, q.places)) > 1:
            return Shape.CLAUSES
    if q.mentioned:
        return Shape.MENTION
    if seen.overview:
        return Shape.OVERVIEW
    if seen.several:
        return Shape.SEVERAL
    if seen.trend or seen.between:
        return Shape.TREND
    if q.against:
        return Shape.AGAINST
    if q.versus:
        return Shape.METRICS
    if q.intent == COMPARISON:
        return Shape.ATTAINED if seen.attained else Shape.COMPARISON
    if q.intent == LIST:
        return Shape.LIST
    if q.intent == ENTITY:
        return Shape.WHO
    return Shape.YES_NO if q.threshold else Shape.FIGURE


# The shape the cue words fall back on: a clear vote may make it one the question was read for.
VOTED_ON = Shape.FIGURE
_VOTED = {Shape.YES_NO: lambda q: bool(q.threshold), Shape.SEVERAL: lambda q: len(q.parts()) > 1,
          Shape.TREND: lambda q: bool(q.metrics)}


def _voted(cued: Shape, q: Question) -> Shape:
    """The cue words decide where they say anything; where they leave a figure, a clear vote."""
    if cued != VOTED_ON or q.vote is None or not q.vote.clear:
        return cued
    fits = _VOTED.get(voted := Shape(q.vote.shape))
    return voted if fits and fits(replace(q, shape=voted)) else cued


def _carried_over(q: Question, prev: Question) -> Question:
    """"那一般公共预算收入呢" after "高新区今年GDP目标多少": a new topic, asked for the year, kind and
    place of the previous question, each unless the new one names its own."""
    same_year = not q.years
    return replace(q, years=q.years or prev.years, span=q.span or (prev.span if same_year else None),
                   places=q.places or prev.places, place_mentions=q.place_mentions or prev.place_mentions,
                   kind=q.kind or (prev.kind if same_year else None),
                   kind_asked=q.kind_asked or (prev.kind_asked and same_year and not q.kind))


def _follow_up(q: Question, prev: Question) -> Question:
    """"那今年呢？" / "增长了多少？": keep the previous topic, take what the new words change."""
    same_year = not q.years or q.years == prev.years
    return replace(
        q, follow_up=True, metrics=prev.metrics, terms=prev.terms,
        places=q.places or prev.places, years=q.years or prev.years,
        place_mentions=q.place_mentions or prev.place_mentions,
        kind=q.kind or (prev.kind if same_year else None),
        kind_asked=q.kind_asked or (prev.kind_asked and same_year and not q.kind),
        intent=q.intent if q.intent != FIGURE else prev.intent if prev.intent != COMPARISON else FIGURE,
        unit=q.unit or (None if q.asks_change else prev.unit),
        asks_change=q.asks_change or prev.asks_change)
