"""What a sentence says of the things the sentences before it name, without naming them again: a sentence opening on
a bare measure ("总投资678亿元") measures the projects named before it; the prose leading into a figure names what it
is of ("…脱贫攻坚取得决定性战果。举全县之力…。制定…等系列文件,统筹投入各项资金37.7亿元")."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.facts import segments, values_in
from bot.answering.reading.metric_forms import metric_forms
from bot.answering.vocabulary import alternation, figure_words
from index.search.searcher import Hit
from index.text.chunking import Chunk
from index.text.normalise import fold
from index.text.tokens import default_tokenizer
from index.text.vocabulary import Vocab, load_vocab

_YEAR = re.compile(r"(?:19|20)\d{2}年")  # a date's year: "项目一期预计2020年底全部竣工" states when
SUBJECTLESS = 2  # characters beside its verb a clause opening on it may hold before its measure (累计完成投资)


def carried(hit: Hit, i: int) -> str:
    """The things the sentence before names in its paragraph (figure_words.tsv `measured_thing`), with the words
    qualifying them, for the `i`th sentence of the hit's chunk when it opens on a bare measure (`measure`: "…实施投资
    亿元以上重大项目125个。总投资678亿元"): what it measures is theirs, so a question naming them ("重大项目总投资
    多少") finds it. Not a part of them (`part`: "其中工业项目83个"); "" for a sentence with a subject of its own."""
    words, chunk = figure_words(), hit.chunk
    things, measures = alternation(words.get("measured_thing", ())), alternation(words.get("measure", ()))
    start, end, _ = chunk.sentences[i]
    # the paragraph's sentence before: the chunk's, or the last of the chunk it goes on from
    before = chunk if i else preceding(hit)
    if before is None or not before.sentences or not things or not measures:
        return ""
    a, b, _ = before.sentences[i - 1] if i else before.sentences[-1]
    first = fold(segments(chunk.text[start:end])[0])
    m = re.search(measures, first)
    if m is None or not subjectless(first[:m.start()]) or i and "\n" in chunk.text[b:start]:
        return ""
    parts = words.get("part", ())
    named = (n for seg in segments(fold(before.text[a:b])) if not seg.startswith(parts)
             for n in re.findall(rf"[\u4e00-\u9fff]*(?:{things})", re.sub(measures, "\0", seg)))
    return "".join(f"\0{n}" for n in named)


def led_in(hit: Hit, i: int) -> str:
    """For the `i`th sentence of the hit's chunk when it states a figure or a year, the sentences right before it in its
    paragraph (in the chunk, and the chunk it goes on from) that state none, back to the last that does: the prose leading
    into a figure names what it is of ("…脱贫攻坚取得决定性战果。举全县之力，向贫困发起总攻。制定…等系列文件,统筹投入各项
    资金37.7亿元": 脱贫攻坚's 37.7亿元; "…电子信息产业园分两期开展建设。项目一期预计2020年底全部竣工"). Not past one naming
    things joined (figure_words.tsv `things_joined`: "培育壮大新兴产业和未来产业。"), as what follows speaks of one of them;
    metric names masked: a figure is of a metric only where its own sentence names it."""
    chunk, before = hit.chunk, preceding(hit)
    own = chunk.text[chunk.sentences[i][0]:chunk.sentences[i][1]]
    if not (values_in(own) or _YEAR.search(own)):
        return ""
    ahead = before.text if before is not None else ""  # the chunk goes on right where the one before ends
    spans = [(a, b) for a, b, _ in before.sentences] if before is not None else []
    text, spans = ahead + chunk.text, spans + [(len(ahead) + a, len(ahead) + b) for a, b, _ in chunk.sentences[:i]]
    start, led = len(ahead) + chunk.sentences[i][0], []
    joined = set(figure_words().get("things_joined", ()))
    for a, b in reversed(spans):
        said = text[a:b]
        if values_in(said) or "\n" in text[b:start] or joined & set(default_tokenizer().jieba_for(said).lcut(said)):
            break
        led.append(fold(said))
        start = a
    return "".join("\0" + _masked(load_vocab()).sub("\0", s) for s in reversed(led))


def preceding(hit: Hit) -> Chunk | None:
    """The chunk the hit's goes on from in its paragraph, where it is the one right before it (a hit may be given
    another chunk of the paragraph it was retrieved in, with the `before` of the chunk retrieved)."""
    before, chunk = hit.before, hit.chunk
    return before if before is not None and before.doc_id == chunk.doc_id and before.end == chunk.start else None


@lru_cache(maxsize=4)
def _masked(vocab: Vocab) -> re.Pattern:
    """Every metric name, longest first, as one pattern."""
    return re.compile("|".join(map(re.escape, sorted(metric_forms(vocab), key=len, reverse=True))) or "$^")


def subjectless(opening: str) -> bool:
    """Whether the words of a clause before its measure are its verb (`reach`, `name_verb`) and a word at most
    ("累计完成投资", "总投资"): the clause names no subject of its own."""
    verbs = alternation(figure_words().get("reach", ()) + figure_words().get("name_verb", ()))
    return len(re.sub(verbs, "", opening) if verbs else opening) <= SUBJECTLESS
