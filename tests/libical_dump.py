"""Parse an iCalendar file with libical (Evolution's parser) and print its errors and events as JSON.

Run with the system Python, which has PyGObject and gir1.2-ical-3.0:
`/usr/bin/python3 tests/libical_dump.py FILE`.
"""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def when(time, utc):
    """A DATE as `YYYY-MM-DD`; a DATE-TIME as its instant (Unix seconds) and the TZID it was written with."""
    if time is None or time.is_null_time():
        return None
    if time.is_date():
        return {"date": f"{time.get_year():04d}-{time.get_month():02d}-{time.get_day():02d}"}
    zone = time.get_timezone()
    tzid = zone.get_tzid() if zone is not None else None
    return {"unix": time.as_timet_with_zone(zone if zone is not None else utc), "tzid": tzid}


def main(path):
    with open(path, encoding="utf-8") as handle:
        root = ICalGLib.Component.new_from_string(handle.read())
    if root is None:
        print(json.dumps({"errors": ["not parsed"], "events": []}))
        return
    ICalGLib.restriction_check(root)
    utc = ICalGLib.Timezone.get_utc_timezone()
    errors = []
    kind = ICalGLib.ComponentKind.ANY_COMPONENT
    stack = [root]
    while stack:
        comp = stack.pop()
        prop = comp.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
        while prop is not None:
            errors.append(prop.as_ical_string().strip())
            prop = comp.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
        child = comp.get_first_component(kind)
        while child is not None:
            stack.append(child)
            child = comp.get_next_component(kind)
    events = []
    vevent = ICalGLib.ComponentKind.VEVENT_COMPONENT
    event = root.get_first_component(vevent)
    while event is not None:
        events.append(
            {
                "uid": event.get_uid(),
                "summary": event.get_summary(),
                "status": event.get_status().value_nick.upper(),
                "start": when(event.get_dtstart(), utc),
                "end": when(event.get_dtend(), utc),
            }
        )
        event = root.get_next_component(vevent)
    print(json.dumps({"errors": errors, "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
