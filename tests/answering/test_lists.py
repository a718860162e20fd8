"""List questions ("今年要办哪些为民实事", "重点抓哪几方面工作"): the enumeration of the topic asked,
all its items each by its head, their count, within the length a list answer may take; and a
refusal where nothing is about the topic. Hand-made reports: no model, no index on disk."""
from __future__ import annotations

import pytest
from handmade import asked_over, paragraphs_index

from bot.answering import wording
from bot.answering.compose import Composer
from bot.answering.kinds import lists
from bot.answering.reading.question import Shape, parse
from bot.answering.reports import Reports
from bot.answering.settings import AnswerSettings
from index.text.timelabel import RESULT, TARGET, TimeLabel

DOC = {"doc_id": "t-2026", "title": "2026年测试省政府工作报告", "date": "2026-01", "place": "测试省"}
PLAN = ("三、2026年工作安排",)
# (section, text): paragraphs are told apart by a break between their chunks
PARAGRAPHS = [
    (PLAN, ["办好民生实事，加强养老、托育、就业等服务保障。"]),
    (PLAN, ["持续办好为民实事。一是增补义务教育学位2万个，支持20所普通高中改善办学条件。",
            "二是建设100个乡镇综合养老服务中心。三是免费实施1万名老年人白内障复明工程。",
            "民生无小事，我们将继续加力。"]),
    (PLAN, ["重点做好三个方面工作："]),
    (PLAN, ["（一）充分挖掘内需潜力，推动经济稳定增长"]),
    (PLAN, ["促进消费扩容升级。持续扩大有效投资。"]),
    (PLAN, ["（二）强化创新驱动发展，加速新旧动能转换"]),
    (PLAN, ["（三）加快乡村全面振兴，促进城乡融合发展"]),
    (("四、其他工作",), ["布局建设物理、应用数学、合成生物三大基础科学中心。"]),
    (("四、其他工作", "（一）做好安全工作"), ["守牢安全底线。"]),
    (("四、其他工作", "（二）加强政府建设"), ["提高行政效能。"]),
    (("五、报告说明",), ["报告共分为三个部分:一、工作回顾;二、今后五年主要任务;三、2026年工作重点。"]),
    (PLAN, ["从产业升级、城乡建设、民生保障等3方面推进今年工作。"]),
]


INDEX = paragraphs_index(DOC["doc_id"], [(section, TimeLabel(2026, TARGET), [(f"c{p}-{i}", t) for i, t in enumerate(texts)])
                                         for p, (section, texts) in enumerate(PARAGRAPHS)])
REPORTS = Reports([DOC], INDEX, AnswerSettings(default_place="测试省"))


def ask(text: str, ids: list[str]):
    """The list answer when the chunks `ids` (in rank order) are what the search gave."""
    return lists.answer(asked_over(REPORTS, INDEX, DOC, text, 2026, ids), REPORTS, Composer(REPORTS, 0.5))


def test_the_numbered_items_after_the_heading_sentence_answer_with_their_count():
    # the heading sentence is retrieved, its items are further on in its paragraph; the other
    # paragraph about 民生实事 lists other things
    a = ask("测试省今年要办哪些为民实事", ["c0-0", "c1-0"])
    assert not a.abstained
    for item in ("增补义务教育学位2万个", "养老服务中心", "白内障复明"):
        assert item in a.answer
    assert "共3项" in a.answer and "托育" not in a.answer and "继续加力" not in a.answer
    assert (a.year, a.kind) == (2026, TARGET)


def test_numbered_paragraphs_after_an_announcing_sentence_are_its_items_matching_its_count():
    a = ask("测试省今年重点抓哪几方面工作", ["c2-0", "c0-0"])
    assert not a.abstained and "三个方面" in a.answer
    for item in ("充分挖掘内需潜力", "强化创新驱动发展", "加快乡村全面振兴"):
        assert item in a.answer
    assert "促进消费扩容升级" not in a.answer  # the text under an item is not an item


def test_a_count_its_sections_do_not_match_leaves_the_sentences_own_items():
    a = ask("测试省今年要建设哪三大基础科学中心", ["c7-0", "c0-0"])
    assert not a.abstained and "物理、应用数学、合成生物" in a.answer
    assert "安全" not in a.answer and "政府建设" not in a.answer


