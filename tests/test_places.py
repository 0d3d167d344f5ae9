"""Where an event takes place: the gazetteer of place names, and how a sentence (or its article) is read for the
venue and the city."""

import datetime as dt

import pytest

from feeds.extract.events import vocabulary as v
from feeds.extract.events.gazetteer import PlaceKind, gazetteer
from feeds.extract.events.places import location_of
from feeds.extract.pipeline import extract_page

PUBLISHED = dt.date(2026, 6, 10)


def places_of(text: str, published: dt.date = PUBLISHED) -> dict[str, str]:
    """Each event's title and location, as `feeds extract` gives them."""
    return {e.title: e.location for article in extract_page(text, published) for e in article.events}


# The gazetteer


@pytest.mark.parametrize(("name", "kind"), [
    ("湖南", PlaceKind.PROVINCE), ("湖南省", PlaceKind.PROVINCE), ("长沙", PlaceKind.CITY), ("桂林市", PlaceKind.CITY),
    ("阆中", PlaceKind.COUNTY), ("宝应县", PlaceKind.COUNTY), ("威尼斯", PlaceKind.CITY), ("布达佩斯", PlaceKind.CITY),
    ("匈牙利", PlaceKind.COUNTRY), ("Osaka", PlaceKind.CITY), ("Kaohsiung", PlaceKind.CITY),
    ("Hungary", PlaceKind.COUNTRY), ("韩国", PlaceKind.COUNTRY), ("肯亚", PlaceKind.COUNTRY),
])
def test_the_gazetteer_holds_chinas_divisions_and_the_worlds_countries_and_cities(name, kind):
    place = gazetteer().get(name)
    assert place is not None and place.kind == kind, name


@pytest.mark.parametrize("word", ["资源", "古城", "比如", "和平", "城区", "西区", "Mobile", "Reading"])
def test_a_short_name_that_is_mostly_a_word_is_no_place(word):
    assert word not in gazetteer()


def test_a_divisions_last_character_that_begins_a_word_is_left_to_the_word():
    assert [m.text for m in gazetteer().find("长沙市民文化节在长沙市举行")] == ["长沙", "长沙市"]


def test_names_are_found_longest_first_and_english_ones_only_as_whole_words():
    found = [m.text for m in gazetteer().find("在江苏徐州和Osakaville, then Osaka and 湖南省长沙市")]
    assert found == ["江苏", "徐州", "Osaka", "湖南省", "长沙市"]


# A city the sentence puts the event in


def test_a_city_outside_any_short_list_is_read_after_zai():
    assert places_of("第三届湘江茶叶博览会将于6月20日在长沙举行。") == {"第三届湘江茶叶博览会": "长沙"}


def test_a_province_and_its_city_are_read_together():
    assert places_of("第十届海峡影视节将于6月12日在福建泉州开幕。") == {"第十届海峡影视节": "福建泉州"}


def test_a_country_and_its_capital_are_read_together():
    found = places_of("2026年游泳世界锦标赛将于7月1日在匈牙利首都布达佩斯开赛。")
    assert found == {"2026年游泳世界锦标赛": "匈牙利首都布达佩斯"}


def test_a_new_area_after_its_province_is_part_of_the_place():
    found = places_of("6月8日，代表团在河北雄安新区考察，并召开城市更新座谈会。")
    assert found == {"城市更新座谈会": "河北雄安新区"}


def test_where_a_firm_comes_from_is_not_where_the_event_is():
    found = places_of("来自长沙的三十家企业参加了6月2日开幕的春季茶叶博览会。")
    assert "长沙" not in found["春季茶叶博览会"]


def test_words_that_only_contain_a_preposition_put_nothing_anywhere():
    found = places_of("关于上海的那场讨论之后，海洋科普论坛将于6月20日开幕。")
    assert found == {"海洋科普论坛": ""}


def test_a_team_that_arrives_in_a_city_plays_there():
    found = places_of("球队昨天抵达曼谷，准备参加明天开打的亚洲冠军杯足球赛。")
    assert found == {"亚洲冠军杯足球赛": "曼谷"}


