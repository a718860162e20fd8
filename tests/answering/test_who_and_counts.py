"""Who a report or its news names, and how many (几) a sentence says in words: a speaker asked by
the office held or by what they delivered, and a count such as 连续三年 that is no figure."""
from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.reading.asks import asks_byline, count_in_words
from bot.answering.reading.question import parse
from bot.answering.kinds.people import acted
from bot.answering.settings import AnswerSettings
from handmade import Passages
from index.reading.metadata import byline

LIAOYUAN = {"doc_id": "ly", "place": "辽源经济开发区", "date": "2019-02-15", "title": "辽源经济开发区召开2018年度工作总结大会"}
GUANGAN = {"doc_id": "ga", "place": "广安经济技术开发区", "date": "2024-01-10", "title": "广安经开区2024年工作报告"}
HOME = {"doc_id": "home", "place": "昆山高新区", "date": "2019-01-20", "title": "2019年工作会议"}


def ask(question: str, docs: list[dict], texts: dict[str, str], default: str):
    return Answerer(Passages(docs, texts), AnswerSettings(default_place=default)).ask(question)


# -- who delivered it, asked by what they delivered or the office they hold ---------------------

SPEAKER = "泉港区发展和改革局局长 吴文辉"
PLACES = ("泉州市泉港区", "广州市南沙区", "武汉市汉南区", "辽源经济开发区")


@pytest.mark.parametrize("text,speaker", [
    ("泉港区发改局局长是谁", SPEAKER),  # 发改局 is how people say 发展和改革局
    ("泉港发改局长叫什么", SPEAKER),  # … and 发改局长 its 局长
    ("2023年南沙区长是谁", "南沙区区长吴扬"),  # 南沙区 + 区长, written as one
    ("汉南区计划执行报告是谁作的", "区发展和改革局 龚德茂"),  # whatever the report is called
    ("汉南计划执行报告作报告的是谁", "区发展和改革局 龚德茂"),
    ("辽源经开区年度总结大会上谁讲的话", "张凤林"),
    ("汉南区计划执行报告谁念的", "区发展和改革局 龚德茂"),  # read out is delivered
])
def test_who_delivered_it_is_asked_by_the_office_held_or_by_the_delivering(text, speaker):
    assert asks_byline(parse(text, 2024, PLACES), speaker)


@pytest.mark.parametrize("text", ["南沙区这份政府工作报告是哪次会议上审议的", "南沙的政府工作报告是在哪次人代会上作的",
                                  "南沙区政府工作报告在什么会上审议"])
def test_at_which_meeting_a_report_was_delivered_is_asked_of_its_byline(text):
    assert asks_byline(parse(text, 2024, PLACES))


def test_an_office_asked_with_what_it_delivered_is_asked_of_the_report_so_titled():
    """"作计划报告的发改局长": 报告 is the report's title's word, not the speaker line's."""
    q = parse("泉港区作计划报告的发改局长叫什么", 2024, PLACES)
    assert asks_byline(q, SPEAKER, "关于泉港区2023年国民经济和社会发展计划执行情况的报告")
    assert not asks_byline(q, SPEAKER, "泉港区第九届人民代表大会第三次会议开幕")


def test_an_office_of_another_body_is_not_the_speakers():
    assert not asks_byline(parse("泉港区财政局局长是谁", 2024, PLACES), SPEAKER)


NEWS = "2月15日上午,辽源经济开发区召开2018年度工作总结大会。张凤林出席会议并讲话。会上宣读了表彰决定。"


def test_who_spoke_at_a_meeting_is_the_speaker_the_news_names():
    doc = {**LIAOYUAN, "speaker": "张凤林"}  # as the build reads it from NEWS
    got = ask("辽源经开区年度总结大会上谁讲的话", [doc], {"ly": NEWS}, "辽源经济开发区")
    assert not got.abstained and "张凤林" in got.answer


def test_a_meeting_whose_news_names_no_speaker_is_a_refusal():
    got = ask("辽源经开区年度总结大会上谁讲的话", [LIAOYUAN],
              {"ly": "2月15日上午,辽源经济开发区召开2018年度工作总结大会。会上宣读了表彰决定。"}, "辽源经济开发区")
    assert got.abstained


