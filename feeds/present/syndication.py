"""RSS 2.0 and Atom 1.0 (feedgen), JSON Feed 1.1: one item per event, the newest change first."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

import feedgen.version
import lxml
from feedgen.feed import FeedGenerator

from ..models import TZ, FeedPart, StoredEvent
from . import api, common, i18n, recurrence
from .api import recurrence_item
from .common import (
    article_url,
    category_label,
    clean_block,
    clean_line,
    detail_label,
    details_text,
    display_title,
    event_ics_url,
    event_url,
    evidence,
    first_day,
    parse_utc,
    schedule_line,
    short_date,
    status_label,
    untitled_article,
)
from .i18n import HTML_LANG, when
from .memo import PARTS, content_key, remembered_all

GENERATOR = "feeds"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedInfo:
    """What a feed says about itself; `updated` comes from the data so the bytes stay stable."""

    title: str
    description: str
    site_url: str
    self_url: str
    updated: dt.datetime
    language: str = "zh-CN"
    lang: str = "zh"
    """The language of titles and labels (`language` is its BCP 47 tag)."""
    brief: int | None = None
    """RSSHub's `brief`: item bodies as plain text of at most this many characters."""
    sort: bool = True
    """RSSHub's `sorted`: newest news first; False keeps the order the events were given in."""
    author: str = "feeds"
    """Atom requires an author; the site speaks for the events it collects."""


def item_title(ev: StoredEvent, lang: str = "zh") -> str:
    """`[11月29日] 2022世界工业互联网产业大会 @ 青岛`: the date and, when known, the place."""
    title = f"[{short_date(ev, lang)}] {display_title(ev, lang)}"
    location = clean_line(ev.location)
    return f"{title} @ {location}" if location else title


_HTML_WORDS = {
    "zh": ("时间", "地点", "类别", "状态", "来源", "活动页面", "加入日历", "：", "（{}）"),
    "en": ("When", "Where", "Category", "Status", "Source", "Event page", "Add to calendar", ": ", " ({})"),
}


