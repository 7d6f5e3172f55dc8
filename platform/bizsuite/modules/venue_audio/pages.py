"""Venue audio pages: the venues, each venue's live status board (what every zone plays, its
priority, volume and device health, re-read whenever its live feed says something changed) with
the emergency and paging controls, the devices and the broadcast log."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import ServerSentEvent, Template

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.live import stream
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem, SearchProvider
from bizsuite.modules.venue_audio import rules, services
from bizsuite.modules.venue_audio.api import broadcast_filters, device_filters
from bizsuite.modules.venue_audio.schemas import (
    AudioZoneFilters,
    BroadcastClose,
    BroadcastFilters,
    DeviceFilters,
    EmergencyBegin,
    PagingBegin,
    ScheduleCreate,
    ScheduleFilters,
)
from bizsuite.web.exports import export_view
from bizsuite.web.forms import FormErrors, Submission, read_form
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import ListState, list_context, list_export, list_export_source, list_state
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    query_params,
    redirect,
    run_action,
    run_form,
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page

PAGE_SIZE = 50
SECTION = N_("Venue audio")
EMERGENCY_FIELDS = ("venue_id", "zone_id", "reason")
SCHEDULE_FIELDS = (
    "venue_id", "kind", "name", "source", "zone_id", "zone_group_id", "start_time", "end_time", "duration_s",
    "weekdays", "volume",
)  # fmt: skip
WEEKDAY_LABELS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
PAGING_FIELDS = ("venue_id", "zone_ids", "zone_group_id", "source", "max_duration_s", "reason")
KIND_LABELS = {
    "music": N_("Background music"),
    "announcement": N_("Announcement"),
    "paging": N_("Live paging"),
    "emergency": N_("Emergency broadcast"),
}
#: What the services answer to the board's forms, in the catalog so the forms show it translated.
SERVICE_MESSAGES = (
    N_("every zone must be one of the venue's zones"),
    N_("must be one of the venue's zones"),
    N_("must be one of the venue's zone groups"),
    N_("page at least one zone (or a group with zones)"),
    N_("say where the alarm is: a floor, a zone or all call"),
    N_("no zone of the venue is on that floor"),
    N_("say why the emergency is cleared"),
    N_("no such record"),
    N_("name either a zone or a zone group"),
    N_("background music needs an end time"),
    N_("must differ from the start time"),
    N_("an announcement needs its duration in seconds"),
)
PLAYER_STATES = {
    "acknowledged": N_("acknowledged"),
    "waiting": N_("not acknowledged yet"),
    "late": N_("no acknowledgement: alert raised"),
    "idle": N_("no command yet"),
}
PLAYER_BADGES = {"acknowledged": "success", "waiting": "warning", "late": "danger", "idle": "muted"}
HEALTH_LABELS = {"ok": N_("OK"), "fault": N_("Fault"), "unknown": N_("Not heard yet")}
DEVICE_KIND_LABELS = {
    "amplifier": N_("Amplifier"),
    "speaker": N_("Speaker"),
    "paging_station": N_("Paging station"),
    "player": N_("Player"),
}


class VenueAudioPages(Controller):
    """The venues, a venue's status board with its controls, devices and the broadcast log."""

    path = "/venue-audio"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def venues(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Every venue, each linking to its status board."""
        items, next_cursor = await services.list_venues(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(request, "venue_audio/venues.html", items=items, next_cursor=next_cursor, params={})

    async def _board(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        venue_id: uuid.UUID,
        form: Submission[Any] | None = None,
        which: str = "",
    ) -> Template:
        venue = await services.get_venue(ctx, venue_id)
        board = await services.venue_board(ctx, venue_id)
        live, _next = await services.list_broadcasts(
            ctx, BroadcastFilters(venue_id=venue_id, live=True), limit=PAGE_SIZE, cursor=None
        )
        groups, _next = await services.list_zone_groups(
            ctx, AudioZoneFilters(venue_id=venue_id), limit=200, cursor=None
        )
        schedules, _next = await services.list_schedules(
            ctx, ScheduleFilters(venue_id=venue_id), limit=200, cursor=None
        )
        zone_choices = [
            (str(z.zone_id), " ".join(p for p in (rules.zone_label(z.floor, z.basement), z.name) if p))
            for z in board.zones
        ]
        return page(
            request,
            "venue_audio/board.html",
            status_code=form.status_code if form else 200,
            venue=venue,
            board=board,
            live=live,
            groups=[(str(g.id), g.name) for g in groups],
            schedules=schedules,
            target_names={
                **{str(z.zone_id): z.name for z in board.zones},
                **{str(g.id): g.name for g in groups},
            },
            zone_choices=zone_choices,
            kind_labels=KIND_LABELS,
            player_states=PLAYER_STATES,
            player_badges=PLAYER_BADGES,
            weekday_labels=WEEKDAY_LABELS,
            zone_label=rules.zone_label,
            errors=form.errors if form else FormErrors(),
            values=form.values if form else {},
            which=which,
        )

    @get("/venues/{venue_id:uuid}")
    async def board(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID]
    ) -> Template:
        """The venue's live status board with the emergency and paging controls."""
        return await self._board(ctx, request, venue_id)

    @get("/venues/{venue_id:uuid}/live", opt={"event_stream": True})
    async def board_events(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID]
    ) -> ServerSentEvent:
        """The board's live feed (server-sent events, ``core/live.py``): ``ready``, then ``changed``
        whenever something on the board changed."""
        await services.get_venue(ctx, venue_id)  # another tenant's venue is not found
        return stream(request.app.state.live, ctx.tenant_id, services.venue_topic(venue_id))

    @post("/venues/{venue_id:uuid}/emergency", opt={"min_role": Role.MEMBER})
    async def emergency(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Trigger an emergency from the board, after the operator ticked the confirmation."""
        values = dict(data)
        values["venue_id"] = str(venue_id)
        all_call = values.get("zone_id") == "all"
        if all_call:
            values.pop("zone_id")
        submission = read_form(values, EmergencyBegin, EMERGENCY_FIELDS)
        if submission.body is not None:
            submission.body.all_call = all_call
            if not all_call and submission.body.zone_id is None:
                submission.errors["zone_id"] = _("Choose where the alarm is")
                submission.body = None
        if data.get("confirm") not in ("on", "true", "1"):
            submission.errors["confirm"] = _("Tick the box to confirm the emergency broadcast")
            submission.body = None

        async def again(form: Submission[EmergencyBegin]) -> Template:
            return await self._board(ctx, request, venue_id, form, "emergency")

        return await run_form(
            submission,
            lambda body, _v: savepoint(ctx, services.begin_emergency(ctx, body)),
            done=lambda _b: redirect(
                f"/venue-audio/venues/{venue_id}", notice="venue_audio.emergency.triggered"
            ),
            again=again,
        )

    @post("/venues/{venue_id:uuid}/paging", opt={"min_role": Role.MEMBER})
    async def paging(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Start live paging to zones or a group."""
        values = dict(data)
        values["venue_id"] = str(venue_id)
        submission = read_form(values, PagingBegin, PAGING_FIELDS, lists=("zone_ids",))

        async def again(form: Submission[PagingBegin]) -> Template:
            return await self._board(ctx, request, venue_id, form, "paging")

        return await run_form(
            submission,
            lambda body, _v: savepoint(ctx, services.begin_paging(ctx, body)),
            done=lambda _b: redirect(f"/venue-audio/venues/{venue_id}", notice="venue_audio.paging.begun"),
            again=again,
        )

    @post("/broadcasts/{broadcast_id:uuid}/close", opt={"min_role": Role.MEMBER})
    async def close(self, ctx: Ctx, broadcast_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """End paging, or clear an emergency (with a reason), and go back to the board."""
        broadcast = await services.get_broadcast(ctx, broadcast_id)
        reason = str(data.get("reason") or "").strip() or None
        return await run_action(
            lambda: savepoint(
                ctx, services.close_broadcast(ctx, broadcast_id, BroadcastClose(reason=reason), None)
            ),
            back=f"/venue-audio/venues/{broadcast.venue_id}",
            notice="venue_audio.broadcast.closed",
            problems={422: "venue_audio.clear.reason"},
        )

    @post("/venues/{venue_id:uuid}/schedules", opt={"min_role": Role.MEMBER})
    async def schedule(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Schedule background music or a timed announcement for a zone or a group."""
        values = dict(data)
        values["venue_id"] = str(venue_id)
        for name in ("start_time", "end_time"):  # a browser's time input sends HH:MM
            if re.fullmatch(r"\d{2}:\d{2}", str(values.get(name) or "").strip()):
                values[name] = f"{values[name].strip()}:00"
        submission = read_form(values, ScheduleCreate, SCHEDULE_FIELDS, lists=("weekdays",))

        async def again(form: Submission[ScheduleCreate]) -> Template:
            return await self._board(ctx, request, venue_id, form, "schedule")

        return await run_form(
            submission,
            lambda body, _v: savepoint(ctx, services.create_schedule(ctx, body)),
            done=lambda _s: redirect(
                f"/venue-audio/venues/{venue_id}", notice="venue_audio.schedule.created"
            ),
            again=again,
        )

    @post("/schedules/{schedule_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_schedule(self, ctx: Ctx, schedule_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete a schedule and go back to its venue's board."""
        schedule = await services.get_schedule(ctx, schedule_id)
        return await run_action(
            lambda: savepoint(ctx, services.delete_schedule(ctx, schedule_id, data.get("version"))),
            back=f"/venue-audio/venues/{schedule.venue_id}",
            notice="venue_audio.schedule.deleted",
        )

    @get("/devices", **filtered_by(device_filters))
    async def devices(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[DeviceFilters]
    ) -> Template:
        """Every device with its health (faults first when filtered)."""
        items, next_cursor = await services.list_devices(
            ctx, filters, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "venue_audio/devices.html",
            items=items,
            next_cursor=next_cursor,
            filters=filters,
            params=query_params(request, "venue_id", "health"),
            health_labels=HEALTH_LABELS,
            kind_labels=DEVICE_KIND_LABELS,
        )

    @get("/broadcasts", **filtered_by(broadcast_filters))
    async def broadcasts(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[BroadcastFilters]
    ) -> Template:
        """The compliance log: search, filters, sortable columns, count, groups, saved views, export."""
        sent = query_as_sent(request)
        state = list_state(services.BROADCAST_LIST, sent)
        listed, total, _names = await services.broadcast_list(
            ctx, filters, state, limit=PAGE_SIZE, count=True
        )
        groups = await services.broadcast_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.BROADCAST_LIST.key, limit=100, cursor=None)
        venues = await services.venue_names(ctx)
        labels = {
            g.value: _(KIND_LABELS[g.value])
            if state.group == "kind" and g.value in KIND_LABELS
            else venues.get(g.value, g.value)
            for g in groups
        }
        return page(
            request,
            "venue_audio/broadcasts.html",
            items=listed.items,
            filters=filters,
            venues=venues,
            kind_labels=KIND_LABELS,
            **list_context(
                services.BROADCAST_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=labels,
                views=views,
            ),
        )

    @route(
        "/broadcasts/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(broadcast_filters),
    )
    async def export_broadcasts(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[BroadcastFilters]
    ) -> Response[Any]:
        """The log's current view as CSV or Excel (a background job beyond the inline limit)."""
        return await export_view(
            ctx,
            request,
            broadcast_export,
            list_export(services.BROADCAST_LIST, query_as_sent(request), filters),
        )


@list_export_source(
    "venue-audio-broadcasts",
    module=__name__,
    spec=services.BROADCAST_LIST,
    filters=BroadcastFilters,
    sheet=lambda: _("Broadcast log"),
)
async def broadcast_export(
    ctx: Context, filters: BroadcastFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's rows, 500 at a time, cells by column key."""
    cursor = None
    venues = await services.venue_names(ctx)
    while True:
        listed, _total, _names = await services.broadcast_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "kind": _(KIND_LABELS[b.kind]),
                "venue": venues.get(str(b.venue_id), ""),
                "where": b.origin or b.source,
                "zones": len(b.zone_ids),
                "started_at": b.started_at,
                "started_by": b.started_by,
                "reason": b.reason or "",
                "ended_at": b.ended_at or (b.ends_at if not b.live else None),
                "ended_by": b.ended_by or "",
                "end_reason": b.end_reason or "",
                "alarm_id": b.alarm_id or "",
                "acknowledged": (
                    f"{b.players_acknowledged} / {b.players_commanded}" if b.players_commanded else ""
                ),
            }
            for b in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


PAGES: list[type[Controller]] = [VenueAudioPages]
NAVIGATION = [
    NavItem(N_("Venue audio"), "/venue-audio", section=SECTION, order=10),
    NavItem(N_("Devices"), "/venue-audio/devices", section=SECTION, order=20),
    NavItem(N_("Broadcast log"), "/venue-audio/broadcasts", section=SECTION, order=30),
]
NOTICES = {
    "venue_audio.emergency.triggered": N_("Emergency broadcast started."),
    "venue_audio.paging.begun": N_("Paging started."),
    "venue_audio.broadcast.closed": N_("Broadcast ended; what it preempted resumes."),
    "venue_audio.clear.reason": N_("Say why the emergency is cleared."),
    "venue_audio.schedule.created": N_("Schedule added."),
    "venue_audio.schedule.deleted": N_("Schedule deleted."),
}
LINK_TARGETS = [LinkTarget("venue_audio_devices", "/venue-audio/devices?health=fault")]
#: The global search's venue, zone and device hits (anywhere in codes and names); a zone opens its
#: venue's board and a device its venue's devices, having no page of their own.
SEARCH_PROVIDERS = [
    SearchProvider("venue_audio.venues", N_("Venues"), services.search_venues),
    SearchProvider("venue_audio.zones", N_("Broadcast zones"), services.search_zones),
    SearchProvider("venue_audio.devices", N_("Devices"), services.search_devices),
]
