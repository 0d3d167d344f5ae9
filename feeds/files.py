"""Reading input files into text: size limits, encodings, HTML, and a clear reason when a file is refused."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

DEFAULT_MAX_BYTES = 5_000_000
"""Larger files are refused: no newspaper page is that long, and reading it would stall an ingest."""

SUFFIXES = (".txt", ".md", ".html", ".htm")
"""Files taken from a folder; a file named explicitly is read whatever its name."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CHINESE_ENCODINGS = ["gb18030", "big5", "big5hkscs"]
"""Legacy encodings tried for text without NUL bytes. Offering charset-normalizer every code page lets
short Chinese texts pass as Korean (cp949) or UTF-16; the pages this reads are Chinese."""
_WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
"""Encodings for text with NUL bytes (UTF-16 or UTF-32 without a byte-order mark)."""

_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
"""Declared charsets read as their supersets, as browsers do: pages labelled GB2312 use GBK characters."""

_TEXT_CONTROLS = set("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.01


class RejectedFile(Exception):
    """A file that is not read, and why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    """A file's text, ready for the extraction pipeline."""

    path: Path
    text: str
    encoding: str
    html: bool

    @property
    def name(self) -> str:
        """The file name: what `feeds extract` and the store call the source."""
        return self.path.name


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the text and HTML files inside folders named, in a stable order.

    Folders are walked recursively, sorted, skipping hidden entries and not following links to
    folders. Paths that cannot be read are kept so that reading them reports the problem: missing
    paths, links whose target is gone, and folders that cannot be listed.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path))
        else:
            found.append(path)
    return found


def _walk(folder: Path) -> list[Path]:
    """A folder's candidate files, sorted; a subfolder that cannot be listed is listed itself."""
    found: list[Path] = []
    unreadable: list[Path] = []

    def refused(error: OSError) -> None:
        unreadable.append(Path(error.filename))

    for root, dirs, files in os.walk(folder, onerror=refused):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(root)
        found.extend(
            base / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        )
    return sorted(found + unreadable, key=lambda p: p.relative_to(folder).parts)


def read_source(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file as text, decoding and de-HTML-ing it; raises RejectedFile with the reason."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise RejectedFile(_folder_problem(path))
        if not stat.S_ISREG(info.st_mode):
            raise RejectedFile("not a regular file (a device, pipe or socket)")
        if info.st_size > max_bytes:
            raise RejectedFile(f"too large: {info.st_size} bytes, the limit is {max_bytes}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise RejectedFile(_missing(path)) from None
    except PermissionError:
        raise RejectedFile("permission denied") from None
    except OSError as error:
        raise RejectedFile(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise RejectedFile(f"too large: more than {max_bytes} bytes")
    return source_from_bytes(data, path)


def _folder_problem(path: Path) -> str:
    """A folder is named here only when it was given as a file or could not be listed: say which."""
    try:
        os.listdir(path)
    except OSError as error:
        return f"folder cannot be listed: {error.strerror or error}"
    return "is a folder"


def _missing(path: Path) -> str:
    """Why a path is not there: a link to nothing reads differently from a wrong name."""
    if path.is_symlink():
        return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
    return "no such file"


def source_from_bytes(
    data: bytes, path: str | Path, *, charset: str | None = None, html: bool = False
) -> SourceText:
    """Bytes from a file or an upload as page text; `charset` when the sender declared one.

    The page is HTML when `html` says so, when `path` ends in .html / .htm, or when it looks like HTML.
    """
    path = Path(path)
    text, encoding = decode_declared(data, charset) if charset else decode(data)
    html = html or path.suffix.lower() in (".html", ".htm") or looks_like_html(text)
    if html:
        text = html_to_text(text)
    if not text.strip():
        raise RejectedFile("no text in the page" if html else "empty file")
    return SourceText(path, text, encoding, html)


def decode_declared(data: bytes, charset: str) -> tuple[str, str]:
    """Bytes in the encoding the sender declared (a BOM still wins); refused when they do not fit it."""
    if not data.strip():
        raise RejectedFile("empty file")
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise RejectedFile(f"unknown charset {charset!r}") from None
    if not getattr(codec, "_is_text_encoding", True) or codec.name == "undefined":
        # rot13, zlib, base64, hex …: codecs.lookup knows them, but they turn bytes into bytes, not text
        raise RejectedFile(f"charset {charset!r} is not a text encoding")
    encoding = _SUPERSETS.get(codec.name, codec.name)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], bom_encoding), bom_encoding), bom_encoding
    if encoding in ("utf-16", "utf-32"):  # no BOM: the byte order must be detected
        return decode(data)
    text = _checked(_strict(data, encoding), encoding)
    if encoding not in _SELF_CHECKING and not data.isascii():
        _check_declared(data, encoding, charset)
    return text, encoding


