"""Simplified and traditional Chinese: one OpenCC converter per direction, shared by every layer.

Extraction reads traditional pages in simplified characters, search finds a word in either script,
and RSSHub's `opencc` parameter turns a feed into the other one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

Conversion = Literal["t2s", "s2t"]


@lru_cache(maxsize=2)
def _converter(conversion: Conversion):
    import opencc  # loaded on first use: most pages and queries never convert

    return opencc.OpenCC(conversion)


def convert(text: str, conversion: Conversion) -> str:
    """`text` converted by OpenCC (`t2s` or `s2t`)."""
    return _converter(conversion).convert(text)


def simplified(text: str) -> str:
    """`text` in simplified characters, one for one (unchanged where a phrase would change its length)."""
    converted = convert(text, "t2s")
    return converted if len(converted) == len(text) else text


def traditional(text: str) -> str:
    """`text` in traditional characters, for matching words against text printed that way."""
    return convert(text, "s2t")
