"""Words that say what kind of question it is, read before its topic: a level or a venue that is
not the place asked about, the figure a yes/no question compares with, a period's end, the clauses that each ask for a figure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.reading.quantity_words import count_asked, cue_said, unit_said
from bot.answering.reading.typed import round_in_words, to_arabic
from bot.answering.vocabulary import alternation, cues, unit_group
from index.text.bases import without_multiple_bases
from index.text.places import names_of
from index.text.normalise import fold
from index.text.periods import counted_periods, periods
from index.text.timelabel import RESULT, TARGET, periods_in
from index.text.tokens import NUMBER
from index.text.vocabulary import Vocab, load_vocab
from index.text.yearpart import year_part

_CLAUSE_END = re.compile(r"[，,；;]|\s+")  # on a phone a space stands for a comma ("固投涨了多少 规上产值多少")
_DATE = "年月日"  # what ends a date, no figure to compare with
_COUNT = r"(?:\d+|[两二三四五六七八九十几]+)个"  # "三个", "5个", "几个"


def levels_and_venues(text: str, place_forms: tuple[str, ...], c: dict[str, tuple[str, ...]],
                      vocab: Vocab) -> str:
    """Mask what names a level ("苏州市级", "江苏省级") or a venue ("落户高新区"), not the place asked
    about: a known place, perhaps with its ending, followed by 级, and the words before a place
    that say where a thing went."""
    forms, endings = alternation(place_forms), alternation(vocab.suffixes("province", "city", "county", "town"))
    text = re.sub(f"(?:{forms})(?:{endings})?级", lambda m: "\0" * len(m.group(0)), text)
    venues = alternation(c.get("venue", ()))
    return re.sub(f"(?:{venues})(?=[^\0]{{0,4}}(?:{forms}))", lambda m: "\0" * len(m.group(0)), text) \
        if venues else text


def no_topic_counts(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab) -> str:
    """`text` without the counts that ask no topic: an amount asked in its unit ("多少亿元"), the words of a
    list asked by their count ("就那四个词", "是哪几句话": question_cues.tsv `words_asked`), which a report
    does not write ("按照“稳盘、挖潜、谋增、提效”总体思路" says no 四个词), and the count a list is asked
    with (`list_count`: "从哪6个方面", which a report writes its own way: "等6方面"; one asks a name)."""
    text = re.sub(f"(?:{alternation(c.get('quantity', ()))})(?:{alternation(vocab.units)})", " ", text)
    numerals = "".join(c.get("count_numeral", ()))
    if listed := count_asked(c):
        text = re.sub(listed, " ", text)
    words = alternation(c.get("words_asked", ()))
    return re.sub(rf"[\d几{numerals}]*(?:{words})", " ", text) if words else text


def threshold(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab,
              verbless: bool = False) -> tuple[str, str] | None:
    """The figure a yes/no question compares with, and the words saying it: "过750亿了吗" → "750亿".
    A magnitude alone after the verb is one of it ("破亿了没" → "1亿", "上万了吗" → "1万"; "破千亿"
    is already "破1000亿", `to_arabic`), said with its verb. `verbless`: the question's meaning says
    it is a yes/no question, so a figure with its unit just before the ending is one without a verb
    before it ("有450亿吗", "过了150万没")."""
    verbs, ends = alternation(c.get("threshold", ())), alternation(c.get("yesno_end", ()))
    magnitudes = alternation(tuple(w for w, _, _ in vocab.magnitudes))
    scaled = alternation(vocab.units) + "|" + magnitudes  # "750亿" as well as "750亿元"
    hedge = f"(?:{alternation(c['threshold_hedge'])})?" if c.get("threshold_hedge") else ""
    text = before_afterthought(text)
    # a bare magnitude only where nothing follows it but its unit and the ending: "超亿元项目" names a category
    # a date is no figure ("1到9月社零破百亿了吗" asks of 100亿)
    m = next((m for m in re.finditer(f"(?:{verbs})(?:({NUMBER}\\s*(?:{scaled})?)|({magnitudes})(?:{alternation(vocab.units)})?"
                                     f"(?={hedge}了?(?:{ends})?[？?！!。]*$))", text)
              if not (m.group(1) or "").endswith(tuple(_DATE))), None)
    # asked by its ending ("过750亿了吗"), or by a yes/no word before it ("是不是破900亿了")
    if m and (re.search(f"(?:{ends})[？?！!。]*$", text)
              or any(w in text[:m.start()] for w in c.get("yesno_start", ()))):
        return (m.group(1), m.group(1)) if m.group(1) else ("1" + m.group(2), m.group(0))
    # or a yes/no word a few words before the figure, said with its unit ("是不是1600亿斤", "是否增长6.5%",
    # "是不是定了gdp 200亿的目标"), in the same clause; a date is no figure ("是不是2025年")
    starts = alternation(c.get("yesno_start", ()))
    m = re.search(f"(?:{starts})[^，,。；;？?！!\\d]{{0,6}}?({NUMBER}\\s*(?:{scaled}))(?<![{_DATE}])", text) \
        if starts else None
    if m:
        return m.group(1), m.group(1)
    m = re.search(f"({NUMBER}\\s*(?:{scaled})){hedge}了?(?:{ends})[？?！!。]*$", text) if verbless else None
    return (m.group(1), m.group(1)) if m else None


def categories(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab) -> tuple[list[tuple[str, tuple[str, ...]]], str]:
    """"超亿元项目", "亿元以上项目", "10亿元以上企业": an amount said with a word for "above it" before a
    noun names a category (question_cues.tsv `category_before`, `category_after`), a topic word
    matched as a report may say it either way ("超亿元" is "亿元以上"), not a figure the answer is
    compared with ("GDP超过1万亿了吗" names no noun after it); each (as said, its forms), and the text
    without them. A figure before the amount is only read with a word after it: "超10亿元" may be a
    threshold."""
    before, after = c.get("category_before", ()), c.get("category_after", ())
    if not before or not after:
        return [], text
    scaled = alternation(tuple(w + u for w, _, _ in vocab.magnitudes for u in vocab.units if u.startswith("元"))
                         + tuple(w for w, _, _ in vocab.magnitudes))
    # the whole amount, then a noun: "过万亿吗" is a threshold, and not "过万" before 亿
    amount, noun = f"(?:{scaled})(?!{scaled}|元)", f"(?=[\u4e00-\u9fff])(?!了|{alternation(c.get('yesno_end', ()))})"
    said = re.compile(rf"(?:{alternation(before)})({amount}){noun}|(?<![\d.])((?:{NUMBER})?{amount})"
                      f"(?:{alternation(after)}){noun}")
    found = []
    for m in said.finditer(text):  # a bare amount may be said either way, one with a figure only after it
        amounts = (m[1] or m[2], *round_in_words(m[1] or m[2]))  # "1000万元" is also "千万元", as reports write it
        ways = [w + a for a in amounts if not re.match(r"\d", a) for w in before]
        found.append((m[0], tuple(dict.fromkeys([m[0], *ways, *(a + w for a in amounts for w in after)]))))
    return found, said.sub(lambda m: "\0" * len(m.group(0)), text)


def aims(text: str, threshold: str | None, c: dict[str, tuple[str, ...]]) -> bool:
    """"GDP增长达到5%的目标了吗": the figure asked about is the target, so the question is whether
    the result reached it, not whether the target is 5%, unless a verb of setting comes before
    the figure ("是不是定了200亿的目标" asks what was set: question_cues.tsv `set_target`)."""
    after, setting = alternation(c.get("attained_after", ())), alternation(c.get("set_target", ()))
    said = re.search(f"{re.escape(threshold)}(?:{after})", text) if threshold and after else None
    return bool(said) and not (setting and re.search(setting, text[:said.start()]))


def reaches_target(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """"有没有够上年初定的目标", "跑赢预期目标了没": a yes/no question whose verb of reaching
    (question_cues.tsv `reach`) has a target for its object (`reach_object`) a few words on asks
    whether the year's result reached its target."""
    verbs, objects = alternation(c.get("reach", ())), alternation(c.get("reach_object", ()))
    return bool(verbs and objects and asks_yes_no(text, c)
                and re.search(f"(?:{verbs})[^，,。；;？?]{{0,6}}?(?:{objects})", text))


