"""What the reports say, as the index understood it: every figure with its place, year (or span
of years), kind, sentence and where its label came from; a summary of one report; the places and
years the corpus covers; and example questions built from them.

Pure functions over labelled chunks (`Chunk.labelled_sentences`) and the reports' metadata
(doc_id → title, date, place, source), as `index.store.load` or `chunk_document` give them. No
model and no Telegram: `zoneqa facts`, `zoneqa corpus add` and the bot's welcome all read it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from bot.answering.doubts import DOUBT, doubts
from bot.answering.evidence import Answer
from bot.answering.facts import extract
from bot.answering.vocabulary import cues, gazetteer
from bot.answering.wording import clip
from index.reading.documents import Document
from index.text.chunking import Chunk, chunk_document
from index.text.normalise import fold
from index.text.places import names_of
from index.text.timelabel import ESTIMATE, RESULT, TARGET
from index.text.vocabulary import load_vocab

MULTI_YEAR = "multi-year"  # a figure's type when its label carries a span (十四五, 到2030年)
TYPES = {RESULT: "实际", TARGET: "目标", ESTIMATE: "预计", MULTI_YEAR: "多年"}
UNLABELLED = "未定"  # a figure whose sentence got no year and no kind
SOURCES = {"year": "句中年份", "cue": "提示词", "section": "所在章节", "context": "上下文", "date": "报告日期"}
COLUMNS = ("地点", "年份", "类型", "数值", "变化", "指标", "依据", "原句", "报告")  # of `Figure.row`
# A year holding less than this share of a place's figures of one kind is a year named in
# passing ("2019年是新中国成立70周年"), not a year the reports cover.
MAIN_SHARE = 0.1
SUMMARY_EXAMPLES = 3
SUMMARY_DOUBTS = 5  # doubtful figures shown in a summary; `zoneqa facts --doubtful` lists them all
SENTENCE_CHARS = 80  # of a sentence quoted in a summary


@dataclass(frozen=True)
class Figure:
    """One figure of a report sentence, with the label stored for that sentence."""

    doc_id: str
    place: str
    year: int | None
    span: tuple[int, int] | None
    kind: str | None  # RESULT, TARGET, ESTIMATE or None
    value: str
    subject: str
    change: str | None
    sentence: str
    source: str  # year | cue | section | context | date | ""
    section: str
    part: str = ""  # the part of its year it covers, where its label names one (`TimeLabel.part`: "1-8月")

    @property
    def type(self) -> str | None:
        """MULTI_YEAR for a figure of a span of years, else its kind."""
        return MULTI_YEAR if self.span else self.kind

    def period(self) -> str:
        if self.span:
            return f"{self.span[0]}—{self.span[1]}年"
        return f"{self.year}年" if self.year else "—"

    def type_name(self) -> str:
        return TYPES.get(self.type or "", UNLABELLED)

    def source_name(self) -> str:
        return SOURCES.get(self.source, "—")

    def row(self) -> tuple[str, ...]:
        """The figure in the columns of COLUMNS, for staff."""
        return (self.place, self.period(), self.type_name(), self.value, self.change or "", self.subject,
                self.source_name(), " ".join(self.sentence.split()), self.doc_id)

    def to_dict(self) -> dict:
        return {"place": self.place, "year": self.year, "span": list(self.span) if self.span else None,
                "type": self.type, "kind": self.kind, "value": self.value, "subject": self.subject,
                "change": self.change, "source": self.source, "sentence": self.sentence,
                "section": self.section, "doc_id": self.doc_id}


def figures(chunks: Iterable[Chunk], documents: Mapping[str, Mapping]) -> list[Figure]:
    """Every figure of every labelled sentence, in corpus order."""
    out = []
    for chunk in chunks:
        place = documents.get(chunk.doc_id, {}).get("place", "")
        for sentence, tl in chunk.labelled_sentences():
            sentence = sentence.strip()
            out += [Figure(chunk.doc_id, place, tl.year, tl.span, tl.kind, f.value, f.subject, f.change,
                           sentence, tl.source, chunk.section_title(), tl.part) for f in extract(sentence)]
    return out


def type_of(word: str) -> str:
    """A figure type from how staff write it: 实际/目标/预计/多年 or result/target/estimate/multi-year."""
    names = {**{t: t for t in TYPES}, **{name: t for t, name in TYPES.items()}}
    if word.strip().lower() not in names:
        raise ValueError(f"类型只能是 {'、'.join(TYPES.values())}（或 {', '.join(TYPES)}），不是“{word}”")
    return names[word.strip().lower()]


def place_names(place: str) -> set[str]:
    """The names a place goes by: its own, its short form (河南省 → 河南) and its aliases."""
    vocab = load_vocab()
    names = set(names_of(place, vocab))
    for canonical, aliases in gazetteer().items():
        if fold(canonical) in names:
            names |= {fold(canonical), *aliases}
    return names


def is_named(place: str, name: str) -> bool:
    return fold(name) in place_names(place)


def select(found: Iterable[Figure], place: str | None = None, year: int | None = None,
           kind: str | None = None) -> list[Figure]:
    """The figures of `place` (by any of its names), of `year` (a multi-year figure whose span
    includes it counts) and of type `kind` (see `type_of`)."""
    named: dict[str, bool] = {}
    out = []
    for f in found:
        if place and not named.setdefault(f.place, is_named(f.place, place)):
            continue
        if year and not (f.year == year or (f.span and f.span[0] <= year <= f.span[1])):
            continue
        if kind and f.type != kind:
            continue
        out.append(f)
    return out


# -- metrics ----------------------------------------------------------------------------------

def metric_of(subject: str) -> tuple[int, str] | None:
    """(rank in synonyms.tsv, canonical name) of the metric a figure measures: the last domain
    term of its subject, unless a ratio word follows it ("占地区生产总值比重" is a share, not GDP)."""
    folded = fold(subject)
    best = None
    for rank, (canonical, aliases) in enumerate(load_vocab().synonyms.items()):
        for word in (fold(canonical), *aliases):
            end = folded.rfind(word) + len(word) if word in folded else -1
            if end >= 0 and (best is None or end > best[0]):
                best = (end, rank, canonical)
    if best is None or any(w in folded[best[0]:] for w in cues().get("ratio", ())):
        return None
    return best[1], best[2]


def _rank(f: Figure) -> int:
    metric = metric_of(f.subject)
    return metric[0] if metric else len(load_vocab().synonyms)


# -- one report -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    """What was understood of one report: its figures by year and type, and a few examples."""

    doc_id: str
    place: str
    date: str
    years: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # period → (type name, count)…
    counts: tuple[tuple[str, int], ...]  # type name → count, every type, then 未定 if any
    total: int
    examples: tuple[Figure, ...]
    doubtful: tuple[tuple[Figure, str], ...] = ()  # figure, why its label is doubtful

    def lines(self) -> list[str]:
        """The summary in Chinese, for staff: one fact a line."""
        years = "；".join(f"{period} " + "、".join(f"{name} {n}" for name, n in kinds)
                         for period, kinds in self.years) or "没有"
        counts = "，".join(f"{name} {n}" for name, n in self.counts)
        out = [f"地点：{self.place}　报告日期：{self.date}",
               f"涉及年份：{years}",
               f"识别出 {self.total} 个数字：{counts}"]
        if self.examples:
            out.append("示例：")
            out += [f"• {f.period()} {f.type_name()} {f.value}（依据：{f.source_name()}）"
                    f"“{_excerpt(f.sentence, f.value)}”" for f in self.examples]
        if self.doubtful:
            out.append(f"{DOUBT} {len(self.doubtful)} 个（请核对章节标题或提示词，"
                       f"全部：zoneqa facts --place {self.place} --doubtful）：")
            out += [f"• {f.value}：{why}“{_excerpt(f.sentence, f.value)}”"
                    for f, why in self.doubtful[:SUMMARY_DOUBTS]]
        return out


def _excerpt(sentence: str, value: str, chars: int = SENTENCE_CHARS) -> str:
    """The sentence, or as much of it around the figure as fits in `chars`."""
    if len(sentence) <= chars:
        return sentence
    start = max(0, min(sentence.find(value) - chars // 2, len(sentence) - chars))
    return ("…" if start else "") + clip(sentence[start:], chars)


def _period_key(f: Figure) -> tuple:
    return (f.span or (f.year or 0, f.year or 0), bool(f.span))


def summarize(doc_id: str, chunks: Iterable[Chunk], documents: Mapping[str, Mapping]) -> Summary | None:
    """The summary of report `doc_id`; None when the chunks hold no passage of it."""
    mine = [c for c in chunks if c.doc_id == doc_id]
    if not mine:
        return None
    doc = documents.get(doc_id, {})
    found = figures(mine, documents)
    by_period: dict[tuple, Counter] = {}
    for f in found:
        if f.year or f.span:
            by_period.setdefault(_period_key(f), Counter())[f.type_name()] += 1
    names = {key: next(f.period() for f in found if _period_key(f) == key) for key in by_period}
    years = tuple((names[key], tuple(by_period[key].most_common())) for key in sorted(by_period))
    counted = Counter(f.type_name() for f in found)
    counts = tuple((name, counted[name]) for name in TYPES.values()) + \
        (((UNLABELLED, counted[UNLABELLED]),) if counted[UNLABELLED] else ())
    return Summary(doc_id, doc.get("place", ""), doc.get("date", ""), years, counts, len(found),
                   _examples(found), tuple(doubts(found, documents).items()))


def summarize_document(doc: Document) -> Summary | None:
    """The summary of a report not yet indexed, chunked and labelled as a build would."""
    return summarize(doc.doc_id, chunk_document(doc), {doc.doc_id: doc.info()})


def _examples(found: list[Figure]) -> tuple[Figure, ...]:
    """One figure of each type where there is one (results, targets, multi-year, estimates), the
    best-known metric first, then the best-known of the rest."""
    order = {id(f): i for i, f in enumerate(found)}
    ranked = sorted((f for f in found if f.type), key=lambda f: (_rank(f), order[id(f)]))
    chosen = [next(f for f in ranked if f.type == t) for t in TYPES if any(f.type == t for f in ranked)]
    chosen += [f for f in ranked if f not in chosen]
    return tuple(chosen[:SUMMARY_EXAMPLES])


# -- the corpus -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Coverage:
    """What the reports of one place cover: the years of their results (estimates too) and of
    their targets, and the spans of their multi-year figures."""

    place: str
    results: tuple[int, ...]
    targets: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]

    def describe(self) -> str:
        parts = []
        if self.results:
            parts.append(f"{_years(self.results)}实际完成情况")
        if self.targets:
            parts.append(f"{_years(self.targets)}目标")
        if self.spans:
            parts.append("多年规划与累计（" + "、".join(f"{a}—{b}年" for a, b in self.spans) + "）")
        return "，".join(parts) or "没有识别出带年份的数字"


def _years(years: tuple[int, ...]) -> str:
    """2018 → 2018年; 2024, 2025 → 2024—2025年; 2018, 2020 → 2018年、2020年."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return "、".join(f"{r[0]}年" if len(r) == 1 else f"{r[0]}—{r[-1]}年" for r in runs)


