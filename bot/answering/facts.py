"""Sentences → figures: which number belongs to which subject, with its growth rate.

Pure text analysis, no model. Handles the shapes reports use:
- "地区生产总值762亿元,增长7.1%"          a value, then a change clause that belongs to it;
- "A、B比重分别为64.1%、63.1%"             one value per listed subject;
- "完成X 810亿元,Y突破100亿元,…,分别增长7%、11%"  one change per preceding figure;
- "100平方公里阳澄湖科技园"                a value whose subject follows it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from bot.answering.reading.metric_forms import each_group, shared_head, split_tail
from bot.answering.reading.no_figures import no_figure
from bot.answering.reading.word_numbers import as_unit, beyond_thresholds, loosely_scaled, people_scaled, word_figures
from bot.answering.sentences.named_after import named_after
from bot.answering.sentences.subjects import leading_count
from bot.answering.vocabulary import alternation, figure_words, figure_words_version, unit_group
from index import datafiles
from index.datafiles import INDEX_DATA
from index.text.normalise import fold, halfwidth
from index.text.timelabel import CHANGE_TO
from index.text.tokens import NUMBER
from index.text.vocabulary import Vocab, load_vocab

RATE = "%"  # the unit of a rate ("增长7.1%"); a difference of two rates is in 个百分点
# a colon between digits joins the parts of a ratio ("三次产业结构比为33:14:53"), as a comma does a figure's
_SEGMENT_END = re.compile(r"[，；;]|[：:](?!\d)|(?<!\d)[：:]|,(?!\d)|(?<!\d),")
RATIO = r"\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)+"  # one figure: "33:14:53"


@dataclass(frozen=True)
class Fact:
    subject: str  # what the figure measures, as the report words it
    value: str  # the figure with its unit, e.g. "762亿元", "第47位", "2个以上"
    number: float
    unit: str
    change: str | None  # e.g. "增长7.1%"
    window: str  # the words to quote: the figure's own clause, plus its change
    segment: int  # index of the clause within the sentence
    opening: bool = False  # the figure a change starts from ("从3826.5亿元增长到4398.6亿元"): an earlier year's
    reached: str | None = None  # the level a from-to change reached, quoted alone: "…收入增长到4398.6亿元"
    # the year a from-to change starts from, where it names it, and the start quoted alone:
    # 2007, "全县生产总值由2007年的90.3亿元" of "全县生产总值由2007年的90.3亿元跃升到145.1亿元"
    since: int | None = None
    started: str | None = None
    item: str | None = None  # its own item of a clause listing several metrics' figures: "销售收入3.67亿元"
    passed: bool = False  # a threshold the next clause states the figure beyond: "突破2500亿元，达到2600亿元"

    @property
    def is_change(self) -> bool:
        """The figure itself is a change ("增长7.1%", "全省共增加2702亿元"), not a level."""
        verbs = figure_words().get("change_verb", ())
        return any(self.subject.rstrip("了").endswith(v) for v in verbs)

    @property
    def states_change(self) -> bool:
        """The figure is a change, or comes with one: "增长7.1%", "762亿元，增长7.1%"."""
        return bool(self.change) or self.is_change


_FROM_TO = re.compile(rf"(?P<head>[^从由]*?)[从由](?P<start>[^{CHANGE_TO}]+?)(?P<verb>[\u4e00-\u9fff]{{0,2}}[{CHANGE_TO}])")
# a clause starting a change it has not yet said the end of, and the clause that says it
_FROM_OPEN = re.compile(rf"[从由](?P<start>[^{CHANGE_TO}]*)$")
_TO_NEXT = re.compile(rf"\s*[\u4e00-\u9fff]{{0,2}}[{CHANGE_TO}][^，,；;。]*\d")


def _value_re() -> re.Pattern:
    return _value_re_for(loosely_scaled(load_vocab().units))


@lru_cache(maxsize=4)
def _value_re_for(units: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(第)?({RATIO}|{NUMBER})(?:余|多)?\s*({alternation(units)})?(以上|左右|多|余)?")


def opens_change(clause: str) -> bool:
    """Whether a clause opens with a change ("年均增长10.5%", "同比下降3%")."""
    return bool(_change_re().match(clause.strip()))


def _change_re() -> re.Pattern:
    words = figure_words()
    return _change_re_for(words.get("change_base", ()), words.get("change_base_year", ()), words.get("change_verb", ()))


@lru_cache(maxsize=4)
def _change_re_for(bases: tuple[str, ...], before_year: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern:
    """A clause opening with a change: "增长7.1%", "同比下降3%", "较2009年增长104%"."""
    year = rf"|(?:{alternation(before_year)})(?:19|20)\d{{2}}年" if before_year else ""
    return re.compile(f"^(?:{alternation(bases)}{year})?(?:{alternation(verbs)})")


def _respectively() -> str:
    return next(iter(figure_words().get("respectively", ())), "\0")  # "\0": no such word


def segments(sentence: str) -> list[str]:
    """Clauses of a sentence, split at commas and semicolons (never inside "1,000"); a clause that opens a change from
    a figure is not cut from the clause saying where it went ("由初期财政收入275万元全市倒数第一,攀升至2014年的12.86亿元"
    is one from-to change)."""
    parts, start = [], 0
    for m in _SEGMENT_END.finditer(halfwidth(sentence)):
        opened = _FROM_OPEN.search(sentence, start, m.start())
        if opened and values_in(opened["start"]) and _TO_NEXT.match(halfwidth(sentence), m.end()):
            continue  # a change from a figure (not from a year: "从2021年起,到2025年…" is two clauses)
        if m[0] in ":：" and _introduces_figure(sentence, m.start(), m.end()):
            continue  # "三次产业结构比为：33:14:53": the colon says the figure, in its subject's clause
        parts.append(sentence[start:m.start()])
        start = m.end()
    parts.append(sentence[start:])
    return [p for part in parts for p in (_trim(c) for c in _changes_apart(part)) if p]


def _changes_apart(clause: str) -> list[str]:
    """"城乡…收入分别达到37462元和17597元、增长7%和10%", "城乡居民收入达到23292元和7750元、分别增长8.8%和10%": figures
    said `respectively` and their changes after a 、 (the word on either side of it) are two clauses, as after a comma."""
    for m in re.finditer("、", clause):
        before, after, each = clause[:m.start()], clause[m.end():], _respectively()
        found, ahead = values_in(before), values_in(before.partition(each)[2]) if each in before else []
        if found and found[-1][1] == m.start() and (ahead or after.startswith(each) and len(found) > 1) \
                and _change_re().match(after.removeprefix(each)):
            return [before, after]
    return [clause]


def _introduces_figure(sentence: str, at: int, end: int) -> bool:
    """Whether the colon at `at` follows a word that gives a figure (figure_words.tsv `reach`: "为") and a figure follows."""
    return sentence[end:end + 1].isdigit() and sentence[:at].endswith(figure_words().get("reach", ()) or ("\0",))


def _trim(clause: str) -> str:
    """Strip spaces, end punctuation and quote marks left without their partner."""
    clause = clause.strip(" 。！？!?")
    if clause.startswith("“") and "”" not in clause:
        clause = clause[1:]
    if clause.endswith("”") and "“" not in clause:
        clause = clause[:-1]
    return clause.strip(" \"")


def _number(text: str) -> float:
    first = re.split(r"[-~:：]", text.replace(",", ""))[0]
    return float(first)


def values_in(text: str) -> list[tuple[int, int, str, float, str]]:
    """(start, end, value text, number, unit) of each figure in `text`; bare years are skipped."""
    return _values(text, _value_re())


def _values(written: str, value_re: re.Pattern) -> list[tuple[int, int, str, float, str]]:
    """Figures read from the text in half-width, each quoted as `written`."""
    out, text = [], halfwidth(written)
    for m in value_re.finditer(text):
        ordinal, num, unit = m.group(1), m.group(2), as_unit(m.group(3) or "")
        if unit == "年" or (not unit and re.fullmatch(r"(19|20)\d\d", num)) or no_figure(text, m, unit):
            continue
        if text[m.start() - 1:m.start()] == "“" and text[m.end():m.end() + 1] == "”":
            continue  # a quoted number is a name: “12345”热线, “263”专项行动
        end, unit = (m.end(), unit) if unit or ordinal or m.group(4) else people_scaled(text, m.end())  # "13.81万贫困人口"
        out.append((m.start(), end, written[m.start():end], _number(num), ("第" if ordinal else "") + unit))
    for m, number, unit in word_figures(text):  # "突破百亿元": 100亿元, where no digit says it
        if not no_figure(text, m, unit):
            out.append((m.start(2), m.end(), written[m.start(2):m.end()], number, unit))
    return sorted(out)


def _distributed(head: str, tail: str, index: int, value_re: re.Pattern, verb: str = "为") -> list[Fact] | None:
    """Facts of "A、B…分别为x、y" (`head`, `tail` the clause before and after 分别), or of "A和B…x和y",
    one figure per listed subject; None when the clause has no listed subjects of its own."""
    values = _values(tail, value_re)
    items = [i for i in head.split("、") if i]
    if len(items) != len(values):  # "A和B…": subjects joined by figure_words.tsv `joined_by`
        items = [i for i in re.split(alternation(figure_words().get("joined_by", ())), head) if i]
    counts = [leading_count(i, _values(i, value_re)) for i in items]  # "678个…项目、49个…项目": each counted
    if len(items) < 2 or len(values) != len(items) or any(_values(i, value_re) and not c for i, c in zip(items, counts)):
        return None  # a figure among the subjects ("收入达到23292元和7750元、分别增长…") lists none
    opening = next((w for w in figure_words().get("part", ()) if items[0].startswith(w)), "")
    items = shared_head([items[0][len(opening):], *items[1:]])  # "其中一、二、三产…": 其中 is no subject's
    last_head, shared = split_tail(items[-1], items[:-1]) if not any(counts) else (items[-1], "")  # each whole
    verb = tail[:values[0][0]].strip() or verb
    facts = [Fact(item[c[1]:], c[2], c[3], c[4], None, item, index) for item, c in zip(items, counts) if c]
    for item, (_, _, value, number, unit) in zip(items[:-1] + [last_head], values):
        subject = item + shared + verb  # all said before its figure, as a clause of one figure's: "…较2016年增长"
        facts.append(Fact(subject, value, number, unit, None, f"{subject}{value}", index))
    return facts


def _each_group(head: str, tail: str, index: int, value_re: re.Pattern) -> list[Fact]:
    """Facts of "城乡居民人均可支配收入分别增长4.3%、6.1%", one name for two groups: the n-th figure
    is the n-th group's, under that group's own name ("农村居民人均可支配收入增长6.1%"); none when
    the name is not one said of groups, or the figures do not match the groups one to one."""
    values = _values(tail, value_re)
    groups = each_group(head)  # "城、乡居民…" names two groups; "A、B…" lists subjects of their own
    if len(groups) < 2 or any("、" in g for g in groups) or len(values) != len(groups):
        return []
    verb = tail[:values[0][0]].strip()
    said_change = bool(_change_re().match(verb))  # "增长6.1%" is a change, as in a clause of its own
    return [Fact(group + verb if said_change else group, value, number, unit, None, f"{group}{verb}{value}", index)
            for group, (_, _, value, number, unit) in zip(groups, values)]


def _listed_before(before: list[str], seg: str, index: int, value_re: re.Pattern) -> list[Fact] | None:
    """Facts of "…印刷业和纺织业,前三季度增长势头也较为明显,与上年同期相比分别增长23.4%和19.1%": in a
    sentence with no figure before it, a clause of n figures said `respectively` gives them to the n
    subjects the nearest clause before it lists (joined by figure_words.tsv `joined_by`; the first
    one's name starts after its last 的); None when no clause lists as many."""
    tail = seg.partition(_respectively())[2]
    values = _values(tail, value_re)
    joins = alternation(figure_words().get("joined_by", ()))
    named = next((items for clause in reversed(before)
                  if len(items := re.split(joins, clause)) == len(values) and all(items)), None)
    if len(values) < 2 or named is None:
        return None
    named[0] = named[0].rpartition("的")[2]
    verb = tail[:values[0][0]].strip()
    subjects = [item + verb if _change_re().match(verb) else item for item in named]
    return [Fact(subject, value, number, unit, None, f"{item}{verb}{value}", index)
            for subject, item, (_, _, value, number, unit) in zip(subjects, named, values)]


def extract(sentence: str) -> list[Fact]:
    """Every figure in `sentence` with its subject and change."""
    return list(_extract(sentence, load_vocab(), figure_words_version()))


@lru_cache(maxsize=2048)  # a report's sentences, read again by every question they answer
def _extract(sentence: str, vocab: Vocab, figure_words_at: tuple[int, int]) -> tuple[Fact, ...]:
    """`extract`, for one state of the data files it reads (the vocabulary and figure words)."""
    facts: list[Fact] = []
    change, respectively, value_re = _change_re(), _respectively(), _value_re()  # not per clause
    segs = segments(sentence)
    for index, seg in enumerate(segs):
        found = _values(seg, value_re)
        if not found:  # "…59400万元,与上年持平": a level held is the change of the figure before
            if seg in figure_words().get("flat_change", ()) and (owner := _change_owner(facts, segs, index, "")) is not None:
                facts[owner] = replace(facts[owner], change=seg, window=f"{facts[owner].window}，{seg}")
            continue
        if respectively in seg:
            # each group's figure first, then the clause's figures as said, which answer for both
            head, _, tail = seg.partition(respectively)
            grouped = _each_group(head, tail, index, value_re)
            facts += grouped
            listed = None if grouped else _distributed(head, tail, index, value_re) \
                or (None if facts else _listed_before(segs[:index], seg, index, value_re))
            if listed:
                facts += listed
                continue
            said = seg.partition(respectively)[2]
            if not seg.partition(respectively)[0].strip():
                if _changes_each(facts, said, found, change):
                    continue
                multiples = _multiples_each(facts, said, found, index)
                if multiples:
                    facts += multiples
                    continue
        elif len(found) > 1 and _changes_each(facts, seg, found, change):
            continue  # "…分别为22694元、9527元,增长8.5%、11%": the same, without a second 分别
        elif multiples := _multiples_each(facts, seg, found, index):
            facts += multiples  # "…收入19.97亿元，是“十一五”末的2.85倍": the same, of one figure
            continue
        elif (paired := _paired(seg, found)) is not None:
            # "城镇和农村常住居民人均可支配收入39,175元和19,156元": as with 分别, without the word
            grouped = _each_group(*paired, index, value_re)
            facts += grouped
            listed = None if grouped else _distributed(*paired, index, value_re, verb="")
            if listed:
                facts += listed
                continue
        # a rank after a change verb is a rank of its own ("64.52%，提升幅度全国第2"), not the change
        owner = _change_owner(facts, segs, index, found[0][4]) if change.match(seg) and len(found) == 1 \
            and unit_group(found[0][4] or "") != "rank" else None
        if owner is not None:
            prev, said = facts[owner], [s for s in segs[facts[owner].segment + 1:index] if not values_in(s)]
            # quoted with how it is counted, not with its share or rank: "生产总值2235.29亿元，按可比价格计算，增长6.9%"
            facts[owner] = replace(prev, change=seg, window="，".join([prev.window, *said, seg]))
            continue
        # a rank right after a change ranks the change ("…，增长6.9%，居全省第11位"), as it comes with it
        ranked = segs[index - 1] if index and change.match(segs[index - 1]) and values_in(segs[index - 1]) else None
        start, mine = 0, []
        for s, e, value, number, unit in found:
            subject = seg[start:s].strip("、") or seg[e:].split("、")[0]
            mine.append(Fact(subject, value, number, unit, ranked if unit_group(unit) == "rank" else None, seg, index))
            start = e
        facts += named_after(seg, _items(seg, _against_base(seg, found, _from_to(seg, found, mine), change), value_re,
                                         change), value_re)
    return tuple(beyond_thresholds(facts))


def _change_owner(facts: list[Fact], segs: list[str], index: int, unit: str) -> int | None:
    """The index in `facts` of the figure a change clause naming no metric (clause `index`) is said of: the last
    figure before it, past clauses that say how it is counted (figure_words.tsv `method`), its share of a plan
    (`of_before`) or, for a rate, its rank ("完成11.3亿元，占年计划的41.8%，同比增长9.3%", "2235.29亿元，居全省第9位，
    按可比价格计算，增长6.9%"; but "位列第47位，比上年提升7个名次") or a threshold it passed (`_passed`); None when that
    figure has a change already."""
    words = figure_words()
    def aside(at: int) -> bool:
        return segs[at].startswith(words.get("of_before", ()) or ("\0",)) or at > 0 and _passed(segs[at - 1], segs[at]) \
            or unit == RATE and all(unit_group(v[4] or "") == "rank" for v in values_in(segs[at]))
    at = index - 1
    while at >= 0 and (aside(at) if values_in(segs[at]) else segs[at].startswith(words.get("method", ()) or ("\0",))):
        at -= 1
    owner = max((i for i, f in enumerate(facts) if f.segment == at), default=None)
    return owner if owner is not None and facts[owner].change is None else None


def _passed(before: str, seg: str) -> bool:
    """"完成602.5亿元，首次突破600亿元大关": a threshold (figure_words.tsv `threshold`) the last figure of the clause
    before passed, said by its verb and two characters at most ("首次"), is no figure of its own."""
    said, mine = values_in(before), values_in(seg)
    opening = seg[:mine[0][0]] if mine else ""
    lead = re.sub(f"(?:{alternation(figure_words().get('threshold', ()))})$", "", opening)
    return bool(said) and lead != opening and len(lead) <= 2 and said[-1][4] == mine[0][4] and said[-1][3] >= mine[0][3]


def _paired(seg: str, found: list) -> tuple[str, str] | None:
    """(subjects, figures) of a clause ending in two or more figures joined only by figure_words.tsv
    `joined_by` ("…收入39,175元和19,156元"), where the words before them are not a change; else None."""
    if len(found) < 2 or found[-1][1] != len(seg.rstrip()) or _change_re().match(seg):
        return None
    joins = figure_words().get("joined_by", ())
    if any(halfwidth(seg)[a[1]:b[0]].strip() not in joins for a, b in pairwise(found)):
        return None
    return seg[:found[0][0]], seg[found[0][0]:]


def _changes_each(facts: list[Fact], said: str, found: list, change: re.Pattern) -> bool:
    """"…,分别较2009年增长48.36%、104%、59.13%": a clause of n changes gives one to each of the last n
    figures before it that have none, in order (a figure said twice, for each group of a joint name and
    for the clause as said, counts once and takes its change both times); False, `facts` unchanged,
    when `said` opens with no change or the figures do not match the changes one to one."""
    m = change.match(said)
    opening = m.group(0) if m else None
    owners: list[str] = []  # the values changed, last first
    at = len(facts)
    while at and facts[at - 1].change is None and (facts[at - 1].value in owners or len(owners) < len(found)):
        at -= 1
        owners += [] if facts[at].value in owners else [facts[at].value]
    if opening is None or len(owners) != len(found):
        return False
    if not _figures_only(said, len(opening), found):
        return False  # "增长7.1%、高于全省1个百分点" is one change and a gap, not two changes
    verb, changes = opening, dict(zip(reversed(owners), (v for _, _, v, _, _ in found)))
    for i in range(at, len(facts)):
        facts[i] = replace(facts[i], change=verb + changes[facts[i].value],
                           window=f"{facts[i].window}，{verb}{changes[facts[i].value]}")
    return True


def _figures_only(said: str, start: int, found: list) -> bool:
    """Whether `said` from `start` on says only its figures `found`, joined by 、和及."""
    between = halfwidth(said)[start:values_in(said)[-1][1]]
    return re.sub(r"[、和及\s]", "", between) == "".join(re.sub(r"\s", "", v) for _, _, v, _, _ in found)


def _multiples_each(facts: list[Fact], said: str, found: list, index: int) -> list[Fact]:
    """"境内财政收入43.58亿元,公共财政预算收入19.97亿元,分别是“十一五”末的2.35倍和2.85倍": n multiples of an earlier
    level (figure_words.tsv `multiple_of`, then figures in 倍) go one to each of the last n figures before, in order,
    each its window and a figure of that figure's subject ("公共财政预算收入是“十一五”末的2.85倍"); none when the
    clause says anything else between its figures or they do not match the figures before one to one, each in its own clause."""
    words = figure_words().get("multiple_of", ())
    year = r"(?:(?:19|20)\d{2}年[^\d，,；;]*?)?(?=\d)(?!(?:19|20)\d{2}年)"  # a year's multiple: "是2012年的1.5倍"
    opening = re.match(rf"(?:{alternation(words)})[^\d，,；;]*?{year}", halfwidth(said)) if words else None
    owners = [i for i, f in enumerate(facts) if f.segment < index and f.change is None][-len(found):]
    if opening is None or len(owners) != len(found) or any(unit_group(f[4]) != "multiple" for f in found) \
            or len({facts[i].value for i in owners}) != len(owners) or len({facts[i].window for i in owners}) < len(owners):
        return []
    if not _figures_only(said, opening.end(), found):
        return []
    verb, out = said[:opening.end()], []
    for i, (_, _, value, number, unit) in zip(owners, found):
        facts[i] = replace(facts[i], window=f"{facts[i].window}，{verb}{value}")
        out.append(Fact(facts[i].subject + verb, value, number, unit, None, facts[i].window, index))
    return out


def _items(seg: str, mine: list[Fact], value_re: re.Pattern, change: re.Pattern) -> list[Fact]:
    """"实现工业产值3.83亿元、销售收入3.67亿元、税收3819万元": each figure's own item, with the items
    after it that carry no figure of another subject ("招商项目1284个、增长271%", "突破3万亿元、达3.6万亿元",
    "确保增长5%、力争增长7%" are one item); none when the clause names one subject."""
    reach, aims = figure_words().get("reach", ()), alternation(figure_words().get("aim", ()))
    items: list[list[str]] = []
    for part in seg.split("、"):
        bare = re.sub(f"^(?:{aims})", "", part) if aims else part  # "确保增长5%、力争增长7%": one subject's
        figure = value_re.search(bare)
        said = bare[:figure.start()].strip() if figure else ""
        own = bool(said) and said not in reach and not change.match(bare)
        if not items or own and any(value_re.search(p) for p in items[-1]):
            items.append([part])
        else:
            items[-1].append(part)
    if len(items) < 2 or any(not any(value_re.search(p) for p in item) for item in items):
        return mine
    texts = ["、".join(item) for item in items]
    out, at = [], 0
    for fact in mine:
        i = next((i for i, t in enumerate(texts) if fact.value in t and i >= at), None)
        if i is None or fact.window != seg:
            out.append(fact)
            continue
        at = i
        out.append(replace(fact, item=texts[i]))
    return out


def _against_base(seg: str, found: list, mine: list[Fact], change: re.Pattern) -> list[Fact]:
    """"较“十三五”末的9323.1亿元增加4374.4亿元": the first figure is the base a change is said
    against (index/data/comparison_bases.tsv `before`), an earlier level, not one to answer with;
    the change is quoted without it, "较“十三五”末增加4374.4亿元"."""
    if len(mine) < 2 or mine[0].opening or not change.match(seg[found[0][1]:found[1][0]]):
        return mine
    bases = datafiles.table(INDEX_DATA / "comparison_bases.tsv").get("before", ())
    said = seg[:found[0][0]]
    at = max((said.rfind(w) for w in bases), default=-1)
    if at < 0 or any(c.isdigit() for c in said[at:]):
        return mine
    quoted = said.removesuffix("的") + seg[found[0][1]:]
    return [replace(mine[0], opening=True), replace(mine[1], window=quoted), *mine[2:]]


def _from_to(seg: str, found: list, mine: list[Fact]) -> list[Fact]:
    """"一般公共预算收入从3826.5亿元增长到4398.6亿元": the first figure is where the change started
    (an earlier year's: the year its start names, if it names one), the second the level reached,
    quoted as "一般公共预算收入增长到4398.6亿元" when one year is asked."""
    m = _FROM_TO.match(seg)
    if m is None or len(mine) < 2 or not (found[0][0] >= m.start("start") and found[1][0] >= m.end("verb")) \
            or found[0][0] >= m.start("verb"):
        return mine
    # the metric named after 由 ("由初期财政收入275万元…攀升至…", from its first known name) where none
    # is named before it
    head = m["head"] or _from_name(seg[m.start("start"):found[0][0]])
    reached = replace(mine[1], subject=mine[1].subject if m["head"] else head, reached=head + seg[m.start("verb"):])
    year = re.search(r"((?:19|20)\d{2})\s*年", m["start"])
    since = int(year[1]) if year and year.start() < found[0][0] - m.start("start") else None
    # quoted alone where a question asks for the start: a year's level, or one named by words ("初期")
    started = seg[:found[0][1]] if since or not m["head"] else None
    return [replace(mine[0], opening=True, since=since, started=started), reached, *mine[2:]]


def _from_name(said: str) -> str:
    """`said` from the first name of the vocabulary in it: "初期财政收入" → "财政收入"."""
    folded = fold(said)
    vocab = load_vocab()
    names = (w for c in vocab.canonical_terms(folded) for w in (fold(c), *vocab.aliases(c)))
    at = min((i for w in names if (i := folded.find(w)) >= 0), default=0)
    return said[at:]
