"""Audit log bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec


class AuditFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The audit log's filters (all optional, on indexed columns)."""

    action: str | None = None
    target_type: str | None = None
    target_id: uuid.UUID | None = None
    actor_id: uuid.UUID | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditEntryOut(msgspec.Struct, kw_only=True):
    """One recorded write."""

    id: uuid.UUID
    created_at: datetime
    actor_type: str
    actor_id: uuid.UUID | None
    actor_label: str | None
    action: str
    target_type: str
    target_id: uuid.UUID | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
    ip: str | None


class AuditPage(msgspec.Struct, kw_only=True):
    """A page of audit entries, newest first."""

    items: list[AuditEntryOut]
    next_cursor: str | None