def either_way(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """"是提速了还是放缓了", "快了还是慢了": a pace word of one way and one of the other joined by 还是
    (question_cues.tsv `pace_up`, `pace_down`) ask how the metric went over the years."""
    up, down = alternation(c.get("pace_up", ())), alternation(c.get("pace_down", ()))
    return bool(up and down and re.search(f"(?:{up})了?还是(?:{down})|(?:{down})了?还是(?:{up})", text))


def between_years(text: str, years: list[int], metrics: tuple[str, ...], c: dict[str, tuple[str, ...]]) -> bool:
    """"五莲县生产总值07年多少 到11年涨到多少了", "…07年多少，11年变成多少": one metric, two years named and a
    word of a change between them (question_cues.tsv `trend_between`) ask how it went from the first year to the
    second, one trend however many clauses say it, not a figure of each year; so do two years joined as a stretch
    (`from_to_end`: "从05年到11年涨了多少", "2020到2025变化咋样") with a word of change."""
    if len(metrics) != 1 or len(set(years)) < 2:
        return False
    stretch = re.search(rf"\d{{2,4}}年?(?:{alternation(c.get('from_to_end', ()))})\d{{2,4}}年?", text) \
        and any(w in text for w in c.get("change", ()))
    return bool(stretch) or any(w in text for w in c.get("trend_between", ()))


def pace_asked(text: str, c: dict[str, tuple[str, ...]]) -> str | None:
    """The way a question asks a metric's pace over the years: "either" (`either_way`), or "pace_up" /
    "pace_down" where a yes/no question says one way ("提速没", "是不是放缓了") and compares with
    nothing it names ("农村收入增速比城镇快吗" compares two groups); None if it asks none."""
    if either_way(text, c):
        return "either"
    compares = any(w in text for w in c.get("compare", ())) \
        or "比" in re.sub(alternation(c.get("ratio", ())) or "(?!)", "", text)
    if compares or not asks_yes_no(text, c):
        return None
    ways = [k for k in ("pace_up", "pace_down") if re.search(alternation(c.get(k, ())) or "(?!)", text)]
    return ways[0] if len(ways) == 1 else None


def against(text: str, c: dict[str, tuple[str, ...]]) -> str | None:
    """"GDP增速比全省高多少": the level a figure is compared with, named after a comparing word."""
    words, levels = alternation(c.get("against", ())), alternation(c.get("level", ()))
    m = re.search(f"(?:{words})({levels})", text) if words and levels else None
    return m.group(1) if m else None


def versus(text: str, c: dict[str, tuple[str, ...]]) -> str | None:
    """"贷款余额比存款多还是少": what the first figure is compared with, from 比 to the word saying
    how (question_cues.tsv: versus_end); whether it names a metric is the reader's to say."""
    ends = alternation(c.get("versus_end", ()))
    m = re.search(f"比(.+?)(?:{ends})", text) if ends else None
    return m.group(1) if m else None


def continues(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """"那一般公共预算收入呢", "还有财政收入呢": a question that goes on from the previous one."""
    opens, ends = alternation(c.get("follow_on", ())), alternation(c.get("follow_on_end", ()))
    return bool((opens and re.match(f"(?:{opens})", text)) or (ends and re.search(f"(?:{ends})[？?！!。]*$", text)))


def offices_first(text: str, place_forms: tuple[str, ...], offices: tuple[str, ...]) -> str:
    """"北京市长是谁": where a place's ending is an office's first character, both are meant (北京市
    + 市长), so the office is written out in full and not left as "长是"."""
    for office in offices:
        ends = [f for f in place_forms if len(f) > 2 and f.endswith(office[0])]
        if ends and office[1:]:
            text = re.sub(f"({alternation(tuple(ends))})(?={re.escape(office[1:])})",
                          lambda m: m.group(1) + office[0], text)
    return text


def period_ends(text: str, years: list[int], c: dict[str, tuple[str, ...]]) -> tuple[list[int], str]:
    """"十四五末" is the period's last year, a year like any other, not the whole period."""
    ends = alternation(c.get("period_end", ()))
    for name, _, last in periods():
        if re.search(f"{re.escape(name)}(?:时期|期间)?(?:{ends})", text):
            years = years + [last]
            text = re.sub(f"{re.escape(name)}(?:时期|期间)?(?:{ends})", "\0", text)
    return years, text


def periods_asked(text: str, reporting_year: int) -> tuple[list[tuple[int, int]], str]:
    """The periods a question names, named (十四五) or counted ("今后五年", "过去五年", a bare "五年": `counted_periods.tsv`,
    from the reporting year as the year planned), and the text without them: a period is when, like a year,
    not a topic word."""
    counted = counted_periods(text, reporting_year - 1, reporting_year, asked=True)
    spans = periods_in(text) + [span for span, _ in counted]
    for name in [name for name, _, _ in periods()] + [said for _, said in counted]:
        text = text.replace(name, "\0")
    return spans, text


def clauses(text: str, places: tuple[str, ...]) -> list[str]:
    """The clauses of a question that each ask for a figure ("去年建成几所学校，新增多少学位"), the
    later ones given the first's year and place (of `places`, the places named) when they name
    none; one clause (the question itself) otherwise."""
    asking = alternation(cues().get("quantity", ()))
    found = [c.strip() for c in _CLAUSE_END.split(text) if c.strip()]
    if len(found) < 2 or not all(re.search(asking, c) for c in found):
        return [text]
    # the first clause's own words for when ("去年", "2025年"): read again against the place asked
    relative = alternation(tuple(w for w, _ in load_vocab().relative_years))
    said = re.search(rf"(?:19|20)\d{{2}}年|(?<!\d)\d{{2}}年|{relative}", found[0])  # "2016年", "16年", "去年"
    # of a report named ("23年报告里说去年…"), its year with the relative year counted from it
    anchored = _report_named(found[0], load_vocab())
    when = found[0][anchored[0].start():anchored[1]] if anchored else said.group(0) if said else ""
    where = places[0] if len(places) == 1 else ""

    def given(clause: str) -> str:
        named = where and any(n in clause for n in names_of(where, load_vocab()))
        dated = re.search(r"\d{4}|年", clause)
        return ("" if named else where) + ("" if dated else when) + clause
    return [found[0]] + [given(c) for c in found[1:]]


def counted_places(c: dict[str, tuple[str, ...]]) -> re.Pattern | None:
    """"三个省", "5个城市": a count of the places covered, so each of them is asked about."""
    kinds = alternation(c.get("counted_places", ()))
    return re.compile(f"{_COUNT}(?:{kinds})") if kinds else None


def lowest_first(text: str) -> bool:
    """"哪个省增速最低": the places ranked lowest first."""
    return any(w in text for w in cues().get("rank_low", ()))


_YEAR4 = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:年度|年)?")
_YEAR2 = re.compile(r"(?<!\d)(\d{2})(?:年|(?=[到至~-]\d{2}年))")  # "24到25年": both years


def years(text: str, reporting_year: int, vocab: Vocab) -> tuple[list[int], str]:
    """The years named, in the order named (2019年, 19年, 去年), and the text without them, nor
    without when in the year ("前三季度", "1-9月"): like the year, no topic, as reports write it
    either way ("1-9月，我市完成出口总值…") and a list names it before its first item only. A period a
    multiple is asked of is no year asked ("是十一五末的几倍")."""
    text = re.sub(year_part(to_arabic), "\0", without_multiple_bases(text))
    named = _years4(text, vocab)
    years = [(m.start(), int(m.group(1))) for m in named]
    years += [(m.start(), 2000 + int(m.group(1))) for m in _YEAR2.finditer(text)]
    relative = [(m, delta) for word, delta in vocab.relative_years for m in re.finditer(word, text)
                if not _in_verb(text, m)]
    years += [(m.start(), reporting_year + delta) for m, delta in relative]
    for m in sorted([*named, *(m for m, _ in relative)], key=lambda m: m.start(), reverse=True):
        text = text[:m.start()] + "\0" + text[m.end():]
    text = _YEAR2.sub("\0", text)
    return list(dict.fromkeys(y for _, y in sorted(years))), _per_year(text)


def report_year(text: str, reporting_year: int, vocab: Vocab) -> tuple[int, str]:
    """"17年开人代会时说的去年", "23年政府工作报告里说去年": a year named as a report's or a meeting's
    (question_cues.tsv `report_named`, then perhaps `report_said`) is the question's "now" when a
    relative year follows it (not one compared with: "比去年"), which then counts from it; the
    year and those words are masked, no year asked and no topic. Else the reporting year, the
    text as it was."""
    found = _report_named(text, vocab)
    if found is None:
        return reporting_year, text
    m = found[0]
    year = (int(m.group(1)) if len(m.group(1) or "") == 4 else 2000 + int(m.group(1)) if m.group(1)
            else reporting_year + dict(vocab.relative_years)[m.group(2)])
    return year, text[:m.start()] + "\0" * len(m.group(0)) + text[m.end():]


def _report_named(text: str, vocab: Vocab) -> tuple[re.Match, int] | None:
    """The words naming a year as a report's (`report_year`), and where the first relative year
    after them ends; None where none do."""
    c = cues()
    relative = tuple(w for w, _ in vocab.relative_years)
    named = alternation(c.get("report_named", ()))
    since = relative + c.get("over_years", ())  # "17年两会报告说这几年…": the years up to it count from it too
    if not named or not relative:
        return None
    said = alternation(c.get("report_said", ()))
    when = rf"(?<!\d)((?:19|20)?\d{{2}})年度?|({alternation(relative)})"
    against = c.get("against", ())
    for m in re.finditer(rf"(?:{when})的?(?:{named})(?:{said})?", text):
        if m.group(2) and _in_verb(text, m):
            continue
        later = [r for word in since for r in re.finditer(word, text[m.end():])
                 if not _in_verb(text[m.end():], r) and not text[:m.end() + r.start()].endswith(against)]
        if later:
            return m, m.end() + min(r.end() for r in later)
    return None


def _in_verb(text: str, m: re.Match) -> bool:
    """"够上年初定的目标" is 够上 + 年初: a relative year's word that begins inside a verb of reaching
    (question_cues.tsv `reach`) is no year."""
    return any(text.startswith(verb, start) for verb in cues().get("reach", ())
               for start in range(max(0, m.start() - len(verb) + 1), m.start())
               if start + len(verb) > m.start())


def _per_year(text: str) -> str:
    """"城里人一年人均能支配多少钱": a year's length (question_cues.tsv `per_year`: 一年, 每年) names no
    year and no topic; masked, it lets the metric's name around it be read as one ("城镇居民\0人均…",
    `names.around_time`). Not where the words beside it make it a year (`per_year_not_after`: 过去一年,
    这一年; `per_year_not_before`: 一年来)."""
    c = cues()
    words = tuple(dict.fromkeys(w for v in c.get("per_year", ()) for w in (v, to_arabic(v))))
    after, before = c.get("per_year_not_after", ()), c.get("per_year_not_before", ())

    def length(m: re.Match) -> str:
        named = text[:m.start()].endswith(after) or text.startswith(before, m.end())
        return m.group(0) if named else "\0"
    return re.sub(f"(?<![\\d.])(?:{alternation(words)})", length, text) if words else text


def _years4(text: str, vocab: Vocab) -> list[re.Match]:
    """"2025年", "2025": a year; "2000亿", "1300万吨": a figure, its unit or magnitude after it."""
    figure = re.compile(f"(?:{alternation(vocab.units)}|[亿万千百元%])")
    return [m for m in _YEAR4.finditer(text) if m.group(0) != m.group(1) or not figure.match(text, m.end())]


def asked_rank(text: str, c: dict[str, tuple[str, ...]]) -> int | None:
    """The rank a yes/no question asks about ("是不是全国第2", read with digits): 2."""
    m = re.search("第([0-9]+)", text)
    return int(m.group(1)) if m and asks_yes_no(text, c) else None


def asks_from_to(text: str) -> bool:
    """"从第几升到第几", "由多少涨到多少": both ends of a from-to change are asked (question_cues.tsv
    `from_to_start`, `from_to_end`, each before a quantity word)."""
    c = cues()
    start, end, asked = (alternation(c.get(k, ())) for k in ("from_to_start", "from_to_end", "quantity"))
    return bool(start and end and asked
                and re.search(f"(?:{start})第?(?:{asked})[^，,；;]*?(?:{end})了?第?(?:{asked})", text))


def asks_yes_no(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """"是不是下降了", "涨了没": a yes/no word before the verb, or one ending the question."""
    return (any(w in text for w in c.get("yesno_start", ()))
            or bool(re.search(f"(?:{alternation(c.get('yesno_end', ()))})[\\W_]*$", before_afterthought(text))))


# a year typed after the question as an afterthought, in a clause of its own ("过7%没 21年")
_AFTERTHOUGHT = re.compile(r"[\s，,]+(?:\d{2}|\d{4})年[？?！!。]*$")


def before_afterthought(text: str) -> str:
    """The question without a year added after its ending: the ending is what asks."""
    return _AFTERTHOUGHT.sub("", text)


def ends_asking(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """The question ends on its question word ("…是啥"), so it names no kind of answer."""
    return bool(re.search(f"(?:{alternation(c.get('entity', ()))})[\\W_]*$", text))


def asks_metric(text: str, named_metric: bool, change: bool, c: dict[str, tuple[str, ...]]) -> bool:
    """A question naming a metric asks its figure, not a name, when it ends on its question word
    ("就业目标是啥") or has no word asking a name ("GDP怎么样"), unless it asks yes or no of what
    no figure states ("排名是不是历史最好"): whether it fell or where it ranks is told by the figure
    ("GDP是不是下降了", "GDP是不是全国第二")."""
    if not named_metric or ends_asking(text, c):
        return named_metric
    if any(w in text for w in c.get("names_asked", ())):
        return False
    return not asks_yes_no(text, c) or change or asked_rank(text, c) is not None


def expected_unit(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab, asks_change: bool = False) -> str | None:
    """The unit group a question asks for: by its words, or a unit said after a quantity word; a
    money or area word ("收入", "面积") names what changed when a change is asked ("农村居民收入
    增长这两年是多少"), not the unit, which the metric's own units then decide; a rank asked yes
    or no ("是不是全国第二") asks the rank; a unit said after the quantity word of a rate's words asks that unit
    ("增长了几倍": a multiple)."""
    said = unit_said(text, c, vocab)
    if asked_rank(text, c) or any(w in text for w in c.get("unit:rank", ())):
        return "rank"
    if cue_said(text, c.get("unit:percent", ()), said):
        return "percent"
    if said:
        return unit_group(said.group(1))
    for group in () if asks_change else ("money", "area"):
        if any(w in text for w in c.get(f"unit:{group}", ())):
            return group
    return None


@lru_cache(maxsize=256)
def by_not_cues(words: tuple[str, ...], not_cues: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A cue's words inside a not-cue word (looked for with the not-cues masked), and the others."""
    inside = tuple(w for w in words if any(w in n for n in not_cues))
    return inside, tuple(w for w in words if w not in inside)


def topic_groups(text: str, terms: tuple, c: dict[str, tuple[str, ...]], vocab: Vocab) -> list[tuple[tuple, str | None]]:
    """"外资到账和开票销售分别多少" → (外资到账…), (开票, 销售): the parts of a question asking for
    several figures though it names fewer than two metrics. Each is a stretch between the words
    joining its parts that holds a topic word (of `terms`), with the terms it holds (one in none,
    such as 全国, goes with each) and the unit group it expects itself (R&D占比 beside a count)."""
    stretches = [s for s in re.split(alternation(c.get("parts", ())), text) if s.strip()]
    where = [next((i for i, s in enumerate(stretches) if t.found_in(s)), None) for t in terms]
    everywhere = tuple(t for t, i in zip(terms, where) if i is None)
    return [(tuple(t for t, j in zip(terms, where) if j == i) + everywhere, expected_unit(s, c, vocab))
            for i, s in enumerate(stretches) if any(j == i and t.weight >= 1 for t, j in zip(terms, where))]


def sides(normalised: str, terms: tuple, metrics: tuple[str, ...], places: tuple[str, ...],
          c: dict[str, tuple[str, ...]]) -> tuple:
    """The terms of each of two metrics compared ("贷款余额比存款多还是少" → 贷款 余额 | 存款), when
    each side of 比 names its own topic (not "比去年", "比全省": a year or a level is no metric,
    nor is 占比 a comparison); a term on both sides is of both ("城镇居民收入比农村居民收入"), and
    a second side naming no metric is of the first's ("农村居民收入增速比城镇快": 城镇居民收入)."""
    text = re.sub(alternation(c.get("ratio", ())), lambda m: "\0" * len(m.group(0)), normalised)
    after = versus(text, c)
    if not after:
        return ()
    before = text[:text.index("比" + after)]
    topical = [t for t in terms if t.text not in places and (t.weight >= 1 or t.weight == 0.5 and len(t.text) > 1)]
    first, second = (tuple(t for t in topical if any(f in side for f in t.forms)) for side in (before, after))
    if second and not any(t.text in metrics for t in second):
        second = tuple(t for t in first if t.text in metrics) + second
    return (first, second) if first and second and first != second else ()


def kind_said(normalised: str, metric_hits: list, c: dict[str, tuple[str, ...]]) -> tuple[str | None, bool]:
    """The kind of figure asked, and whether the question says it (目标, 实际). "完成多少" does not:
    完成 is the verb of a plan as of a result. A metric's own name says nothing of the kind either:
    实际使用外资 is not 实际."""
    words = {w for _, m in metric_hits for w in (fold(m), *load_vocab().aliases(m))} | set(c.get("not_cue", ()))
    text = re.sub(alternation(tuple(words)), "\0", normalised) if words else normalised
    said = lambda key: any(w in text for w in c.get(key, ()))  # noqa: E731
    if said("target") or said("result"):
        return (TARGET if said("target") else RESULT), True
    # part of a year ("前三季度", "1到9月") is told when it is over: its figures are results so far, unless
    # what was foreseen of it is asked ("一季度预计开工多少"); a change both ends of which are asked has happened
    so_far = re.search(year_part(to_arabic), text) and not said("kind_neutral")
    return (RESULT, False) if so_far or asks_from_to(text) else (None, False)
