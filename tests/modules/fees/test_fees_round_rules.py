"""Payers and statement numbering as plain rules: who is billed, which number patterns make
unique numbers, and how sequences stay gap-free when drafts are deleted."""

from __future__ import annotations

import re

import pytest
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.rules import PayerStatus


@pytest.mark.parametrize(
    ("payer", "wholly_owned", "included", "status"),
    [
        (True, True, False, PayerStatus.BILLED),  # the default: a wholly-owned payer
        (False, True, False, PayerStatus.EXCLUDED),
        (False, False, True, PayerStatus.EXCLUDED),  # excluded wins over included
        (True, False, False, PayerStatus.NOT_WHOLLY_OWNED),  # not billed by default
        (True, False, True, PayerStatus.BILLED),  # unless included
        (True, True, True, PayerStatus.BILLED),
    ],
)
def test_who_is_billed(payer: bool, wholly_owned: bool, included: bool, status: PayerStatus) -> None:
    assert rules.payer_status(payer=payer, wholly_owned=wholly_owned, included=included) is status


@pytest.mark.parametrize(
    ("payer", "reason", "problem"),
    [
        (True, None, None),
        (False, "Dormant since 2024", None),
        (False, None, "excluded_reason"),
        (False, "   ", "excluded_reason"),
    ],
)
def test_an_excluded_subsidiary_needs_a_reason(payer: bool, reason: str | None, problem: str | None) -> None:
    found = rules.payer_error(payer=payer, excluded_reason=reason)
    assert (found[0] if found else None) == problem


@pytest.mark.parametrize(
    ("pattern", "number"),
    [
        ("FS-{year}Q{quarter}-{subsidiary}", "FS-2026Q1-SUB-TRADE"),
        ("FS-{year}-{seq:04d}", "FS-2026-0007"),
        ("{subsidiary}/{year}/{seq}", "SUB-TRADE/2026/7"),
        ("GLF{year}{quarter}{seq:03X}", "GLF20261007"),
    ],
)
def test_a_statement_number_from_the_pattern(pattern: str, number: str) -> None:
    assert rules.number_pattern_error(pattern) is None
    assert (
        rules.format_statement_number(pattern, year=2026, quarter=1, subsidiary="SUB-TRADE", seq=7) == number
    )


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("FS-{seq:04d}", "unique"),  # no year: 2026's 0001 and 2027's 0001 would clash
        ("FS-{year}-{subsidiary}", "unique"),  # four quarters, one number
        ("FS-{year}Q{quarter}", "unique"),  # two subsidiaries, one number
        ("FS-{year}-{month}-{seq}", "unknown field {month}"),
        ("FS-{year:>10}-{seq}", "{year} takes no format"),
        ("FS-{year}-{seq:>2000000000}", "{seq} takes a width"),
        ("FS-{year}-{seq!r}", "{seq} takes a width"),
        ("FS-{year-{seq}", "not a valid pattern"),
        ("X" * 40 + "{year}{seq}", "at most 40 characters"),
    ],
)
def test_a_pattern_that_cannot_number_statements_is_refused(pattern: str, why: str) -> None:
    error = rules.number_pattern_error(pattern)
    assert error is not None and why in error
    with pytest.raises(ValueError, match=re.escape(error)):
        rules.format_statement_number(pattern, year=2026, quarter=1, subsidiary="S", seq=1)


def test_only_a_pattern_with_seq_uses_the_counter() -> None:
    assert rules.uses_seq("FS-{year}-{seq:04d}")
    assert not rules.uses_seq(rules.DEFAULT_NUMBER_PATTERN)
