"""Events in news written elsewhere: capabilities that generalise beyond the pages we wrote.

Every sentence here is our own, in the style of the papers the real-text sets come from.
"""

import datetime as dt

from feeds.extract.articles import split_articles
from feeds.extract.dates import find_dates
from feeds.extract.events.names import find_names
from feeds.extract.events.places import location_of
from feeds.extract.events.sentences import Sentence
from feeds.extract.normalize import normalize
from feeds.extract.pipeline import extract_page

PUBLISHED = dt.date(2026, 6, 10)


def events_of(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(e.title, e.interval.start.isoformat(), e.interval.end.isoformat())
            for result in extract_page(text, published) for e in result.events]


def test_a_comma_inside_a_quoted_theme_parts_no_clause():
    found = events_of("6月20日至22日，以“开放，合作，共赢”为主题的2026青岛国际海洋装备博览会将在青岛国际会展中心举行。")
    assert found == [("2026青岛国际海洋装备博览会", "2026-06-20", "2026-06-22")]


def test_a_date_that_opens_the_sentence_governs_a_name_clauses_later():
    found = events_of("6月12日，由市商务局主办、市跨境电商协会承办的“2026跨境电商发展论坛”于西海岸新区举办。")
    assert found == [("2026跨境电商发展论坛", "2026-06-12", "2026-06-12")]


def test_a_bare_press_conference_is_titled_by_the_body_that_holds_it():
    found = events_of("市商务局今天召开新闻发布会，介绍今年外贸形势。")
    assert found == [("市商务局新闻发布会", "2026-06-10", "2026-06-10")]


def test_a_bare_head_with_no_holder_stays_out():
    assert events_of("今天上午召开了新闻发布会，介绍有关情况。") == []


def test_a_headline_run_into_its_wire_dateline_is_cut_off():
    [article] = split_articles("海洋装备博览会下月开幕新华社青岛6月9日电 (记者王海) 2026海洋装备博览会将于7月8日开幕。")
    assert (article.headline, article.dateline) == ("海洋装备博览会下月开幕", "新华社青岛6月9日电 (记者王海)")
    assert article.body == "2026海洋装备博览会将于7月8日开幕。"


def test_a_portal_dateline_with_a_chinese_numeral_date_is_a_dateline_too():
    [article] = split_articles("市民文化节闭幕中新社青岛六月九日电第五届市民文化节今天闭幕。")
    assert article.dateline == "中新社青岛六月九日电"
    assert article.body == "第五届市民文化节今天闭幕。"


def test_an_event_known_by_its_latin_name_opens():
    found = events_of("6月12日，2026ChinaJoy正式开幕，数百家厂商参展。")
    assert found == [("2026ChinaJoy", "2026-06-12", "2026-06-12")]


def test_a_latin_name_with_its_stage_is_a_competition():
    [(title, start, _)] = events_of("明天MSI小组赛将在上海正式开始。")
    assert (title, start) == ("MSI小组赛", "2026-06-11")


def test_a_venue_in_latin_letters_is_no_event():
    found = events_of("电影《海风》6月20日晚在中环Palace IFC举行首映礼。")
    assert found == [("《海风》首映礼", "2026-06-20", "2026-06-20")]
    assert events_of("发布会6月20日在IFC举行。") == []


def test_a_name_with_tong_xun_is_not_cut_at_xun():
    [(title, _, _)] = events_of("将在6月的MWC世界移动通讯大会上发布新机。")
    assert title == "MWC世界移动通讯大会"


def test_open_heads_a_dialogue_a_gala_and_a_topic_show():
    assert events_of("第三次中日经济高层对话6月9日在东京举行。")[0][0] == "第三次中日经济高层对话"
    assert events_of("6月9日晚，2026红人榜颁奖盛典在北京举行。")[0][0] == "2026红人榜颁奖盛典"
    assert events_of("在6月9日广州第一场留学展上，记者看到不少家长。")[0][0] == "广州第一场留学展"


def test_a_head_inside_a_quoted_title_is_at_the_gathering():
    found = events_of("6月9日，协会秘书长在“城市燃气发展座谈会”上表示，行业将进一步开放。")
    assert found == [("城市燃气发展座谈会", "2026-06-09", "2026-06-09")]


def test_a_traditional_page_is_read_in_simplified_and_given_back_as_printed():
    page = "本報台北6月9日訊 第十屆臺北國際書展將於6月20日至23日在世貿中心舉行，週六開放夜場。"
    [result] = extract_page(page, PUBLISHED)
    assert result.article.dateline.startswith("本報台北6月9日訊")
    assert [(e.title, e.interval.start.isoformat(), e.location) for e in result.events] == [
        ("第十屆臺北國際書展", "2026-06-20", "世貿中心")]
    assert result.events[0].evidence.startswith("第十屆臺北國際書展將於")


def test_an_english_wire_dateline_with_the_agency_in_brackets():
    [article] = split_articles("Taipei, June 9 (CNA) The city will hold a book fair next week.")
    assert article.dateline == "Taipei, June 9 (CNA)"


def test_a_lower_case_gathering_is_titled_by_who_holds_it():
    found = events_of("The chipmaker TSMC will hold an investor conference on June 18 to detail its results.")
    assert found == [("TSMC investor conference", "2026-06-18", "2026-06-18")]


def test_a_ceremony_belongs_to_the_event_whose_it_is():
    [(title, start, _)] = events_of("Athletes marched at the Asian Masters Games' opening ceremony on June 20.")
    assert (title, start) == ("Asian Masters Games opening ceremony", "2026-06-20")


def test_counts_questions_and_plain_adjectives_name_no_event():
    assert events_of("本届运动会共有五场比赛6月12日举行。") == []
    assert events_of("6月12日将举行哪些活动，记者进行了采访。") == []
    assert events_of("6月12日，这两个会议在北京召开。") == []


def test_a_reporter_whose_name_ends_in_a_head_word_is_no_event():
    assert events_of("本报6月9日讯（记者  王晓展）6月9日，学校召开就业工作推进会。") == [
        ("就业工作推进会", "2026-06-09", "2026-06-09")]
    assert events_of("6月9日上午，市委宣传部举行记者招待会（记者 李明会 摄影 张三）。")[0][0].endswith("记者招待会")


def test_an_exhibition_named_as_such_is_an_exhibition():
    found = events_of("科技馆今日至8月30日举办深海探测与海洋生态专题展览，市民可免费参观。")
    assert found == [("深海探测与海洋生态专题展览", "2026-06-10", "2026-08-30")]
    [(title, start, end)] = events_of("“齐鲁大地---山东史前文明展”下月5日至9月8日在市博物馆展出。")
    assert (title, start, end) == ("齐鲁大地---山东史前文明展", "2026-07-05", "2026-09-08")


def test_a_plan_put_on_public_display_is_no_exhibition():
    found = events_of("都市计画草案自6月12日起依法公开展览30天。")
    assert found == []


def test_the_place_a_bare_ceremony_is_for_titles_it():
    assert events_of("6月9日，学院在图书馆举行大学生创业实践基地的揭牌仪式。") == [
        ("大学生创业实践基地揭牌仪式", "2026-06-09", "2026-06-09")]
    assert events_of("6月9日，学院举行了隆重的揭牌仪式。") == []


def test_the_official_who_fronts_a_bare_press_conference_titles_it():
    assert events_of("财政局局长王立新今日举行记者会，介绍新一年预算。") == [
        ("王立新记者会", "2026-06-10", "2026-06-10")]
    assert events_of("他今日出席记者会，介绍新一年预算。") == []


def test_a_shorter_name_for_the_event_on_its_day_is_the_same_event():
    found = events_of("首轮中美战略与经济对话6月12日在华盛顿举行。6月12日的战略对话聚焦双边关系。")
    assert found == [("首轮中美战略与经济对话", "2026-06-12", "2026-06-12")]


def test_appearing_at_an_event_ends_its_name():
    found = events_of("6月12日，主席现身第十届全国极限运动大赛，观看了比赛。")
    assert [title for title, _, _ in found] == ["第十届全国极限运动大赛"]


def test_dui_begins_a_dialogue_it_does_not_end_the_name():
    found = events_of("主席将出席6月12日在罗马举行的八国集团同发展中国家领导人对话会议。")
    assert [title for title, _, _ in found] == ["八国集团同发展中国家领导人对话会议"]


def test_two_gatherings_joined_by_he_are_two_names():
    sentence = Sentence("两国元首将出席签字仪式和中意经贸论坛暨企业家洽谈会。", 0, 26, [])
    assert [n.title for n in find_names(sentence)] == ["签字仪式", "中意经贸论坛暨企业家洽谈会"]


def test_a_bare_press_event_is_titled_by_the_film_that_holds_it():
    found = events_of("昨日，新片《海风》在北京举行记者会，主演悉数出席。")
    assert found == [("《海风》记者会", "2026-06-09", "2026-06-09")]


def flags_of(text: str) -> list[tuple[str, ...]]:
    return [e.flags for result in extract_page(text, PUBLISHED) for e in result.events]


def test_a_plan_s_date_is_flagged_tentative_and_less_sure():
    [event] = [e for r in extract_page("2026青岛国际茶叶博览会初步定于9月20日在国际会展中心举行。", PUBLISHED)
               for e in r.events]
    assert event.flags == ("tentative", "year_inferred") and event.confidence == 0.6


def test_a_date_written_in_full_and_announced_plainly_is_sure():
    [event] = [e for r in extract_page("2026青岛国际茶叶博览会将于2026年9月20日在国际会展中心举行。", PUBLISHED)
               for e in r.events]
    assert event.flags == () and event.confidence == 1.0


def test_relative_and_month_only_dates_are_flagged():
    assert flags_of("青岛国际啤酒节明天在西海岸新区开幕。") == [("relative",)]
    assert flags_of("第十届青岛国际动漫节将于2026年8月在青岛举办。") == [("month_only",)]


def test_the_summit_is_the_summit_named_before():
    found = events_of("She will address the Copenhagen Democracy Summit. "
                      "The summit, organized by an alliance, will be held in Copenhagen from June 13-14.")
    assert found == [("Copenhagen Democracy Summit", "2026-06-13", "2026-06-14")]


def test_an_english_name_may_end_in_of_and_its_subject():
    [(title, _, _)] = events_of("The Los Angeles Times Festival of Books will be held on June 20.")
    assert title == "Los Angeles Times Festival of Books"  # the article that opens the sentence is no part of it


def test_a_party_holding_a_press_conference_titles_it():
    assert events_of("国民党24日召开记者会，宣布游行路线。", dt.date(2026, 6, 25)) == [
        ("国民党记者会", "2026-06-24", "2026-06-24")]


def test_the_day_of_arrival_is_not_the_day_of_the_meeting_attended():
    assert events_of("主席昨天抵达叶卡捷琳堡，出席第九次元首理事会会议。") == []


def test_a_pull_quote_mark_ends_a_name():
    text = "峰会将探讨合作■议题上海合作组织成员国元首理事会会议将于15日举行。"
    assert all("■" not in n.title for n in find_names(Sentence(text, 0, len(text), [])))


def test_abbreviated_fairs_and_games_are_events():
    assert events_of("第八届进博会今天在上海闭幕。") == [("第八届进博会", "2026-06-10", "2026-06-10")]
    [(title, start, _)] = events_of("第十五届全运会于6月9日在广州开幕。")
    assert (title, start) == ("第十五届全运会", "2026-06-09")


def test_a_phrase_that_counts_is_no_name():
    found = events_of("第十五届全运会于6月9日在广州开幕，设34个竞技比赛项目和23个群众赛事活动。")
    assert [title for title, _, _ in found] == ["第十五届全运会"]


def test_a_hall_named_for_meetings_is_no_meeting():
    text = "代表们在人民大会堂讨论。"
    assert find_names(Sentence(text, 0, len(text), [])) == []


def test_the_games_press_centre_holding_a_briefing_is_no_games():
    found = events_of("今天下午，第十五届全国运动会主新闻中心举行新闻发布会，介绍赛事筹备情况。")
    assert found == [("第十五届全国运动会主新闻中心新闻发布会", "2026-06-10", "2026-06-10")]


def test_a_lead_date_governs_the_next_sentence_without_a_date():
    found = events_of("6月12日，市长会见了外国客商。双方共同出席了2026青岛国际茶叶博览会开幕式。", dt.date(2026, 6, 13))
    assert found == [("2026青岛国际茶叶博览会", "2026-06-12", "2026-06-12")]


def test_two_consecutive_days_listed_are_one_span_unless_two_sessions_are_counted():
    assert events_of("2026青岛国际茶叶博览会6月14日、15日在国际会展中心举办。") == [
        ("2026青岛国际茶叶博览会", "2026-06-14", "2026-06-15")]
    assert len(find_dates("6月14日、15日举行两场招聘会。", PUBLISHED)) == 2


def test_the_sentence_after_a_one_day_event_may_give_its_length():
    found = events_of("2026世界航商大会6月9日在香港举行。为期两天的会议将探讨行业转型。")
    assert found == [("2026世界航商大会", "2026-06-09", "2026-06-10")]


def test_a_length_after_a_closing_counts_back():
    found = events_of("第八届进博会今天在上海闭幕。为期6天的展会吸引了众多采购商。")
    assert found == [("第八届进博会", "2026-06-05", "2026-06-10")]


def test_an_event_s_time_given_as_a_date_is_its_day():
    found = events_of("新品发布会时间为6月23日，届时将推出新款手环。")
    assert found and found[0][1:] == ("2026-06-23", "2026-06-23")


def test_a_date_right_before_a_ceremony_that_ends_the_clause_is_its_day():
    found = events_of("她的下一站就是6月19日香港电影金像奖颁奖典礼。")
    assert found == [("香港电影金像奖颁奖典礼", "2026-06-19", "2026-06-19")]


