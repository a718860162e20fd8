"""How answers are worded in Chinese, and how any text is shortened for display.

An answer opens with the place, the year and whether the figure is a result or a target
("昆山高新区2018年实际完成：…"), then quotes the report's own clause. A refusal says what is
missing and, when the reports have it for another year or kind, what they do say.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace

from bot.answering.evidence import coverage
from bot.answering.facts import RATE, Fact, segments, values_in
from bot.answering.reading import typos
from bot.answering.reading.asks import names_part
from bot.answering.reading.question import Question
from bot.answering.reading.typed import EXAMPLE
from bot.answering.vocabulary import alternation, cues, list_marks, unit_group
from index.reading.layout import LEAD_IN
from index.reading.opening import offices
from index.text.normalise import fold
from index.text.periods import periods
from index.text.timelabel import ESTIMATE, RESULT, TARGET, TimeLabel
from index.text.tokens import default_tokenizer
from index.text.vocabulary import load_vocab
from index.text.yearpart import year_part

MAX_ANSWER = 150  # characters of an answer, refusals included
MAX_LIST = 200  # characters of an answer that lists a list's items
PUNCTUATION = "、，,；;：:（）()“”\"'《》"  # marks closing a phrase of a list item
SHARED_HEADING = 1 / 3  # share of a list item's heading in words other items use that says little
_ORDINAL = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])\s*")
FOCUS = 110  # characters of a quoted sentence before it is cut down to its best clauses
YEAR = re.compile(r"(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}年")  # a year said, in figures or words
KIND_WORDS = {RESULT: "实际完成", TARGET: "目标", ESTIMATE: "预计"}
WHY_REFUSAL = "资料只记录了做了什么、计划做什么和相关数字，没有说明原因，这个问题我答不了。"


def clip(text: str, limit: int) -> str:
    """`text`, cut to at most `limit` characters with "…" marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def no_topic(after_previous: bool) -> str:
    """The hint for a question with no topic of its own (a follow-up with nothing to follow)."""
    return ("" if after_previous else "没有找到上一个问题可以接着问。") + f"请说说您想了解哪项数据，{EXAMPLE}"


def no_place_of(unit: str) -> str:
    """No report is of the level of place asked ("各市…" over provinces' reports)."""
    return f"资料中没有{unit}的报告。"


def place_not_covered(named: str, places: set[str]) -> str:
    return f"资料中没有关于{named}的数据，目前的报告只涉及{'、'.join(sorted(places))}。"


def place_slip(typed: str, near: tuple[str, ...]) -> str:
    """A place no list knows, a slip away from places the reports cover: those, not a guess."""
    return f"没有找到“{typed}”，您是不是想问：{'、'.join(near)}？"


def heard_as(names: tuple[str, ...]) -> str:
    """The line before an answer to a question whose names were typed by sound (typos.heard_as)."""
    return f"按{''.join(f'“{n}”' for n in names)}回答。"


def places_not_covered(missing: list[str]) -> str:
    """The line naming the places asked beside covered ones whose reports are not loaded."""
    return f"资料中没有{'、'.join(missing)}的报告。"


def cannot_compare(missing: list[str], places: set[str]) -> str:
    """A comparison of places one side of which has no reports."""
    return f"资料中没有{'、'.join(missing)}的报告，无法比较。目前的报告只涉及{'、'.join(sorted(places))}。"


def which_place(places: set[str]) -> str:
    """The question names no place and the reports cover several."""
    return f"请问您想了解哪个地方？目前的报告涉及{'、'.join(sorted(places))}，提问时请带上地名。"


def squash(text: str) -> str:
    """Chinese punctuation for the reply; commas inside numbers stay."""
    out = []
    for i, ch in enumerate(text):
        between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        out.append({",": "，", ";": "；", ":": "："}.get(ch, ch) if not between_digits else ch)
    return "".join(out).strip("，；。 ")


