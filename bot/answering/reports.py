"""The reports as the answerer sees them: the places they cover, each place's reports by year,
who delivered them, what "now" means for each place, and the chunks of a place or a report.

Pure reads of one index version. What is read from the chunks is read when first needed, per
place or report: a new index is served without a pass over all its chunks.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from bot.answering import wording
from bot.answering.reading.names import own_zone, places_table, says_own_zone
from bot.answering.reading.question import COMPARISON, ENTITY, Question, parse
from bot.answering.reading.shape_vote import Vote
from bot.answering.reading.typos import heard_as, near_place, slipped_opening
from bot.answering.settings import AnswerSettings
from bot.answering.vocabulary import alternation, cues, gazetteer, place_namer
from index.text.chunking import Chunk
from index.text.normalise import fold
from index.text.timelabel import Frame
from index.text.tokens import default_tokenizer
from index.text.vocabulary import load_vocab


def _kept(cache: dict, key, compute: Callable):
    """cache[key], computed on first use. Questions are answered on several threads: two
    computing the same value at once is harmless, one of the equal results is kept."""
    if key not in cache:
        cache.setdefault(key, compute(key))
    return cache[key]


class Reports:
    """`documents`: the index's report dicts (doc_id, title, date, place, delivered…); `index`:
    anything with `chunks` (in stored order) and `spans` (report → its range of chunks)."""

    def __init__(self, documents: list[dict], index, settings: AnswerSettings):
        self.settings = settings
        self.index = index
        canonical = place_namer()
        self.place_of = {d["doc_id"]: canonical(d["place"]) for d in documents}
        self._places = tuple(sorted(set(self.place_of.values())))
        self.default = canonical(settings.default_place)  # when a question names none
        self._latest: dict[str, int] = {}  # each place's "now": see Frame.now
        for d in documents:
            place = self.place_of[d["doc_id"]]
            self._latest[place] = max(self._latest.get(place, 0), Frame.of_report(d).now)
        self._docs = {d["doc_id"]: d for d in documents}
        latest = sorted(documents, key=lambda d: d["date"], reverse=True)
        self._rank = {d["doc_id"]: i for i, d in enumerate(latest)}  # 0: the latest report
        # the latest report of a place and year that says who delivered it, or where; a report's
        # own opening lines before news of it ("张凤林出席会议并讲话")
        said = sorted((d for d in reversed(latest) if d.get("delivered") or d.get("speaker")),
                      key=lambda d: bool(d.get("delivered")))
        self.delivered = {(self.place_of[d["doc_id"]], d["date"][:4]): d for d in said}
        self._texts, self._chunks, self._parts = {}, {}, {}  # per place or report, on first use

    # -- the reports ----------------------------------------------------------------------

    def places(self) -> list[str]:
        """The places the reports cover, in a stable order."""
        return list(self._places)

    def document(self, doc_id: str) -> dict:
        return self._docs.get(doc_id, {})

    def reports_of(self, place: str) -> set[str]:
        """Every report of `place`, with chunks or not."""
        return {d for d, p in self.place_of.items() if p == place}

    def dates(self, place: str) -> dict[str, str]:
        """`place`'s reports → their dates."""
        return {d: self._docs[d]["date"] for d in self.reports_of(place)}

    def now(self, place: str | None) -> int:
        """The year 今年 means in a question about `place`: ZONEQA_REPORTING_YEAR when set, else
        the latest "now" of that place's reports (`Frame.now`: the year a report plans, or the
        year a report on part of it covers or, from October on, still plans), so reports of other
        places never move it."""
        return self.settings.reporting_year or self._latest.get(place or "", max(self._latest.values()))

    def delivery(self, place: str, year: int | None) -> dict | None:
        """`place`'s report of `year` that says who delivered it; with no year asked, its latest
        (a report of December is delivered the year before the one it plans)."""
        if year is not None:
            return self.delivered.get((place, str(year)))
        years = [y for p, y in self.delivered if p == place]
        return self.delivered[(place, max(years))] if years else None

    def titles(self, place: str, year: int | None) -> tuple[int | None, list[str]]:
        """The year (with none asked, that of `place`'s latest text) and the titles of `place`'s texts dated
        it, in date order."""
        dated = sorted((date, d) for d, date in self.dates(place).items())
        year = year or (int(dated[-1][0][:4]) if dated else None)
        return year, [self._docs[d].get("title", "") for date, d in dated if date[:4] == str(year)]

    def speaker(self, place: str, year: int | None) -> str:
        """Who delivered `place`'s report of `year`, as its opening lines say."""
        doc = self.delivery(place, year) or {}
        return doc.get("speaker") or doc.get("delivered", "")

    def read(self, text: str, place: str | None, before: Question | None, one_place: bool = False,
             vote: Vote | None = None) -> Question:
        """The question as read for `place` (the default place when None): its 今年 is the year of
        the place's latest report. `one_place`: read as one place's part of a wider question;
        `vote`: the shape its meaning votes for."""
        return parse(text, self.now(place or self.default), self._places, before, one_place, vote, self._quoted)

    # -- their chunks ---------------------------------------------------------------------

    @cached_property
    def reports_in(self) -> dict[str, list[str]]:
        """The places with chunks → their reports."""
        reports: dict[str, list[str]] = {}
        for doc_id in (d for d, span in self.index.spans.items() if span):
            reports.setdefault(self.place_of.get(doc_id, ""), []).append(doc_id)
        return reports

    def place_text(self, place: str) -> str:
        """The place's chunks, folded into one text."""
        return _kept(self._texts, place, lambda p: fold("\n".join(c.text for c in self._place_chunks(p))))

    def sections(self, doc_id: str) -> dict[tuple[str, ...], list[str]]:
        """A report's sections → their sub-sections, in reading order."""
        return _kept(self._parts, doc_id, self._sub_sections) if doc_id in self.index.spans else {}

    def chunks_of(self, place: str) -> list[Chunk]:
        """The place's chunks, its latest report first, each in reading order."""
        if place not in self.reports_in:
            return []
        return _kept(self._chunks, place, lambda p: sorted(
            self._place_chunks(p), key=lambda c: self._rank.get(c.doc_id, len(self._rank))))

    def paragraph(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of `chunk`'s paragraph in reading order: its report's chunks that continue
        one another with no break between them."""
        return next((p for p in self.paragraphs(chunk) if any(c.chunk_id == chunk.chunk_id for c in p)), [chunk])

    def paragraphs(self, chunk: Chunk) -> list[list[Chunk]]:
        """The paragraphs of `chunk`'s section (not its sub-sections) in its report, in reading
        order, each as its chunks."""
        span, chunks = self.index.spans.get(chunk.doc_id), self.index.chunks
        at = next((i for i in span or () if chunks[i].chunk_id == chunk.chunk_id), None)
        if at is None:
            return [[chunk]]
        lo, hi = at, at + 1
        while lo > span.start and chunks[lo - 1].section == chunk.section:
            lo -= 1
        while hi < span.stop and chunks[hi].section == chunk.section:
            hi += 1
        out: list[list[Chunk]] = []
        for c in chunks[lo:hi]:
            if out and out[-1][-1].end == c.start:
                out[-1].append(c)
            else:
                out.append([c])
        return out

    def whole(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of `chunk`'s report, in reading order."""
        span = self.index.spans.get(chunk.doc_id)
        return self.index.chunks[span.start:span.stop] if span else [chunk]

    def said_before(self, chunk: Chunk, sentence: str) -> list[str]:
        """The sentences of `chunk`'s report before `sentence` (one of `chunk`'s), in reading order."""
        out = []
        for c in self.whole(chunk):
            for said, _ in c.labelled_sentences():
                if c.chunk_id == chunk.chunk_id and said == sentence:
                    return out
                out.append(said)
        return out

    def following(self, chunk: Chunk, limit: int = 80) -> list[Chunk]:
        """Up to `limit` chunks after `chunk` in its report and section (sub-sections included)."""
        span, chunks = self.index.spans.get(chunk.doc_id), self.index.chunks
        at = next((i for i in span or () if chunks[i].chunk_id == chunk.chunk_id), None)
        if at is None:
            return []
        out = []
        for c in chunks[at + 1:min(span.stop, at + 1 + limit)]:
            if c.section[:len(chunk.section)] != chunk.section:
                break
            out.append(c)
        return out

    def _place_chunks(self, place: str) -> list[Chunk]:
        """The chunks of `place`'s reports, in stored order."""
        spans, chunks = self.index.spans, self.index.chunks
        return [c for d in sorted(self.reports_in[place], key=lambda d: spans[d].start)
                for c in chunks[spans[d].start:spans[d].stop]]

    def _sub_sections(self, doc_id: str) -> dict[tuple[str, ...], list[str]]:
        span, parts = self.index.spans[doc_id], {}
        for c in self.index.chunks[span.start:span.stop]:
            if c.section:
                sub = parts.setdefault(c.section[:-1], [])
                if c.section[-1] not in sub:
                    sub.append(c.section[-1])
        return parts

    # -- which places a question is about -------------------------------------------------

    def _not_covered(self, named: str) -> str:
        """The refusal of a place named that no report covers; a name no list knows that is a slip
        from a covered place's ("美蓝区") offers that place: a guess answered would pass unseen."""
        vocab = load_vocab()
        if named not in gazetteer() and (near := near_place(named, places_table(self._places, vocab), vocab)):
            return wording.place_slip(named, near)
        return wording.place_not_covered(named, set(self._places))

    def heard(self, text: str) -> tuple[str, tuple[str, ...]]:
        """`text` with a place's or metric's name typed by sound written as the name, and those names
        (typos.heard_as): a run that is an ordinary word is no slip."""
        vocab, words = load_vocab(), default_tokenizer().jieba.FREQ
        return heard_as(text, places_table(self._places, vocab), vocab, lambda w: words.get(w, 0) > 0)

    def _opening_slip(self, q: Question) -> tuple[str, tuple[str, ...]]:
        """The slip of a covered place's short name a question opens with before its year or metric, and the
        places it is one slip from (typos.slipped_opening)."""
        vocab = load_vocab()
        table = places_table(self._places, vocab)
        names, words = {f for p, aliases in table for f in (fold(p), *aliases)}, default_tokenizer().jieba.FREQ
        years = alternation(tuple(w for w, _ in vocab.relative_years))
        metric = q.terms[0].forms if q.metrics else ()

        def asks(after: str) -> bool:
            return bool(re.match(rf"\d{{2,4}}年|{years}", after)) or after.startswith(metric)
        return slipped_opening(q.normalised, tuple((p, a) for p, a in table if p in self._places),
                               lambda w: w in names or words.get(w, 0) > 0, asks)

    def scope(self, q: Question) -> tuple[list[str], list[str], str | None]:
        """The places whose reports may answer (several when several are named), the places named
        beside them that no report covers (named in the answer), or a refusal. A place named but
        not covered is refused by name, and so is a comparison one side of which is not covered.
        With no place named: the only place covered, else the one place whose reports hold all the
        question's words when the default place's do not, else the default place, else ask which."""
        places = set(self._places)
        # A place the reports themselves mention in those words is part of a name or topic
        # ("苏州能讯", "深圳推介活动"), not a request for another place's figures.
        named = [p for p, phrases in q.place_mentions
                 if p in places or not any(ph in self.place_text(t) for t in self.reports_in for ph in phrases)]
        named = list(dict.fromkeys(self._owner(p) for p in named))
        covered = [p for p in named if p in places]
        missing = [p for p in named if p not in places and not _reference(q.normalised, p)]
        if named and not covered:
            return [], [], self._not_covered(named[0])
        if missing and q.intent in (COMPARISON, ENTITY) and q.metrics:
            return [], [], wording.cannot_compare(missing, places)
        if covered:
            return covered, missing, None
        if len(places) == 1:
            return [self._places[0]], [], None
        if (slip := self._opening_slip(q))[1]:  # "美蓝16年GDP": a covered place's short name typed with a slip
            return [], [], wording.place_slip(*slip)
        # "九华经开区…" said in the words of one report: that report's place, never silently the default's
        within = self._saying([phrases for p, phrases in q.place_mentions if p not in named])
        if within and self.default not in within:
            return (within, [], None) if len(within) == 1 else ([], [], wording.which_place(set(within)))
        # "品质高新今年谋划了多少个项目": a name one place's reports quote as theirs (“品质高新”), where
        # the default place's never say it
        home = self.place_text(self.default) if self.default in self.reports_in else ""
        quoting = [p for p, names in self._quoted_names.items() if any(n in q.normalised and n not in home for n in names)]
        if len(quoting) == 1:
            return quoting, [], None
        words = [t for t in q.terms if t.weight >= 1]  # "宁波舟山港…" is asked of 浙江省's reports only
        holding = [p for p in self.reports_in if words and all(t.found_in(self.place_text(p)) for t in words)]
        if self.default in places and (self.default in holding or len(holding) != 1):
            return [self.default], [], None
        if len(holding) == 1:  # "诚信化工连续几年入选…": said of one place only, not the default's
            return holding, [], None
        return [], [], wording.which_place(places)

    def _owner(self, named: str) -> str:
        """A place's own zone no report covers ("阳新开发区") is asked of that place, when its reports name
        the zone as theirs ("县经济开发区"); any other place named is itself."""
        owner, said = own_zone(named, places_table(self._places, load_vocab()), load_vocab()) or ("", ())
        return owner if owner in self.reports_in and says_own_zone(self.place_text(owner), said, load_vocab()) \
            else named

    @cached_property
    def _quoted_names(self) -> dict[str, frozenset[str]]:
        """Each place → the names its reports quote as names of their own (“品质高新”, “263”专项行动):
        two to twelve characters between quotation marks."""
        return {p: frozenset(_QUOTED.findall(self.place_text(p))) for p in self.reports_in}

    @cached_property
    def _quoted(self) -> str:
        """Every name the reports quote (_quoted_names), one a line."""
        return "\n".join(sorted(set().union(*self._quoted_names.values())))

    def _saying(self, mentions: list[tuple[str, ...]]) -> list[str]:
        """The places whose reports say every mention in its words (any of its phrases), else
        those saying any of them."""
        says = [[p for p in self.reports_in if any(ph in self.place_text(p) for ph in phrases)]
                for phrases in mentions]
        every = [p for p in self.reports_in if says and all(p in s for s in says)]
        return every or list(dict.fromkeys(p for s in says for p in s))


_QUOTED = re.compile(r"“([^“”，。、；：\s]{2,12})”")


def _reference(normalised: str, place: str) -> bool:
    """Whether `place` is named as what a figure is measured against ("增速全国排第几", "占昆山市"),
    not as a place asked about beside the others (question_cues.tsv: reference_before/after)."""
    c = cues()
    forms = alternation((fold(place), *gazetteer().get(place, ())))
    before, after = alternation(c.get("reference_before", ())), alternation(c.get("reference_after", ()))
    return bool(before and re.search(f"(?:{before})(?:{forms})", normalised)) or \
        bool(after and re.search(f"(?:{forms})(?:{after})", normalised))