def test_a_list_one_sentence_numbers_after_its_colon_is_quoted_whole():
    # the sentence is cut at its semicolons: its first item closes the announcing sentence
    a = ask("测试省今年的报告分了哪几块", ["c10-0", "c0-0"])
    assert not a.abstained and "共3项" in a.answer
    for item in ("工作回顾", "今后五年主要任务", "2026年工作重点"):
        assert item in a.answer


def test_a_list_asked_with_its_count_in_figures_is_answered_by_the_run_stating_it():
    q = parse("测试省今年工作从哪3个方面推进", 2026, ("测试省",))
    assert q.shape == Shape.LIST and not any("3" in t.text for t in q.terms)  # the reports write "等3方面"
    a = ask("测试省今年工作从哪3个方面推进", ["c11-0", "c0-0"])
    assert not a.abstained and "产业升级、城乡建设、民生保障" in a.answer


def test_a_topic_nothing_is_about_is_refused():
    a = ask("测试省今年要发展哪些未来产业", ["c0-0", "c1-0"])
    assert a.abstained and "一是" not in a.answer


def test_a_count_is_read_in_figures_and_in_chinese_numerals():
    assert lists.announced_count("重点做好六个方面工作：") == 6
    assert lists.announced_count("重点抓好以下14个方面的工作：") == 14
    assert lists.announced_count("办好十二件民生实事") == 12
    assert lists.announced_count("持续办好为民实事。") is None


def test_numbered_items_run_from_one_in_turn_and_skip_what_is_not_numbered():
    said = ["一是甲。", "甲的细节。", "二是乙。", "三是丙。", "一是另一个列表。"]
    assert lists.numbered(said) == ["甲。", "乙。", "丙。"]
    assert lists.numbered(["二是乙。", "三是丙。"]) == []  # not from its first item
    assert lists.numbered(["（一）甲", "（二）乙", "二是别的"]) == ["甲", "乙"]


def test_a_long_list_keeps_every_item_by_its_head_within_the_bound():
    items = [f"（{n}）坚定不移推动第{n}项很长很长很长很长的重点任务建设，并且还有很多后续说明文字"
             for n in "一二三四五六七八九十"] + ["（十一）建设1000个农村“水盆子”项目，其中小型水库7座"]
    said = wording.listed("重点抓好以下11个方面的工作", items, TimeLabel(2026, TARGET), "测试省", counted=True)
    assert len(said) <= wording.MAX_LIST
    assert said.count("；") == len(items) - 1  # every item is there
    assert "第十项" in said and "坚定不移" not in said  # a head without its rhetorical opener
    assert "推动" not in said  # nor the verb most items open with, which tells none apart
    assert "1000个农村“水盆子”项目" in said and "小型水库" not in said  # the clause with the figure


# the eight parts of a report's work plan, each "聚焦X，Y": together longer than a list may be
FOCUS = ["（一）聚焦服务和融入构建新发展格局，充分挖掘释放内需潜力",
         "（二）聚焦加快构建体现江西特色和优势的现代化产业体系，深化实施“1269”行动计划",
         "（三）聚焦因地制宜发展新质生产力，推进科技创新和产业创新深度融合",
         "（四）聚焦增强高质量发展动力活力，加快内陆地区改革开放高地建设",
         "（五）聚焦提高全域发展整体效能，促进区域城乡协调联动发展",
         "（六）聚焦扎实推进全体人民共同富裕，加大保障和改善民生力度",
         "（七）聚焦打造国家生态文明建设高地，加快经济社会发展全面绿色转型",
         "（八）聚焦建设更高水平平安江西，加强安全体系和能力建设"]


def test_items_too_long_are_each_shown_by_the_clause_that_tells_them_apart():
    said = wording.listed("重点做好八方面工作", FOCUS, TimeLabel(2026, TARGET), "江西省", counted=True)
    assert len(said) <= wording.MAX_LIST and said.count("；") == 7
    assert said.startswith("江西省2026年目标：重点做好八方面工作：")  # room is left for the lead
    assert "聚焦" not in said  # the opener every item shares
    assert "内需" in said and "1269" in said and "生态文明" in said
    assert "…" not in said  # a clause is shown whole, not cut


