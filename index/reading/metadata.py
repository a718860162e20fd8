"""A new report's title, delivery date, place and source, read from the report itself.

Each value comes with where it was found, so staff can check it. Where a report is clear, it
says so in fixed places, and only those are read:
- the delivery line: "——2026年1月26日在河南省第十四届人民代表大会第四次会议上" (date and place);
- the speaker's office: "河南省人民政府省长 王凯", "浙江省代省长刘捷" (place);
- the title: "2025年江苏省政府工作报告" (place, and the year when nothing better says it);
- the news page's lines: "来源：河南日报" (source), "时间：2026-02-03" (publication, a last resort).
A place is taken from the body's sentences only where the first opens a clause with it as the subject
("今年上半年,大兴安岭地区经济社会发展进一步加快"): when none of these names one, it is left out and
`corpus add` asks for --place. The words live in `index/data/report_cues.tsv`.
"""
from __future__ import annotations

import re

from index.reading.layout import numbered_level, worded_heading
from index.reading.opening import (BOUNDARY as _BOUNDARY, DATE as _DATE, DAY as _DAY, ISO as _ISO, STAMP, Found,
                                   alt as _alt, cues as _cues, date as _date, dateline_words, head as _head,
                                   head_lines as _head_lines, in_digits as _in_digits)
from index.reading.own_names import opens_with_place_word, own_name
from index.reading.persons import name_pattern as person_name
from index.text.normalise import as_read, fold
from index.text.places import ENDINGS, name_pattern, straddled
from index.text.timelabel import YEAR_END_MONTH
from index.text.vocabulary import load_vocab
from index.text.yearpart import part_named, year_part


def meeting(text: str) -> tuple[Found | None, Found | None]:
    """(date, place) of news of a meeting: "1月26日，常州经开区2018年度工作会议召开", "3月14日，南沙区
    第三届人民代表大会第五次会议…开幕", "在日前召开的昆山高新区工作会议上". The place is the one
    the meeting is named after. A month and day take their year from the text only where it is
    clear: a text that names two years running in its opening reviews the first and is delivered
    in the second (a meeting before October)."""
    cues, place = _cues(), name_pattern(load_vocab())
    head = _head(text)
    # the place right before the meeting's name, only its holding (召开), a year or a session number between
    # (第十八届, or 第 十八届 as a PDF spaces it); failing that, a session without 第, only where the clause says it
    # opens ("邵阳市十五届人大三次会议在市委礼堂隆重开幕", not "提请市十六届人大五次会议审议的…": 提请市 is no place)
    government, held = _alt(cues.get('government', ())), _alt(cues.get('held', ()))
    session = r"[一二三四五六七八九十\d]{1,4}\s*届"
    opens = rf"(?=[^，,。；;\n]{{0,24}}?(?:{_alt(cues.get('opened', ())) or '(?!)'}))"
    named = next((m for between in (rf"(?:(?:19|20)\d{{2}}年度?|第\s*{session})?", session + opens)
                  if (m := re.search(rf"(?:^|(?<=[\s，,。：:、的]))((?:{place}){{1,2}}?)(?:{government})?(?:{held})?"
                                     rf"{between}(?:{_alt(cues.get('meeting_kind', ()))})?(?:{_alt(cues.get('meeting', ()))})",
                                     head))), None)
    # "1月17日,西安高新区举办“…”新闻发布会", "(记者)2月13日上午,合肥经开区召开“新春第一会”": the subject of a
    # clause opening with its day holds what the news reports
    named = named or re.search(rf"(?:^|(?<=[\s，,。)）])){_DAY}[^，,。\n]{{0,4}}[，,]\s*((?:{place}){{1,2}}?)"
                               rf"(?:{government})?(?:{held})|(?:^|(?<=[\s，,。：:]))((?:{place}){{1,2}}?)(?:{government})?"
                               rf"\d{{1,2}}\s*月\s*\d{{1,2}}\s*日(?:{held})", head)  # or its day between: "…开发区2月18日召开的…"
    where = "新闻开头的会议名称"
    found_place = Found(named[named.lastindex], where) if named and _a_name(named[named.lastindex]) else None
    day = meeting_day(text)
    if day is None:
        return None, found_place
    year = (_year_in_progress(head) or _year_end_session(head, day)) if int(day[0]) >= YEAR_END_MONTH \
        else _meeting_year(head)
    if year is None:
        return None, found_place
    return Found(_date(str(year), *day), where + "与文中的年份"), found_place


