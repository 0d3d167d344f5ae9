"""Event extraction: what a reader would put in a calendar, from sentences in newspaper style."""

import datetime as dt

import pytest

from feeds.extract.articles import split_articles
from feeds.extract.events import extract_events
from feeds.extract.normalize import normalize
from feeds.models import Article, PublicationDate


def events_of(body: str, published: str | None = "2023-06-10", year: int | None = None):
    date = dt.date.fromisoformat(published) if published else None
    article = Article(headline="", body=normalize(body),
                      published=PublicationDate(date, "given", 1.0, date.year if date else year))
    return extract_events(article)


def one(body: str, published: str = "2023-06-10"):
    events = events_of(body, published)
    assert len(events) == 1, [e.title for e in events]
    return events[0]


def span(event) -> tuple[str, str]:
    return event.interval.start.isoformat(), event.interval.end.isoformat()


def test_a_conference_announced_with_its_venue():
    e = one("本报6月10日讯 2023青岛国际海洋科技论坛将于6月20日至21日在青岛西海岸新区会展中心举行。")
    assert e.title == "2023青岛国际海洋科技论坛"
    assert span(e) == ("2023-06-20", "2023-06-21")
    assert e.category == "conference"
    assert e.location == "青岛西海岸新区会展中心"


def test_a_fair_reported_the_same_day():
    e = one("今天上午,第二十届中国(青岛)国际渔业博览会在红岛国际会议展览中心开幕。")
    assert e.title == "第二十届中国(青岛)国际渔业博览会"
    assert span(e) == ("2023-06-10", "2023-06-10")
    assert (e.category, e.location) == ("fair", "红岛国际会议展览中心")


def test_an_exhibition_named_after_its_festival():
    e = one("9日,第三届崂山书画节“山海情”青年画家作品展在崂山美术馆开展。")
    assert "青年画家作品展" in e.title
    assert e.category == "exhibition"
    assert span(e) == ("2023-06-09", "2023-06-09")


def test_a_competition_with_a_duration_in_words():
    e = one("2023青岛国际帆船大赛将于7月15日开赛,为期三天。")
    assert e.category == "competition"
    assert span(e) == ("2023-07-15", "2023-07-17")


def test_opening_and_closing_days_make_one_span():
    e = one("第三十三届青岛国际啤酒节将于7月21日开幕,8月13日闭幕。")
    assert e.category == "festival"
    assert span(e) == ("2023-07-21", "2023-08-13")


def test_a_timed_event_keeps_its_clock_time():
    e = one("“海洋强国”院士大讲堂将于6月15日下午3时在青岛科技馆开讲。")
    assert e.interval.precision == "time"
    assert e.interval.start.isoformat() == "2023-06-15T15:00:00+08:00"
    assert e.location == "青岛科技馆"


def test_a_month_only_event_keeps_month_precision():
    e = one("据悉,中国国际消费电子博览会计划今年9月在青岛举办。")
    assert e.interval.precision == "month"
    assert span(e) == ("2023-09-01", "2023-09-30")
    assert e.location == "青岛"


def test_dates_pair_with_destinations_in_order():
    events = events_of("市贸促会拟于7月3日—7日、8月21日—25日,分别组织企业赴德国、法国开展经贸洽谈活动。")
    assert [(e.location, span(e)) for e in events] == [
        ("德国", ("2023-07-03", "2023-07-07")),
        ("法国", ("2023-08-21", "2023-08-25")),
    ]
    assert all(e.category == "trade_mission" for e in events)
    assert events[0].title == "组织企业赴德国开展经贸洽谈活动"


def test_one_date_with_several_destinations_is_one_mission():
    events = events_of("下月中旬,市商务局将组织外贸企业赴泰国、越南、印尼等开展市场拓展活动。")
    assert len(events) == 1
    assert events[0].location == "泰国、越南、印尼"
    assert events[0].interval.precision == "month"


def test_a_call_for_entries_becomes_a_deadline():
    e = one("即日起至7月31日,“我心中的青岛”摄影作品征集活动面向全市市民征集作品。")
    assert e.category == "deadline"
    assert "我心中的青岛" in e.title and e.title.endswith("截止")
    assert span(e) == ("2023-06-10", "2023-07-31")


