"""The labelled figures as one self-contained HTML page, for staff to check what the index learned.

Per report: its place, date, speaker and how many figures of each kind; then every figure in one
table that filters by place, year, kind and free text and sorts by any column, the figure marked
in its sentence and doubtful figures flagged with the reason. Inline CSS and script, no link,
image or font from anywhere: it opens offline, from a file or a Telegram attachment.

Pure: figures and report metadata in (`catalogue.figures`, `index.store.load(...).documents`), a
page out. `zoneqa facts --html` and the bot's reply to an upload write it.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path
from typing import Iterable, Mapping

from bot.answering.catalogue import COLUMNS, TYPES, UNLABELLED, Figure
from bot.answering.doubts import DOUBT
from index.files import write_atomic

TABLE_COLUMNS = (*COLUMNS, DOUBT)
KIND_NAMES = (*TYPES.values(), UNLABELLED)
_NUMERIC = {"年份", "数值"}  # columns sorted by the number they start with

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
#figures th{cursor:pointer;background:#f3f3f3;white-space:nowrap}
#figures th[aria-sort=ascending]::after{content:" ▲"}#figures th[aria-sort=descending]::after{content:" ▼"}
tr.doubt td{background:#fff1d6}tr.doubt td.doubt{color:#a33;font-weight:bold}
mark{background:#ffe066;padding:0 .1em}
#filters{margin:.8em 0;display:flex;gap:.8em;flex-wrap:wrap;align-items:center}
#filters input[type=search]{min-width:16em}
"""

# Filters hide rows; a header click sorts by its column (again: the other way round).
_SCRIPT = """
(function(){
  var table=document.getElementById('figures'), body=table.tBodies[0];
  var rows=Array.prototype.slice.call(body.rows);
  var place=document.getElementById('place'), year=document.getElementById('year'),
      kind=document.getElementById('kind'), text=document.getElementById('text'),
      doubtful=document.getElementById('doubtful'), shown=document.getElementById('shown');
  function filter(){
    var y=year.value, q=text.value.trim().toLowerCase(), n=0;
    rows.forEach(function(r){
      var d=r.dataset, ok=(!place.value||d.place===place.value)&&(!kind.value||d.kind===kind.value)
        &&(!y||(d.from&&+d.from<=+y&&+y<=+d.to))&&(!q||r.textContent.toLowerCase().indexOf(q)>=0)
        &&(!doubtful.checked||r.classList.contains('doubt'));
      r.hidden=!ok; if(ok){n++;}
    });
    shown.textContent=n;
  }
  [place,year,kind,doubtful].forEach(function(e){e.addEventListener('change',filter);});
  text.addEventListener('input',filter);
  function key(r,i,numeric){
    var t=r.cells[i].textContent.trim();
    if(!numeric){return t;}
    var m=t.match(/-?[0-9]+(\\.[0-9]+)?/); return m?parseFloat(m[0]):-Infinity;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){
      var up=th.getAttribute('aria-sort')!=='ascending', numeric=th.dataset.numeric==='1';
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',up?'ascending':'descending');
      rows.sort(function(a,b){
        var x=key(a,i,numeric), z=key(b,i,numeric), c=numeric?x-z:x.localeCompare(z,'zh');
        return up?c:-c;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  filter();
})();
"""


def write_page(path: Path, found: list[Figure], documents: Mapping[str, Mapping],
               doubtful: Mapping[Figure, str], title: str = "识别出的数字") -> None:
    """Write `page(...)` to `path` whole (index.files: one step, the project's file mode)."""
    write_atomic(path, page(found, documents, doubtful, title))


