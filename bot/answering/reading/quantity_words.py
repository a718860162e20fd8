"""What a question's quantity words ask: the unit said after one ("几倍", "多少亿元") and the cue words of another
unit group that are only its start ("增长了几" of "增长了几倍" asks a multiple, not a rate); and the count a list is
asked with ("从哪6个方面", "哪十个", "哪10件"; question_cues.tsv `list_count` is the word before it): it asks a list,
however the count is written, in figures or in words; and it is no topic, as a report writes the count its own way
("等6方面", "十件民生实事") or not at all. One asks a name ("哪一家"). A count asked in people is answered in people.
A year asked ("哪年建成", "啥时候设的") is no figure of a metric: the sentence tying one to what is asked answers."""
from __future__ import annotations

import re

from bot.answering.vocabulary import alternation, cues, list_marks, unit_group, unit_groups
from index.text.vocabulary import Vocab


def unit_said(text: str, c: dict[str, tuple[str, ...]], vocab: Vocab) -> re.Match | None:
    """The first quantity word and the unit after it ("几倍") whose unit group is known, else None."""
    m = re.search(f"(?:{alternation(c.get('quantity', ()))})({alternation(vocab.units)})", text)
    return m if m and unit_group(m.group(1)) else None


def asks_people(question: str) -> bool:
    """Whether a question asks its counts in people ("多少人", "几个人", question_cues.tsv `people_unit`): only a
    figure in people answers it, never a count of villages or firms ("116个贫困村全部出列"). A question
    counting other things too ("几家企业,带动多少人") leaves each part its own unit."""
    people = cues().get("people_unit", ())
    counted = rf"(?:{alternation(cues().get('quantity', ()))})(个?(?:{alternation(people)})|{alternation(unit_groups()['count'])})"
    said = [m.group(1) for m in re.finditer(counted, question)]
    return bool(said) and all(counts_people(u) for u in said)


def asks_completion(question: str) -> bool:
    """Whether a question asks the share of its target a result reached ("完成全年任务的百分之几了"): an `attained`
    cue and an `attained_share` one (question_cues.tsv). Only a share its report states answers it."""
    c = cues()
    return any(w in question for w in c.get("attained", ())) and any(w in question for w in c.get("attained_share", ()))


def counts_people(unit: str) -> bool:
    """Whether a figure in `unit` counts people ("11000人", "10名")."""
    return any(unit.endswith(u) for u in cues().get("people_unit", ()))


def cue_said(text: str, words: tuple[str, ...], said: re.Match | None) -> bool:
    """Whether one of `words` stands in `text` other than as the start of the unit `said`: "几个点" says a
    rate past the "几个" it holds; "增长了几", ending inside "几倍", says none."""
    return any(not (said and said.start() < m.end() <= said.end())
               for w in words for m in re.finditer(re.escape(w), text))


def count_asked(c: dict[str, tuple[str, ...]]) -> str:
    """The pattern of a list's count asked, with its counter when one follows ("哪6个方面", "哪十件"); ""
    when no word asks one."""
    asker = alternation(c.get("list_count", ()))
    if not asker:
        return ""
    numerals = "".join(c.get("count_numeral", ()))
    counters = alternation(list_marks().get("counter", ()) + c.get("measure_word", ()))
    return rf"(?:{asker})(?!1(?!\d)|一)[\d{numerals}]+(?:{counters})?"


def asks_list(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """Whether `text` asks a list by its count ("江西的民生实事是哪10件")."""
    pattern = count_asked(c)
    return bool(pattern and re.search(pattern, text))


def asks_when(text: str, c: dict[str, tuple[str, ...]]) -> bool:
    """"打算到哪年建成千亿级经开区", "哪年批准设立的": the year a goal is to be reached or a thing was done, a when
    word (question_cues.tsv `when`) with a verb of reaching or doing (`when_reached`) at most three characters after it."""
    when, reached = alternation(c.get("when", ())), alternation(c.get("when_reached", ()))
    return bool(when and reached and re.search(f"(?:{when}).{{0,3}}?(?:{reached})", text))
