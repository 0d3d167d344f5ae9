"""Progress of long work (ingesting a folder, fetching sources): a bar on a terminal, nothing under cron or --quiet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Protocol


class Progress(Protocol):
    """What long work tells about itself: more work found, one piece done."""

    def add(self, count: int) -> None: ...

    def step(self, label: str = "") -> None: ...


class Silent:
    """Progress nobody watches (a cron job, a pipe, --quiet, the web server)."""

    def add(self, count: int) -> None:
        pass

    def step(self, label: str = "") -> None:
        pass


class Bar:
    """A tqdm bar whose total grows as work is found (a feed's items are known only once it is read)."""

    def __init__(self, description: str, unit: str, stream: IO[str]):
        from tqdm import tqdm

        self._bar = tqdm(total=0, desc=description, unit=unit, file=stream, dynamic_ncols=True, leave=False)

    def add(self, count: int) -> None:
        self._bar.total += count
        self._bar.refresh()

    def step(self, label: str = "") -> None:
        if label:
            self._bar.set_postfix_str(label[-40:], refresh=False)
        self._bar.update(1)

    def close(self) -> None:
        self._bar.close()


def wants_bar(stream: IO[str], quiet: bool) -> bool:
    """A bar only for a person at a terminal: not with --quiet, and not when the output goes to a file or cron."""
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def progress(description: str, *, unit: str = "item", quiet: bool = False,
             stream: IO[str] | None = None) -> Iterator[Progress]:
    """`with progress("ingest", unit="file") as bar:` — a Bar on standard error's terminal, else Silent."""
    stream = stream or sys.stderr
    if not wants_bar(stream, quiet):
        yield Silent()
        return
    bar = Bar(description, unit, stream)
    try:
        yield bar
    finally:
        bar.close()