def page(found: list[Figure], documents: Mapping[str, Mapping], doubtful: Mapping[Figure, str],
         title: str = "识别出的数字") -> str:
    """The page for `found` (figures of the reports in `documents`); `doubtful`: figure → why its
    label is doubtful (`bot.answering.doubts.doubts`), shown in the 存疑 column and marked."""
    reports = [doc_id for doc_id in documents if any(f.doc_id == doc_id for f in found)]
    years = sorted({y for f in found for y in _years(f)})
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(reports)} 份报告，{len(found)} 个数字，其中{DOUBT} {sum(f in doubtful for f in found)} 个。"
        "点表头排序，再点一次反向。</p>",
        "<h2>报告</h2>", _reports_table(reports, found, documents, doubtful),
        "<h2>数字</h2>", _filters(found, years), _figures_table(found, doubtful),
        f"<script>{_SCRIPT}</script></body></html>",
    ])


def _years(f: Figure) -> range:
    if f.span:
        return range(f.span[0], f.span[1] + 1)
    return range(f.year, f.year + 1) if f.year else range(0)


def _reports_table(reports: list[str], found: list[Figure], documents: Mapping[str, Mapping],
                   doubtful: Mapping[Figure, str]) -> str:
    head = ("报告", "地点", "报告日期", "报告人", *KIND_NAMES, DOUBT)
    rows = []
    for doc_id in reports:
        doc = documents[doc_id]
        mine = [f for f in found if f.doc_id == doc_id]
        counts = Counter(f.type_name() for f in mine)
        cells = (doc.get("title") or doc_id, doc.get("place", ""), doc.get("date", ""),
                 doc.get("speaker") or "—", *(str(counts[k]) for k in KIND_NAMES),
                 str(sum(f in doubtful for f in mine)))
        rows.append(f'<tr data-doc="{escape(doc_id)}">' + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return (f'<table id="reports"><thead><tr>{"".join(f"<th>{h}</th>" for h in head)}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _options(values: Iterable[str], everything: str) -> str:
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)


def _filters(found: list[Figure], years: list[int]) -> str:
    places = sorted({f.place for f in found})
    kinds = [k for k in KIND_NAMES if any(f.type_name() == k for f in found)]
    return ('<div id="filters">'
            f'<label>地点 <select id="place">{_options(places, "全部地点")}</select></label>'
            f'<label>年份 <select id="year">{_options(map(str, years), "全部年份")}</select></label>'
            f'<label>类型 <select id="kind">{_options(kinds, "全部类型")}</select></label>'
            '<label>文字 <input id="text" type="search" placeholder="指标、原句、数值…"></label>'
            f'<label><input id="doubtful" type="checkbox"> 只看{DOUBT}</label>'
            f'<span>显示 <b id="shown">{len(found)}</b> / {len(found)} 个</span></div>')


def _marked(sentence: str, value: str) -> str:
    """The sentence, escaped, with the figure's first occurrence marked."""
    sentence = " ".join(sentence.split())
    at = sentence.find(value) if value else -1
    if at < 0:
        return escape(sentence)
    return f"{escape(sentence[:at])}<mark>{escape(value)}</mark>{escape(sentence[at + len(value):])}"


def _figures_table(found: list[Figure], doubtful: Mapping[Figure, str]) -> str:
    sentence_at = COLUMNS.index("原句")
    head = "".join(f'<th data-numeric="{int(c in _NUMERIC)}">{c}</th>' for c in TABLE_COLUMNS)
    rows = []
    for f in found:
        years = _years(f)
        reason = doubtful.get(f)
        cells = [f"<td>{escape(c)}</td>" for c in f.row()]
        cells[sentence_at] = f"<td>{_marked(f.sentence, f.value)}</td>"
        cells.append(f'<td class="doubt">⚠ {escape(reason)}</td>' if reason else "<td></td>")
        span = f' data-from="{years[0]}" data-to="{years[-1]}"' if years else ""
        marked = ' class="doubt"' if reason else ""
        rows.append(f'<tr{marked} data-place="{escape(f.place)}" data-kind="{escape(f.type_name())}"{span}>'
                    f'{"".join(cells)}</tr>')
    return f'<table id="figures"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
