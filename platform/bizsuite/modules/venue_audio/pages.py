"""Venue audio pages: the venues, each venue's live status board (what every zone plays, its
priority, volume and device health, re-read whenever its live feed says something changed) with
the emergency and paging controls, the devices and the broadcast log."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import AsyncIterator, Iterable
from pathlib import PurePath
from typing import Any

from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import ServerSentEvent, Template
from multipart import MultipartSegment  # type: ignore[import-untyped]
from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.identity.models import Role
from bizsuite.core.live import stream
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem, SearchProvider
from bizsuite.modules.venue_audio import rules, services
from bizsuite.modules.venue_audio.api import broadcast_filters, device_filters
from bizsuite.modules.venue_audio.schemas import (
    AssetCreate,
    AssetView,
    AudioZoneCreate,
    AudioZoneFilters,
    AudioZoneUpdate,
    AudioZoneView,
    BroadcastClose,
    BroadcastFilters,
    DeviceFilters,
    EmergencyBegin,
    PagingBegin,
    ScheduleCreate,
    ScheduleFilters,
    ScheduleUpdate,
    ScheduleView,
    VenueCreate,
    VenueUpdate,
    VenueView,
    ZoneGroupCreate,
    ZoneGroupUpdate,
    ZoneGroupView,
)
from bizsuite.web.exports import export_view
from bizsuite.web.forms import FormErrors, Submission, problem_errors, read_form
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
from bizsuite.web.uploads import UploadRefused, format_size, receive_upload, upload_policy

PAGE_SIZE = 50
SECTION = N_("Venue audio")
EMERGENCY_FIELDS = ("venue_id", "zone_id", "reason")
SCHEDULE_FIELDS = (
    "venue_id", "kind", "name", "source", "asset_id", "zone_id", "zone_group_id", "start_time", "end_time", "duration_s",
    "weekdays", "volume",
)  # fmt: skip
VENUE_FIELDS = (
    "org_unit_id", "code", "name", "time_zone", "emergency_policy", "evacuation_source", "holidays",
)  # fmt: skip
VENUE_EDIT_FIELDS = (
    "name", "time_zone", "emergency_policy", "evacuation_source", "evacuation_asset_id", "holidays",
)  # fmt: skip
ZONE_FIELDS = ("venue_id", "code", "name", "floor", "area", "volume")
ZONE_EDIT_FIELDS = ("name", "floor", "area", "volume")
GROUP_FIELDS = ("venue_id", "code", "name", "zone_ids")
GROUP_EDIT_FIELDS = ("name", "zone_ids")
#: What a schedule's edit form changes (its kind and venue stay; music has an end, an
#: announcement a duration).
SCHEDULE_EDIT_FIELDS = (
    "name", "source", "asset_id", "zone_id", "zone_group_id", "start_time", "weekdays", "volume",
)  # fmt: skip
POLICY_LABELS = {"phased": N_("Phased (N + 1)"), "all_zones": N_("All zones at once")}
WEEKDAY_LABELS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
ASSET_FIELDS = ("venue_id", "name", "purpose")
#: The name people know each asset type by.
AUDIO_FORMATS = {
    "audio/wav": "WAV",
    "audio/x-wav": "WAV",
    "audio/mpeg": "MP3",
    "audio/ogg": "Ogg",
    "audio/flac": "FLAC",
    "audio/mp4": "M4A (AAC)",
    "audio/aac": "AAC",
}
PURPOSE_LABELS = {
    "music": N_("Music"),
    "message": N_("Pre-recorded message"),
    "evacuation": N_("Evacuation message"),
}
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
    N_("a venue with this code already exists"),
    N_("a zone with this code already exists in the venue"),
    N_("a zone group with this code already exists in the venue"),
    N_("not a known IANA time zone (e.g. Asia/Shanghai)"),
    N_("a basement zone needs its level (1 = B1)"),
    N_("must be one of the venue's audio assets"),
    N_("must be an evacuation message of the venue"),
    N_("pick an audio asset or type a source, not both"),
    N_("type a source or pick an audio asset"),
    N_("type the source that replaces the asset"),
    N_("only WAV, MP3, Ogg, FLAC and AAC (M4A) files can be audio assets"),
    N_("not an audio file that can be read"),
    N_("a sample rate of %(rate)s Hz cannot be delivered as MP3 (it takes %(rates)s Hz)"),
    N_("only mono and stereo files can be delivered as MP3"),
    N_("an asset with this name already exists in the venue"),
    N_("no such file"),
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


def _hhmm(value: Any) -> str:
    """A time of day as a browser's time input shows it (``08:30``)."""
    return value.strftime("%H:%M") if value is not None else ""


