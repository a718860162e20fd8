"""Round figures written with a word for their number, past a threshold: "突破百亿元" is 100亿元, "破千亿"
1000亿, "超万亿元" 10000亿元. Quoted as written; read only after a threshold's verb and before a unit
that opens with a magnitude, where the word cannot be part of a name ("百强县", "千亩")."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from bot.answering.reading.typed import to_arabic
from bot.answering.vocabulary import alternation, figure_words, figure_words_version
from index.text.vocabulary import load_vocab


def word_figures(text: str) -> list[tuple[re.Match, float, str]]:
    """(match, number, unit) of each such figure in `text` (half-width); the match's groups are those of
    a figure's (第, the number, its unit, a bound), so what passes over other figures passes over these."""
    pattern, values = _word_re(load_vocab().units, figure_words_version())
    if pattern is None:
        return []
    return [(m, values[m[2]], m[3]) for m in pattern.finditer(text)]


@lru_cache(maxsize=4)
def _word_re(units: tuple[str, ...], version: tuple[int, int]) -> tuple[re.Pattern | None, dict[str, float]]:
    """The pattern of a threshold (figure_words.tsv `threshold`, `threshold_short`), a word number
    (`word_number:百` and its value) and a unit opening with a magnitude (index/data/magnitudes.tsv) or the magnitude alone,
    and each word's value, for one state of the data files."""
    words = figure_words()
    values = {key.partition(":")[2]: float(v[0]) for key, v in words.items() if key.startswith("word_number:") and v}
    passed = words.get("threshold", ()) + words.get("threshold_short", ())
    magnitudes = magnitude_words()
    scaled = tuple(u for u in units if u.startswith(magnitudes)) + magnitudes  # "破千亿": the magnitude alone
    if not values or not passed or not scaled:
        return None, values
    return re.compile(f"(?:{alternation(passed)})(第)?({alternation(tuple(values))})({alternation(scaled)})"
                      f"(以上|左右|多|余)?"), values


def people_scaled(text: str, end: int) -> tuple[int, str]:
    """Where a figure with no unit ending at `end` of `text` (half-width) ends, and its unit: past the magnitude right
    after it, in people, when the people it counts follow (figure_words.tsv `people_noun`, with up to `PEOPLE_BEFORE`
    characters naming which): "13.81万贫困人口全部脱贫" counts 13.81万人; else `end` and no unit ("4万宗", "1万架次")."""
    pattern = _people_re(load_vocab().magnitudes, figure_words_version())
    m = pattern.match(text, end) if pattern else None
    return (m.end(1), m.group(1) + PEOPLE) if m else (end, "")


PEOPLE = "人"  # the unit a count of people is in, after its magnitude (万人, as units.txt has it)


PEOPLE_BEFORE = 4  # the words naming which people, between the magnitude and them ("贫困", "省外脱贫")


@lru_cache(maxsize=4)
def _people_re(magnitudes: tuple, version: tuple[int, int]) -> re.Pattern | None:
    nouns = figure_words().get("people_noun", ())
    said = alternation(tuple(m for m, _, _ in magnitudes))
    return re.compile(rf"({said})[\u4e00-\u9fff]{{0,{PEOPLE_BEFORE}}}?(?:{alternation(nouns)})") if nouns and said else None


@lru_cache(maxsize=4)
def _ordinal_re(version: tuple[int, int]) -> re.Pattern:
    """A rank in words, after 名/位 or a place, or the whole of a prefecture, banner or town ("全州第一", not the session of
    "沙沟镇第十六届"): not a tier's (figure_words.tsv `rank_tier`: "全市第一方阵")."""
    tier = alternation(figure_words().get("rank_tier", ()))
    return re.compile("第([一二三四五六七八九十]{1,3})(?=[名位])|(?:(?<=[全国省市县区内域])|(?<=排名)|(?<=全[州旗盟镇]))"
                      "第([一二三四五六七八九十]{1,3})" + (f"(?!{tier})" if tier else ""))


def ordinals(sentence: str) -> str:
    """A rank said in words is a rank: "增量全市第一" → "增量全市第1", "居全国第二位" → "第2位", "排名第一" → "排名第1",
    "居全国首位" → "居全国第1位"; so is one right after its verb with no 第: "排89位" → "排第89位"."""
    first = figure_words().get("rank_first", ())
    if first:
        sentence = re.sub(alternation(first), "第1位", sentence)
    bare = _bare_rank_re(figure_words_version())
    sentence = bare.sub(r"\1第\2", sentence) if bare else sentence
    return _ordinal_re(figure_words_version()).sub(lambda m: f"第{to_arabic('第' + (m.group(1) or m.group(2)))[1:]}", sentence)


