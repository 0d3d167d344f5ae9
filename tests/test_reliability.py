"""Bad input gets a clear reason and changes nothing: encodings, binaries, HTML, size, unreadable paths,
and folders that mix them with good articles. Also backup and restore."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import logging
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import dump
from opencc import OpenCC
from privileges import shared_folder, unprivileged

from feeds import store
from feeds.cli import main
from feeds.files import RejectedFile, decode_declared, read_source
from feeds.ingest import ingest_paths
from feeds.models import Selection

FEEDS = Path(sys.executable).with_name("feeds")

BEER = "青岛国际啤酒节将于7月21日开幕"
BEER_BIG5 = "青島國際啤酒節將於7月21日開幕"
TALKS = "第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会将于12月20日在青岛国际会议中心举行。"
GOOD_PAGES = {
    "fair.txt": ("utf-8", "# 服贸会9月举行\n\n2023年中国国际服务贸易交易会将于9月2日至6日在北京首钢园举行。\n"),
    "talks_gbk.txt": ("gbk", f"# 洽谈会下月举行\n\n{TALKS}\n"),
    "beer_gb18030.txt": ("gb18030", f"# 啤酒节\n\n{BEER}。\n"),
    "books_big5.txt": ("big5", "# 書展下月開幕\n\n第三十一屆台北國際書展將於2月8日至13日在台北世貿中心舉行。\n"),
    "airshow_utf16.txt": (
        "utf-16", "# 航展\n\n第十四届中国国际航空航天博览会将于11月8日至13日在珠海国际航展中心举行。\n"
    ),
    "expo_utf16be.md": ("utf-16-be", "# 中博会\n\n第二十届中国国际中小企业博览会将于10月10日至13日在广州举行。\n"),
}
"""Good articles, one event each, in the encodings Chinese newspapers publish in."""
GOOD_HTML = (
    "<!DOCTYPE html><html><head><meta charset=\"gb18030\"><title>进博会</title>"
    "<style>body { color: red }</script></style><script>var ad = '第九十九届广告博览会将于1月1日举行。';</script>"
    "</head><body><h1>进博会11月开幕</h1><p>第六届中国国际进口博览会将于11月5日至10日在国家会展中心（上海）举行。</p>"
    "<script>track('第九十八届追踪博览会将于2月2日举行。')</script></body></html>"
)
GOOD_TITLES = {
    "2023年中国国际服务贸易交易会",
    "第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会",
    "青岛国际啤酒节",
    "第三十一屆台北國際書展",  # a Big5 page keeps the characters it printed
    "第十四届中国国际航空航天博览会",
    "第二十届中国国际中小企业博览会",
    "第六届中国国际进口博览会",
}
PUBLISHED = dt.date(2023, 1, 5)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def rejection(path: Path, **kwargs: Any) -> str:
    with pytest.raises(RejectedFile) as raised:
        read_source(path, **kwargs)
    return raised.value.reason


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gb18030", BEER),
        ("gbk", BEER),
        ("big5", BEER_BIG5),
        ("utf-16-le", BEER),
        ("utf-16-be", BEER),
        ("gbk", TALKS),
        ("big5", OpenCC("s2t").convert(TALKS)),
    ],
)
def test_a_short_chinese_text_is_decoded_in_its_own_encoding(tmp_path, encoding, text):
    """Short GBK once came out as Korean (cp949): detection only considers the encodings Chinese pages use."""
    assert read_source(write(tmp_path / "a.txt", text.encode(encoding))).text == text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_a_byte_order_mark_is_honoured_and_dropped(tmp_path, bom, encoding):
    assert read_source(write(tmp_path / "a.txt", bom + BEER.encode(encoding))).text == BEER


def test_utf16_of_chinese_alone_without_a_bom_is_detected(tmp_path):
    """No ASCII means no NUL bytes: the legacy encodings are tried first, then UTF-16."""
    text = "展会下月举行"
    assert read_source(write(tmp_path / "a.txt", text.encode("utf-16-le"))).text == text


def test_an_html_page_in_gb18030_keeps_its_text_and_drops_scripts_and_styles(tmp_path):
    source = read_source(write(tmp_path / "expo.html", GOOD_HTML.encode("gb18030")))
    assert source.encoding == "gb18030" and source.html
    assert "第六届中国国际进口博览会" in source.text
    assert "广告" not in source.text and "track" not in source.text and "color" not in source.text


def test_a_page_labelled_gb2312_may_use_gbk_characters():
    """Pages say GB2312 and use GBK (镕 is not in GB2312): a declared charset is read as its superset."""
    text = "朱镕基出席开幕式"
    assert decode_declared(text.encode("gbk"), "gb2312") == (text, "gb18030")


# --- files that are refused -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        gzip.compress(TALKS.encode() * 40),
        random.Random(7).randbytes(4000).replace(b"\x00", b"\x01"),
        b"SQLite format 3\x00" + bytes(4080),
        b"\x7fELF\x02\x01\x01" + bytes(range(1, 200)) * 10,
    ],
    ids=["png", "gzip", "random-no-nul", "sqlite", "elf"],
)
def test_binary_files_are_refused(tmp_path, data):
    assert rejection(write(tmp_path / "a.txt", data)).startswith("binary")


def test_utf8_broken_in_the_middle_is_refused_with_the_byte(tmp_path):
    data = TALKS.encode() + b"\xe4\xb8" + TALKS.encode()
    assert rejection(write(tmp_path / "a.txt", data)) == f"invalid UTF-8 at byte {len(TALKS.encode())}"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = write(tmp_path / "big.txt", TALKS.encode() * 50)
    assert rejection(path, max_bytes=1000) == f"too large: {path.stat().st_size} bytes, the limit is 1000"


def test_a_dangling_symlink_is_named_as_such(tmp_path):
    link = tmp_path / "today.txt"
    link.symlink_to(tmp_path / "moved-away.txt")
    assert rejection(link) == f"broken symbolic link (to {tmp_path / 'moved-away.txt'}, which does not exist)"


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    assert rejection(fifo) == "not a regular file (a device, pipe or socket)"


def test_a_symlink_loop_is_refused(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert rejection(tmp_path / "a.txt").startswith("cannot read: Too many levels of symbolic links")


# --- permissions: real ones, even when the tests run as root ---------------------------------------


def read_reason(path: Path) -> str:
    try:
        read_source(path)
    except RejectedFile as rejected:
        return rejected.reason
    return "read"


def test_a_file_without_read_permission_is_refused():
    with shared_folder() as folder:
        path = write(folder / "secret.txt", f"# 洽谈会\n\n{TALKS}\n".encode())
        path.chmod(0o000)
        assert unprivileged(lambda: read_reason(path)) == "permission denied"


def test_a_readable_file_is_read_by_the_same_unprivileged_reader():
    """The control for the test above: the unprivileged reader can read what it is allowed to."""
    with shared_folder() as folder:
        path = write(folder / "open.txt", f"# 洽谈会\n\n{TALKS}\n".encode())
        path.chmod(0o644)
        assert unprivileged(lambda: read_reason(path)) == "read"


# --- a folder of everything -----------------------------------------------------------------------


def fill_mixed(folder: Path) -> dict[str, str]:
    """Good articles and every kind of bad file in one folder tree; returns the expected reasons."""
    for name, (encoding, text) in GOOD_PAGES.items():
        (folder / name).write_bytes(text.encode(encoding))
    (folder / "html").mkdir()
    (folder / "html" / "expo.html").write_bytes(GOOD_HTML.encode("gb18030"))
    expected = {
        "empty.txt": "empty file",
        "blank.md": "empty file",
        "photo.txt": "binary",
        "broken_utf8.txt": "invalid UTF-8 at byte",
        "huge.txt": "too large",
        "gone.txt": "broken symbolic link",
        "fifo.txt": "not a regular file",
        "scripts_only.html": "no text in the page",
        "secret.txt": "permission denied",
        "locked": "folder cannot be listed",
    }
    write(folder / "empty.txt", b"")
    write(folder / "blank.md", b" \r\n\t\n")
    write(folder / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    write(folder / "broken_utf8.txt", TALKS.encode() + b"\xff" + TALKS.encode())
    write(folder / "huge.txt", ("# 大文件\n\n" + TALKS * 200).encode())
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "fifo.txt")
    write(folder / "scripts_only.html", b"<html><head><script>x()</script></head><body><style></style></body></html>")
    write(folder / "secret.txt", f"# 秘密\n\n{TALKS}\n".encode()).chmod(0o000)
    (folder / "locked").mkdir()
    write(folder / "locked" / "inside.txt", f"# 锁住\n\n{TALKS}\n".encode())
    (folder / "locked").chmod(0o000)
    write(folder / "notes.pdf", b"%PDF-1.4 not an article")  # not a text suffix: not even looked at
    return expected


def ingest_unprivileged(folder: Path, db_path: Path):
    """Ingest `folder` where permissions apply; the database is made writable for that user first."""
    store.open_db(db_path).close()
    db_path.chmod(0o666)

    def ingest():
        db = store.open_db(db_path)
        try:
            return ingest_paths(db, [folder], PUBLISHED, max_bytes=10_000)
        finally:
            db.close()

    return unprivileged(ingest)


@pytest.fixture(scope="module")
def mixed() -> Iterator[tuple[Any, list[str], dict[str, str], Path]]:
    """A folder of good and bad files, ingested: the report, the stored titles, the expected reasons, the folder."""
    with shared_folder() as folder:
        incoming = folder / "incoming"
        incoming.mkdir()
        expected = fill_mixed(incoming)
        report = ingest_unprivileged(incoming, folder / "feeds.db")
        db = store.open_db(folder / "feeds.db")
        titles = [event.title for event in store.query_events(db, Selection())]
        db.close()
        yield report, titles, expected, incoming


def test_every_rejected_file_is_named_with_its_reason(mixed):
    report, _titles, expected, folder = mixed
    reasons = {Path(r.path).relative_to(folder).as_posix(): r.reason for r in report.rejected}
    assert set(reasons) == set(expected)
    for name, start in expected.items():
        assert reasons[name].startswith(start), (name, reasons[name])


def test_the_good_files_still_go_in(mixed):
    report, titles, _expected, _folder = mixed
    assert (report.files, report.events.new) == (7, 7)
    assert set(titles) == GOOD_TITLES


def test_the_report_says_the_ingest_failed(mixed):
    assert not mixed[0].ok
    assert "10 file(s) rejected:" in mixed[0].summary()


def test_a_folder_of_only_bad_files_changes_nothing():
    with shared_folder() as folder:
        incoming = folder / "incoming"
        incoming.mkdir()
        fill_mixed(incoming)
        for name in GOOD_PAGES:
            (incoming / name).unlink()
        (incoming / "html" / "expo.html").unlink()
        db_path = folder / "feeds.db"
        store.open_db(db_path).close()
        db = store.open_db(db_path)
        before = dump(db)
        db.close()
        report = ingest_unprivileged(incoming, db_path)
        db = store.open_db(db_path)
        after = dump(db)
        db.close()
    assert report.files == 0 and len(report.rejected) == 10
    assert after == before


def test_rejections_are_logged_as_warnings(tmp_path, db, caplog):
    write(tmp_path / "empty.txt", b"")
    with caplog.at_level(logging.INFO, logger="feeds"):
        ingest_paths(db, [tmp_path], PUBLISHED)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"rejected {tmp_path / 'empty.txt'}: empty file"]


# --- the command line -----------------------------------------------------------------------------


def feeds_cli(db_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "FEEDS_DATABASE": str(db_path), **(env or {})}
    return subprocess.run([str(FEEDS), *args], capture_output=True, text=True, env=environment, timeout=60)


@pytest.mark.slow
def test_the_cli_exit_status_is_1_when_a_file_is_refused_and_the_rest_go_in(tmp_path, db_path):
    good = tmp_path / "in" / "talks.txt"
    good.parent.mkdir()
    good.write_bytes(f"# 洽谈会\n\n{TALKS}\n".encode("gbk"))
    write(tmp_path / "in" / "empty.txt", b"")
    result = feeds_cli(db_path, "ingest", str(tmp_path / "in"), "--published", "2022-11-22")
    assert result.returncode == 1
    assert f"{tmp_path / 'in' / 'empty.txt'}: empty file" in result.stdout
    assert "1 file(s) ingested" in result.stdout


@pytest.mark.slow
def test_the_cli_names_a_missing_path_and_ingests_the_others(tmp_path, db_path):
    good = write(tmp_path / "talks.txt", f"# 洽谈会\n\n{TALKS}\n".encode())
    result = feeds_cli(db_path, "ingest", str(tmp_path / "yesterday.txt"), str(good), "--published", "2022-11-22")
    assert result.returncode == 1
    assert f"{tmp_path / 'yesterday.txt'}: no such file" in result.stdout
    assert "1 file(s) ingested" in result.stdout


@pytest.mark.slow
def test_the_cli_exit_status_is_0_when_everything_goes_in(tmp_path, db_path):
    good = write(tmp_path / "talks.txt", f"# 洽谈会\n\n{TALKS}\n".encode("gbk"))
    result = feeds_cli(db_path, "ingest", str(good), "--published", "2022-11-22")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_size_limit_comes_from_the_environment(tmp_path, db_path):
    big = write(tmp_path / "big.txt", f"# 洽谈会\n\n{TALKS * 20}\n".encode())
    result = feeds_cli(db_path, "ingest", str(big), env={"FEEDS_MAX_FILE_BYTES": "1000"})
    assert result.returncode == 1
    assert f"too large: {big.stat().st_size} bytes, the limit is 1000" in result.stdout


@pytest.mark.slow
def test_the_cli_logs_to_the_configured_file(tmp_path, db_path):
    log_file = tmp_path / "feeds.log"
    write(tmp_path / "empty.txt", b"")
    feeds_cli(db_path, "ingest", str(tmp_path / "empty.txt"), env={"FEEDS_LOG_FILE": str(log_file)})
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert any("INFO feeds.ingest: 0 file(s) ingested" in line for line in lines)
    assert any(f"WARNING feeds.ingest: rejected {tmp_path / 'empty.txt'}: empty file" in line for line in lines)


def test_a_source_url_that_is_not_http_is_a_usage_error(runner, db_path, tmp_path, db):
    page = write(tmp_path / "talks.txt", f"# 洽谈会\n\n{TALKS}\n".encode())
    result = runner.invoke(main, ["--db", str(db_path), "ingest", "--source-url", "javascript:alert(1)", str(page)])
    assert result.exit_code == 2
    assert "http:// or https://" in result.output
    assert store.count_events(db) == 0


# --- backup and restore ---------------------------------------------------------------------------


def test_backup_refuses_to_overwrite_the_database_itself(runner, db_path, db):
    result = runner.invoke(main, ["--db", str(db_path), "backup", str(db_path)])
    assert result.exit_code == 1
    assert "is the database itself" in result.output
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_sees_only_committed_data_while_a_write_is_open(db_path, db, tmp_path):
    ingest_paths(db, [write(tmp_path / "talks.txt", f"# 洽谈会\n\n{TALKS}\n".encode())], PUBLISHED)
    writer = store.open_db(db_path)
    with store.transaction(writer):
        writer.execute("UPDATE events SET title = 'half-written'")
        store.backup(db, tmp_path / "copy.db")
    writer.close()
    copy = store.open_db(tmp_path / "copy.db")
    assert [e.title for e in store.query_events(copy, Selection())] == [
        "第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会"
    ]
    copy.close()


def test_restoring_a_backup_as_the_readme_says_brings_the_data_back(db_path, db, tmp_path):
    ingest_paths(db, [write(tmp_path / "talks.txt", f"# 洽谈会\n\n{TALKS}\n".encode())], PUBLISHED)
    store.backup(db, tmp_path / "backup.db")
    saved = dump(db)
    ingest_paths(db, [write(tmp_path / "fair.txt", GOOD_PAGES["fair.txt"][1].encode())], PUBLISHED)
    db.close()
    # stop everything, copy the backup over the database, delete its -wal and -shm
    shutil.copyfile(tmp_path / "backup.db", db_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    restored = store.open_db(db_path)
    assert dump(restored) == saved
    assert restored.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    restored.close()


def test_a_database_from_a_newer_version_is_refused_not_misread(db_path, db):
    db.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(store.SchemaTooNew):
        store.open_db(db_path)
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS) + 1
    raw.close()
