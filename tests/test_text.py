"""Text normalization: what OCR and page layout break, joined again; nothing else changed."""

from feeds.extract.normalize import normalize


def test_full_width_digits_and_punctuation_become_ascii():
    assert normalize("６月１１日（周六）") == "6月11日(周六)"


def test_a_line_break_inside_a_date_is_joined():
    assert normalize("拟于 2022 年 12 月 26 日—30\n日举办") == "拟于2022年12月26日—30日举办"


def test_a_blank_line_in_the_middle_of_a_sentence_is_joined():
    text = "即日起,市民可以通过登录青岛政务网专题页\n\n面或者扫描二维码进入征集界面,点击提交按钮。"
    assert normalize(text) == "即日起,市民可以通过登录青岛政务网专题页面或者扫描二维码进入征集界面,点击提交按钮。"


def test_a_paragraph_that_ends_a_sentence_stays_apart():
    assert normalize("大会圆满闭幕。\n\n下一届大会将在烟台举行。") == "大会圆满闭幕。\n\n下一届大会将在烟台举行。"


def test_a_byline_keeps_its_own_line():
    text = "□青岛日报/观海新闻记者 王涛\n本报3月4日讯 4日上午,大会召开。"
    assert normalize(text).split("\n")[0] == "□青岛日报/观海新闻记者王涛"


def test_spaces_inside_chinese_are_removed_but_english_words_stay_apart():
    assert normalize("市 十 七 届 人 大") == "市十七届人大"
    assert normalize("The expo\nopens on Monday.") == "The expo opens on Monday."


def test_traditional_characters_become_simplified():
    assert normalize("青島國際啤酒節將於7月21日開幕") == "青岛国际啤酒节将于7月21日开幕"


def test_simplified_text_is_left_as_it_is():
    text = "著名作家将出席读书节"
    assert normalize(text) == text


def test_control_characters_are_dropped():
    assert normalize("大会\x00将于\x1b6月1日举行") == "大会将于6月1日举行"
