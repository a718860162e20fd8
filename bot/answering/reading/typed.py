"""What a citizen typed → the text a question is read from.

- noise removed: links, HTML and Markdown markup and entities, @mentions, ANSI escapes and
  control characters (`clean`), and input no question can be read from refused (`problem`);
- Chinese numerals → Arabic digits, only where they are clearly numbers: "七百六十二亿元" →
  "762亿元", "第四" → "第4", "百分之七点一" → "7.1%", "二〇一八年" → "2018年", while words that merely
  contain a numeral character ("一般", "三大支柱") are left alone.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from bot.answering.vocabulary import alternation, cues, everyday_words
from index.text.normalise import fold
from index.text.places import as_spelled
from index.text.vocabulary import load_vocab

MAX_CHARS = 200
EXAMPLE = "例如：“去年高新区GDP多少？”"  # shown with every hint about how to ask
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[a-z]{2,}")

_DIGITS = "零〇一二两三四五六七八九"
_RUN = re.compile(rf"(百分之)?([{_DIGITS}十百千]+(?:点[{_DIGITS}]+)?)")
_DIGITWISE = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "两": "2"}


def _is_unit_next(text: str, pos: int) -> bool:
    """A unit or a magnitude (亿, 万) follows `pos`: the numeral before it is a number."""
    vocab = load_vocab()
    return any(text.startswith(u, pos) for u in vocab.units + tuple(w for w, _, _ in vocab.magnitudes))


def _convert(run: str) -> str:
    if all(c in _DIGITWISE for c in run):  # a single one too: cn2an reads "两" as 2 likewise
        digits = [_DIGITWISE[c] for c in run]
        if len(run) == 2 and int(digits[1]) == int(digits[0]) + 1:
            return f"{digits[0]}-{digits[1]}"  # "两三家" is a range, 2-3
        return "".join(digits)  # a year written digit by digit: 二〇一八, 一八
    if run[0] in "百千":  # "破千亿": a hundred, a thousand, said without its 一
        run = "一" + run
    import cn2an  # a quarter of a second to import: only for questions that hold such a numeral

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
        if not numeric or (run == "零" and m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff"):
            continue  # 零 alone after a character ends a word (社零年均, 清零): it counts nothing
        try:
            digits = _convert(run)
        except (ValueError, KeyError):
            continue
        out.append(text[pos:m.start()])
        out.append(digits + ("%" if percent else ""))
        pos = after
    out.append(text[pos:])
    return spoken_amounts("".join(out))


_ROUND = {"10": "十", "100": "百", "1000": "千"}


def round_in_words(amount: str) -> tuple[str, ...]:
    """A round amount (`to_arabic`'s "1000万元") as reports also write it, in words ("千万元"); () for any other."""
    m = re.fullmatch(r"(1000|100|10)(\D.*)", amount)
    return (_ROUND[m[1]] + m[2],) if m else ()


def spoken_amounts(text: str) -> str:
    """"10个亿" → "10亿", "个把亿" → "1亿": the measure word said between a count and its magnitude
    dropped, and the words for (about) one before a magnitude said as 1 (question_cues.tsv
    `measure_word`, `magnitude_one`). Not before another unit: "3个万亩园区" counts parks."""
    c, vocab = cues(), load_vocab()
    magnitudes = alternation(tuple(w for w, _, _ in vocab.magnitudes))
    measures, ones = alternation(c.get("measure_word", ())), alternation(c.get("magnitude_one", ()))
    if not magnitudes or not (measures or ones):
        return text
    other_units = alternation(tuple(u for u in vocab.units if not u.startswith("元")))
    after = f"(?=(?:{magnitudes}))(?!(?:{magnitudes})(?:{other_units}))"
    if measures:
        text = re.sub(rf"(\d)(?:{measures}){after}", r"\1", text)
    return re.sub(f"(?<![\\d.])(?:{ones}){after}", "1", text) if ones else text


_SMALL_RUN = re.compile("[一二两三四五六七八九十]+")
_SMALL_COUNT = re.compile("([二两三四五六七八九]?)十([一二三四五六七八九]?)|([一二两三四五六七八九])")


@lru_cache(maxsize=65536)
def small_counts(text: str) -> str:
    """`text` with each Chinese numeral of a count below a hundred in digits ("前三" → "前3", "十强"
    → "10强", "第一" → "第1"): the one form in which a question's topic words and a report's
    sentences are compared, either side as written. A run of another shape ("十四五", "一二产")
    stays as it is."""
    def count(m: re.Match) -> str:
        n = _SMALL_COUNT.fullmatch(m.group(0))
        if n is None:
            return m.group(0)
        if n.group(3):
            return _DIGITWISE[n.group(3)]
        tens, ones = (_DIGITWISE[g] if g else "" for g in n.group(1, 2))
        return f"{tens or '1'}{ones or '0'}"
    return _SMALL_RUN.sub(count, text)


@lru_cache(maxsize=4096)
def counted(words: tuple[str, ...]) -> tuple[str, ...]:
    """`small_counts` of each word."""
    return tuple(small_counts(w) for w in words)


def holds(text: str, word: str) -> bool:
    """`word` in `text` (both in `small_counts`), a figure at either end of it whole: 前3 is not in
    前30, nor 10强 in 110强."""
    if word in text and (word[0].isdigit() or word[-1].isdigit()):
        figure = r"(?<![\d.])" if word[0].isdigit() else ""
        return re.search(figure + re.escape(word) + (r"(?![\d.])" if word[-1].isdigit() else ""), text) is not None
    return word in text


def numbered(words: list[str], skip: set[str], ranking: tuple[str, ...], measures: tuple[str, ...] = ()) -> list[str]:
    """"世界500强企业" → 世界, 500强, 企业; "居全省前三" → 居, 全省, 前三: a count with the character
    after it (500强, 100佳; of the words skipped, only a measure word: 2个), or with the word before it
    that ranks by it (前, 第: `ranking`), is one name, so a sentence that only has 500 or 3 elsewhere
    ("突破500家", "增长3%") does not cover it."""
    out: list[str] = []
    for word in words:
        count = small_counts(word).isdigit()
        if out and count and out[-1] in ranking:
            out[-1] += word
        elif out and small_counts(out[-1]).isdigit() and len(word) == 1 and "\u4e00" <= word <= "\u9fff" \
                and (word not in skip or word in measures):
            out[-1] += word
        else:
            out.append(word)
    return out


def too_long(text: str) -> str | None:
    """The refusal of a question longer than MAX_CHARS once cleaned, else None."""
    cleaned = clean(text)
    if len(cleaned) > MAX_CHARS:
        return f"问题太长了（{len(cleaned)}字）。请把问题缩短到{MAX_CHARS}字以内，{EXAMPLE}"
    return None


def problem(text: str) -> str | None:
    """A Chinese message for input that is not a question we can read, else None."""
    cleaned = clean(text)
    if not cleaned:
        return f"请输入您想了解的问题，{EXAMPLE}"
    if message := too_long(cleaned):
        return message
    folded = fold(cleaned)
    if not _CJK.search(folded):
        known = {a for aliases in load_vocab().synonyms.values() for a in aliases}
        words = _LATIN_WORD.findall(folded)
        if any(w not in known for w in words):
            return f"目前只支持用中文提问，{EXAMPLE}"
        if not words:
            return f"没有看懂这个问题，请用中文文字提问，{EXAMPLE}"
    return None


# What wraps a question pasted from a web page or a chat, and is not part of it.
_NOISE = (
    (re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]"), ""),                  # ANSI escapes
    (re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S), " "),  # scripts: all of them
    (re.compile(r"</?[a-zA-Z][^<>]*>"), " "),                         # HTML tags, the text shown kept
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r" \1 "),                   # Markdown links: the text shown
    (re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+", re.I), " "),
    (re.compile(r"(?<![\w.])@[A-Za-z0-9_]{3,32}"), " "),              # @mentions
    (re.compile(r"```+|`|\*\*|__|~~|^#{1,6}\s|^>\s?", re.M), " "),    # Markdown marks
)


