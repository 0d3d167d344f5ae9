"""An editor's changes to an event: the one validator the admin forms and the API share, and the overlay
of corrections on the extractor's facts (pure: no SQLite, no Flask)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .models import CATEGORIES, STATUSES, TZ, WEEKDAY_CODES, Recurrence

TITLE_MAX = 200
LOCATION_MAX = 200
NOTE_MAX = 1000


class Field(StrEnum):
    """What an editor can correct; each is one correction, stored apart from the extracted facts."""

    TITLE = "title"
    DATES = "dates"
    """start, end and precision together: one decision."""
    LOCATION = "location"
    CATEGORY = "category"
    STATUS = "status"
    NOTE = "note"
    """A public note shown with the event; the extractor never writes one."""
    HIDDEN = "hidden"
    """"1": gone from every public surface."""
    RECURRENCE = "recurrence"
    """The days and time of day an event held again and again comes round (Recurrence JSON), "" for none."""


INPUTS = ("title", "start", "end", "all_day", "location", "category", "status", "note", "recurrence")
"""The names a form or a PATCH body may give (`allDay` is taken for `all_day`)."""
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")
_MARKUP_FREE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class FieldError:
    """One refused value: the input it concerns, the message key (present/admin_i18n.py) and its values."""

    name: str
    key: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dates:
    """An event's dates as the store writes them: ISO start and inclusive end, and their precision."""

    start: str
    end: str
    precision: str

    @property
    def all_day(self) -> bool:
        return self.precision != "time"

    def as_json(self) -> str:
        return json.dumps({"start": self.start, "end": self.end, "precision": self.precision})

    @classmethod
    def from_json(cls, text: str) -> Dates:
        value = json.loads(text)
        return cls(value["start"], value["end"], value["precision"])


@dataclass(frozen=True)
class Edit:
    """The corrections an accepted change makes: field → stored value (only the fields that differ)."""

    values: dict[Field, str]

    def __bool__(self) -> bool:
        return bool(self.values)


