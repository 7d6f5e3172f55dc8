"""Devices and their heartbeats: a device silent past its interval raises a fault alert (kernel
alerts), cleared when it is heard again; the sweep runs every minute on each tenant's clock."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bizsuite.core import clock
from bizsuite.core.alerts.models import Notification, Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem
from bizsuite.core.jobs.queue import sweep_tenants
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.kit import SearchHit
from bizsuite.modules.venue_audio import rules
from bizsuite.modules.venue_audio.models import Device, Venue
from bizsuite.modules.venue_audio.schemas import (
    DeviceCreate,
    DeviceFilters,
    DeviceUpdate,
    DeviceView,
)
from bizsuite.modules.venue_audio.services.venues import (
    venue_changed,
    venue_reference,
    zones_of_venue,
)
from bizsuite.web.i18n import N_
from bizsuite.web.lists import anywhere

log = logging.getLogger(__name__)

#: The alert a device silent past its heartbeat interval raises.
FAULT_ALERT = "venue_audio.device_fault"


def device_view(device: Device) -> DeviceView:
    """A device row as its view, with its health."""
    health = "fault" if device.fault_since else ("ok" if device.last_heartbeat_at else "unknown")
    return DeviceView(
        id=device.id,
        venue_id=device.venue_id,
        zone_id=device.zone_id,
        kind=device.kind,
        code=device.code,
        name=device.name,
        heartbeat_interval_s=device.heartbeat_interval_s,
        last_heartbeat_at=device.last_heartbeat_at,
        fault_since=device.fault_since,
        health=health,  # type: ignore[arg-type]
        created_at=device.created_at,
        updated_at=device.updated_at,
        version=device.version,
    )


async def load_device(ctx: Context, device_id: uuid.UUID) -> Device:
    """The device, or 404."""
    return await fetch(ctx.session, Device, device_id, what="device")


async def list_devices(
    ctx: Context, filters: DeviceFilters, *, limit: int, cursor: str | None
) -> tuple[list[DeviceView], str | None]:
    """A page of devices, oldest first, of one venue or all, by health."""
    statement = select(Device)
    if filters.venue_id is not None:
        statement = statement.where(Device.venue_id == filters.venue_id)
    if filters.health == "fault":
        statement = statement.where(Device.fault_since.is_not(None))
    elif filters.health == "ok":
        statement = statement.where(Device.fault_since.is_(None), Device.last_heartbeat_at.is_not(None))
    elif filters.health == "unknown":
        statement = statement.where(Device.fault_since.is_(None), Device.last_heartbeat_at.is_(None))
    rows, next_cursor = await list_page(ctx.session, statement, Device, limit=limit, cursor=cursor)
    return [device_view(row) for row in rows], next_cursor


async def search_devices(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's device hits: ``text`` anywhere in the code or the name, any case, by
    venue and code; each opens the devices list of its venue (a device has no page of its own)."""
    rows = await ctx.session.execute(
        select(Device.venue_id, Device.code, Device.name, Venue.name)
        .join(Venue, (Venue.tenant_id == Device.tenant_id) & (Venue.id == Device.venue_id))
        .where(anywhere(text, Device.code, Device.name))
        .order_by(Venue.code, Device.code, Device.id)
        .limit(limit)
    )
    return [
        SearchHit(title=name, href=f"/venue-audio/devices?venue_id={venue_id}", detail=f"{code} · {venue}")
        for venue_id, code, name, venue in rows.all()
    ]


async def get_device(ctx: Context, device_id: uuid.UUID) -> DeviceView:
    """One device, or 404."""
    return device_view(await load_device(ctx, device_id))


async def create_device(ctx: Context, data: DeviceCreate) -> DeviceView:
    """Register a device in a venue (optionally in a zone); a code already used there answers 409."""
    await venue_reference(ctx, data.venue_id)
    if data.zone_id is not None:
        await zones_of_venue(ctx, data.venue_id, [data.zone_id], field="zone_id")
    code = rules.normal_code(data.code)
    taken = select(Device.id).where(Device.venue_id == data.venue_id, Device.code == code)
    if await ctx.session.scalar(taken) is not None:
        raise ConflictProblem.for_field("code", "a device with this code already exists in the venue")
    device = Device(
        venue_id=data.venue_id,
        zone_id=data.zone_id,
        kind=data.kind,
        code=code,
        name=data.name,
        heartbeat_interval_s=data.heartbeat_interval_s,
    )
    ctx.session.add(device)
    await ctx.session.flush()
    ctx.audit("venue_audio.device.created", device, after=snapshot(device))
    await venue_changed(ctx, device.venue_id)
    return device_view(device)