def _form_times(values: dict[str, Any]) -> dict[str, Any]:
    """A browser's time input sends ``HH:MM``; the API's times of day are ``HH:MM:SS``."""
    values = dict(values)
    for name in ("start_time", "end_time"):
        if re.fullmatch(r"\d{2}:\d{2}", str(values.get(name) or "").strip()):
            values[name] = f"{values[name].strip()}:00"
    return values


def _shown_times(form: Submission[Any]) -> Submission[Any]:
    """What the user typed, with the times back as their inputs show them."""
    for name in ("start_time", "end_time"):
        value = form.values.get(name)
        if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}:00", value):
            form.values[name] = value[:5]
    return form


def _form_holidays(values: dict[str, Any]) -> dict[str, Any]:
    """The holiday calendar is typed as dates separated by commas, spaces or lines."""
    values = dict(values)
    text = values.get("holidays")
    if isinstance(text, str):
        values["holidays"] = [d for d in re.split(r"[\s,，;；]+", text) if d]
    return values


def _shown_holidays(form: Submission[Any]) -> Submission[Any]:
    """What the user typed, with the holidays back as one line."""
    if isinstance(form.values.get("holidays"), list):
        form.values["holidays"] = ", ".join(form.values["holidays"])
    return form


def venue_values(venue: VenueView) -> dict[str, Any]:
    """A venue as its edit form shows it (also the saved values of a conflict)."""
    return {
        "name": venue.name,
        "time_zone": venue.time_zone,
        "emergency_policy": venue.emergency_policy,
        "evacuation_source": "" if venue.evacuation_asset_id else venue.evacuation_source,
        "evacuation_asset_id": str(venue.evacuation_asset_id or ""),
        "holidays": ", ".join(d.isoformat() for d in venue.holidays),
    }


def zone_values(zone: AudioZoneView) -> dict[str, Any]:
    """A zone as its edit form shows it."""
    return {
        "name": zone.name,
        "floor": "" if zone.floor is None else str(zone.floor),
        "basement": zone.basement,
        "area": zone.area or "",
        "volume": str(zone.volume),
    }


def group_values(group: ZoneGroupView) -> dict[str, Any]:
    """A zone group as its edit form shows it."""
    return {"name": group.name, "zone_ids": [str(z) for z in group.zone_ids]}


def schedule_values(schedule: ScheduleView) -> dict[str, Any]:
    """A schedule as its edit form shows it."""
    return {
        "name": schedule.name,
        "source": "" if schedule.asset_id else schedule.source,
        "asset_id": str(schedule.asset_id or ""),
        "zone_id": str(schedule.zone_id or ""),
        "zone_group_id": str(schedule.zone_group_id or ""),
        "start_time": _hhmm(schedule.start_time),
        "end_time": _hhmm(schedule.end_time),
        "duration_s": "" if schedule.duration_s is None else str(schedule.duration_s),
        "weekdays": [str(d) for d in schedule.weekdays],
        "volume": "" if schedule.volume is None else str(schedule.volume),
        "enabled": schedule.enabled,
        "skip_holidays": schedule.skip_holidays,
    }


def _schedule_fields(kind: str) -> tuple[str, ...]:
    return (*SCHEDULE_EDIT_FIELDS, "end_time" if kind == "music" else "duration_s")


def _source_fields(data: Any, fields: Iterable[str], source: str, asset: str) -> tuple[str, ...]:
    """An edit form's source is typed or picked from the assets: a picked asset with no typing
    sends only the asset; no asset picked sends only the text (which replaces an asset)."""
    picked, typed = str(data.get(asset) or "").strip(), str(data.get(source) or "").strip()
    if picked and not typed:
        return tuple(f for f in fields if f != source)
    if not picked:
        return tuple(f for f in fields if f != asset)
    return tuple(fields)


async def _assets(ctx: Context, venue_id: uuid.UUID) -> list[AssetView]:
    assets, _next = await services.list_assets(
        ctx, AudioZoneFilters(venue_id=venue_id), limit=200, cursor=None
    )
    return assets


def _asset_choices(assets: list[AssetView], purpose: str | None = None) -> list[tuple[str, str]]:
    """An asset picker's choices: name and duration (of ``purpose`` only, if given)."""
    return [
        (str(a.id), f"{a.name} ({rules.duration_label(a.duration_ms)})")
        for a in assets
        if purpose is None or a.purpose == purpose
    ]


