"""What a question asks of a report's own words rather than its figures: who delivered the report,
who did what, a person's office, a count the report writes in words, the length of a streak it states, or
whether it names a part of its year."""
from __future__ import annotations

import re

from bot.answering.reading import quantity_words
from bot.answering.reading.question import Question, Term
from bot.answering.reading.typed import to_arabic
from bot.answering.vocabulary import alternation, cues, who_actions
from index.reading.opening import offices
from index.text.tokens import NUMBER
from index.text.yearpart import year_part


def asks_byline(q: Question, speaker: str = "", title: str = "") -> bool:
    """"2026年广东政府工作报告是谁作的" / "在哪次会上" / "浙江的省长叫什么": the report itself and who
    delivered it (`speaker`, e.g. "浙江省省长 刘捷", of the report titled `title`), not what it says.
    An office asks it only when the speaker holds the very office asked ("发展和改革局局长", not any
    局长); the question's other words name the report ("作计划报告的发改局长")."""
    c = cues()
    speaker = re.sub(r"\s+", "", speaker)  # "区 长 庄 红", spaced out as printed
    holds = any(w in q.normalised and w in speaker for w in offices()) and \
        all(any(f in speaker or f in title for f in t.forms) for t in q.terms if t.weight >= 1)
    about = any(w in q.normalised for w in c.get("report", ()) + c.get("delivered_by", ())) or holds
    # "是哪个区长做的": 哪个 asks a person right before an office, when the speaker holds it
    before, office = alternation(c.get("who_before_action", ())), alternation(offices())
    return about and (any(w in q.normalised for w in c.get("byline", ())) or
                      holds and bool(before and re.search(f"(?:{before})(?:{office})", q.normalised)))


def action_asked(q: Question) -> tuple[str, ...]:
    """"松山新区经济工作会议是谁主持的": the words news says the action asked with (主持, 主持会议…),
    when a who-question names one of who_actions.tsv; () otherwise."""
    return tuple(f for action in actions_named(q) for f in who_actions()[action] + (action,))


def actions_named(q: Question) -> tuple[str, ...]:
    """The actions of who_actions.tsv a who-question names ("谁主持的" 主持, "谁强调了…" 讲话)."""
    actions = who_actions()
    said = {action: _spoken((action,) + forms) for action, forms in actions.items()}
    # "是哪个主持的": 哪个 asks a person only right before the action
    before = alternation(cues().get("who_before_action", ()))
    if not (any(w in q.normalised for w in cues().get("who", ())) or
            before and re.search(f"(?:{before})(?:{'|'.join(said.values())})", q.normalised)):
        return ()
    return tuple(action for action in actions if re.search(said[action], q.normalised))


def _spoken(words: tuple[str, ...]) -> str:
    """The pattern of `words` as a question may say them, with 的 between their characters ("讲的话" is
    讲话, "作的报告" 作报告), longest first."""
    return "|".join("的?".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


def asks_when(q: Question) -> bool:
    """"打算到哪年建成千亿级经开区": the year a goal is to be reached or a thing was done (quantity_words.asks_when)."""
    return quantity_words.asks_when(q.normalised, cues())


def asks_office(q: Question) -> bool:
    """"冯琳在美兰区是干啥的", "什么职务": a person named, their office asked (question_cues.tsv
    `office_asked`)."""
    return any(w in q.normalised for w in cues().get("office_asked", ()))


def asks_person(q: Question) -> bool:
    """"谁作的报告", "党工委书记叫啥", "冯琳是干啥的": a person asked for or about, not a firm or a
    park ("哪家企业"): the answer says when, as an office is held and an action done at a time."""
    return any(w in q.normalised for w in cues().get("who", ()) + offices()) or asks_office(q) \
        or bool(action_asked(q))


def by_office_or_action(q: Question) -> bool:
    """"哪个镇长作的", "书记是谁", "谁主持": a person asked by an office they hold or an action they
    did, whom only a sentence naming them answers (not "冯琳是干啥的", a person named)."""
    return not asks_office(q) and (any(w in q.normalised for w in offices()) or bool(action_asked(q)))


def count_in_words(q: Question) -> Term | None:
    """"连续几年入选…": the count asked, as a sentence writes it in words ("连续三年", "四大特色产业"),
    a figure none of the report's figures is; None when the question asks no count (第几 is a rank,
    "这几年" the years a trend is asked over: question_cues.tsv `trend`)."""
    scope = alternation(cues().get("trend", ()))
    m = re.search(r"(?<!第)几([\u4e00-\u9fff])", re.sub(scope, "\0", q.normalised) if scope else q.normalised)
    if m is None:
        return None
    forms = tuple(n + m[1] for n in cues().get("count_numeral", ()))
    return Term(f"几{m[1]}", 1.0, forms, in_words=True)


def streak_asked(q: Question) -> re.Pattern | None:
    """"金华固投增速连续多少个月居全省前三": the length of a streak, which a sentence states as
    "连续44个月" or "连续七年" (question_cues.tsv `streak`, `streak_unit`); the pattern of such a
    statement in the unit asked, or None when the question asks no streak."""
    c = cues()
    words, units = alternation(c.get("streak", ())), alternation(c.get("streak_unit", ()))
    m = re.search(f"(?:{words})(?:{alternation(c.get('quantity', ()))})({units})", q.normalised) \
        if words and units else None
    if m is None:
        return None
    numerals = "".join(c.get("count_numeral", ())) + "百"
    return re.compile(f"(?:{words})(?:{NUMBER}|[{numerals}]+)\\s*个?{re.escape(m[1].removeprefix('个'))}")


def names_part(q: Question) -> bool:
    """Whether the question names a part of its year ("前3季度", "上半年", "1-9月"): one naming none asks
    the whole year's figure."""
    return bool(re.search(year_part(to_arabic), q.normalised))
