"""How a test tells that staff are spoken to in English: lines with no Chinese that say something."""
from __future__ import annotations

import re

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# What may stand in a line without Chinese: options, paths and file names, upper-case placeholders
# (URL, YYYY-MM-DD), numbers, and the program's own name.
NOT_WORDS = re.compile(r"-{1,2}[\w-]+|\S*[/.]\S+|\b[A-Z][A-Z0-9_-]*\b|\d[\d.,%]*|\bzoneqa\b")
PYTHON_WORDS = re.compile(r"\b\w*(?:Error|Exception)\b|Errno|Traceback|strerror")


def english(text: str) -> list[str]:
    """Lines that say something in English: no Chinese, and words left once options, paths,
    placeholders and numbers are taken out."""
    return [line for line in text.splitlines()
            if not CJK.search(line) and re.search(r"[A-Za-z]{2,}", NOT_WORDS.sub(" ", line))]
