"""Alerts: the inbox, notification preferences and outgoing messages."""

from __future__ import annotations

from bizsuite.core.alerts.api import (
    AlertController,
    InboxController,
    NotificationPreferenceController,
    OutboxController,
)
from bizsuite.core.identity.models import Role
from bizsuite.kit import SECTION_ADMINISTRATION, SECTION_WORK, ModuleSpec, NavItem
from bizsuite.web.alerts_pages import InboxPages, OutboxPages
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="alerts",
    kernel=True,
    controllers=[AlertController, InboxController, NotificationPreferenceController, OutboxController],
    pages=[InboxPages, OutboxPages],
    navigation=[
        NavItem(N_("Inbox"), "/inbox", section=SECTION_WORK, order=10),
        NavItem(
            N_("Outgoing messages"), "/admin/messages", Role.ADMIN, section=SECTION_ADMINISTRATION, order=60
        ),
    ],
    models=["bizsuite.core.alerts.models"],
    task_modules=["bizsuite.core.alerts.tasks"],
    event_types={"alert.raised": N_("An alert was raised.")},
    alert_kinds={"reminder": N_("Reminder")},
    notices={
        "alert.read": N_("Marked as read."),
        "alert.read_all": N_("All alerts marked as read."),
        "alert.read_selected": N_("The selected alerts are marked as read."),
        "alert.none_selected": N_("Tick the alerts to mark as read first."),
        "notification_preferences.saved": N_("Notification preferences saved."),
    },
)
