"""Colours a site owner passes to the embed: validated as hex, and kept readable (WCAG contrast)."""

from __future__ import annotations

import re

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
MIN_CONTRAST = 4.5
"""WCAG 2 AA for normal text."""


def parse_hex(value: str | None) -> str | None:
    """`#abc`, `abc`, `#aabbcc` or `aabbcc` as `#aabbcc`; anything else (a CSS injection too) is None."""
    match = _HEX.fullmatch((value or "").strip())
    if not match:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits


def _rgb(colour: str) -> tuple[int, int, int]:
    hex_colour = parse_hex(colour)
    if hex_colour is None:
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a hex colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: str, background: str, minimum: float = MIN_CONTRAST) -> str:
    """`colour` mixed toward black or white, just enough to be read as text on `background`.

    A site owner picks an accent to match their brand; the embed keeps its hue but will not
    print dates in pale yellow on white.
    """
    colour = parse_hex(colour) or "#000000"
    if contrast(colour, background) >= minimum:
        return colour
    target = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    start = _rgb(colour)
    for step in range(1, 21):
        share = step / 20
        mixed = tuple(round(c + (t - c) * share) for c, t in zip(start, target, strict=True))
        candidate = "#" + "".join(f"{v:02x}" for v in mixed)
        if contrast(candidate, background) >= minimum:
            return candidate
    return "#{:02x}{:02x}{:02x}".format(*target)