def _asset_names(assets: list[AssetView]) -> dict[str, str]:
    """What a program's ``asset:<id>`` source shows: the asset's name."""
    return {rules.asset_source(a.id): a.name for a in assets}


async def _org_unit_choices(ctx: Context) -> list[tuple[str, str]]:
    """The org units a venue can hang off, venues first, by name."""
    rows = await ctx.session.execute(
        select(OrgUnit.id, OrgUnit.name, OrgUnit.kind)
        .where(OrgUnit.archived_at.is_(None))
        .order_by(OrgUnit.name)
        .limit(500)
    )
    units = list(rows.all())
    return [(str(i), n) for i, n, k in units if k == "venue"] + [
        (str(i), n) for i, n, k in units if k != "venue"
    ]


async def _zone_choices(ctx: Context, venue_id: uuid.UUID) -> list[tuple[str, str]]:
    zones, _next = await services.list_zones(ctx, AudioZoneFilters(venue_id=venue_id), limit=200, cursor=None)
    return [
        (str(z.id), " ".join(p for p in (rules.zone_label(z.floor, z.basement), z.name) if p))
        for z in sorted(zones, key=rules.zone_order)
    ]


class _FormRefused(Exception):
    """The upload form's own fields were refused (after the file was stored: it is removed)."""

    def __init__(self, errors: FormErrors) -> None:
        super().__init__("refused")
        self.errors = errors


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