def test_a_statement_dated_by_its_sentence_and_a_start_cue_still_carries_its_day():
    found = events_of("针对将于7月1日起实施的新规，副部长陈健9日表示，传闻不实。"
                      "陈健在此间召开的第十三届投资贸易洽谈会新闻发布会上说，进口正常。")
    assert found == [("第十三届投资贸易洽谈会新闻发布会", "2026-06-09", "2026-06-09")]


def test_deadlines_in_a_call_of_one_sentence_and_in_english():
    assert events_of("征集截止时间为2026年7月15日。") == [("征集截止", "2026-07-15", "2026-07-15")]
    assert events_of("报名截止日期为下月7日，逾期不予受理。") == [("报名截止", "2026-07-07", "2026-07-07")]
    [(title, due, _)] = events_of("Applications for the program close on July 10.")
    assert due == "2026-07-10" and title.endswith("deadline")
    assert events_of("截至5月底，累计接待游客100万人次。") == []


def test_a_past_english_month_looks_back_within_its_own_sentence():
    text = "The race will be held on Nov 18. Registration closed in September."
    [month] = find_dates(text, dt.date(2018, 11, 10))[1:]
    assert month.interval.start_date == dt.date(2018, 9, 1)


def test_a_headline_only_item_is_read_as_its_article():
    assert events_of("2026青岛国际茶叶博览会6月20日开幕") == [("2026青岛国际茶叶博览会", "2026-06-20", "2026-06-20")]


def test_a_terse_today_or_yesterday_before_what_happens():
    found = events_of("【本报讯】一连4天的香港国际旅游展今开锣，多国代表团参展。")
    assert found == [("香港国际旅游展", "2026-06-10", "2026-06-13")]
    assert events_of("广管局主席昨在记者会上表示，投诉减少。") == [("广管局记者会", "2026-06-09", "2026-06-09")]
    assert find_dates("今后至今在如今将昨夜", PUBLISHED) == []


def test_a_head_that_names_one_well_known_event_is_a_name():
    assert events_of("书展今日开锣，新书琳琅满目。") == [("书展", "2026-06-10", "2026-06-10")]


def test_a_press_conference_someone_spoke_at_on_the_day_is_an_event():
    found = events_of("警方刑事调查总监、拿督沙列昨日下午在记者会上称，疑犯涉嫌走私。")
    assert found == [("记者会", "2026-06-09", "2026-06-09")]
    found = events_of("林志远今日下午在记者会上阐述新预算的内容时说，经济将温和增长。")
    assert found == [("林志远记者会", "2026-06-10", "2026-06-10")]


def test_this_year_s_subject_that_runs_is_an_event():
    found = events_of("Taipei, June 9 (CNA) Vendors prepare.\n"
                      "This year's Computex will run from June 20-23 at the expo hall.")
    assert found == [("Computex", "2026-06-20", "2026-06-23")]


def test_a_date_before_held_de_names_the_event_after_it():
    found = events_of("这次座谈会是为下月召开的第五届东北亚地方政府首脑峰会做准备的一次会议。")
    assert found == [("第五届东北亚地方政府首脑峰会", "2026-07-01", "2026-07-31")]


def test_what_is_held_on_a_date_is_an_event_though_no_head_word_ends_it():
    found = events_of("谈及8月2日将在釜山举行的2026年女排亚青，主教练表示全队信心十足。")
    assert found == [("2026年女排亚青", "2026-08-02", "2026-08-02")]


def test_a_contest_that_closed_on_a_date_is_dated_by_it():
    found = events_of("6月7日落下大幕的全国“金牌导游”大赛吸引了来自各地的选手参加。")
    assert found == [("全国“金牌导游”大赛", "2026-06-07", "2026-06-07")]


def test_a_held_clause_does_not_swallow_the_words_after_the_name():
    found = events_of("她为出战6月19日举行的青岛电影节而赶制礼服。")
    assert all("礼服" not in title for title, _, _ in found)


def test_a_bulleted_paragraph_of_several_sentences_is_body_text():
    page = "■本报提醒 有意报名的市民请携带身份证。报名于2026年6月15日至16日在市体育局办理。"
    (article,) = split_articles(page)
    assert "6月15日" in article.body


def test_a_date_labelled_the_deadline_is_one_whatever_is_due():
    found = events_of("该宗地块采用网上竞买方式，网上竞价的截止日期为下月15日。")
    assert found == [("网上竞价截止", "2026-07-15", "2026-07-15")]


def test_the_date_a_deadline_moves_to_is_the_deadline():
    found = events_of("该校把秋季入学的申请截止日期从原来的8月1日提前到7月1日。")
    assert [(start, end) for _, start, end in found] == [("2026-07-01", "2026-07-01")]
    assert "申请截止" in found[0][0]


def test_a_span_in_which_readers_must_apply_is_a_deadline_over_the_span():
    found = events_of("有意参加的市民请于2026年6月15日至16日工作时间内到区政务服务中心办理听证报名。")
    assert found == [("听证报名", "2026-06-15", "2026-06-16")]


def test_a_span_in_which_an_office_reviews_someones_application_is_no_deadline():
    assert events_of("区规划局于2026年6月1日在网站上为期10天公示该公司的调整方案的申请。") == []


def test_a_cycle_is_no_week_of_events():
    found = events_of("2026年6月15日至2026年8月15日，申报评审周期，结果另行公布。")
    assert [(start, end) for _, start, end in found] == [("2026-06-15", "2026-08-15")]
    assert all(not title.endswith("周") for title, _, _ in found)


def test_a_contest_said_later_to_last_two_days_lasts_two_days():
    found = events_of("第五届全国攀岩大赛12日在日照举行。来自各地的百余名选手将参加8个项目的比赛，比赛为期两天，"
                      "13日为决赛。")
    assert ("第五届全国攀岩大赛", "2026-06-12", "2026-06-13") in found


def test_a_length_said_of_another_kind_of_event_does_not_widen():
    found = events_of("第五届全国攀岩大赛12日在日照举行。同期举办的装备展会为期三天。")
    assert ("第五届全国攀岩大赛", "2026-06-12", "2026-06-12") in found


def test_that_evening_with_no_day_given_before_names_no_day():
    assert events_of("除了出席影片见面会外，主演当晚还现身市中心影城与观众见面。") == []


def test_that_evening_after_a_dateline_is_the_datelines_day():
    found = events_of("本报6月10日讯 主演当晚出席了影片见面会。")
    assert [(start, end) for _, start, end in found] == [("2026-06-10", "2026-06-10")]


def test_a_bare_launch_is_titled_by_the_product_it_launches():
    found = events_of("小米手环9确定发布会时间为6月25日，新品将同场亮相。")
    assert found == [("小米手环9发布会", "2026-06-25", "2026-06-25")]


def test_a_delegation_trip_is_dated_by_the_days_it_takes():
    found = events_of("2026年5月3日-9日，市青联带领20名青年代表在日本开始了一场难忘的文化交流之旅。")
    assert found == [("文化交流之旅", "2026-05-03", "2026-05-09")]


def test_a_trip_begun_on_one_day_is_a_departure_not_an_event():
    assert events_of("航天员乘组6月12日将以最佳状态开启太空之旅。") == []


def test_a_briefing_is_a_press_event_titled_by_its_holder():
    found = events_of("本报北京6月8日电 （记者王明）市政府新闻办8日举行吹风会，介绍有关情况。")
    assert found == [("市政府新闻办吹风会", "2026-06-08", "2026-06-08")]


def test_the_event_set_to_take_place_is_the_one_named_before():
    found = events_of("Athletes are arriving in Qingdao for the 2026 Asian Sailing Championships. "
                      "The event, set to take place from June 20-25, will draw 300 sailors.")
    assert ("2026 Asian Sailing Championships", "2026-06-20", "2026-06-25") in found


def test_a_festival_that_will_return_widens_the_day_named_first():
    found = events_of("The Qingdao Jazz Festival will take place in the city on June 19. "
                      "Organizers said the festival will return to the waterfront from June 19 to 21.")
    assert found == [("Qingdao Jazz Festival", "2026-06-19", "2026-06-21")]


def test_the_competition_is_the_first_competition_named_not_one_mentioned_in_passing():
    found = events_of("The 2026 Qingdao Open Chess Cup begins on June 12. "
                      "It is the first event since the 2028 Los Angeles Olympic Games were announced. "
                      "The competition runs from June 12 to 14.")
    assert ("2026 Qingdao Open Chess Cup", "2026-06-12", "2026-06-14") in found
    assert all("Olympic" not in title for title, _, _ in found)


def test_an_english_delegation_visit_lasts_the_days_it_says():
    found = events_of("A business delegation led by Governor Anna Berg arrived in Qingdao on Saturday "
                      "for a five-day visit, the city said.", dt.date(2026, 6, 13))
    assert found == [("Business delegation led by Governor Anna Berg to Qingdao", "2026-06-13", "2026-06-17")]


def test_who_will_lead_a_delegation_titles_it():
    found = events_of("Lena Holm, a Swedish lawmaker, will lead a delegation to Qingdao on Sunday "
                      "for a three-day visit.")
    assert found == [("Delegation led by Lena Holm to Qingdao", "2026-06-14", "2026-06-16")]


def test_an_english_name_may_end_in_its_year_and_city():
    found = events_of("Expo 2026 Qingdao opened on Sunday. The sculpture will remain on display throughout the expo, "
                      "which opened Sunday and runs until Oct. 13.", dt.date(2026, 6, 14))
    assert ("Expo 2026 Qingdao", "2026-06-14", "2026-10-13") in found


def test_a_which_clause_dates_the_name_it_hangs_on():
    found = events_of("The visuals echo the 2026 World Ocean Conference, which is scheduled to take place "
                      "in the coastal city of Qingdao, in eastern China, from June 19 to 23, the office said.")
    assert found == [("2026 World Ocean Conference", "2026-06-19", "2026-06-23")]


def test_english_venues_keep_the_small_words_of_their_names():
    assert location_of("The fair takes place at the University of Southern California.") == (
        "University of Southern California")
    assert location_of("The festival will be held in the coastal city of Nice from May 2.") == "Nice"
    assert location_of("The festival returns to Kaohsiung from May 23 to 25.") == "Kaohsiung"
    assert location_of("The fair opens in May.") == ""


def test_a_bare_launch_at_whose_scene_a_sentence_opens_is_the_works_launch_on_the_day_before():
    found = events_of("青年作家的新书《海风里的城》，今天在青岛与读者见面。发布会现场，作者与读者分享了创作经历。")
    assert found == [("《海风里的城》发布会", "2026-06-10", "2026-06-10")]


NOTICE = """关于举办2026年青岛市创业项目路演会的通知

一、时间地点

（一）首场：2026.7.4（星期六）9:00-12:00
地点：青岛国际创新园

二、报名方式

（一）参赛团队报名。请于2026/6/25前登录“青岛创业网”提交项目材料。

三、有关要求

（一）首场路演会当天，现场同步举办投融资对接会。

（二）往年路演会均安排在9月举办，今年提前至7月。"""


def test_a_notices_section_title_stands_apart_from_its_numbered_items():
    found = events_of(NOTICE)
    assert ("2026年青岛市创业项目路演会首场", "2026-07-04T09:00:00+08:00", "2026-07-04T12:00:00+08:00") in found


def test_a_numbered_items_label_says_what_is_due_by_the_date_under_it():
    assert ("参赛团队报名截止", "2026-06-25", "2026-06-25") in events_of(NOTICE)


def test_the_day_of_a_named_session_is_its_own_and_other_years_events_are_none():
    titles = [title for title, _, _ in events_of(NOTICE)]
    assert not any(title.startswith("往年") for title in titles)
    assert not any(start == "2026-06-25" and "对接会" in title for title, start, _ in events_of(NOTICE))


def test_the_event_a_notice_names_in_its_title_is_the_parent_of_its_final_and_deadlines():
    found = events_of("根据《关于举办2026年青岛市青年创新创业大赛的通知》安排，大赛报名截止时间为6月20日。"
                      "经研究，大赛报名截止时间延长至6月30日。决赛拟于7月下旬在青岛市举行。")
    assert ("2026年青岛市青年创新创业大赛报名截止", "2026-06-30", "2026-06-30") in found
    assert ("2026年青岛市青年创新创业大赛决赛", "2026-07-21", "2026-07-31") in found


def test_next_week_is_no_week_of_events_and_an_alliance_holds_a_press_conference():
    found = events_of("市民联盟下周将举行集会。市民联盟昨日召开记者会，宣布集会路线。", dt.date(2026, 6, 11))
    assert found == [("市民联盟记者会", "2026-06-10", "2026-06-10")]


def test_a_number_inside_a_name_is_no_count_of_events():
    found = events_of("24日，中国科学院百项海洋科技成果入青转化活动在青岛举办。")
    assert found == [("中国科学院百项海洋科技成果入青转化活动", "2026-06-24", "2026-06-24")]


def test_a_quoted_theme_before_a_campaign_word_names_it():
    found = events_of("“守护海洋·我们在行动”宣传活动21日在青岛市举办。")
    assert found == [("“守护海洋·我们在行动”宣传活动", "2026-06-21", "2026-06-21")]


def test_the_launch_of_a_campaign_is_an_event_on_its_day():
    found = events_of("6月8日，市生态环境局召集企业和志愿者代表，在青岛启动海洋垃圾清理系列行动。")
    assert found == [("海洋垃圾清理系列行动", "2026-06-08", "2026-06-08")]


def test_a_list_of_campaigns_is_no_event():
    assert events_of("今年1月起，各地持续开展春风行动、暖心送岗等活动。") == []


def test_a_later_fuller_name_on_the_same_day_titles_the_event_once():
    found = events_of("6月9日，市政府新闻办公室举行例行新闻发布会。"
                      "市商务局例行新闻发布会6月9日在青岛举行，介绍了外贸情况。")
    assert found == [("市商务局例行新闻发布会", "2026-06-09", "2026-06-09")]


def test_a_month_inside_a_quoted_title_is_no_date():
    found = events_of("美术学院“‘绽放的六月’2026届毕业生作品展”不久前开幕。")
    assert all(start != "2026-06-01" for _, start, _ in found)


