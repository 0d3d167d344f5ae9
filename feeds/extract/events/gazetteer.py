"""Names of places (China's divisions, the world's countries and cities, in Chinese and English), found in text
by one scan: at each position the longest name that starts there, looked up by length, never name by name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "places.tsv"
"""Written by tools/gazetteer.py from the data packages it names."""


class PlaceKind(Enum):
    COUNTRY = "country"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"

    @property
    def rank(self) -> int:
        """How broad a place of this kind is: a country 0, a county 3."""
        return list(PlaceKind).index(self)


@dataclass(frozen=True)
class Place:
    name: str
    kind: PlaceKind
    country: str
    """ISO 3166 alpha-2 code."""


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: Place

    @property
    def text(self) -> str:
        return self.place.name


LATIN_WORD = re.compile(r"(?<![A-Za-z'.-])[A-Z]")
"""Where an English name may begin: a capital letter that starts a word."""


SUFFIX_WORDS = {"市民", "市场", "区域", "县城", "省份"}
"""Words that begin with a division's last character: `青岛市民文化节` is 青岛's, `市民` its citizens."""


class Gazetteer:
    """Places by name; Chinese names match anywhere, English ones only as whole words."""

    def __init__(self, places: dict[str, tuple[str, str]]):
        self._places = places
        """name → (kind, country), made into a Place only when found: most are never asked for."""
        lengths: dict[str, set[int]] = {}
        for name in places:
            lengths.setdefault(name[0], set()).add(len(name))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        """The lengths of the names that begin with each character, longest first: the only ones worth a look."""

    def __contains__(self, name: str) -> bool:
        return name in self._places

    def get(self, name: str) -> Place | None:
        found = self._places.get(name)
        return Place(name, PlaceKind(found[0]), found[1]) if found else None

    def at(self, text: str, position: int) -> PlaceMatch | None:
        """The longest name that starts at `position` (an English one must end its word)."""
        if position >= len(text):
            return None
        for length in self._lengths.get(text[position], ()):
            end = position + length
            name = text[position:end]
            if len(name) == length and name in self._places and not (
                    name[-1].isascii() and text[end:end + 1].isascii() and text[end:end + 1].isalnum()) \
                    and text[end - 1:end + 1] not in SUFFIX_WORDS:
                return PlaceMatch(position, end, self.get(name))
        return None

    def find(self, text: str) -> Iterator[PlaceMatch]:
        """Every name in `text`, left to right, the longest at each place, none overlapping."""
        position = 0
        while position < len(text):
            ch = text[position]
            latin = ch.isascii()
            if (not latin and "\u4e00" <= ch <= "\u9fff") or (latin and LATIN_WORD.match(text, position)):
                found = self.at(text, position)
                if found:
                    yield found
                    position = found.end
                    continue
            position += 1


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process."""
    rows = (line.split("\t") for line in DATA.read_text(encoding="utf-8").splitlines()[1:] if line)
    return Gazetteer({name: (kind, country) for name, kind, country in rows})