def test_with_no_year_asked_the_latest_report_names_the_speaker():
    """A plan report of December is delivered the year before the one it plans."""
    old = {"doc_id": "hn20", "place": "武汉市汉南区", "date": "2020-12-10", "title": "关于2021年计划的报告",
           "delivered": "2020年12月10日在汉南区第九届人民代表大会第五次会议上", "speaker": "区发展和改革局 张三"}
    new = {"doc_id": "hn21", "place": "武汉市汉南区", "date": "2021-12-14", "title": "关于2022年计划的报告",
           "delivered": "2021年12月14日在汉南区第十届人民代表大会第一次会议上", "speaker": "区发展和改革局 龚德茂"}
    got = ask("汉南区计划执行报告是谁作的", [old, new], {"hn21": "现向大会报告计划执行情况。"}, "武汉市汉南区")
    assert not got.abstained and "龚德茂" in got.answer and "张三" not in got.answer


def test_a_headline_naming_others_is_not_quoted_with_who_delivered_the_report():
    """The headline of news names the chair too ("马某某主持 陈某某作政府工作报告"): the speaker is
    the one name the answer gives."""
    sz = {"doc_id": "sz", "place": "嵊州市", "date": "2016-01-08", "title": "锐意进取——马某某主持 陈某某作政府工作报告",
          "delivered": "嵊州市第十五届人民代表大会第五次会议隆重开幕", "speaker": "代理市长陈某某"}  # as the build reads it
    text = "昨日,嵊州市第十五届人民代表大会第五次会议隆重开幕,听取代理市长陈某某作政府工作报告。开幕式由执行主席马某某主持。"
    got = ask("嵊州代理市长叫啥", [sz], {"sz": text}, "嵊州市")
    assert not got.abstained and "陈某某" in got.answer and "马某某" not in got.answer


def test_an_office_holder_is_named_without_who_the_clause_before_names():
    """News of the meeting: the chair opens it, the mayor delivers the report, in one sentence."""
    zy = {"doc_id": "zy", "place": "资阳市", "date": "2015-02-27", "title": "资阳市三届人大五次会议开幕"}
    text = ("2月27日下午3点,资阳市第三届人民代表大会第五次会议开幕,大会主席团常务主席、执行主席周喜安主持开幕大会,"
            "资阳市代市长陈吉明作政府工作报告。")
    got = ask("资阳市长是谁", [zy], {"zy": text}, "资阳市")
    assert not got.abstained and "陈吉明" in got.answer and "周喜安" not in got.answer


XC = {"doc_id": "xc", "place": "新塍镇", "date": "2021-01-12", "title": "新塍镇第十六届人民代表大会第一次会议隆重召开",
      "delivered": "新塍镇第十六届人民代表大会第一次会议在镇政府四楼会议室隆重召开"}  # as the build reads it
XC_NEWS = ("1月12日,新塍镇第十六届人民代表大会第一次会议在镇政府四楼会议室隆重召开。"
           "党委副书记、行政负责人金旗明代表该镇人民政府向大会作政府工作报告。")


def test_news_naming_the_session_answers_at_which_meeting_and_names_who_delivered_it():
    meeting = ask("新塍镇政府工作报告是在哪次会议上作的", [XC], {"xc": XC_NEWS}, "新塍镇")
    assert not meeting.abstained and "第十六届人民代表大会第一次会议" in meeting.answer
    who = ask("谁代表新塍镇政府作工作报告", [XC], {"xc": XC_NEWS}, "新塍镇")
    assert not who.abstained and "金旗明" in who.answer


@pytest.mark.parametrize("question,who,other", [("辽源经开区管委会主任是谁", "李春和", "张凤林"),
                                                ("辽源经开区党工委书记是谁", "张凤林", "李春和")])
def test_an_office_asked_names_its_holder_not_the_person_named_with_them(question, who, other):
    """"党工委书记张凤林与管委会主任李春和一起…": two people joined in one clause, each named apart."""
    text = "市委常委、开发区党工委书记张凤林(右二)与开发区管委会主任李春和(左二)一起到企业调研。"
    got = ask(question, [LIAOYUAN], {"ly": text}, "辽源经济开发区")
    assert not got.abstained and who in got.answer and other not in got.answer