def item_html(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    """The item body as escaped HTML: when, where, category, status, evidence, sources, links (rendered
    once per event version, site and language, see memo.PARTS)."""
    return PARTS.get(("item.html", base_url, lang, content_key(ev)), lambda: _item_html(ev, base_url, lang))


def _item_html(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    when_word, where, category, status, source, page_word, add, colon, aside = _HTML_WORDS.get(lang, _HTML_WORDS["zh"])
    rows = [(when_word, escape(when(ev, lang)))]
    if (repeats := schedule_line(ev, lang)) is not None:
        rows.append((detail_label(repeats[0], lang), escape(repeats[1])))
    if clean_line(ev.location):
        rows.append((where, escape(clean_line(ev.location))))
    rows.append((category, escape(category_label(ev.category, lang))))
    if ev.status != "confirmed":
        rows.append((status, escape(status_label(ev.status, lang))))
    parts = [f"<p><strong>{label}{colon}</strong>{value}</p>" for label, value in rows]
    said = evidence(ev)
    if said:
        parts.append(f"<blockquote>{escape(said).replace(chr(10), '<br>')}</blockquote>")
    for mention in ev.mentions:
        headline = clean_line(mention.headline) or untitled_article(lang)
        published = aside.format(escape(clean_line(mention.published))) if mention.published else ""
        href = escape(article_url(base_url, mention))
        parts.append(f'<p>{source}{colon}<a href="{href}">{escape(headline)}</a>{published}</p>')
    page, ics = escape(event_url(base_url, ev.uid)), escape(event_ics_url(base_url, ev.uid))
    parts.append(f'<p><a href="{page}">{page_word}</a> · <a href="{ics}">{add} (.ics)</a></p>')
    return "\n".join(parts)


def item_text(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    """The item body as plain text, for JSON Feed's content_text and readers without HTML."""
    return PARTS.get(("item.text", base_url, lang, content_key(ev)), lambda: details_text(ev, base_url, lang))


def news_dates(ev: StoredEvent) -> tuple[dt.datetime, dt.datetime]:
    """(published, updated) by the news: the first report's publication day, and the latest report's when a
    later one changed the event; the ingest times only where the articles carry no date.

    An archive ingested in one go would otherwise date every item the same minute.
    """
    days = sorted(dt.date.fromisoformat(m.published[:10]) for m in ev.mentions if _is_day(m.published))
    if not days:
        return parse_utc(ev.created), parse_utc(ev.updated)
    published = dt.datetime.combine(days[0], dt.time(0), TZ)
    changed = parse_utc(ev.updated) > parse_utc(ev.created)
    updated = dt.datetime.combine(days[-1], dt.time(0), TZ) if changed else published
    return published, updated


def atom_updated(ev: StoredEvent) -> dt.datetime:
    """Atom's `updated` for an entry: the news date (news_dates), with a sub-second part from the uid.

    A paper dates its articles by the day, so every event of one day would carry the same instant, which Atom
    readers and the W3C validator (DuplicateUpdated) take for a generator stamping all entries alike. The
    fraction tells them apart and moves no entry out of its second: readers still show 00:00 that day.
    """
    updated = news_dates(ev)[1]
    if updated.microsecond:
        return updated
    fraction = int.from_bytes(hashlib.sha256(ev.uid.encode()).digest()[:4], "big") % 999_999 + 1
    return updated.replace(microsecond=fraction)


def _is_day(value: str | None) -> bool:
    try:
        return bool(value) and dt.date.fromisoformat(value[:10]) is not None
    except ValueError:
        return False


def brief_text(ev: StoredEvent, base_url: str, lang: str, chars: int) -> str:
    """RSSHub's `brief`: the item's text, cut to `chars` characters (an ellipsis marks the cut)."""
    text = item_text(ev, base_url, lang)
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _body(ev: StoredEvent, info: FeedInfo) -> str:
    """The item's HTML, or with `brief` its shortened text, escaped."""
    if info.brief:
        return escape(brief_text(ev, info.site_url, info.lang, info.brief)).replace("\n", "<br>")
    return item_html(ev, info.site_url, info.lang)


def order_items(events: Iterable[StoredEvent], sort: bool = True) -> list[StoredEvent]:
    """The latest news first (news_dates: the report that last changed the event), then the latest stored; the
    uid breaks ties so the order is stable.

    Without `sort` (RSSHub's `sorted=false`), in the order the events happen.
    """
    if not sort:
        return sorted(events, key=lambda ev: (first_day(ev), ev.start, ev.uid))
    ordered = sorted(events, key=lambda ev: ev.uid)
    return sorted(ordered, key=lambda ev: (news_dates(ev)[1], parse_utc(ev.updated)), reverse=True)


def _generator(events: list[StoredEvent], info: FeedInfo, atom: bool) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(info.self_url)
    fg.title(clean_line(info.title))
    fg.subtitle(clean_line(info.description) or clean_line(info.title))
    fg.language(info.language)
    fg.generator(GENERATOR)
    fg.author(name=clean_line(info.author) or GENERATOR)
    fg.updated(info.updated)
    fg.lastBuildDate(info.updated)
    fg.link(href=info.self_url, rel="self")
    # feedgen takes RSS's channel <link> from the last link() call: the site, not the feed itself.
    fg.link(href=info.site_url, rel="alternate", type="text/html")
    for ev in events:
        fe = fg.add_entry(order="append")
        url = event_url(info.site_url, ev.uid)
        fe.id(url)
        fe.guid(url, permalink=True)
        fe.title(item_title(ev, info.lang))
        fe.link(href=url, rel="alternate", type="text/html")
        html = _body(ev, info)
        fe.summary(when(ev, info.lang), type="text")
        fe.description(html)  # RSS <description>; content() below replaces Atom's copy with a typed one
        fe.content(html, type="html" if atom else "CDATA")
        fe.category(term=ev.category, label=category_label(ev.category, info.lang))
        published, updated = news_dates(ev)
        fe.updated(atom_updated(ev) if atom else updated)
        # feedgen writes one date as Atom <published> and RSS <pubDate>: Atom says when the event was
        # first reported; RSS, which has no "updated", says when it last changed, so revisions resurface.
        fe.published(published if atom else updated)
    return fg


def render_rss(events: Iterable[StoredEvent], info: FeedInfo) -> bytes:
    """RSS 2.0 with atom:link rel=self and content:encoded."""
    return _generator(order_items(events, info.sort), info, atom=False).rss_str(pretty=True)


def render_atom(events: Iterable[StoredEvent], info: FeedInfo) -> bytes:
    """Atom 1.0; entry content is escaped HTML."""
    return _generator(order_items(events, info.sort), info, atom=True).atom_str(pretty=True)


def render_json_feed(events: Iterable[StoredEvent], info: FeedInfo) -> bytes:
    """JSON Feed 1.1, with the event's own fields under `_feeds`."""
    items = []
    for ev in order_items(events, info.sort):
        url = event_url(info.site_url, ev.uid)
        items.append(
            {
                "id": url,
                "url": url,
                "title": item_title(ev, info.lang),
                "content_html": _body(ev, info),
                "content_text": brief_text(ev, info.site_url, info.lang, info.brief) if info.brief
                else item_text(ev, info.site_url, info.lang),
                "summary": when(ev, info.lang),
                "date_published": _iso(news_dates(ev)[0]),
                "date_modified": _iso(news_dates(ev)[1]),
                "tags": [category_label(ev.category, info.lang), ev.category],
                "language": info.language,
                "_feeds": {
                    "uid": ev.uid,
                    "title": clean_line(ev.title),
                    "start": ev.start,
                    "end": ev.end,
                    "all_day": ev.all_day,
                    "precision": ev.precision,
                    "category": ev.category,
                    "location": clean_line(ev.location),
                    "status": ev.status,
                    "sequence": ev.sequence,
                    "previous": [list(span) for span in ev.previous],
                    "opened": ev.opened,
                    "parent_uid": ev.parent_uid,
                    "recurrence": recurrence_item(ev, info.lang),
                    "ics": event_ics_url(info.site_url, ev.uid),
                },
            }
        )
    feed = {
        "version": JSON_FEED_VERSION,
        "title": clean_line(info.title),
        "home_page_url": info.site_url,
        "feed_url": info.self_url,
        "description": clean_block(info.description),
        "language": info.language,
        "authors": [{"name": clean_line(info.author) or GENERATOR, "url": info.site_url}],
        "_feeds": {"updated": _iso(info.updated)},
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=2).encode("utf-8")


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


FEED_KINDS = ("rss", "atom", "json")
_RENDERERS = {"rss": render_rss, "atom": render_atom, "json": render_json_feed}
_ITEM_BOUNDS = {"rss": (b"    <item>", b"    </item>\n"), "atom": (b"  <entry>", b"  </entry>\n"),
                "json": (b'"items": [\n', b"\n  ]\n}")}
"""Where an item starts and ends in a feed of one item; an RSS item or Atom entry includes both bounds, a JSON Feed
item lies between them."""
_FEED_END = {"rss": b"  </channel>\n</rss>\n", "atom": b"</feed>\n"}
"""What follows the last item of a pretty-printed RSS or Atom feed."""


def feed_part(ev: StoredEvent, kind: str, base_url: str, lang: str = "zh") -> FeedPart:
    """The event's item in a feed of this kind (rss, atom, json) for this site URL and language, with its place in a
    feed: the bytes it has in every feed that holds it with the default options."""
    return feed_parts([ev], kind, base_url, lang)[0]


def feed_parts(events: list[StoredEvent], kind: str, base_url: str, lang: str = "zh") -> list[FeedPart]:
    """feed_part for each of these events, the missing ones rendered together: one feed of them all, cut into its
    items (a feed builds in one go far faster than item by item), checked by assembling it again."""
    return remembered_all(events, f"_feed_part:{kind}:{lang}:{base_url}",
                          lambda missing: _rendered_parts(missing, kind, base_url, lang))


def _neutral_info(base_url: str, lang: str, events: list[StoredEvent]) -> FeedInfo:
    """A feed's description that no item depends on, to render items in."""
    updated = max((parse_utc(ev.updated) for ev in events), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    return FeedInfo(GENERATOR, GENERATOR, base_url, base_url, updated, language=HTML_LANG.get(lang, "zh-CN"),
                    lang=lang)


def _rendered_parts(events: list[StoredEvent], kind: str, base_url: str, lang: str) -> list[FeedPart]:
    """These events' items, in their order: cut from one feed of them all, or rendered one by one should the cut
    not give that feed back byte for byte."""
    info = _neutral_info(base_url, lang, events)
    ordered = order_items(events)
    whole = _RENDERERS[kind](ordered, info)
    bodies = _cut_items(kind, whole)
    if len(bodies) == len(ordered):
        parts = {ev.uid: _part(ev, body) for ev, body in zip(ordered, bodies, strict=True)}
        if assemble_feed(kind, parts.values(), info) == whole:
            return [parts[ev.uid] for ev in events]
    return [_feed_part(ev, kind, base_url, lang) for ev in events]


_JSON_ITEM_SEPARATOR = b"\n    },\n    {\n"
"""Between two items of a JSON Feed (json.dumps, indent 2): a JSON string holds no raw line break."""


def _cut_items(kind: str, whole: bytes) -> list[bytes]:
    """The items of a feed as rendered, in its order."""
    opening, closing = _ITEM_BOUNDS[kind]
    if kind == "json":
        start = whole.find(opening)
        if start < 0 or whole.find(closing, start) < 0:
            return []
        pieces = whole[start + len(opening):whole.rindex(closing)].split(_JSON_ITEM_SEPARATOR)
        if len(pieces) == 1:
            return pieces
        return [pieces[0] + b"\n    }", *(b"    {\n" + p + b"\n    }" for p in pieces[1:-1]), b"    {\n" + pieces[-1]]
    start = whole.find(opening)
    if start < 0:
        return []
    return [piece + closing for piece in whole[start:whole.rindex(_FEED_END[kind])].split(closing)[:-1]]


def _part(ev: StoredEvent, body: bytes) -> FeedPart:
    return FeedPart(ev.uid, _fixed_utc(news_dates(ev)[1]), _fixed_utc(parse_utc(ev.updated)), body)


def _feed_part(ev: StoredEvent, kind: str, base_url: str, lang: str) -> FeedPart:
    """One event's item, cut from a feed of it alone."""
    info = _neutral_info(base_url, lang, [ev])
    alone = _RENDERERS[kind]([ev], info)
    opening, closing = _ITEM_BOUNDS[kind]
    if kind == "json":
        start = alone.index(opening) + len(opening)
        body = alone[start:alone.rindex(closing)]
    else:
        start = alone.index(opening)
        body = alone[start:alone.index(closing, start) + len(closing)]
    return _part(ev, body)


def _fixed_utc(value: dt.datetime) -> str:
    """An instant as UTC in fixed width, so strings sort as the instants do."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def assemble_feed(kind: str, parts: Iterable[FeedPart], info: FeedInfo) -> bytes:
    """The feed of these events' items (from feed_part, or as the store kept them) with the default options: its
    head, then the items newest news first (order_items), byte for byte what the renderer gives for the events."""
    ordered = sorted(parts, key=lambda part: part.uid)
    ordered.sort(key=lambda part: (part.news, part.updated), reverse=True)
    head = _RENDERERS[kind]([], info)
    if not ordered:
        return head
    if kind == "json":
        cut = head.rindex(b'"items": []')
        return b"".join([head[:cut], b'"items": [\n', b",\n".join(part.body for part in ordered), b"\n  ]",
                         head[cut + len(b'"items": []'):]])
    cut = head.rindex(_FEED_END[kind])
    return b"".join([head[:cut], *(part.body for part in ordered), head[cut:]])


def newest_change(parts: Iterable[FeedPart]) -> dt.datetime | None:
    """When the latest of these items' events changed: a feed's `updated`."""
    latest = max((part.updated for part in parts), default=None)
    return dt.datetime.fromisoformat(latest) if latest else None


PART_FORMAT = hashlib.sha1(b"".join(Path(module.__file__).read_bytes() for module in (common, i18n, recurrence, api))
                           + Path(__file__).read_bytes() + f"{feedgen.version.version_str} {lxml.__version__}".encode()
                           ).hexdigest()[:16]
"""The code that renders a feed item (this module, common.py, i18n.py, recurrence.py, api.py, feedgen and lxml),
hashed: kept items of other code are stale."""


def part_variant(kind: str, base_url: str, lang: str) -> str:
    """What a kept feed item depends on besides its event: the kind of feed, the site URL and the language."""
    return f"{kind}|{lang}|{base_url}"
