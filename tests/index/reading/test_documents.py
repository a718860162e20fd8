"""Corpus loading: metadata header, layout repair on synthetic reports and on the real seed."""

import pytest

from index.reading.documents import CorpusError, load_corpus, load_document, parse_header
from index.reading.layout import repair
from index.text.normalise import squeeze

from conftest import ROOT
SEED = ROOT / "corpus" / "2019-kunshan-hitech-zone-work-conference.md"

HEADER = "---\ntitle: 测试区2020年工作报告\ndate: 2020-02\nplace: 测试区\nsource: 测试日报\n---\n"


def paragraphs(body: str, header: str = HEADER):
    raw = header + body
    meta, start = parse_header(raw, "test.md")
    paras = repair(raw, start)
    for p in paras:  # every repaired paragraph maps back to the source exactly
        assert "".join(raw[s:e] for s, e in p.spans) == p.text
        assert len(p.offsets()) == len(p.text)
    return paras


def texts(paras):
    return [p.text for p in paras]


# --- metadata header -------------------------------------------------------------------------

def test_header_parsed_and_body_offset():
    raw = HEADER + "\n正文第一段。\n"
    meta, start = parse_header(raw, "a.md")
    assert meta == {"title": "测试区2020年工作报告", "date": "2020-02", "place": "测试区", "source": "测试日报"}
    assert raw[start:].strip() == "正文第一段。"


@pytest.mark.parametrize("raw,message", [
    ("正文。", "缺少元数据头"),
    ("---\ntitle: t\ndate: 2019\nplace: p\nsource: s\n正文。", "没有以 --- 结束"),
    ("---\ntitle: t\ndate: 2019\nplace: p\n---\n正文。", "缺少 source"),
    ("---\ntitle: \ndate: 2019\nplace: p\nsource: s\n---\n正文。", "缺少 title"),
    ("---\ntitle: t\ndate: 19年1月\nplace: p\nsource: s\n---\n正文。", "应写作 YYYY"),
], ids=["no-header", "unclosed", "no-source", "empty-title", "bad-date"])
def test_bad_header_is_a_clear_error(raw, message):
    with pytest.raises(CorpusError, match=message) as exc:
        parse_header(raw, "bad.md")
    assert "bad.md" in str(exc.value)


def test_a_header_without_a_date_takes_the_year_its_file_name_starts_with(tmp_path):
    """Staff name files after their year ("2016-德州经开区.txt"): the report is indexed as of that
    year, and staff are told, in Chinese, that the date was read from the name."""
    path = tmp_path / "2016-某经开区.txt"
    path.write_text("---\ntitle: 某经开区经济工作会议召开\nplace: 某经开区\nsource: 合成\n---\n正文。\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert (doc.date, doc.year) == ("2016", 2016)
    assert "2016-某经开区.txt" in doc.note() and "没有日期" in doc.note() and "文件名" in doc.note()
    assert doc.info()["note"] == doc.note()
    unnamed = tmp_path / "某经开区.txt"
    unnamed.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CorpusError, match="缺少 date"):  # nothing to take a year from
        load_document(unnamed)


def test_a_dated_header_needs_no_note(tmp_path):
    path = tmp_path / "2016-某经开区.txt"
    path.write_text(HEADER + "\n正文。\n", encoding="utf-8")
    assert load_document(path).date == "2020-02" and load_document(path).note() == ""  # the header wins


@pytest.mark.parametrize("date", ["2019", "2019-01", "2019-1-5", "2019-01-05"])
def test_date_formats(date, tmp_path):
    path = tmp_path / "r.md"
    path.write_text(HEADER.replace("2020-02", date) + "\n正文。\n", encoding="utf-8")
    assert load_document(path).year == 2019


# --- layout repair on synthetic reports ---------------------------------------------------------

def test_sentence_broken_across_blank_lines_is_rejoined():
    paras = paragraphs("\n2019年，全区完成地区生产总值120亿元，同比增长\n\n\n6.5%。工业总产值突破300亿元。\n\n"
                       "第二段到此结束。\n")
    assert texts(paras) == ["2019年，全区完成地区生产总值120亿元，同比增长6.5%。工业总产值突破300亿元。",
                            "第二段到此结束。"]
    assert len(paras[0].spans) == 2  # two source pieces, joined without the blank lines


def test_broken_paragraph_over_several_pieces_and_page_whitespace():
    paras = paragraphs("\n更强的使命担当，就是始\n\n  \n\u3000\n终保持定力，咬定\n\n目标任务。\n")
    assert texts(paras) == ["更强的使命担当，就是始终保持定力，咬定目标任务。"]


def test_lines_within_a_block_are_joined_without_newlines():
    paras = paragraphs("\n在抓科创中推动经济发展高质量；\n在提颜值中推动城乡建设高质量；\n")
    assert texts(paras) == ["在抓科创中推动经济发展高质量；在提颜值中推动城乡建设高质量；"]