async def update_device(
    ctx: Context, device_id: uuid.UUID, data: DeviceUpdate, if_match: str | None
) -> DeviceView:
    """Change a device (``If-Match``); ``null`` detaches it from its zone."""
    device = await load_device(ctx, device_id)
    check_version(device, if_match)
    before = snapshot(device)
    if not isinstance(data.name, msgspec.UnsetType):
        device.name = data.name
    if not isinstance(data.zone_id, msgspec.UnsetType):
        if data.zone_id is not None:
            await zones_of_venue(ctx, device.venue_id, [data.zone_id], field="zone_id")
        device.zone_id = data.zone_id
    if not isinstance(data.heartbeat_interval_s, msgspec.UnsetType):
        device.heartbeat_interval_s = data.heartbeat_interval_s
    await ctx.session.flush()
    ctx.audit("venue_audio.device.updated", device, before=before, after=snapshot(device))
    await venue_changed(ctx, device.venue_id)
    return device_view(device)


async def delete_device(ctx: Context, device_id: uuid.UUID, if_match: str | None) -> None:
    """Remove a device (``If-Match``)."""
    device = await load_device(ctx, device_id)
    check_version(device, if_match)
    ctx.audit("venue_audio.device.deleted", device, before=snapshot(device))
    await venue_changed(ctx, device.venue_id)
    await ctx.session.delete(device)
    await ctx.session.flush()


async def record_heartbeat(ctx: Context, device_id: uuid.UUID) -> DeviceView:
    """The device is alive (tenant clock): a fault it was in clears, and its alert leaves the inboxes.

    Heartbeats do not move the device's version (an edit in progress is not made stale by them)
    and are not audited one by one; a fault's start and end are.
    """
    device = await load_device(ctx, device_id)
    now = clock.now(ctx)
    values: dict[str, Any] = {"last_heartbeat_at": now}
    recovered = device.fault_since is not None
    if recovered:
        values |= {"fault_since": None, "fault_alert_id": None}
    await ctx.session.execute(
        update(Device)
        .where(Device.id == device.id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if recovered:
        before = snapshot(device)
        if device.fault_alert_id is not None:
            await ctx.session.execute(
                update(Notification)
                .where(Notification.alert_id == device.fault_alert_id, Notification.read_at.is_(None))
                .values(read_at=now)
                .execution_options(synchronize_session=False)
            )
        ctx.audit(
            "venue_audio.device_fault.closed", device, before=before, after={**before, "fault_since": None}
        )
        await venue_changed(ctx, device.venue_id)
    await ctx.session.refresh(device)
    return device_view(device)


async def mark_faults(ctx: Context, *, now: datetime | None = None) -> list[uuid.UUID]:
    """Devices silent past their interval at ``now`` (the tenant clock) go into fault, each with one alert."""
    now = now or clock.now(ctx)
    rows = (await ctx.session.scalars(select(Device).where(Device.fault_since.is_(None)))).all()
    faulty = [
        d
        for d in rows
        if rules.heartbeat_overdue(
            d.last_heartbeat_at, timedelta(seconds=d.heartbeat_interval_s), now, since=d.created_at
        )
    ]
    if not faulty:
        return []
    venues = {
        v.id: v
        for v in (
            await ctx.session.scalars(select(Venue).where(Venue.id.in_({d.venue_id for d in faulty})))
        ).all()
    }
    for device in faulty:
        silent_since = device.last_heartbeat_at or device.created_at
        raised = await raise_alert(
            ctx,
            alert_type=FAULT_ALERT,
            severity=Severity.CRITICAL,
            title_msgid=N_("%(venue)s: device %(device)s is silent"),
            body_msgid=N_("No heartbeat from %(device)s since %(since)s (expected every %(interval)s s)."),
            params={
                "venue": venues[device.venue_id].name,
                "device": f"{device.code} {device.name}",
                "since": silent_since.isoformat(timespec="seconds"),
                "interval": device.heartbeat_interval_s,
            },
            target_type="venue_audio_devices",
            target_id=device.id,
            dedup_key=f"{FAULT_ALERT}:{device.id}:{silent_since.isoformat()}",
        )
        before = snapshot(device)
        device.fault_since = now
        device.fault_alert_id = raised.alert.id
        await ctx.session.flush()
        ctx.audit("venue_audio.device_fault.raised", device, before=before, after=snapshot(device))
        await venue_changed(ctx, device.venue_id)
    return [d.id for d in faulty]


async def next_fault_due(ctx: Context) -> datetime | None:
    """The earliest instant a device not yet in fault would become one (for the sandbox clock)."""
    rows = (await ctx.session.scalars(select(Device).where(Device.fault_since.is_(None)))).all()
    dues = [
        (d.last_heartbeat_at or d.created_at) + timedelta(seconds=d.heartbeat_interval_s, microseconds=1)
        for d in rows
    ]
    return min(dues, default=None)


async def sweep_all_tenants(sessionmaker: async_sessionmaker[Any]) -> int:
    """The heartbeat watch: mark the silent devices of the tenants that have one (one statement
    finds them), each in its own transaction; returns how many devices went into fault."""

    async def mark(ctx: Context) -> int:
        return len(await mark_faults(ctx))

    due = text("SELECT bizsuite_due_heartbeat_tenants()")
    return await sweep_tenants(sessionmaker, mark, actor="job:venue_audio.heartbeat_watch", due=due)
