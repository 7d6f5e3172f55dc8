"""Taking and giving back numbers, inside the caller's transaction.

:func:`take` increments the counter of (tenant, series, period) with one
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``: the first number of a period creates the row,
every later one increments it, and either way the row stays locked until the caller's
transaction ends. Concurrent takers of the same series and period wait for each other (never a
duplicate), and a transaction that rolls back takes its increment back with it (never a gap).
A counter holding numbers given back (:func:`give_back`) hands the lowest of them out first.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.context import Context
from bizsuite.core.ids import new_id
from bizsuite.core.numbering import rules
from bizsuite.core.numbering.models import NumberCounter

_TABLE = NumberCounter.__table__
_KEY = ["tenant_id", "series", "period"]


async def _locked(ctx: Context, series: str, period: str) -> tuple[int, list[int]] | None:
    """The counter's (last_seq, freed), its row locked until the transaction ends; None if none."""
    row = (
        await ctx.session.execute(
            select(NumberCounter.last_seq, NumberCounter.freed)
            .where(NumberCounter.series == series, NumberCounter.period == period)
            .with_for_update()
        )
    ).one_or_none()
    return None if row is None else (int(row.last_seq), [int(n) for n in row.freed])


async def _store(ctx: Context, series: str, period: str, last_seq: int, freed: list[int]) -> None:
    await ctx.session.execute(
        update(NumberCounter)
        .where(NumberCounter.series == series, NumberCounter.period == period)
        .values(last_seq=last_seq, freed=freed)
        .execution_options(synchronize_session=False)
    )


async def take(ctx: Context, series: str, period: str) -> int:
    """The next number of ``series`` in ``period`` for the caller's tenant (1 for the first).

    The counter row stays locked until the caller's transaction ends: concurrent takers wait for
    each other, and a rollback gives the number back, so numbers have no duplicates and no gaps."""
    taken = await ctx.session.scalar(
        insert(NumberCounter)
        .values(tenant_id=ctx.tenant_id, id=new_id(), series=series, period=period, last_seq=1, freed=[])
        .on_conflict_do_update(
            index_elements=_KEY,
            set_={"last_seq": _TABLE.c.last_seq + 1},
            # A counter with numbers given back hands those out first (below); the row is locked
            # by the conflict either way.
            where=func.jsonb_array_length(_TABLE.c.freed) == 0,
        )
        .returning(_TABLE.c.last_seq)
    )
    if taken is not None:
        return int(taken)
    found = await _locked(ctx, series, period)
    assert found is not None, "the conflicting row exists and is locked"
    seq, last_seq, freed = rules.take_seq(*found)
    await _store(ctx, series, period, last_seq, freed)
    return seq


async def give_back(ctx: Context, series: str, period: str, seq: int) -> None:
    """Give back a number whose document was deleted: the period's last goes back to the counter,
    another is handed out by the next :func:`take` (see :func:`rules.give_back_seq`)."""
    found = await _locked(ctx, series, period)
    if found is None:
        return
    last_seq, freed = rules.give_back_seq(seq, *found)
    await _store(ctx, series, period, last_seq, freed)
