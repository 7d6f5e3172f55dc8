"""A silent fire drill as each server process starts, so that the first real alarm is as fast as
the hundredth (the module kit's ``warm_up``).

A fire alarm is rare: the one that matters is often the first a server process ever handles. That
first one used to take twice as long in the process (65 ms against 30 ms, ``docs/performance.md``),
its statements compiled by SQLAlchemy for the first time. The drill runs the whole path once, as
the alarm, the players' acknowledgements and the clear do: a tenant with a small building, music
playing, an alarm on a floor, a player's key and its acknowledgement, and the clear. It all
happens in one transaction that is rolled back, so nobody ever sees any of it (no tenant, no
audit entry, no job, no notification: PostgreSQL sends a notification only when its transaction
commits).
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from bizsuite.core.blueprints import apply_blueprint, parse_blueprint
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.identity.models import Role
from bizsuite.core.unit_of_work import UnitOfWork
from bizsuite.modules.venue_audio.models import Device, Venue
from bizsuite.modules.venue_audio.schemas import BroadcastClose, EmergencyBegin, PlayerAck
from bizsuite.modules.venue_audio.services.players import (
    create_device_key,
    current_command,
    device_principal,
    report,
)
from bizsuite.modules.venue_audio.services.programs import begin_emergency, close_broadcast

#: The drill's building: three floors, music everywhere all day, a player on the alarm's floor.
_BUILDING = """
[tenant]
slug = "{slug}"
name = "Silent fire drill"
modules = ["venue_audio"]

[[org_units]]
code = "DRILL"
name = "Drill building"
kind = "venue"

[[venue_audio.venues]]
code = "DRILL"
name = "Drill building"
org_unit = "DRILL"
time_zone = "Asia/Shanghai"
evacuation_source = "evacuation.mp3"
floors = 3
devices = [{{ code = "PLAYER-2F", name = "Player", kind = "player", zone = "F2" }}]
schedules = [
  {{ kind = "music", name = "Music", source = "playlist:drill", zone = "F1", start = 00:00:00, end = 23:59:00 }},
  {{ kind = "music", name = "Music", source = "playlist:drill", zone = "F2", start = 00:00:00, end = 23:59:00 }},
  {{ kind = "music", name = "Music", source = "playlist:drill", zone = "F3", start = 00:00:00, end = 23:59:00 }},
]
"""


async def silent_drill(work: UnitOfWork) -> None:
    """Raise a fire alarm on floor 2 of a new tenant's building, acknowledge it from the floor's
    player and clear it, in ``work`` (which the caller rolls back)."""
    slug = f"silent-drill-{uuid.uuid4().hex[:12]}"
    made = await apply_blueprint(work.session, parse_blueprint(_BUILDING.format(slug=slug)), source="drill")
    assert made.tenant is not None
    await work.bind_tenant(made.tenant.id)
    operator = Principal(
        kind=PrincipalKind.API_KEY, label="silent drill", tenant=made.tenant, role=Role.ADMIN
    )
    ctx = Context(work=work, principal=operator)
    venue_id = await ctx.session.scalar(select(Venue.id))
    device_id = await ctx.session.scalar(select(Device.id))
    assert venue_id is not None and device_id is not None
    alarm = await begin_emergency(
        ctx, EmergencyBegin(venue_id=venue_id, alarm_id="drill", floor=2, reason="silent drill")
    )
    player = await device_principal(ctx.session, (await create_device_key(ctx, device_id)).key)
    command = await current_command(ctx, device_id)
    assert command is not None and command.program_kind == "emergency", command
    await report(
        Context(work=work, principal=player),
        [(player, PlayerAck(seq=command.seq, source=command.source, volume=command.volume))],
    )
    await close_broadcast(ctx, alarm.id, BroadcastClose(reason="silent drill"), None)