def between(segs: list[str], fact: Fact) -> list[str]:
    """The clauses between a figure and the clause naming its metric, as quoted with it: where one states a
    figure that could be taken for the answer (of its unit group), they are left out for "……", but for the
    change a rank ranks ("全市生产总值2235.29亿元，……，两年平均增长4.1%", not the "增长6.9%" between them;
    "全市生产总值2235.29亿元，……，增长6.9%，居全省第11位")."""
    if not any(unit_group(v[4]) == unit_group(fact.unit) for seg in segs for v in values_in(seg)):
        return segs
    return ["……", *([fact.change] if fact.change and fact.change not in fact.window else [])]


def prefix(tl: TimeLabel, place: str, reported: str = "") -> str:
    """"昆山高新区2018年实际完成：", "江苏省“十五五”时期（2026—2030年）目标：", "开平市2018年1-9月
    实际完成：" for a figure of part of the year, or just the place when the year and kind are unknown. A
    period named by its length ("四年来") is counted from its report: "2013—2016年（据2017年报告）"."""
    year = f"{tl.year}年{tl.part}" if tl.year else ""
    if tl.span:
        name = next((f"“{n}”时期" for n, a, b in periods() if (a, b) == tl.span), "")
        year = f"{name}（{tl.span[0]}—{tl.span[1]}年）" if name else \
            f"{tl.span[0]}—{tl.span[1]}年" + (f"（据{reported}年报告）" if reported else "")
    kind = KIND_WORDS.get(tl.kind or "", "")
    return f"{place}{year}{kind}：" if (year or kind) else f"{place}："


def reply(window: str, tl: TimeLabel, place: str, dated: bool = True, when: str = "", reported: str = "") -> str:
    """The answer: the prefix, then the quoted clause without its "在…——" lead-in or repeated place;
    `when`: the day it was said on, before it ("2017年3月1日，孙述涛宣布大会开幕"); `reported`: its report's year.
    A figure of part of its year is of the part its quoted words name last ("1—8月…；1—9月完成…利用外资11644万美元"
    is of 1—9月), else of its sentence's."""
    named = [m[0] for m in re.finditer(year_part(), fold(window))] if tl.part else []
    tl = replace(tl, part=named[-1]) if named else tl
    body = LEAD_IN.sub("", squash(window))
    if place and body.startswith(place):
        body = body[len(place):].lstrip("，")
    return clip(f"{prefix(tl, place, reported) if dated else f'{place}：'}{when + '，' if when else ''}{body}。", MAX_ANSWER)


def describe(q: Question) -> str:
    """What was asked, as a refusal names it: "2020年地区生产总值的目标"."""
    year = f"{q.year}年" if q.year else ""
    topic = q.metrics[0] if q.metrics else "".join(t.text for t in q.terms[:3])
    zone = "".join(t.text for t in q.terms if t.required and t.text not in topic)  # a place's own zone asked
    kind = {TARGET: "的目标", RESULT: "的完成情况"}.get(q.kind or "", "的数据")
    return f"{year}{zone}{topic}{kind}"


def refusal(q: Question, consequence: str = "", other: tuple[TimeLabel, str] | None = None) -> str:
    """"资料中没有…" and, given `other` (label, clause) of the year asked, "资料中只有2019年目标：…", or of
    another year or of a part of the year asked whole, only what it is ("资料中只有2018年实际完成的数字，可以改问
    2018年。"); for a question whose metric is not recognised but is a slip away from known ones, those names."""
    near = None if q.metrics else typos.near_metric(q.normalised, load_vocab(), cues().get("after_name", ()))
    if near:
        return clip(f"没有认出“{near[0]}”这项指标，您是不是想问：{'、'.join(near[1])}？", MAX_ANSWER)
    # "…的排名": what is missing says itself, without "的数据"
    what = describe(q) if q.kind or not consequence else describe(q).removesuffix("的数据")
    text = f"资料中没有{what}{consequence}。"
    if other is not None:
        tl, window = other
        held = prefix(tl, "").rstrip("：")
        if q.year is not None and tl.year != q.year:
            # another year's figure is named, not quoted: read in a hurry, it passes for the year asked
            text += f"资料中只有{held}的数字" + (f"，可以改问{tl.year}年。" if tl.year else "。")
        elif tl.part and not names_part(q):
            # so is a part of the year asked whole: "前三季度…43.7亿元" passes for the year's
            text += f"资料中只有{held}的数字，不是全年的" + (f"，可以改问{tl.year}年{tl.part}。" if tl.year else "。")
        else:
            text += f"资料中只有{held}：{squash(window)}。"
    return clip(text, MAX_ANSWER)


