"""The editor's side over HTTP: accounts, sessions, CSRF, the queue and the review page, the API for
scripts, and the security rules of issue 15 (404 without accounts, login redirects, 400/401 refusals,
markup escaped everywhere)."""

from __future__ import annotations

import re
import stat

import pytest
from conftest import make_event, make_report, save

from feeds import create_app, store
from feeds.editor_commands import editors_group
from feeds.models import CATEGORIES, Selection

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def app(db_path):
    return create_app({"DATABASE": str(db_path), "TESTING": True, "SECRET_KEY": "k" * 40})


@pytest.fixture
def uid(db):
    save(db, make_report("啤酒节消息", "2024-03-01", make_event("青岛国际啤酒节", "2024-05-10", "2024-05-12",
                                                               location="青岛", category="festival")))
    return store.query_events(db, Selection())[0].uid


def add_editor(db, name="ann"):
    with store.transaction(db):
        store.editors.add_editor(db, name, PASSWORD, "2024-03-01T00:00:00Z")


def token_for(db, name="ann"):
    with store.transaction(db):
        return store.editors.create_token(db, name, "2024-03-01T00:00:00Z")[1]


def csrf(response) -> str:
    return CSRF.search(response.get_data(as_text=True)).group(1)


def log_in(client, name="ann", password=PASSWORD):
    token = csrf(client.get("/admin/login"))
    return client.post("/admin/login", data={"name": name, "password": password, "csrf_token": token})


@pytest.fixture
def editor(client, db):
    add_editor(db)
    assert log_in(client).status_code == 303
    return csrf(client.get("/admin/"))


# --- security ---------------------------------------------------------------------------------------


def test_without_an_account_the_editors_side_is_not_there(client, uid):
    for path in ("/admin/", "/admin/login", f"/admin/events/{uid}"):
        assert client.get(path).status_code == 404
    assert client.post("/admin/login", data={"name": "x", "password": "y"}).status_code == 404


def test_without_a_session_a_page_redirects_to_the_login_and_a_post_is_refused(client, db, uid):
    add_editor(db)
    response = client.get(f"/admin/events/{uid}")
    assert response.status_code == 302 and response.headers["Location"].startswith("/admin/login?next=/admin/events/")
    refused = client.post(f"/admin/events/{uid}/hide", data={"csrf_token": "x"})
    assert refused.status_code == 401 and store.get_event(db, uid) is not None


def test_a_post_without_its_csrf_token_or_with_one_of_an_old_session_is_refused(client, db, uid, editor):
    assert client.post(f"/admin/events/{uid}/hide").status_code == 400
    client.post("/admin/logout", data={"csrf_token": editor})
    log_in(client)
    assert client.post(f"/admin/events/{uid}/hide", data={"csrf_token": editor}).status_code == 400
    assert store.get_event(db, uid) is not None


def test_a_wrong_password_is_refused_and_logins_are_rate_limited(client, db, caplog):
    add_editor(db)
    assert log_in(client, password="wrong password!").status_code == 401
    assert "wrong name or password" in caplog.text
    statuses = [log_in(client, password="wrong password!").status_code for _ in range(6)]
    assert statuses[-1] == 429


def test_an_expired_session_is_refused(app, client, db, uid, editor):
    app.config["EDITOR_SESSION_SECONDS"] = -1
    assert client.get("/admin/").status_code == 302
    assert client.post(f"/admin/events/{uid}/hide", data={"csrf_token": editor}).status_code == 401
    assert store.get_event(db, uid) is not None


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(client, db):
    add_editor(db)
    cookie = log_in(client).headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    token = csrf(client.get("/admin/login", base_url="https://localhost"))
    secure = client.post("/admin/login", base_url="https://localhost",
                         data={"name": "ann", "password": PASSWORD, "csrf_token": token})
    assert "Secure" in secure.headers["Set-Cookie"]


def test_a_secret_key_is_generated_into_the_instance_folder_once(db_path, tmp_path, db):
    app = create_app({"DATABASE": str(db_path), "TESTING": True})
    app.config.pop("SECRET_KEY", None)
    app.secret_key = None
    app.instance_path = str(tmp_path / "instance")
    add_editor(db)
    log_in(app.test_client())
    key_file = tmp_path / "instance" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(key_file.read_text()) >= 32
    assert app.config["SECRET_KEY"] == key_file.read_text().strip()


