"""Over every development text (conftest.DEVELOPMENT_TEXTS), no hand-written answer: a clause naming a part of
its year ("1-8月", "上半年", "前三季度": `report_cues.tsv`), or in a sentence opening with one ("今年1-8月，…；完成
固定资产投资113亿元"), and stating a figure states what was done in it, whatever the report's date, unless its own
words pledge it (`pledge`, `kind_signals.tsv`: 力争, 确保…) or it speaks of the whole year too (全年). So none of
its figures is labelled a target."""
from __future__ import annotations

import re

from conftest import DEVELOPMENT_TEXTS, chunked
from index.datafiles import INDEX_DATA, rows, table
from index.text.normalise import fold
from index.text.yearpart import names_part

# a figure: digits not a year's nor a date's ("2016年", "9月1日", "1-8月")
FIGURE = re.compile(r"(?<![\d.\-—至])\d+(?:\.\d+)?(?![\d.\-—至]|\s*[年月日])")


def _planning_words() -> tuple[str, ...]:
    pledge = tuple(fold(w) for kind, where, words in rows(INDEX_DATA / "kind_signals.tsv", 3)
                   if (kind, where) == ("target", "pledge") for w in words.split("|") if w)
    return pledge + tuple(table(INDEX_DATA / "report_cues.tsv").get("whole_year", ()))


def test_no_figure_of_a_part_of_the_year_gone_by_is_labelled_a_target():
    planning, wrong, named = _planning_words(), [], 0
    for path in DEVELOPMENT_TEXTS:
        doc, chunks = chunked(path)
        for chunk in chunks:
            for start, end, tl in chunk.sentences:
                clause, opening = chunk.text[start:end], re.split(r"[。！？!?]", chunk.text[:start])[-1]
                part = names_part(clause) or names_part(re.split(r"[，,；;]", opening)[0])
                if not part or not FIGURE.search(clause) or any(w in fold(clause) for w in planning):
                    continue
                named += 1
                if tl.kind == "target":
                    wrong.append(f"{doc.doc_id}（{doc.date}）：{tl.year}年目标 “{clause[:60]}”")
    assert named >= 35 and not wrong, "\n".join(wrong)
