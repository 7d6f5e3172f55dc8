"""Venue audio (公共广播): the control plane of venues' public-address systems — zones (floors,
basements, areas) and groups, devices with heartbeats and fault alerts, background-music
schedules, timed announcements, live paging and emergency broadcasts (消防广播) with absolute
priority, and what every zone plays now.

``rules`` holds the pure domain rules (the arbitration of what plays, N+1 zone selection, daily
windows); ``services`` (one module per aggregate), ``api`` and ``pages`` are thin layers over
them; ``jobs`` watches the heartbeats; ``blueprint`` reads ``[venue_audio]``.
"""

from __future__ import annotations

from pathlib import Path

from bizsuite.kit import ModuleSpec, UsageMeter
from bizsuite.modules.venue_audio import api, chatter, pages, services
from bizsuite.modules.venue_audio.blueprint import SECTION
from bizsuite.modules.venue_audio.demo import demo_players
from bizsuite.modules.venue_audio.drill import silent_drill
from bizsuite.web.i18n import N_

MODULE = ModuleSpec(
    name="venue_audio",
    controllers=api.CONTROLLERS,
    pages=pages.PAGES,
    navigation=pages.NAVIGATION,
    notices=pages.NOTICES,
    link_targets=pages.LINK_TARGETS,
    search_providers=pages.SEARCH_PROVIDERS,
    record_types=chatter.RECORD_TYPES,
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.modules.venue_audio.models"],
    task_modules=["bizsuite.modules.venue_audio.jobs"],
    blueprint_sections={"venue_audio": SECTION},
    alert_kinds={
        services.FAULT_ALERT: N_("Device fault"),
        services.ACK_ALERT: N_("Emergency not acknowledged by a player"),
    },
    # Players authenticate with their own keys (``bzd_…``), which reach only the player routes.
    credentials={services.DEVICE_KEY_PREFIX: services.device_principal},
    demo_companions=demo_players,
    # A silent fire drill as each server process starts: the first real alarm is as fast as any.
    warm_up=silent_drill,
    # The plan's ``venues`` limit counts the venues (billing reads it, never the table).
    usage_meters=[UsageMeter(services.VENUES_LIMIT, services.count_venues)],
    audit_subjects={
        "venue_audio.asset": N_("Audio asset"),
        "venue_audio.device": N_("Device"),
        "venue_audio.device_fault": N_("Device fault"),
        "venue_audio.device_key": N_("Device key"),
        "venue_audio.emergency": N_("Emergency broadcast"),
        "venue_audio.paging": N_("Live paging"),
        "venue_audio.schedule": N_("Schedule"),
        "venue_audio.venue": N_("Venue"),
        "venue_audio.zone": N_("Zone"),
        "venue_audio.zone_group": N_("Zone group"),
    },
)