def test_title_block_before_first_paragraph_is_dropped():
    paras = paragraphs("\n聚焦两会\n\n测试区工作报告\n\n凝心聚力开新局\n\n► 记者 王五\n\n"
                       "2019年，全区地区生产总值120亿元。\n")
    assert texts(paras) == ["2019年，全区地区生产总值120亿元。"]
    assert paras[0].section == ()


def test_caption_interrupting_a_broken_sentence_is_dropped():
    paras = paragraphs("\n更强的使命担当，就是始\n\n图为园区夜景\n\n终保持定力，咬定目标任务。\n\n下一段。\n")
    assert texts(paras) == ["更强的使命担当，就是始终保持定力，咬定目标任务。", "下一段。"]
    assert all("园区夜景" not in t for t in texts(paras))
    assert all(p.section == () for p in paras)  # the caption did not become a heading


def test_captions_among_short_lines_between_paragraphs_are_dropped():
    paras = paragraphs("\n第一段完整结束。\n\n图为科技园奠基\n\n产业园一角\n\n机器人基地\n\n主要指标\n\n"
                       "全区一般公共预算收入15.2亿元。\n")
    assert texts(paras) == ["第一段完整结束。", "全区一般公共预算收入15.2亿元。"]
    assert paras[1].section == ("主要指标",)  # only the line that introduces the paragraph
    assert not any(c in t for t in texts(paras) for c in ("奠基", "产业园一角", "机器人基地"))


def test_captions_at_the_end_are_dropped():
    paras = paragraphs("\n最后一段完整结束。\n\n科技园一角\n\n园区远眺\n")
    assert texts(paras) == ["最后一段完整结束。"]


def test_captions_after_an_unfinished_last_paragraph_are_dropped():
    paras = paragraphs("\n最后一段在页尾断开，皓\n\n阳澄湖科技园\n\n智谷小镇\n")
    assert texts(paras) == ["最后一段在页尾断开，皓"]


def test_heading_introducing_a_paragraph_is_kept_as_section():
    paras = paragraphs("\n开头一段。\n\n主要指标\n\n第一段指标。\n\n第二段指标。\n\n"
                       "发力“全新一跃” 打造科创之城\n\n今年目标任务。\n")
    assert [p.section for p in paras] == [(), ("主要指标",), ("主要指标",),
                                          ("发力“全新一跃” 打造科创之城",)]
    assert all("主要指标" not in t for t in texts(paras))  # a heading is not paragraph text


def test_lead_in_becomes_a_sub_section():
    paras = paragraphs("\n开头一段。\n\n工作回顾\n\n在抓科创、转动能中推动经济发展高质量——新增高新技术企业45家。"
                       "建成研发中心3个。\n\n在补短板、惠民生中推动群众生活高质量——建成学校10所。\n")
    assert paras[1].lead_in == "在抓科创、转动能中推动经济发展高质量"
    assert paras[1].section == ("工作回顾", "在抓科创、转动能中推动经济发展高质量")
    assert paras[2].section == ("工作回顾", "在补短板、惠民生中推动群众生活高质量")
    assert paras[1].text.startswith("在抓科创")  # the lead-in stays in the text too


def test_lead_in_without_heading_and_non_lead_dashes():
    paras = paragraphs("\n在提颜值、塑品质中推动城乡建设高质量——新建公厕13座。\n\n"
                       "他说——这是一句很长的话。\n\n这一段很长，已经有了句号。后面——又有破折号。\n")
    assert paras[0].section == ("在提颜值、塑品质中推动城乡建设高质量",)
    assert paras[1].lead_in is None  # too short to be a lead-in
    assert paras[2].lead_in is None  # a full stop before the dash


def test_closing_quote_ends_a_sentence():
    paras = paragraphs("\n“新年要有新气象。”管凤良说，“改革是力量。”\n\n下一段。\n")
    assert texts(paras) == ["“新年要有新气象。”管凤良说，“改革是力量。”", "下一段。"]


def test_everything_together():
    paras = paragraphs(
        "\n聚焦两会\n\n测试区工作报告\n\n► 记者 王五\n\n"
        "2019年，测试区全年完成地区生产总值120亿元，同比增长\n\n6.5%。工业总产值突破300亿元。\n\n"
        "图为测试区科技园\n\n湖畔新城夜景\n\n主要指标\n\n"
        "全区一般公共预算收入15.2亿元，比上年增长8.1%。\n\n"
        "在抓创新、促转型中推动经济发展高质量——新增高新技术企业45家。\n\n"
        "2020年奋斗目标\n\n今年，力争地区生产总值达到130亿元。更强的担当，就是始\n\n图为园区夜景\n\n"
        "终保持定力，咬定目标任务。\n\n科技园一角\n\n园区远眺\n")
    assert [(p.section, p.text) for p in paras] == [
        ((), "2019年，测试区全年完成地区生产总值120亿元，同比增长6.5%。工业总产值突破300亿元。"),
        (("主要指标",), "全区一般公共预算收入15.2亿元，比上年增长8.1%。"),
        (("主要指标", "在抓创新、促转型中推动经济发展高质量"),
         "在抓创新、促转型中推动经济发展高质量——新增高新技术企业45家。"),
        (("2020年奋斗目标",), "今年，力争地区生产总值达到130亿元。更强的担当，就是始终保持定力，咬定目标任务。"),
    ]


