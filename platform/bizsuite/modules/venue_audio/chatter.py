"""The venue audio records that carry the kernel's chatter and activities: venues (their board
page shows it). The chatter shows changes to the venue's name, time zone, emergency policy and
evacuation message from the audit log; the creator follows the venue by default."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem
from bizsuite.kit import RecordInfo, RecordType
from bizsuite.modules.venue_audio.models import Venue
from bizsuite.web.i18n import N_


async def _venue(ctx: Context, venue_id: uuid.UUID) -> RecordInfo:
    row = (await ctx.session.execute(select(Venue.code, Venue.name).where(Venue.id == venue_id))).first()
    if row is None:
        raise NotFoundProblem(f"No venue with id {venue_id}.")
    return RecordInfo(label=f"{row.code} {row.name}", followers=())


RECORD_TYPES = [
    RecordType(
        "venue_audio_venues",
        "/venue-audio/venues/{id}",
        _venue,
        tracked={
            "name": N_("Name"),
            "time_zone": N_("Time zone"),
            "emergency_policy": N_("Emergency policy"),
            "evacuation_source": N_("Evacuation message"),
        },
        choices={
            "emergency_policy": {"phased": N_("Phased (N + 1)"), "all_zones": N_("All zones at once")},
        },
    )
]
