"""Chunking: whole sentences, never a cut inside a number, every chunk maps back to its source."""
import re

import pytest

from index import datafiles
from index.text.timelabel import RESULT, TimeLabel
from index.text.chunking import DEFAULT_MAX_CHARS, Chunk, chunk_document, split_sentences, text_hash
from index.reading.documents import load_document
from index.text.normalise import squeeze
from index.text.tokens import NUMBER
from index.text.vocabulary import load_vocab

from conftest import ROOT
SEED = ROOT / "corpus" / "2019-kunshan-hitech-zone-work-conference.md"
HEADER = "---\ntitle: 长句测试报告\ndate: 2021-01\nplace: 测试区\nsource: 合成\n---\n"
SIZES = (20, 40, 80, 120, 160, 240, 400)
# A number as the report writes it: ASCII or full-width digits, "1,000" groups, decimals, a unit.
_UNITS = "|".join(re.escape(u) for u in load_vocab().units)
RAW_NUMBER = re.compile(rf"(?:{NUMBER})(?:{_UNITS})?")


def long_report() -> str:
    """Long sentences full of numbers next to the clause commas where a cut may fall."""
    clauses = []
    for i in range(1, 41):
        clauses.append(f"第{i}项指标完成{i * 37 % 1000 + 0.5}亿元")
        clauses.append(f"增长{i % 9}.{i % 7}%")
        clauses.append(f"新增绿地{i}.{i % 10}万平方米")
        clauses.append(f"投入资金1,{i:03d},000元")
    sentence_a = "，".join(clauses[:60]) + "。"                         # ~900 chars, Chinese commas
    sentence_b = ",".join(clauses[60:]) + "；"                          # ASCII commas, "1,040,000" inside
    sentence_c = "全年实现１２．６億元，增長７．１％，" * 12 + "完成任务。"  # full-width / Traditional
    no_comma = "这是一个没有任何逗号的长句子并且其中包含数字762亿元和23.6万平方米" * 4 + "。"
    broken = f"跨页断开的长句开头{sentence_a[:100]}"
    return (HEADER + "\n长句测试报告\n\n" + sentence_a + sentence_b + "\n\n" + sentence_c + no_comma
            + "\n\n小标题\n\n" + broken + "\n\n图为园区\n\n" + sentence_a[100:300] + "。\n\n短句。\n")


@pytest.fixture(scope="module")
def seed():
    return load_document(SEED)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "long.md"
    path.write_text(long_report(), encoding="utf-8")
    return load_document(path)


def assert_chunks_sound(doc, chunks: list[Chunk], max_chars: int):
    raw = doc.raw
    numbers = [m.span() for m in RAW_NUMBER.finditer(raw)]
    for c in chunks:
        # the exact source text, piece by piece
        assert "".join(raw[s:e] for s, e in c.spans) == c.text, c.chunk_id
        assert c.spans and all(s < e for s, e in c.spans)
        assert all(a[1] <= b[0] for a, b in zip(c.spans, c.spans[1:])), "spans out of order"
        assert c.text.strip()
        # no chunk edge falls strictly inside a number (with its unit)
        for s, e in numbers:
            assert not (s < c.start < e or s < c.end < e), (c.chunk_id, raw[s:e], c.text[:30])
    # nothing of the repaired text is lost or duplicated
    assert squeeze("".join(c.text for c in chunks)) == squeeze("".join(p.text for p in doc.paragraphs))
    assert [c.chunk_id for c in chunks] == [f"{doc.doc_id}#{i}" for i in range(len(chunks))]


@pytest.mark.parametrize("max_chars", SIZES)
def test_seed_chunks_map_back_and_keep_numbers_whole(seed, max_chars):
    assert_chunks_sound(seed, chunk_document(seed, max_chars), max_chars)


@pytest.mark.parametrize("max_chars", SIZES)
def test_long_synthetic_report(synthetic, max_chars):
    chunks = chunk_document(synthetic, max_chars)
    assert_chunks_sound(synthetic, chunks, max_chars)
    for number in ("1,040,000元", "１２．６億元", "７．１％", "762亿元", "23.6万平方米"):
        assert any(number in c.text for c in chunks)