def test_an_award_announced_on_a_day_is_its_ceremony():
    found = events_of("第12届青岛电影金海鸥奖昨晚（6月9日）在青岛揭晓。")
    assert found == [("第12届青岛电影金海鸥奖", "2026-06-09", "2026-06-09")]


def test_a_headline_run_into_the_body_is_no_part_of_the_name():
    found = events_of("第十届海博会闭幕意向成交金额破300亿元第十届中国国际海洋博览会今天(6月10日)在青岛闭幕。")
    assert ("第十届中国国际海洋博览会", "2026-06-10", "2026-06-10") in found
    found = events_of("2026青岛海洋论坛闭幕2026青岛海洋论坛今天在青岛闭幕。")
    assert found == [("2026青岛海洋论坛", "2026-06-10", "2026-06-10")]


def test_a_bare_ceremony_in_the_body_is_the_one_the_headline_names():
    found = events_of("青岛海洋科普月启动仪式在青岛举行\n\n(2026年6月8日，青岛)海洋科普月系列活动于6月8日正式启动。"
                      "启动仪式当日，200名志愿者走进社区。")
    assert ("青岛海洋科普月启动仪式", "2026-06-08", "2026-06-08") in found


def test_a_reported_event_with_no_place_of_its_own_is_where_the_report_was_filed():
    found = extract_page("新华社青岛6月8日电 市政府新闻办公室8日举行新闻发布会，介绍有关情况。", dt.date(2026, 6, 8))
    (event,) = found[0].events
    assert event.location == "青岛"


def test_here_is_no_place_name():
    assert location_of("首轮对话在这里举行。") == ""


def test_corner_bracket_quotes_read_as_quotes_and_stay_as_printed():
    found = events_of("一間佔地三千呎的「海底奇妙館」今日正式開幕，吸引大批市民。")
    assert found == [("海底奇妙館", "2026-06-10", "2026-06-10")]


def test_the_last_day_of_a_consultation_is_a_deadline():
    found = events_of("有關「海濱長廊優化計劃」的公眾諮詢今日結束，團體昨到政府總部請願。")
    assert found == [("「海濱長廊優化計劃」的公眾諮詢截止", "2026-06-10", "2026-06-10")]


def test_the_first_day_of_a_nomination_period_is_its_opening():
    found = events_of("區議會選舉提名期昨日開始，多名候選人遞表。", dt.date(2026, 6, 11))
    assert found == [("區議會選舉提名期開始", "2026-06-10", "2026-06-10")]


def test_a_name_label_and_a_time_label_run_into_one_line_give_the_events_span():
    found = events_of("6月12日起，书城隆重举办“夏日好书”活动。活动名称：“夏日好书” 活动时间：2026年6月12日~6月30日。")
    assert found == [("“夏日好书”活动", "2026-06-12", "2026-06-30")]


def test_a_time_line_with_no_name_above_is_the_event_the_article_opens_with():
    found = events_of("青岛港航运服务说明会2026年6月1日，港航企业推出新服务。为方便客户了解，负责人将详细介绍。"
                      "时间：6月20日下午14:30地点：港航大厦会议厅")
    assert ("青岛港航运服务说明会", "2026-06-20T14:30:00+08:00", "2026-06-20T14:30:00+08:00") in found


def test_the_only_date_of_a_sentence_reaches_the_name_clauses_later():
    found = events_of("市环保组织在6月20日晚8点起，进行全城熄灯接力，将各区的“绿色一小时”环保活动呈现给市民。")
    assert found == [("“绿色一小时”环保活动", "2026-06-20T20:00:00+08:00", "2026-06-20T20:00:00+08:00")]


def test_a_dateline_of_a_broadcasters_news_is_no_event_date():
    assert events_of("中广网北京6月8日消息(记者王明)近日，多家企业共同参与的“黄河”生态考察活动即将启动。") == []


def test_a_match_report_is_no_event_reached_through_clauses():
    assert events_of("北京时间6月9日19点35分，足协杯第5轮较量，青岛海牛主场迎战业余球队日照队。") == []


def test_a_filing_period_opened_and_then_extended_runs_from_its_opening_to_its_new_end():
    found = events_of("年度个人所得税申报自6月1日开始，为方便纳税人，税务部门将申报时间延长至7月底。",
                      dt.date(2026, 6, 2))
    assert found == [("年度个人所得税申报", "2026-06-01", "2026-07-31")]


def test_a_rite_done_in_the_evening_is_named_without_the_evening():
    names = [n.title for n in find_names(Sentence("晚间完成「祈福」仪式后，队伍返程。", 0, 16, []))]
    assert names == ["「祈福」仪式"]


def test_a_name_that_opens_after_before_is_an_event_on_that_day():
    found = events_of("The company will hold a dinner for suppliers before Qingdao Tech Expo opens on June 20.")
    assert ("Qingdao Tech Expo", "2026-06-20", "2026-06-20") in found


def test_a_capitalized_name_before_a_lower_case_head_and_a_deity_that_arrives():
    found = events_of("The annual Laoshan Mazu pilgrimage began in Qingdao early Wednesday. "
                      "Mazu is scheduled to arrive at the temple at 11 a.m. Thursday.")
    assert found == [("Laoshan Mazu pilgrimage", "2026-06-10", "2026-06-10")]


def test_a_year_and_a_city_before_an_edition_stay_in_the_name():
    found = events_of("2026日照市第十届篮球比赛开幕式7月20日在日照体育中心举行。")
    assert [title for title, _, _ in found] == ["2026日照市第十届篮球比赛"]  # the opening stands for it


def test_a_lower_case_head_with_no_name_is_titled_by_what_it_is_of():
    found = events_of("A retrospective featuring the works of director Li Wei will take place in Qingdao "
                      "from June 16-18.")
    assert found == [("Retrospective featuring the works of director Li Wei", "2026-06-16", "2026-06-18")]


def test_a_later_span_around_the_first_day_given_is_the_events_span():
    found = events_of("Li Na won a bronze medal at the 2025 Qingdao Sailing Cup on Friday. "
                      "The competition runs from Tuesday to Saturday, with 80 boats racing.", dt.date(2025, 4, 4))
    assert found == [("2025 Qingdao Sailing Cup", "2025-04-01", "2025-04-05")]


def test_the_date_whose_held_clause_leads_to_the_name_is_its_date():
    found = events_of("馆藏文物于六月十日起在博物馆展出，以配合六月十至十二日在青岛举行的海洋考古国际学术会议。",
                      dt.date(2026, 6, 1))
    assert ("海洋考古国际学术会议", "2026-06-10", "2026-06-12") in found


def test_a_tours_numbered_stop_that_sets_off_on_a_day_is_an_event():
    found = events_of("2026年6月15日，海洋科普进校园计划第三站日照站在这里正式启航。")
    assert [(start, end) for _, start, end in found] == [("2026-06-15", "2026-06-15")]
    assert "第三站" in found[0][0]


def test_a_numbered_stop_of_a_line_is_no_event():
    assert events_of("6月15日起，地铁2号线第五站暂停服务。") == []


WIRE = ("China and Kenya to deepen cooperation on ports and trade after new agreements\n"
        "BEIJING, June 9 (Xinhua) -- The two countries have agreed to hold a joint seminar in mid-July, a spokesperson "
        "for the Ministry of Commerce said Tuesday. Li Ming said at a regular press conference that talks will go on. "
        "Premier Wang made the remarks in Beijing when addressing the 3rd China-Kenya trade summit via video link.")


def test_a_wires_weekdays_count_from_its_dateline_not_the_next_days_paper():
    found = events_of("QINGDAO, June 9 (Xinhua) -- Scientists on Tuesday called for more ocean research at the "
                      "Qingdao Ocean Forum.", dt.date(2026, 6, 10))
    assert [start for _, start, _ in found] == ["2026-06-09"]


def test_a_long_english_headline_stays_a_headline():
    (article,) = split_articles(WIRE)
    assert article.headline.startswith("China and Kenya") and article.dateline.startswith("BEIJING, June 9")


def test_the_press_conference_a_spokesperson_said_it_at_is_on_the_day_said():
    found = events_of("BEIJING, June 9 (Xinhua) -- The two countries have agreed to hold a joint seminar in "
                      "mid-July, a spokesperson said Tuesday. Li Ming said at a regular press conference that talks "
                      "will go on.", dt.date(2026, 6, 10))
    assert ("press conference", "2026-06-09", "2026-06-09") in found


def test_a_summit_addressed_the_day_before_is_on_that_day():
    found = events_of("BEIJING, June 9 (Xinhua) -- China will deepen trade ties, said Premier Wang Tuesday. "
                      "Wang made the remarks in Beijing when addressing the 3rd China-Kenya trade summit via video "
                      "link.", dt.date(2026, 6, 10))
    assert [(start, end) for title, start, end in found if "summit" in title] == [("2026-06-09", "2026-06-09")]


def test_an_english_wires_city_is_where_a_reported_event_without_a_place_was():
    (result,) = extract_page("QINGDAO, June 9 (Xinhua) -- A spokesperson said Tuesday. He said at a regular press "
                             "conference that talks will go on.", dt.date(2026, 6, 10))
    assert [e.location for e in result.events] == ["Qingdao"]


def test_markup_a_crawl_left_in_its_text_is_read_as_the_character_it_stands_for():
    assert normalize("Trade with B&amp;R countries grew; AT&T and &notice stay.") == \
        "Trade with B&R countries grew; AT&T and &notice stay."


def test_an_english_headline_over_a_body_without_dateline_stays_a_headline():
    (article,) = split_articles(normalize(
        "Young sailors race for the Qingdao Cup in strong winds\n"
        "More than 200 young sailors from 12 countries took to the water off Qingdao on Sunday for the final day of "
        "racing. Organizers said the event would return next year."))
    assert article.headline == "Young sailors race for the Qingdao Cup in strong winds"
    assert article.body.startswith("More than 200 young sailors")


def test_a_photo_credit_after_a_full_stop_begins_a_new_sentence():
    found = events_of("Students read in front of the new library, June 2. (Photo/Li Ming) The library's opening "
                      "ceremony drew 300 readers.")
    assert found == []


def test_a_gathering_without_a_proper_name_that_was_held_is_named_by_its_words():
    found = events_of("A lantern riddle contest was held on Saturday at a primary school in Qingdao.")
    assert found == [("lantern riddle contest", "2026-06-06", "2026-06-06")]


def test_an_english_subject_held_after_an_aside_is_the_event_of_the_sentences_date():
    found = events_of("A photography exchange event between the Laoshan scenic area and the Alps in Austria, two "
                      "mountain parks, was held on Monday in Qingdao.")
    assert [(start, end) for _, start, end in found] == [("2026-06-08", "2026-06-08")]
    assert found[0][0].startswith("photography exchange event between the Laoshan")


def test_a_quoted_part_of_an_english_name_stays_in_it():
    found = events_of("The final of the 2026 Golden Pen Cup “Young Voices” Essay Contest concluded on June 7.")
    assert found == [("2026 Golden Pen Cup “Young Voices” Essay Contest", "2026-06-07", "2026-06-07")]


def test_a_captions_closing_date_is_the_day_of_the_gathering_it_shows():
    found = events_of("Premier Wang attends the 5th Silk Road summit via video link in Beijing, capital of China, "
                      "June 8, 2026. Wang delivered a speech at the summit.")
    assert found == [("5th Silk Road summit", "2026-06-08", "2026-06-08")]


def test_telling_a_press_conference_is_holding_one_on_the_day_said():
    found = events_of("QINGDAO, June 9 (Xinhua) -- Port cargo grew by 5 percent in May, the city's port authority "
                      "said on Tuesday. Cargo from Africa doubled, Wang Lin, a spokesperson for the authority, told a "
                      "press conference.", dt.date(2026, 6, 10))
    assert ("press conference", "2026-06-09", "2026-06-09") in found


def test_the_day_something_was_said_is_not_the_day_of_the_meeting_it_reports():
    found = events_of("The Ministry of Commerce on Tuesday said the 4th round of China-Kenya Trade Working Group "
                      "Meeting was held on June 5 in Nairobi.")
    assert [(start, end) for _, start, end in found] == [("2026-06-05", "2026-06-05")]


def test_an_english_sentence_a_crawl_glued_to_the_one_before_still_begins_anew():
    found = events_of("The port opened a new berth on Monday.The authority made the announcement during a press "
                      "conference yesterday.", dt.date(2026, 6, 10))
    assert found == [("press conference", "2026-06-09", "2026-06-09")]


def test_saying_it_during_a_press_conference_is_holding_one_that_day():
    found = events_of("Four people lost their savings in a ticket scam, a police spokesman said during a regular "
                      "press conference yesterday.")
    assert found == [("press conference", "2026-06-09", "2026-06-09")]


def test_a_subheading_between_two_paragraphs_of_one_block_stands_apart():
    page = normalize("港口货量稳步回升\n今年以来，港口货量稳步回升，外贸航线持续加密，航运企业的信心明显增强，"
                     "多家船公司表示将继续增加运力投放。\n航线加密，信心回升\n"
                     "6月8日，东北亚港口合作峰会就航线共建达成协议，与会各方同意每年轮流举办，下一届将在釜山举行，届时还将发布港口合作指数。")
    assert "航线加密,信心回升\n6月8日" in page
    assert ("东北亚港口合作峰会", "2026-06-08", "2026-06-08") in events_of(page)


def test_a_briefing_on_the_situation_is_a_gathering():
    found = events_of("6月8日，该公司在京召开情况介绍会，回应消费者关切。")
    assert found == [("情况介绍会", "2026-06-08", "2026-06-08")]


def test_a_meeting_and_entertainment_centre_is_a_venue_not_a_meeting():
    found = events_of("商务局将于6月12日上午10时在海湾旅游塔会议娱乐中心四楼举办“跨境服务贸易政策宣讲会”。")
    assert [title for title, _, _ in found] == ["跨境服务贸易政策宣讲会"]


