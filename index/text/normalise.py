"""Fold text to one canonical form: half-width (NFKC), Simplified Chinese, lower-case Latin, the
look-alikes of a sign as the sign (index/data/signs.tsv)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc

from index.filestate import rows

_SIGNS = Path(__file__).parent.parent / "data" / "signs.tsv"


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# A pinyin syllable with its tone mark in brackets right after a character: ruby text copied as
# plain text ("經(jīng)濟(jì)"), no part of what the report says. Tone marks only: "(GDP)", "(PM2.5)" stay.
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
# A forum's anti-copy filler (a Discuz page's hidden "jammer"), carried into the lines of a reposted report
# ("力争达296亿元7 M& T" a+ {* Q3 b( I"): pairs of a digit or sign and a Latin letter or symbol, a space between
# (a space as the first of a pair folds into that space: "D G$ v"). Never two letters nor a digit and its unit
# side by side, so no term ("GDP", "PM2.5", "5G", "R&D") and no figure ("14%", "296亿元") is part of one; five
# pairs at least, two signs among them, lest single letters spaced apart ("A B C D E F") read as one.
_JAMMER = re.compile(r"[!-;] [?-~](?:[!-;]? [?-~]){4,}[ \t]*")
_SIGN = re.compile(r"[!-/:-@\[-`{-~]")
# Another page's filler: one short token of Latin letters (and digits) in both cases closing line after line of
# a Chinese text ("各位代表:Zeu", "过去一年工作回顾2Iu"). A term or unit is one case ("GDP", "km") or said after a
# figure; five lines at least, lest a line or two ending on a mixed-case word ("kWh") read as filler.
_LINE_TAG = re.compile(r"(?<![0-9A-Za-z.\s])([0-9A-Za-z]{2,4})(?=[ \t]*$)", re.M)
LINE_TAGS = 5
_HAN = re.compile(r"[\u4e00-\u9fff]")
# of a text's characters that Simplified script writes otherwise: about half in a traditional text,
# a stray name's (昇腾) in a simplified one, which is left as written
TRADITIONAL_SHARE = 0.1


def as_read(text: str) -> str:
    """A report's text as the index reads it: without ruby pinyin and forum filler, and in Simplified
    script when it is written in Traditional (本報(bào)訊 → 本报讯), so that every word, unit (億 → 亿) and
    name of the vocabulary reads it. Character for character otherwise: its figures are quoted as written."""
    text = without_filler(_RUBY.sub("", text))
    simplified = _t2s().convert(text)
    changed = sum(a != b for a, b in zip(text, simplified))
    return simplified if changed >= TRADITIONAL_SHARE * len(_HAN.findall(text)) and changed else text


def without_filler(text: str) -> str:
    """`text` without a forum's anti-copy filler (`_JAMMER`) and a page's token closing its lines (`_LINE_TAG`)."""
    text = _JAMMER.sub(lambda m: "" if len(_SIGN.findall(m.group())) >= 2 else m.group(), text)
    tags = [m[1] for m in _LINE_TAG.finditer(text)]
    filler = {t for t in tags if tags.count(t) >= LINE_TAGS and not t.isupper() and not t.islower() and not t.isdigit()}
    return _LINE_TAG.sub(lambda m: "" if m[1] in filler else m[1], text) if filler else text


def signs(text: str) -> str:
    """Each look-alike of a sign as the sign it means (signs.tsv: "57.7℅" → "57.7%"), one
    character for one."""
    return text.translate(_sign_table(rows(_SIGNS, 2)))


@lru_cache(maxsize=4)
def _sign_table(rows: tuple[tuple[str, ...], ...]) -> dict[int, str]:
    return {ord(form): sign for sign, forms in rows for form in forms.split("|") if len(form) == 1}


def fold(text: str) -> str:
    """Full-width → half-width, Traditional → Simplified, Latin lower-cased, look-alike signs as
    theirs (before NFKC, which reads ℅ as "c/o").

    Used for matching only; chunk text keeps the report's own characters.
    """
    return _t2s().convert(unicodedata.normalize("NFKC", signs(text))).lower()


def squeeze(text: str) -> str:
    """`fold` with all whitespace removed: for comparing text across line breaks."""
    return "".join(fold(text).split())


_FULL_FIGURE = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": "."})  # ％: signs.tsv
_GROUPED = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")  # 1，200: a thousands separator written full-width


def halfwidth(text: str) -> str:
    """Full-width digits and ．, a full-width comma grouping thousands and the look-alikes of a
    sign (`signs`: ％ and ℅ for %) as ASCII (５．１％ → 5.1%, 57.7℅ → 57.7%): one character for
    one, so a position in the result is the same position in `text`, and a figure read from the
    result is quoted from `text` as the report wrote it."""
    return _GROUPED.sub(",", signs(text).translate(_FULL_FIGURE))