def years_missing(also: list[int], held: list[int]) -> str:
    """What a refusal of a change between two years named adds to the first year missing: the other
    one missing too ("，也没有2019年的"), or the year the reports hold, whose figure alone compares
    with nothing ("，只有2019年的，无法比较")."""
    if also:
        return "，也没有" + "、".join(f"{y}年" for y in also) + "的"
    return "，只有" + "、".join(f"{y}年" for y in held) + "的，无法比较" if held else ""


def focus(sentence: str, q: Question, limit: int = FOCUS) -> str:
    """The sentence, or for a long one the run of clauses around the one that best covers the question."""
    if len(sentence) <= limit:
        return sentence
    segs = segments(sentence)
    scores = [coverage(q, s)[0] for s in segs]
    best = max(range(len(segs)), key=lambda i: scores[i])
    lo = hi = best
    while True:
        grown = False
        for cand in (hi + 1, lo - 1):
            if 0 <= cand < len(segs):
                new_lo, new_hi = min(lo, cand), max(hi, cand)
                if len("，".join(segs[new_lo:new_hi + 1])) <= limit:
                    lo, hi, grown = new_lo, new_hi, True
        if not grown:
            return "，".join(segs[lo:hi + 1])


def on_date(date: str) -> str:
    """A report's date as a who-answer states it: "2017-03-09" → "2017年3月9日" ("2017-03" → "2017年3月")."""
    parts = [str(int(p)) for p in date.split("-")[:3] if p.isdigit()]
    return "".join(p + unit for p, unit in zip(parts, "年月日"))


def byline(title: str, said: str, speaker: str, place: str, when: str = "") -> str:
    """"《2026年广东省政府工作报告》：2026年1月26日在…会议上，广东省省长 孟凡利". A report's title
    never names who delivered it; a headline that does is news of the meeting, and names others too
    ("马志龙主持 陈玲芳作政府工作报告"): the place stands for it, so the speaker is the one name given;
    so it does for a headline `said` repeats ("…七届人大三次会议开幕"). `when`: the report's day,
    said first where neither title nor byline names a year ("2017年3月9日，…会议开幕，区长冯琳…")."""
    named = holder(speaker)
    head = place if named and named in title or title in said else f"《{title}》"
    dated = f"{when}，{said}" if when and not YEAR.search(head + said) else said
    return clip(f"{head}：{dated}。", MAX_ANSWER)


def holder(speaker: str) -> str:
    """The name in a speaker's line or clause: after the space ("区发展和改革局 龚德茂") or the last
    office ("代理市长陈玲芳", "区 长 庄 红" spaced out as printed); "张凤林" as it is."""
    parts = speaker.split()
    if len(parts) == 2 and len(parts[1]) > 1:
        return parts[1]
    words = sorted(offices(), key=len, reverse=True)
    return re.split("|".join(map(re.escape, words)), "".join(parts))[-1]