@lru_cache(maxsize=4)
def _bare_rank_re(version: tuple[int, int]) -> re.Pattern | None:
    """A figure in 位 or 名 right after a rank's verb (figure_words.tsv `rank_verb`), not bounded (`rank_bound`), the
    verb not the end of a longer word (`rank_verb_not`)."""
    words = figure_words()
    verbs, bounds, nots = words.get("rank_verb", ()), words.get("rank_bound", ()), words.get("rank_verb_not", ())
    if not verbs:
        return None
    said = "|".join("".join(f"(?<!{re.escape(w[:-len(v)])})" for w in nots if w.endswith(v) and w != v) + re.escape(v)
                    for v in sorted(verbs, key=len, reverse=True))
    return re.compile(f"({said})([0-9０-９]+[名位])" + (f"(?!{alternation(bounds)})" if bounds else ""))


def as_written(window: str, sentence: str) -> str:
    """A quote read from `ordinals(sentence)`, with each clause back as the report wrote it ("居全市第一")."""
    for clause in re.split(r"[，,；;。：:]", sentence):  # an ordinal's reading never crosses a clause
        read = ordinals(clause)
        if read != clause:
            window = window.replace(read, clause)
    return window


def beyond_thresholds(facts: list) -> list:
    """The facts of a sentence (`bot.answering.facts.Fact`, in order), a threshold passed told from the
    figure reached: in "营业总收入突破2500亿元，达到2600亿元" a threshold (figure_words.tsv `threshold`) whose
    next clause opens with the figure reached (`reach`) is not the figure; the figure is, quoted with the
    threshold clause's subject: "营业总收入达到2600亿元". So is a figure reached said with when or how
    sure (`reach_lead`: "…将首次突破千亿元大关，预计年底达到1100亿元以上、同比增长50%以上"), quoted after
    the threshold clause, with its clause's other figures, as that clause names no subject of its own."""
    words = figure_words()
    thresholds, reach = words.get("threshold", ()), words.get("reach", ())
    out = list(facts)
    for i, (f, g) in enumerate(pairwise(facts)):
        passed = next((w for w in thresholds if f.subject.endswith(w)), None)
        lead = _reach_lead(g.subject, reach)
        if passed and g.segment == f.segment + 1 and lead is not None and g.window.startswith(g.subject):
            head = f.subject.removesuffix(passed)
            out[i] = replace(f, passed=True)
            if lead:
                out[i + 1:] = [replace(h, window=f"{f.window}，{h.window}") if h.window == g.window else h
                               for h in out[i + 1:]]
            out[i + 1] = replace(out[i + 1], subject=head + g.subject, window=out[i + 1].window if lead else head + g.window)
    return out


def _reach_lead(subject: str, reach: tuple[str, ...]) -> str | None:
    """The words before the reach word a clause's subject ends with ("预计年底" of "预计年底达到"), "" for a
    reach word alone, None when the subject names something of its own (not only `reach_lead` words)."""
    word = next((w for w in sorted(reach, key=len, reverse=True) if subject.endswith(w)), None)
    lead = subject.removesuffix(word) if word else ""
    rest = re.sub(alternation(figure_words().get("reach_lead", ())) or "(?!)", "", lead)
    return lead if word and not rest else None


ROUGHLY = "多余"  # said after a figure's magnitude, before the rest of its unit: "5亿多元" is 5亿元 and more


def loosely_scaled(units: tuple[str, ...]) -> tuple[str, ...]:
    """The units, and each opening with a magnitude (index/data/magnitudes.tsv) said with a word of roughly after
    the magnitude ("5亿多元", "3万多人"), as a figure rounded down says them: read as the unit (`as_unit`)."""
    magnitudes = magnitude_words()  # longest first: 万亿多元, not 万多亿元
    said = [(next(m for m in magnitudes if u.startswith(m)), u) for u in units if u.startswith(magnitudes)]
    return units + tuple(f"{m}{r}{u[len(m):]}" for m, u in said if len(u) > len(m) for r in ROUGHLY)


def as_unit(said: str) -> str:
    """The unit a figure's unit said loosely (`loosely_scaled`) is: "亿多元" is 亿元."""
    magnitudes = magnitude_words()
    return next((said[:len(m)] + said[len(m) + 1:] for m in magnitudes
                 if said.startswith(m) and said[len(m):len(m) + 1] in tuple(ROUGHLY)), said)


def magnitude_words() -> tuple[str, ...]:
    """The magnitudes of index/data/magnitudes.tsv (万, 亿…), longest first."""
    return tuple(m for m, _, _ in load_vocab().magnitudes)
