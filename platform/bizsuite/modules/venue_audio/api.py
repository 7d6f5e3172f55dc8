"""Venue audio API: thin controllers over the services (one operation id and one tag per route)."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, WebSocket, delete, get, patch, post, websocket
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.handlers import BaseRouteHandler
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody, QueryParameter
from litestar.response import Redirect, ServerSentEvent, ServerSentEventMessage

from bizsuite.core.context import Principal, principal_of, tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.errors import ProblemError
from bizsuite.core.files.api import provide_storage
from bizsuite.core.http import wait_for_events
from bizsuite.core.identity.models import Role
from bizsuite.core.openapi import problems
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.venue_audio import services
from bizsuite.modules.venue_audio.connections import (
    check_device,
    open_socket,
    player_commands,
    player_room,
    serve_socket,
)
from bizsuite.modules.venue_audio.models import BroadcastKind
from bizsuite.modules.venue_audio.schemas import (
    AssetCreate,
    AssetPage,
    AssetView,
    AudioZoneCreate,
    AudioZoneFilters,
    AudioZonePage,
    AudioZoneUpdate,
    AudioZoneView,
    BroadcastClose,
    BroadcastFilters,
    BroadcastPage,
    BroadcastView,
    DeviceCreate,
    DeviceFilters,
    DeviceHealth,
    DeviceKeyCreated,
    DeviceKeyPage,
    DeviceKeyView,
    DevicePage,
    DeviceUpdate,
    DeviceView,
    EmergencyBegin,
    PagingBegin,
    PlayerAck,
    PlayerCommandPage,
    PlayerCommandView,
    ScheduleCreate,
    ScheduleFilters,
    SchedulePage,
    ScheduleUpdate,
    ScheduleView,
    VenueBoard,
    VenueCreate,
    VenuePage,
    VenueUpdate,
    VenueView,
    ZoneGroupCreate,
    ZoneGroupPage,
    ZoneGroupUpdate,
    ZoneGroupView,
    ZoneStatus,
)
from bizsuite.web.uploads import upload_policy

BASE = "/api/v1/venue-audio"


def zone_filters(venue_id: FromQuery[uuid.UUID | None] = None) -> AudioZoneFilters:
    """Zones (and zone groups) of one venue."""
    return AudioZoneFilters(venue_id=venue_id)


def device_filters(
    venue_id: FromQuery[uuid.UUID | None] = None,
    health: FromQuery[DeviceHealth | None] = None,
) -> DeviceFilters:
    """Devices of one venue, by health."""
    return DeviceFilters(venue_id=venue_id, health=health)


def schedule_filters(venue_id: FromQuery[uuid.UUID | None] = None) -> ScheduleFilters:
    """Schedules of one venue."""
    return ScheduleFilters(venue_id=venue_id)


def broadcast_filters(
    q: Annotated[
        str | None,
        QueryParameter(
            max_length=200,
            pattern=r"^[^\x00]*$",
            description="Text anywhere in where, the source, who started it, why, the alarm id or the venue.",
        ),
    ] = None,
    venue_id: FromQuery[uuid.UUID | None] = None,
    kind: FromQuery[BroadcastKind | None] = None,
    live: FromQuery[bool | None] = None,
) -> BroadcastFilters:
    """Broadcasts of one venue, by kind, live or ended."""
    return BroadcastFilters(q=q.strip() or None if q else None, venue_id=venue_id, kind=kind, live=live)


ZONE_FILTERS = {"filters": Provide(zone_filters, sync_to_thread=False)}
DEVICE_FILTERS = {"filters": Provide(device_filters, sync_to_thread=False)}
SCHEDULE_FILTERS = {"filters": Provide(schedule_filters, sync_to_thread=False)}
BROADCAST_FILTERS = {"filters": Provide(broadcast_filters, sync_to_thread=False)}


class VenueController(Controller):
    """Venues (on org units) and their status boards."""

    path = f"{BASE}/venues"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(operation_id="list_venue_audio_venues", summary="List venues")
    async def list_venue_audio_venues(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> VenuePage:
        """List venues, oldest first."""
        items, next_cursor = await services.list_venues(ctx, limit=limit, cursor=cursor)
        return VenuePage(items=items, next_cursor=next_cursor)

    @post(
        operation_id="create_venue_audio_venue",
        summary="Create a venue",
        opt={"min_role": Role.MANAGER},
        responses=problems(
            {402: "The plan's limit of venues is reached (`plan-limit-reached`: the limit and the usage)"}
        ),
    )
    async def create_venue_audio_venue(self, ctx: Ctx, data: JSONBody[VenueCreate]) -> VenueView:
        """Create a venue on an org unit; a code already used answers 409."""
        return await services.create_venue(ctx, data)

    @get("/{venue_id:uuid}", operation_id="get_venue_audio_venue", summary="Get a venue")
    async def get_venue_audio_venue(self, ctx: Ctx, venue_id: FromPath[uuid.UUID]) -> VenueView:
        """Return one venue."""
        return await services.get_venue(ctx, venue_id)

    @patch(
        "/{venue_id:uuid}",
        operation_id="update_venue_audio_venue",
        summary="Update a venue",
        opt={"min_role": Role.MANAGER},
    )
    async def update_venue_audio_venue(
        self, ctx: Ctx, venue_id: FromPath[uuid.UUID], data: JSONBody[VenueUpdate], if_match: IfMatch = None
    ) -> VenueView:
        """Change a venue's name, time zone, emergency policy or evacuation message (``If-Match``)."""
        return await services.update_venue(ctx, venue_id, data, if_match)

    @get(
        "/{venue_id:uuid}/board", operation_id="get_venue_audio_venue_board", summary="What every zone plays"
    )
    async def get_venue_audio_venue_board(self, ctx: Ctx, venue_id: FromPath[uuid.UUID]) -> VenueBoard:
        """Every zone of the venue now: what plays, its priority, volume and why, what waits, device health."""
        return await services.venue_board(ctx, venue_id)