def no_byline(place: str, year: int, titles: list[str] = ()) -> str:
    """Who delivered the report is not said: where the place has texts of that year (`titles`: news, a data
    release, a report that names no speaker), what they are, by their titles, so the asker sees why."""
    if titles:
        named = "、".join(f"《{re.sub('[《》]', '', t)}》" for t in titles)  # "两会《政府工作报告》" quoted once
        return f"资料中{place}{year}年的材料是{named}，文中没有写明报告人或讲话人。"
    return f"资料中没有{place}{year}年报告的报告人和会议信息。"


def nobody_named(q: Question) -> str:
    """A who-question's refusal where the reports say what was done but not by whom."""
    office = max((o for o in offices() if o in q.normalised), key=len, default="")
    return f"资料没有写明{office or '此人'}的姓名。"


def name_masked(q: Question, window: str, mask: str) -> str:
    """A who-question's refusal where the text (`window`) names the newcomer asked only by a mask ("***"): the
    office as the text's field names it ("旗委书记:…") where the question says it so, else as the question does."""
    label = re.split("[:：]", window)[0].strip() if re.search("[:：]", window) else ""
    office = label if label and label in q.normalised else \
        max((o for o in offices() if o in q.normalised), key=len, default="此人")
    return f"资料中新任{office}的姓名被隐去（{mask}），无法回答。"


def not_done(action: str, asked_year: int | None, day: str, said: str) -> str:
    """A who-question's refusal where the meeting's text has nobody do the action asked, or is of another
    year than the one asked: what the text does say, on its day (`said`: who did what there), if anything."""
    refusal = f"资料中没有{asked_year}年的这次会议" if asked_year else f"资料中没有写明谁{action}"
    return f"{refusal}；文中是{day}的：{said}。" if said else f"{refusal}。"


def strip_ordinal(title: str) -> str:
    """A title or item without its number ("（一）", "一、", "1.")."""
    return _ORDINAL.sub("", title)


def listed(lead: str, items: list[str], tl: TimeLabel, place: str, counted: bool = False) -> str:
    """A list's items and their count (unless the lead, `counted`, says it), within MAX_LIST:
    "…持续办好为民实事，共10项：…；…。". Each item whole when all fit; else the lead gives way
    before any item's words do, and each item is shown by its most telling words
    (`_shortened`), the longest cut ("…") to one length (`_fitted`); the lead is kept when what
    is shown leaves room for it."""
    whole = [squash(strip_ordinal(i)) for i in items]

    def opening(said: str) -> str:
        count = "" if counted and said else f"共{len(items)}项"
        return f"{prefix(tl, place)}{said}{'，' if said and count else ''}{count}："

    def room(said: str) -> int:
        return MAX_LIST - len(opening(said)) - 1 - (len(items) - 1)  # the full stop, the separators

    if sum(map(len, whole)) <= room(lead):
        return f"{opening(lead)}{'；'.join(whole)}。"
    shown = _fitted(_shortened(whole, room("")), room(""))
    said = lead if sum(map(len, shown)) <= room(lead) else ""
    return f"{opening(said)}{'；'.join(shown)}。"