def test_a_country_followed_by_more_words_is_not_the_place():
    assert location_of("专家在中国海洋学会\x00\x00\x00上发言。") != "中国"


def test_a_city_written_by_its_abbreviation_before_any_venue_verb():
    assert places_of("第三届城市马拉松将于6月22日在京开赛。") == {"第三届城市马拉松": "北京"}


def test_a_sentence_opening_on_its_date_and_then_its_city_is_there():
    found = places_of("昨日(6月9日)澳门，新片《海上花》举行记者会，主演悉数出席。")
    assert found == {"《海上花》记者会": "澳门"}


def test_a_touring_events_leg_is_named_by_its_city():
    found = places_of("6月9日，2026年全国龙舟大赛半决赛(柳州站)落下帷幕。")
    assert found == {"2026年全国龙舟大赛半决赛": "柳州"}


# A venue, before the city


def test_the_venue_is_preferred_over_the_city_it_is_in():
    found = places_of("第五届国际航运论坛将于7月2日在青岛国际会展中心举行。")
    assert found == {"第五届国际航运论坛": "青岛国际会展中心"}


def test_a_city_and_the_venue_written_together_are_one_place():
    found = places_of("第五届国际航运论坛将于7月2日在青岛的国际会展中心举行。")
    assert found == {"第五届国际航运论坛": "青岛的国际会展中心"}


def test_the_place_after_the_words_that_describe_it():
    found = places_of("第五届国际航运论坛将于7月2日在风景秀丽的青岛西海岸新区举行。")
    assert found == {"第五届国际航运论坛": "青岛西海岸新区"}


def test_a_venue_after_the_body_it_belongs_to_keeps_the_body():
    found = places_of("第五届国际航运论坛将于7月2日在海洋大学的学术报告厅举行。")
    assert found == {"第五届国际航运论坛": "海洋大学的学术报告厅"}


def test_a_venue_written_before_the_events_name():
    found = places_of("市交响乐团今天在滨江剧院的海风音乐会中进行了一小时的演出。")
    assert found == {"海风音乐会": "滨江剧院"}


def test_a_venue_that_opens_the_clause_before_the_event():
    found = places_of("6月3日当天，在老城历史文化街区内，非遗手作市集活动同步开展。")
    assert found == {"非遗手作市集活动": "老城历史文化街区"}


def test_a_venue_with_a_quoted_nickname_inside_its_name():
    found = places_of("原定于6月20日在滨海体育中心“银贝”体育馆举行的夏夜群星演唱会因故取消。")
    assert list(found.values()) == ["滨海体育中心“银贝”体育馆"]


def test_a_museum_that_holds_an_event_holds_it_in_its_own_rooms():
    assert places_of("此外，市美术馆今日也举办青年版画作品研讨会。") == {"青年版画作品研讨会": "市美术馆"}


def test_the_venue_that_gai_guan_stands_for():
    found = places_of("记者从市博物馆获悉，6月12日该馆将推出“海上丝路”文物特展。")
    assert list(found.values()) == ["市博物馆"]


def test_words_that_say_where_a_venue_is_are_not_part_of_its_name():
    found = places_of("两位歌手将于6月16日晚上8时在本地滨海艺术中心举行慈善演唱会。")
    assert list(found.values()) == ["滨海艺术中心"]


def test_jia_is_macao_and_hong_kongs_word_for_at():
    found = places_of("商务局将于6月18日上午10时假会展中心三楼联合主办“营商政策”宣讲会。")
    assert list(found.values()) == ["会展中心三楼"]


def test_an_event_that_moved_is_where_it_moved_to():
    found = places_of("原计划于6月在大阪举办的海洋经济论坛，现调整为9月10日在釜山举办。")
    assert found == {"海洋经济论坛": "釜山"}


def test_the_city_in_the_events_own_name_when_nothing_else_says():
    assert places_of("第十届威尼斯建筑双年展将于6月20日开幕。") == {"第十届威尼斯建筑双年展": "威尼斯"}


def test_not_the_citys_name_when_the_sentence_names_a_venue():
    found = places_of("第十届威尼斯建筑双年展将于6月20日在军械库展馆开幕。")
    assert found == {"第十届威尼斯建筑双年展": "军械库展馆"}