# ten deeds promised, most longer than their share of the bound, most with a figure
DEEDS = ["继续实施“强县中增学位”工程，支持20所普通高中改善办学条件、提升办学能力，在14个市州城区和兰州新区增补义务教育学位2万个。",
         "利用闲置资源改造建设100个乡镇综合养老服务中心和300个村级互助幸福院。",
         "支持1万名未就业普通高校毕业生到基层就业，城镇新增就业30万人。",
         "在省级和美乡村、易地扶贫搬迁和生态及地质灾害避险搬迁集中安置点，建设300个乡村全民健身提升工程。",
         "继续对困难家庭子女普通高校入学给予资助，录取到本科院校的一次性补助1万元、专科院校的一次性补助8000元。",
         "免费实施1万名老年人白内障复明工程。",
         "完成困难重度残疾人家庭无障碍改造5000户，改造建设残疾人日间照料服务省级示范中心20个。",
         "实施农村水利惠民工程，建设1000个农村“水盆子”项目，其中小型水库7座、水池等调蓄设施993个。",
         "开展职工关心关爱“四个1”活动。",
         "实施100个社区儿童友好空间改造工程。"]


def test_a_deed_too_long_is_shown_from_its_figure_and_what_it_counts():
    said = wording.listed("持续办好为民实事", DEEDS, TimeLabel(2026, TARGET), "甘肃省")
    assert len(said) <= wording.MAX_LIST and said.count("；") == 9
    assert "共10项" in said
    assert "100个乡镇综合养老服务中心" in said  # not "利用闲置资源改造建设100个乡…"
    assert "白内障" in said and "1000个农村“水盆子”项目" in said
    assert "本科院校的一次性补助1万元" in said  # a figure closing its phrase counts what precedes it
    assert "残疾人家庭无障碍改造" in said and "改造50…" not in said  # no figure shown in part


def test_the_lead_gives_way_before_the_items_words_and_no_word_is_shown_in_part():
    items = ["为老年人提供健康管理、医养结合服务和提升养老机构服务水平；", "提升困难群众兜底保障和关爱服务水平；",
             "为重点群体提供稳定就业保障和温馨暖心服务；", "提升县域基础教育教学水平和提高特殊教育经费保障标准；",
             "为孕产妇、新生儿提供出生缺陷筛查服务和增加普惠托育服务供给；", "扎实推进城镇和农村生活污水治理；",
             "深入推进“四好农村路”和高速公路服务配套建设；", "提升县域医疗服务水平和完善居民医保激励机制；",
             "提升食品、药品安全抽检水平和开展放心消费活动；", "为青少年提供更加普惠专业的心理健康服务。"]
    lead = "推动省十件民生实事更贴民意、更合民需、更有成色"
    said = wording.listed(lead, items, TimeLabel(2025, TARGET), "广东省", counted=True)
    assert len(said) <= wording.MAX_LIST and said.count("；") == 9
    assert said.startswith("广东省2025年目标：共10项：")  # the lead gave way, so the count is said
    assert "心理健康" in said and "生活污水" in said and "老年人" in said


def test_a_short_list_keeps_its_items_whole_and_says_its_count():
    said = wording.listed("持续办好为民实事", ["增补学位2万个，支持普通高中。", "建设养老中心。"],
                          TimeLabel(2026, TARGET), "测试省")
    assert said == "测试省2026年目标：持续办好为民实事，共2项：增补学位2万个，支持普通高中；建设养老中心。"


def test_a_topics_targets_are_a_list_not_the_years_headline_figures():
    assert parse("长春新区今年项目方面定了哪些目标", 2024, ("长春新区",)).shape == Shape.LIST
    assert parse("今年有哪些目标", 2024).shape == Shape.OVERVIEW
    assert parse("2019年的主要指标定了哪些", 2024).shape == Shape.OVERVIEW  # the overview's own words


def test_everyday_words_of_a_list_are_read_as_the_reports_words():
    q = parse("甘肃都有啥火出圈了", 2026, ("甘肃省",))
    assert q.shape == Shape.LIST and any(t.text == "出圈" for t in q.terms)


def test_items_are_shown_by_their_headings_without_the_opener_they_share():
    items = ["（一）着力优化供给扩大需求，拓展内需增长新空间", "（二）着力发展新质生产力，加快构建以先进制造业为骨干的现代化产业体系",
             "（三）着力夯实粮食安全根基，加快推进农业农村现代化", "（四）着力深化改革扩大开放，增强高质量振兴发展动力活力",
             "（五）着力促进协调发展，推动城乡融合和区域联动", "（六）着力加强生态环境保护，增强绿色发展动能",
             "（七）着力保障和改善民生，不断增进民生福祉", "（八）着力统筹发展和安全，以高水平安全保障高质量发展"]
    said = wording.listed("2026年重点工作", items, TimeLabel(2026, TARGET), "黑龙江省")
    assert len(said) <= wording.MAX_LIST and "…" not in said and "着力" not in said
    assert "：优化供给扩大需求；发展新质生产力；夯实粮食安全根基；" in said  # headings telling them apart
    assert "统筹发展和安全，以高水平安全保障高质量发展" in said  # one in shared words has its next clause