# -- who did what at a meeting, asked by the action ------------------------------------------------

def test_who_laid_out_the_year_s_work_is_the_officer_news_says_did_it():
    """"谁部署的": "管委会主任李春和出席会议,对今年的发展目标和重点任务进行了部署"."""
    text = ("近日,辽源经济开发区召开了2019年经济工作会议。党工委副书记王立新宣读了表彰决定。"
            "管委会主任李春和出席会议,对今年的发展目标和重点任务进行了部署。")
    got = ask("辽源经开区经济工作会议谁部署的", [LIAOYUAN], {"ly": text}, "辽源经济开发区")
    assert not got.abstained and "李春和" in got.answer and "王立新" not in got.answer


HELD = ("2月15日上午,辽源经济开发区召开2018年度工作总结大会。会上,党工委副书记王立新宣读了表彰决定。"
        "管委会主任李春和主持会议。党工委书记张凤林对全区工作给予肯定,强调要狠抓落实。")


@pytest.mark.parametrize("text,who,not_who", [
    ("辽源经开区工作总结大会是谁主持的", "李春和", "王立新"),  # not the sentence naming the meeting
    ("谁在辽源经开区工作总结大会上讲话", "张凤林", "李春和"),  # 强调 is how news says a speech
    ("辽源经开区那次总结大会是哪个主持的", "李春和", "王立新"),  # 哪个 right before the action asks a person
])
def test_who_did_what_asked_is_the_office_holder_the_news_says_did_it(text, who, not_who):
    got = ask(text, [LIAOYUAN], {"ly": HELD}, "辽源经济开发区")
    assert not got.abstained and who in got.answer and not_who not in got.answer


def test_a_people_s_congress_meeting_is_asked_as_the_news_names_it():
    """"那次人大会议" is the session news calls "第十八届人民代表大会第四次会议"; "人大常委会" the body."""
    held = {"doc_id": "xs", "place": "武汉市汉南区", "date": "2018-04-24", "title": "汉南区第十八届人民代表大会第四次会议开幕"}
    text = "4月20日上午,汉南区第十八届人民代表大会第四次会议开幕。大会主席团常务主席、执行主席舒某主持大会。"
    got = ask("汉南那次人大会议是哪个主持的", [held], {"xs": text}, "武汉市汉南区")
    assert not got.abstained and "舒某" in got.answer


def test_an_office_holder_who_did_something_else_is_not_who_did_the_action_asked():
    text = "2月15日上午,辽源经济开发区召开2018年度工作总结大会。会议由大会秘书处主持。管委会主任李春和宣读了表彰决定。"
    got = ask("辽源经开区工作总结大会是谁主持的", [LIAOYUAN], {"ly": text}, "辽源经济开发区")
    # a refusal, which says what he did do: nobody is named as presiding
    assert got.abstained and got.answer.startswith("资料中没有写明谁主持") and "李春和主持" not in got.answer


YINCHUAN = {"doc_id": "yc", "place": "银川经济技术开发区", "date": "2019-03-19", "title": "银川市重大项目集中开工现场推进会召开"}
PLAN = ("3月18日,银川市在银川经济技术开发区召开重大项目集中开工现场推进会。据银川经济技术开发区管委会副主任"
        "唐某介绍,下一步,银川经开区将紧紧围绕到2021年打造“千亿级升级版经开区”的目标,加快推动三大主导产业聚集发展。")


def test_who_told_of_a_plan_is_named_whatever_years_the_plan_speaks_of():
    """"据…唐某介绍" puts the name before the action; the plan's years (到2021年) are not the meeting's."""
    got = ask("银川经开区开工推进会上是谁介绍的下一步打算", [YINCHUAN], {"yc": PLAN}, "银川经济技术开发区")
    assert not got.abstained and "唐某" in got.answer