def test_a_count_as_of_a_day_is_no_deadline():
    found = events_of("第12届青岛国际茶博会将于6月18日至21日举办。截至6月8日，已有3000余名采购商通过网站预登记。")
    assert found == [("第12届青岛国际茶博会", "2026-06-18", "2026-06-21")]


def test_what_an_office_must_ensure_by_a_day_is_no_readers_deadline():
    assert events_of("各单位须在6月底前确保全部车辆登记造册。") == []


def test_a_window_for_comments_is_titled_by_the_consultation_its_headline_names():
    found = events_of("(城规) 海湾片区规划草案收集意见（2026.06.10-2026.06.24）\n"
                      "新一批规划草案现正公示，公众可由即日起至6月24日期间，透过电邮或亲临规划局提交意见。")
    assert [title for title, _, _ in found] == ["海湾片区规划草案收集意见截止"]
    assert found[0][1:] == ("2026-06-10", "2026-06-24")


def test_a_workshop_keeps_the_title_of_the_work_it_trains_on():
    found = events_of("由市场监管局主办的《食品安全管理规范》进阶培训工作坊于本年6月15日至17日举行。")
    assert found == [("《食品安全管理规范》进阶培训工作坊", "2026-06-15", "2026-06-17")]


def test_a_craft_market_is_a_fair():
    (result,) = extract_page("由文化局主办的“海湾艺墟”，将于6月12日至14日在文化中心举行。", PUBLISHED)
    assert [(e.title, e.category) for e in result.events] == [("海湾艺墟", "fair")]


def test_an_abbreviation_inside_an_english_name_ends_no_sentence():
    found = events_of("The “Harbour Sports Co. Qingdao Open Badminton Tournament 2026” will be held from July 20 "
                      "to 26 at the Qingdao Olympic Sports Center Stadium.")
    assert found == [("Harbour Sports Co. Qingdao Open Badminton Tournament 2026", "2026-07-20", "2026-07-26")]


def test_a_title_case_english_headline_stands_over_its_first_paragraph():
    (article,) = split_articles(normalize(
        "Qingdao Scholar Joins National Delegation at UN Ocean Committee Meeting for First Time\n"
        "From June 1 to 5, the 31st session of the United Nations Committee on Ocean Affairs was held in Geneva."))
    assert article.headline.startswith("Qingdao Scholar") and article.body.startswith("From June 1 to 5")


def test_a_bodys_session_is_named_by_the_body():
    found = events_of("On June 3, the 31st session of the United Nations Committee on Ocean Affairs (UNCOA) was "
                      "held in Geneva.")
    assert found == [("31st session of the United Nations Committee on Ocean Affairs (UNCOA)", "2026-06-03",
                      "2026-06-03")]


def test_a_forum_on_the_internet_is_a_website_not_a_gathering():
    assert events_of("黑客6月2日在网络论坛上公开了窃取的数据。") == []


def test_the_day_results_came_is_not_the_day_of_the_round_that_follows():
    found = events_of("羽毛球比赛，昨晚产生了男女单打的16强，今晚将进行八分之一决赛的争夺。")
    assert [(start, end) for _, start, end in found] == [("2026-06-10", "2026-06-10")]


def test_a_day_well_inside_a_running_event_is_not_its_date():
    assert events_of("第三届全市运动会比赛今天（6月10日）进入开幕后的第三个比赛日，全天共产生20枚金牌。") == []


def test_a_final_told_by_who_won_it_is_a_result():
    assert events_of("昨晚，游泳比赛在市体育中心产生多项冠军。女子100米蝶泳决赛，山东队年仅14岁的小将摘得冠军，"
                     "她同时还打破了该项目的全市纪录。") == []


def test_what_was_said_during_a_press_conference_dates_it():
    found = events_of("摊贩昨在记者会期间对管理处深表不满，要求重新商议租金。")
    assert found == [("摊贩记者会", "2026-06-09", "2026-06-09")]


def test_the_place_after_words_that_describe_it_is_the_venue():
    (result,) = extract_page("6月8日，第五届海洋文化节在风景秀丽、游人如织的青岛金沙滩隆重开幕。", PUBLISHED)
    assert [e.location for e in result.events] == ["青岛金沙滩"]
    (result,) = extract_page("6月8日，第三届樱桃采摘节在“樱桃第一村”——崂山区北宅街道隆重开幕。", PUBLISHED)
    assert [e.location for e in result.events] == ["崂山区北宅街道"]


def categories_of(text: str) -> list[tuple[str, str]]:
    return [(e.title, e.category) for result in extract_page(text, PUBLISHED) for e in result.events]


def test_an_activity_is_of_the_kind_its_name_says():
    assert categories_of("6月8日，两岸青年交流研讨活动在青岛举行。") == [("两岸青年交流研讨活动", "conference")]
    assert categories_of("6月8日，“最美海岛”摄影评选活动在青岛启动。") == [("“最美海岛”摄影评选活动", "competition")]


def test_a_publicity_week_and_a_rally_are_neither_festival_nor_conference():
    assert categories_of("6月8日，第三届全市食品安全宣传周在青岛启动。") == [("第三届全市食品安全宣传周", "other")]
    assert categories_of("6月8日，海洋科考队在青岛举行出征誓师大会。")[0][1] == "other"


def test_the_event_a_generic_english_subject_stands_for_gives_its_kind():
    found = categories_of("The Qingdao Festival of Books drew 100,000 readers last year. The event will be held "
                          "on June 20 and 21 at Qingdao University.")
    assert found == [("Qingdao Festival of Books", "festival")]


def test_a_picture_and_text_show_is_an_exhibition():
    assert categories_of("“海洋与城市”图文展于6月8日在市图书馆开幕。") == [("“海洋与城市”图文展", "exhibition")]


def test_a_solo_show_under_its_headline_runs_for_the_dates_its_listing_gives():
    found = events_of("王海水墨个展 展现海的气象\n"
                      "画家王海在“海上清风”个展中，展出30件水墨作品，题材有海浪、礁石和渔船，构图简约，采用大写意手法画成，是他近十年来创作的一次集中展示。\n"
                      "日期：即日至明年1月31日\n地点：市美术馆")
    assert found == [("王海水墨个展", "2026-06-10", "2027-01-31")]


def test_a_press_conference_answered_at_is_held_that_day():
    found = events_of("关于课程改革的争议，市教育局长李明今天在记者会回答记者提问时表示，改革将分步推进。")
    assert [(start, end) for _, start, end in found] == [("2026-06-10", "2026-06-10")]
    assert found[0][0].endswith("记者会")


def test_an_event_talks_are_about_is_not_held_on_the_day_of_the_talks():
    assert events_of("两国于当地时间今天（10日）上午10点举行会谈，预计双方将在会谈上就参加2026青岛国际帆船赛和改善两国"
                     "关系事宜开展讨论。") == []


def test_what_closes_on_a_day_is_due_then():
    assert events_of("该调查将在本月30日截止。") == [("调查截止", "2026-06-30", "2026-06-30")]


def test_an_english_date_standing_before_its_name_is_its_day():
    found = events_of("She was the first to qualify for the Oct 21-28 Qingdao Sailing Finals in Qingdao.")
    assert found == [("Qingdao Sailing Finals", "2026-10-21", "2026-10-28")]


def test_a_town_hall_is_a_gathering():
    found = events_of("The residents' group held its first town hall on Sunday (June 7), which drew 300 people.")
    assert [(start, end) for _, start, end in found] == [("2026-06-07", "2026-06-07")]


def test_the_competition_that_took_place_is_the_one_named_before():
    found = events_of("Winners of this year's Qingdao Lifeguard Rescue Challenge were honoured. The team beat five "
                      "others in the competition that took place on June 2.")
    assert found == [("Qingdao Lifeguard Rescue Challenge", "2026-06-02", "2026-06-02")]


def test_a_name_before_a_generic_gathering_titles_it():
    found = events_of("Mr Li speaks at the Harbour4All town hall on June 7, 2026.")
    assert found == [("Harbour4All town hall", "2026-06-07", "2026-06-07")]


def test_a_masters_next_month_is_an_event_of_that_month():
    found = events_of("名将罗斯透露，他将参加下个月的新加坡高尔夫球名人赛。")
    assert found == [("新加坡高尔夫球名人赛", "2026-07-01", "2026-07-31")]


def test_a_submission_deadline_is_titled_by_what_is_due_not_the_effort_before_it():
    found = events_of("联署团体表示，目前已收到1万多份联署书，会力拼在14日截止日前送件。")
    assert found == [("送件截止", "2026-06-14", "2026-06-14")]


def test_a_lead_date_is_also_the_day_of_another_name_its_own_clause_says_is_held():
    found = events_of("6月8日上午，第十届海洋论坛开幕首日，由市贸促会主办的“蓝色伙伴签约发布会”在会展中心隆重举行。")
    assert ("第十届海洋论坛", "2026-06-08", "2026-06-08") in found
    assert ("蓝色伙伴签约发布会", "2026-06-08", "2026-06-08") in found


def test_a_name_before_another_in_one_clause_is_its_modifier_not_a_second_event():
    found = events_of("上周末，本市读书周的名家讲座在市图书馆举行，吸引了众多读者。")
    assert len(found) == 1


def test_that_day_is_the_day_told_last_not_a_month_named_since():
    found = events_of("市商务局发言人8日表示，外贸回稳向好。今年5月份，出口增长12%。"
                      "在当日举行的国务院新闻办新闻发布会上，他介绍了有关情况。")
    assert [(start, end) for _, start, end in found] == [("2026-06-08", "2026-06-08")]


def test_a_citys_press_conference_is_titled_by_the_city():
    found = events_of("9日下午，青岛市举行新闻发布会，介绍防汛工作情况。")
    assert found == [("青岛市新闻发布会", "2026-06-09", "2026-06-09")]


def test_a_draft_open_for_comments_titles_its_deadline():
    found = events_of("《青岛市海岸带保护条例（草案征求意见稿）》正面向社会公开征求意见，截止日期为今年7月10日。")
    assert found == [("《青岛市海岸带保护条例(草案征求意见稿)》征求意见截止", "2026-07-10", "2026-07-10")]


def test_a_time_word_of_the_names_own_sets_it_apart_from_the_date():
    assert events_of("6月2日，她在社交平台晒出两人去年参加帆船比赛的照片，为丈夫庆生。") == []


def test_a_past_ceremony_dated_only_by_a_part_of_a_month_has_no_calendar_day():
    assert events_of("货轮于5月下旬在青岛港举行启航仪式后开始了自己的旅程。") == []
    assert events_of("货轮将于7月下旬在青岛港举行启航仪式。") == [("启航仪式", "2026-07-21", "2026-07-31")]


def test_an_ampersand_joins_the_words_of_an_english_name():
    found = events_of("The bureau is running a booth at the Education & Careers Expo 2026 from today (June 10) "
                      "for four consecutive days.")
    assert found == [("Education & Careers Expo 2026", "2026-06-10", "2026-06-13")]


def test_the_length_a_sentence_gives_its_own_event():
    assert events_of("海洋文化节今日起一连四天在奥帆中心举行。") == [("海洋文化节", "2026-06-10", "2026-06-13")]
    found = events_of("The four-day plenary session of the Municipal People's Congress concluded on Tuesday.")
    assert [(start, end) for _, start, end in found] == [("2026-06-06", "2026-06-09")]


def test_a_length_before_another_noun_is_not_the_events():
    found = events_of("She spoke after yesterday's award ceremony for the two-day youth camp at the college.")
    assert [(start, end) for _, start, end in found] == [("2026-06-09", "2026-06-09")]


def test_the_five_day_event_a_later_sentence_names_gives_the_fair_its_length():
    found = events_of("The 5th Qingdao International Ocean Fair kicked off on June 8. "
                      "The five-day event was presented online for the first time.")
    assert found == [("Qingdao International Ocean Fair", "2026-06-08", "2026-06-12")]


def test_an_acronym_in_brackets_stands_inside_an_english_name():
    found = events_of("The minister today (June 10) attended the Hospital Authority (HA) Convention 2026 and the "
                      "Asia Summit on Global Health.")
    assert found == [("Hospital Authority (HA) Convention 2026", "2026-06-10", "2026-06-10"),
                     ("Asia Summit on Global Health", "2026-06-10", "2026-06-10")]


def test_names_joined_by_and_are_held_together():
    found = events_of("6月10日，市长出席了海洋科技论坛和蓝色经济博览会。")
    assert [title for title, _, _ in found] == ["海洋科技论坛", "蓝色经济博览会"]


def test_a_name_that_only_says_what_the_people_met_came_for_has_no_day_here():
    assert events_of("局长今日与来青出席2026海洋装备研讨大会的内地代表团会面。") == []


def test_a_speech_at_a_gathering_today_dates_it():
    found = events_of("Following is the speech by the Secretary at the Plenary Session: Building Resilience "
                      "of the Asia Summit on Global Health today (June 10):")
    assert found == [("Asia Summit on Global Health", "2026-06-10", "2026-06-10")]


def test_a_show_that_marks_the_opening_of_a_festival_gives_its_first_day():
    found = events_of("The ballet will grace the stage of the Cultural Centre for two performances on June 12 and 13, "
                      "marking the grand opening of the Chinese Culture Festival (CCF) 2026.")
    assert found == [("Chinese Culture Festival (CCF) 2026", "2026-06-12", "2026-06-12")]


def test_this_years_show_is_the_show_named_before():
    found = events_of("Schools may join the replanting scheme of the Hong Kong Flower Show. "
                      "This year's flower show will be held from March 20 to 29 at Victoria Park.",
                      dt.date(2026, 1, 22))
    assert found == [("Hong Kong Flower Show", "2026-03-20", "2026-03-29")]


def test_applying_by_a_day_is_a_deadline_for_what_is_applied_for():
    found = events_of("Schools are invited to apply for this year's Community Tree Planting Scheme by June 27.")
    assert found == [("Community Tree Planting Scheme application deadline", "2026-06-27", "2026-06-27")]


