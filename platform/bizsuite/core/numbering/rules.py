"""Number patterns and gap-free sequences as plain functions over plain values.

A pattern is format text over the fields its area allows (``HT-{year}-{seq:04d}``,
``FS-{year}Q{quarter}-{subsidiary}``). ``{seq}`` (the sequence a counter gives) takes an
optional zero-padded width of at most :data:`MAX_SEQ_WIDTH` and ``d``, ``x`` or ``X``
(``{seq:04d}``, ``{seq:6}``, ``{seq:X}``); every other field appears as it is. Nothing else: no
fill characters, alignment, nested fields, conversions or widths that would make a number
megabytes long, and every field is checked before anything is formatted, so a pattern such as
``{seq:>2000000000}`` is refused without building its text.

What makes an area's numbers unique (``{year}`` with ``{seq}``, say) and how long they may be
are the area's own rules, built on :func:`pattern_error`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence

#: The field a counter fills.
SEQ = "seq"
#: The widest ``{seq}`` a pattern may ask for.
MAX_SEQ_WIDTH = 12
#: ``{seq}``'s format spec: an optional zero fill and a width, then ``d``, ``x`` or ``X``.
_SEQ_SPEC = re.compile(r"0?([1-9][0-9]?)?[dxX]?")


def _choices(fields: Sequence[str]) -> str:
    named = [f"{{{name}}}" for name in fields]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]


def field_error(name: str, spec: str, conversion: str | None, fields: Sequence[str]) -> str | None:
    """Why one ``{name!conversion:spec}`` field cannot appear in a pattern over ``fields``, or None."""
    if name not in fields:
        return f"unknown field {{{name}}}: use {_choices(fields)}"
    if name != SEQ:
        return None if not spec and conversion is None else f"{{{name}}} takes no format: write {{{name}}}"
    match = _SEQ_SPEC.fullmatch(spec) if conversion is None else None
    if match is None:
        shown = f"!{conversion}" if conversion is not None else f":{spec}"
        return (
            "{seq} takes a width such as {seq:04d} (zero-padded, at most "
            f"{MAX_SEQ_WIDTH}) and d, x or X, not {{seq{shown}}}"
        )
    if match.group(1) is not None and int(match.group(1)) > MAX_SEQ_WIDTH:
        return f"the width of {{seq}} must be at most {MAX_SEQ_WIDTH}, not {match.group(1)}"
    return None


def fields_of(pattern: str, fields: Sequence[str]) -> tuple[set[str], str | None]:
    """The fields ``pattern`` uses, and why it cannot be used with ``fields`` (None when it can)."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return set(), f"not a valid pattern: {exc}"
    used: set[str] = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if error := field_error(name, spec or "", conversion, fields):
            return used, error
        used.add(name)
    return used, None


def pattern_error(pattern: str, fields: Sequence[str]) -> str | None:
    """Why ``pattern`` cannot make numbers from ``fields``, or None (the grammar only)."""
    return fields_of(pattern, fields)[1]


def uses(pattern: str, name: str = SEQ) -> bool:
    """Whether ``pattern`` uses the field ``name`` (``{seq}``: whether it needs a counter)."""
    try:
        return any(field == name for _l, field, _s, _c in string.Formatter().parse(pattern))
    except ValueError:
        return False


def render(pattern: str, **values: object) -> str:
    """The number ``pattern`` makes from ``values``: ``render("HT-{year}-{seq:04d}", year=2026,
    seq=1)`` → ``HT-2026-0001``. A pattern :func:`pattern_error` refuses (over the fields given)
    raises ``ValueError`` before anything is formatted."""
    if error := pattern_error(pattern, tuple(values)):
        raise ValueError(error)
    return pattern.format(**values)


def take_seq(last_seq: int, freed: Collection[int]) -> tuple[int, int, list[int]]:
    """The next sequence: a number given back first (the lowest), so numbers have no gaps; else
    one past the last. Returns (seq, new last_seq, new freed)."""
    if freed:
        rest = sorted(freed)
        return rest[0], last_seq, rest[1:]
    return last_seq + 1, last_seq + 1, []


def give_back_seq(seq: int, last_seq: int, freed: Collection[int]) -> tuple[int, list[int]]:
    """A sequence given back (its document was deleted): the last one goes back to the counter
    (with any freed numbers just below it); another waits in ``freed`` for the next taker.
    Returns (last_seq, freed). A number never taken changes nothing."""
    pool = set(freed)
    if seq < 1 or seq > last_seq or seq in pool:
        return last_seq, sorted(pool)
    if seq != last_seq:
        return last_seq, sorted(pool | {seq})
    last = seq - 1
    while last in pool:
        pool.remove(last)
        last -= 1
    return last, sorted(pool)
