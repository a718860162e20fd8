"""What the reports view reads from an index's chunks is computed per place or report on first
use; it must equal what reading every chunk up front gave. No model, no index on disk."""
from __future__ import annotations

from types import SimpleNamespace

from bot.answering import vocabulary
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.text.chunking import Chunk
from index.text.normalise import fold

DOCS = [
    {"doc_id": "a", "place": "昆山高新区", "date": "2019-01", "delivered": "工作会议"},
    {"doc_id": "b", "place": "高新区", "date": "2020-02"},  # an alias of a's place
    {"doc_id": "c", "place": "蘇州", "date": "2019-05"},  # Traditional, an alias
    {"doc_id": "d", "place": "", "date": "2018"},
    {"doc_id": "e", "place": "某某新区", "date": "2020-01"},  # no chunks
    {"doc_id": "f", "place": "昆山高新区", "date": "2020-02", "delivered": "大会"},  # same date as b
]
ONE, ONE_A, ONE_B, TWO = ("一、甲",), ("一、甲", "（一）子"), ("一、甲", "（二）丑"), ("二、乙",)
# (doc, section), a report's chunks together and in the manifest's order, as an index stores them
ROWS = [("a", ONE), ("a", ONE_A), ("a", ONE_B), ("a", ONE_A), ("b", TWO), ("c", ()), ("c", ONE),
        ("d", ()), ("f", ONE_A), ("f", ONE_B)]
CHUNKS = [Chunk(f"{doc}-{i}", doc, f"第{i}段 蘇州 ＧＤＰ", section, ((0, 1),)) for i, (doc, section) in enumerate(ROWS)]


def reports(docs, chunks, settings=AnswerSettings()) -> Reports:
    """The view of a hand-made index: its chunks in stored order, each report's range of them."""
    spans, at = {}, 0
    for d in docs:
        n = sum(c.doc_id == d["doc_id"] for c in chunks)
        spans[d["doc_id"]], at = range(at, at + n), at + n
    return Reports(list(docs), SimpleNamespace(chunks=chunks, spans=spans), settings)


def old_canonical(place):
    folded = fold(place)
    for canonical, aliases in vocabulary.gazetteer().items():
        if folded == fold(canonical) or folded in aliases:
            return canonical
    return place


def eager_views(docs, chunks):
    """The views as they used to be built, from every chunk in turn."""
    place_of = {d["doc_id"]: old_canonical(d["place"]) for d in docs}
    texts = {}
    for c in chunks:
        texts.setdefault(place_of.get(c.doc_id, ""), []).append(c.text)
    order = {d["doc_id"]: i for i, d in enumerate(sorted(docs, key=lambda d: d["date"], reverse=True))}
    chunks_of = {}
    for c in sorted(chunks, key=lambda c: order.get(c.doc_id, len(order))):
        chunks_of.setdefault(place_of.get(c.doc_id, ""), []).append(c)
    parts = {}
    for c in chunks:
        if c.section:
            sub = parts.setdefault((c.doc_id, c.section[:-1]), [])
            if c.section[-1] not in sub:
                sub.append(c.section[-1])
    return place_of, {p: fold("\n".join(t)) for p, t in texts.items()}, chunks_of, parts


def test_the_views_read_on_first_use_are_those_read_up_front():
    view = reports(DOCS, CHUNKS)
    place_of, place_text, chunks_of, parts = eager_views(DOCS, CHUNKS)
    assert view.place_of == place_of
    assert [(p, view.place_text(p)) for p in view.reports_in] == list(place_text.items())
    for place in [*view.places(), "", "没有的地方"]:
        assert view.chunks_of(place) == chunks_of.get(place, [])
    for (doc_id, section), sub in parts.items():
        assert view.sections(doc_id).get(section, []) == sub
    assert view.sections("a").get(TWO, []) == [] and view.sections("none") == {}
    assert view.delivered[("昆山高新区", "2020")]["doc_id"] == "f"


def test_an_index_without_chunks():
    view = reports(DOCS, [])
    assert view.reports_in == {} and view.chunks_of("昆山高新区") == []
    assert view.sections("a") == {}


def test_now_is_each_places_latest_report_unless_set():
    view = reports(DOCS, CHUNKS)
    assert (view.now("昆山高新区"), view.now("苏州市"), view.now("某某新区")) == (2020, 2019, 2020)
    assert view.now("没有的地方") == 2020  # the latest of all
    assert reports(DOCS, CHUNKS, AnswerSettings(reporting_year=2031)).now("苏州市") == 2031


def test_now_after_a_year_end_report_is_the_year_it_plans():
    """A county report of December 2023 reviews 2023 and plans 2024: 今年 is 2024 afterwards."""
    docs = [*DOCS, {"doc_id": "g", "place": "泉港区", "date": "2023-12-19"}]
    assert reports(docs, CHUNKS).now("泉港区") == 2024


def test_a_places_reports_and_who_delivered_them():
    view = reports(DOCS, CHUNKS)
    assert view.dates("昆山高新区") == {"a": "2019-01", "b": "2020-02", "f": "2020-02"}
    assert view.speaker("昆山高新区", 2019) == "工作会议" and view.speaker("昆山高新区", 2018) == ""


def test_places_are_named_as_the_gazetteer_names_them():
    names = [n for canonical, aliases in vocabulary.gazetteer().items() for n in (canonical, *aliases)]
    variants = ["蘇州", "ＳＩＰ", "昆山高新區", "某某新区", "", *names]
    canonical = vocabulary.place_namer()
    assert [canonical(p) for p in variants] == [old_canonical(p) for p in variants]


def test_an_edited_gazetteer_is_used_by_the_next_answerer(tmp_path, monkeypatch):
    monkeypatch.setattr(vocabulary, "BOT_DATA", tmp_path)
    places = tmp_path / "places.tsv"
    places.write_text("甲市\t甲\n", encoding="utf-8")
    assert vocabulary.place_namer()("甲") == "甲市"
    places.write_text("乙县\t甲|乙\n甲市\t甲\n", encoding="utf-8")
    assert vocabulary.place_namer()("甲") == "乙县"
    docs = [{"doc_id": "x", "place": "甲", "date": "2020"}]
    assert reports(docs, [], AnswerSettings(default_place="乙")).places() == ["乙县"]