_CUT = re.compile(r"[。！？!?；;…，、]|,(?!\d)|(?<!\d),")


_LINKED = re.compile(rf"^.*[，,]\s*(?:{'|'.join(datafiles.table(datafiles.INDEX_DATA / 'clause_links.tsv')['back'])})[^，,。；;]*")


def over_long(chunks, max_chars):
    """Chunks longer than max_chars although they hold a sentence or clause boundary to cut at (not
    before a clause giving its figures to those before it: "…,分别增长7%、11%、6.3%")."""
    return [(len(c.text), c.text) for c in chunks
            if len(c.text) > max_chars and _CUT.search(_LINKED.sub("", c.text).rstrip("。！？!?；;…，、,”’」』）)\""))]


def test_chunks_fit_max_chars_unless_one_uncuttable_clause(seed, synthetic):
    problems = {m: over_long(chunk_document(seed, m), m) for m in (80, 120, 160, 240, 400)}
    problems.update({f"synthetic-{m}": over_long(chunk_document(synthetic, m), m) for m in SIZES})
    assert not {k: v for k, v in problems.items() if v}


def test_chunk_spans_cross_page_breaks(seed):
    chunk = next(c for c in chunk_document(seed) if "始终保持定力" in c.text)
    assert len(chunk.spans) >= 2
    assert "".join(seed.raw[s:e] for s, e in chunk.spans) == chunk.text
    assert "\n" not in chunk.text


def test_captions_not_in_seed_chunks(seed):
    chunks = chunk_document(seed)
    for caption in ("阳澄湖科技园", "智谷小镇", "机器人特色产业基地"):
        assert caption not in [c.text.strip() for c in chunks]
    assert all(not c.text.endswith(("阳澄湖科技园", "智谷小镇")) for c in chunks)


def test_default_size_and_whole_sentences(seed):
    chunks = chunk_document(seed)
    assert DEFAULT_MAX_CHARS == 120  # bench_index.py --parts chunks: best MRR at equal hit@3
    assert all(len(c.text) <= 2 * DEFAULT_MAX_CHARS for c in chunks)
    gdp = next(c for c in chunks if "762亿元" in c.text)
    assert "2018年,昆山高新区全年完成地区生产总值762亿元,增长7.1%" in gdp.text
    assert gdp.section == ("高质量发展先看“成绩单”",)


def test_sentences_are_not_cut_when_they_fit(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(HEADER + "\n第一句话有十个字了。第二句话也有十个字。第三句！第四句？\n", encoding="utf-8")
    doc = load_document(path)
    chunks = chunk_document(doc, max_chars=20)
    assert [c.text for c in chunks] == ["第一句话有十个字了。第二句话也有十个字。", "第三句！第四句？"]


def test_split_sentences_keeps_terminators_and_closers():
    text = "“改革是力量。”他说。好！结尾没有句号"
    assert [text[s:e] for s, e in split_sentences(text)] == ["“改革是力量。”", "他说。", "好！", "结尾没有句号"]


def test_embed_text_and_hash():
    c = Chunk("d#0", "d", "正文。", ("标题", "小标题"), ((0, 3),), TimeLabel(2019, "target"))
    assert c.embed_text() == "标题 / 小标题：正文。"
    assert c.content_hash == text_hash("标题 / 小标题：正文。")
    bare = Chunk("d#1", "d", "正文。", (), ((0, 3),))
    assert bare.embed_text() == "正文。" and bare.content_hash != c.content_hash
    assert (c.start, c.end) == (0, 3)




def _labels(tmp_path, *lines: str) -> dict:
    """Each sentence's time label, in a 2026 province report of `lines` (a paragraph each)."""
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: 2026年某省政府工作报告\ndate: 2026-01-26\nplace: 某省\nsource: 测试\n---\n"
                    + "".join(lines), encoding="utf-8")
    return {s.strip(): tl for c in chunk_document(load_document(path)) for s, tl in c.labelled_sentences()}