def _shortened(items: list[str], room: int) -> list[list[str]]:
    """Each item, in words, by one clause: the first stating a figure ("增补义务教育学位2万个"),
    else its heading, the first clause; without a rhetorical opener, nor the word most items open
    with ("聚焦…", "着力…"), which tells none apart. A heading a third of it in words other items
    use too says little of its own ("服务和融入构建新发展格局"), so its next clause follows it where
    there is room ("…，充分挖掘释放内需潜力")."""
    fillers = alternation(list_marks().get("filler", ()))
    words = [_words(re.sub(f"^(?:{fillers})", "", i) if fillers else i) for i in items]
    opener = Counter(item[0] for item in words if len(item) > 1).most_common(1)
    if opener and opener[0][1] > len(items) / 2:
        words = [item[1:] if len(item) > 1 and item[0] == opener[0][0] else item for item in words]
    share = Counter(w for item in words for w in set(item) if w.strip(PUNCTUATION + "。"))
    cap = max(1, room // len(items))
    heads, more = [], []
    for item in words:
        clauses = _clauses(item) or [item]
        figured = [c for c in clauses if values_in("".join(c))]
        heads.append(_from_figure(figured[0], cap) if figured else clauses[0])
        shared = sum(len(w) for w in heads[-1] if share[w] > 1)
        more.append(clauses[1] if not figured and len(clauses) > 1
                    and shared >= SHARED_HEADING * len("".join(heads[-1])) else [])
    spare = room - sum(len(w) for head in heads for w in head)
    for head, then in zip(heads, more):
        if then and len("".join(then)) + 1 <= spare:
            head += ["，", *then]
            spare -= len("".join(then)) + 1
    return heads


def _from_figure(clause: list[str], cap: int) -> list[str]:
    """A clause stating a figure, whole when it fits in `cap`, else from the figure on, what the
    figure counts following it ("利用闲置资源改造建设|100个乡镇综合养老服务中心"). A figure closing
    its clause or a phrase of it counts what comes before it ("…无障碍改造5000户"), kept whole."""
    ends = list(itertools.accumulate(map(len, clause), initial=0))
    at, end = values_in("".join(clause))[0][:2]
    if ends[-1] <= cap or at not in ends[1:] or end not in ends[:-1]:
        return clause
    after = clause[ends.index(end)]
    return clause if not after.strip(PUNCTUATION) else clause[ends.index(at):]


def _fitted(heads: list[list[str]], room: int) -> list[str]:
    """The heads, the longest cut ("…") to the one length that lets them all fit in `room`; the
    room left over completes the words a cut splits ("…心理健…" → "…心理健康…"), those needing
    least first; a word it cannot complete is not shown."""
    texts = ["".join(h) for h in heads]
    if sum(map(len, texts)) <= room:
        return texts
    cap = max(1, room // len(texts))
    while sum(min(len(t), cap + 1) for t in texts) <= room:
        cap += 1
    kept = [len(t) if len(t) <= cap else cap - 1 for t in texts]
    spare = room - sum(min(len(t), cap) for t in texts)
    ends = [set(itertools.accumulate(map(len, h))) for h in heads]
    for need, i in sorted((min(e for e in ends[i] if e >= kept[i]) - kept[i], i)
                          for i, t in enumerate(texts) if kept[i] not in ends[i]):
        cost = need - (kept[i] + need == len(texts[i]))  # a word ending the item needs no "…"
        if cost <= spare:
            kept[i], spare = kept[i] + need, spare - cost
        else:  # a word is not shown in part ("…改造50…" would misstate 5000户)
            cut = max((e for e in ends[i] if e < kept[i]), default=kept[i])
            kept[i], spare = cut, spare + kept[i] - cut
    return [t if kept[i] == len(t) else t[:kept[i]] + "…" for i, t in enumerate(texts)]


def _clauses(words: list[str]) -> list[list[str]]:
    """An item's words split into clauses at commas and semicolons."""
    clauses: list[list[str]] = [[]]
    for w in words:
        if w in ("，", ",", "；", ";", "。"):
            clauses.append([])
        else:
            clauses[-1].append(w)
    return [c for c in clauses if c]


def _words(text: str) -> list[str]:
    """`text` in words, every character kept."""
    return list(default_tokenizer().jieba.cut(text))


def mentioned(place: str, quote: str) -> str:
    """"提到了。江苏省：“…苏超…”": the place asked about, and where its report names the words."""
    return f"提到了。{place}：“{quote}”。"


def each_mentioned(place: str, quotes: list[tuple[str, str]]) -> str:
    """"浙江省：提到了良渚：“…”；没有提到冰雪经济。": each of the words asked about (with the quote naming
    it, "" where none does), whether the place's reports name it."""
    said = [f"提到了{words}：“{quote}”" if quote else f"没有提到{words}" for words, quote in quotes]
    return f"{place}：{'；'.join(said)}。"


def mentioned_in(words: str, places: list[str], unit: str) -> str:
    """"5个省提到了商业航天：广东省、江苏省…。": the places first, each one's sentence being its
    citation, counted by their level (`unit`: 省, 园区, or 地方 when they are of several)."""
    return f"{len(places)}个{unit}提到了{words}：{'、'.join(places)}。"


def mentioned_elsewhere(words: str, unit: str, places: list[str]) -> str:
    """"没有省提到低空经济；提到的有：昆山高新区。": no place of the level asked names the words, others do."""
    return f"没有{unit}提到{words}；提到的有：{'、'.join(places)}。"


def not_mentioned(words: str, places: list[str]) -> str:
    return f"资料中{'、'.join(places)}的报告没有提到“{words}”。"


def mentioned_nowhere(words: str, places: int, unit: str = "地方") -> str:
    """No place's reports name the words: said without listing the places, which are no answer."""
    return f"资料中{places}个{unit}的报告都没有提到“{words}”。"


def ranked(year: int | None, kind: str | None, metric: str, lines: list[str], missing: list[str],
           lowest_first: bool) -> str:
    """"2025年实际完成地区生产总值，从高到低：\n1. 广东省…\n2. …", then the places without it."""
    head = f"{f'{year}年' if year else ''}{KIND_WORDS.get(kind or '', '')}{metric}，{'从低到高' if lowest_first else '从高到低'}："
    body = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
    left = f"\n资料中没有{'、'.join(missing)}可比的这项数据。" if missing else ""
    return f"{head}\n{body}{left}"


def no_total(metric: str, rates: list, amounts: list) -> str:
    """An amount compared where some places' reports give only its rate ("正蓝旗和大埔的地区生产总值哪个大"): no
    comparison; what each gives instead, each (name, Answer) with its year."""
    def said(given: list, named: bool = True) -> str:
        return "，".join(f"{name if named else ''}{f'{a.year}年' if a.year else ''}{a.value}" for name, a in given)
    return (f"无法比较：{'、'.join(name for name, _ in rates)}的报告只给了{metric}的增速（{said(rates, len(rates) > 1)}），"
            f"没有给出总量（{said(amounts)}）。")


def higher(metric: str, given: list, rates_asked: bool, own_years: bool = False) -> str | None:
    """Which of several answers (name, Answer) has the higher figure: "浙江省的地区生产总值增速更高
    （江苏省5.3%，浙江省5.5%）。", or why they cannot be told apart (another year or kind, another
    unit, rates only where amounts are asked: `rates_asked`). Each place asked of a year of its own
    (`own_years`) is compared in that year, which is shown, an estimate's said to be one."""
    vocab = load_vocab()
    figures = []
    for name, a in given:
        found = values_in(a.value or "")
        if not found:
            return None
        said = f"{a.year}年{'预计' if a.kind == ESTIMATE else ''}" if own_years and a.year else ""
        figures.append((name, a, said + found[0][2], *vocab.in_base_units(found[0][3], found[0][4])))
    shown = "，".join(f"{name}{value}" for name, _, value, _, _ in figures)
    if not rates_asked and all(unit == RATE for *_, unit in figures):  # whatever their years: no amount to compare
        return f"报告只给出了增速（{shown}），不能据此比较{metric or '两者'}的多少。"
    if len({(a.year, a.kind) for _, a, *_ in figures}) > 1 and not own_years:
        return f"各自的数字年份或类型不同（{shown}），不能直接比较。"
    if len({unit for *_, unit in figures}) > 1:
        return f"各自的数字单位不同（{shown}），不能直接比较。"
    top = max(figures, key=lambda f: f[3])
    if sum(f[3] == top[3] for f in figures) > 1:
        return f"{metric or '两者'}一样（{shown}）。"
    word = "更高" if top[4] == RATE else "更多"
    return f"{top[0]}{'的' if metric else ''}{metric}{word}（{shown}）。"