class ZoneController(Controller):
    """Zones (floors, basements, areas) and what each plays now."""

    path = f"{BASE}/zones"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(operation_id="list_venue_audio_zones", summary="List zones", dependencies=ZONE_FILTERS)
    async def list_venue_audio_zones(
        self,
        ctx: Ctx,
        filters: NamedDependency[AudioZoneFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> AudioZonePage:
        """List zones, oldest first, of one venue or all."""
        items, next_cursor = await services.list_zones(ctx, filters, limit=limit, cursor=cursor)
        return AudioZonePage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_venue_audio_zone", summary="Create a zone", opt={"min_role": Role.MANAGER})
    async def create_venue_audio_zone(self, ctx: Ctx, data: JSONBody[AudioZoneCreate]) -> AudioZoneView:
        """Create a zone in a venue; a code already used there answers 409."""
        return await services.create_zone(ctx, data)

    @get("/{zone_id:uuid}", operation_id="get_venue_audio_zone", summary="Get a zone")
    async def get_venue_audio_zone(self, ctx: Ctx, zone_id: FromPath[uuid.UUID]) -> AudioZoneView:
        """Return one zone."""
        return await services.get_zone(ctx, zone_id)

    @patch("/{zone_id:uuid}", operation_id="update_venue_audio_zone", summary="Update a zone")
    async def update_venue_audio_zone(
        self,
        ctx: Ctx,
        zone_id: FromPath[uuid.UUID],
        data: JSONBody[AudioZoneUpdate],
        if_match: IfMatch = None,
    ) -> AudioZoneView:
        """Change a zone: its name, place or local volume (``If-Match``)."""
        return await services.update_zone(ctx, zone_id, data, if_match)

    @get(
        "/{zone_id:uuid}/now-playing",
        operation_id="get_venue_audio_zone_now_playing",
        summary="What a zone plays now",
    )
    async def get_venue_audio_zone_now_playing(self, ctx: Ctx, zone_id: FromPath[uuid.UUID]) -> ZoneStatus:
        """What the zone's player should play now: source, position, volume, priority (the board's answer)."""
        return await services.zone_now_playing(ctx, zone_id)


class ZoneGroupController(Controller):
    """Zone groups."""

    path = f"{BASE}/zone-groups"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(operation_id="list_venue_audio_zone_groups", summary="List zone groups", dependencies=ZONE_FILTERS)
    async def list_venue_audio_zone_groups(
        self,
        ctx: Ctx,
        filters: NamedDependency[AudioZoneFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ZoneGroupPage:
        """List zone groups with their zones, of one venue or all."""
        items, next_cursor = await services.list_zone_groups(ctx, filters, limit=limit, cursor=cursor)
        return ZoneGroupPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_venue_audio_zone_group", summary="Create a zone group")
    async def create_venue_audio_zone_group(self, ctx: Ctx, data: JSONBody[ZoneGroupCreate]) -> ZoneGroupView:
        """Create a group of the venue's zones; a code already used there answers 409."""
        return await services.create_zone_group(ctx, data)

    @get("/{zone_group_id:uuid}", operation_id="get_venue_audio_zone_group", summary="Get a zone group")
    async def get_venue_audio_zone_group(self, ctx: Ctx, zone_group_id: FromPath[uuid.UUID]) -> ZoneGroupView:
        """Return one zone group."""
        return await services.get_zone_group(ctx, zone_group_id)

    @patch(
        "/{zone_group_id:uuid}", operation_id="update_venue_audio_zone_group", summary="Update a zone group"
    )
    async def update_venue_audio_zone_group(
        self,
        ctx: Ctx,
        zone_group_id: FromPath[uuid.UUID],
        data: JSONBody[ZoneGroupUpdate],
        if_match: IfMatch = None,
    ) -> ZoneGroupView:
        """Rename a group or replace its zones (``If-Match``)."""
        return await services.update_zone_group(ctx, zone_group_id, data, if_match)

    @delete(
        "/{zone_group_id:uuid}", operation_id="delete_venue_audio_zone_group", summary="Delete a zone group"
    )
    async def delete_venue_audio_zone_group(
        self, ctx: Ctx, zone_group_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a zone group and its schedules (``If-Match``)."""
        await services.delete_zone_group(ctx, zone_group_id, if_match)


class DeviceController(Controller):
    """Devices and their heartbeats."""

    path = f"{BASE}/devices"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(operation_id="list_venue_audio_devices", summary="List devices", dependencies=DEVICE_FILTERS)
    async def list_venue_audio_devices(
        self,
        ctx: Ctx,
        filters: NamedDependency[DeviceFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> DevicePage:
        """List devices, oldest first, of one venue or all, by health."""
        items, next_cursor = await services.list_devices(ctx, filters, limit=limit, cursor=cursor)
        return DevicePage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_venue_audio_device", summary="Register a device")
    async def create_venue_audio_device(self, ctx: Ctx, data: JSONBody[DeviceCreate]) -> DeviceView:
        """Register a device in a venue (optionally in a zone); a code already used there answers 409."""
        return await services.create_device(ctx, data)

    @get("/{device_id:uuid}", operation_id="get_venue_audio_device", summary="Get a device")
    async def get_venue_audio_device(self, ctx: Ctx, device_id: FromPath[uuid.UUID]) -> DeviceView:
        """Return one device and its health."""
        return await services.get_device(ctx, device_id)

    @patch("/{device_id:uuid}", operation_id="update_venue_audio_device", summary="Update a device")
    async def update_venue_audio_device(
        self, ctx: Ctx, device_id: FromPath[uuid.UUID], data: JSONBody[DeviceUpdate], if_match: IfMatch = None
    ) -> DeviceView:
        """Change a device's name, zone or heartbeat interval (``If-Match``)."""
        return await services.update_device(ctx, device_id, data, if_match)

    @delete("/{device_id:uuid}", operation_id="delete_venue_audio_device", summary="Remove a device")
    async def delete_venue_audio_device(
        self, ctx: Ctx, device_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Remove a device (``If-Match``)."""
        await services.delete_device(ctx, device_id, if_match)

    @post(
        "/{device_id:uuid}/heartbeat",
        operation_id="send_venue_audio_device_heartbeat",
        summary="Report a device alive",
        status_code=200,
    )
    async def send_venue_audio_device_heartbeat(self, ctx: Ctx, device_id: FromPath[uuid.UUID]) -> DeviceView:
        """The device is alive now; a fault it was in clears."""
        return await services.record_heartbeat(ctx, device_id)

    @post(
        "/{device_id:uuid}/keys",
        operation_id="create_venue_audio_device_key",
        summary="Issue a device key",
        opt={"min_role": Role.MANAGER, "shows_secret_once": True},
    )
    async def create_venue_audio_device_key(
        self, ctx: Ctx, device_id: FromPath[uuid.UUID]
    ) -> DeviceKeyCreated:
        """Issue the device its own key (``bzd_…``), shown once: it reaches only the player routes."""
        return await services.create_device_key(ctx, device_id)

    @get(
        "/{device_id:uuid}/keys", operation_id="list_venue_audio_device_keys", summary="List a device's keys"
    )
    async def list_venue_audio_device_keys(self, ctx: Ctx, device_id: FromPath[uuid.UUID]) -> DeviceKeyPage:
        """The device's keys, newest first (never their secrets)."""
        return DeviceKeyPage(items=await services.list_device_keys(ctx, device_id), next_cursor=None)

    @post(
        "/{device_id:uuid}/keys/{key_id:uuid}/revoke",
        operation_id="revoke_venue_audio_device_key",
        summary="Revoke a device key",
        opt={"min_role": Role.MANAGER},
        status_code=200,
    )
    async def revoke_venue_audio_device_key(
        self, ctx: Ctx, device_id: FromPath[uuid.UUID], key_id: FromPath[uuid.UUID]
    ) -> DeviceKeyView:
        """Revoke a device key: refused from its next request on; an open feed ends at once."""
        return await services.revoke_device_key(ctx, device_id, key_id)

    @get(
        "/{device_id:uuid}/commands",
        operation_id="list_venue_audio_device_commands",
        summary="List what a player was commanded",
    )
    async def list_venue_audio_device_commands(
        self,
        ctx: Ctx,
        device_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> PlayerCommandPage:
        """A player's commands, newest first, each with when it was acknowledged and what it reported."""
        before = int(cursor) if cursor and cursor.isdigit() else None
        items, next_cursor = await services.list_commands(ctx, device_id, limit=limit, before=before)
        return PlayerCommandPage(items=items, next_cursor=next_cursor)


async def device_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Player routes: a device key (``bzd_…``) of a tenant whose plan has venue audio."""
    check_device(principal_of(connection), write=connection.scope.get("method") not in {"GET", "HEAD"})


async def _player_events(
    request: Request[Any, Any, Any], principal: Principal, venue_id: uuid.UUID, last_seq: int
) -> AsyncIterator[ServerSentEventMessage]:
    try:
        async for sent in player_commands(request.app, principal, venue_id, last_seq):
            if sent is None:
                yield ServerSentEventMessage(comment="keep-alive")
            else:
                yield ServerSentEventMessage(event="command", id=sent[0], data=sent[1], retry=1000)
    except ProblemError:
        return  # its tenant suspended or without venue audio (access.py): the reconnection says why


#: The empty body of a long poll that saw nothing newer (its 204).
NO_CONTENT: Any = None


class PlayerController(Controller):
    """What players use, with their own device key: their commands (a live feed, or long polling),
    acknowledgements and heartbeats."""

    path = f"{BASE}/player"
    tags = ["venue_audio"]
    guards = [device_guard]
    #: Tenant credentials never reach these routes (403); what a device key reaches is tested by
    #: the module's player tests (its own venue only).
    opt = {"credential": "device"}

    @get(
        "/feed",
        operation_id="get_venue_audio_player_feed",
        summary="The player's command feed (server-sent events)",
        opt={"event_stream": True},
        media_type="text/event-stream",
    )
    async def get_venue_audio_player_feed(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        last_event_id: Annotated[int, HeaderParameter(name="Last-Event-ID", ge=0, required=False)] = 0,
    ) -> ServerSentEvent:
        """A ``command`` event (id: its ``seq``; data: a PlayerCommand) whenever the player's zone
        should play something else, the current one first; reconnect with ``Last-Event-ID`` to
        skip what was already received. Acknowledge each with ``send_venue_audio_player_ack``."""
        device = await services.get_device(ctx, ctx.principal.device_id)  # type: ignore[arg-type]
        return ServerSentEvent(
            _player_events(request, ctx.principal, device.venue_id, last_event_id),
            headers={"Cache-Control": "no-store"},
        )

    @get(
        "/command",
        operation_id="get_venue_audio_player_command",
        summary="The player's current command (long polling)",
        responses={204: ResponseSpec(None, description="No newer command within `wait` seconds.")},
    )
    async def get_venue_audio_player_command(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        after: Annotated[int, QueryParameter(ge=0, description="The last seq received.")] = 0,
        wait: Annotated[
            int, QueryParameter(ge=0, le=30, description="Seconds to wait for a newer one.")
        ] = 25,
    ) -> Response[PlayerCommandView]:
        """The fallback where server-sent events cannot pass: the current command if its ``seq`` is
        above ``after``, else the next one within ``wait`` seconds, else 204."""
        device_id = ctx.principal.device_id
        assert device_id is not None
        device = await services.get_device(ctx, device_id)
        # Told of new commands from before the read on, so none issued meanwhile is missed.
        with player_room(request.app).join(ctx.principal, device.venue_id) as line:
            command, _due = await services.command_now(ctx, device.venue_id, device_id)
            if (command is None or command.seq <= after) and wait:
                # Committed now, the place given back: the wait holds no database connection and
                # takes no place among the requests at work (it reads nothing more).
                await wait_for_events(request.scope)
                deadline = time.monotonic() + wait
                while not line.ended and time.monotonic() < deadline:
                    latest = line.take()
                    if latest is not None and latest[0] > after:
                        command = msgspec.json.decode(latest[1], type=PlayerCommandView)
                        break
                    await line.wait(deadline)
        if command is None or command.seq <= after:
            return Response(NO_CONTENT, status_code=204)
        return Response(command)

    @post(
        "/acks",
        operation_id="send_venue_audio_player_ack",
        summary="Acknowledge a command",
        status_code=200,
    )
    async def send_venue_audio_player_ack(self, ctx: Ctx, data: JSONBody[PlayerAck]) -> PlayerCommandView:
        """The player plays command ``seq`` and says what it actually plays (also a heartbeat)."""
        return await services.acknowledge(ctx, data)

    @post(
        "/heartbeat",
        operation_id="send_venue_audio_player_heartbeat",
        summary="Report the player alive",
        status_code=200,
    )
    async def send_venue_audio_player_heartbeat(self, ctx: Ctx) -> DeviceView:
        """The player is alive now; a fault it was in clears."""
        assert ctx.principal.device_id is not None
        return await services.record_heartbeat(ctx, ctx.principal.device_id)

    @get(
        "/assets/{asset_id:uuid}",
        operation_id="get_venue_audio_player_asset",
        summary="Fetch an audio asset's MP3",
        status_code=307,
        responses={307: ResponseSpec(None, description="Redirect to a short-lived link to the MP3.")},
    )
    async def get_venue_audio_player_asset(
        self, ctx: Ctx, request: Request[Any, Any, Any], asset_id: FromPath[uuid.UUID]
    ) -> Redirect:
        """Where a player downloads what a command's ``asset:<id>`` source plays: a redirect to a
        short-lived link to the asset's MP3 (an asset of another venue is 404)."""
        assert ctx.principal.device_id is not None
        device = await services.get_device(ctx, ctx.principal.device_id)
        row = await services.delivery_file(ctx, device.venue_id, asset_id)
        ttl = request.app.state.settings.download_url_ttl_seconds
        url = await provide_storage(request).download_url(
            row.storage_key, filename=row.name, content_type=row.content_type, expires_in=ttl
        )
        return Redirect(url, status_code=307, headers={"Cache-Control": "no-store"})


class PlayerSocketController(Controller):
    """The player's WebSocket: commands down, acknowledgements and heartbeats up, on one connection."""

    path = f"{BASE}/player"
    tags = ["venue_audio"]
    opt = {"credential": "device"}

    @websocket("/socket")
    async def venue_audio_player_socket(self, socket: WebSocket[Any, Any, Any]) -> None:
        """With the player's device key (``Authorization: Bearer bzd_…``) and, to resume,
        ``Last-Event-ID``: the same commands as the feed, as ``{"type": "command", "seq",
        "command"}``; the player sends ``{"type": "ack", "seq", "source", "volume"}`` and
        ``{"type": "heartbeat"}``, each answered ``acked`` / ``alive`` once recorded, or ``error``
        (docs/venue-audio/README.md, "The player's WebSocket"). Refused as HTTP 401, 403, 402 or
        429 before it opens, like the feed."""
        opened = await open_socket(socket)
        if opened is not None:
            await serve_socket(socket, *opened)


class ScheduleController(Controller):
    """Daily schedules: background music and timed announcements."""

    path = f"{BASE}/schedules"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(operation_id="list_venue_audio_schedules", summary="List schedules", dependencies=SCHEDULE_FILTERS)
    async def list_venue_audio_schedules(
        self,
        ctx: Ctx,
        filters: NamedDependency[ScheduleFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> SchedulePage:
        """List schedules, oldest first, of one venue or all."""
        items, next_cursor = await services.list_schedules(ctx, filters, limit=limit, cursor=cursor)
        return SchedulePage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_venue_audio_schedule", summary="Create a schedule")
    async def create_venue_audio_schedule(self, ctx: Ctx, data: JSONBody[ScheduleCreate]) -> ScheduleView:
        """Schedule background music or a timed announcement for a zone or a group."""
        return await services.create_schedule(ctx, data)

    @get("/{schedule_id:uuid}", operation_id="get_venue_audio_schedule", summary="Get a schedule")
    async def get_venue_audio_schedule(self, ctx: Ctx, schedule_id: FromPath[uuid.UUID]) -> ScheduleView:
        """Return one schedule."""
        return await services.get_schedule(ctx, schedule_id)

    @patch("/{schedule_id:uuid}", operation_id="update_venue_audio_schedule", summary="Update a schedule")
    async def update_venue_audio_schedule(
        self,
        ctx: Ctx,
        schedule_id: FromPath[uuid.UUID],
        data: JSONBody[ScheduleUpdate],
        if_match: IfMatch = None,
    ) -> ScheduleView:
        """Change a schedule (``If-Match``)."""
        return await services.update_schedule(ctx, schedule_id, data, if_match)

    @delete("/{schedule_id:uuid}", operation_id="delete_venue_audio_schedule", summary="Delete a schedule")
    async def delete_venue_audio_schedule(
        self, ctx: Ctx, schedule_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a schedule (``If-Match``)."""
        await services.delete_schedule(ctx, schedule_id, if_match)


class BroadcastController(Controller):
    """Live paging, emergency broadcasts and the compliance log."""

    path = f"{BASE}/broadcasts"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(
        operation_id="list_venue_audio_broadcasts",
        summary="The broadcast log",
        dependencies=BROADCAST_FILTERS,
    )
    async def list_venue_audio_broadcasts(
        self,
        ctx: Ctx,
        filters: NamedDependency[BroadcastFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> BroadcastPage:
        """Paging sessions and emergencies, newest first: zones, start, end, who and why."""
        items, next_cursor = await services.list_broadcasts(ctx, filters, limit=limit, cursor=cursor)
        return BroadcastPage(items=items, next_cursor=next_cursor)

    @get("/{broadcast_id:uuid}", operation_id="get_venue_audio_broadcast", summary="Get a broadcast")
    async def get_venue_audio_broadcast(self, ctx: Ctx, broadcast_id: FromPath[uuid.UUID]) -> BroadcastView:
        """Return one broadcast."""
        return await services.get_broadcast(ctx, broadcast_id)

    @post("/paging", operation_id="begin_venue_audio_paging", summary="Start live paging")
    async def begin_venue_audio_paging(self, ctx: Ctx, data: JSONBody[PagingBegin]) -> BroadcastView:
        """Page zones or a group; it preempts announcements and music there, and ends by itself after
        ``max_duration_s``."""
        return await services.begin_paging(ctx, data)

    @post(
        "/emergencies", operation_id="begin_venue_audio_emergency", summary="Trigger an emergency broadcast"
    )
    async def begin_venue_audio_emergency(self, ctx: Ctx, data: JSONBody[EmergencyBegin]) -> BroadcastView:
        """Trigger an emergency (消防广播) on a floor, a zone or all call: the N+1 zones (or all zones,
        by the venue's policy) loop the evacuation message at full volume until cleared. A repeated
        ``alarm_id`` returns the broadcast it started."""
        return await services.begin_emergency(ctx, data)

    @post(
        "/{broadcast_id:uuid}/close",
        operation_id="close_venue_audio_broadcast",
        summary="End paging or clear an emergency",
        status_code=200,
    )
    async def close_venue_audio_broadcast(
        self,
        ctx: Ctx,
        broadcast_id: FromPath[uuid.UUID],
        data: JSONBody[BroadcastClose],
        if_match: IfMatch = None,
    ) -> BroadcastView:
        """End a paging session, or clear an emergency with a reason (``If-Match``); what they
        preempted resumes."""
        return await services.close_broadcast(ctx, broadcast_id, data, if_match)


class AssetController(Controller):
    """Audio assets: uploaded files with their duration, format and loudness."""

    path = f"{BASE}/assets"
    tags = ["venue_audio"]
    guards = [tenant_guard]

    @get(operation_id="list_venue_audio_assets", summary="List audio assets", dependencies=ZONE_FILTERS)
    async def list_venue_audio_assets(
        self,
        ctx: Ctx,
        filters: NamedDependency[AudioZoneFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> AssetPage:
        """List audio assets, oldest first, of one venue or all."""
        items, next_cursor = await services.list_assets(ctx, filters, limit=limit, cursor=cursor)
        return AssetPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_venue_audio_asset", summary="Register an audio asset")
    async def create_venue_audio_asset(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[AssetCreate]
    ) -> AssetView:
        """Register an uploaded file (``POST /api/v1/files``) as an asset: a WAV, MP3, Ogg, FLAC or
        AAC (``audio/mp4``: M4A; ``audio/aac``: ADTS) file whose duration, format and loudness (EBU
        R 128 integrated loudness, in LUFS) are read from it, kept with the MP3 players receive
        (``delivery_file_id``); another type is 422 naming ``file_id``."""
        return await services.create_asset(ctx, provide_storage(request), data, upload_policy(request))

    @get("/{asset_id:uuid}", operation_id="get_venue_audio_asset", summary="Get an audio asset")
    async def get_venue_audio_asset(self, ctx: Ctx, asset_id: FromPath[uuid.UUID]) -> AssetView:
        """Return one audio asset."""
        return await services.get_asset(ctx, asset_id)

    @delete("/{asset_id:uuid}", operation_id="delete_venue_audio_asset", summary="Remove an audio asset")
    async def delete_venue_audio_asset(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        asset_id: FromPath[uuid.UUID],
        if_match: IfMatch = None,
    ) -> None:
        """Remove an audio asset (the uploaded file stays in the files, its MP3 encoding goes)
        (``If-Match``)."""
        await services.delete_asset(ctx, provide_storage(request), asset_id, if_match)


CONTROLLERS: list[type[Controller]] = [
    AssetController,
    VenueController,
    ZoneController,
    ZoneGroupController,
    DeviceController,
    ScheduleController,
    BroadcastController,
    PlayerController,
    PlayerSocketController,
]
