"""Paragraphs → chunks: whole sentences, never a cut inside a number, each with its exact source span."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from index import datafiles
from index.reading.documents import Document
from index.reading.layout import LEAD_HEADING, numbered_level
from index.text.normalise import fold
from index.text.sections import narrowed, scope_of
from index.text.kindwords import opening
from index.text.timelabel import Frame, Scope, TimeLabel, announcement, label, sentence_head, years_in
from index.text.vocabulary import Vocab, load_vocab

APPENDIX_LEVEL = 0  # the level sections.tsv gives an appendix (附件): notes, not the speech
DEFAULT_MAX_CHARS = 120  # chosen by measurement: benchmarks/bench_index.py --parts chunks
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)\"]*")
_FULL_STOP = re.compile(r"[。！？!?…]+[”’」』）)\"]*")  # ends a sentence, where ；/; only ends a clause of it
# A clause comma: Chinese comma, or an ASCII comma not between two digits ("1,000");
_CLAUSE_END = re.compile(r"，|,(?!\d)|(?<!\d),")  # not 、: it joins a list


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    text: str
    section: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # "".join(doc.text[s:e]) == text
    label: TimeLabel = TimeLabel(None, None)  # the passage's own label
    # each sentence of `text` as (start, end, label), labelled at build time
    sentences: tuple[tuple[int, int, TimeLabel], ...] = ()

    @property
    def year(self) -> int | None:
        return self.label.year

    @property
    def kind(self) -> str | None:
        return self.label.kind

    def labelled_sentences(self) -> list[tuple[str, TimeLabel]]:
        """The sentences with the labels they were given at build time."""
        return [(self.text[s:e], tl) for s, e, tl in self.sentences]

    @cached_property  # the chunk never changes: folded on first use, not on every question
    def folded_sentences(self) -> tuple[str, ...]:
        """Each sentence after its section title, folded, its partial metric names read with the
        chunk's lead heading and the heads its earlier clauses say (`headed`): what matching a
        question reads."""
        title = fold(self.section_title())
        return tuple(f"{title} {headed(self.lead, fold(self.text[s:e]))}" for s, e, _ in self.sentences)

    @property
    def lead(self) -> str:
        """The short dash-led heading the chunk opens with ("——粮食生产再创新高。"), folded, or ""."""
        m = LEAD_HEADING.match(self.text)
        return fold(m.group(1)) if m else ""

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def content_hash(self) -> str:
        return text_hash(self.embed_text())

    def section_title(self) -> str:
        return " / ".join(self.section)

    def embed_text(self) -> str:
        """What the encoder and BM25 see: the section path gives a passage its context."""
        return f"{self.section_title()}：{self.text}" if self.section else self.text


_CLAUSE_OPENING = re.compile(r"(?:^|[，,。；;：:、！？!?]|——)")


def headed(lead: str, text: str) -> str:
    """`text` (folded) with each clause that opens on the tail of a metric's name whose head the
    lead heading names read as the whole name: under "——粮食生产再创新高。", "…，总产量达到853.2亿
    斤" is "…，粮食总产量达到853.2亿斤". A heading names the topic of the sentences after it, which
    then say only the rest of the name (总产量, 产量, 增加值…). So does a head an earlier clause of
    the sentence says (`listed_heads`)."""
    text = listed_heads(text)
    if not lead:
        return text
    tails = _name_tails(load_vocab())
    out, last = [], 0
    for m in _CLAUSE_OPENING.finditer(text):
        at = m.end()
        for n in range(min(_LONGEST_TAIL, len(text) - at), 1, -1):
            head = next((h for h in tails.get(text[at:at + n], ()) if h in lead), None)
            if head:
                out += [text[last:at], head]
                last = at
                break
    return "".join(out) + text[last:]


_LONGEST_TAIL = 12


def listed_heads(text: str) -> str:
    """`text` (folded) with a bare word opening a clause, past an opener word ("累计"), read with the
    head an earlier clause of the sentence says (clause_links.tsv `head:`): "财政总收入…实现11338
    万元，一般预算收入完成7309万元，累计支出64338万元" lists 财政's figures, so its 支出 is 财政支出."""
    links = datafiles.table(datafiles.INDEX_DATA / "clause_links.tsv")
    heads = [(k.partition(":")[2], words) for k, words in links.items() if k.startswith("head:")]
    if not any(h and h in text for h, _ in heads):
        return text
    opener = f"(?:{'|'.join(map(re.escape, links['opener']))})?" if links.get("opener") else ""
    for head, words in heads:
        first = text.find(head)
        if head and words and first >= 0:
            bare = re.compile(rf"(?<=[，,；;、]){opener}(?=(?:{'|'.join(map(re.escape, words))}))")
            text = text[:first] + bare.sub(lambda m: m.group(0) + head, text[first:])
    return text