def clean(text: str) -> str:
    """The question without what wraps it: links, HTML and Markdown markup and entities,
    @mentions, ANSI escapes, control and format characters; spaces squeezed."""
    text = html.unescape(text)
    for pattern, replacement in _NOISE:
        text = pattern.sub(replacement, text)
    kept = "".join(" " if ch in "\t\r\n" else ch for ch in text
                   if ch in "\t\r\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    return re.sub(r"\s{2,}", " ", kept).strip()


def in_report_words(text: str) -> str:
    """The question with its everyday words in the reports' words (everyday_words.tsv: 城里人 →
    城镇居民), except where the word goes on into a longer one (农村人口, 农村人均) or ends one (投产了)."""
    table = everyday_words()
    goes_on = alternation(table.get("!goes_on", ()))
    ends = "".join(table.get("!comes_after", ()))
    for word, said in table.items():
        if not word.startswith("!") and said:
            text = re.sub((f"(?<![{re.escape(ends)}])" if ends else "") + f"(?:{alternation(said)})"
                          + (f"(?!{goes_on})" if goes_on else ""), word, text)
    return as_spelled(text, load_vocab())  # and a place's ending spelled two ways at once in its usual spelling


_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def phone_commas(text: str) -> str:
    """On a phone a space between words stands for a comma ("GDP涨多少 财政收入呢"): read as one,
    it parts the question as the comma does."""
    return _SPACED.sub("，", text)


def glossed_years(text: str) -> str:
    """"今年(2019)", "去年（18年）": the year in brackets after a relative year (relative_years.tsv) says which
    year that is, so it is the year asked, whatever year the reports make 今年 (`text` folded)."""
    relative = alternation(tuple(w for w, _ in load_vocab().relative_years))
    return re.sub(rf"(?:{relative})\s*\(\s*((?:19|20)?\d{{2}})\s*年?\s*\)", r"\1年", text) if relative else text


def pointed_years(text: str) -> str:
    """"03年那会儿", "2003年那时候", "去年当时": a time pointed back at (question_cues.tsv `pointed_time`) right after a
    year (in digits, or relative_years.tsv) is that year, and goes; elsewhere it stays, naming no year."""
    pointed = cues().get("pointed_time", ())
    years = "|".join([r"(?<!\d)(?:\d{2}|\d{4})年", *(re.escape(w) for w, _ in load_vocab().relative_years)])
    return re.sub(f"({years})(?:{alternation(pointed)})", r"\1", text) if pointed else text