def test_crlf_report_is_repaired_like_lf():
    body = ("\n测试区工作报告\n\n2019年，全区完成地区生产总值120亿元，同比增长\n\n6.5%。\n\n"
            "图为园区\n\n主要指标\n\n全区一般公共预算收入15.2亿元。\n")
    lf = paragraphs(body)
    crlf = paragraphs(body.replace("\n", "\r\n"), HEADER.replace("\n", "\r\n"))
    assert [(p.section, p.text) for p in crlf] == [(p.section, p.text) for p in lf]


# --- loading files -----------------------------------------------------------------------------

@pytest.mark.parametrize("name,data,message", [
    ("empty.md", b"", "文件是空的"),
    ("blank.md", " \n\t\n\u3000\n".encode(), "文件是空的"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制文件"),
    ("gbk.txt", (HEADER + "正文内容。").encode("gbk"), "不是 UTF-8 文字"),
    ("noheader.md", "只有正文，没有元数据。".encode(), "缺少元数据头"),
    ("onlyheader.md", HEADER.encode() + b"\n\n", "元数据头之后没有正文"),
    ("onlytitle.md", (HEADER + "\n标题一行\n\n另一行标题\n").encode(), "元数据头之后没有正文"),
])
def test_unloadable_files_raise_clear_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=message) as exc:
        load_document(path)
    assert name in str(exc.value)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "\n正文。\n").encode())
    doc = load_document(path)
    assert doc.title == "测试区2020年工作报告" and doc.paragraphs[0].text == "正文。"


def test_load_corpus_skips_bad_files_and_ignores_others(tmp_path):
    (tmp_path / "good.md").write_text(HEADER + "\n正文。\n", encoding="utf-8")
    (tmp_path / "also.TXT").write_text(HEADER + "\n另一篇正文。\n", encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / ".hidden.md").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x00\x01")
    (tmp_path / "sub.md").mkdir()
    docs, problems = load_corpus(tmp_path)
    assert sorted(d.doc_id for d in docs) == ["also", "good"]
    assert problems == ["empty.md：文件是空的"]


def test_missing_corpus_dir(tmp_path):
    with pytest.raises(CorpusError, match="不存在"):
        load_corpus(tmp_path / "nope")


def test_document_properties(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(HEADER + "\n正文。\n", encoding="utf-8")
    doc = load_document(path)
    assert (doc.doc_id, doc.year, doc.place, doc.date) == ("r", 2020, "测试区", "2020-02")
    assert doc.info() == {"doc_id": "r", "title": "测试区2020年工作报告", "date": "2020-02",
                          "place": "测试区", "source": "测试日报"}
    path.write_text(HEADER + "\n正文！\n", encoding="utf-8")
    assert load_document(path).content_hash != doc.content_hash


# --- the real seed ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return load_document(SEED)


def test_seed_spans_map_back(seed):
    for p in seed.paragraphs:
        assert "".join(seed.raw[s:e] for s, e in p.spans) == p.text


def test_seed_sentence_rejoined_across_page_break(seed):
    joined = [p for p in seed.paragraphs if "始终保持定力" in p.text]
    assert len(joined) == 1
    assert "更强的使命担当,就是始终保持定力,咬定目标任务" in joined[0].text
    assert len(joined[0].spans) >= 2  # it really was two pieces in the file
    assert any("以构建自主可控先进制造业体系为核心" in p.text for p in seed.paragraphs)


def test_seed_captions_dropped(seed):
    everything = "\n".join(p.text for p in seed.paragraphs)
    for caption in ("阳澄湖科技园", "智谷小镇", "中科院安全可控信息技术产业化基地奠基",
                    "小核酸及生物医药产业园", "机器人特色产业基地"):
        assert caption not in [p.text.strip() for p in seed.paragraphs]
        assert caption not in [s for p in seed.paragraphs for s in p.section]
    assert "智谷小镇\n" not in everything and not everything.rstrip().endswith("智谷小镇")
    assert "阳澄湖科技园智谷小镇" not in squeeze(everything)


def test_seed_title_block_dropped(seed):
    first = seed.paragraphs[0].text
    assert not first.startswith(("聚焦两会", "书写高质量发展满意答卷", "►"))
    assert all("► 丁宇" not in p.text for p in seed.paragraphs)


def test_seed_sections(seed):
    sections = {s for p in seed.paragraphs for s in p.section}
    assert "高质量发展先看“成绩单”" in sections
    assert "发力“全新一跃” 打造科创之城" in sections
    assert "在提颜值、塑品质中推动城乡建设高质量" in sections
    gdp = next(p for p in seed.paragraphs if "762亿元" in p.text)
    assert gdp.section == ("高质量发展先看“成绩单”",)
    target = next(p for p in seed.paragraphs if "810亿元" in p.text)
    assert target.section == ("发力“全新一跃” 打造科创之城",)
