"""Sources shown by paper, headline, day and link; the input file name nowhere on a page or feed (issue 17, item 4)."""

from __future__ import annotations

import pytest
from conftest import make_event, make_report, save

from feeds import create_app, store
from feeds.models import Source
from feeds.present.sources import paper_name

FILE_NAME = "000_21833daf0af58952.txt"


@pytest.fixture
def uid(db):
    save(db, make_report("海洋博览会开幕", "2024-03-01", make_event("海洋博览会", "2024-03-20")), source=FILE_NAME)
    save(db, make_report("", "2024-03-02", make_event("港口论坛", "2024-03-25")), source="001_deadbeef.txt",
         source_url="https://www.qdcaijing.com/news/1.html")
    return [row["uid"] for row in db["events"].rows]


def _public_paths(uids: list[str], article: str) -> list[str]:
    pages = ["/", "/calendar/2024/3", "/calendar/interactive", "/embed", "/embed?view=month", "/embed/builder",
             "/sources", f"/articles/{article}"] + [f"/events/{u}" for u in uids]
    data = ["/feed.rss", "/feed.atom", "/feed.json", "/calendar.ics", "/categories/conference.ics",
            "/api/events?start=2024-03-01&end=2024-04-01", "/api/sources"]
    data += [f"/events/{u}.ics" for u in uids] + [f"/api/events/{u}" for u in uids]
    return pages + data + [f"{path}{'&' if '?' in path else '?'}lang=en" for path in pages + data]


def test_no_page_feed_calendar_or_api_answer_shows_the_file_name(client, db, uid):
    article = next(db["articles"].rows)["id"]
    for path in _public_paths(uid, article):
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.get_data(as_text=True)
        assert FILE_NAME not in body and "001_deadbeef" not in body, path


def test_the_api_names_each_mention_by_its_paper(client, uid):
    mentions = client.get(f"/api/events/{uid[1]}").get_json()["mentions"]
    assert [(m["paper"], m["url"]) for m in mentions] == [("qdcaijing.com", "https://www.qdcaijing.com/news/1.html")]
    assert "source" not in mentions[0]


def test_no_exported_file_holds_the_file_name(app, uid, tmp_path):
    out = tmp_path / "site"
    assert app.test_cli_runner().invoke(args=["export", str(out)]).exit_code == 0
    files = [path for path in out.rglob("*") if path.is_file()]
    assert len(files) > 20
    for path in files:
        body = path.read_bytes()
        assert FILE_NAME.encode() not in body and b"001_deadbeef" not in body, path


def test_event_page_names_paper_headline_day_and_link(db, db_path, uid):
    client = create_app({"DATABASE": str(db_path), "TESTING": True, "PAPER_NAME": "青岛早报"}).test_client()
    page = client.get(f"/events/{uid[0]}").get_data(as_text=True)
    assert '<span class="paper">青岛早报</span>' in page
    assert "海洋博览会开幕" in page and "2024-03-01" in page
    # a headline-less article is "untitled", with its site as the paper and its original page linked
    other = client.get(f"/events/{uid[1]}").get_data(as_text=True)
    assert "无标题的文章" in other
    assert 'href="https://www.qdcaijing.com/news/1.html"' in other


def test_paper_name_prefers_the_followed_site_then_the_setting_then_the_host():
    followed = [Source("青岛财经网", "https://qdcaijing.com/rss.xml", 3600)]
    assert paper_name("https://www.qdcaijing.com/news/1.html", followed, "早报") == "青岛财经网"
    assert paper_name("https://example.org/a.html", followed, "早报") == "早报"
    assert paper_name("https://example.org/a.html", followed) == "example.org"
    assert paper_name(None, followed) == ""
    assert paper_name(FILE_NAME, followed) == ""


def test_followed_source_names_its_articles(client, db, uid):
    store.add_source(db, Source("青岛财经网", "https://qdcaijing.com/rss.xml", 3600))
    assert '<span class="paper">青岛财经网</span>' in client.get(f"/events/{uid[1]}").get_data(as_text=True)
