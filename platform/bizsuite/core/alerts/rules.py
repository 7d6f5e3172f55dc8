"""Alert rules as plain functions: severities, dedup keys, which channels reach a user, messages."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bizsuite.core.alerts.models import Channel, Severity
from bizsuite.web.i18n import N_, translations

_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}
MAX_KEY_LENGTH = 255
SMS_MAX_LENGTH = 140
TITLE_MAX_LENGTH = 200
#: The label of an alert whose kind no area declared (never its raw type).
UNKNOWN_KIND = N_("Alert")


def at_least(severity: Severity, minimum: Severity) -> bool:
    """Whether ``severity`` is ``minimum`` or more urgent."""
    return _SEVERITY_RANK[severity] >= _SEVERITY_RANK[minimum]


def _bounded(key: str) -> str:
    if len(key) <= MAX_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: MAX_KEY_LENGTH - len(digest) - 1]}#{digest}"


def alert_dedup_key(
    alert_type: str,
    *,
    target_type: str | None = None,
    target_id: uuid.UUID | None = None,
    due_at: datetime | None = None,
    key: str | None = None,
) -> str:
    """The key that makes an alert unique in a tenant.

    A module passes its own ``key`` when it knows what "the same alert" means; otherwise one
    alert per type, target and due time: a contract's expiry on a date is raised once however
    often the check runs, and a new due date is a new alert.
    """
    if key:
        return _bounded(key)
    parts = [alert_type, target_type or "-", str(target_id) if target_id else "-"]
    parts.append(due_at.isoformat() if due_at else "-")
    return _bounded(":".join(parts))


def outbox_dedup_key(alert_id: uuid.UUID, user_id: uuid.UUID, channel: Channel) -> str:
    """One message per alert, user and channel."""
    return f"alert:{alert_id}:user:{user_id}:{channel.value}"


@dataclass(frozen=True, slots=True)
class ChannelPreferences:
    """A user's choices beyond the in-app inbox (defaults: email from warning up, no SMS)."""

    email_enabled: bool = True
    email_min_severity: Severity = Severity.WARNING
    sms_enabled: bool = False
    sms_min_severity: Severity = Severity.CRITICAL
    sms_number: str | None = None
    muted_types: frozenset[str] = field(default_factory=frozenset)


def channels_for(preferences: ChannelPreferences, severity: Severity, alert_type: str) -> list[Channel]:
    """The channels besides the inbox that an alert of ``severity`` and ``alert_type`` uses."""
    if alert_type in preferences.muted_types:
        return []
    channels: list[Channel] = []
    if preferences.email_enabled and at_least(severity, preferences.email_min_severity):
        channels.append(Channel.EMAIL)
    if (
        preferences.sms_enabled
        and preferences.sms_number
        and at_least(severity, preferences.sms_min_severity)
    ):
        channels.append(Channel.SMS)
    return channels


def email_message(
    severity: Severity, title: str, body: str | None, due_at: datetime | None
) -> tuple[str, str]:
    """Subject and text of an alert email."""
    subject = f"[{severity.value.upper()}] {title}"
    lines = [title]
    if body:
        lines += ["", body]
    if due_at:
        lines += ["", f"Due: {due_at.isoformat()}"]
    return subject, "\n".join(lines)


def sms_message(severity: Severity, title: str) -> str:
    """The short text of an alert SMS."""
    text = f"[{severity.value.upper()}] {title}"
    return text if len(text) <= SMS_MAX_LENGTH else text[: SMS_MAX_LENGTH - 1] + "…"


def unique_users(user_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """User ids without repeats, in first-seen order."""
    return list(dict.fromkeys(user_ids))


def render_message(
    msgid: str | None, params: Mapping[str, Any], stored: str | None, locale: str, *, limit: int | None = None
) -> str | None:
    """An alert's title or body in ``locale``: its msgid translated and filled with ``params``.

    Without a msgid (an alert raised with plain text, or before msgids), or when the parameters
    do not fit the translation, the ``stored`` text is what the alert says. ``limit`` shortens
    the result with an ellipsis.
    """
    if not msgid:
        return stored
    try:
        text = translations(locale).gettext(msgid) % dict(params)
    except (KeyError, TypeError, ValueError):
        return stored
    if limit is not None and len(text) > limit:
        return text[: limit - 1] + "\u2026"
    return text