def test_an_english_headline_that_runs_long_stays_over_its_body():
    [article] = split_articles(normalize(
        "Secretary for Health attends International Healthcare Week highlighting the city's role as a regional "
        "connector (with photos)\nThe Secretary for Health today (May 11) attended the Asia Summit on Global Health."))
    assert article.headline.endswith("(with photos)")
    assert article.body.startswith("The Secretary")


def test_a_head_that_ends_a_quoted_name_names_all_the_quote_holds():
    found = events_of("教育局今日起一連四日參加在會議展覽中心舉行的「教育及職業博覽2026」，設置展覽攤位。")
    assert found == [("教育及職業博覽", "2026-06-10", "2026-06-13")]


def test_a_launch_rite_is_a_ceremony():
    found = events_of("以下是局長今日上午在「樂齡友善.社區關愛站」啟動禮的致辭全文：")
    assert [(title, start) for title, start, _ in found] == [("「樂齡友善.社區關愛站」啟動禮", "2026-06-10")]


def test_a_bare_talk_is_titled_by_its_theme():
    found = events_of("教育局將於明日下午二時在展覽廳舉行以「專業引領 守正創新」為主題的講座。")
    assert [title for title, _, _ in found] == ["「專業引領守正創新」講座"]


def test_a_briefing_someone_holds_is_a_gathering_titled_by_the_holder():
    assert events_of("The FEHD held the first briefing for the trade today (June 10).") == [
        ("FEHD briefing", "2026-06-10", "2026-06-10")]
    assert events_of("A briefing note for the trade was issued today (June 10).") == []


def test_what_a_gathering_marks_the_start_of_begins_that_day():
    found = events_of("The minister today (June 10) attended the Asia Summit on Global Health, marking the start of "
                      "the annual flagship event International Healthcare Week.")
    assert ("International Healthcare Week", "2026-06-10", "2026-06-10") in found


def test_clock_minutes_in_chinese_numerals_after_a_glossed_date_time_the_event():
    [event] = [e for r in extract_page("教育局將於明日（六月十一日）下午十二時四十五分至一時十五分在展覽廳舉行"
                                         "以「職涯規劃」為主題的講座。", PUBLISHED) for e in r.events]
    assert (event.interval.start.isoformat(), event.interval.end.isoformat()) == (
        "2026-06-11T12:45:00+08:00", "2026-06-11T13:15:00+08:00")


def test_a_title_case_wire_dateline_begins_the_body_under_its_headline():
    [article] = split_articles(normalize("Seminar on Ocean Science Held in Qingdao\n"
                                         "Pyongyang, June 9 (KCNA) -- A seminar on ocean science took place."))
    assert (article.headline, article.dateline) == ("Seminar on Ocean Science Held in Qingdao",
                                                    "Pyongyang, June 9 (KCNA) --")


def test_a_gathering_with_no_proper_name_is_named_by_what_it_is_of():
    assert events_of("An unveiling ceremony of the memorial tablet took place on June 8.") == [
        ("unveiling ceremony of the memorial tablet", "2026-06-08", "2026-06-08")]
    found = events_of('A European regional seminar on ocean science titled "Seas, coasts and people" took place '
                      "in Sofia on June 8.")
    assert [(start, end) for _, start, end in found] == [("2026-06-08", "2026-06-08")]


def test_the_items_of_a_digest_run_into_one_line_are_not_dated_by_the_digest():
    assert events_of("Following are major news items in the Daily News on Wednesday:- Meetings were held in "
                     "different provinces.- A ceremony for moving into new houses took place.") == []


def test_the_day_registration_opens_is_dated_for_what_its_clause_names():
    found = events_of("2027年度公务员考试15日开始报名：共计招录3.8万人。")
    assert found == [("2027年度公务员考试报名", "2026-06-15", "2026-06-15")]
    assert events_of("大赛即日起开始报名，欢迎市民参加。") == []


def test_a_meeting_of_leaders_is_a_gathering_and_dialogue_as_a_means_is_not():
    found = events_of("14日，三国青岛会晤成功举行，重申以政治对话解决地区问题。")
    assert found == [("三国青岛会晤", "2026-06-14", "2026-06-14")]


def test_violent_activity_is_no_gathering():
    assert events_of("工会10日开展大罢工，或引发暴力活动。") == []


def test_a_bare_closing_ceremony_is_the_one_of_the_event_named_before():
    found = events_of("The 2026 Marine Industry Exhibition closed in Qingdao. "
                      "A closing ceremony took place at the convention centre on June 9.")
    assert found == [("closing ceremony of the 2026 Marine Industry Exhibition", "2026-06-09", "2026-06-09")]


def test_a_match_for_a_cup_is_titled_as_that_match():
    found = events_of("A quarterfinal match for the 2026 Asian Women's Cup took place between the two teams on June 8.")
    assert found == [("quarterfinal match for the 2026 Asian Women's Cup", "2026-06-08", "2026-06-08")]


def test_a_contest_among_people_and_a_numbered_seminar_are_named_by_their_words():
    found = events_of("A contest among instructors of study groups took place on June 3 and 5.")
    assert found == [("contest among instructors of study groups", "2026-06-03", "2026-06-05")]
    found = events_of("The 28th seminar of coastal cities on green ports was held in Qingdao from May 26 to 28.")
    assert [(start, end) for _, start, end in found] == [("2026-05-26", "2026-05-28")]


def test_an_english_name_of_another_time_after_the_date_is_not_on_it():
    assert events_of("The association issued a statement on June 8: At the recent 45th session of the Regional "
                     "Ocean Council, a report was adopted.") == []
    found = events_of("At its last investor conference held on Jan. 16, the company raised its forecast.")
    assert [start for _, start, _ in found] == ["2026-01-16"]


def test_what_someone_said_during_the_opening_session_of_a_forum_dates_the_forum():
    found = events_of("The former minister on Monday called for closer talks. \"We must cooperate,\" he said during "
                      "the opening session of the Qingdao Blue Economy Forum, adding that time is short.")
    assert found == [("Qingdao Blue Economy Forum", "2026-06-08", "2026-06-08")]


def test_an_annual_gathering_that_opens_its_sentence_takes_the_date_clauses_later():
    found = events_of("The annual Laoshan Mazu pilgrimage, widely known as the longest procession on foot, "
                      "began in Qingdao early Friday, drawing a record crowd.")
    assert found == [("Laoshan Mazu pilgrimage", "2026-06-05", "2026-06-05")]


def test_an_exhibition_titled_in_quotes_is_named_by_its_title():
    found = events_of('The museum\'s exhibition "Waves of the Yellow Sea" opens on June 20.')
    assert found == [("Waves of the Yellow Sea", "2026-06-20", "2026-06-20")]


def test_the_dates_of_a_part_are_not_those_of_the_whole_it_belongs_to():
    assert events_of('The scroll will be displayed from June 20 to July 19 as part of the museum\'s three-month '
                     'exhibition "Waves of the Yellow Sea."') == []


def test_a_press_conference_held_after_a_meeting_is_on_its_day_titled_by_who_holds_it():
    found = events_of("【#封城#】比利时首相德克罗10日在国家安全委员会会议后举行记者会宣布，全国实施封城。")
    assert found == [("国家安全委员会会议", "2026-06-10", "2026-06-10"),
                     ("比利时首相德克罗记者会", "2026-06-10", "2026-06-10")]


def test_a_reporters_byline_in_brackets_is_no_part_of_the_name():
    found = events_of("〔記者林雅婷／台南報導〕2026台南國際茶葉博覽會將於7月3日至6日在台南會展中心舉行。")
    assert found == [("2026台南國際茶葉博覽會", "2026-07-03", "2026-07-06")]


def test_a_final_that_takes_the_stage_on_a_day_is_held_then():
    found = events_of("「港灣杯」少年圍棋賽決賽將於14日上午登場。")
    assert found == [("「港灣杯」少年圍棋賽決賽", "2026-06-14", "2026-06-14")]


def test_a_registration_window_that_opens_and_closes_is_due_over_its_days():
    found = events_of("2026海滨半程马拉松定于8月2日开跑，报名将于6月15日10时开启，6月25日截止。")
    assert found == [("2026海滨半程马拉松报名截止", "2026-06-15", "2026-06-25"),
                     ("2026海滨半程马拉松", "2026-08-02", "2026-08-02")]


def test_what_is_held_in_a_month_named_after_an_earlier_meeting_is_not_that_meeting():
    assert events_of("市长12日主持防汛工作会议时表示，8月登场的防汛实战检验受到关注。") == [
        ("防汛工作会议", "2026-06-12", "2026-06-12")]


def test_a_film_festival_is_a_festival_and_unfolding_grandly_is_no_exhibition():
    found = extract_page("2026高雄電影影展即將於11月6日至15日盛大展開！", PUBLISHED)[0].events
    assert [(e.title, e.category) for e in found] == [("2026高雄電影影展", "festival")]


def test_a_season_of_events_in_quotes_or_with_its_year_is_a_festival():
    assert events_of("「2026基隆海港季」即日起至8月29日登場。") == [("2026基隆海港季", "2026-06-10", "2026-08-29")]
    assert events_of("「藍天季2026」將於7月1日至9月30日在港區登場。") == [("藍天季", "2026-07-01", "2026-09-30")]


def test_a_season_word_that_is_only_a_season_names_nothing():
    assert events_of("今年旺季將於7月1日開始，業者預估客量成長。") == []


def test_two_quoted_names_with_their_english_aliases_are_held_together():
    found = events_of("由外貿協會主辦的「台灣國際漁業展(Fisheries Taiwan)」與「台灣國際海事週(Maritime Taiwan)」，"
                      "將於10月14日至16日在高雄展覽館舉行。")
    assert sorted(found) == [("台灣國際海事週", "2026-10-14", "2026-10-16"),
                             ("台灣國際漁業展", "2026-10-14", "2026-10-16")]


def test_a_brand_moving_into_a_show_on_its_days_dates_the_show():
    assert events_of("日本機車品牌將於7月12日至14日進駐高雄展覽館「2026國際機車展」。") == [
        ("2026國際機車展", "2026-07-12", "2026-07-14")]


def test_what_a_series_once_won_at_is_not_held_on_its_premiere():
    assert events_of("曾榮獲釜山影展「最佳新人」肯定的新劇《海風》即將於6月14日開播。") == []


def test_what_came_before_is_not_held_on_the_day_of_what_follows_it():
    found = events_of("樂團繼上月為球賽擔任開場嘉賓演出後，今（10）日在體育館舉辦「2026夏日歌迷見面會」。")
    assert found == [("2026夏日歌迷見面會", "2026-06-10", "2026-06-10")]


def test_a_talk_held_lately_is_not_on_the_observance_day_told_before_it():
    assert events_of("6月8日是世界海洋日，市立醫院於日前舉辦「守護海洋健康」衛教講座。") == []


def test_the_day_entries_open_is_not_the_day_of_the_contest():
    found = events_of("教育部主辦的「2026大專校院程式設計競賽」今（10）日起開放報名，受理至9月5日下午4時截止。")
    assert [(start, end) for _, start, end in found] == [("2026-09-05", "2026-09-05")]


def test_curating_is_not_a_fair():
    assert events_of("由音樂人陳宇及製作人林海聯手策展，將於10月3日至4日登場。") == []


def test_an_english_name_followed_by_its_date_is_held_then():
    found = events_of("Ministers will meet in Qingdao to prepare the agenda for the Harbour summit in June, aides "
                      "said. After the June 8-10 summit, the premier will travel to Seoul.", dt.date(2026, 3, 4))
    assert ("Harbour summit", "2026-06-08", "2026-06-10") in found


def test_an_english_date_before_a_bare_head_dates_it():
    found = events_of("Aides briefed the mayor ahead of a November 19 news conference.", dt.date(2026, 3, 4))
    assert found == [("news conference", "2025-11-19", "2025-11-19")]


def test_the_day_a_schedule_was_released_is_not_the_day_of_the_games_it_is_for():
    assert events_of("Organizers released the competition schedule for the Harbour Winter Games on Tuesday.") == []


def test_a_bare_press_conference_is_titled_by_who_spoke_at_it_right_after():
    found = events_of("6月9日，市长在市政厅发表讲话。当天举行的记者会上，王海说，新港区将于年底开通。")
    assert found == [("王海记者会", "2026-06-09", "2026-06-09")]


def test_leaders_who_hold_a_meeting_title_it():
    found = events_of("当地时间6月8日，中日韩三国领导人在釜山举行会晤，会后发表联合声明。")
    assert found == [("中日韩三国领导人会晤", "2026-06-08", "2026-06-08")]


def test_a_series_of_meetings_is_not_one_of_them():
    assert events_of("声明说，6月9日的会谈是多年来举行的一系列学术会议之一。") == []


def test_what_armies_do_is_no_gathering():
    assert events_of("如果雷达从6月9日起开动，该地区的军事活动都将暴露。") == []


def test_leaders_in_town_for_an_assembly_meeting_someone_do_not_date_the_assembly():
    assert events_of("正在纽约出席海洋大会的总理6月9日下午会见了新加坡总统。") == []


def test_the_eve_of_a_summit_is_not_its_day():
    assert events_of("6月9日，海港峰会召开前夕，两国外长举行会谈。") == []


def test_a_press_conference_that_will_not_be_held_is_no_event():
    assert events_of("The central bank will not hold a press conference after its council meeting on June 11.") == []


def test_the_dates_of_what_was_told_at_a_news_conference_are_not_its_own():
    assert events_of("The governor told a news conference the bank will cap overnight lending from June 30.") == []
    assert events_of("The firm expects profit to fall in the year ending October 31, its president told a press "
                     "conference.") == []


def test_a_lower_case_gathering_with_its_date_right_after_it_is_held_then():
    found = events_of("The union leader was cheered by 3,000 delegates at a special wage strategy convention "
                      "yesterday when he spoke.")
    assert found == [("wage strategy convention", "2026-06-09", "2026-06-09")]


def test_an_office_that_holds_a_press_conference_at_a_place_titles_it():
    assert events_of("市府文化局10日於港區藝文中心舉行記者會。") == [("市府文化局記者會", "2026-06-10", "2026-06-10")]