def test_a_place_s_leader_said_as_such_is_who_did_the_action():
    """"区领导某某介绍了…": 区领导 is how news names an official of the place, with the name after it."""
    text = "1月27日,辽源经济开发区召开八大行动新闻发布会。区领导张某介绍了全区2022年八大行动取得的成就。"
    got = ask("辽源经开区八大行动发布会上谁介绍的成就", [LIAOYUAN], {"ly": text}, "辽源经济开发区")
    assert not got.abstained and "张某" in got.answer


@pytest.mark.parametrize("text", ["银川经开区打算到哪年建成千亿级升级版经开区", "银川经开区什么时候建成千亿级升级版经开区"])
def test_when_a_goal_is_to_be_reached_is_the_year_the_sentence_naming_it_states(text):
    got = ask(text, [YINCHUAN], {"yc": PLAN}, "银川经济技术开发区")
    assert not got.abstained and "2021年打造“千亿级升级版经开区”" in got.answer


def test_when_a_goal_is_to_be_reached_is_refused_where_no_sentence_states_a_year():
    text = "下一步,银川经开区将紧紧围绕打造“千亿级升级版经开区”的目标,加快推动三大主导产业聚集发展。"
    got = ask("银川经开区打算到哪年建成千亿级升级版经开区", [YINCHUAN], {"yc": text}, "银川经济技术开发区")
    assert got.abstained


# -- how many, said in words ---------------------------------------------------------------------

def test_a_count_asked_with_几_is_looked_for_in_words_but_a_rank_is_not():
    assert "三年" in count_in_words(parse("诚信化工连续几年入选全省民营企业100强", 2024, ())).forms
    assert count_in_words(parse("广安经开区在西部国开区中排第几", 2024, ())) is None


COUNTED = "“四个百亿”全面开建。诚信化工连续三年入选全省民营企业100强。"


def test_a_count_written_in_words_answers_how_many():
    got = ask("诚信化工连续几年入选全省民营企业100强", [GUANGAN], {"ga": COUNTED}, "广安经济技术开发区")
    assert not got.abstained and "连续三年" in got.answer


def test_a_sentence_that_states_no_count_does_not_answer_how_many():
    got = ask("辽源经开区要壮大几大特色产业", [LIAOYUAN], {"ly": "张凤林要求,以项目建设为统领,发展壮大特色产业。"},
              "辽源经济开发区")
    assert got.abstained
    got = ask("辽源经开区要壮大几大特色产业", [LIAOYUAN], {"ly": "张凤林要求,以项目建设为统领,发展壮大“四大特色”产业。"},
              "辽源经济开发区")
    assert not got.abstained and "四大" in got.answer


def test_a_question_naming_no_place_goes_to_the_one_place_whose_reports_say_it():
    """The default place's reports do not name 诚信化工; 广安's do, so it answers, named."""
    got = ask("诚信化工连续几年入选全省民营企业100强", [HOME, GUANGAN],
              {"home": "全年完成地区生产总值762亿元。", "ga": COUNTED}, "昆山高新区")
    assert not got.abstained and "连续三年" in got.answer and "广安" in got.answer


# -- a who-answer says when: the year, the day and meeting where the news gives them ------------------

MEILAN = {"doc_id": "ml", "place": "海口市美兰区", "date": "2017-03-09", "title": "美兰区七届人大三次会议开幕"}
MEILAN_NEWS = ("美兰区七届人大三次会议开幕。\n海口网3月9日消息 9日上午,美兰区第七届人民代表大会第三次会议举行。\n"
               "美兰区委副书记、区长冯某代表区政府向大会作工作报告。冯某说,2016年全区上下真抓实干。")


def test_news_of_a_report_says_on_which_day_and_who_delivered_it_as_its_clause_says():
    """Neither the headline nor the session it names says the year: the report's day does; the one who
    delivered it is quoted doing so, with the offices the clause gives."""
    doc = {**MEILAN, **byline(MEILAN_NEWS)}  # as the build reads it
    got = ask("2017年美兰区七届人大三次会议上是谁作的政府工作报告", [doc], {"ml": MEILAN_NEWS}, "海口市美兰区")
    assert not got.abstained and "2017年3月9日" in got.answer
    assert "区长冯某代表区政府向大会作工作报告" in got.answer


