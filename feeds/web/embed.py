"""The embed's options (view, theme, accent, frame id) and the one-line snippet a site owner pastes.

The embed runs on strangers' pages, so every option is validated to a closed set or a hex colour:
a bad value falls back to the default rather than breaking the host page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from ..models import Selection
from ..present.colour import parse_hex, readable

VIEWS = ("list", "month")
THEMES = ("auto", "light", "dark")
BACKGROUNDS = {"light": "#ffffff", "dark": "#15171a"}
"""The page background of each theme, as in style.css: accents are made readable on these."""
LIST_LIMIT = 30
"""How many upcoming events the list view shows; the full list is a click away."""

_FRAME_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class EmbedOptions:
    view: str = "list"
    theme: str = "auto"
    accent: str | None = None
    """A hex colour, `#rrggbb`, as the site owner gave it."""
    frame: str = ""
    """The id embed.js gave this iframe, echoed in height messages so several embeds on a page do not mix."""
    month: str | None = None
    """`YYYY-MM` for the month view; default the month of the next event."""

    def args(self) -> dict[str, str]:
        """The parameters that reproduce these options (defaults left out)."""
        values = {
            "view": self.view if self.view != "list" else None,
            "theme": self.theme if self.theme != "auto" else None,
            "accent": self.accent,
        }
        return {k: v for k, v in values.items() if v}


def embed_options(args: Mapping[str, str]) -> EmbedOptions:
    """The embed's options from its query string; unknown values become defaults."""
    view = args.get("view", "")
    theme = args.get("theme", "")
    frame = args.get("frame", "")
    month = args.get("month", "")
    return EmbedOptions(
        view=view if view in VIEWS else "list",
        theme=theme if theme in THEMES else "auto",
        accent=parse_hex(args.get("accent")),
        frame=frame if _FRAME_ID.fullmatch(frame) else "",
        month=month if re.fullmatch(r"\d{4}-\d{2}", month) else None,
    )


def accent_css(accent: str | None, theme: str) -> str:
    """A `:root` rule setting the accent, made readable on the theme's background; "" without an accent."""
    if not accent:
        return ""
    if theme in BACKGROUNDS:
        value = readable(accent, BACKGROUNDS[theme])
    else:
        value = f"light-dark({readable(accent, BACKGROUNDS['light'])}, {readable(accent, BACKGROUNDS['dark'])})"
    return f":root {{ --accent: {value}; --link: {value}; }}"


def snippet(origin: str, filters: Selection, options: EmbedOptions, lang: str | None = None) -> str:
    """The `<script>` line to paste: embed.js from this site, with the selection as data- attributes."""
    attributes = {**filters.args(), **options.args()}
    if lang:
        attributes["lang"] = lang
    data = "".join(f' data-{name}="{escape(value, quote=True)}"' for name, value in attributes.items())
    return f'<script src="{escape(origin.rstrip("/"), quote=True)}/embed.js"{data}></script>'
