"""Untrusted article text made safe to store: control characters, bidi overrides and line separators
replaced one for one, so evidence offsets into the text stay right and no output ever sees them."""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0/C1 controls other than tab and line feed (CR included), and bidi embeddings and overrides."""
_BREAKS = re.compile("[\x85\u2028\u2029]")
"""Line separators that are not LF: JavaScript and some parsers treat them as line ends."""
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Lone surrogates cannot be stored as UTF-8; U+FFFE / U+FFFF are not characters."""


def block(text: str) -> str:
    """Multi-line text (an article body, an evidence sentence), same length: breaks become LF."""
    text = _UNENCODABLE.sub("\ufffd", text)
    return _CONTROLS.sub(" ", _BREAKS.sub("\n", text))


def line(text: str) -> str:
    """One-line text (a headline, a title, a place): every break and control becomes a space."""
    return block(text).replace("\n", " ").replace("\t", " ")
