"""Reading input files: encodings, HTML, and a clear reason for every file that is refused."""

from __future__ import annotations

import codecs

import pytest

from feeds import files
from feeds.files import RejectedFile, read_source

NEWS = "第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会将于12月20日在青岛国际会议中心举行。\n"
TRADITIONAL = "第二十二屆中國青島藍色經濟國際人才暨產學研合作洽談會將於12月20日在青島國際會議中心舉行。\n"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rejection(path, **kwargs) -> str:
    with pytest.raises(RejectedFile) as raised:
        read_source(path, **kwargs)
    return raised.value.reason


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", NEWS),
        ("gbk", NEWS),
        ("gb18030", NEWS),
        ("big5", TRADITIONAL),
        ("utf-16-le", NEWS),
        ("utf-16-be", NEWS),
    ],
)
def test_chinese_encodings_are_detected_and_read(tmp_path, encoding, text):
    path = write(tmp_path, f"{encoding}.txt", text.encode(encoding))
    assert read_source(path).text == text


@pytest.mark.parametrize(
    ("bom", "encoding"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")]
)
def test_a_byte_order_mark_decides_the_encoding_and_is_dropped(tmp_path, bom, encoding):
    path = write(tmp_path, "bom.txt", bom + NEWS.encode(encoding))
    assert read_source(path).text == NEWS


def test_an_empty_file_is_rejected(tmp_path):
    assert rejection(write(tmp_path, "empty.txt", b"")) == "empty file"


def test_a_file_of_whitespace_is_rejected_as_empty(tmp_path):
    assert rejection(write(tmp_path, "blank.txt", b" \n\r\n\t ")) == "empty file"


def test_a_binary_file_is_rejected(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert rejection(write(tmp_path, "photo.txt", png)).startswith("binary")


def test_utf8_with_a_bad_byte_is_rejected_with_its_position(tmp_path):
    data = NEWS.encode() + b"\xff" + NEWS.encode()
    assert rejection(write(tmp_path, "broken.txt", data)) == f"invalid UTF-8 at byte {len(NEWS.encode())}"


def test_a_file_over_the_size_limit_is_rejected(tmp_path):
    path = write(tmp_path, "big.txt", NEWS.encode() * 100)
    assert rejection(path, max_bytes=1000).startswith("too large")
    assert read_source(path, max_bytes=100_000).text == NEWS * 100


def test_a_missing_file_is_rejected(tmp_path):
    assert rejection(tmp_path / "nowhere.txt") == "no such file"


def test_an_unreadable_file_is_rejected(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", NEWS.encode())

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "open", refuse)
    assert rejection(path) == "permission denied"


def test_a_folder_named_as_a_file_is_rejected(tmp_path):
    assert rejection(tmp_path) == "is a folder"


def test_html_pages_become_text_without_scripts_or_styles(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>站点</title><style>p {color: red}</style></head><body>"
        "<script>alert('x')</script><h1>洽谈会下月举行</h1><p>" + NEWS.strip() + "</p>"
        "<p>第一行<br>第二行</p><noscript>请启用脚本</noscript></body></html>"
    )
    source = read_source(write(tmp_path, "page.html", page.encode()))
    assert source.html
    assert source.text == f"# 洽谈会下月举行\n\n{NEWS.strip()}\n\n第一行\n第二行\n"


def test_html_is_recognized_by_its_content_whatever_the_file_name(tmp_path):
    source = read_source(
        write(tmp_path, "page.txt", b"<html><body><p>\xe4\xbd\xa0\xe5\xa5\xbd</p></body></html>")
    )
    assert source.html and source.text == "你好\n"


def test_html_in_a_chinese_encoding_is_read(tmp_path):
    page = f"<html><body><h2>活动</h2><p>{NEWS.strip()}</p></body></html>"
    assert (
        read_source(write(tmp_path, "gbk.htm", page.encode("gb18030"))).text == f"## 活动\n\n{NEWS.strip()}\n"
    )


def test_an_html_page_without_text_is_rejected(tmp_path):
    assert (
        rejection(write(tmp_path, "blank.html", b"<html><script>x()</script></html>"))
        == "no text in the page"
    )


def test_folders_are_walked_in_order_for_text_and_html_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.md", "a.txt", "c.HTML", "b/1.htm", "notes.pdf", ".hidden/x.txt", ".draft.txt"):
        (tmp_path / name).write_text("x")
    found = files.expand_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b/1.htm", "b/2.md", "c.HTML"]


def test_files_named_explicitly_are_kept_as_given(tmp_path):
    assert files.expand_paths([tmp_path / "z.pdf", tmp_path / "missing.txt"]) == [
        tmp_path / "z.pdf",
        tmp_path / "missing.txt",
    ]


# --- downloaded pages: the HTTP header's charset, else <meta charset>, else detection ---------------


def test_a_page_is_decoded_by_its_http_charset_first():
    assert files.decode_page(NEWS.encode("gb18030"), "GB18030") == (NEWS, "gb18030")


def test_a_page_without_a_header_charset_is_decoded_by_its_meta_charset():
    page = f'<html><head><meta charset="big5"></head><body>{TRADITIONAL}</body></html>'
    assert files.decode_page(page.encode("big5"))[1] == "big5hkscs"
    assert TRADITIONAL in files.decode_page(page.encode("big5"))[0]


def test_a_page_with_no_label_at_all_is_detected():
    assert files.decode_page(f"<p>{NEWS}</p>".encode("gbk")) == (f"<p>{NEWS}</p>", "gb18030")


def test_a_wrong_or_unknown_label_is_passed_over():
    gbk = f'<html><head><meta charset="klingon"></head><body>{NEWS}</body></html>'.encode("gbk")
    text, encoding = files.decode_page(gbk, "utf-8")
    assert NEWS in text and encoding == "gb18030"


def test_meta_charset_is_found_in_either_form():
    assert files.meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">') == "GB2312"
    assert files.meta_charset(b"<meta charset='utf-8'>") == "utf-8"
    assert files.meta_charset(b"<p>no label</p>") is None
