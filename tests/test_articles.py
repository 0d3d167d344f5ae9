"""A page split into articles, whichever way its layout puts headlines, bylines and datelines."""

from feeds.extract.articles import split_articles
from feeds.extract.normalize import normalize


def articles(page: str):
    return split_articles(normalize(page))


def test_markdown_headlines_stand_above_their_articles():
    page = ("# 青岛啤酒节开幕\n\n早报7月21日讯 今天,第三十三届青岛国际啤酒节开幕。\n\n"
            "## 帆船赛下月举行\n\n早报7月21日讯 2023青岛国际帆船赛将于8月举行。")
    first, second = articles(page)
    assert (first.headline, first.dateline) == ("青岛啤酒节开幕", "早报7月21日讯")
    assert first.body == "今天,第三十三届青岛国际啤酒节开幕。"
    assert second.headline == "帆船赛下月举行"


def test_a_headline_printed_below_its_article_belongs_to_it():
    page = ("□青岛日报/观海新闻记者 王涛\n本报3月4日讯 4日上午,青岛蓝谷招商大会召开。\n\n"
            "青岛蓝谷招商大会召开\n\n"
            "□青岛日报/观海新闻记者 刘佳\n本报3月4日讯 4日下午,全市大数据工作会议召开。\n\n"
            "全市大数据工作会议召开")
    first, second = articles(page)
    assert first.headline == "青岛蓝谷招商大会召开"
    assert first.byline.startswith("□青岛日报")
    assert second.headline == "全市大数据工作会议召开"


def test_a_byline_before_the_headline_opens_the_article():
    page = ("□记者 薄克国 报道\n\n青岛成立工业互联网专家协作联盟\n\n"
            "本报青岛讯 3月30日,青岛市工业互联网专家协作联盟成立。")
    (article,) = articles(page)
    assert article.headline == "青岛成立工业互联网专家协作联盟"
    assert article.dateline == "本报青岛讯"
    assert article.body.startswith("3月30日,")


def test_datelines_of_agencies_and_english_wires():
    assert articles("新华社青岛3月5日电 第二届论坛今天开幕。")[0].dateline == "新华社青岛3月5日电"
    assert articles("QINGDAO, March 5 -- The forum opened today.")[0].dateline == "QINGDAO, March 5 --"


def test_pull_quotes_and_section_names_are_not_text():
    page = "要 闻\n\n本报12月15日讯 今天,推进会召开。\n\n■拟于12月26日组织企业赴韩国"
    (article,) = articles(page)
    assert article.body == "今天,推进会召开。"


def test_a_page_without_structure_is_one_article():
    (article,) = articles("会议指出,要加快数字化转型。会议强调,要坚持全市一盘棋。")
    assert article.headline == "会议指出,要加快数字化转型"


def test_a_headline_on_its_own_line_over_a_long_paragraph_stays_a_headline():
    page = ("青岛港开通两条新航线\n"
            "6月8日，青岛港集装箱码头迎来首艘新航线船舶，标志着连接东南亚的两条航线正式开通。港口负责人表示，"
            "今年还将继续加密航线。")
    (article,) = articles(page)
    assert article.headline == "青岛港开通两条新航线"
    assert article.body.startswith("6月8日")


def test_a_headline_ending_in_its_column_tag_stays_apart_from_the_subheadline():
    page = ("港口开放迈出新步伐（经济观察）\n展望未来，港口将在区域合作中发挥更大作用\n"
            "6月8日，青岛港集装箱码头迎来首艘新航线船舶，标志着连接东南亚的两条航线正式开通，港口开放再上新台阶。")
    (article,) = articles(page)
    assert article.headline == "港口开放迈出新步伐(经济观察)"  # NFKC
    assert article.body.startswith("6月8日")


def test_lines_the_layout_broke_inside_a_sentence_are_joined():
    (article,) = articles("本报6月8日讯 青岛国际啤酒节将于8月\n10日在西海岸新区开幕。")
    assert "将于8月10日在" in article.body


