"""The real-report gold sets as a CI gate, each over its own corpus (conftest.REAL_CORPORA):
eighteen provincial work reports of nine provinces (questions on three of them, on five more, and on
河南, which was held out once); thirteen zone, district and county texts (zone work-conference news,
district plan and work reports, a county report delivered in December); the paraphrase families over
every development text together; the reports and zone texts held out once and scored then (development
material since); eight zone, county and town texts of 2008–2016 gathered fresh, beside the
thirteen (zones5), six more of 2010–2025 beside those (zones6), six of 2011–2026 beside all of them
(zones7), six of 2011–2021 beside all of those (zones8), six of 2011–2026 beside those (zones9) and six of
2009–2025 beside those (zones10); and the seed's own questions with every other report beside the seed,
which adding reports must not change.

The floors are a ratchet at what was measured when they were set, so an answer that gets worse
fails CI; they go up as the answers get better (the aim: 0.95 answered right, 0.90 refusals, no
confusion)."""
from __future__ import annotations

import pytest

from bot.evaluation.gold import load_gold
from bot.evaluation.scoring import evaluate
from bot.evaluation.tables import format_table
from conftest import REAL_CORPORA, ROOT

FLOORS = {  # gold file: (its corpus, accuracy, abstention, most confusions): one question below what was measured
    "reports.jsonl": ("reports", 0.99, 1.00, 0),  # measured 1.000 (132/132), 1.00, 0 over 18 reports
    "reports-heldout.jsonl": ("reports", 0.97, 1.00, 0),  # measured 1.000 (42/42), 1.00, 0
    "provinces.jsonl": ("reports", 0.98, 1.00, 0),  # measured 1.000 (95/95), 1.00, 0
    "zones.jsonl": ("zones", 0.99, 1.00, 0),  # measured 1.000 (126/126), 1.00, 0
    "paraphrases.jsonl": ("all", 0.98, 1.00, 0),  # measured 1.000 (98/98), 1.00, 0 over 32 texts
    "paraphrases-heldout2.jsonl": ("all", 0.96, 1.00, 0),  # measured 1.000 (28/28), 1.00, 0
    "zones-heldout2.jsonl": ("zones2", 0.98, 1.00, 0),  # measured 1.000 (57/57), 1.00, 0
    "heldout-new.jsonl": ("heldout", 0.99, 1.00, 0),  # measured 1.000 (102/102), 1.00, 0
    "zones-heldout3.jsonl": ("zones3", 0.97, 1.00, 0),  # measured 1.000 (39/39), 1.00, 0 over its four texts left
    "paraphrases-heldout3.jsonl": ("all", 0.96, 1.00, 0),  # measured 1.000 (28/28), 1.00, 0 (0.679 held out)
    # measured 0.923 (48/52), 1.00, 0; 0.769 (40/52) on main when first seen, before any rule for it
    "paraphrases-dev5.jsonl": ("all", 0.98, 1.00, 0),  # and 0.942 (49/52), 1.00, 0 at the end; 1.000 (52/52) since
    # measured 0.822 (37/45), 1.00, 1 on integ8 when first seen (a gold slip: 5%左右 forbidden, held by 5.5%左右)
    "paraphrases-dev6.jsonl": ("all", 0.93, 1.00, 0),  # and 0.956 (43/45), 1.00, 0 at the end
    # seven fresh city, district and prefecture texts (issue #22): 0.767 (46/60), 0.86 (6/7), 1 before;
    # measured 0.917 (55/60), 1.00, 0 after
    "cities5.jsonl": ("cities5", 0.98, 1.00, 0),  # and 1.000 (60/60), 1.00, 0 at the end
    # eight texts no one here had seen (zone conferences, county and town 人代会 news, a December
    # district report, 2008–2016): measured 0.776 (52/67), 1.00, 4 before the rules they showed the
    # need of, 0.925 (62/67), 1.00, 0 after
    "zones5.jsonl": ("zones5", 0.98, 1.00, 0),  # and 1.000 (67/67), 1.00, 0 at the end
    # six more no one here had seen (two zones' meetings, 2015 and 2025; a district's and a county's 人代会,
    # 2010 and a June 2020; a town's 人代会 and a town's 前三季度 statistics): 0.830 (39/47), 1.00 (6/6),
    # 4 confusions before the rules they showed the need of; measured 1.000 (47/47), 1.00, 0 after
    "zones6.jsonl": ("zones6", 0.97, 1.00, 0),
    # six more of 2011–2026 (a county's 十一五 review, a district's December 人代会 news, a zone's work
    # report, a new area's 一季度 news, a town's and a county-level city's reports): 0.646 (31/48), 1.00
    # (6/6), 1 confusion first seen over the seed alone; 0.896 (43/48), 1.00, 1 beside zones5–6 after the
    # town's name rule (沂水县沙沟镇 is 沙沟镇) and the December questions asked by their years; measured
    # 0.938 (45/48), 1.00, 1 after a series of comparison bases ("高于上年同期、2017年全年") names no year;
    # 0.958 (46/48), 1.00, 0 after a measure listed alone takes the first item's subject (食品工业产值、增加值)
    "zones7.jsonl": ("zones5-7", 0.95, 1.00, 0),
    # six more no one here had seen, beside every zone text of the rounds before (issue #22): a zone's 2011
    # meeting with targets only, a district's January 2021 economic conference (1–11月 figures, 2021 targets),
    # a county's 2019 report opening (three figures down), a county's 上半年 plan execution against its year
    # plan, a city's 前三季度 news (ranks, a two-year average) and a town's 2019 report; written and scored on
    # integ11 before any rule for them: 0.816 (40/49), 1.00 (8/8), 3 confusions; measured 0.837 (41/49), 1.00, 3
    # after a name printed letter-spaced under the delivery line is read as the speaker ("栗 俊 昌"); 1.000 (49/49),
    # 1.00, 0 at the end (a change past a share of plan, rank or method is its figure's; a gap to the level asked)
    "zones8.jsonl": ("zones5-8", 0.97, 1.00, 0),
    # six more no one here had seen, beside every zone text of the rounds before: a zone's January news (no year
    # stated), a prefecture's 上半年 news, a 旗's and two counties' report openings (one looking back on 十三五 only)
    # and a county-level city's 人代会 news (growth rates only); written and scored on integ12 before any rule for
    # them: 0.804 (41/51), 0.778 (7/9), 2 confusions (a pair "分别达到A和B、增长X和Y" quoted whole); the same
    # after the one vocabulary rule they showed the need of (地区 is a prefecture's ending); measured 1.000 (51/51),
    # 1.00, 0 at the end (January's news, a period's end level, delegates, dotted names, 城乡 pairs, 百亿元)
    "zones9.jsonl": ("zones5-9", 0.98, 1.00, 0),
    # six more no one here had seen, beside every zone text of the rounds before: a city's 2009 人代会 news (targets
    # only), a county-level city's 2011 report (十一五 review), a 旗's plan report delivered on 2023-01-01, a zone's
    # 2024 plan (targets only), a zone's 2025 economic conference news and a 街道's 2025 上半年 summary; written and
    # scored on main before any rule for them: 0.905 (38/42), 0.917 (11/12), 0 confusions; measured 1.000 (42/42),
    # 1.00, 0 after (公共财政预算收入, a multiple never an amount, parts sharing a tail, an opening's who dated by its news)
    "zones10.jsonl": ("zones5-10", 0.97, 1.00, 0),
    # held out until the end of this piece of work and scored once then: 0.705 (31/44), 0.875 (7/8), 1 confusion,
    # and 0.692 (18/26), 1.00, 1; development material since: measured 0.955 (42/44), 1.00, 0 and 1.000 (26/26), 1.00, 0
    # and 1.000 (44/44), 1.00, 0 at the end of the next (a target in words, a plan's standing name)
    "zones-heldout4.jsonl": ("zones4", 0.97, 1.00, 0),
    "paraphrases-heldout4.jsonl": ("all", 0.96, 1.00, 0),
    # picked before this piece of work's first rule by someone who never saw the code's answers, scored once at
    # its end over every zone text: 0.543 (25/46), 1.00 (8/8), 2 confusions (two texts skipped: no date in their
    # header), and 0.682 (15/22), 1.00, 1; development material since, with the dates staff would give:
    # measured 0.696 (32/46), 0.875 (7/8), 3 by `zoneqa eval` and 0.682 (15/22), 1.00, 1; over this suite's
    # index of the same texts (built from "all"'s) 0.652 (30/46), 0.875, 1. The two differ because a nested
    # place's names (河南省洛阳市嵩县) depend on the order of equally long endings, which follows the process's
    # hash seed: fixed since (equally long endings in a fixed order); measured 0.978 (45/46), 1.00, 0 and
    # 1.000 (22/22), 1.00, 0 after the next piece of work's rules (periods' first years, months gone, pairs,
    # ratios, thresholds, a rank in a list, a result against its target, a trend between two years); 1.000
    # (46/46), 1.00, 0 since a purpose clause (为确保…) says nothing of its sentence's kind
    "zones-heldout5.jsonl": ("zones7", 0.97, 1.00, 0),
    "paraphrases-heldout5.jsonl": ("all", 0.95, 1.00, 0),
    # picked likewise before that piece of work's first rule, scored once at its end: 0.727 (32/44), 1.00
    # (9/9), 4 confusions over every zone text, and 0.727 (16/22), 1.00 (4/4), 0 over "all6"; development
    # material since: measured 1.000 (44/44), 1.00, 2 (refusals offering another year's figure) and 1.000 (22/22),
    # 1.00, 0 at the end of the next; 1.000 (44/44), 1.00, 0 since another year's figure is named, not quoted
    "zones-heldout6.jsonl": ("zones8", 0.97, 1.00, 0),
    "paraphrases-heldout6.jsonl": ("all6", 0.95, 1.00, 0),
    # picked likewise before this piece of work's first rule (a district's and a city's 人代会 news, a county's
    # 前三季度 news, a zone's 1–10月 news, a zone's 上半年 news, a district's report opening; 2017–2023), scored
    # once at its end: 0.778 (35/45), 1.00 (9/9), 7 confusions over every zone text, and 0.909 (20/22), 0.75
    # (3/4), 0 over "all7"; development material since: measured 1.000 (45/45), 1.00, 0 and 1.000 (22/22), 1.00 (4/4),
    # 0 at the end of the next (a refusal names another year without its figure, a year named by its report,
    # who-answers dated, 宣布, a person's office, gaps, size classes, 经济涨了多少, 城里人跟农村人)
    "zones-heldout7.jsonl": ("zones9", 0.97, 1.00, 0),
    "paraphrases-heldout7.jsonl": ("all7", 0.95, 1.00, 0),
    # 39 phone phrasings (slang, afterthought years, tags, years in words, a slip; 3 per shape, 4 the texts do not
    # answer) written before the code answered them: 0.743 (26/35), 0.75 (3/4), 0 on integ12 when first seen;
    # measured 0.857 (30/35), 0.75, 0 after (tags that ask to confirm, 是 or 定的 before the figure, a hedge, a
    # year after the ending, a list asked by its count); 0.914 (32/35), 1.00, 0 at the end (a slip of a place's name
    # offered the place, not answered for it; a metric's typo offered its names; a plan's 思路 asked by its words);
    # 0.943 (33/35), 1.00, 0 since (a guiding idea asked is the sentence stating it)
    "paraphrases-dev7.jsonl": ("all8", 0.97, 1.00, 0),  # 1.000 (35/35), 1.00, 0 since (names typed by sound)
    # picked likewise before this piece of work's first rule (a county's December report, a city's and another's
    # 人代会 news, a zone's September news with 1–8月 figures, a zone's work meeting, a city's report; 2015–2021),
    # scored once at its end: 0.680 (34/50), 1.00 (9/9), 0 confusions over every zone text, and 0.636 (14/22), 0.75
    # (3/4), 0 over "all8"; development material since: measured 0.700 (35/50), 1.00, 0 beside the seed and the
    # zones (a zone named only by its city's name and its ending: 遂宁市经济技术开发区) and 0.682 (15/22), 0.75, 0; then
    # 0.780 (39/50), 1.00, 0 and 0.909 (20/22), 0.75, 0 (a meeting's delegates dated by the meeting, 提到多少 asks a
    # figure, a standing reached as a target, 二产三产, counts of firms, a target met in words, a from-to change);
    # 1.000 (50/50), 1.00, 0 and 1.000 (22/22), 1.00 (4/4), 0 at the end of the next (a part of the year gone by is
    # a result, periods named by their length, 主持, a who no sentence names refused, one metric between two years)
    "zones-heldout8.jsonl": ("zones10", 0.98, 1.00, 0),
    "paraphrases-heldout8.jsonl": ("all8", 0.95, 1.00, 0),
    # picked likewise before this piece of work's first rule (a 旗's and a county-level city's report openings and a
    # district's plan report, 2016; a city's 人代会 news, 2018; a zone's project news, 2019; a zone's November news,
    # 2022), scored once at its end: 0.702 (33/47), 0.90 (9/10), 3 confusions over the seed and the zones, and 0.727
    # (16/22), 1.00 (4/4), 0 over "all9" (trend 0/2, list 0/2, figure 1/2, overview 1/2); development material since:
    # measured 0.766 (36/47), 0.90, 2 and 0.818 (18/22), 1.00, 0 (a delivery line broken after its place, two years
    # joined as a stretch with a change word, 零 ending a word as in 社零, a from-to quoted with its rate); 0.979
    # (46/47), 1.00, 1 and 1.000 (22/22), 1.00, 0 at the end of the next (news as of a month's end covers its year so
    # far, a 旗 by its first character, names typed by sound, lists begun in their announcing sentence, 据…介绍);
    # 1.000 (47/47), 1.00, 1 since (a project's total carries the things the sentence before names); the one
    # confusion is a refusal of an amount that quotes the year's rate, which the gold forbids
    "zones-heldout9.jsonl": ("zones11", 0.97, 1.00, 1),
    "paraphrases-heldout9.jsonl": ("all9", 0.95, 1.00, 0),
    # picked likewise before this piece of work's first rule (a district's 2011 report, a county's report at a new
    # term's start, 2016; two zones' work and project meetings, 2017–2018; a county's 2020 report; a 街道's 2022
    # summary), scored once at its end: 0.833 (40/48), 1.00 (9/9), 1 confusion over the seed and the zones, and
    # 0.773 (17/22), 1.00 (4/4), 0 over "all10" (figure, overview, trend, mention, which_places 1/2; the rest 2/2);
    # development material since: 1.000 (48/48), 1.00, 0 and 1.000 (22/22), 1.00, 0 (街道, a county's own 开发区, a
    # name opening a quoted one, 三次产业 ratios, a base year asked, 主营业务收入, 表示 with an office, 或者)
    "zones-heldout10.jsonl": ("zones12", 0.97, 1.00, 0),
    "paraphrases-heldout10.jsonl": ("all10", 0.95, 1.00, 0),
    # picked likewise before this piece of work's first rule (a county's 2009 report, a county's report at a term's end
    # with 是2007年的N倍, a zone's work meeting in traditional script, two county reports of 2019, a zone's 汇报 of
    # 2022), scored once at its start on the tree the set was built after: 0.800 (36/45), 0.90 (9/10), 0 confusions
    # over the seed and the zones, and 0.909 (20/22), 0.75 (3/4), 0 over "all11" (overview, trend, who 1/2; the
    # rest 2/2); development material since: 0.942 (49/52, with dev14b's nine questions over the same 宜丰县 text),
    # 0.92 (11/12), 0 and 1.000 (22/22), 0.75, 0 at its end (traditional script and ruby pinyin read as simplified,
    # a county's own 园区, a target met 提前N年, 经济发展情况 as an overview, a multiple against a plan's end); 0.962
    # (50/52), 1.00 (12/12), 0 and 1.000, 1.00 (4/4), 0 after the next (a year's multiple is its base, "哪位领导讲的"
    # asks who and is refused by the text's title, "自…会议以来" is no delivery); 0.981 (51/52) after the next (a topic
    # named in the prose leading into its figure)
    "zones-heldout11.jsonl": ("zones13", 0.98, 1.00, 0),
    "paraphrases-heldout11.jsonl": ("all11", 1.00, 1.00, 0),
    # picked likewise before this piece of work's first rule (three zones' news and work reports, 2010, 2020 and 2024; a
    # county's 2021 report, a county's and a county-level city's 2023 reports), scored once at its end: 0.708
    # (34/48), 1.00 (9/9), 2 confusions over the seed and the zones, and 0.682 (15/22), 0.75 (3/4), 0 over "all12"
    # (trend 0/2; overview, rank, who, which_places, each_place, compare_places 1/2); one of its texts, 广安经开区's,
    # turned out to be heldout2's page (28/40, 7/7, 2 without its ten questions); development material since: 0.938
    # (45/48), 1.00, 0 and 1.000 (22/22), 1.00 (4/4), 0 after ranks by kind, shares of a whole, completion rates, a
    # thing's year set up, aims in words, counts over recent years, people counted in 万, a ratio's change; 1.000
    # (50/50, two completion shares asked since), 1.00, 0 after the next (prose leading into a figure or a date, a goal
    # asked by its scale, 抗疫 said 疫情)
    "zones-heldout12.jsonl": ("zones14", 1.00, 1.00, 0),
    "paraphrases-heldout12.jsonl": ("all12", 1.00, 1.00, 0),
    # picked likewise before the previous piece of work's first rule (two zones' news of 2013 and 2019, a county
    # party meeting's news of October 2017, three county-level cities' reports of 2012, 2014 and 2023, one reposted
    # on a forum with its anti-copy noise), scored once at this one's end: 0.854 (41/48), 1.00 (9/9), 3 confusions
    # over the seed and the zones, and 0.864 (19/22), 0.75 (3/4), 0 over "all13" (who 0/1, list and rank 1/2, the
    # unanswerable who refused wrongly; the rest right); development material since: 0.896 (43/48), 1.00, 2 and 0.909
    # (20/22), 0.75, 0 after 通报 as a who-verb, an overview's words in a who-question, 哪个区长, 想挤进 as a goal;
    # 0.979 (47/48), 1.00, 0 and 1.000 (22/22), 1.00 (4/4), 0 after the next (a forum's anti-copy filler read away, a
    # part of the year never offered for the whole, ranks going on from the figure before, a quoted count's items,
    # 那个领导 asks who, distances asked)
    "zones-heldout13.jsonl": ("zones15", 0.97, 1.00, 0),
    "paraphrases-heldout13.jsonl": ("all13", 1.00, 1.00, 0),
    # picked likewise before the previous piece of work's first rule (two zones' news of 2009 and 2015, a district's
    # 2012 report opening, a county's and a district's 2018 news, a county's 2024 report), scored once at this one's
    # end: 0.756 (34/45), 0.90 (9/10), 1 confusion over the seed and the zones, and 0.864 (19/22), 0.75 (3/4), 1 over
    # "all14" (list, mention, each_place, compare_places 1/2; the rest 2/2); development material since: 0.867
    # (39/45), 0.80 (8/10), 1 after a province said without its ending before its city (江西鹰潭经济开发区 is 鹰潭经开区),
    # one refusal lost to a figure cut off by the page's end ("力争实现主营业务收入5"); 0.933 (42/45), 0.90 (9/10), 0 after
    # a deputy never answering for the office asked, GDP能耗 as the energy metric, 三产 asked short, a tier no rank;
    # 1.000 (45/45), 1.00 (10/10), 0 after a figure cut off by the text's end read as none, a rank said without 第,
    # a year pointed back at (03年那会儿), the count of the kind asked over a sum of kinds, who led a group
    "zones-heldout14.jsonl": ("zones16", 1.00, 1.00, 0),
    # and 0.955 (21/22), 0.75 (3/4), 0 after words naming the document a mention asks of (那篇访谈) and a question's
    # 分别 no match for a clause giving two groups' figures; 1.000 (22/22), 1.00 (4/4), 0 after a counted list asked
    # (哪五个方面) and an amount compared where one place gives its rate alone refused
    "paraphrases-heldout14.jsonl": ("all14", 1.00, 1.00, 0),
    # picked likewise before this piece of work's first rule (a zone's 2011 and 2013 news, a town's 2016 report, a
    # banner's 2018 report, a zone's 2020 summary, a district's 2023 report), scored once at its end: 0.638 (30/47), 1.00
    # (9/9), 4 confusions over the seed and the zones (estimates taken for the targets asked with 力争/争取, revenue for
    # 财政花了, a count of a signing's projects), and 0.864 (19/22), 0.75 (3/4), 0 over "all15" (trend, yesno_target,
    # which_places and compare_places 1/2; the rest 2/2); development material since: 0.809 (38/47), 1.00, 4 after
    # a town under a county of one character named alone (富堨), a banner said with its side (新左旗) and a token closing
    # line after line read as filler
    "zones-heldout15.jsonl": ("zones17", 0.80, 1.00, 4),
    "paraphrases-heldout15.jsonl": ("all15", 0.86, 0.75, 0),
    # 39 phone-style phrasings, 3 per shape, over texts of all14 no phrasing set had asked (heldout8–13 and zones9–10
    # reports and news), written before running the bot on them; 5 unanswerable: first 0.765 (26/34), 0.60 (3/5), 0
    # (这四年 no period, 木有, a rank after a rate in its window, 全州第一 and 第一的高基数, 烟叶种植 as a topic, amounts
    # compared where both give rates); since: 0.882 (30/34), 0.80 (4/5), 0
    "paraphrases-dev17.jsonl": ("all14", 0.88, 0.80, 0),
    # five north and north-east texts picked and asked before the bot was run on them (two zones' news, 2010 and
    # 2014; three districts' reports, 2010, 2016, 2023): first 0.886 (31/35), 1.00 (6/6), 3 confusions (a list of
    # shares said before their names, 主营收入); development material since: 1.000 (35/35), 1.00, 0
    "zones-dev14a.jsonl": ("zones14a", 0.97, 1.00, 0),
    # four east and south-central texts no one here had seen (a town's September 2017 report, a zone's 1–10月 news
    # of 2017, a town's 2021 party congress news, a zone's 1–10月 summary of 2025; a fifth, 宜丰县's, was heldout11's and
    # its questions went there): 0.762 (32/42), 1.00 (6/6), 4 confusions first seen over the seed and the zones, with
    # it; measured 0.914 (32/35), 1.00 (4/4), 0 without it after the whole year's estimate before the months so far, a
    # threshold beside the figure reached elsewhere, 规模工业/地方收入/国税/地税 named and a count of firms giving its
    # measures to the clause after it; 0.971 (34/35), 1.00, 0 after aims in words (争创 said 创建) and a speaker named
    # before "向大会作报告"; 1.000 (35/35) after a figure in an aside naming an earlier year ("(去年全年12个)")
    "zones-dev14b.jsonl": ("zones14b", 1.00, 1.00, 0),
    # five western and central texts no one here had seen, asked before the bot was run on them (通辽经开区's targets
    # of 2013, 赣州经开区's news conference of January 2023, 万佛湖镇's report of April 2020, 和硕县's December 2017
    # report in Traditional script with ruby pinyin, 湟源县's 2025 report): first 0.800 (28/35), 1.00 (6/6), 3
    # confusions (two kinds of projects, each counted, given their figures by 分别) and 4 refusals (全部工业's and
    # 规模以上工业's 增加值 targets said with 力争完成, one a bare 增加值; a speaker named 区领导); since: 1.000, 1.00, 0
    "zones-dev15.jsonl": ("zones15a", 1.00, 1.00, 0),
    # five texts no one here had seen, asked before the bot was run on them (柳东新区's 1–11月 news of 2014, 吉林高新区's
    # targets of 2017, 西流河镇's five-year report of November 2016, 互助县's 70th-anniversary news conference of 2024,
    # 乌拉特中旗's 2009 yearbook entry in Traditional script with ruby pinyin): first 0.694 (25/36), 0.83 (5/6), 4
    # confusions (产能 for 产了多少车, 杜伟 beside the 管委会主任 asked, all three years for 哪年建县, a masked name) and 7
    # wrong refusals; since: 0.944 (34/36), 0.83 (5/6: a period's from-to is no year's growth), 1 (the masked
    # 旗委书记); 0.972 (35/36), 1.00 (6/6), 0 after a bare "五年" read as the years counted back and a masked newcomer
    # refused; left: 工业产值 asked where only 规上工业总产值 is given
    "zones-dev16.jsonl": ("zones16a", 0.97, 1.00, 0),
    # five texts no one here had seen, asked before the bot was run on them (都昌县's 2008 statistical bulletin,
    # 船寮镇's report of February 2014, 准东开发区's five-year news of 2017, 屯昌县's congress news of January 2022 with
    # its targets, 玉溪高新区's half-year news of 2023 with figures spaced off their units): first 0.588 (20/34), 0.83 (5/6),
    # 4 confusions (非烟 figures for the 规上 ones asked, a 年均 multiple dated by the sentence before, a refusal quoting the
    # growth where the amount was asked); since: 0.706 (24/34), 0.83, 4 after 工农业生产总值 named as its own metric, a
    # listed change against a year kept with its verb, a name above the greeting under a dated delivery line as its speaker
    # and 年人均 incomes; left: a threshold asked of a clause that leaves out what it counts ("超500万元的有3个"), a from-to
    # of counts ("由2012年的20个…发展到2017年…113个"), 规模以上 said alone for its firms, reporters asked for, a bare 其中
    # clause's 非烟 part taken for the whole, 工业产值 asked where only 规上 is given
    "zones-dev17.jsonl": ("zones17a", 0.70, 0.83, 4),
    "dev.jsonl": ("all", 1.00, 1.00, 0),  # the seed's questions with 31 more texts beside it: none may change
}


@pytest.mark.parametrize("gold", sorted(FLOORS))
def test_real_report_gold_sets_do_not_get_worse(real_answerers, gold):
    corpus, accuracy, abstention, confusions = FLOORS[gold]
    reports_answerer = real_answerers[corpus]
    texts = [p.read_text(encoding="utf-8") for folder in REAL_CORPORA[corpus] for p in sorted(folder.iterdir())
             if p.suffix in (".md", ".txt")]
    items = load_gold(ROOT / "tests" / "gold" / gold, texts)
    searcher = reports_answerer.searcher

    def ask(question: str) -> dict:
        answer = reports_answerer.ask(question)
        return {**answer.to_dict(), "confidence": answer.confidence}

    report = evaluate(items, ask, lambda q, k: [h.to_dict() for h in searcher.search(q, k)])
    print(f"\n{gold}\n{format_table(report)}")  # pytest shows it when the test fails
    summary = report["summary"]
    assert summary["accuracy"] >= accuracy
    assert summary["abstention"] >= abstention
    assert summary["confusions"] <= confusions
