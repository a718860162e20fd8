"""What the bot says it understood of its reports: figures by place, year and kind, a report's
summary, the years each place's reports cover and example questions. No index, no model: the
reports are chunked and labelled as a build would."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.answering import catalogue
from bot.answering.evidence import Answer
from bot.answering.catalogue import Coverage
from conftest import CORPUS, ROOT
from index.reading.documents import load_corpus, load_document
from index.text.chunking import chunk_document

REPORTS = ROOT / "tests" / "reports"


def read(*paths: Path):
    docs = [load_document(p) for p in paths]
    return [c for d in docs for c in chunk_document(d)], {d.doc_id: d.info() for d in docs}


@pytest.fixture(scope="module")
def seed():
    docs, _ = load_corpus(CORPUS)
    chunks, documents = [c for d in docs for c in chunk_document(d)], {d.doc_id: d.info() for d in docs}
    return catalogue.figures(chunks, documents), documents


@pytest.fixture(scope="module")
def jiangsu():
    chunks, documents = read(REPORTS / "2025-江苏省.txt", REPORTS / "2026-江苏省.txt")
    return catalogue.figures(chunks, documents), documents


def test_each_figure_carries_its_year_kind_and_sentence(seed):
    found, _ = seed
    [gdp] = [f for f in found if f.value == "762亿元"]
    assert (gdp.year, gdp.type, gdp.type_name(), gdp.source_name()) == (2018, "result", "实际", "句中年份")
    assert gdp.sentence.startswith("2018年,昆山高新区全年完成地区生产总值762亿元") and gdp.change == "增长7.1%"
    [target] = [f for f in found if f.value == "810亿元"]
    assert (target.period(), target.type_name()) == ("2019年", "目标")


def test_a_place_is_found_by_the_names_people_use(jiangsu, seed):
    found, _ = jiangsu
    assert catalogue.select(found, place="江苏") == catalogue.select(found, place="江苏省") == found
    assert catalogue.select(found, place="浙江") == []
    assert catalogue.select(seed[0], place="高新区") == seed[0]


def test_a_year_selects_its_own_figures_and_the_spans_that_include_it(jiangsu):
    found, _ = jiangsu
    of_2023 = catalogue.select(found, year=2023)
    assert of_2023 and all(f.year == 2023 or f.span[0] <= 2023 <= f.span[1] for f in of_2023)
    spans = catalogue.select(found, year=2023, kind=catalogue.MULTI_YEAR)
    assert spans and all(f.span == (2021, 2025) for f in spans)  # 十四五, not a 2023 figure
    assert catalogue.type_of("多年") == catalogue.type_of("multi-year") == catalogue.MULTI_YEAR
    with pytest.raises(ValueError, match="类型只能是"):
        catalogue.type_of("去年")


def test_two_yearly_reports_cover_two_reviewed_years_and_two_plans(jiangsu):
    found, documents = jiangsu
    [cov] = catalogue.coverage(found, documents)
    assert (cov.place, cov.results, cov.targets) == ("江苏省", (2024, 2025), (2025, 2026))
    assert (2021, 2025) in cov.spans
    assert cov.describe().startswith("2024—2025年实际完成情况，2025—2026年目标，多年规划与累计（")


def test_a_year_named_in_passing_is_not_a_year_covered(seed):
    found, documents = seed
    # a report of January 2019 has no 2019 results, even where a sentence reads like one
    # ("2019年是新中国成立70周年"): 2019 is covered by its targets only
    assert not any(f.year == 2019 and f.type == "result" for f in found)
    assert catalogue.coverage(found, documents) == (Coverage("昆山高新区", (2018,), (2019,), ()),)


def test_the_default_place_comes_first_then_the_newest_reports(seed, jiangsu):
    found, documents = seed[0] + jiangsu[0], {**seed[1], **jiangsu[1]}
    assert [c.place for c in catalogue.coverage(found, documents)] == ["江苏省", "昆山高新区"]
    assert [c.place for c in catalogue.coverage(found, documents, "高新区")] == ["昆山高新区", "江苏省"]


def test_a_share_of_a_metric_is_not_the_metric():
    assert catalogue.metric_of("昆山高新区全年完成地区生产总值")[1] == "地区生产总值"
    assert catalogue.metric_of("2024年地区生产总值达")[1] == "地区生产总值"
    assert catalogue.metric_of("制造业增加值占地区生产总值比重达") is None
    assert catalogue.metric_of("新建公厕") is None


def test_the_summary_of_a_report(jiangsu):
    chunks, documents = read(REPORTS / "2026-江苏省.txt")
    [doc_id] = documents
    summary = catalogue.summarize(doc_id, chunks, documents)
    lines = summary.lines()
    assert lines[0] == "地点：江苏省　报告日期：2026-02-03"
    periods = dict(summary.years)
    assert dict(periods["2025年"])["实际"] > 10 and dict(periods["2026年"])["目标"] > 10
    assert dict(periods["2021—2025年"])["多年"] > 0
    counts = dict(summary.counts)
    assert list(counts)[:4] == ["实际", "目标", "预计", "多年"] and sum(counts.values()) == summary.total
    assert [f.type for f in summary.examples] == ["result", "target", "multi-year"]
    assert all(f.value in line for f, line in zip(summary.examples, lines[-3:]))
    assert catalogue.summarize("no-such-report", chunks, documents) is None


def test_example_questions_ask_the_headline_metric_as_a_result_and_as_a_target(seed, jiangsu):
    found, documents = seed
    candidates = catalogue.example_candidates(found, catalogue.coverage(found, documents))
    assert [(c.question, c.figure.value) for c in candidates[:3]] == [
        ("昆山高新区2018年地区生产总值是多少？", "762亿元"),
        ("昆山高新区2019年地区生产总值目标是多少？", "810亿元"),
        ("昆山高新区2018年一般公共预算收入是多少？", "90亿元")]
    found, documents = jiangsu
    questions = [c.question for c in catalogue.example_candidates(found, catalogue.coverage(found, documents))]
    assert questions[:2] == ["江苏省2025年地区生产总值是多少？", "江苏省2026年地区生产总值目标是多少？"]


def test_only_examples_answered_with_their_own_figure_are_offered(seed):
    found, documents = seed
    candidates = catalogue.example_candidates(found, catalogue.coverage(found, documents))
    asked = []

    def ask(question: str) -> Answer | None:
        asked.append(question)
        if question == candidates[0].question:
            return Answer(question, "资料中没有……", abstained=True)  # a refusal
        if question == candidates[1].question:
            return Answer(question, "2019年目标是1亿元", abstained=False, value="1亿元")  # another figure
        if question == candidates[2].question:
            return None  # the answerer failed
        return Answer(question, f"答：{next(c for c in candidates if c.question == question).figure.value}", abstained=False)

    offered = catalogue.answered(candidates, ask, limit=2, tries=10)
    assert offered == (candidates[3].question, candidates[4].question)
    assert len(asked) == 5  # it stops once it has enough
    assert catalogue.answered(candidates, ask, limit=2, tries=3) == ()