def meeting_day(text: str) -> tuple[str, str] | None:
    """The month and day news of a meeting opens with: a clause's ("1月26日，…", "12 月 25 日,…" as
    a PDF spaces them), a byline's ("(记者 某某)2月27日下午…", "通讯员某某报道 1月15日") or the
    dateline's, before or after its closing word ("大众网青岛2月19日讯", "红网资阳站讯 3月18日，…"), or the day it was
    held on ("…开发区2月18日召开的…会议")."""
    day, reported, held = _DAY, _alt(_cues().get("reported", ())) or "(?!)", _alt(_cues().get("held", ())) or "(?!)"
    dateline = _alt(dateline_words()) or "(?!)"
    m = re.search(rf"(?:(?:^|\n|[，,。：:)）][”’」』\"]?|(?:{dateline})[】\]）)]?|{reported})\s*{day}"
                  rf"|(?<!\d){day}(?:{dateline})|(?<!\d){day}(?={held}))", _head(text))  # "2月18日召开的…"
    return (m[1] or m[3] or m[5], m[2] or m[4] or m[6]) if m else None


def _meeting_year(head: str) -> int | None:
    """The year of a meeting held before October, where the text makes it clear: it names two
    years running (it reviews the first), or one year in a clause that says it is the one reviewed
    ("对2019年政府工作进行了回顾", "2018年南沙成绩如何": the meeting is the year after) or the one
    planned ("部署2023年重点工作"), or the year the meeting is named after ("2011年…工作会议召开", not
    "2018年度工作会议" nor "2010年总结表彰大会", which review it). A year said of nothing else ("2024年是…的一年")
    decides nothing."""
    years = sorted({int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", head)})
    if len(years) >= 2 and years[-1] - years[-2] == 1:
        return years[-1]
    if len(years) >= 2:  # "召开2018年重点项目建设誓师大会" whatever else it names ("到2020年"): the meeting's own
        named = {y for y in years if _named_after(head, y)}
        return named.pop() if len(named) == 1 else None
    if not years:
        return None
    cues = _cues()
    clauses = [c for c in re.split(r"[，,。；;！!？?\n]", head) if re.search(rf"{years[0]}\s*年", c)]
    said = {shift for key, shift in (("reviewed_year", 1), ("planned_year", 0))
            if any(w in fold(c) for c in clauses for w in cues.get(key, ()))}
    if _named_after(head, years[0]):
        said.add(0)
    return years[0] + said.pop() if len(said) == 1 else None


def _named_after(head: str, year: int) -> bool:
    """Whether a meeting is named after the year ("2011年…工作会议"), not one that reviews it ("2018年度工作会议",
    "2010年总结表彰大会")."""
    cues = _cues()
    clauses = [c for c in re.split(r"[，,。；;！!？?\n]", head) if re.search(rf"{year}\s*年", c)]
    named = rf"{year}\s*年(?![度\d\s])([^，,。；;]{{0,20}}?)(?:{_alt(cues.get('meeting', ()))})"  # not 2018年12月
    names = (m[1] for c in clauses for m in re.finditer(named, c))
    return any(not any(w in fold(n) for w in cues.get("reviewed_year", ())) for n in names)


def _year_in_progress(head: str) -> int | None:
    """The year of a meeting from October on, where the text names it with a part of it gone by
    ("全市2021年1至10月份经济运行分析会召开"): figures of a year so far are reported before it is out.
    A year named alone may be the one planned by a meeting at the end of the year before."""
    years = {int(m[1]) for m in re.finditer(rf"((?:19|20)\d{{2}})\s*年\s*(?:{year_part()})", fold(head))}
    return years.pop() if len(years) == 1 else None


def _year_end_session(head: str, day: tuple[str, str]) -> int | None:
    """The year of a congress's session the text opens with on a day from October on ("12月26日上午,…区第十七届
    人民代表大会第三次会议…开幕"), where the text names two years running and no other: a session at a year's
    end reviews that year and plans the next ("2013年,我区…", "区政府2014年工作的总体要求")."""
    meeting, number = _alt(_cues().get("meeting", ())), r"[一二三四五六七八九十\d]{1,4}"
    opening = re.search(rf"{day[0]}\s*月\s*{day[1]}\s*日[^。！!？?\n]*", head)
    years = sorted({int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", head)})
    if opening is None or not re.search(rf"届[^。]{{0,12}}?(?:{meeting})第?{number}次", opening[0]):
        return None
    return years[0] if len(years) == 2 and years[1] - years[0] == 1 else None


def ended_year(text: str) -> Found | None:
    """The year after the one a text says is over ("刚刚过去的2018年" → 2019), the year only."""
    words = _alt(_cues().get("ended_year", ())) or "(?!)"
    years = {int(m[1]) for m in re.finditer(rf"(?:{words})\s*((?:19|20)\d{{2}})\s*年", _head(text))}
    return Found(str(years.pop() + 1), "文中说已经过去的年份的下一年") if len(years) == 1 else None


PART_CHARS = 200  # a text names the part of the year it covers in its title or first sentences


def part_of_year(text: str) -> str | None:
    """The part of a year a text's figures cover, as its opening names it ("前三季度", "1-9月"):
    news of a quarter's or half-year's figures reports on its own year so far and plans none."""
    return part_named(text[:PART_CHARS]) or None


def delivery(text: str) -> tuple[Found | None, Found | None]:
    """(date, place) from the line saying when and at which meeting the report was delivered."""
    cues, place = _cues(), name_pattern(load_vocab())
    meeting, adopted = _alt(cues.get("meeting", ())), _alt(cues.get("adopted", ())) or "(?!)"
    # a district under its city: "在徐州市泉山区第十届…"; adopted: "(2017年9月1日县第十七届人大常委会第六次会议通过)"
    pattern = rf"{_DATE}\s*(?:在\s*((?:{place}){{1,2}}?(?=第|[\u4e00-\u9fff]{{0,3}}届))?[^。\n]{{0,30}}?" \
        rf"(?:{meeting})|[^。\n在]{{0,30}}?(?:{meeting})[^。\n]{{0,6}}?(?:{adopted}))"
    m = re.search(pattern, _head(text))
    if m is None:  # "——在弥勒市第三届…会议上 / 市长 潘金军 / (2023年1月31日)": the day alone, under the speaker
        alone = re.search(rf"^[(（]\s*{_DATE}\s*[)）]\s*$", _head(text), re.M)
        # the line without its day still names the place of the meeting ("――在西流河镇第十届人民代表大会…上")
        held = re.search(rf"^\W*在\s*((?:{place}){{1,2}}?)(?=第|[\u4e00-\u9fff]{{0,3}}届)[^。\n]{{0,30}}?(?:{meeting})",
                         _head(text), re.M)
        return (Found(_date(*alone.groups()), "报告开头括号里的日期") if alone and alone[3] else None,
                Found(held[1], "报告开头的会议行") if held and _a_name(held[1]) else None)
    where = "报告开头的会议日期行"
    date = Found(_date(m[1], m[2], m[3]), where)
    return date, Found(m[4], where) if m[4] and _a_name(m[4]) else None


def _a_name(found: str) -> bool:
    """"高新区召开…", "在自治县十届人大…": an ending alone names no place."""
    return fold(found) not in load_vocab().suffixes()


def page_date(text: str) -> Found | None:
    """The day a printed paper's page head states ("玉溪日报/2023 年/7 月/28 日/第 003 版…", report_cues.tsv `page`),
    its parts perhaps set apart by slashes: the day the news printed under it came out."""
    page = _alt(_cues().get("page", ()))
    for line in _head_lines(text)[:2] if page else ():
        m = re.search(_DATE, re.sub(r"([年月])\s*/\s*", r"\1", line)) if re.search(rf"第\s*\d+\s*(?:{page})", line) else None
        if m and m[3]:
            return Found(_date(m[1], m[2], m[3]), "报纸版面抬头")
    return None


def sign_off(text: str) -> tuple[Found | None, Found | None]:
    """(date, place) of a text the office that issued it signs at its end: "开平市统计局" on one
    line, "2018年10月24日" on the last."""
    lines = [ln.strip() for ln in text.strip().splitlines()[-2:]]
    if len(lines) < 2 or not (m := re.fullmatch(_DATE, _in_digits(lines[1]))) or not m[3]:
        return None, None
    office = re.fullmatch(rf"({name_pattern(load_vocab())})[\u4e00-\u9fff]{{0,12}}?"
                          rf"(?:{_alt(_cues().get('body', ()))})", lines[0])
    if office is None:
        return None, None
    where = "文末的落款"
    return Found(_date(m[1], m[2], m[3]), where), Found(office[1], where)


def byline(text: str) -> dict[str, str]:
    """Who delivered the report and where, as its opening lines say them: {"delivered":
    "2026年1月26日在广东省第十四届人民代表大会第五次会议上", "speaker": "广东省省长 孟凡利"}."""
    cues, out = _cues(), {}
    meeting = _alt(cues.get("meeting", ()))
    office, body = _alt(cues.get("office", ())), _alt(cues.get("body", ()))
    name, previous = person_name(2, 5), ""  # 5: a Mongolian name under its office ("旗长 额登毕力格")
    lines = _head_lines(text)
    for i, line in enumerate(lines):
        line = line.lstrip("—-－― ")
        if "speaker" not in out and previous and previous == out.get("delivered") \
                and (re.fullmatch(r"[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,3}", line)
                     or re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line) and i < len(lines) - 1
                     and re.match(_alt(cues.get("greeting", ())) or "(?!)", lines[i + 1])):
            out["speaker"] = line  # "栗 俊 昌": a name alone, letter-spaced or above the greeting, under the delivery line
        # "――在…会议上 / 肖刚强 / (2016年11月24日)": a name alone between the meeting's line and its day
        if "speaker" not in out and 0 < i < len(lines) - 1 and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line) \
                and re.fullmatch(rf"\W*(?:{_DATE}\s*)?在[^。，,]{{0,40}}?(?:{meeting})上", lines[i - 1].strip()) \
                and re.fullmatch(rf"[(（]\s*{_DATE}\s*[)）]", lines[i + 1].strip()):
            out["speaker"] = line
        previous = line
        if "delivered" not in out and re.fullmatch(rf"{_DATE}\s*在[^。，,]{{0,40}}?(?:{meeting})上(?:[^。，,]{{0,30}}作[^。，,]*报告。?)?", line) \
                and len(line) <= 60:
            out["delivered"] = line
        elif "speaker" not in out and len(line) <= 30 and (
                re.search(rf"(?:{office}){name}$", "".join(line.split()))  # 区 长 庄 红, 代县长 阿迪力·哈斯木
                or re.fullmatch(rf"[\u4e00-\u9fff]{{1,20}}(?:{body})\s+{name}", line)):
            out["speaker"] = line  # "区发展和改革局 龚德茂": a body, then the name
    if "delivered" not in out and (session := _session_clause(text)):
        out["delivered"] = session
    if "speaker" not in out and (said := spoke(text)):
        out["speaker"], out["spoke"] = said
    return out


def _session_clause(text: str) -> str | None:
    """The opening's clause naming a numbered session of a people's congress, where news of a report
    says where it was delivered ("提请市十六届人大五次会议审议的政府工作报告", "在…第十四届人民代表大会
    第四次会议上"): a clause, not a line of its own. A session named as a past decision ("完成了镇四届人大
    二次会议确定的目标任务") is one the report looks back to."""
    meeting, number = _alt(_cues().get("meeting", ())), r"[一二三四五六七八九十\d]{1,4}"
    session = rf"{number}届[^，,。；;]{{0,12}}?(?:{meeting})第?{number}次(?:{meeting})"
    # up to a space too: a headline goes on to name others ("…会议隆重开幕 马强主持会议 杜江涛作…")
    decided = _alt(_cues().get("decided", ())) or "(?!)"
    m = re.search(rf"[^，,。；;\n]*{session}(?!{decided})[^，,。；;\s]*", _head(text))
    return m[0].strip() if m else None


def spoke(text: str) -> tuple[str, str] | None:
    """Who news of a meeting says spoke or delivered the report, with the office the clause gives
    ("张凤林出席会议并讲话" → 张凤林, "南沙区区长吴扬向大会作政府工作报告" → 南沙区区长吴扬,
    "曹宏伟代表县人民政府向大会作…" → 曹宏伟), and the whole clause saying it, the offices before the
    one with the name too ("县委副书记、县长楚某某代表县人民政府向大会作政府工作报告"): an answer quotes
    what was done, not a headline. A clause that is more than an office and a name ("我代表区人民政府
    向大会作…") names nobody."""
    cues = _cues()
    office, verbs = _alt(cues.get("office", ())), _alt(cues.get("spoke", ()))
    words = cues.get("report_word", ())
    # "曹宏伟代表县人民政府向大会作政府工作报告": the body spoken for stands between name and verb
    # ("洪建立代表中共东石镇第十二届委员会,向大会作报告": a comma may stand before the verb)
    behalf = rf"(?:(?:{_alt(cues.get('on_behalf', ()))})[\u4e00-\u9fff]{{0,12}}?(?:{_alt(cues.get('spoken_for', ()))})[，,]?)?"
    head = _head(text)
    with_office = _alt(cues.get("spoke_with_office", ())) or "(?!)"
    for m in re.finditer(rf"([^，,。；;：:、\s]*?)(?:{behalf}(?:{verbs})|(?P<put>{with_office}))", head):
        if any(0 <= m[0].find(w) < len(m[1]) for w in words):
            continue  # "政府工作报告" holds 作报告: a report's name, not a verb
        if re.fullmatch(rf"(?:[\u4e00-\u9fff]*(?:{office})){'' if m['put'] else '?'}{person_name(2, 3)}", m[1]):
            # "听取代理市长陈玲芳作…": what the audience did is no part of the speaker
            heard = rf"^(?:{_alt(cues.get('heard', ()))})" if cues.get("heard") else "(?!)"
            start = max(head.rfind(c, 0, m.start()) for c in "，,。；;：:\n ") + 1
            clause = head[start:m.end()] + re.split(r"[，,。；;\n]", head[m.end():])[0]
            return re.sub(heard, "", m[1]), re.sub(heard, "", clause)
    return None


def speaker_place(text: str) -> Found | None:
    """The place in the speaker's office: "河南省人民政府省长 王凯" → 河南省."""
    cues, place = _cues(), name_pattern(load_vocab(), *ENDINGS)
    gov, office = _alt(cues.get("government", ())), _alt(cues.get("office", ()))
    for line in _head_lines(text):
        m = re.search(rf"{_BOUNDARY}({place})(?:{gov})?(?:{office})", line)
        if m and len(line) <= 40:  # an office line, not a sentence that names an office
            return Found(m[1], "报告人职务")
    return None


def opening_subject(text: str) -> Found | None:
    """The place a text's first sentence opens a clause with as its subject, what the text is about
    right after it ("今年上半年,大兴安岭地区经济社会发展进一步加快": report_cues.tsv `opening_topic`), maybe
    after the year it speaks of ("今年通辽经济技术开发区通过…": a relative year or "2013年" is no part of a name)."""
    topic = _alt(_cues().get("opening_topic", ())) or "(?!)"
    year = rf"(?:{_alt(tuple(w for w, _ in load_vocab().relative_years))}|\d{{4}}年)?"
    first = re.split(r"[。！!？?\n]", text.strip(), maxsplit=1)[0]
    m = re.search(rf"(?:^|(?<=[，,：:；;]))\s*{year}({name_pattern(load_vocab(), *ENDINGS)})(?:{topic})", first)
    if m is None or fold(m[1]) in load_vocab().suffixes():  # "高新区实现…": an ending alone names no place
        return None
    return Found(m[1], "开头一句的主语")


def framed_subject(text: str) -> Found | None:
    """The place a clause of a text's opening starts with right after a framing clause, what the text reports
    on ("今年以来,石嘴山市大武口区坚持…", "在宏观经济下行的大背景下,白城经济开发区发展…": report_cues.tsv
    `opening_frame`, one or more: "今年以来,在县委…领导下,中都街道…"). Only the first framed clause starting
    with a place-shaped word is read, and the word is a place only where jieba knows the word it opens with as
    one, or the text names it again (without its ending): "区委区政府…", "全区上下紧紧围绕市委…" are neither."""
    frame, vocab = _alt(_cues().get("opening_frame", ())) or "(?!)", load_vocab()
    clause = r"[^，,。；;！!？?\n]"
    for m in re.finditer(rf"(?:^|(?<=[。；;！!？?\n])){clause}{{0,30}}?(?:{frame})[，,]\s*"
                         rf"(?:{clause}{{0,30}}?(?:{frame})[，,]\s*)*({clause}+)", text.strip()[:PART_CHARS]):
        if not (named := re.match(name_pattern(vocab, *ENDINGS), m[1])):
            continue
        district = _district_after(m[1][named.end():], named[0], vocab)  # 石嘴山市 + 大武口区
        own = district or named[0]
        stem = own[:-len(max((e for e in vocab.suffixes(*ENDINGS) if own.endswith(e)), key=len))]
        if fold(named[0]) in vocab.suffixes() or not proper(own) \
                or not (opens_with_place_word(named[0]) or text.count(stem) >= 2):
            return None
        return Found(named[0] + district, "开头框定语之后的主语")
    return None


def _banner() -> str:  # a place's name alone, maybe with a note in brackets: a site's banner, not a title
    return rf"({name_pattern(load_vocab(), *ENDINGS)})(?:[(（][^)）]*[)）])?"


def banner_place(text: str) -> Found | None:  # "如皋高新技术产业开发区(如城街道、城南街道)" over the title
    m = next((m for line in _head_lines(text)[:2] if (m := re.fullmatch(_banner(), line))), None)
    return Found(m[1], "页面抬头") if m else None


def title_of(text: str) -> Found | None:
    """The first line that reads as a title (4 to 60 characters, no sentence end, no section number:
    "一、2018年工作回顾" opens a part of the report), not a dateline ("大众网青岛2月19日讯"), a credit ("记者 某某/文"),
    a body presenting the report ("杭州市余杭区发展和改革局"), a line wholly in brackets ("(2023年2月2日在…会议上)";
    "(云南省)…报告(2023年2月15日)" is a title), a site's banner, a printed paper's page head ("…/第 003 版高新区新闻"),
    the delivery or speaker's line (`byline`: "2025年3月21日在…会议上", "…代区长 向诗兵"), nor a section's heading by
    its words (`worded_heading`)."""
    cues, said = _cues(), byline(text)  # a session named in a headline is its title: only a dated line frames it
    framing = {said.get("speaker"), said["delivered"] if re.match(_DATE, said.get("delivered", "")) else None}
    skip = _alt(cues.get("source_label", ()) + cues.get("published_label", ()))
    credit, credit_end = _alt(cues.get("credit", ())) or "(?!)", _alt(cues.get("credit_end", ())) or "(?!)"
    dateline, body, page = _alt(dateline_words()) or "(?!)", _alt(cues.get("body", ())), _alt(cues.get("page", ()))
    not_title = rf"[(（【\[][^)）】\]]*[)）】\]]|.*{_DAY}(?:{dateline})|.*(?:{credit}).*|.*(?:{credit_end})[)）]?" \
        rf"|[\u4e00-\u9fff]+(?:{body})|{_banner()}|.*第\s*\d+\s*(?:{page or '(?!)'}).*"
    for line in _head_lines(text):
        if 4 <= len(line) <= 60 and not line.endswith(("。", "：", ":")) and not re.fullmatch(not_title, line) \
                and not re.match(rf"(?:{skip})\s*[:：]", line) and numbered_level(line) is None \
                and line.lstrip("—-－ ") not in framing and not worded_heading(line):
            return Found(_unspaced(line), "第一行标题")
    return None


def _unspaced(line: str) -> str:
    """"政 府 工 作 报 告" → "政府工作报告": a title printed letter-spaced, every character apart."""
    return re.sub(r"\s+", "", line) if re.fullmatch(r"(?:[\u4e00-\u9fff]\s+)+[\u4e00-\u9fff]", line) else line


def title_place(title: str) -> Found | None:
    title = re.sub(rf"^(?:{_alt(_cues().get('title_lead', ()))})", "", title)  # 关于泉港区… → 泉港区…
    title = re.sub(r"(\d)\s+年", r"\1年", title)  # "2020 年东宝区…" as a PDF spaces it
    vocab = load_vocab()
    m = re.search(rf"{_BOUNDARY}({name_pattern(vocab)})", title)
    if m is None or fold(m[1]) in vocab.suffixes():  # "经开区召开…": an ending alone names no place
        return None
    if visit := re.match(_alt(_cues().get("visitors", ())) or "(?!)", title[m.end(1):]):  # "湘潭县领导到天易经开区调研"
        return title_place(title[m.end(1) + visit.end():])  # names the place visited, not the visitors'
    # "实现地区生产总值…": an ending that begins a term running on past the name is the term's
    if straddled(fold(title), m.end(1), vocab):
        return None
    return Found(m[1] + _district_after(title[m.end(1):], m[1], vocab), "标题")


def _district_after(rest: str, name: str, vocab) -> str:
    """"崖州区" of "三亚市" + "崖州区第二届…": a city named right before a county or district is named
    as the level it is under, and the title is the county's. Not an ending alone (成都市高新区: the
    zone's 高新区 is no name), nor "the whole of" one (全区)."""
    if not name.endswith(vocab.suffixes("city")):
        return ""
    m = re.match(name_pattern(vocab, "county", longest=4), rest)
    if m is None or fold(m[0]).endswith(vocab.suffixes("zone")) or not proper(m[0]) \
            or straddled(fold(rest), m.end(), vocab):
        return ""
    return m[0]


def proper(name: str) -> bool:
    """Whether a place-shaped word is a proper name, not a phrase that happens to end in an ending
    ("政府工作报告提出全市"): it does not end in a word for "the whole of" or "this" before its ending
    (全市, 本县). A phrase with 的 ("备受瞩目的县") is no name already (`name_pattern`)."""
    whole = _alt(_cues().get("whole_of", ())) or "(?!)"
    return re.search(rf"(?:{whole})(?:{_alt(load_vocab().suffixes(*ENDINGS))})$", name) is None


def title_year(title: str) -> Found | None:
    """The year of a title that names the report of that year ("2024年政府工作报告", "2025年凤县
    政府工作报告"); a year a title only speaks of ("2018年南沙的成绩如何", "2018年度工作会议")
    is the year reviewed, delivered the year after or at its end, so it dates nothing."""
    report = _alt(_cues().get("year_report", ()))
    m = re.search(rf"((?:19|20)\d{{2}})\s*年(?:{name_pattern(load_vocab())})?(?:{report})", title)
    return Found(m[1], "标题中的年份") if m else None


def labelled(text: str, key: str) -> str | None:
    """The value of a "来源：…" / "时间：…" line among the first lines, also as a page's list item ("- 时间：…")."""
    labels = _alt(_cues().get(key, ()))
    for line in _head_lines(text):
        m = re.match(rf"(?:[-*·•]\s*)?(?:{labels})\s*[:：]\s*(\S.*)$", line)
        if m:
            return m[1].strip()
    return None


def infer(text: str, file_name: str, carried: dict[str, str] | None = None) -> dict[str, Found]:
    """Title, date, place and source of a report, each with where it was found; a field that
    cannot be read with confidence is left out. `carried` is what the file format itself says
    (an HTML page's title and date, a corpus file's header); it wins over what is read."""
    carried, text = {k: v for k, v in (carried or {}).items() if v}, as_read(text)
    found: dict[str, Found] = {}
    title = Found(carried["title"], "文件自带的元数据") if "title" in carried else title_of(text)
    date, place = delivery(text)
    news_date, news_place = meeting(text)
    signed_date, signed_place = sign_off(text)
    date = date or news_date or signed_date or page_date(text)
    place = next((Found(own_name(p.value), p.source) for p in (place, speaker_place(text), title_place(title.value)
                  if title else None, banner_place(text), news_place, signed_place, opening_subject(text),
                  framed_subject(text))
                  if p and proper(p.value)), None)
    if date is None:
        published = labelled(text, "published_label")
        m = re.match(_ISO, published or "") or re.search(STAMP, _head(text))  # "2012-02-28 11:43 作者:…" too
        day = meeting_day(text)  # "2月12日下午,经济开发区召开…" on a page put up 2019-02-14: that year's day
        if m and day and (int(day[0]), int(day[1])) <= (int(m[2]), int(m[3])):
            date = Found(_date(m[1], *day), "新闻开头的会议日期与页面发布时间的年份")
        elif m:
            date = Found(_date(m[1], m[2], m[3]), "页面的发布时间（不是报告日期，请核对）")
    if date is None and title is not None:
        date = title_year(title.value)
        day = meeting_day(text)
        if date is not None and day is not None and int(day[0]) >= YEAR_END_MONTH:
            # "2020年东宝区政府工作报告" opening "12月25日，…会议开幕": a report named after the year it
            # plans, delivered at the end of the year before
            date = Found(_date(str(int(date.value) - 1), *day), "标题中的年份与新闻开头的会议日期")
    date = date or ended_year(text)
    if title is not None:
        report_word = _alt(_cues().get("report_word", ()))
        if place and re.fullmatch(rf"(?:{report_word})", title.value) and date:
            # "政府工作报告" alone: say whose and which year's
            title = Found(f"{date.value[:4]}年{place.value}{title.value}", "第一行标题，补上年份和地点")
    source = labelled(text, "source_label")
    found.update({k: v for k, v in (("title", title), ("date", date), ("place", place)) if v})
    found["source"] = Found(source, "来源行") if source else Found(f"上传文件 {file_name}", "文件名")
    found.update({k: Found(v, "文件自带的元数据") for k, v in carried.items() if k in ("date", "place", "source")})
    return found