def test_a_paragraph_opening_with_one_year_of_a_period_speaks_of_that_year(tmp_path):
    """Under "一、“十四五”时期回顾", "刚刚过去的2025年，…" gives its sentences 2025, not 2021—2025;
    the five years' paragraph keeps the period."""
    labels = _labels(tmp_path,
                     "一、“十四五”时期经济社会发展回顾\n"
                     "这五年，全省生产总值年均增长5.5%。\n"
                     "刚刚过去的2025年，我们顶住压力。全省生产总值增长5.6%，一般公共预算收入增长2%。\n"
                     "加强科技创新，驱动能源转型。全年规上原煤产量13.05亿吨、增长2.1%。\n"
                     "回顾过去五年发展历程，我们深切体会到，城镇新增就业累计200万人。\n")
    assert (labels["全省生产总值增长5.6%，一般公共预算收入增长2%。"].year,
            labels["全省生产总值增长5.6%，一般公共预算收入增长2%。"].span) == (2025, None)
    assert labels["这五年，全省生产总值年均增长5.5%。"].span == (2021, 2025)
    # the paragraphs after it speak of 2025 too, until one opens by naming the period again
    assert (labels["全年规上原煤产量13.05亿吨、增长2.1%。"].year, labels["全年规上原煤产量13.05亿吨、增长2.1%。"].span) \
        == (2025, None)
    assert labels["回顾过去五年发展历程，我们深切体会到，城镇新增就业累计200万人。"].span == (2021, 2025)


def test_under_a_title_of_a_year_and_its_period_a_paragraph_naming_the_period_speaks_of_it(tmp_path):
    """Under "一、“十四五”时期和2025年工作回顾", the paragraphs from "“十四五”时期…" on, in the
    subsections too, give the period's figures (2021—2025), not 2025's, until one names the year."""
    labels = {s: (tl.year, tl.span) for s, tl in _labels(tmp_path,
                     "一、“十四五”时期和2025年工作回顾\n"
                     "全省生产总值增长5.4%。\n"
                     "“十四五”时期是极不平凡的五年。\n"
                     "新建改造高标准农田3167万亩，森林覆盖率提高1.43个百分点。\n"
                     "（一）民生福祉不断增进\n"
                     "城镇新增就业超690万人。\n"
                     "各位代表，刚刚过去的2025年很不平凡。\n"
                     "城镇新增就业121.7万人。\n"
                     "过去五年，粮食总产量稳定在1300亿斤以上。\n"
                     "过去一年，新建改造高标准农田600万亩。\n").items()}
    period, year = (None, (2021, 2025)), (2025, None)
    assert labels["全省生产总值增长5.4%。"] == year  # before the period is named, the year's
    assert labels["新建改造高标准农田3167万亩，森林覆盖率提高1.43个百分点。"] == period
    assert labels["城镇新增就业超690万人。"] == period  # a subsection whose title says nothing of time
    assert labels["城镇新增就业121.7万人。"] == year  # "各位代表，" is passed over to the year it names
    assert labels["过去五年，粮食总产量稳定在1300亿斤以上。"] == period
    assert labels["过去一年，新建改造高标准农田600万亩。"] == year


def test_under_a_review_title_naming_no_time_a_paragraph_naming_a_period_speaks_of_it(tmp_path):
    """Under "一、工作回顾", "“十四五”时期是…的五年" opens the period's paragraphs; a plan's period
    named in a review ("“十五五”开好局") does not."""
    labels = {s: (tl.year, tl.span) for s, tl in _labels(tmp_path,
                     "一、工作回顾\n"
                     "全省粮食总产量达到871.6亿斤。\n"
                     "“十四五”时期是攻坚克难的五年。\n"
                     "这五年，建设高标准农田2556万亩。\n"
                     "城镇新增就业124.27万人。\n"
                     "过去一年，城镇新增就业25万人。\n"
                     "“十五五”要开好局，全省高技术制造业增长8%。\n").items()}
    period, year = (None, (2021, 2025)), (2025, None)
    assert labels["全省粮食总产量达到871.6亿斤。"] == year
    assert labels["这五年，建设高标准农田2556万亩。"] == period
    assert labels["城镇新增就业124.27万人。"] == period
    assert labels["过去一年，城镇新增就业25万人。"] == year
    assert labels["“十五五”要开好局，全省高技术制造业增长8%。"] != period