def test_an_away_sides_home_is_not_where_it_plays():
    found = places_of("6月12日晚，山东队将在客场迎战广东队。")
    assert found and all("山东" not in place for place in found.values())


def test_china_opening_a_name_says_how_wide_it_is_not_where():
    found = places_of("中国(印尼)贸易博览会将于9月2日开幕。")
    assert found == {"中国(印尼)贸易博览会": "印尼"}


# Another sentence of the article


def test_a_venue_another_sentence_gives_the_event_under_its_short_name():
    found = places_of("2026年世界游泳锦标赛6月11日开赛。本届世锦赛在布达佩斯多瑙河体育馆举行。")
    assert found == {"2026年世界游泳锦标赛": "布达佩斯多瑙河体育馆"}


def test_the_place_the_sentence_before_gives_the_work_a_launch_is_for():
    found = places_of("青年作家的新书《江边的灯》，今天在长沙与读者见面。发布会现场，作者与读者分享了创作经历。")
    assert found == {"《江边的灯》发布会": "长沙"}


def test_a_labelled_venue_of_a_listing():
    found = places_of("海洋创业项目路演会\n时间：6月20日 14:30 地点：海创中心三楼报告厅\n欢迎报名。")
    assert "海创中心三楼报告厅" in found.get("海洋创业项目路演会", "")


def test_a_paper_filed_from_a_city_by_its_own_correspondent():
    assert v.DATELINE_PLACE.search("本报曼谷专电").group("paper") == "曼谷"


# Traditional characters


def test_a_place_printed_in_traditional_characters_is_given_back_as_printed():
    found = places_of("第三屆兩岸文創博覽會將於6月18日在臺北世貿中心舉行，共有三百家廠商參展。")
    assert list(found.values()) == ["臺北世貿中心"]


def test_a_traditional_city_outside_any_short_list():
    found = places_of("第三屆兩岸文創博覽會將於6月18日在桃園舉行，共有三百家廠商參展。")
    assert list(found.values()) == ["桃園"]


# English


def test_an_english_venue_and_its_city_written_together():
    found = places_of("The Harbour Design Expo will be held at the Marina Convention Centre in Singapore "
                      "from June 13 to 15.")
    assert found == {"Harbour Design Expo": "Marina Convention Centre, Singapore"}


def test_where_a_person_works_is_not_where_they_spoke():
    found = places_of("Wang Li, a professor at the Ocean University, said at a press conference in Qingdao on "
                      "Tuesday that the survey would continue.")
    assert list(found.values()) == ["Qingdao"]


def test_an_english_place_after_the_verb_that_follows_the_name():
    found = places_of("According to the trade office in Taipei, the Tainan Jazz Festival will return to Tainan "
                      "on June 20.")
    assert found == {"Tainan Jazz Festival": "Tainan"}


def test_a_city_in_parentheses_opens_an_english_name():
    found = places_of("Visitors crowded the stands at the China (Ningbo) International Tea Fair held on June 2, 2026.")
    assert list(found.values()) == ["Ningbo"]


def test_a_city_before_the_year_of_an_english_name():
    found = places_of("The Sapporo 2030 Winter Games are scheduled to take place from February 8 to 24, 2030.")
    assert list(found.values()) == ["Sapporo"]


def test_the_city_an_english_name_holds_before_the_dateline():
    page = "Taipei, June 9 (CNA) The Osaka Jazz Festival opens on June 20, organizers said."
    assert places_of(page) == {"Osaka Jazz Festival": "Osaka"}


def test_a_press_conference_with_no_place_is_where_the_office_that_holds_it_is():
    [result] = extract_page("今天上午，烟台市人民政府新闻办公室举行防汛工作发布会。", dt.date(2026, 6, 10))
    assert [e.location for e in result.events] == ["烟台市"]


def test_a_peoples_adjective_is_no_town():
    assert location_of("The show opens on May 3 in Japanese style.") == ""
    assert location_of("The exhibition in Italian painting opens on May 3.") == ""
