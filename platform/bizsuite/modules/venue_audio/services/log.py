"""The broadcast log (the compliance log) on the kernel list component (``web/lists.py``):
search, filters, sortable columns, the count, groups by kind or venue, saved views and the
export of the view. The page's rows are loaded as the API's views, in the list's order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.modules.venue_audio.models import Broadcast, Venue
from bizsuite.modules.venue_audio.schemas import BroadcastFilters, BroadcastView
from bizsuite.modules.venue_audio.services.programs import broadcast_view, with_acknowledgements
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    GroupTotal,
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    group_totals,
    list_state,
)

#: One row per broadcast with its venue's name and how many zones it covered.
SOURCE = (
    "(SELECT b.*, v.name AS venue_name, cardinality(b.zone_ids) AS zone_count"
    " FROM venue_audio_broadcasts b"
    " JOIN venue_audio_venues v ON v.tenant_id = b.tenant_id AND v.id = b.venue_id) AS broadcasts"
)
#: Search anywhere in where it was, the source, who started it, why, and the alarm id.
SEARCH_TEXT = (
    "lower(coalesce(origin, '') || ' ' || source || ' ' || started_by || ' ' || coalesce(reason, '')"
    " || ' ' || coalesce(alarm_id, '') || ' ' || venue_name)"
)

BROADCAST_LIST = ListSpec(
    key="venue_audio.broadcasts",
    path="/venue-audio/broadcasts",
    columns=(
        ListColumn("kind", N_("Kind"), sort="kind", sort_type=str, group="kind"),
        ListColumn("venue", N_("Venue"), sort="venue_name", sort_type=str, group="venue_id"),
        ListColumn("where", N_("Where")),
        ListColumn("zones", N_("Zones"), kind="int", sort="zone_count", sort_type=int),
        ListColumn("started_at", N_("Started"), kind="datetime", sort="started_at", sort_type=datetime),
        ListColumn("started_by", N_("Started by"), sort="started_by", sort_type=str),
        ListColumn("reason", N_("Reason")),
        ListColumn("ended_at", N_("Ended"), kind="datetime"),
        ListColumn("ended_by", N_("Ended by")),
        ListColumn("end_reason", N_("Why it ended")),
        ListColumn("alarm_id", N_("Alarm id"), default=False),
        ListColumn("acknowledged", N_("Players acknowledged")),
    ),
    default_sort="-started_at",
    filters=("q", "venue_id", "kind", "live"),
)


def broadcast_conditions(ctx: Context, filters: BroadcastFilters) -> SqlWhere:
    """The filters as SQL conditions on the log's rows (live: on the tenant clock)."""
    where = SqlWhere(ctx.tenant_id)
    if filters.venue_id is not None:
        where.where("venue_id = {}", filters.venue_id)
    if filters.kind is not None:
        where.where("kind = {}", filters.kind)
    if filters.live is not None:
        live = "(ended_at IS NULL AND (ends_at IS NULL OR ends_at > {}))"
        where.where(live if filters.live else f"NOT {live}", clock.now(ctx))
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where


async def broadcast_list(
    ctx: Context, filters: BroadcastFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[BroadcastView], int | None, dict[str, str]]:
    """A page of the log in the state's order, as views, the total when ``count``, and venue names."""
    where = broadcast_conditions(ctx, filters)
    ids = await fetch_page(
        ctx, BROADCAST_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = (await ctx.session.scalars(select(Broadcast).where(Broadcast.id.in_(ids.items)))).all()
    now = clock.now(ctx)
    by_id = {row.id: broadcast_view(row, now) for row in rows}
    venue_ids = {row.venue_id for row in rows}
    names = {
        str(v_id): name
        for v_id, name in (
            await ctx.session.execute(select(Venue.id, Venue.name).where(Venue.id.in_(venue_ids)))
        ).all()
    }
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    items = await with_acknowledgements(ctx, [by_id[i] for i in ids.items if i in by_id])
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total, names


async def venue_names(ctx: Context) -> dict[str, str]:
    """Every venue's name by id (the log's venue filter and group labels)."""
    return {str(i): name for i, name in (await ctx.session.execute(select(Venue.id, Venue.name))).all()}


async def list_broadcasts(
    ctx: Context, filters: BroadcastFilters, *, limit: int, cursor: str | None
) -> tuple[list[BroadcastView], str | None]:
    """The compliance log for the API: broadcasts, newest first (the log's default view)."""
    state = list_state(BROADCAST_LIST, {"cursor": cursor} if cursor else {}, strict=True)
    page, _total, _names = await broadcast_list(ctx, filters, state, limit=limit)
    return page.items, page.next_cursor


async def broadcast_groups(ctx: Context, filters: BroadcastFilters, state: ListState) -> list[GroupTotal]:
    """The grouped log's groups and how many broadcasts each holds (over the whole filtered log)."""
    where = broadcast_conditions(ctx, filters)
    return await group_totals(ctx, BROADCAST_LIST, state, source=SOURCE, where=where, sums={})
