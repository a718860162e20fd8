import json
from html.parser import HTMLParser

from bot.evaluation.gold import GoldItem
from bot.evaluation.report import write_report
from bot.evaluation.scoring import evaluate

EVIL = "<script>alert('x')</script> 去年GDP？"


class Page(HTMLParser):
    """Collects tags, ids, and the text inside each table row."""

    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.data = [], {}, []
        self.table, self.rows = None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids[attrs["id"]] = tag
        if tag == "table":
            self.table = attrs.get("id")
            self.rows[self.table] = []
        elif tag == "tr":
            self.rows[self.table].append([])

    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None

    def handle_data(self, data):
        self.data.append(data)
        if self.table and self.rows[self.table]:
            self.rows[self.table][-1].append(data)


def make_report(with_confidence=True, extra=None):
    items = [GoldItem("q1", EVIL, "2018年762亿元。", ("762亿元",), ("810",), "762亿元", "number", extra=extra or {}),
             GoldItem("q2", "今年目标？", "2019年810亿元。", ("810亿元",), ("762",), "810亿元", "target"),
             GoldItem("q3", "2020年？", "没有。", (), (), "", "unanswerable")]
    answers = {EVIL: {"answer": "810亿元 & <b>", "abstained": False, "confidence": 0.95, "latency_ms": 5,
                      "sources": [{"doc_id": "d", "title": "会议<i>", "section": "", "text": "", "score": 1}]},
               "今年目标？": {"answer": "2019年目标810亿元", "abstained": False, "confidence": 0.9, "latency_ms": 5},
               "2020年？": {"answer": "", "abstained": True, "confidence": 0.15, "latency_ms": 5}}
    if not with_confidence:
        for a in answers.values():
            del a["confidence"]
    return evaluate(items, answers.__getitem__, lambda q, k: [{"text": "762亿元"}],
                    baselines={"bm25": lambda q: {"answer": "762亿元", "abstained": False}}, progress=False)


def parse(path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_writes_json_and_self_contained_html(tmp_path):
    report = make_report()
    json_path, html_path = write_report(report, tmp_path / "out")
    assert (json_path.name, html_path.name) == ("report.json", "report.html")
    assert json.loads(json_path.read_text(encoding="utf-8")) == report
    html = html_path.read_text(encoding="utf-8")
    page = parse(html_path)
    assert page.ids["accuracy-by-type"] == "svg" and page.ids["confidence-histogram"] == "svg"
    assert page.ids["failures"] == "table" and page.ids["summary"] == "table" and page.ids["baselines"] == "table"
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert "src=" not in html and "href=" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "report.json"]


def test_failure_table_lists_every_failure(tmp_path):
    page = parse(write_report(make_report(), tmp_path)[1])
    rows = page.rows["failures"]
    assert rows[0] == ["id", "type", "question", "expected", "got", "reason", "top source"]
    assert rows[1:] == [["q1", "number", EVIL, "2018年762亿元。", "810亿元 & <b>",
                         "missing '762亿元'; contains '810'", "会议<i>"]]


def test_failure_table_shows_the_gold_lines_own_keys(tmp_path):
    report = make_report(extra={"note": "表3<注>", "pages": [3, 4]})
    json_path, html_path = write_report(report, tmp_path)
    assert json.loads(json_path.read_text(encoding="utf-8"))["rows"][0]["extra"] == {"note": "表3<注>", "pages": [3, 4]}
    rows = parse(html_path).rows["failures"]
    assert rows[0][-1] == "extra" and rows[1][-1] == "note: 表3<注>; pages: [3, 4]"


def test_baseline_table_side_by_side(tmp_path):
    rows = parse(write_report(make_report(), tmp_path)[1]).rows["baselines"]
    assert rows[0] == ["metric", "system", "bm25"]
    assert ["accuracy", "0.500", "0.500"] in rows
    assert ["mrr", "0.500", "n/a"] in rows


def test_charts_have_a_bar_per_type_and_system_and_histogram_counts(tmp_path):
    html = write_report(make_report(), tmp_path)[1].read_text(encoding="utf-8")
    accuracy = html.split('id="accuracy-by-type"')[1].split("</svg>")[0]
    # 3 types x 2 systems bars, plus 2 legend swatches.
    assert accuracy.count("<rect") == 8
    histogram = html.split('id="confidence-histogram"')[1].split("</svg>")[0]
    assert "<title>answered: 2</title>" in histogram          # 0.95 and 0.9 share the top bin
    assert "<title>abstained: 1</title>" in histogram
    assert histogram.count("<title>answered: 0</title>") == 9


def test_histogram_without_confidence(tmp_path):
    html = write_report(make_report(with_confidence=False), tmp_path)[1].read_text(encoding="utf-8")
    assert 'id="confidence-histogram"' in html and "no confidence values recorded" in html


def test_rewrite_replaces_files(tmp_path):
    write_report(make_report(), tmp_path)
    (tmp_path / "report.json").write_text("stale", encoding="utf-8")
    write_report(make_report(), tmp_path)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]["answerable"] == 2
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
