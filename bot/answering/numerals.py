"""Chinese numerals in questions → Arabic digits, only where they are clearly numbers.

"七百六十二亿元" → "762亿元", "第四" → "第4", "百分之七点一" → "7.1%", "二〇一八年" → "2018年",
while words that merely contain a numeral character ("一般", "三大支柱") are left alone.
"""
from __future__ import annotations

import re

import cn2an

from index.text.vocabulary import load_vocab

_DIGITS = "零〇一二两三四五六七八九"
_RUN = re.compile(rf"(百分之)?([{_DIGITS}十百千]+(?:点[{_DIGITS}]+)?)")
_DIGITWISE = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "两": "2"}
_MAGNITUDES = ("亿", "万")


def _is_unit_next(text: str, pos: int) -> bool:
    rest = text[pos:].lstrip(_MAGNITUDES[0] + _MAGNITUDES[1])
    return any(rest.startswith(u) for u in load_vocab().units) or rest != text[pos:]


def _convert(run: str) -> str:
    if all(c in _DIGITWISE for c in run) and len(run) > 1:
        digits = [_DIGITWISE[c] for c in run]
        if len(run) == 2 and int(digits[1]) == int(digits[0]) + 1:
            return f"{digits[0]}-{digits[1]}"  # "两三家" is a range, 2-3
        return "".join(digits)  # a year written digit by digit: 二〇一八, 一八
    value = cn2an.cn2an(run, "smart")
    return str(int(value)) if float(value).is_integer() else str(value)


def to_arabic(text: str) -> str:
    """Replace the Chinese numerals in `text` that stand for numbers with digits."""
    out, pos = [], 0
    for m in _RUN.finditer(text):
        percent, run = m.group(1), m.group(2)
        after = m.end()
        numeric = (percent or text[max(0, m.start() - 1):m.start()] == "第"
                   or _is_unit_next(text, after)
                   or (len(run) >= 2 and any(c in run for c in "十百千点")))
        if not numeric:
            continue
        try:
            digits = _convert(run)
        except (ValueError, KeyError):
            continue
        out.append(text[pos:m.start()])
        out.append(digits + ("%" if percent else ""))
        pos = after
    out.append(text[pos:])
    return "".join(out)