def test_a_registration_deadline_is_one_day():
    e = one("本次大赛报名截止日期为6月30日,逾期不再受理。")
    assert e.category == "deadline"
    assert span(e) == ("2023-06-30", "2023-06-30")


def test_a_cancelled_event_is_kept_as_cancelled():
    e = one("受台风影响,原定于6月17日举行的2023青岛海上马拉松比赛取消。")
    assert e.status == "cancelled"


def test_a_postponed_event_takes_its_new_dates():
    events = events_of("原定于6月16日举办的第五届青岛动漫嘉年华延期至7月8日举办。")
    assert [span(e) for e in events] == [("2023-07-08", "2023-07-08")]
    assert events[0].status == "confirmed"


def test_an_activity_inside_a_larger_event_without_a_date_is_left_out():
    events = events_of("“人才周”期间将举办海洋科技创新论坛、青年人才对接会等活动。")
    assert events == []


def test_plans_and_statistics_are_not_events():
    body = ("根据方案,到2025年全市数字经济核心产业增加值占比达到10%。今年1—5月,全市会展业收入同比增长12.5%。"
            "2015年以来,青岛已连续举办八届海洋节。")
    assert events_of(body) == []


def test_a_document_issued_is_not_an_event():
    assert events_of("6月8日,市政府办公厅印发《关于促进会展业高质量发展的若干措施》。") == []


def test_a_plant_connected_to_the_grid_is_not_an_event():
    assert events_of("近日,该项目2号机组成功并网,6月5日实现满负荷运行。") == []


def test_the_same_event_twice_in_one_article_is_one_event():
    body = ("2023东亚海洋合作平台青岛论坛将于6月28日开幕。"
            "据介绍,2023东亚海洋合作平台青岛论坛将于6月28日在青岛国际会议中心举行。")
    assert len(events_of(body)) == 1


def test_an_event_referred_back_to_by_本届_takes_the_fuller_dates():
    body = ("2023青岛国际时装周将于6月16日开幕。"
            "本届时装周共设发布秀、论坛等三大板块,将于6月16日至20日在青岛国际会议中心举行。")
    events = events_of(body)
    assert [(e.title, span(e)) for e in events] == [("2023青岛国际时装周", ("2023-06-16", "2023-06-20"))]


def test_a_date_is_not_taken_from_a_venue_name():
    e = one("6月12日,2023青岛国际创新创业大赛在青岛国际会议中心启动。")
    assert e.title == "2023青岛国际创新创业大赛"
    assert e.location == "青岛国际会议中心"


def test_an_english_article():
    article = split_articles(normalize(
        "QINGDAO, June 10 -- The 2023 Qingdao International Ocean Forum will be held "
        "from June 20 to 21 at the Qingdao International Convention Center."))[0]
    article.published = PublicationDate(dt.date(2023, 6, 10), "given", 1.0, 2023)
    events = extract_events(article)
    assert [span(e) for e in events] == [("2023-06-20", "2023-06-21")]
    assert "Forum" in events[0].title
    assert events[0].location == "Qingdao International Convention Center"


@pytest.mark.parametrize("body", [
    "今年以来,全市共举办各类展会86场。",
    "会议强调,要高标准推进博览会筹备工作。",
    "该公司成立于2015年,先后参加了多届博览会。",
])
def test_sentences_without_a_schedule_give_nothing(body):
    assert events_of(body) == []


def test_dates_pair_with_places_in_order():
    events = events_of("2023青岛市社区运动会将分别于6月17日、6月24日在市南区、崂山区举行。")
    assert [(e.location, span(e)) for e in events] == [
        ("市南区", ("2023-06-17", "2023-06-17")),
        ("崂山区", ("2023-06-24", "2023-06-24")),
    ]
    assert all(e.title.startswith("2023青岛市社区运动会") for e in events)


def test_an_event_that_starts_on_a_day_with_no_end_is_that_day():
    e = one("自6月18日起,2023青岛夏季文化旅游节将在全市各区市陆续举办。")
    assert span(e) == ("2023-06-18", "2023-06-18")


def test_a_regulation_taking_effect_is_not_an_event():
    assert events_of("《青岛市会展业促进条例》自7月1日起施行,展会主办方须提前备案。") == []