def _main(counts: Counter) -> tuple:
    total = sum(counts.values())
    return tuple(sorted(k for k, n in counts.items() if n >= MAIN_SHARE * total))


def coverage(found: list[Figure], documents: Mapping[str, Mapping],
             default_place: str = "") -> tuple[Coverage, ...]:
    """Each place's coverage: the default place first, then the places of the newest reports."""
    latest: dict[str, str] = {}
    for doc in documents.values():
        latest[doc["place"]] = max(latest.get(doc["place"], ""), doc["date"])
    places = sorted(latest, key=lambda p: (latest[p], p), reverse=True)
    places.sort(key=lambda p: fold(default_place) not in place_names(p))  # stable: default first
    out = []
    for place in places:
        mine = [f for f in found if f.place == place]
        results = Counter(f.year for f in mine if f.type in (RESULT, ESTIMATE) and f.year)
        targets = Counter(f.year for f in mine if f.type == TARGET and f.year)
        spans = Counter(f.span for f in mine if f.span)
        out.append(Coverage(place, _main(results), _main(targets), _main(spans)))
    return tuple(out)


# -- example questions ------------------------------------------------------------------------

@dataclass(frozen=True)
class Example:
    question: str
    figure: Figure  # what a right answer quotes


def example_candidates(found: list[Figure], places: tuple[Coverage, ...]) -> list[Example]:
    """Questions a citizen might ask, best first: for each place, its headline metric (the
    first of synonyms.tsv that has both) as a result of its latest reviewed year and as a target
    of its plan year, then other metrics' results and targets. Places take turns."""
    per_place = [_place_candidates([f for f in found if f.place == cov.place], cov) for cov in places]
    out = []
    for i in range(max(map(len, per_place), default=0)):
        out += [c[i] for c in per_place if i < len(c)]
    return out


