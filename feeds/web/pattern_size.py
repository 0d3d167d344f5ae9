"""How large a regular expression compiles, estimated from its text before it is compiled.

The `regex` module lays out a counted repetition `x{n}` as n copies of x, so `a{3000000}` or
`((a{50}){50}){50}` takes seconds and gigabytes to compile, before any matching budget applies.
The estimate here counts atoms, multiplying what each counted repetition repeats; it may
overestimate (comments, flags and escapes count as atoms) but never underestimates by more than a
small constant.
"""

from __future__ import annotations

import re

MAX_REPEAT = 1000
"""The largest count in `{n}`, `{n,}`, `{,m}` or `{n,m}`."""
MAX_ATOMS = 2000
"""The largest expanded pattern: compiles in about a millisecond and well under a megabyte."""

_COUNT = re.compile(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")
_BRACED_ESCAPES = "pPNxgu"
"""`\\p{L}`, `\\N{name}`, `\\x{2000}`, `\\g<1>` …: their braces are part of the escape, not a count."""


class PatternTooLarge(ValueError):
    """A pattern whose compiled form would be too large; the message says which limit."""


def check_pattern_size(source: str) -> int:
    """The estimated number of atoms of `source` once its counted repetitions are laid out.

    Raises PatternTooLarge past MAX_REPEAT or MAX_ATOMS, without compiling anything.
    """
    stack = [[0, 0]]  # per open group: [atoms so far, atoms of the last item (what a count repeats)]
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i = _escape_end(source, i)
            _add(stack[-1], 1)
        elif ch == "[":
            i = _class_end(source, i)
            _add(stack[-1], 1)
        elif ch == "(":
            stack.append([0, 0])
            i += 1
        elif ch == ")":
            inner = stack.pop()[0] if len(stack) > 1 else 0
            _add(stack[-1], inner)
            i += 1
        elif ch == "{" and (count := _count(source, i)) is not None:
            repeat, i = count
            top = stack[-1]
            top[0] += top[1] * (repeat - 1)
            top[1] *= repeat
        elif ch in "*+?":  # unbounded or optional: the engine loops, it does not lay out copies
            i += 1
        else:
            _add(stack[-1], 1)
            i += 1
        atoms = sum(level[0] for level in stack)
        if atoms > MAX_ATOMS:
            raise PatternTooLarge(f"repeats too much: it would compile to more than {MAX_ATOMS} items")
    return sum(level[0] for level in stack)


def _add(level: list[int], atoms: int) -> None:
    level[0] += atoms
    level[1] = atoms


def _count(source: str, i: int) -> tuple[int, int] | None:
    """The largest count of a repetition `{…}` at i and where it ends, or None when the brace is literal."""
    match = _COUNT.match(source, i)
    if match is None or not (match.group(1) or match.group(2)):
        return None
    digits = [g for g in match.groups() if g]
    if any(len(d) > len(str(MAX_REPEAT)) or int(d) > MAX_REPEAT for d in digits):
        raise PatternTooLarge(f"repeats more than {MAX_REPEAT} times")
    return max(1, *(int(d) for d in digits)), match.end()


def _escape_end(source: str, i: int) -> int:
    """Past an escape: two characters, or up to the closing brace or angle bracket of `\\p{…}`, `\\g<…>`."""
    if i + 2 < len(source) and source[i + 1] in _BRACED_ESCAPES and source[i + 2] in "{<":
        closing = source.find("}" if source[i + 2] == "{" else ">", i + 3)
        return len(source) if closing < 0 else closing + 1
    return i + 2


def _class_end(source: str, i: int) -> int:
    """Past a character class `[…]` (a `]` first in it is literal); a nested set ends it early, which overcounts."""
    j = i + 1
    if j < len(source) and source[j] == "^":
        j += 1
    if j < len(source) and source[j] == "]":
        j += 1
    while j < len(source):
        if source[j] == "\\":
            j += 2
        elif source[j] == "]":
            return j + 1
        else:
            j += 1
    return len(source)