class EditRefused(ValueError):
    """Every field that was refused, each with its message."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.name}: {e.key}" for e in errors))
        self.errors = errors


def shown_value(current: Mapping[str, object], name: Field) -> str:
    """The stored form of a field of the facts an event shows now (what a correction would replace)."""
    if name is Field.DATES:
        return Dates(str(current["start"]), str(current["end"]), str(current["precision"])).as_json()
    if name is Field.HIDDEN:
        return "1" if current.get("hidden") else ""
    return str(current.get(name.value) or "")


def validate(given: Mapping[str, object], current: Mapping[str, object]) -> Edit:
    """The corrections `given` asks for (form fields or a PATCH body) against the event's `current` facts.

    Fields absent from `given` stay as they are; a given field equal to the current value makes no
    correction. Raises EditRefused naming every bad field.
    """
    given = {("all_day" if k == "allDay" else k): v for k, v in given.items()}
    errors = [FieldError(name, "edit.unknown_field") for name in given if name not in INPUTS]
    values: dict[Field, str] = {}
    for name, limit in ((Field.TITLE, TITLE_MAX), (Field.LOCATION, LOCATION_MAX), (Field.NOTE, NOTE_MAX)):
        if name.value in given:
            text, error = _text(name.value, given[name.value], limit, required=name is Field.TITLE)
            if error:
                errors.append(error)
            else:
                values[name] = text
    for name, allowed in ((Field.CATEGORY, CATEGORIES), (Field.STATUS, STATUSES)):
        if name.value in given:
            choice = given[name.value]
            if choice not in allowed:
                errors.append(FieldError(name.value, f"edit.{name.value}_unknown",
                                         {"value": str(choice)[:40], "allowed": ", ".join(allowed)}))
            else:
                values[name] = str(choice)
    if any(k in given for k in ("start", "end", "all_day")):
        dates = _dates(given, current, errors)
        if dates is not None:
            values[Field.DATES] = dates.as_json()
    if "recurrence" in given:
        recurrence = _recurrence(given["recurrence"], current, values.get(Field.DATES), errors)
        if recurrence is not None:
            values[Field.RECURRENCE] = recurrence
    if errors:
        raise EditRefused(errors)
    return Edit({name: value for name, value in values.items() if value != shown_value(current, name)})


def _text(name: str, value: object, limit: int, *, required: bool) -> tuple[str, FieldError | None]:
    if value is None:
        value = ""
    if not isinstance(value, str):
        return "", FieldError(name, "edit.not_text")
    text = " ".join(_MARKUP_FREE.sub(" ", value).split())
    if required and not text:
        return "", FieldError(name, "edit.required")
    if len(text) > limit:
        return "", FieldError(name, "edit.too_long", {"limit": str(limit), "length": str(len(text))})
    return text, None


def _dates(given: Mapping[str, object], current: Mapping[str, object], errors: list[FieldError]) -> Dates | None:
    """start and end (either may be left as it is; an empty end is the start's day or month) as one Dates,
    or None with the errors added."""
    precision = str(current["precision"])
    start_found = _moment(given.get("start", input_value(str(current["start"]), precision)))
    if start_found is None:
        errors.append(FieldError("start", "edit.date_invalid", {"value": str(given.get("start"))[:40]}))
        return None
    start, kind = start_found
    end_text = given.get("end", input_value(str(current["end"]), precision))
    if end_text in (None, ""):
        end, end_kind = start, kind
    elif (end_found := _moment(end_text)) is None:
        errors.append(FieldError("end", "edit.date_invalid", {"value": str(end_text)[:40]}))
        return None
    else:
        end, end_kind = end_found
        if "end" not in given and (end_kind != kind or _day(end) < _day(start)):
            end, end_kind = start, kind  # a new start past the old end, or of another precision: one day
    if end_kind != kind:
        errors.append(FieldError("end", "edit.dates_mixed"))
        return None
    all_day = given.get("all_day")
    if all_day not in (None, ""):
        if all_day not in (True, False, "1", "0", "on", "true", "false"):
            errors.append(FieldError("all_day", "edit.not_boolean"))
            return None
        if (all_day in (True, "1", "on", "true")) != (kind != "time"):
            errors.append(FieldError("all_day", "edit.all_day_time"))
            return None
    if kind == "month":
        end = _month_end(end)
    if end < start:
        errors.append(FieldError("end", "edit.end_before_start"))
        return None
    return Dates(start.isoformat(), end.isoformat(), kind)


def _recurrence(value: object, current: Mapping[str, object], dates: str | None,
                errors: list[FieldError]) -> str | None:
    """A recurrence (its JSON object, or that object as text) as the store writes it, running to the event's last
    day; "" for null or "" (the event is held once over its span); None with the error added."""
    if value in (None, ""):
        return ""
    try:
        given = json.loads(value) if isinstance(value, str) else value
        if not isinstance(given, dict):
            raise TypeError("not an object")
        end = Dates.from_json(dates).end if dates else str(current["end"])
        recurrence = Recurrence.from_json({**given, "until": end[:10]})
    except (ValueError, KeyError, TypeError) as error:
        errors.append(FieldError("recurrence", "edit.recurrence_invalid", {"value": str(error)[:80]}))
        return None
    return json.dumps(recurrence.as_json())


REPEAT_INPUTS = ("repeat_frequency", "repeat_days", "repeat_time", "repeat_end", "repeat_excluded",
                 "repeat_opening_hours")
"""The review form's fields of a recurrence (`repeat_days` may be given several times)."""
_CLOCK_INPUT = re.compile(r"^(\d{1,2}):(\d{2})$")


def recurrence_from_form(form: Mapping[str, object]) -> object:
    """The review form's repeat fields as the `recurrence` input `validate` reads: None for an event held once,
    else its object, with what the form cannot read passed on as written for `validate` to refuse."""
    frequency = str(form.get("repeat_frequency") or "")
    if not frequency:
        return None
    days = form.get("repeat_days") or []
    start, end = _clock_input(form.get("repeat_time")), _clock_input(form.get("repeat_end"))
    minutes: object = None
    if start and end:
        try:
            first, last = dt.time.fromisoformat(start), dt.time.fromisoformat(end)
            minutes = (last.hour * 60 + last.minute - first.hour * 60 - first.minute) % (24 * 60) or None
        except ValueError:
            minutes = end
    elif end:
        minutes = end  # an end without a start: refused
    excluded = [day.strip() for day in str(form.get("repeat_excluded") or "").replace("，", ",").split(",")
                if day.strip()]
    return {"frequency": frequency, "weekdays": [d for d in WEEKDAY_CODES if d in days] if frequency == "weekly"
            else [], "time": start or None, "minutes": minutes, "excluded": excluded,
            "opening_hours": form.get("repeat_opening_hours") in ("1", "on", "true")}


def _clock_input(value: object) -> str:
    """`7:30` as `07:30`; anything else as written (stripped)."""
    text = str(value or "").strip()
    match = _CLOCK_INPUT.match(text)
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else text


def repeat_values(stored: str | None) -> dict[str, object]:
    """A stored recurrence as the review form's repeat fields show it."""
    if not stored:
        return {"repeat_frequency": "", "repeat_days": [], "repeat_time": "", "repeat_end": "", "repeat_excluded": "",
                "repeat_opening_hours": False}
    recurrence = Recurrence.from_json(json.loads(stored))
    return {"repeat_frequency": recurrence.frequency.value,
            "repeat_days": [WEEKDAY_CODES[d] for d in recurrence.weekdays],
            "repeat_time": f"{recurrence.time:%H:%M}" if recurrence.time else "",
            "repeat_end": f"{recurrence.end_time:%H:%M}" if recurrence.end_time else "",
            "repeat_excluded": ", ".join(day.isoformat() for day in recurrence.excluded),
            "repeat_opening_hours": recurrence.opening_hours}


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _moment(value: object) -> tuple[dt.date | dt.datetime, str] | None:
    """`2024-05`, `2024-05-01` or `2024-05-01T09:30` (Beijing time), with its precision; None when not a real one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _MONTH.match(text):
            return dt.date(int(text[:4]), int(text[5:7]), 1), "month"
        if _DAY.match(text):
            return dt.date.fromisoformat(text), "day"
        if _TIME.match(text):
            return dt.datetime.fromisoformat(text.replace(" ", "T")).replace(tzinfo=TZ), "time"
    except ValueError:
        return None
    return None


def _month_end(day: dt.date | dt.datetime) -> dt.date:
    return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def input_value(stored: str, precision: str) -> str:
    """A stored start or end as a form shows it: `2024-05`, `2024-05-01` or `2024-05-01T09:30`."""
    if precision == "month":
        return stored[:7]
    if precision == "time":
        return dt.datetime.fromisoformat(stored).astimezone(TZ).strftime("%Y-%m-%dT%H:%M")
    return stored[:10]


def overlay(extracted: Mapping[str, object], corrections: Mapping[str, str]) -> dict[str, object]:
    """The facts an event shows: the extractor's, each corrected field replaced by the editor's value."""
    shown = dict(extracted)
    for name, value in corrections.items():
        if name == Field.DATES:
            dates = Dates.from_json(value)
            shown |= {"start": dates.start, "end": dates.end, "precision": dates.precision, "all_day": dates.all_day}
        elif name == Field.HIDDEN:
            shown["hidden"] = value == "1"
        elif name == Field.RECURRENCE:
            shown["recurrence"] = value or None
        else:
            shown[name] = value
    shown.setdefault("note", "")
    shown.setdefault("hidden", False)
    return shown