def _place_candidates(mine: list[Figure], cov: Coverage) -> list[Example]:
    results = _by_metric(mine, RESULT, max(cov.results, default=None))
    targets = _by_metric(mine, TARGET, max(cov.targets, default=None))
    both = [m for m in results if m in targets]
    head = [results[both[0]], targets[both[0]]] if both else []
    rest = [e for e in [*results.values(), *targets.values()] if e not in head]
    return head + rest


def _by_metric(mine: list[Figure], kind: str, year: int | None) -> dict[str, Example]:
    """metric → the example asking for its `kind` figure of `year`, metrics in synonyms order."""
    found: dict[str, tuple[int, Example]] = {}
    for f in mine:
        metric = metric_of(f.subject)
        if year is None or f.type != kind or f.year != year or metric is None or metric[1] in found:
            continue
        asked = "目标是多少" if kind == TARGET else "是多少"
        found[metric[1]] = (metric[0], Example(f"{f.place}{year}年{metric[1]}{asked}？", f))
    return {m: e for m, (_, e) in sorted(found.items(), key=lambda item: item[1][0])}


def answered(candidates: list[Example], ask: Callable[[str], Answer | None], limit: int,
             tries: int) -> tuple[str, ...]:
    """The first `limit` candidates that `ask` answers with their own figure, asking at most
    `tries` of them: an example offered to citizens is never a refusal. `ask` returns None for a
    question it could not answer at all."""
    out = []
    for example in candidates[:tries]:
        answer = ask(example.question)
        if answer is not None and not answer.abstained and example.figure.value in answer.answer:
            out.append(example.question)
            if len(out) == limit:
                break
    return tuple(out)
