// Parse an iCalendar file with ical.js (Thunderbird's parser) and print its events as JSON.
// Usage: node ics.mjs FILE   ->  {"calendar": {...}, "events": [{uid, summary, start, end, ...}]}
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const root = new ICAL.Component(ICAL.parse(text));
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}

function when(time) {
  if (!time) return null;
  return {
    isDate: time.isDate,
    local: time.toString(),
    tzid: time.zone ? time.zone.tzid : null,
    unix: time.isDate ? null : time.toUnixTime(),
  };
}

const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: component.getFirstPropertyValue("status"),
    sequence: event.sequence,
    categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
    url: component.getFirstPropertyValue("url"),
    start: when(event.startDate),
    end: when(event.endDate),
  };
});

console.log(JSON.stringify({
  calendar: {
    name: root.getFirstPropertyValue("name"),
    version: root.getFirstPropertyValue("version"),
    prodid: root.getFirstPropertyValue("prodid"),
    timezones: root.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid")),
  },
  events,
}));
