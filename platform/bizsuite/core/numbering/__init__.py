"""Numbering (编号): gap-free counters per tenant, series and period, and number patterns.

A module that numbers its documents takes the next sequence inside its own transaction and
renders its pattern with it::

    seq = await take(ctx, "contracts.contract", str(year))
    number = render("HT-{year}-{seq:04d}", year=year, seq=seq)

The counter row stays locked until that transaction ends, so concurrent requests wait for each
other and a rollback takes its number back: numbers have neither duplicates nor gaps.
"""

from bizsuite.core.numbering.rules import MAX_SEQ_WIDTH, pattern_error, render, uses
from bizsuite.core.numbering.services import give_back, take

__all__ = ["MAX_SEQ_WIDTH", "give_back", "pattern_error", "render", "take", "uses"]