class VenueAudioPages(Controller):
    """The venues, a venue's status board with its controls, devices and the broadcast log."""

    path = "/venue-audio"
    include_in_schema = False
    guards = [signed_in]

    async def _venues(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None
    ) -> Template:
        items, next_cursor = await services.list_venues(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "venue_audio/venues.html",
            status_code=form.status_code if form else 200,
            items=items,
            next_cursor=next_cursor,
            params={},
            policy_labels=POLICY_LABELS,
            unit_choices=await _org_unit_choices(ctx),
            errors=form.errors if form else FormErrors(),
            values=_shown_holidays(form).values if form else {},
        )

    @get()
    async def venues(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Every venue, each linking to its status board; a manager adds venues here."""
        return await self._venues(ctx, request)

    @post("/venues", opt={"min_role": Role.MANAGER})
    async def create_venue(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create a venue on an org unit and open its board."""

        async def again(form: Submission[VenueCreate]) -> Template:
            return await self._venues(ctx, request, form)

        return await run_form(
            read_form(_form_holidays(data), VenueCreate, VENUE_FIELDS, lists=("holidays",)),
            lambda body, _v: savepoint(ctx, services.create_venue(ctx, body)),
            done=lambda v: redirect(f"/venue-audio/venues/{v.id}/zones", notice="venue_audio.venue.created"),
            again=again,
        )

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
        if form is not None and which == "venue":
            _shown_holidays(form)
        elif form is not None and which == "schedule":
            _shown_times(form)
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
        assets = await _assets(ctx, venue_id)
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
            venue_values=form.values if form and which == "venue" else venue_values(venue),
            saved=(form.conflict if form else None) or {},
            policy_labels=POLICY_LABELS,
            asset_choices=_asset_choices(assets),
            evacuation_choices=_asset_choices(assets, "evacuation"),
            asset_names=_asset_names(assets),
        )

    @get("/venues/{venue_id:uuid}")
    async def board(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID]
    ) -> Template:
        """The venue's live status board with the emergency and paging controls."""
        return await self._board(ctx, request, venue_id)

    @post("/venues/{venue_id:uuid}/edit", opt={"min_role": Role.MANAGER})
    async def edit_venue(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the venue's name, time zone, emergency policy, evacuation message and holidays."""

        async def again(form: Submission[VenueUpdate]) -> Template:
            return await self._board(ctx, request, venue_id, form, "venue")

        async def saved() -> dict[str, Any]:
            return venue_values(await services.get_venue(ctx, venue_id))

        return await run_form(
            read_form(
                _form_holidays(data),
                VenueUpdate,
                _source_fields(data, VENUE_EDIT_FIELDS, "evacuation_source", "evacuation_asset_id"),
                update=True,
                required=("name", "time_zone", "emergency_policy", "evacuation_source"),
                lists=("holidays",),
            ),
            lambda body, version: savepoint(ctx, services.update_venue(ctx, venue_id, body, version)),
            done=lambda _v: redirect(f"/venue-audio/venues/{venue_id}", notice="venue_audio.venue.updated"),
            again=again,
            saved=saved,
        )

    async def _zones(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        venue_id: uuid.UUID,
        form: Submission[Any] | None = None,
        which: str = "",
    ) -> Template:
        venue = await services.get_venue(ctx, venue_id)
        zones, _next = await services.list_zones(
            ctx, AudioZoneFilters(venue_id=venue_id), limit=200, cursor=None
        )
        zones = sorted(zones, key=rules.zone_order)
        groups, _next = await services.list_zone_groups(
            ctx, AudioZoneFilters(venue_id=venue_id), limit=200, cursor=None
        )
        return page(
            request,
            "venue_audio/zones.html",
            status_code=form.status_code if form else 200,
            venue=venue,
            zones=zones,
            groups=groups,
            zone_codes={str(z.id): z.code for z in zones},
            zone_choices=await _zone_choices(ctx, venue_id),
            zone_values={str(z.id): zone_values(z) for z in zones},
            group_values={str(g.id): group_values(g) for g in groups},
            zone_label=rules.zone_label,
            errors=form.errors if form else FormErrors(),
            values=form.values if form else {},
            saved=(form.conflict if form else None) or {},
            which=which,
        )

    @get("/venues/{venue_id:uuid}/zones")
    async def zones(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID]
    ) -> Template:
        """The venue's zones and zone groups, with their forms for members (adding zones: managers)."""
        return await self._zones(ctx, request, venue_id)

    @post("/venues/{venue_id:uuid}/zones", opt={"min_role": Role.MANAGER})
    async def create_zone(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a floor, a basement level or an area to the venue."""
        values = {**data, "venue_id": str(venue_id)}

        async def again(form: Submission[AudioZoneCreate]) -> Template:
            return await self._zones(ctx, request, venue_id, form, "zone")

        return await run_form(
            read_form(values, AudioZoneCreate, ZONE_FIELDS, checkboxes=("basement",)),
            lambda body, _v: savepoint(ctx, services.create_zone(ctx, body)),
            done=lambda _z: redirect(
                f"/venue-audio/venues/{venue_id}/zones", notice="venue_audio.zone.created"
            ),
            again=again,
        )

    @post("/zones/{zone_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit_zone(
        self, ctx: Ctx, request: Request[Any, Any, Any], zone_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save a zone's name, place and local volume."""
        zone = await services.get_zone(ctx, zone_id)

        async def again(form: Submission[AudioZoneUpdate]) -> Template:
            return await self._zones(ctx, request, zone.venue_id, form, f"zone-{zone_id}")

        async def saved() -> dict[str, Any]:
            return zone_values(await services.get_zone(ctx, zone_id))

        return await run_form(
            read_form(
                data,
                AudioZoneUpdate,
                ZONE_EDIT_FIELDS,
                update=True,
                required=("name", "volume"),
                checkboxes=("basement",),
            ),
            lambda body, version: savepoint(ctx, services.update_zone(ctx, zone_id, body, version)),
            done=lambda _z: redirect(
                f"/venue-audio/venues/{zone.venue_id}/zones", notice="venue_audio.zone.updated"
            ),
            again=again,
            saved=saved,
        )

    @post("/venues/{venue_id:uuid}/groups", opt={"min_role": Role.MEMBER})
    async def create_group(
        self, ctx: Ctx, request: Request[Any, Any, Any], venue_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Group some of the venue's zones."""
        values = {**data, "venue_id": str(venue_id)}

        async def again(form: Submission[ZoneGroupCreate]) -> Template:
            return await self._zones(ctx, request, venue_id, form, "group")

        return await run_form(
            read_form(values, ZoneGroupCreate, GROUP_FIELDS, lists=("zone_ids",)),
            lambda body, _v: savepoint(ctx, services.create_zone_group(ctx, body)),
            done=lambda _g: redirect(
                f"/venue-audio/venues/{venue_id}/zones", notice="venue_audio.zone_group.created"
            ),
            again=again,
        )

    @post("/zone-groups/{zone_group_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit_group(
        self, ctx: Ctx, request: Request[Any, Any, Any], zone_group_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a zone group or change its zones."""
        group = await services.get_zone_group(ctx, zone_group_id)

        async def again(form: Submission[ZoneGroupUpdate]) -> Template:
            return await self._zones(ctx, request, group.venue_id, form, f"group-{zone_group_id}")

        async def saved() -> dict[str, Any]:
            return group_values(await services.get_zone_group(ctx, zone_group_id))

        return await run_form(
            read_form(
                data, ZoneGroupUpdate, GROUP_EDIT_FIELDS, update=True, required=("name",), lists=("zone_ids",)
            ),
            lambda body, version: savepoint(
                ctx, services.update_zone_group(ctx, zone_group_id, body, version)
            ),
            done=lambda _g: redirect(
                f"/venue-audio/venues/{group.venue_id}/zones", notice="venue_audio.zone_group.updated"
            ),
            again=again,
            saved=saved,
        )

    @post("/zone-groups/{zone_group_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_group(self, ctx: Ctx, zone_group_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete a zone group (its schedules go with it)."""
        group = await services.get_zone_group(ctx, zone_group_id)
        return await run_action(
            lambda: savepoint(ctx, services.delete_zone_group(ctx, zone_group_id, data.get("version"))),
            back=f"/venue-audio/venues/{group.venue_id}/zones",
            notice="venue_audio.zone_group.deleted",
        )

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
        values = _form_times(data)
        values["venue_id"] = str(venue_id)
        submission = read_form(
            values, ScheduleCreate, SCHEDULE_FIELDS, lists=("weekdays",), checkboxes=("skip_holidays",)
        )

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

    async def _schedule(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        schedule_id: uuid.UUID,
        form: Submission[Any] | None = None,
    ) -> Template:
        schedule = await services.get_schedule(ctx, schedule_id)
        venue = await services.get_venue(ctx, schedule.venue_id)
        groups, _next = await services.list_zone_groups(
            ctx, AudioZoneFilters(venue_id=venue.id), limit=200, cursor=None
        )
        return page(
            request,
            "venue_audio/schedule.html",
            status_code=form.status_code if form else 200,
            schedule=schedule,
            venue=venue,
            zone_choices=await _zone_choices(ctx, venue.id),
            groups=[(str(g.id), g.name) for g in groups],
            asset_choices=_asset_choices(await _assets(ctx, venue.id)),
            kind_labels=KIND_LABELS,
            weekday_labels=WEEKDAY_LABELS,
            errors=form.errors if form else FormErrors(),
            values=_shown_times(form).values if form else schedule_values(schedule),
            saved=(form.conflict if form else None) or {},
        )

    @get("/schedules/{schedule_id:uuid}", opt={"min_role": Role.MEMBER})
    async def schedule_page(
        self, ctx: Ctx, request: Request[Any, Any, Any], schedule_id: FromPath[uuid.UUID]
    ) -> Template:
        """A schedule's edit form."""
        return await self._schedule(ctx, request, schedule_id)

    @post("/schedules/{schedule_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit_schedule(
        self, ctx: Ctx, request: Request[Any, Any, Any], schedule_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save a schedule and go back to its venue's board."""
        schedule = await services.get_schedule(ctx, schedule_id)

        async def again(form: Submission[ScheduleUpdate]) -> Template:
            return await self._schedule(ctx, request, schedule_id, form)

        async def saved() -> dict[str, Any]:
            return schedule_values(await services.get_schedule(ctx, schedule_id))

        return await run_form(
            read_form(
                _form_times(data),
                ScheduleUpdate,
                _source_fields(data, _schedule_fields(schedule.kind), "source", "asset_id"),
                update=True,
                required=("name", "source", "start_time", "end_time", "duration_s"),
                checkboxes=("enabled", "skip_holidays"),
                lists=("weekdays",),
            ),
            lambda body, version: savepoint(ctx, services.update_schedule(ctx, schedule_id, body, version)),
            done=lambda _s: redirect(
                f"/venue-audio/venues/{schedule.venue_id}", notice="venue_audio.schedule.updated"
            ),
            again=again,
            saved=saved,
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

    async def _asset_list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        venue_id = _uuid_or_none(request.query_params.get("venue_id") or (values or {}).get("venue_id"))
        items, next_cursor = await services.list_assets(
            ctx,
            AudioZoneFilters(venue_id=venue_id),
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
        )
        policy = upload_policy(request)
        return page(
            request,
            "venue_audio/assets.html",
            status_code=status_code,
            items=items,
            next_cursor=next_cursor,
            params=query_params(request, "venue_id"),
            venue_id=str(venue_id or ""),
            venues=await services.venue_names(ctx),
            sizes=await services.asset_sizes(ctx, [a.file_id for a in items]),
            size=format_size,
            duration=rules.duration_label,
            purpose_labels=PURPOSE_LABELS,
            formats=AUDIO_FORMATS,
            max_size=format_size(policy.max_bytes),
            errors=errors or FormErrors(),
            values=values or {},
        )

    @get("/assets")
    async def assets(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The audio assets (of one venue, or all) with their duration, format and size."""
        return await self._asset_list(ctx, request)

    @post("/assets/upload", opt={"min_role": Role.MEMBER, "streams_body": True}, request_max_body_size=None)
    async def upload_asset(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Upload a WAV, MP3, Ogg, FLAC or AAC (M4A) file into the files and register it as an asset
        of the chosen venue; every refusal (the file, the name, the venue) shows next to its field
        and stores nothing."""
        storage = provide_storage(request)
        typed: dict[str, Any] = {}

        async def store(
            part: MultipartSegment,
            chunks: AsyncIterator[bytes],
            declared_size: int | None,
            fields: dict[str, str],
        ) -> AssetView | FormErrors:
            from bizsuite.modules.venue_audio import audio  # numpy and libsndfile: on demand

            typed.update({k: v for k, v in fields.items() if k in ASSET_FIELDS})
            upload = files.Upload(
                name=part.filename,
                content_type=audio.asset_type(part.content_type),
                declared_size=declared_size,
            )
            stored = await savepoint(ctx, files.upload(ctx, storage, chunks, upload, upload_policy(request)))
            values = {**typed, "file_id": str(stored.id)}
            if not str(values.get("name") or "").strip():
                values["name"] = PurePath(stored.name).stem
            form = read_form(values, AssetCreate, (*ASSET_FIELDS, "file_id"))
            try:
                async with files.removed_on_failure(storage, stored):
                    if form.body is None:
                        raise _FormRefused(form.errors)
                    return await savepoint(
                        ctx, services.create_asset(ctx, storage, form.body, upload_policy(request))
                    )
            except _FormRefused as refused:
                return refused.errors
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                return problem_errors(problem)

        try:
            result = await receive_upload(request, upload_policy(request), store)
        except UploadRefused as refused:
            return await self._asset_list(
                ctx, request, refused.status, FormErrors({"file": refused.message}), typed
            )
        if isinstance(result, FormErrors):
            if "file_id" in result:
                result["file"] = result.pop("file_id")
            return await self._asset_list(ctx, request, 422, result, typed)
        return redirect(f"/venue-audio/assets?venue_id={result.venue_id}", notice="venue_audio.asset.created")

    @post("/assets/{asset_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_asset(
        self, ctx: Ctx, request: Request[Any, Any, Any], asset_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Remove an asset (the uploaded file stays in the files); one in use is refused."""
        asset = await services.get_asset(ctx, asset_id)
        return await run_action(
            lambda: savepoint(
                ctx, services.delete_asset(ctx, provide_storage(request), asset_id, data.get("version"))
            ),
            back=f"/venue-audio/assets?venue_id={asset.venue_id}",
            notice="venue_audio.asset.deleted",
            problems={409: "venue_audio.asset.in_use"},
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
    NavItem(N_("Audio assets"), "/venue-audio/assets", section=SECTION, order=15),
    NavItem(N_("Devices"), "/venue-audio/devices", section=SECTION, order=20),
    NavItem(N_("Broadcast log"), "/venue-audio/broadcasts", section=SECTION, order=30),
]
NOTICES = {
    "venue_audio.emergency.triggered": N_("Emergency broadcast started."),
    "venue_audio.paging.begun": N_("Paging started."),
    "venue_audio.broadcast.closed": N_("Broadcast ended; what it preempted resumes."),
    "venue_audio.clear.reason": N_("Say why the emergency is cleared."),
    "venue_audio.schedule.created": N_("Schedule added."),
    "venue_audio.schedule.updated": N_("Schedule saved."),
    "venue_audio.asset.created": N_("Audio asset added."),
    "venue_audio.asset.deleted": N_("Audio asset removed."),
    "venue_audio.asset.in_use": N_(
        "This asset is played by a schedule or as an evacuation message: pick another there first."
    ),
    "venue_audio.venue.created": N_("Venue added: now add its zones."),
    "venue_audio.venue.updated": N_("Venue saved."),
    "venue_audio.zone.created": N_("Zone added."),
    "venue_audio.zone.updated": N_("Zone saved."),
    "venue_audio.zone_group.created": N_("Zone group added."),
    "venue_audio.zone_group.updated": N_("Zone group saved."),
    "venue_audio.zone_group.deleted": N_("Zone group deleted."),
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
