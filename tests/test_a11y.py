"""Accessibility basics on every page: language, one h1 and ordered headings, labels, link names, contrast.

The 360 px check needs a browser and lives in test_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from page_data import fill, next_month

from feeds import create_app, store
from feeds.present.colour import MIN_CONTRAST, contrast
from feeds.web.embed import BACKGROUNDS

STYLE = Path(__file__).resolve().parent.parent / "feeds" / "static" / "style.css"
PAGES = [
    "/",
    "/?lang=en",
    "/?category=fair&q=人才",
    "/?q=没有这样的活动",
    "/calendar/{year}/{month}",
    "/calendar/interactive",
    "/events/{fair}",
    "/events/{month_event}",
    "/events/{cancelled}?lang=en",
    "/articles/{article}",
    "/embed",
    "/embed?view=month&theme=dark",
    "/embed/builder",
    "/no/such/page",
    "/?category=parade",
    "/admin/",
    "/admin/?need=new&lang=en",
    "/admin/events/{fair}",
    "/admin/events/{cancelled}?lang=en",
    "/admin/login",
]
CONTROLS = "//input[not(@type='hidden') and not(@type='submit') and not(@type='button')] | //select | //textarea"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, lxml_html.HtmlElement]:
    """Every page rendered once for the module (the checks only read them)."""
    path = tmp_path_factory.mktemp("a11y") / "feeds.db"
    db = store.open_db(path)
    uids = fill(db)
    with store.transaction(db):
        store.editors.add_editor(db, "ann", "correct horse battery", "2024-03-01T00:00:00Z")
    db.close()
    client = create_app({"DATABASE": str(path), "TESTING": True, "SECRET_KEY": "a11y" * 10}).test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/admin/login").get_data(as_text=True))
    client.post("/admin/login", data={"name": "ann", "password": "correct horse battery", "csrf_token": token[1]})
    year, month = next_month()
    values = {"year": year, "month": month, "fair": uids.fair, "month_event": uids.month,
              "cancelled": uids.cancelled, "article": uids.article}
    responses = {path: client.get(path.format(**values)) for path in PAGES}
    statuses = {path: response.status_code for path, response in responses.items()}
    assert set(statuses.values()) <= {200, 400, 404}, statuses  # the editor's pages too: logged in, not redirected
    return {path: lxml_html.fromstring(response.get_data(as_text=True)) for path, response in responses.items()}


@pytest.mark.parametrize("path", PAGES)
def test_page_declares_its_language(pages, path):
    expected = "en" if "lang=en" in path else "zh-CN"
    assert pages[path].get("lang") == expected


@pytest.mark.parametrize("path", PAGES)
def test_page_has_one_h1_and_headings_in_order(pages, path):
    levels = [int(h.tag[1]) for h in pages[path].iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


@pytest.mark.parametrize("path", PAGES)
def test_every_form_control_has_a_label(pages, path):
    doc = pages[path]
    labelled = set(doc.xpath("//label/@for"))
    for control in doc.xpath(CONTROLS):
        named = control.get("aria-label") or control.get("aria-labelledby")
        wrapped = control.xpath("ancestor::label")
        assert control.get("id") in labelled or named or wrapped, lxml_html.tostring(control)


@pytest.mark.parametrize("path", PAGES)
def test_every_link_and_button_has_a_name(pages, path):
    for element in pages[path].xpath("//a[@href] | //button"):
        assert element.text_content().strip() or element.get("aria-label"), lxml_html.tostring(element)


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_styles_or_handlers(pages, path):
    """The CSP refuses them; anything written that way would silently not work."""
    for element in pages[path].iter():
        if not isinstance(element.tag, str):
            continue
        assert "style" not in element.attrib, lxml_html.tostring(element)
        assert not [name for name in element.attrib if name.startswith("on")], lxml_html.tostring(element)


def palette() -> dict[str, tuple[str, str]]:
    """`--name: light-dark(#light, #dark)` from the stylesheet's :root."""
    root = re.search(r":root\s*{(.*?)}", STYLE.read_text(), re.S).group(1)
    found = re.findall(r"--([\w-]+):\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)", root)
    return {name: (light, dark) for name, light, dark in found}


TEXT_ON = [
    ("text", "bg"), ("muted", "bg"), ("link", "bg"), ("accent", "bg"),
    ("text", "surface"), ("muted", "surface"), ("link", "surface"), ("accent", "surface"),
    ("text", "mark"), ("text", "bar"), ("muted", "bar"), ("text", "today"), ("link", "today"),
]


@pytest.mark.parametrize("scheme", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_ON)
def test_text_colours_have_enough_contrast(fg, bg, scheme):
    colours = palette()
    ratio = contrast(colours[fg][scheme], colours[bg][scheme])
    assert ratio >= MIN_CONTRAST, f"--{fg} on --{bg}: {ratio:.2f}"


def test_the_embed_makes_accents_readable_on_the_stylesheets_backgrounds():
    assert (BACKGROUNDS["light"], BACKGROUNDS["dark"]) == palette()["bg"]
