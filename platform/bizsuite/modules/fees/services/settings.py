"""The tenant's fee billing settings (created with the defaults on first use, read once per request
through ``ctx.settings(FEES_SETTINGS)``) and statement numbering from its pattern, gap-free.

A ``{seq}`` comes from the kernel's counter of the fee year (``core/numbering``: incremented and
locked by the generating transaction, so a rollback takes its number back). A statement's draft
can be deleted, so a ``{seq}`` it held is given back: to the counter when it was the year's
last, else to the next statement generated that fee year."""

from __future__ import annotations

import msgspec
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core import numbering
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version
from bizsuite.kit import SettingsSpec
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import FeesSettings
from bizsuite.modules.fees.schemas import FeesSettingsUpdate, FeesSettingsView
from bizsuite.modules.fees.services.common import require_group_view, today


async def load_settings(ctx: Context) -> FeesSettings:
    """The tenant's settings row, created with the defaults when missing."""
    found: FeesSettings | None = await ctx.session.scalar(select(FeesSettings))
    if found is not None:
        return found
    await ctx.session.execute(
        insert(FeesSettings)
        .values(tenant_id=ctx.tenant_id, id=new_id())
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    created: FeesSettings | None = await ctx.session.scalar(select(FeesSettings))
    assert created is not None
    return created


#: The fees module's typed settings: ``await ctx.settings(FEES_SETTINGS)``.
FEES_SETTINGS: SettingsSpec[FeesSettings] = SettingsSpec("fees", load_settings)


def settings_view(row: FeesSettings, year: int) -> FeesSettingsView:
    """The settings as the API sends them, with an example number."""
    return FeesSettingsView(
        statement_number_pattern=row.statement_number_pattern,
        number_example=rules.format_statement_number(
            row.statement_number_pattern, year=year, quarter=1, subsidiary="SUB", seq=1
        ),
        updated_at=row.updated_at,
        version=row.version,
    )


async def get_settings(ctx: Context) -> FeesSettingsView:
    """The tenant's fee billing settings."""
    return settings_view(await ctx.settings(FEES_SETTINGS), today(ctx).year)


async def update_settings(ctx: Context, data: FeesSettingsUpdate, if_match: str | None) -> FeesSettingsView:
    """Change the statement number pattern (HQ; ``If-Match``); a bad pattern is a 422 naming it.
    Statements already generated keep their numbers."""
    await require_group_view(ctx, "Changing the fee settings")
    row = await ctx.settings(FEES_SETTINGS)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.statement_number_pattern, msgspec.UnsetType):
        pattern = data.statement_number_pattern.strip()
        if error := rules.number_pattern_error(pattern):
            raise ValidationProblem.for_field("statement_number_pattern", error)
        row.statement_number_pattern = pattern
    await ctx.session.flush()
    ctx.audit("fees.settings.updated", row, before=before, after=snapshot(row))
    return settings_view(row, today(ctx).year)


#: The kernel counter (``core/numbering``) statement numbers take their ``{seq}`` from, per fee year.
NUMBER_SERIES = "fees.statement"


async def next_number(ctx: Context, *, year: int, quarter: int, subsidiary: str) -> tuple[str, int | None]:
    """A new statement's number and its ``{seq}`` (None when the pattern has none). The counter
    row stays locked until the generating transaction ends: statements generated at once wait
    for each other, and one that rolls back takes its number back with it, so there are no gaps."""
    pattern = (await ctx.settings(FEES_SETTINGS)).statement_number_pattern
    seq = await numbering.take(ctx, NUMBER_SERIES, str(year)) if rules.uses_seq(pattern) else None
    number = rules.format_statement_number(
        pattern, year=year, quarter=quarter, subsidiary=subsidiary, seq=seq
    )
    return number, seq


async def give_back(ctx: Context, year: int, seq: int | None) -> None:
    """A deleted draft's ``{seq}`` goes back to the fee year's counter (see
    :func:`bizsuite.core.numbering.give_back`)."""
    if seq is not None:
        await numbering.give_back(ctx, NUMBER_SERIES, str(year), seq)
