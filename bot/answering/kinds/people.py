"""Who-answers: the clause of a sentence that names the person asked about, by their name, their
office or the action asked (bot.answering.compose's who branch)."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.evidence import coverage, pairs
from bot.answering.facts import segments
from bot.answering.reading.question import Question
from bot.answering.vocabulary import alternation, cues, who_actions
from bot.answering.wording import focus
from index.reading.opening import offices
from index.reading.persons import dotted, is_dotted
from index.text.tokens import default_tokenizer

NAME = (2, 3)  # characters of a Chinese name said without an office ("孙述涛", "张惠")
SPOKEN_OF = 8  # characters at most between a speech and what makes it one spoken of ("讲话和重要指示批示精神")


def named(sentence: str, q: Question) -> str:
    """For a name asked ("哪个实验室进了国家实验室体系"): the clause that alone covers what the
    sentence covers, with the clause before it (where the name often stands), not the other names
    the sentence goes on to list; the focused sentence when no one clause covers it, or when the
    sentence opens with it."""
    segs = segments(sentence)
    scores = [coverage(q, s)[0] for s in segs]
    asked = pairs(q.normalised)
    # equal cover: the clause sharing more of the question's wording ("苏州市级独角兽")
    best = max(range(len(segs)), key=lambda i: (scores[i], len(asked & pairs(segs[i])))) if segs else 0
    # a sentence that opens with what is asked about names it later ("在…工作会议上，…管凤良表示"),
    # unless what is asked is an office whose holder its clause goes on to name ("管委会主任白开文出席")
    if not segs or best == 0 and not _holder_named(segs[0], q) or scores[best] < coverage(q, sentence)[0]:
        return focus(sentence, q)
    # a clause naming the office asked with its holder after it ("代市长陈吉明作报告") is the
    # answer alone: the clause before names someone else ("执行主席周喜安主持开幕大会")
    if _holder_named(segs[best], q):
        return _from_holder(segs[best], q)
    return "，".join(segs[max(0, best - 1):best + 1])


def _from_holder(clause: str, q: Question) -> str:
    """`clause` without another person named with the holder of the office asked, before or after them
    (`person_joiner`: "党工委书记杜伟与…管委会主任何焕全一起到企业调研": the director asked is 何焕全, not 杜伟)."""
    office = _office_asked(q)
    at, joiners = clause.find(office), cues().get("person_joiner", ())
    start = max((clause.rfind(w, 0, at) for w in joiners), default=-1)
    start = start + 1 if start > 0 and names_person(clause[:start]) else 0
    end = min((i for w in joiners if (i := clause.find(w, at + len(office))) > 0), default=len(clause))
    return clause[start:end if names_person(clause[end + 1:]) else len(clause)]


def _holder_named(clause: str, q: Question) -> bool:
    """Whether `clause` names the office asked about (as one phrase: "管委会主任", not "管委会副主任";
    the longest office of report_cues.tsv the question says) with words after it, where its holder
    stands; said of a deputy ("党工委副书记") only where the question says it so."""
    office = _office_asked(q)
    return bool(office) and any(at < len(clause) - len(office) for at in _held_at(clause, q, office))


def holds_another(window: str, q: Question) -> bool:
    """Whether `window` says the office asked only as another's: a deputy's where the question asks the
    office itself ("凌云县长是谁": "凌云县委常委、副县长黄金亮" names no 县长), or the office itself
    where the question asks the deputy's."""
    office = _office_asked(q)
    return bool(office) and office in window and not _held_at(window, q, office)


def _office_asked(q: Question) -> str:
    """The longest office of report_cues.tsv the question says ("管委会主任", not "主任"); "" for none."""
    return max((o for o in offices() if o in q.normalised), key=len, default="")


def _held_at(text: str, q: Question, office: str) -> list[int]:
    """Where `text` says `office` as the question asks it: a deputy's only where the question says so."""
    asked = _deputy(q.normalised, q.normalised.find(office))
    return [m.start() for m in re.finditer(re.escape(office), text) if _deputy(text, m.start()) == asked]


def _deputy(text: str, at: int) -> bool:
    """Whether the office at `at` of `text` is a deputy's (question_cues.tsv `deputy`: "党工委副书记")."""
    return text[:at].endswith(cues().get("deputy", ()) or ("\0",))


def acted(sentence: str, forms: tuple[str, ...], text: str = "") -> str | None:
    """The clauses of `sentence` from a person's office and name to where they do the action asked
    (`forms`): "区工委副书记、管委会常务副主任邢恩国主持了会议", "市长唐良智希望…，强调行动第一", or
    the clause alone where a name alone is its subject ("孙述涛宣布大会开幕"); None when no clause
    saying it has an office with a name before the action, in it or in the two clauses before, nor a
    name alone: one jieba knows, or one `text` (the whole news) gives an office ("卫华指出" where it says
    "市长卫华"). A headline's clauses stand apart by spaces ("…会议开幕 孙述涛宣布大会开幕")."""
    segs = [part for seg in segments(sentence) for part in seg.split()]
    for i, clause in enumerate(segs):
        at = _done_at(clause, forms)
        if at < 0:
            continue
        if all(_name_alone(name) or _holds_office(name, text) for name in clause[:at].split("、")):  # "马强、冯琳指出"
            return clause
        for j in range(i, max(-1, i - 3), -1):
            if _names_holder(segs[j][:at] if j == i else segs[j], cues().get("official", ())):
                return "，".join(segs[j:i + 1])
    return None