def test_an_editors_markup_never_reaches_a_page_unescaped(client, db, uid, editor):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(f"/admin/events/{uid}/edit", data={"csrf_token": editor, "title": evil, "note": evil})
    for path in (f"/events/{uid}", "/", f"/admin/events/{uid}", "/admin/", "/feed.atom", "/feed.rss",
                 f"/articles/{store.article_ids(db)[0]}", "/embed"):
        body = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body, path
    assert store.get_event(db, uid).title == evil


# --- the queue and the review page -------------------------------------------------------------------


def test_the_queue_lists_events_with_their_evidence_and_filters(client, db, uid, editor):
    page = client.get("/admin/").get_data(as_text=True)
    assert "青岛国际啤酒节" in page and "<mark>青岛国际啤酒节将于2024-05-10举行。</mark>" in page
    assert "青岛国际啤酒节" not in client.get("/admin/?need=hidden").get_data(as_text=True).split("<ol")[1]
    back = client.post(f"/admin/events/{uid}/confirm", data={"csrf_token": editor, "back": "/admin/?need=new"})
    assert back.headers["Location"] == "/admin/?need=new"
    assert "青岛国际啤酒节" not in client.get("/admin/?need=new").get_data(as_text=True).split("<ol")[1]
    assert client.get("/admin/?need=nonsense").status_code == 404


def test_an_edit_from_the_form_shows_on_the_public_page_and_calendar(client, uid, editor):
    assert "SEQUENCE:0" in client.get("/calendar.ics").get_data(as_text=True)  # now in the response cache
    response = client.post(f"/admin/events/{uid}/edit", data={
        "csrf_token": editor, "title": "青岛国际啤酒节", "start": "2024-05-11", "end": "2024-05-13",
        "location": "青岛", "category": "festival", "status": "confirmed", "note": "免费入场"})
    assert response.status_code == 303
    calendar = client.get("/calendar.ics").get_data(as_text=True)
    assert "DTSTART;VALUE=DATE:20240511" in calendar and "SEQUENCE:1" in calendar
    assert "免费入场" in client.get(f"/events/{uid}").get_data(as_text=True)
    assert client.get(f"/api/events/{uid}").get_json()["note"] == "免费入场"