@lru_cache(maxsize=4)
def _name_tails(vocab: Vocab) -> dict[str, tuple[str, ...]]:
    """Each tail of two or more characters of a metric's name (synonyms.tsv, folded), with the
    heads that complete it, longest first: "总产量" → ("粮食",)."""
    names = {fold(c) for c in vocab.synonyms} | {a for al in vocab.synonyms.values() for a in al}
    tails: dict[str, set[str]] = {}
    for name in names:
        for i in range(2, len(name) - 1):
            tails.setdefault(name[i:], set()).add(name[:i])
    return {t: tuple(sorted(h, key=len, reverse=True)) for t, h in tails.items()}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans within `text`; the terminator stays with its sentence."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _split_long(text: str, s: int, e: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at clause commas (never inside a number)."""
    if e - s <= max_chars:
        return [(s, e)]
    pieces, start = [], s
    back = tuple(datafiles.table(datafiles.INDEX_DATA / "clause_links.tsv").get("back", ()))
    # not before a clause giving its figures to the clauses before it ("…,分别增长7%、11%")
    linked = max((m.end() for m in _CLAUSE_END.finditer(text[s:e]) if text[s + m.end():e].lstrip().startswith(back)),
                 default=0) if back else 0
    cuts = sorted({s + m.end() for m in _CLAUSE_END.finditer(text[s:e]) if m.end() > linked} | {e})
    last = s
    for cut in cuts:
        if cut - start > max_chars and last > start:
            pieces.append((start, last))
            start = last
        last = cut
    pieces.append((start, e))
    return [(a, b) for a, b in pieces if b > a]


def _spans_of(offsets: list[int], s: int, e: int) -> tuple[tuple[int, int], ...]:
    """Raw-file spans covering characters s..e of a paragraph, split where the paragraph was rejoined."""
    spans: list[list[int]] = []
    for off in offsets[s:e]:
        if spans and spans[-1][1] == off:
            spans[-1][1] = off + 1
        else:
            spans.append([off, off + 1])
    return tuple((a, b) for a, b in spans)


def _lead(text: str) -> str:
    """A paragraph's opening clause ("刚刚过去的2025年，"), where it says what it is about, past its
    number and the words that open without saying it ("（一）", "各位代表，": `kind_signals.tsv`)."""
    return re.split(r"[，,。；;：:]", opening(text), maxsplit=1)[0]


def _in_appendix(titles: tuple[str, ...]) -> bool:
    return any((numbered_level(t) or (None,))[0] == APPENDIX_LEVEL for t in titles)


def _sentence_labels(text: str, at: int, frame: Frame, scope: Scope, chunk_label: TimeLabel, paragraph: str,
                     before: TimeLabel | None) -> tuple[tuple[int, int, TimeLabel], ...]:
    """Each sentence's label (`text` standing at `at` in its paragraph), read after the sentence
    before it (see `timelabel.label`): one that says nothing of its time, or only in weak cue words,
    continues that sentence ("2024年主要预期目标为：…增长7.5%。新增城镇就业1.65万人，完成能耗强度降低
    任务"), in the paragraph's chunk before (`before`, its last labelled sentence) too, not the
    chunk's first year. A clause cut at ； is read after its sentence's head (`sentence_head`), and an
    item of a list its sentence announces ("主要预期目标是：…；…；") with the announcement unless it
    names its own year."""
    out: list[tuple[int, int, TimeLabel]] = []
    for a, b in split_sentences(text):
        so_far = _FULL_STOP.split(paragraph[:at + a])[-1]
        said = announcement(so_far) if not years_in(text[a:b], frame.year) else ""
        found = label(said + text[a:b], frame, scope, before or chunk_label, paragraph,
                      sentence_head(paragraph, at + a, at + b))
        out.append((a, b, found))
        before = found if found.kind and found.source != "context" else before
    return tuple(out)


def chunk_document(doc: Document, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """Pack whole sentences of each paragraph into chunks of at most `max_chars` characters,
    labelling each chunk and each of its sentences (see index.text.timelabel)."""
    frame = doc.frame
    chunks: list[Chunk] = []
    scopes: dict[tuple[str, ...], Scope] = {}
    # Where no section title says anything, a paragraph inherits the label of the one before
    # it under the same titles (the first report's unnumbered sections).
    context: dict[tuple[str, ...], TimeLabel] = {}
    # A section narrowed to one of its years, or to its period, stays so for the paragraphs that
    # follow, in its subsections too while their titles say nothing else of time: keyed by the
    # top title and the scope the titles give.
    narrowing: dict[tuple[tuple[str, ...], Scope], Scope | None] = {}
    last: TimeLabel | None = None  # the last paragraph's label that had a kind
    for para in doc.paragraphs:
        key = para.headings
        if key not in scopes:
            scopes[key] = scope_of(key, frame)
            # a title that says nothing of time ("经济运行保持健康稳定增长") keeps the passage's
            # label, unless it opens an appendix (附件: notes, not the speech)
            own = label(key[-1] if key else "", frame)
            context[key] = own if own.kind or last is None or _in_appendix(key) else last
        where = (key[:1], scopes[key])
        scope = narrowed(scopes[key], _lead(para.text), frame, narrowing.get(where))
        narrowing[where] = scope if scope != scopes[key] else None
        para_label = label(para.text, frame, scope, context[key], para.text)
        if para_label.kind:
            context[key] = last = para_label
        offsets = para.offsets()
        pieces = [p for s, e in split_sentences(para.text)
                  for p in _split_long(para.text, s, e, max_chars)]
        groups: list[list[tuple[int, int]]] = []
        before: TimeLabel | None = None
        for s, e in pieces:
            if groups and e - groups[-1][0][0] <= max_chars:
                groups[-1].append((s, e))
            else:
                groups.append([(s, e)])
        for group in groups:
            s, e = group[0][0], group[-1][1]
            text = para.text[s:e]
            tl = label(text, frame, scope, para_label, para.text)
            sentences = _sentence_labels(text, s, frame, scope, tl, para.text, before)
            before = next((lab for _, _, lab in reversed(sentences) if lab.kind and lab.source != "context"), before)
            chunks.append(Chunk(f"{doc.doc_id}#{len(chunks)}", doc.doc_id, text, para.section,
                                _spans_of(offsets, s, e), tl, sentences))
    return chunks