def test_a_recurring_date_is_no_date():
    assert events_of("每年5月,青岛都会举办国际啤酒节。") == []


def test_a_venue_given_after_地点():
    e = one("“海洋与未来”科普讲座将于6月20日14:30举行,地点:青岛海洋科技馆。")
    assert e.location == "青岛海洋科技馆"
    assert e.interval.start.isoformat() == "2023-06-20T14:30:00+08:00"


def test_a_quoted_name_before_the_head_word_stays_in_the_title():
    e = one("6月9日,第五届“蓝色硅谷杯”创新创业大赛在即墨区启动。")
    assert e.title == "第五届“蓝色硅谷杯”创新创业大赛"


def test_the_day_the_reporter_learned_it_is_not_the_events_day():
    e = one("记者10日从市体育局获悉,2023青岛国际沙滩排球邀请赛将于下周三在第一海水浴场开赛。")
    assert span(e) == ("2023-06-14", "2023-06-14")
    assert e.location == "第一海水浴场"


def test_a_weekday_glossed_with_its_date_keeps_the_clock_time():
    e = one("青岛市2023年春季人才招聘会将于下周三(6月14日)上午9时在青岛国际人才市场举行。")
    assert e.interval.start.isoformat() == "2023-06-14T09:00:00+08:00"


def test_a_final_takes_the_name_of_its_contest():
    body = ("第三届青岛市青少年机器人大赛日前启动报名。大赛决赛定于7月22日在青岛科技馆举行。")
    events = events_of(body)
    assert [(e.title, span(e)) for e in events] == [("第三届青岛市青少年机器人大赛决赛", ("2023-07-22", "2023-07-22"))]


def test_a_call_opened_today_runs_to_its_deadline():
    body = "2023青岛市民摄影作品征集活动即日起启动。作品提交截止时间为7月31日,入选作品将集中展出。"
    events = events_of(body)
    assert [(e.category, span(e)) for e in events] == [("deadline", ("2023-06-10", "2023-07-31"))]
    assert "摄影作品征集" in events[0].title


def test_a_duration_before_a_closing_counts_backwards():
    e = one("12日,为期三天的2023青岛国际动漫游戏博览会在青岛国际会展中心闭幕。", "2023-06-13")
    assert span(e) == ("2023-06-10", "2023-06-12")


def test_a_bare_head_that_opens_a_sentence_refers_back():
    body = "今天上午,2023青岛国际家居博览会在红岛会展中心开幕。展会10日开幕,12日闭幕,设6个展区。"
    events = events_of(body)
    assert [(e.title, span(e)) for e in events] == [("2023青岛国际家居博览会", ("2023-06-10", "2023-06-12"))]


def test_a_state_is_not_an_event():
    assert events_of("6月9日,全市共有24支代表队晋级决赛。") == []


def test_an_english_registration_deadline_and_a_final():
    article = split_articles(normalize(
        "QINGDAO, June 10 -- Registration for the 2023 Qingdao Ocean Startup Challenge is open until June 30. "
        "The final is scheduled for late July in Laoshan District."))[0]
    article.published = PublicationDate(dt.date(2023, 6, 10), "given", 1.0, 2023)
    events = extract_events(article)
    assert [(e.category, span(e)) for e in events] == [
        ("deadline", ("2023-06-30", "2023-06-30")),
        ("competition", ("2023-07-21", "2023-07-31")),
    ]
    assert events[1].title == "2023 Qingdao Ocean Startup Challenge final"
    assert events[1].location == "Laoshan District"


def test_an_exhibition_fair_keeps_its_whole_name():
    e = one("第17届潍坊国际食品展览会将于7月6日在潍坊鲁台会展中心开幕。")
    assert e.title == "第17届潍坊国际食品展览会"
    assert e.category == "fair"


def test_a_listing_names_the_event_over_its_time_and_place_lines():
    page = ("岛城文化周历\n\n【演出】\n\n“海之韵”2023夏季交响音乐会\n时间:6月17日晚7点半\n地点:青岛大剧院音乐厅\n"
            "票价:80元—380元\n\n“小海鸥”亲子阅读会\n时间:每周六上午9:30—11:00\n地点:青岛市图书馆少儿馆")
    events = events_of(page)
    assert [(e.title, e.location) for e in events] == [("“海之韵”2023夏季交响音乐会", "青岛大剧院音乐厅")]
    assert events[0].interval.start.isoformat() == "2023-06-17T19:30:00+08:00"