def test_a_group_wedding_is_a_ceremony():
    found = extract_page("市長訂10月20日帶50對新人飛往沖繩舉辦「海上聯合婚禮」。", PUBLISHED)[0].events
    assert [(e.title, e.category, e.interval.start.isoformat()) for e in found] == [
        ("海上聯合婚禮", "other", "2026-10-20")]


def test_a_show_on_until_a_day_is_held_until_then():
    found = events_of("協會與文化局合作舉辦的「港灣之美攝影展」將在文化中心展出到6月30日。")
    assert found == [("港灣之美攝影展", "2026-06-10", "2026-06-30")]


def test_a_festival_held_under_book_marks_is_named_by_them():
    assert events_of("官方於7/25至8/2在河濱公園舉辦《港灣城市夏日嘉年華》，現場有充氣迷宮。") == [
        ("港灣城市夏日嘉年華", "2026-07-25", "2026-08-02")]


def test_a_book_or_show_under_book_marks_is_still_no_event():
    assert events_of("6月20日起播出綜藝節目《歌手大會》。") == []


def test_a_gathering_at_which_something_was_launched_is_held_that_day():
    found = events_of("6月9日，在2026海洋游戏商务大会上，市文化贸易基地发布了“远帆计划”。")
    assert found == [("2026海洋游戏商务大会", "2026-06-09", "2026-06-09")]


def test_the_day_a_summit_was_announced_is_not_its_day():
    found = events_of("6月8日，市政府宣布市长将于6月20日在海湾会议中心接待两国代表团，并举行三方峰会。")
    assert [(start, end) for _, start, end in found] == [("2026-06-20", "2026-06-20")]


def test_an_english_gathering_which_ends_on_a_day_lasted_its_days_up_to_it():
    found = events_of("Police were deployed at the campus while the governor presides over a two-day graduation "
                      "ceremony which ends on Saturday.", dt.date(2026, 6, 13))
    assert found == [("graduation ceremony", "2026-06-12", "2026-06-13")]


def test_an_english_funeral_or_festival_named_before_a_lower_case_head_is_an_event():
    found = events_of("Thousands are expected to attend Governor Lam's funeral on Saturday in the cathedral.",
                      dt.date(2026, 6, 10))
    assert found == [("Governor Lam's funeral", "2026-06-13", "2026-06-13")]


def test_the_festival_on_a_day_is_the_one_named_before():
    found = events_of("Fans gathered at the singer's Harbourlight music festival in Qingdao. At least 300 people were "
                      "injured in a crowd surge at the festival on Friday.", dt.date(2026, 6, 14))
    assert found == [("Harbourlight music festival", "2026-06-12", "2026-06-12")]


def test_a_posts_bracketed_headline_is_its_headline_not_its_first_sentence():
    [article] = split_articles(normalize("【市商务局：#第8届海洋博览会将延期举办#】6月9日，市政府新闻办举行发布会。"))
    assert article.headline == "市商务局:#第8届海洋博览会将延期举办#"
    assert article.body.endswith("\n6月9日,市政府新闻办举行发布会。")


def test_a_numbered_press_conference_is_one_press_conference():
    found = events_of("6月9日下午，第72场青岛市防汛工作新闻发布会召开。")
    assert found == [("第72场青岛市防汛工作新闻发布会", "2026-06-09", "2026-06-09")]


def test_a_city_that_held_a_press_conference_titles_it():
    found = events_of("在今天青岛市召开的新闻发布会上，市南区代区长王海介绍了汛情。")
    assert found == [("青岛市新闻发布会", "2026-06-10", "2026-06-10")]


def test_what_a_press_conference_told_dates_it():
    found = events_of("9日，青岛市防汛工作新闻发布会介绍，全市已转移群众2000人。")
    assert found == [("青岛市防汛工作新闻发布会", "2026-06-09", "2026-06-09")]


def test_a_quoted_trophy_with_its_month_is_a_competition_then():
    found = events_of("The next edition of the 'Harbour Legacy Trophy' in September will feature eight clubs.")
    assert found == [("Harbour Legacy Trophy", "2026-09-01", "2026-09-30")]


def test_only_its_place_may_stand_between_an_english_name_and_its_date():
    found = events_of("Preparations are under way for the Harbour Expo in Qingdao on 19 June, officials said.")
    assert found == [("Harbour Expo", "2026-06-19", "2026-06-19")]


def test_an_english_name_keeps_the_date_that_follows_it_against_the_sentences_others():
    found = events_of("This week's meeting in Qingdao is a chance to verify an accord reached at the Harbour summit "
                      "last May, the ministry said.", dt.date(2026, 4, 7))
    assert ("Harbour summit", "2025-05-01", "2025-05-31") in found


def test_the_congress_alone_is_a_party_not_a_gathering():
    assert events_of("The Congress on Sunday accused the government of ignoring farmers.") == []


def test_english_calls_say_what_must_be_received_by_a_day():
    found = events_of("Nominations should be received by the end of the day October 1 and sent to the chair.")
    assert found == [("Nominations deadline", "2026-10-01", "2026-10-01")]
    found = events_of("Petitions must be submitted to the headquarters for verification by 1 April 2027.")
    assert [(start, end) for _, start, end in found] == [("2027-04-01", "2027-04-01")]


def test_the_deadline_for_this_round_is_titled_by_the_page():
    found = extract_page("Harbour Arts Grants open\n\nThe deadline for this round is July 15.", PUBLISHED)[0].events
    assert [(e.title, e.interval.start.isoformat()) for e in found] == [("Harbour Arts Grants open deadline",
                                                                          "2026-07-15")]


def test_an_english_name_may_hold_its_year_between_its_words():
    found = events_of("The best paper of the ITiCSE 2026 Conference, which took place on June 17-18, was named.")
    assert [(start, end) for _, start, end in found] == [("2026-06-17", "2026-06-18")]


def test_a_mahjong_championship_keeps_the_will_inside_its_name():
    found = events_of("第三届世界麻将锦标赛将于10月26日在重庆举行。")
    assert found == [("第三届世界麻将锦标赛", "2026-10-26", "2026-10-26")]


def test_memorial_services_are_ceremonies():
    found = events_of("6月15日上午九时在弘法寺举行长老追思会。")
    assert found == [("长老追思会", "2026-06-15T09:00:00+08:00", "2026-06-15T09:00:00+08:00")]


def test_an_exhibition_titled_in_book_marks_that_opens_a_post_is_named_by_them():
    found = events_of("《海底世界摄影展》市民中心二层，06月25日15:00开，展出一个月！")
    assert [title for title, _, _ in found] == ["海底世界摄影展"]


def test_a_lower_case_lecture_or_forum_with_its_date_after_its_place_is_held_then():
    found = events_of("Dr Lin will give a public lecture on campus next Monday (June 15) about tides.")
    assert found == [("public lecture", "2026-06-15", "2026-06-15")]
    found = events_of("The plan will be outlined to experts at a forum at Harbour University tomorrow.")
    assert found == [("forum at Harbour University", "2026-06-11", "2026-06-11")]
    found = events_of("At a public lecture to be held on Friday 12 June at the library, she will speak.")
    assert [(start, end) for _, start, end in found] == [("2026-06-12", "2026-06-12")]


def test_conducting_a_meeting_is_not_part_of_its_name():
    assert events_of("安理会9日进行紧急会议，讨论港口局势。") == [("紧急会议", "2026-06-09", "2026-06-09")]


def test_english_heads_of_community_and_business_news_name_events():
    assert events_of("The Orchard Club will hold its Annual Races on 4 April at Thistlebeds.") == [
        ("Annual Races", "2027-04-04", "2027-04-04")]
    assert events_of("Celebrate at Harbour Fest, returning to Lakeside Park July 25–27 for a weekend of music.") == [
        ("Harbour Fest", "2026-07-25", "2026-07-27")]


def test_a_curly_apostrophe_stays_inside_an_english_name():
    assert events_of("The Riverside Rock ’n’ Roll Festival will be held on 23-25 February.") == [
        ("Riverside Rock ’n’ Roll Festival", "2027-02-23", "2027-02-25")]


def test_an_english_head_alone_is_titled_by_who_holds_it():
    assert events_of("The Acme Chamber hosted its Gala Night on 4 June at the Grand Hotel.") == [
        ("Acme Chamber Gala Night", "2026-06-04", "2026-06-04")]
    assert events_of("Its Gala Night will be held on 4 July.") == []


def test_organised_and_coming_up_say_an_english_event_takes_place():
    assert events_of("The Harbour Rose & Flower Show was organised by Jane Doe over the 15-17 May.") == [
        ("Harbour Rose & Flower Show", "2026-05-15", "2026-05-17")]
    assert events_of("A Silk Painting Workshop with Anna Berg is coming up on 21 September.") == [
        ("Silk Painting Workshop", "2026-09-21", "2026-09-21")]


def test_galas_openings_and_ribbon_cuttings_are_gatherings_of_their_own():
    found = extract_page("Finalists are invited to attend the awards gala in New York on October 10.", PUBLISHED)
    assert [(e.title, e.interval.start.isoformat(), e.category) for r in found for e in r.events] == [
        ("awards gala", "2026-10-10", "other")]
    assert events_of("The studio will be celebrating its grand opening on Wednesday, June 17.") == [
        ("grand opening", "2026-06-17", "2026-06-17")]
    assert events_of("The dance drama marks the grand opening of the Harbour Arts Festival on June 12.") == [
        ("Harbour Arts Festival", "2026-06-12", "2026-06-12")]


def test_a_press_release_dateline_is_not_the_date_of_its_event():
    text = ("Acme Opens Its New Studio\n\nMIAMI LAKES, FL, June 10, 2026 /24-7PressRelease/ -- Acme Studio will "
            "hold its Grand Opening on June 20 at 15450 New Barn Road.")
    assert events_of(text) == [("Acme Studio Grand Opening", "2026-06-20", "2026-06-20")]


def test_a_body_named_for_an_event_is_not_the_event():
    text = "The Harbour Show Society held its AGM on 25 May. The 126th show will be held on 11 October."
    assert events_of(text) == [("126th show", "2026-10-11", "2026-10-11")]


def test_who_opens_or_holds_a_lower_case_gathering_titles_it_with_what_it_is():
    found = extract_page("The Riverside Gallery opened its portrait competition on Saturday evening.", PUBLISHED)
    assert [(e.title, e.interval.start.isoformat(), e.category) for r in found for e in r.events] == [
        ("Riverside Gallery portrait competition", "2026-06-06", "competition")]
    assert events_of("The Rotary Club will hold a charity concert on 5 July.") == [
        ("Rotary Club charity concert", "2026-07-05", "2026-07-05")]
    assert events_of("The Rotary Club will hold its first concert on 5 July.") == [
        ("Rotary Club concert", "2026-07-05", "2026-07-05")]


def test_a_press_conference_someone_spoke_at_is_titled_by_the_speaker_who_opens_the_clause():
    assert events_of("陈志明昨日在記者會則表示，方案仍需諮詢公眾。") == [("陈志明記者會", "2026-06-09", "2026-06-09")]


def test_a_councillor_is_no_meeting_and_a_kind_of_activity_no_event():
    assert events_of("前立法會議員張三今日宣布參選。") == []
    assert events_of("工程今日展开，不会影响正常活动。") == []


def test_english_with_typographic_dashes_and_quotes_is_read_as_english():
    assert events_of("The upcoming Harbour Science Conference (Sept. 24–26, 2026) brings together 18 experts.") == [
        ("Harbour Science Conference", "2026-09-24", "2026-09-26")]


def test_a_list_of_attendees_stands_between_an_english_gathering_and_its_date():
    text = ("Acme, a provider of medical education, is hosting a CME conference for nurse practitioners, physician "
            "assistants, registered nurses and physicians on June 20-23 at the Hilton.")
    assert events_of(text) == [("CME conference", "2026-06-20", "2026-06-23")]


def test_the_seminar_refers_back_to_a_name_in_straight_quotes():
    text = ('Lee is a speaker at the "Winning Harbour Cases" Seminar in Qingdao. Lee will be presenting at the seminar '
            'on August 4.')
    assert events_of(text) == [('"Winning Harbour Cases" Seminar', "2026-08-04", "2026-08-04")]


def test_a_ceremony_alone_is_the_one_of_the_awards_named_before():
    text = ("Nominees for the Harbour Song Awards were revealed on Tuesday. The winners will be announced at a "
            "ceremony in Qingdao on 22 June.")
    assert events_of(text) == [("Harbour Song Awards", "2026-06-22", "2026-06-22")]
    assert events_of("The winners will be announced at a ceremony in Qingdao on 22 June.") == []


def test_a_farewell_ceremony_is_named_by_its_head_alone():
    assert events_of("家属决定，将于16日上午在青岛举行告别仪式。") == [("告别仪式", "2026-06-16", "2026-06-16")]


def test_a_call_said_alone_is_for_what_the_page_is_about():
    assert events_of("Harbour Papers Award\n\nNominations will be open until Feb 7th, 2027.") == [
        ("Nominations for Harbour Papers Award deadline", "2027-02-07", "2027-02-07")]
    assert events_of("Harbour Grants\n\nThe next deadline for submissions will be November 15, 2026.") == [
        ("Submissions for Harbour Grants deadline", "2026-11-15", "2026-11-15")]


def test_a_post_announcing_one_talk_is_named_by_its_headline_over_its_labelled_time():
    text = ("港城之夜：从零写一个解析器\n\n本周的分享由李明带来。\n\n* 地点：三教 1301\n"
            "* 时间：**2026/06/13（周六） 19:00**\n* 主讲人：李明")
    found = extract_page(text, PUBLISHED)
    assert [(e.title, e.interval.start.isoformat(), e.location) for r in found for e in r.events] == [
        ("港城之夜:从零写一个解析器", "2026-06-13T19:00:00+08:00", "三教1301")]