XUCHANG = {"doc_id": "xc", "place": "许昌经济技术开发区", "date": "2017-03-15", "title": "许昌经济技术开发区召开2017年度工作会议"}
XUCHANG_NEWS = ("3月15日,许昌经济技术开发区召开2017年度工作会议,全面部署2017年各项工作。\n"
                "会上,开发区党工委书记、管委会主任王某某表示,2016年,全区上下推动经济平稳健康发展。\n"
                "王某某强调,开发区迎来了千载难逢的发展机遇。")


def test_who_spoke_at_a_work_meeting_is_the_officer_the_news_says_stated_its_review():
    """"会上,…管委会主任王某某表示": the officer stating the meeting's review spoke at it."""
    doc = {**XUCHANG, **byline(XUCHANG_NEWS)}  # as the build reads it
    got = ask("许昌经开区2017年度工作会上是谁讲的话", [doc], {"xc": XUCHANG_NEWS}, "许昌经济技术开发区")
    assert not got.abstained and "管委会主任王某某" in got.answer


def test_a_person_named_is_answered_with_the_office_the_news_gives_them():
    got = ask("冯某在美兰区是干啥的,什么职务", [MEILAN], {"ml": MEILAN_NEWS}, "海口市美兰区")
    assert not got.abstained and "区委副书记、区长冯某" in got.answer and "2017" in got.answer


WEIHAI = {"doc_id": "wh", "place": "威海市", "date": "2017-03-01",
          "title": "市十七届人大一次会议开幕 孙立涛宣布大会开幕,张华作政府工作报告"}
WEIHAI_NEWS = ("市十七届人大一次会议开幕 孙立涛宣布大会开幕,张华作政府工作报告\n"
               "大会主席团常务主席、执行主席孙立涛、刘某某在主席台执行主席席就座。\n"
               "上午9点,孙立涛宣布大会开幕。\n在热烈的掌声中,张华向大会作《政府工作报告》。")


def test_who_declared_a_meeting_open_is_the_one_the_news_says_did_without_the_others_named_with_them():
    got = ask("威海市十七届人大一次会议是谁宣布开幕的", [WEIHAI], {"wh": WEIHAI_NEWS}, "威海市")
    assert not got.abstained and "孙立涛" in got.answer and "张华" not in got.answer and "2017" in got.answer


def test_a_clause_whose_subject_is_no_name_says_nobody_did_the_action():
    assert acted("上午9点,大会宣布开幕。", ("宣布",)) is None
    assert acted("上午9点,孙立涛宣布大会开幕。", ("宣布",)) == "孙立涛宣布大会开幕"


def test_a_minority_name_joined_by_a_dot_did_the_action_its_clause_says():
    assert acted("上午9点,阿迪力·哈斯木宣布大会开幕。", ("宣布",)) == "阿迪力·哈斯木宣布大会开幕"


MAIGAITI = ("政府工作报告\n——2021年1月26日在麦盖提县第十六届人民代表大会第六次会议上\n代县长 阿迪力·哈斯木\n"
            "各位代表:\n现在,我代表县人民政府,向大会作工作报告,请予审议。")


def test_a_speaker_with_a_minority_name_is_who_holds_the_office_asked():
    doc = {"doc_id": "mg", "place": "喀什地区麦盖提县", "date": "2021-01-26", "title": "麦盖提县政府工作报告(2021年)",
           **byline(MAIGAITI)}  # as the build reads it
    for question in ("麦盖提县代县长是谁", "麦盖提县2021年的政府工作报告是谁作的"):
        got = ask(question, [doc], {"mg": MAIGAITI}, "喀什地区麦盖提县")
        # the byline, not the opening's lines down to the greeting
        assert not got.abstained and "代县长 阿迪力·哈斯木" in got.answer and "各位代表" not in got.answer


def test_an_office_asked_is_not_answered_by_a_clause_of_those_in_charge_of_something_else():
    """负责人 names a speaker's office, but 区长 is asked: the departments' heads are not it."""
    text = "会上,各部门负责人王某某等出席会议。区长李某某作政府工作报告。"
    got = ask("美兰区区长是谁", [MEILAN], {"ml": text}, "海口市美兰区")
    assert not got.abstained and "李某某" in got.answer and "王某某" not in got.answer