def test_the_reporters_after_a_dateline_belong_to_it():
    (article,) = articles("本报北京6月8日电  （记者王明）市政府新闻办8日举行吹风会。")
    assert article.dateline == "本报北京6月8日电  (记者王明)"  # NFKC
    assert article.body == "市政府新闻办8日举行吹风会。"


def test_a_headline_run_into_its_bodys_lead_date_is_split_off():
    (article,) = articles("港口开通新航线引关注6月8日下午，青岛港集装箱码头迎来首艘新航线船舶。")
    assert article.headline == "港口开通新航线引关注"
    assert article.body == "6月8日下午,青岛港集装箱码头迎来首艘新航线船舶。"


def test_a_run_on_line_of_news_items_is_one_article_per_item():
    first, second = articles("青岛港开通新航线今天(6月8日),青岛港迎来首艘新航线船舶。"
                             "海洋论坛在青岛开幕今天(6月8日),2026海洋论坛在青岛开幕。")
    assert first.headline == "青岛港开通新航线" and second.headline == "海洋论坛在青岛开幕"
    assert second.body.startswith("今天(6月8日)")


def test_a_deadline_with_its_year_after_a_comma_is_no_headline():
    (article,) = articles("本报6月8日讯 作品征集活动即日起启动。作品提交截止时间为2026年7月20日，入选作品将集中展出。")
    assert "作品提交截止时间为2026年7月20日" in article.body


def test_a_news_sites_dateline_at_the_start_of_a_line_is_a_dateline():
    (article,) = articles("中新网济南6月8日电(记者王明) 第五届海洋论坛8日在济南开幕，来自20个国家的学者参加。")
    assert article.dateline == "中新网济南6月8日电(记者王明)"


def test_a_company_named_like_a_portal_is_no_dateline():
    (article,) = articles("腾讯公司发布新款电脑，售价5999元起，6月18日起在各大平台开售。")
    assert article.dateline == ""


def test_a_heading_over_a_byline_heads_the_next_article_after_one_that_began_with_its_dateline():
    page = ("中新网济南6月8日电(记者王明) 第五届海洋论坛8日在济南开幕，来自20个国家的学者参加。\n\n"
            "博士后基金第9批资助启动申报\n\n□本报记者 李华\n记者从省人社厅获悉，第9批资助申报工作已经启动，"
            "申报截止时间为6月30日。")
    first, second = articles(page)
    assert first.headline != "博士后基金第9批资助启动申报"
    assert second.headline == "博士后基金第9批资助启动申报"


def test_a_portal_channels_dateline_with_its_date_and_a_colon_ends_the_headline_run_into_it():
    [article] = split_articles("2026青岛马拉松开跑 万人参赛\n网易体育6月9日报道：\n6月9日上午7:30，马拉松鸣枪开跑。")
    assert article.headline == "2026青岛马拉松开跑 万人参赛"
    assert article.dateline == "网易体育6月9日报道："
    assert article.body.startswith("6月9日上午7:30")


def test_a_short_line_opening_on_its_date_and_a_comma_begins_the_body():
    [article] = split_articles("马拉松开跑\n6月9日上午7:30，青岛银行•2026青岛\n暨全国马拉松锦标赛在五四广场鸣枪开跑。")
    assert article.headline == "马拉松开跑"
    assert article.body.startswith("6月9日上午7:30，青岛银行")
    [run_on] = split_articles(normalize("青岛马拉松开跑 万人参赛\n网易体育6月9日报道：\n6月9日上午7:30，鸣枪开跑。"))
    assert (run_on.headline, run_on.dateline) == ("青岛马拉松开跑万人参赛", "网易体育6月9日报道:")


def test_a_trade_sites_dateline_with_its_day_and_hour_is_a_dateline():
    [article] = split_articles("港口吞吐量创新高\nC188讯 6月9日下午消息 在今天举行的港口发展论坛上，专家介绍了新航线。")
    assert article.dateline == "C188讯 6月9日下午消息"