def test_a_notice_names_its_sessions_after_the_event_it_announces():
    article = split_articles(normalize(
        "关于举办2023年青岛市高校毕业生夏季双选会的通知\n\n各有关单位:\n\n"
        "(一)首场:2023.6.17(星期六)9:00-12:00\n地点:青岛国际会展中心3号馆"))[0]
    article.published = PublicationDate(dt.date(2023, 6, 10), "given", 1.0, 2023)
    events = extract_events(article)
    assert [(e.title, e.location) for e in events] == [
        ("2023年青岛市高校毕业生夏季双选会首场", "青岛国际会展中心3号馆")]
    assert events[0].interval.start.isoformat() == "2023-06-17T09:00:00+08:00"


def test_an_extended_deadline_replaces_the_old_one():
    body = "大赛报名截止时间为6月20日。经研究,大赛报名截止时间延长至6月30日。"
    events = events_of(body)
    assert [(e.category, span(e)) for e in events] == [("deadline", ("2023-06-30", "2023-06-30"))]


def test_a_refund_deadline_says_who_must_act_not_the_cancelled_events_name():
    body = ("原定于6月24日在青岛体育中心举行的“海风之约”演唱会因故取消。已购票观众可于7月10日前申请全额退票。")
    events = events_of(body)
    assert [(e.title, e.status) for e in events] == [
        ("“海风之约”演唱会", "cancelled"), ("已购票观众退票截止", "confirmed")]


def test_a_postponement_without_a_new_date_leaves_no_event():
    assert events_of("原定于6月举办的第二届青岛国际茶业博览会延期举办,具体时间另行通知。") == []


def test_an_office_target_is_not_a_deadline():
    assert events_of("各区市将在6月底前完成对离校未就业高校毕业生的实名登记。") == []


def test_the_name_two_clauses_before_a_new_date():
    e = one("原定于4月举办的第十八届青岛国际汽车展览会,经组委会研究,将推迟到7月3日至7日在青岛国际会展中心举办。")
    assert (e.title, span(e)) == ("第十八届青岛国际汽车展览会", ("2023-07-03", "2023-07-07"))


def test_a_fixture_is_named_after_its_sides():
    e = one("6月17日(星期六)19:35,青岛队将在第三个主场迎战上海久事。")
    assert (e.title, e.category) == ("青岛队第三个主场迎战上海久事", "competition")
    assert span(e) == ("2023-06-17T19:35:00+08:00", "2023-06-17T19:35:00+08:00")
    assert e.location == "青岛"  # a home game, in the home side's city


def test_a_call_for_entries_running_from_today_is_a_deadline():
    e = one("第五届青岛青年影像节征片活动自即日起至7月15日面向全国举办。")
    assert (e.category, span(e)) == ("deadline", ("2023-06-10", "2023-07-15"))


def test_a_main_venue_set_somewhere_is_the_place():
    e = one("第33届青岛国际啤酒节将于8月26日开幕,持续至9月10日,主会场设在西海岸新区金沙滩啤酒城。")
    assert (span(e), e.location) == (("2023-08-26", "2023-09-10"), "西海岸新区金沙滩啤酒城")


def test_an_exhibition_open_until_a_day_runs_from_publication():
    e = one("“奋进新征程”主题摄影展日前在青岛市美术馆开展,展期至9月30日。")
    assert span(e) == ("2023-06-10", "2023-09-30")


def test_a_registration_names_the_event_and_the_event_follows():
    events = events_of("市民可于6月30日前报名参加2023青岛国际马拉松,比赛定于10月22日鸣枪开跑。")
    assert [(e.title, span(e)) for e in events] == [
        ("2023青岛国际马拉松报名截止", ("2023-06-30", "2023-06-30")),
        ("2023青岛国际马拉松", ("2023-10-22", "2023-10-22")),
    ]


def test_a_festival_that_has_closed():
    e = one("据悉,首届青岛国际航海节已于6月8日落下帷幕。")
    assert (e.title, span(e)) == ("首届青岛国际航海节", ("2023-06-08", "2023-06-08"))