def test_a_byline_that_says_its_year_in_words_is_not_dated_again():
    doc = {"doc_id": "jh", "place": "金华市", "date": "2025-01-20", "title": "政府工作报告",
           "delivered": "二○二五年一月二十日在金华市第八届人民代表大会第五次会议上", "speaker": "金华市市长 张某"}
    got = ask("金华市长是谁", [doc], {"jh": "各位代表：现在，我代表市人民政府向大会报告工作。"}, "金华市")
    assert not got.abstained and "张某" in got.answer and "2025年1月20日" not in got.answer


# -- who, as only a sentence naming them answers ---------------------------------------------------

WULIAN = {"doc_id": "wl", "place": "五莲县", "date": "2012-02-02",
          "title": "五莲县第十七届人民代表大会第一次会议隆重开幕 马某主持会议 杜某作政府工作报告"}
WULIAN_NEWS = ("2月2日,五莲县第十七届人民代表大会第一次会议在县委党校礼堂隆重开幕。"
               "上午8时30分,县委书记、县人大常委会主任马某宣布大会开幕。"
               "在热烈的掌声中,县委副书记、县长杜某代表县政府向大会作政府工作报告。")


def test_who_presided_is_the_one_the_headline_says_did_with_the_office_the_news_gives_them():
    """人代会 is the 人民代表大会; only the headline says who presided, the body his office."""
    got = ask("五莲那次人代会开幕是谁主持的", [WULIAN], {"wl": WULIAN_NEWS}, "五莲县")
    assert not got.abstained and "马某主持会议" in got.answer and "县委书记、县人大常委会主任马某" in got.answer
    assert "2012年2月2日" in got.answer and "杜某" not in got.answer


def test_a_report_whose_text_names_nobody_is_no_answer_to_which_office_holder_delivered_it():
    doc = {"doc_id": "hc", "place": "当涂县黄池镇", "date": "2019", "title": "黄池镇政府工作报告"}
    text = "各位代表:\n现在,我代表镇人民政府向大会报告政府工作,请予审议,并请列席人员提出意见。"
    got = ask("黄池镇那个政府工作报告是哪个镇长作的", [doc], {"hc": text}, "当涂县黄池镇")
    assert got.abstained and "镇长" in got.answer and not got.sources


def test_who_attended_and_spoke_at_a_meeting_not_the_report_s_is_the_office_holder_the_news_names():
    doc = {"doc_id": "sn", "place": "遂宁经济技术开发区", "date": "2016-09-05",
           "title": "遂宁经开区传达学习贯彻市第七次党代会精神"}
    text = ("本报讯(记者 高某)5日,经开区召开第八次党工委(扩大)会议,传达学习贯彻市第七次党代会精神。"
            "市委常委、经开区党工委书记周某出席会议并强调,全区各级党组织要深刻学习领会会议精神。")
    got = ask("遂宁经开区那个党工委扩大会议谁出席讲话的", [doc], {"sn": text}, "遂宁经济技术开发区")
    assert not got.abstained and "经开区党工委书记周某出席会议" in got.answer and "高某" not in got.answer


ZHOUKOU = {"doc_id": "zk", "place": "周口市", "date": "2009-02-14", "title": "市二届人大四次会议隆重开幕"}
ZHOUKOU_NEWS = ("市委书记毛某主持开幕式 市长徐某作政府工作报告\n"
                "2月14日上午,周口市第二届人民代表大会第四次会议在周口人民会堂隆重举行。"
                "市委书记毛某主持开幕式,市长徐某作政府工作报告。"
                "2008年,全市生产总值完成1000亿元。")


@pytest.mark.parametrize("question", ["周口2009年人代会开幕式谁主持的", "周口2009年人代会开幕谁主持的"])
def test_a_year_asked_of_who_did_what_at_a_meeting_is_the_meeting_s_though_its_news_reviews_the_year_before(question):
    got = ask(question, [ZHOUKOU], {"zk": ZHOUKOU_NEWS}, "周口市")
    assert not got.abstained and "市委书记毛某主持开幕式" in got.answer and "徐某" not in got.answer
    assert "2009年2月14日" in got.answer