def test_items_with_no_shared_opener_are_each_shown_by_their_heading():
    items = ["（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群",
             "（二）坚持实体经济为本、制造业当家，加快构建更加强大的现代化产业体系",
             "（三）打造具有全球影响力的产业科技创新中心，加快培育和发展新质生产力",
             "（四）推动供需高水平动态适配，在建设强大国内市场中努力扩大有潜能的消费、有需求的生产、有效益的投资",
             "（五）坚定不移深化改革，充分激发全社会创新创造活力和高质量发展的澎湃动能",
             "（六）扩大高水平对外开放，在服务和融入新发展格局中展现更大作为",
             "（七）坚定自觉把“百县千镇万村高质量发展工程”持续抓下去，提升城乡区域发展平衡性协调性",
             "（八）推动城市高质量发展，建设现代化人民城市", "（九）推动海洋经济高质量发展，加快打造海上新广东",
             "（十）牢固树立和践行绿水青山就是金山银山的理念，加快建设美丽中国先行区",
             "（十一）繁荣发展社会主义文化，高水平推进文化强省建设",
             "（十二）用心用情用力办好群众身边大大小小的事，更好满足人民群众日益增长的美好生活需要",
             "（十三）统筹高质量发展和高水平安全，守牢安全发展底线",
             "（十四）全面加强政府自身建设，努力建设人民满意的法治政府、廉洁政府、服务型政府"]
    said = wording.listed("重点抓好以下14个方面的工作", items, TimeLabel(2026, TARGET), "广东省", counted=True)
    assert len(said) <= wording.MAX_LIST and said.count("；") == 13 and "共14项" in said
    assert "推动粤港澳大湾区建设；" in said and "推动海洋经济高质量发展；" in said and "百县千镇万村" in said
    assert "一流湾区" not in said  # a heading's elaboration gives way to the other items


# a count asked names its list: "重点抓哪三个方面" shares 重点, 抓 with the year's aims, not with the list
COUNTED = {"doc_id": "c-2026", "title": "测试县人代会开幕", "date": "2026-01", "place": "测试县"}
COUNTED_INDEX = paragraphs_index(COUNTED["doc_id"], [
    ((), TimeLabel(2025, RESULT), [("r0", "去年着力做好了三个方面的工作：一是抓招商；二是抓环保；三是抓安全。")]),
    ((), TimeLabel(2026, TARGET), [("t0", "确立了今年工作的总体要求：突出重点，狠抓落实，加快产业发展。")]),
    ((), TimeLabel(2026, TARGET), [("t1", "围绕上述目标，着力做好三个方面的工作：一是突出工业主导，加快产业发展；"
                                          "二是突出民生优先，促进群众共享；三是突出职能转变，加强自身建设。")]),
    ((), TimeLabel(2026, TARGET), [("t2", "还将办好三件民生实事：一是新建学校3所；二是新建医院2所；三是新修道路5条。")]),
])
COUNTED_REPORTS = Reports([COUNTED], COUNTED_INDEX, AnswerSettings(default_place="测试县"))


def ask_counted(text: str):
    asked = asked_over(COUNTED_REPORTS, COUNTED_INDEX, COUNTED, text, 2026, ["t0", "r0"])
    return lists.answer(asked, COUNTED_REPORTS, Composer(COUNTED_REPORTS, 0.5))


@pytest.mark.parametrize("text", ["测试县今年要重点抓哪三个方面", "测试县今年要重点抓哪三方面"])  # 个 aside
def test_a_count_asked_is_answered_by_the_years_list_of_that_count_not_the_aims_sharing_its_words(text):
    a = ask_counted(text)
    assert not a.abstained and (a.year, a.kind) == (2026, TARGET)
    for item in ("工业主导", "民生优先", "职能转变"):
        assert item in a.answer
    assert "总体要求" not in a.answer and "招商" not in a.answer  # not the aims, nor last year's list
    assert "新建学校" not in a.answer  # three 件 are another list than three 方面


def test_a_list_counted_by_another_counter_or_count_is_not_the_one_asked():
    for text in ("测试县今年要重点抓哪三项", "测试县今年要重点抓哪四个方面"):
        a = ask_counted(text)
        assert "工业主导" not in a.answer and "新建学校" not in a.answer, text