def test_a_line_that_names_no_event_is_no_listing_title():
    text = "开源软件分享\n\n此次活动内容有：\n时间：2026年6月20日14:00\n地点：主楼报告厅"
    assert events_of(text) == [("开源软件分享", "2026-06-20T14:00:00+08:00", "2026-06-20T14:00:00+08:00")]


def test_markdown_bullets_and_comments_are_no_words_of_the_text():
    from feeds.extract.normalize import normalize
    assert normalize("* 时间：**6月20日**\n<!--more-->\n- 地点：主楼") == "时间:6月20日\n\n地点:主楼"


def test_a_place_or_a_title_named_for_an_event_is_not_the_event():
    assert events_of("Anna received her degree at the Adelaide festival Centre on 27 May.") == []
    assert events_of("Sally was declared Miss Harbour Country Show Girl at Saddleworth on 28 May.") == []


def test_a_release_party_with_its_version_is_named_inside_chinese_text():
    assert events_of("2026 年 6 月 16 日，openSUSE 16.1 Release Party 清华站如期在中央主楼报告厅举办。") == [
        ("openSUSE 16.1 Release Party", "2026-06-16", "2026-06-16")]
    assert events_of("The Labour Party will hold its conference in Liverpool on 20 September.") != [
        ("Labour Party", "2026-09-20", "2026-09-20")]


def test_a_gathering_named_by_its_purpose_that_begins_on_a_day_is_held_then():
    text = ("A conference to assess the recovery of coastal towns begins in Qingdao on June 15, officials said. "
            "The June 15-19 conference would be attended by several mayors.")
    assert events_of(text) == [("conference to assess the recovery of coastal towns", "2026-06-15", "2026-06-19")]


def test_one_forum_someone_attended_is_that_forum_not_a_count():
    assert events_of("前大法官李明昨日出席一個閉門論壇時，罕有談及釋法。") == [("閉門論壇", "2026-06-09", "2026-06-09")]
    assert events_of("总统将在广场为来宾举行一个欢迎仪式。") == []


def test_a_meeting_held_online_is_one_where_an_online_forum_is_a_website():
    assert events_of("他今日出席國際法律組織網上研討會時強調，審理方式沒有分別。") == [
        ("國際法律組織網上研討會", "2026-06-10", "2026-06-10")]
    assert events_of("黑客6月2日在网络论坛上公开了窃取的数据。") == []


def test_a_name_said_to_be_an_event_after_its_comma_is_one():
    text = ("Dr. Sam Lee will host Lead Forward Live 2026, an exclusive event devoted to leadership, June 22 at "
            "The Civic Centre.")
    assert events_of(text) == [("Lead Forward Live 2026", "2026-06-22", "2026-06-22")]
    assert events_of("It is installed at the East Entrance of Yumeshima, the island where the expo is held on "
                     "June 20.") == []


def test_taiwans_holding_verb_ends_a_name_read_leftwards():
    text = "秘書處3月2日起至3月31日邀請畫家於市政中心一樓大廳辦理「春水」水彩創作個展，展出20件作品。"
    assert events_of(text, dt.date(2026, 3, 1)) == [("「春水」水彩創作個展", "2026-03-02", "2026-03-31")]


def test_a_show_named_by_its_artist_above_and_by_its_title_below_is_one_show():
    page = ("王小明水彩創作個展\n"
            "秘書處3月2日起至3月31日於市政中心一樓大廳辦理「春水」水彩創作個展，展出20件作品。")
    assert events_of(page, dt.date(2026, 3, 1)) == [("「春水」水彩創作個展", "2026-03-02", "2026-03-31")]
    two = "市民中心3月2日起至3月31日舉辦書法聯展，二樓3月2日起至3月31日另舉辦攝影聯展。"
    assert len(events_of(two, dt.date(2026, 3, 1))) == 2


def test_a_festival_called_a_rite_is_a_festival_but_a_funeral_rite_is_none():
    found = events_of("安平區鯤鯓王平安鹽祭將於6月20日在鹽田登場。")
    assert found == [("安平區鯤鯓王平安鹽祭", "2026-06-20", "2026-06-20")]
    assert events_of("家屬將於6月20日在殯儀館舉行公祭。") == []


def test_there_is_before_a_name_is_not_part_of_it():
    found = events_of("年後還有新營波光節（2月8日至3月16日）接力登場。", dt.date(2026, 1, 30))
    assert found == [("新營波光節", "2026-02-08", "2026-03-16")]


def test_dates_each_followed_by_a_quoted_title_belong_to_their_own_titles():
    text = ("下一場系列活動7月6日「荔枝烘焙嘉年華」在驛站、7月11日「夏日快閃上場」在百貨公司、"
            "7月12-13日「山城荔枝節」在紀念園區登場。")
    assert events_of(text, dt.date(2026, 6, 28)) == [("荔枝烘焙嘉年華", "2026-07-06", "2026-07-06"),
                                                     ("山城荔枝節", "2026-07-12", "2026-07-13")]


def test_a_quoted_title_ending_in_a_match_is_a_competition():
    found = extract_page("首度舉辦的「荔枝開趴料理賽」於今(28)日中午在農場舉行。", dt.date(2026, 6, 28))
    assert [(e.title, e.category) for r in found for e in r.events] == [("荔枝開趴料理賽", "competition")]


def test_an_english_name_inside_chinese_text_keeps_its_words_region_and_year():
    assert events_of("参会者将参加在西班牙举办的Open Source Summit Europe 2026，时间为9月15日至17日。") == [
        ("Open Source Summit Europe 2026", "2026-09-15", "2026-09-17")]
    found = extract_page("openHarbor Developer Day 2026将于6月20日在上海举办。", PUBLISHED)
    assert [(e.title, e.category) for r in found for e in r.events] == [("openHarbor Developer Day 2026",
                                                                         "conference")]


def test_a_section_heading_above_the_time_line_is_no_title_the_post_names_it():
    page = ("社区Gathering 2026报名开启\n"
            "openHarbor SIG Gathering 2026将于2026年7月26日在北京举办，欢迎报名。\n"
            "活动详情\n"
            "时间：2026年7月26日\n"
            "地点：北京国际饭店\n"
            "日程安排\n"
            "10:00-10:20 开场\n")
    found = [(e.title, e.location) for r in extract_page(page, PUBLISHED) for e in r.events]
    assert found == [("openHarbor SIG Gathering 2026", "北京国际饭店")]


def test_an_event_a_post_announces_is_not_told_again_by_its_description():
    page = ("Rust Tour x HALO Meetup\n"
            "HALO 将于6月27日晚上与 Rust Tour 合办一次沙龙活动，欢迎参加。\n"
            "- 时间：6月27日 19:00\n"
            "- 活动地点：咖啡馆\n")
    assert [e.title for r in extract_page(page, PUBLISHED) for e in r.events] == ["HALO Meetup"]


def test_a_scanned_page_mends_an_events_name_its_line_end_broke():
    page = ("The winners qualified for the National Indoor Champi\n"
            "onship in Ann Arbor, to be held on Nov. 6-9, the coach said.\n")
    assert events_of(page, dt.date(2003, 10, 22)) == [("National Indoor Championship", "2003-11-06", "2003-11-09")]
    assert normalize("men's ten\nnis team") == "men's ten nis team"  # no dictionary: only dates' and events' words


def test_a_post_that_opens_with_a_question_is_named_by_the_sentence_after_it():
    page = ("7月26日哪里去？Harbor Gathering 2026等你来！\n"
            "社区年度开发者活动Harbor Gathering 2026在盛夏来到北京。\n"
            "活动详情\n"
            "时间：2026年7月26日\n"
            "地点：北京国际饭店\n"
            "北京国际饭店\n"
            "北京市海淀区某路29号\n"
            "活动报名\n")
    found = [(e.title, e.location) for r in extract_page(page, PUBLISHED) for e in r.events]
    assert found == [("Harbor Gathering 2026", "北京国际饭店")]


def test_going_to_an_event_is_no_deadline_before_it():
    found = events_of("市長今（11）日上午前往海濱公園出席「2026海濱風箏節」開幕典禮。", dt.date(2026, 7, 11))
    assert found == [("2026海濱風箏節", "2026-07-11", "2026-07-11")]


def test_a_reception_or_a_tea_party_is_an_event():
    found = events_of("總統今（9）日晚間出席「荷蘭國王節慶祝酒會」。")
    assert found == [("荷蘭國王節慶祝酒會", "2026-06-09", "2026-06-09")]
    assert events_of("市長今（9）日下午出席「新任里長就職茶會」，感謝里長付出。") == [
        ("新任里長就職茶會", "2026-06-09", "2026-06-09")]


def test_the_activity_of_a_day_named_like_its_press_event_is_that_event():
    page = ("總統今（9）日出席兒童頻道開台記者會，與小朋友同樂。"
            "總統表示，今（9）日的「兒童頻道」開台活動，象徵公共媒體的新起點。")
    assert events_of(page) == [("兒童頻道開台記者會", "2026-06-09", "2026-06-09")]


def test_a_congress_known_by_the_word_before_it_is_read_not_a_crash():
    found = extract_page("She spoke at the International Congress of Mathematicians on July 6.", PUBLISHED)
    assert [(e.title, e.category) for r in found for e in r.events] == [("International Congress of Mathematicians",
                                                                         "conference")]


def test_an_english_post_with_date_and_place_labels_is_titled_by_its_headline():
    page = ("Colloquium talk: Ada Byron\n"
            "Ada Byron will speak to the department on Wednesday, June 17. The title is\n"
            "\"Engines of Analysis\".\n"
            "- Date: Wednesday, June 17\n"
            "- Time: 1:00pm\n"
            "- Place: Monroe Hall 114\n"
            "Everyone is invited to attend.\n")
    found = [(e.title, e.interval.start.isoformat(), e.location) for r in extract_page(page, PUBLISHED)
             for e in r.events]
    assert found == [("Colloquium talk: Ada Byron", "2026-06-17", "Monroe Hall 114")]


def test_a_series_of_lectures_is_an_event():
    found = extract_page("The Harbour Mathematics Lectures will be held on November 13 in Wilson Hall.", PUBLISHED)
    assert [(e.title, e.category) for r in found for e in r.events] == [("Harbour Mathematics Lectures",
                                                                         "conference")]


def test_someone_defending_a_thesis_on_a_day_is_a_thesis_defense():
    found = events_of("Ada Byron will defend the Ph.D. thesis on Wednesday, June 17, in Monroe Hall 114.")
    assert found == [("Ada Byron thesis defense", "2026-06-17", "2026-06-17")]
    assert events_of("Ada Byron defended her views on tax reform on Wednesday.") == []


def test_what_opens_a_contest_is_no_part_of_its_name():
    page = ("10日晚，全区合唱比赛在文化中心举行。"
            "晚上7时，部队联队首先登场，以一段深情的朗诵拉开大赛序幕。")
    assert events_of(page) == [("全区合唱比赛", "2026-06-10", "2026-06-10")]


def test_a_study_session_for_a_policy_is_a_meeting():
    assert events_of("14日，片区局举办全国两会精神台胞讲习会，约40名台胞参会。") == [
        ("全国两会精神台胞讲习会", "2026-06-14", "2026-06-14")]


def test_an_events_own_time_label_is_the_time_of_the_event_above_it():
    page = ("戏剧工作坊｜“行间”工作坊招募\n"
            "工作坊时间：6月20日-21日 周六-周日 全天\n"
            "地点：黑匣子剧场\n"
            "人数：12人\n")
    found = [(e.title, e.interval.start.isoformat(), e.location) for r in extract_page(page, PUBLISHED)
             for e in r.events]
    assert found == [("戏剧工作坊|“行间”工作坊", "2026-06-20", "黑匣子剧场")]


def test_a_name_with_a_colon_heads_the_labels_below_it():
    page = ("本周活动\n"
            "白先勇将携新戏重返校园，并于6月26日至28日演出。\n"
            "“昆曲与青春”专场讲座:\n"
            "时间：6月25日 晚7点\n"
            "地点：国际会议中心三江厅\n")
    titles = [e.title for r in extract_page(page, PUBLISHED) for e in r.events]
    assert "“昆曲与青春”专场讲座" in titles and not any(t.startswith("时间") for t in titles)


def test_a_later_part_of_the_day_told_before_is_that_day():
    page = "代表團昨日早上出席佛山經貿合作交流會，了解最新發展。代表團晚上出席東莞經貿合作交流會，就合作進行交流。"
    assert events_of(page) == [("佛山經貿合作交流會", "2026-06-09", "2026-06-09"),
                               ("東莞經貿合作交流會", "2026-06-09", "2026-06-09")]  # two cities' meetings, not one
    quoted = "林鄭指：「所有喺2022年6月30號後發生嘅嘢，同我無關。」林鄭晚上出席電視台論壇時回應提問。"
    assert all(start != "2022-06-30" for _, start, _ in events_of(quoted))


def test_a_reading_club_meeting_held_on_a_day_is_a_meeting():
    found = events_of("下周的南新读书会将于6月17日（周三）19:00在学院311室举行。")
    assert found == [("南新读书会", "2026-06-17T19:00:00+08:00", "2026-06-17T19:00:00+08:00")]


def test_a_date_stamp_line_is_no_part_of_the_lead_below_it():
    page = ("海洋科普进社区\n带居民认识潮间带\n2026-06-10\n小小海洋家\n记者 王海燕 通讯员 李青\n"
            "6月3日，本报联合海洋馆推出的“小小海洋家”活动走进市北区敦化路社区，给居民带来一场讲座。")
    assert events_of(page) == [("“小小海洋家”活动", "2026-06-03", "2026-06-03")]


def test_a_name_may_hold_words_with_the_characters_of_a_stop():
    found = events_of("6月6日下午，协会在活动中心举办了开源自由日青岛站庆祝活动。")
    assert found == [("开源自由日青岛站庆祝活动", "2026-06-06", "2026-06-06")]


