"""A person's name as reports print it, wherever a speaker or an office's holder is read: two to
four Chinese characters ("王凯", "孙述涛", spaces aside), or a name of one of the minority peoples,
its parts joined by a dot ("阿迪力·哈斯木", "买买提·艾力", "格桑・次仁"; report_cues.tsv `name_dot`),
longer than any other name and not one jieba knows."""
from __future__ import annotations

import re

from index import datafiles
from index.datafiles import INDEX_DATA

PART = (1, 8)  # characters of each part of a dotted name


def dotted() -> str:
    """A regex for a name of parts joined by a dot."""
    dots = next((words for key, words in datafiles.rows(INDEX_DATA / "report_cues.tsv", 2) if key == "name_dot"), "")
    dot = "|".join(re.escape(d) for d in dots.split("|") if d) or "(?!)"
    part = rf"[\u4e00-\u9fff]{{{PART[0]},{PART[1]}}}"
    return rf"{part}(?:(?:{dot}){part})+"


def name_pattern(shortest: int, longest: int) -> str:
    """A regex for a person's name: `shortest` to `longest` Chinese characters, or a dotted name."""
    return rf"(?:{dotted()}|[\u4e00-\u9fff]{{{shortest},{longest}}})"


def is_dotted(text: str) -> bool:
    return re.fullmatch(dotted(), text) is not None