def test_a_bad_edit_names_every_field_and_changes_nothing(client, db, uid, editor):
    response = client.post(f"/admin/events/{uid}/edit", data={
        "csrf_token": editor, "title": "x" * 500, "start": "2024-02-30", "category": "party"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    for message in ("标题：最多 200 个字符", "开始：“2024-02-30”不是存在的日期", "类别：没有“party”"):
        assert message in page
    assert store.get_event(db, uid).sequence == 0


def test_hide_answers_410_everywhere_and_unhide_brings_it_back(client, uid, editor):
    client.post(f"/admin/events/{uid}/hide", data={"csrf_token": editor})
    assert client.get(f"/events/{uid}").status_code == 410
    assert client.get(f"/api/events/{uid}").status_code == 410
    assert client.get(f"/events/{uid}.ics").status_code == 410
    for path in ("/calendar.ics", "/feed.json", "/feed.atom", "/", "/embed", "/calendar/2024/5"):
        body = client.get(path).get_data(as_text=True)
        assert uid not in body and "青岛国际啤酒节" not in body, path
    assert client.get("/api/events").get_json() == []
    client.post(f"/admin/events/{uid}/unhide", data={"csrf_token": editor})
    assert client.get(f"/events/{uid}").status_code == 200


def test_merge_from_the_page_redirects_the_other_event(client, db, uid, editor):
    save(db, make_report("另一篇", "2024-03-02", make_event("啤酒节", "2024-05-10", location="青岛")))
    other = next(e.uid for e in store.query_events(db, Selection()) if e.uid != uid)
    assert client.post(f"/admin/events/{uid}/merge", data={"csrf_token": editor, "other": other}).status_code == 303
    assert client.get(f"/events/{other}").headers["Location"].endswith(f"/events/{uid}")
    assert client.get(f"/admin/events/{other}").headers["Location"] == f"/admin/events/{uid}"
    refused = client.post(f"/admin/events/{uid}/merge", data={"csrf_token": editor, "other": uid})
    assert refused.status_code == 400 and "不能与自身合并" in refused.get_data(as_text=True)


def test_history_is_on_the_page_and_as_json(client, uid, editor):
    client.post(f"/admin/events/{uid}/edit", data={"csrf_token": editor, "title": "新标题"})
    history = client.get(f"/admin/events/{uid}/history.json").get_json()
    assert [(e["actor"], e["action"]) for e in history] == [("feeds", "extracted"), ("ann", "corrected")]
    assert "新标题" in client.get(f"/admin/events/{uid}?lang=en").get_data(as_text=True)


def test_pages_are_in_english_too(client, uid, editor):
    page = client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Review queue" in page and "Log out" in page


# --- the API ------------------------------------------------------------------------------------------


def test_patch_corrects_with_a_token_and_the_messages_of_the_forms(client, db, uid):
    add_editor(db)
    token = token_for(db)
    headers = {"Authorization": f"Bearer {token}"}
    done = client.patch(f"/api/events/{uid}", json={"start": "2024-05-11", "end": "2024-05-12"}, headers=headers)
    assert done.status_code == 200 and done.get_json()["start"] == "2024-05-11"
    assert done.get_json()["sequence"] == 1 and "dates" in done.get_json()["corrections"]
    bad = client.patch(f"/api/events/{uid}?lang=en", json={"end": "2024-05-01", "category": "x"}, headers=headers)
    assert bad.status_code == 400
    assert {f["field"]: f["message"] for f in bad.get_json()["fields"]} == {
        "end": "End: the end is before the start.",
        "category": f"Category: no category “x”; one of {', '.join(CATEGORIES)}.",
    }
    assert client.post(f"/api/events/{uid}/hide", headers=headers).get_json()["hidden"] is True
    assert client.get(f"/api/events/{uid}").status_code == 410
    assert client.post(f"/api/events/{uid}/unhide", headers=headers).status_code == 200
    history = client.get(f"/api/events/{uid}/history", headers=headers).get_json()
    assert [e["action"] for e in history] == ["extracted", "corrected", "hidden", "unhidden"]


def test_a_token_of_a_removed_or_revoked_editor_or_none_is_refused(client, db, uid):
    add_editor(db)
    add_editor(db, "bob")
    ann, bob = token_for(db), token_for(db, "bob")
    assert client.patch(f"/api/events/{uid}", json={"title": "x"}).status_code == 401
    with store.transaction(db):
        store.editors.remove_editor(db, "ann")
        store.editors.revoke_tokens(db, "bob", "2024-03-02T00:00:00Z")
    for token in (ann, bob, "fe_made_up"):
        response = client.patch(f"/api/events/{uid}", json={"title": "x"},
                                headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401 and 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert store.get_event(db, uid).title == "青岛国际啤酒节"


def test_a_removed_editors_session_ends(client, db, uid, editor):
    with store.transaction(db):
        store.editors.remove_editor(db, "ann")
    assert client.post(f"/admin/events/{uid}/hide", data={"csrf_token": editor}).status_code in (401, 404)
    assert store.get_event(db, uid) is not None


# --- the command line ---------------------------------------------------------------------------------


def test_editors_are_added_listed_given_tokens_and_removed_from_the_command_line(app, runner, db):
    def run(*args, stdin=None):
        return runner.invoke(editors_group, list(args), input=stdin, obj=_script_info(app))

    assert run("add", "ann", stdin=f"{PASSWORD}\n{PASSWORD}\n").exit_code == 0
    assert run("add", "bob", stdin=f"{PASSWORD}\nsomething else\n").exit_code == 1
    assert run("add", "cy", stdin="short\nshort\n").exit_code == 1
    token = run("token", "ann").stdout.strip().splitlines()[0]
    assert token.startswith("fe_") and store.editors.editor_of_token(db, token) == "ann"
    assert "ann\tadded" in run("list").stdout and "1 token(s)" in run("list").stdout
    assert db.execute("SELECT count(*) FROM editor_tokens WHERE token_hash = ?", [token]).fetchone()[0] == 0
    assert run("remove", "ann").exit_code == 0 and store.editors.editor_of_token(db, token) is None
    assert run("remove", "ann").exit_code == 1


def _script_info(app):
    from flask.cli import ScriptInfo

    return ScriptInfo(create_app=lambda: app)


def test_visitors_pages_neither_read_nor_make_the_secret_key(db_path, tmp_path, uid):
    app = create_app({"DATABASE": str(db_path), "TESTING": True})
    app.instance_path = str(tmp_path / "instance")
    client = app.test_client()
    for path in ("/", f"/events/{uid}", "/calendar.ics", "/api/events"):
        assert client.get(path).status_code == 200
        assert "Set-Cookie" not in client.get(path).headers
    assert not (tmp_path / "instance").exists()


def test_a_split_from_the_page_takes_the_ticked_reports_out(client, db, uid, editor):
    save(db, make_report("另一篇", "2024-03-02", make_event("啤酒节", "2024-05-10", location="青岛")))
    other = next(e.uid for e in store.query_events(db, Selection()) if e.uid != uid)
    client.post(f"/admin/events/{uid}/merge", data={"csrf_token": editor, "other": other})
    page = client.get(f"/admin/events/{uid}").get_data(as_text=True)
    ticks = re.findall(r'name="leave" id="l-\d+" value="([^"]+)"', page)
    assert len(ticks) == 2
    assert client.post(f"/admin/events/{uid}/split", data={"csrf_token": editor, "leave": ticks}).status_code == 400
    assert client.post(f"/admin/events/{uid}/split", data={"csrf_token": editor, "leave": ticks[1]}).status_code == 303
    assert len(store.query_events(db, Selection())) == 2 and len(store.get_event(db, uid).mentions) == 1


def test_a_conflict_is_settled_from_the_page(client, db, uid, editor):
    client.post(f"/admin/events/{uid}/edit", data={"csrf_token": editor, "start": "2024-05-11", "end": ""})
    save(db, make_report("延期", "2024-04-01", make_event("青岛国际啤酒节", "2024-06-01", location="青岛",
                                                         category="festival")))
    assert "较新的报道称" in client.get(f"/admin/events/{uid}").get_data(as_text=True)
    assert "青岛国际啤酒节" in client.get("/admin/?need=conflict").get_data(as_text=True).split("<ol")[1]
    client.post(f"/admin/events/{uid}/conflicts/dates", data={"csrf_token": editor, "accept": "1"})
    assert store.get_event(db, uid).start == "2024-06-01"
    assert client.post(f"/admin/events/{uid}/conflicts/dates", data={"csrf_token": editor}).status_code == 400


def test_login_goes_back_only_to_the_editors_side(client, db):
    add_editor(db)
    token = csrf(client.get("/admin/login"))
    for target, expected in (("/admin/?need=new", "/admin/?need=new"), ("https://evil.example/", "/admin/"),
                             ("//evil.example/admin", "/admin/"), ("/events/x", "/admin/")):
        client.post("/admin/logout", data={"csrf_token": token})
        token = csrf(client.get("/admin/login"))
        response = client.post("/admin/login", data={"name": "ann", "password": PASSWORD, "csrf_token": token,
                                                     "next": target})
        assert response.headers["Location"] == expected, target
        token = csrf(client.get("/admin/"))


def test_each_page_of_the_editors_side_speaks_one_language(client, db, editor):
    from test_one_language import CJK, LANGUAGE_SWITCH, _english_messages

    save(db, make_report("Expo news", "2025-01-02", make_event("Ocean Expo", "2025-01-12", "2025-01-14",
                                                               location="Qingdao", evidence="Ocean Expo opens.")))
    uid = store.query_events(db, Selection())[0].uid
    client.post(f"/admin/events/{uid}/edit", data={"csrf_token": editor, "start": "2025-01-13", "note": "Free"})
    paths = ["/admin/", "/admin/?need=corrected", f"/admin/events/{uid}", "/admin/login"]
    for path in paths:
        english = client.get(f"{path}{'&' if '?' in path else '?'}lang=en").get_data(as_text=True)
        assert not CJK.findall(english.replace(LANGUAGE_SWITCH, "")), path
        chinese = client.get(f"{path}{'&' if '?' in path else '?'}lang=zh").get_data(as_text=True)
        assert not [w for w in _english_messages() if w in chinese], path
