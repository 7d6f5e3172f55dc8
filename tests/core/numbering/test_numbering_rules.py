"""Number patterns and gap-free sequences as plain rules: which patterns are accepted over which
fields, what they render, and how sequences given back are handed out again."""

from __future__ import annotations

import re

import pytest
from bizsuite.core.numbering import rules

CONTRACTS = ("year", "seq")
FEES = ("year", "quarter", "subsidiary", "seq")


@pytest.mark.parametrize(
    ("pattern", "fields", "values", "number"),
    [
        ("HT-{year}-{seq:04d}", CONTRACTS, {"year": 2026, "seq": 1}, "HT-2026-0001"),
        ("{year}{seq:05d}", CONTRACTS, {"year": 2027, "seq": 42}, "202700042"),
        ("HT-{seq}", CONTRACTS, {"year": 2026, "seq": 7}, "HT-7"),
        ("{seq:012d}", CONTRACTS, {"year": 2026, "seq": 7}, "000000000007"),
        ("{seq:6}", CONTRACTS, {"year": 2026, "seq": 7}, "     7"),
        ("{seq:x}-{seq:X}", CONTRACTS, {"year": 2026, "seq": 255}, "ff-FF"),
        (
            "FS-{year}Q{quarter}-{subsidiary}",
            FEES,
            {"year": 2026, "quarter": 1, "subsidiary": "S1", "seq": 0},
            "FS-2026Q1-S1",
        ),
        (
            "{subsidiary}/{year}/{seq}",
            FEES,
            {"year": 2026, "quarter": 2, "subsidiary": "S1", "seq": 3},
            "S1/2026/3",
        ),
        ("{{year}}-{seq}", CONTRACTS, {"year": 2026, "seq": 3}, "{year}-3"),  # doubled braces are text
        ("NO-FIELDS", CONTRACTS, {"year": 2026, "seq": 3}, "NO-FIELDS"),
    ],
)
def test_a_pattern_renders_its_fields(
    pattern: str, fields: tuple[str, ...], values: dict[str, object], number: str
) -> None:
    assert rules.pattern_error(pattern, fields) is None
    assert rules.render(pattern, **values) == number


@pytest.mark.parametrize(
    ("pattern", "fields", "why"),
    [
        ("HT-{month}-{seq}", CONTRACTS, "unknown field {month}: use {year} or {seq}"),
        ("FS-{year}-{month}", FEES, "unknown field {month}: use {year}, {quarter}, {subsidiary} or {seq}"),
        ("{}-{seq}", CONTRACTS, "unknown field {}"),  # positional fields
        ("{0}", CONTRACTS, "unknown field {0}"),
        ("{year.real}-{seq}", CONTRACTS, "unknown field {year.real}"),  # attribute access
        ("{seq[0]}", CONTRACTS, "unknown field {seq[0]}"),
        ("{year:>10}-{seq}", CONTRACTS, "{year} takes no format: write {year}"),
        ("{year!r}-{seq}", CONTRACTS, "{year} takes no format"),
        ("{seq:>2000000000}", CONTRACTS, "{seq} takes a width such as {seq:04d}"),  # a 2 GB string
        ("{seq:2000000000d}", CONTRACTS, "{seq} takes a width"),
        ("{seq:*^10}", CONTRACTS, "not {seq:*^10}"),  # fill and alignment
        ("{seq:{year}}", CONTRACTS, "not {seq:{year}}"),  # a nested field
        ("{seq!r}", CONTRACTS, "not {seq!r}"),  # a conversion
        ("{seq:,d}", CONTRACTS, "{seq} takes a width"),
        ("{seq:.3}", CONTRACTS, "{seq} takes a width"),
        ("{seq:s}", CONTRACTS, "{seq} takes a width"),
        ("{seq:13d}", CONTRACTS, "the width of {seq} must be at most 12, not 13"),
        ("HT-{seq", CONTRACTS, "not a valid pattern"),
        ("FS-{year-{seq}", FEES, "not a valid pattern"),
        ("HT-}", CONTRACTS, "not a valid pattern"),
    ],
)
def test_a_pattern_outside_the_grammar_is_refused_before_formatting(
    pattern: str, fields: tuple[str, ...], why: str
) -> None:
    error = rules.pattern_error(pattern, fields)
    assert error is not None and why in error
    with pytest.raises(ValueError, match=re.escape(error)):
        rules.render(pattern, **dict.fromkeys(fields, 1))


def test_render_checks_the_pattern_over_the_fields_it_is_given() -> None:
    with pytest.raises(ValueError, match=re.escape("unknown field {quarter}")):
        rules.render("{year}Q{quarter}-{seq}", year=2026, seq=1)


@pytest.mark.parametrize(
    ("pattern", "uses_seq"),
    [
        ("HT-{year}-{seq:04d}", True),
        ("FS-{year}Q{quarter}-{subsidiary}", False),
        ("{{seq}}", False),
        ("{seq", False),
    ],
)
def test_whether_a_pattern_needs_a_counter(pattern: str, uses_seq: bool) -> None:
    assert rules.uses(pattern) is uses_seq


@pytest.mark.parametrize(
    ("last", "freed", "taken", "new_last", "new_freed"),
    [
        (0, [], 1, 1, []),  # the period's first number
        (5, [], 6, 6, []),
        (5, [3, 2], 2, 5, [3]),  # a number given back goes first, the lowest
        (5, [4], 4, 5, []),
    ],
)
def test_taking_a_sequence(
    last: int, freed: list[int], taken: int, new_last: int, new_freed: list[int]
) -> None:
    assert rules.take_seq(last, freed) == (taken, new_last, new_freed)


@pytest.mark.parametrize(
    ("seq", "last", "freed", "new_last", "new_freed"),
    [
        (5, 5, [], 4, []),  # the last: the counter steps back
        (3, 5, [], 5, [3]),  # another: kept for the next taker
        (5, 5, [4, 2], 3, [2]),  # the last, with freed numbers just below it: all back
        (6, 5, [], 5, []),  # never taken: nothing changes
        (0, 5, [], 5, []),
        (3, 5, [3], 5, [3]),  # given back twice: kept once
    ],
)
def test_giving_a_sequence_back(
    seq: int, last: int, freed: list[int], new_last: int, new_freed: list[int]
) -> None:
    assert rules.give_back_seq(seq, last, freed) == (new_last, new_freed)


def test_numbers_have_no_gaps_whatever_is_given_back() -> None:
    last, freed, live = 0, list[int](), set[int]()
    steps = (
        "take",
        "take",
        "take",
        "back 2",
        "take",
        "back 3",
        "back 1",
        "take",
        "take",
        "back 2",
        "take",
        "take",
    )
    for step in steps:
        if step == "take":
            seq, last, freed = rules.take_seq(last, freed)
            assert seq not in live
            live.add(seq)
        else:
            seq = int(step.split()[1])
            live.remove(seq)
            last, freed = rules.give_back_seq(seq, last, freed)
        # Every number up to the last is on a document or waiting for the next taker.
        assert sorted(live | set(freed)) == list(range(1, last + 1))
    assert sorted(live) == [1, 2, 3, 4] and freed == [] and last == 4