def by_pronoun(sentence: str, forms: tuple[str, ...]) -> str | None:
    """The clause of `sentence` where a pronoun does the action asked ("他强调，松山湖升级…"), from the
    pronoun on; None when none does."""
    for clause in segments(sentence):
        at = _done_at(clause, forms)
        if at > 0 and clause[:at] in cues().get("pronoun", ()):
            return "，".join(segments(sentence[sentence.find(clause):]))
    return None


def last_named(sentences: list[str], forms: tuple[str, ...]) -> str | None:
    """Whom a pronoun names: the clause of the last of `sentences` where a person does the action asked
    or any other ("市委常委、常务副市长冷晓明出席大会并发表讲话"), or holds an office; None when none does."""
    for sentence in reversed(sentences):
        if clause := acted(sentence, forms) or acted(sentence, every_action()) or \
                next((c for c in segments(sentence) if _names_holder(c)), None):
            return clause
    return None


def every_action() -> tuple[str, ...]:
    """The words news says any action of who_actions.tsv with."""
    return tuple(f for forms in who_actions().values() for f in forms)


def _done_at(clause: str, forms: tuple[str, ...]) -> int:
    """Where `clause` first says the action (`forms`) is done, -1 where it does not: a speech spoken of
    ("习近平总书记…重要讲话精神": question_cues.tsv `spoken_of` after it) is none done at the meeting."""
    of = alternation(cues().get("spoken_of", ()))
    return min((m.start() for f in forms for m in re.finditer(re.escape(f), clause)
                if not (of and re.match(f".{{0,{SPOKEN_OF}}}?(?:{of})", clause[m.end():]))), default=-1)


def alone(clause: str, forms: tuple[str, ...], text: str = "") -> str:
    """The name alone that does the action in an acted clause ("马强主持会议" → 马强, as `acted` knows
    names by `text`); "" where an office stands with it ("县委书记马强主持会议")."""
    at = _done_at(clause, forms)
    return clause[:at] if at > 0 and (_name_alone(clause[:at]) or _holds_office(clause[:at], text)) else ""


def names_person(window: str) -> bool:
    """Whether `window` names a person: an office with their name after it ("县长杜江涛"), or a name
    ("孙述涛", "阿迪力·哈斯木"); "我代表镇人民政府向大会报告政府工作" names nobody."""
    if _names_holder(window) or re.search(dotted(), window):
        return True
    return any(w.flag == "nr" and NAME[0] <= len(w.word) <= NAME[1] for w in _tagger().cut(window))


def _names_holder(text: str, titles: tuple[str, ...] = ()) -> bool:
    """Whether `text` names an office (any of report_cues.tsv, or of `titles`) with words after it,
    where its holder's name stands."""
    return any(0 <= text.find(o) < len(text) - len(o) for o in offices() + titles)


def _name_alone(text: str) -> bool:
    """Whether `text` is a person's name and nothing else ("孙述涛", "阿迪力·哈斯木"; not "会议",
    "大会秘书处"). A dotted name is one by its shape: jieba knows few of them."""
    if is_dotted(text):
        return True
    if not NAME[0] <= len(text) <= NAME[1] or not re.fullmatch(r"[\u4e00-\u9fff]+", text):
        return False
    words = list(_tagger().cut(text))
    return len(words) == 1 and words[0].flag == "nr"


def _holds_office(name: str, text: str) -> bool:
    """Whether `name`, of a name's length, stands right after an office in `text` ("市长卫华")."""
    return NAME[0] <= len(name) <= NAME[1] and any(o + name in text for o in offices())


@lru_cache(maxsize=1)
def _tagger():
    import jieba.posseg  # only when a who-question names an action

    return jieba.posseg.POSTokenizer(tokenizer=default_tokenizer().jieba)


def masked_newcomer(window: str, q: Question) -> str:
    """For a question asking who newly took an office ("4月新上任的旗委书记叫什么", question_cues.tsv `newcomer`):
    the mask `window` names that person by ("旗委书记:陶格陶(蒙古族 4月离任) ***(4月任职)": the name before the
    note saying so, `took_office`, written in `name_mask` characters alone or after a surname: "***", "王某"), no
    name to give, nor is the one leaving; "" where the question asks no newcomer or the newcomer is named."""
    c = cues()
    if not any(w in q.normalised for w in c.get("newcomer", ())):
        return ""
    mask = "".join(map(re.escape, c.get("name_mask", ())))
    for m in re.finditer(r"([^\s:：,，、;；()（）]+)\s*[(（]([^)）]*)[)）]", window):
        if mask and any(w in m[2] for w in c.get("took_office", ())) and re.fullmatch(
                rf"[\u4e00-\u9fff]?[{mask}]+", m[1]):
            return m[1]
    return ""


def office_held(sentence: str, name: str) -> str | None:
    """The clause of `sentence` that gives `name` an office right before or after it ("美兰区委副书记、
    区长冯琳代表区政府向大会作工作报告", "冯琳区长说"); None when no clause does. An office before a
    list of names is all of theirs ("执行主席孙立涛、刘某某"), none's own."""
    for clause in segments(sentence):
        for m in re.finditer(re.escape(name), clause):
            before, after = clause[:m.start()], clause[m.end():]
            if before.endswith(offices()) and not after.startswith("、") or after.startswith(offices()):
                return clause
    return None
