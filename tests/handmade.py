"""Hand-made questions and evidence for the answering rules: no index, no model."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from bot.answering.answerer import Answerer
from bot.answering.asked import Asked
from bot.answering.evidence import Evidence, coverage
from bot.answering.reading.question import Question, Term
from bot.answering.settings import AnswerSettings
from index.reading.documents import Document
from index.reading.layout import Paragraph
from index.search.searcher import Hit
from index.text.chunking import Chunk, chunk_document, split_sentences
from index.text.normalise import fold
from index.text.timelabel import RESULT, Frame, TimeLabel, label

DOC = {"doc_id": "zone-2019", "title": "2019年工作会议", "date": "2019-01", "place": "昆山高新区"}


def question(metric: str, *words: str, unit: str | None = None, asks_change: bool = False,
             year: int | None = 2018, kind: str | None = RESULT, aliases: tuple[str, ...] = ()) -> Question:
    """A question about `metric` (weight 2, as the parser gives a metric) and other topic words."""
    terms = (Term(metric, 2.0, (fold(metric), *aliases)),
             *(Term(w, 1.0, (fold(w),)) for w in words))
    return Question(text=metric, normalised=fold(metric), years=(year,) if year else (), kind=kind,
                    metrics=(metric,), terms=terms, unit=unit, asks_change=asks_change)


def hit(text: str, rank: int = 1, section: tuple[str, ...] = ()) -> Hit:
    """`text` as a retrieved passage of DOC, its sentences labelled as a build would."""
    frame = Frame.of(DOC["date"])
    sentences = tuple((s, e, label(text[s:e], frame)) for s, e in split_sentences(text))
    chunk = Chunk(f"c{rank}", DOC["doc_id"], text, section, ((0, len(text)),), sentences=sentences)
    return Hit(rank, rank - 1, chunk, DOC, 1.0 / rank, rank, rank)


def evidence(q: Question, sentence: str, rank: int = 1, year: int | None = 2018,
             kind: str | None = RESULT) -> Evidence:
    """`sentence` as retrieved at `rank`, labelled (year, kind), with its coverage of `q`."""
    cov, missing = coverage(q, sentence)
    return Evidence(hit(sentence, rank), sentence, TimeLabel(year, kind), cov, missing)


QINGHE = "青禾高新技术产业园区"  # a made-up zone, said 青禾高新区 as any 高新技术产业园区 is


def zone_report(title: str, date: str, text: str) -> tuple[list[dict], dict[str, str]]:
    """A report of QINGHE as an index build stores its info, and its text."""
    meta = {"title": title, "date": date, "place": QINGHE, "source": "合成"}
    return [Document("qh", Path("qh"), meta, text, ()).info()], {"qh": text}


class NoSearch:
    """A searcher over hand-made chunks that fails any search: the routes under test need none."""

    def __init__(self, docs: list, chunks: list[Chunk], spans: dict[str, range]):
        self._docs = docs
        self.index = SimpleNamespace(chunks=chunks, spans=spans)

    def documents(self):
        return list(self._docs)

    def encode(self, texts):
        raise AssertionError(f"encoded {texts}: this question needs no passages")

    search_encoded = encode


def sentence_reports(docs: list[dict], texts: dict[str, str], label: TimeLabel) -> NoSearch:
    """Each report's text as one chunk under "一、工作", each sentence (up to 。) labelled `label`:
    for the routes that read sentences and need no passages (mentions, which places)."""
    chunks, spans = [], {}
    for doc, text in texts.items():
        bounds, at = [], 0
        for s in (s + "。" for s in text.split("。") if s):
            bounds.append((at, at + len(s), label))
            at += len(s)
        spans[doc] = range(len(chunks), len(chunks) + 1)
        chunks.append(Chunk(f"{doc}-0", doc, text, ("一、工作",), ((0, len(text)),), sentences=tuple(bounds)))
    return NoSearch(docs, chunks, spans)


def paragraphs_index(doc_id: str, paragraphs: list[tuple[tuple[str, ...], TimeLabel, list[tuple[str, str]]]]
                     ) -> SimpleNamespace:
    """One report's index: each paragraph (section, label, its chunks as (id, text)) one after the
    other, a break between paragraphs and none between the chunks of one."""
    chunks, at = [], 0
    for section, lab, parts in paragraphs:
        for cid, text in parts:
            sentences = tuple((s, e, lab) for s, e in split_sentences(text))
            chunks.append(Chunk(cid, doc_id, text, section, ((at, at + len(text)),), lab, sentences))
            at += len(text)
        at += 1
    return SimpleNamespace(chunks=chunks, spans={doc_id: range(len(chunks))})


def retrieved(index: SimpleNamespace, doc: dict, ids: list[str]) -> SimpleNamespace:
    """A search that gave the chunks `ids` of `index`, in rank order."""
    by_id = {c.chunk_id: c for c in index.chunks}
    return SimpleNamespace(hits=[Hit(rank, rank - 1, by_id[cid], doc, 1.0 / rank, rank, rank)
                                 for rank, cid in enumerate(ids, 1)])


def asked_over(reports, index: SimpleNamespace, doc: dict, text: str, now: int, ids: list[str]) -> Asked:
    """`text` asked of `doc`'s place in year `now`, when the chunks `ids` of `index` (in rank order)
    are what the search gave."""
    q = reports.read(text, doc["place"], None, one_place=True)
    return Asked(text, q, place=doc["place"], now=now, search=retrieved(index, doc, ids))


class Passages:
    """Each report of `texts` is one passage, under the section `titles`; a search retrieves those
    of the reports it is given."""

    def __init__(self, docs: list[dict], texts: dict[str, str], titles: tuple[str, ...] = ()):
        self.docs = {d["doc_id"]: d for d in docs}
        self.chunks = {}
        for doc_id, text in texts.items():  # one paragraph, one chunk, labelled as a build labels it
            para = Paragraph(text, ((0, len(text)),), titles, None)
            doc = Document(doc_id, Path(doc_id), self.docs[doc_id], text, (para,))
            chunk, = chunk_document(doc, max_chars=len(text))
            self.chunks[doc_id] = replace(chunk, chunk_id=f"{doc_id}-0")
        self.index = SimpleNamespace(chunks=list(self.chunks.values()),
                                     spans={d: range(i, i + 1) for i, d in enumerate(self.chunks)})

    def documents(self):
        return list(self.docs.values())

    def encode(self, texts):
        return np.zeros((len(texts), 4), dtype=np.float32)

    def search_encoded(self, query, qvec, k=5, doc_ids=None, *args, **kwargs):
        found = [c for d, c in self.chunks.items() if doc_ids is None or d in doc_ids]
        return [Hit(i + 1, i, c, self.docs[c.doc_id], 1.0, i + 1, i + 1) for i, c in enumerate(found)]


def ask_of(doc: dict, question: str, text: str):
    """The answer to `question` over `text` alone, as the report `doc` (its place the default)."""
    return Answerer(Passages([doc], {doc["doc_id"]: text}), AnswerSettings(default_place=doc["place"])).ask(question)