def test_a_title_saying_nothing_of_time_keeps_the_passages_label_but_an_appendix_does_not(tmp_path):
    """News with topical subtitles: "经济运行保持健康稳定增长" does not undo the "2023年，…" before it."""
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: 7组数据看某高新区发展\ndate: 2024-04-29\nplace: 某高新区\nsource: 测试\n---\n"
                    "2023年，某高新区向高而攀、向新而行，交出一份亮眼成绩单。\n"
                    "经济运行保持健康稳定增长\n"
                    "全年GDP增长6.6%。\n"
                    "附件 名词解释\n"
                    "1.“四上”企业：年主营业务收入2000万元及以上的工业企业。\n", encoding="utf-8")
    labels = {s.strip(): tl for c in chunk_document(load_document(path)) for s, tl in c.labelled_sentences()}
    assert (labels["全年GDP增长6.6%。"].year, labels["全年GDP增长6.6%。"].kind) == (2023, RESULT)
    assert labels["1.“四上”企业：年主营业务收入2000万元及以上的工业企业。"].kind is None


@pytest.mark.parametrize("max_chars", [DEFAULT_MAX_CHARS, 40])
def test_a_sentence_with_only_weak_cue_words_continues_the_sentence_naming_its_year(tmp_path, max_chars):
    """In an article without sections, "新增城镇就业1.65万人，完成能耗强度降低任务" after "2024年主要预期
    目标为：…" is one more 2024 target (完成, 新增 are said of plans too), not a 2023 result; so in a
    chunk of its own (max_chars=40), and the review sentence naming 2023 keeps its year."""
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 某高新区2024年工作动员大会召开\ndate: 2024-02-23\nplace: 某高新区\nsource: 测试\n---\n"
                    "2023年，全区地区生产总值达到1767.3亿元，同比增长7.3%。会议提出，2024年主要预期目标为："
                    "地区生产总值增长7%，一般公共预算收入增长7.5%。新增城镇就业1.65万人，完成能耗强度降低任务。\n",
                    encoding="utf-8")
    labels = {s.strip(): tl for c in chunk_document(load_document(path), max_chars)
              for s, tl in c.labelled_sentences()}
    assert (labels["新增城镇就业1.65万人，完成能耗强度降低任务。"].year,
            labels["新增城镇就业1.65万人，完成能耗强度降低任务。"].kind) == (2024, "target")
    assert (labels["2023年，全区地区生产总值达到1767.3亿元，同比增长7.3%。"].year,
            labels["2023年，全区地区生产总值达到1767.3亿元，同比增长7.3%。"].kind) == (2023, RESULT)


def test_an_over_long_sentence_is_not_cut_before_a_clause_giving_its_figures_to_those_before(tmp_path):
    """"…,分别较2009年增长48.36%、104%" says the change of each figure before it: cut from them, it
    would say nobody's change (index/data/clause_links.tsv)."""
    listed = ("全年共实现工业产值3.83亿元、销售收入3.67亿元、税收3819万元,完成固定资产投资7.52亿元,"
              "分别较2009年增长48.36%、104%、59.13%、114.97%")
    path = tmp_path / "s.md"
    path.write_text(HEADER + "\n2010年,开发区经济指标大幅攀升,各项经济指标均超额完成年初预定目标任务,"
                    + listed + ",招商引资实现新突破,园区面貌焕然一新。\n", encoding="utf-8")
    chunks = chunk_document(load_document(path), max_chars=80)
    assert any(listed in c.text for c in chunks)
    assert any(c.text.startswith("招商引资") for c in chunks)  # cut after it as before