_SELF_CHECKING = {"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}
"""Encodings whose strict decoding already refuses text in another encoding; legacy ones decode almost anything."""


def _check_declared(data: bytes, encoding: str, declared: str) -> None:
    """Refuse text that decodes in the declared legacy encoding but reads as gibberish there and well in another.

    GBK bytes declared as Big5 decode without an error into characters no newspaper prints.
    """
    if from_bytes(data, cp_isolation=[encoding]).best() is not None:
        return
    found = _detect(data, _CHINESE_ENCODINGS)
    if found is not None and found[1] != encoding:
        raise RejectedFile(f"the text does not read as {declared}, its declared charset; it reads as {found[1]}")


_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096
"""How far into a page its <meta charset> is looked for (browsers look at the first 1024 bytes; some pages are late)."""


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its head: `<meta charset>` or the http-equiv Content-Type."""
    found = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    return found.group(1).decode("ascii") if found else None


def decode_page(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """A downloaded page's bytes as text: the HTTP header's charset, else its `<meta charset>`, else detection.

    A label the bytes do not fit (a server that says UTF-8 and sends GBK) or does not know is passed
    over for the next way, so a wrong label costs nothing but the attempt.
    """
    for label in (header_charset, meta_charset(data)):
        if not label:
            continue
        try:
            return decode_declared(data, label)
        except RejectedFile as wrong:
            if wrong.reason == "empty file":
                raise
    return decode(data)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: a BOM, else strict UTF-8, else a detected encoding (GB18030, Big5, UTF-16 …)."""
    if not data.strip():
        raise RejectedFile("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding), encoding), encoding
    if b"\x00" in data:
        found = _detect(data, _WIDE_ENCODINGS)
    else:
        try:
            return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
        except UnicodeDecodeError as error:
            if _mostly_utf8(data):
                raise RejectedFile(f"invalid UTF-8 at byte {error.start}") from None
        found = _detect(data, _CHINESE_ENCODINGS) or _detect(data, _WIDE_ENCODINGS)
    if found is None:
        raise RejectedFile("binary or undecodable: not UTF-8, GB18030, Big5 or UTF-16")
    return _checked(*found), found[1]


def _detect(data: bytes, encodings: list[str]) -> tuple[str, str] | None:
    """The text and encoding charset-normalizer finds most plausible among `encodings`, if any fits."""
    best = from_bytes(data, cp_isolation=encodings).best()
    if best is None:
        return None
    return str(best), best.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise RejectedFile(f"invalid {encoding} at byte {error.start}") from None
    except (UnicodeError, LookupError) as error:  # a codec that cannot decode at all
        raise RejectedFile(f"cannot decode as {encoding}: {error}") from None


def _mostly_utf8(data: bytes) -> bool:
    """True when bytes are UTF-8 with a few bad bytes, rather than another encoding altogether."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return multibyte >= 4 * bad


def _checked(text: str, encoding: str) -> str:
    """Refuse decoded text that is mostly control characters: a binary file that happened to decode."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    if "\x00" in text or controls > _MAX_CONTROL_RATIO * len(text):
        raise RejectedFile(f"binary: control characters in what decodes as {encoding}")
    return text


_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML page whatever its file name: it starts with a doctype or an html/head/body tag."""
    return bool(_HTML_START.match(text[:1000].lstrip("\ufeff")))


class _TextExtractor(HTMLParser):
    """Collects the visible text of a page, keeping paragraph breaks and headings as `#` lines."""

    SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    BLOCKS = {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
        "li", "ul", "ol", "table", "tr", "pre", "figure", "figcaption", "form", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address",
    }
    HEADINGS = {"h1": "# ", "h2": "## ", "h3": "### "}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self.skipping = 0  # a page that never closes its <head>
        elif tag in self.SKIP:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n" + self.HEADINGS.get(tag, ""))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.skipping and tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif not self.skipping and tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n\f\xa0]+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: scripts, styles and head dropped, blocks as paragraphs."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"^(#+) +", r"\1 ", text, flags=re.MULTILINE)
    text = re.sub(r"^#+$", "", text, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
