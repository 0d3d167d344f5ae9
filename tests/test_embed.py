"""The embed for other sites: frameable, chrome-free, options validated; embed.js; the snippet builder."""

from __future__ import annotations

import base64
import hashlib

import pytest
from lxml import html as lxml_html
from page_data import fill

from feeds.models import Selection
from feeds.present.colour import contrast, parse_hex, readable
from feeds.web.embed import BACKGROUNDS, EmbedOptions, accent_css, embed_options, snippet


@pytest.fixture
def uids(db):
    return fill(db)


def page(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    return lxml_html.fromstring(response.get_data(as_text=True))


def test_embed_may_be_framed_by_any_origin(client):
    response = client.get("/embed")
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers


@pytest.mark.parametrize("path", ["/", "/embed/builder", "/calendar/2022/11"])
def test_other_pages_refuse_to_be_framed(client, path):
    response = client.get(path)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_embed_shows_the_filtered_upcoming_events(client, uids):
    links = page(client, "/embed?category=fair").xpath("//li/a[contains(@class, 'p-name')]")
    titles = [a.text_content() for a in links]
    assert titles == ["东京时尚展", "蓝色经济国际人才洽谈会"]


def test_embed_has_no_site_chrome(client, uids):
    doc = page(client, "/embed")
    assert not doc.xpath("//header") and not doc.xpath("//footer") and not doc.xpath("//nav[@aria-label='网站导航']")


@pytest.mark.parametrize("view", ["list", "month"])
def test_embed_links_open_in_a_new_tab(client, uids, view):
    doc = page(client, f"/embed?view={view}&category=fair")
    outgoing = [a for a in doc.xpath("//a") if "/events/" in a.get("href") or a.get("href").startswith("/?")]
    assert outgoing
    for link in outgoing:
        assert (link.get("target"), link.get("rel")) == ("_blank", "noopener"), link.get("href")


def test_embed_month_navigation_stays_in_the_frame(client, uids):
    doc = page(client, "/embed?view=month&month=2022-12&category=fair&frame=f1")
    [previous] = doc.xpath("//a[@rel='prev']")
    assert previous.get("target") is None
    assert "month=2022-11" in previous.get("href") and "frame=f1" in previous.get("href")
    assert "category=fair" in previous.get("href")


def test_embed_month_view_draws_the_month(client, uids):
    doc = page(client, "/embed?view=month&month=2022-11")
    assert doc.xpath("//h1")[0].text_content() == "2022年11月"
    assert doc.xpath("//table[@class='month']")


def test_embed_takes_the_theme_as_a_class(client):
    assert "theme-dark" in page(client, "/embed?theme=dark").get("class")
    assert "theme-auto" in page(client, "/embed?theme=pink").get("class")


def test_embed_accent_goes_into_a_style_allowed_by_its_hash(client):
    response = client.get("/embed?accent=%23006400&theme=light")
    [style] = lxml_html.fromstring(response.get_data(as_text=True)).xpath("//style")
    assert "--accent: #006400" in style.text
    digest = base64.b64encode(hashlib.sha256(style.text.encode()).digest()).decode()
    policy = response.headers["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in policy and "nonce" not in policy


def test_embed_ignores_an_accent_that_is_not_a_hex_colour(client):
    doc = page(client, "/embed?accent=red;}body{display:none")
    assert not doc.xpath("//style")


def test_embed_frame_id_must_be_a_plain_token(client):
    assert page(client, "/embed?frame=abc-1").get("data-frame") == "abc-1"
    assert page(client, '/embed?frame="><script>').get("data-frame") == ""


def test_embed_speaks_the_language_asked_for(client, uids):
    doc = page(client, "/embed?lang=en")
    assert doc.get("lang") == "en"
    assert doc.xpath("//h1")[0].text_content() == "Upcoming"


def test_embed_runs_only_its_own_height_script(client):
    doc = page(client, "/embed")
    assert [s.get("src") for s in doc.xpath("//script")] == ["/static/embed-frame.js"]


def test_embed_js_is_cacheable_javascript(client):
    response = client.get("/embed.js")
    assert response.mimetype == "text/javascript"
    assert response.cache_control.max_age == 3600
    assert "postMessage" not in response.get_data(as_text=True)  # it listens; the frame posts
    assert "event.origin !== origin" in response.get_data(as_text=True)


def test_builder_shows_the_snippet_for_the_chosen_filters(client):
    doc = page(client, "/embed/builder?category=fair&view=month&theme=dark&accent=%23ff0000&embed_lang=en")
    code = doc.xpath("//textarea[@id='b-code']")[0].text_content()
    assert code == (
        '<script src="http://localhost/embed.js" data-category="fair" data-view="month"'
        ' data-theme="dark" data-accent="#ff0000" data-lang="en"></script>'
    )


def test_builder_previews_the_embed_with_the_same_options(client):
    doc = page(client, "/embed/builder?category=fair&view=month")
    [script] = doc.xpath("//div[@class='preview']/script")
    assert (script.get("src"), script.get("data-category"), script.get("data-view")) == ("/embed.js", "fair", "month")


def test_home_links_to_the_builder_with_its_filters(client):
    doc = page(client, "/?category=fair")
    assert doc.xpath("//section[@class='subscribe']//a[contains(@href, '/embed/builder')]/@href") == [
        "/embed/builder?category=fair"
    ]


def test_snippet_escapes_attribute_values():
    code = snippet("https://cal.example/", Selection(q='"><script>'), EmbedOptions())
    assert code == '<script src="https://cal.example/embed.js" data-q="&quot;&gt;&lt;script&gt;"></script>'


def test_embed_options_fall_back_to_defaults():
    options = embed_options({"view": "gantt", "theme": "neon", "accent": "url(x)", "month": "May"})
    assert options == EmbedOptions()


@pytest.mark.parametrize(("given", "parsed"), [("#ABC", "#aabbcc"), ("b3261e", "#b3261e"), ("#12345", None),
                                               ("red", None), ("#fff;x", None), (None, None)])
def test_parse_hex(given, parsed):
    assert parse_hex(given) == parsed


def test_contrast_of_black_on_white_is_21():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)


def test_a_pale_accent_is_darkened_until_readable():
    adjusted = readable("#ffff00", BACKGROUNDS["light"])
    assert adjusted != "#ffff00"
    assert contrast(adjusted, BACKGROUNDS["light"]) >= 4.5


def test_an_accent_for_the_automatic_theme_is_readable_in_both():
    css = accent_css("#777777", "auto")
    assert "light-dark(" in css
    light, dark = css.split("light-dark(")[1].split(")")[0].split(", ")
    assert contrast(light, BACKGROUNDS["light"]) >= 4.5 and contrast(dark, BACKGROUNDS["dark"]) >= 4.5