def test_a_mobilisation_meeting_after_a_contest_is_the_meeting():
    found = events_of("协会于6月5日晚举办了第五届网络安全大赛（CTF 2026）动员会，介绍比赛规则。")
    assert [(t, s[:10]) for t, s, _ in found] == [("第五届网络安全大赛(CTF 2026)动员会", "2026-06-05")]


def test_a_film_screening_season_is_held_where_it_is_screened():
    found = events_of("2026意大利电影展映将于6月18日至30日，在市南区影城展映。")
    assert found == [("2026意大利电影展映", "2026-06-18", "2026-06-30")]


def test_the_year_an_edition_is_named_by_moves_a_year_read_behind_it():
    page = "2027年世界海洋大会的会址引发争议。多国学者敦促主办方撤回7月在某市举办本届大会的决定。"
    found = events_of(page, dt.date(2027, 3, 2))
    assert found == [("2027年世界海洋大会", "2027-07-01", "2027-07-31")]


def test_a_notices_labels_run_into_one_line_are_read_apart():
    page = "議員聯合記者會主題：「老街燈會 夜市一條街」時間： 6 月 12 日  星期五  上午10：00地點：議會一樓簡報室"
    found = [(e.title, e.interval.start.isoformat(), e.location) for r in extract_page(page, PUBLISHED)
             for e in r.events]
    assert found == [("議員聯合記者會", "2026-06-12T10:00:00+08:00", "議會一樓簡報室")]


def test_a_press_conference_is_titled_by_the_official_who_calls_it():
    assert events_of("12日上午，市議會王大明議長召開記者會，說明預算審查進度。") == [
        ("市議會王大明議長記者會", "2026-06-12", "2026-06-12")]


def test_a_spokespersons_briefing_is_the_bodys_own():
    found = events_of("商务部新闻发言人张明在11日举行的新闻发布会上说，外贸运行总体平稳。")
    assert found == [("商务部新闻发布会", "2026-06-11", "2026-06-11")]


def test_an_orchestras_annual_performance_is_a_performance():
    found = events_of("其中的重头戏青岛交响乐团年度公演将于七月6日晚在音乐厅登场。")
    assert [(t, s[:10]) for t, s, _ in found] == [("青岛交响乐团年度公演", "2026-07-06")]


def test_a_plenary_named_after_its_forum_takes_the_forums_name():
    found = events_of("第十届海洋论坛将于6月中旬在青岛举办，6月13日举办论坛大会。")
    assert ("第十届海洋论坛大会", "2026-06-13", "2026-06-13") in found


def test_a_list_mark_between_the_words_of_one_name_stays_in_it():
    found = events_of("2026青岛国际海洋技术、装备与服务博览会将于6月20日至22日在青岛举办。")
    assert found == [("2026青岛国际海洋技术、装备与服务博览会", "2026-06-20", "2026-06-22")]


def test_a_mid_year_outlook_is_no_date():
    found = events_of("世界钢铁协会6月10日举行全球钢铁市场年中展望报告发布会。")
    assert found == [("全球钢铁市场年中展望报告发布会", "2026-06-10", "2026-06-10")]


def test_english_maker_gatherings_are_events():
    found = events_of("The best projects will be shown at the Qingdao Raspberry Jam on the 7th November.",
                      dt.date(2026, 10, 20))
    assert found == [("Qingdao Raspberry Jam", "2026-11-07", "2026-11-07")]


def test_an_english_date_led_by_scheduled_for_is_the_event_named_before():
    page = ("The city has announced the inaugural Qingdao Ocean Tourism Conference 2026. Scheduled for April 9th "
            "to 10th, 2026, at the Expo Centre in Qingdao, this landmark event aims to unite industry experts.")
    found = events_of(page, dt.date(2026, 2, 28))
    assert found == [("Qingdao Ocean Tourism Conference 2026", "2026-04-09", "2026-04-10")]


def test_its_festival_set_for_a_date_is_the_festival_named_before():
    page = ("The Laoshan Tea and Arts Festival committee has received support to host its 2026 festival, "
            "set for August 5-7, 2026.")
    assert [t for t, _, _ in events_of(page)] == ["Laoshan Tea and Arts Festival"]


def test_this_three_day_feast_in_the_next_sentence_gives_the_fair_its_length():
    page = ("今天，2026青岛动漫游戏嘉年华将在国际会展中心正式开幕。"
            "作为今年首个综合性漫展，这场为期三天（6月10日—12日）的二次元盛宴，集结了国漫、卡牌等精彩环节。")
    assert events_of(page) == [("2026青岛动漫游戏嘉年华", "2026-06-10", "2026-06-12")]


def test_an_english_name_of_two_topics_and_its_three_days_told_next():
    page = ("The court will be hosting the 2026 International Conference on Maritime Law and Ocean Governance today "
            "at the Expo Centre. The three-day conference, which begins today, follows the Regional Maritime "
            "Conference held in Qingdao from 24 to 26 July 2025.")
    assert events_of(page)[0] == ("2026 International Conference on Maritime Law and Ocean Governance",
                                  "2026-06-10", "2026-06-12")


def test_a_later_month_only_mention_neither_widens_nor_repeats_the_event():
    page = "青岛市长杯兰花比赛将在3月31日到4月5日举行。3、4月正值兰花盛开期，所以特地在清明节假期举办兰花比赛。"
    assert events_of(page, dt.date(2026, 3, 25)) == [("青岛市长杯兰花比赛", "2026-03-31", "2026-04-05")]


def test_a_date_in_brackets_after_a_name_is_its_day():
    found = events_of("想逛点特别的？还有“旧物新生”二手市集（6月13日至14日），就在老街广场。")
    assert found == [("“旧物新生”二手市集", "2026-06-13", "2026-06-14")]


def test_an_english_it_will_be_dates_the_one_event_the_sentence_before_named():
    assert events_of("We've signed up to the Qingdao Soapbox Derby. It'll be on 4th July at Laoshan Park.") == [
        ("Qingdao Soapbox Derby", "2026-07-04", "2026-07-04")]
    assert events_of("We visited the Qingdao Beer Festival. It was sunny on Monday.") == []


def test_a_name_after_a_double_dash_is_the_name():
    found = events_of("今天，青岛又一个全新展会——2026青岛国际动漫嘉年华，将在国际会展中心正式开幕。")
    assert found == [("2026青岛国际动漫嘉年华", "2026-06-10", "2026-06-10")]


def test_a_show_opened_on_a_day_runs_to_the_day_it_is_said_to_run_to():
    assert events_of("6月1日，“海风与帆——青岛海洋艺术展”在市美术馆正式对公众开放，将展至8月31日。") == [
        ("海风与帆——青岛海洋艺术展", "2026-06-01", "2026-08-31")]
    page = ("5月20日，“山海之间——崂山书画展”在市博物馆开展。此次大展共展出作品百余件，展期将一直持续至2026年7月19日。"
            "其中6月22日部分作品将进行一次换展。")
    assert events_of(page, dt.date(2026, 5, 20)) == [("山海之间——崂山书画展", "2026-05-20", "2026-07-19")]


def test_a_quoted_season_held_grandly_between_two_days_is_an_event():
    assert events_of("市大剧院第三届“海韵之春”于6月2日至25日盛大举行。") == [("海韵之春", "2026-06-02", "2026-06-25")]
    assert events_of("老城区亲子馆户外露台「幸福游花园」于6月正式开放。") == []


def test_shi_ci_is_this_time_in_hong_kong_and_macao():
    found = events_of("乐团将于6月19日在音乐厅呈献《海之歌》青岛交响乐团音乐会。是次音乐会以海洋为主题。")
    assert [t for t, _, _ in found] == ["《海之歌》青岛交响乐团音乐会"]


def test_a_fair_closed_on_a_day_after_three_days_running_began_two_days_before():
    page = ("第十届青岛国际旅游博览会（简称“旅博会”）于6月12日圆满闭幕。"
            "本届旅博会以“畅游青岛”为主题，一连三天吸引超过3万人次公众入场。")
    assert events_of(page, dt.date(2026, 6, 13)) == [("第十届青岛国际旅游博览会", "2026-06-10", "2026-06-12")]


def test_an_activity_of_weeks_or_of_a_month_is_a_programme():
    assert events_of("暑期研究生教学活动将于8月至9月在西海岸校区开展。") == []
    assert events_of("自今年1月起，市民政局推出常态化的社区交流活动“邻里茶座”。") == []


def test_a_briefing_on_a_regulation_is_a_meeting():
    found = events_of("市场监管局早前举行《农贸市场登记制度》讲解会。讲解会于6月9日举行，约60名业界代表出席。")
    assert [(t, s) for t, s, _ in found] == [("《农贸市场登记制度》讲解会", "2026-06-09")]


def test_traffic_measures_for_a_festival_are_not_the_festival():
    assert events_of("配合天后宝诞公演粤剧活动，老城区多处道路将于6月16日至20日期间实施临时交通管制措施。") == []


def test_a_venue_that_holds_a_concert_titles_it():
    assert events_of("海滨户外表演区将于6月20日举行音乐会，欢迎市民入场。") == [
        ("海滨户外表演区音乐会", "2026-06-20", "2026-06-20")]


def test_a_week_long_celebration_of_a_body_from_two_days_is_an_event():
    found = events_of("Qingdao will host a week-long celebration of the Qingdao Naval Academy (QNA) "
                      "from September 2–7, showcasing its heritage.")
    assert found == [("celebration of the Qingdao Naval Academy (QNA)", "2026-09-02", "2026-09-07")]


def test_a_sentence_of_attendees_dates_the_one_event_named_before():
    page = ("The chamber has announced its partnership with the registry for the Inaugural Qingdao Resources Week. "
            "With more than 500 participants to attend from July 1st to 4th at Ocean University, the chamber sees "
            "an opportunity.")
    assert events_of(page) == [("Inaugural Qingdao Resources Week", "2026-07-01", "2026-07-04")]


def test_officials_who_together_call_a_press_conference_title_it():
    found = events_of("12日下午王大明議長與李小華議員、花藝協會陳建國理事長等人一同召開記者會，邀請民眾賞花。")
    assert found == [("花藝協會陳建國理事長記者會", "2026-06-12", "2026-06-12")]


def test_a_quoted_name_someone_holds_is_an_event():
    found = events_of("海洋大学于6月14日（今日）举办“海洋大学2026就业发展日”，共有百余家企业参与。",
                      dt.date(2026, 6, 14))
    assert found == [("海洋大学2026就业发展日", "2026-06-14", "2026-06-14")]


def test_a_two_day_training_is_a_meeting():
    found = events_of("市科技局于6月14日及15日，举办为期两天的高质量专利文件撰写培训，共逾百人参加。")
    assert found == [("高质量专利文件撰写培训", "2026-06-14", "2026-06-15")]


def test_a_contest_that_closed_after_two_days_began_the_day_before():
    found = events_of("6月12日，为期两天的2026国际篮联三人篮球（FIBA 3x3）青岛挑战赛在市体育中心圆满收官。",
                      dt.date(2026, 6, 13))
    assert [(s, e) for _, s, e in found] == [("2026-06-11", "2026-06-12")]


def test_an_english_name_its_date_then_what_it_is():
    page = ("Write the Code Qingdao on May 7-9, 2027, an in person conference in Qingdao. Write the Code Atlantic, "
            "on September 10-12, 2027, a new virtual conference between time zones.")
    assert events_of(page, dt.date(2026, 11, 3)) == [("Write the Code Qingdao", "2027-05-07", "2027-05-09"),
                                                     ("Write the Code Atlantic", "2027-09-10", "2027-09-12")]


def test_a_cfp_that_closes_or_is_open_till_a_day_is_a_deadline():
    assert [(t, s) for t, s, _ in events_of("The Qingdao CFP closes 22 April.", dt.date(2026, 3, 5))] == [
        ("CFP deadline", "2026-04-22")]
    assert [s for _, s, _ in events_of("The Call for Proposals is open til 30th June.", dt.date(2026, 3, 5))] == [
        "2026-06-30"]


def test_then_from_two_days_a_name_that_will_be_returning():
    page = "Then from November 15-16, Write the Code Qingdao will be returning for a second year as a full conference."
    assert events_of(page, dt.date(2026, 5, 4)) == [("Write the Code Qingdao", "2026-11-15", "2026-11-16")]


def test_a_weekday_told_after_a_festivals_days_is_the_festivals():
    page = "The Qingdao German Fest runs July 25-27 at the harbour. Don't miss the beloved Dachshund Derby on Sunday."
    assert events_of(page, dt.date(2026, 7, 10)) == [("Qingdao German Fest", "2026-07-25", "2026-07-27"),
                                                     ("Dachshund Derby", "2026-07-26", "2026-07-26")]


def test_a_call_before_the_edition_it_names_keeps_its_year():
    page = "2027年青岛市民文化节群众文艺作品征集活动即日起启动，征集时间为12月19日至1月20日。"
    assert all(start.startswith("2026-12") for _, start, _ in events_of(page, dt.date(2026, 12, 1)))


def test_the_first_of_a_fairs_sessions_does_not_swallow_the_fair():
    page = ("双选会安排如下：首场：5月18日9:00，2026年“海鸥英才”高校毕业生春季双选会首场在市体育中心举行。"
            "为帮助毕业生就业，定于5月中下旬举办2026年“海鸥英才”高校毕业生春季双选会。")
    titles = [t for t, _, _ in events_of(page, dt.date(2026, 4, 20))]
    assert "2026年“海鸥英才”高校毕业生春季双选会" in titles


def test_an_anniversarys_celebrations_in_a_month_stay():
    assert [t for t, _, _ in events_of("两国将于7月举办建交50周年纪念活动。")] == ["建交50周年纪念活动"]


def test_a_selection_that_opens_on_a_day_is_a_competition():
    found = events_of("6月3日8点，第二届青岛市民口碑案例评选50进30开启。", dt.date(2026, 6, 4))
    assert [(t, s[:10]) for t, s, _ in found] == [("第二届青岛市民口碑案例评选", "2026-06-03")]
    assert events_of("评委们6月3日评选出十佳案例。", dt.date(2026, 6, 4)) == []
