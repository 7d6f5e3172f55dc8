"""Reading the audit log (writes go through ``Context.audit``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.context import Context
from bizsuite.core.repository import fetch, list_page

__all__ = ["AuditEntry", "AuditFilter", "get_audit_entry", "list_audit_entries"]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Filters on indexed columns."""

    action: str | None = None
    target_type: str | None = None
    target_id: uuid.UUID | None = None
    actor_id: uuid.UUID | None = None
    since: datetime | None = None
    until: datetime | None = None


async def list_audit_entries(
    ctx: Context, flt: AuditFilter, *, limit: int, cursor: str | None, descending: bool = True
) -> tuple[list[AuditEntry], str | None]:
    """Return a page of audit entries, newest first unless ``descending`` is false."""
    statement = select(AuditEntry)
    if flt.action:
        statement = statement.where(AuditEntry.action == flt.action)
    if flt.target_type:
        statement = statement.where(AuditEntry.target_type == flt.target_type)
    if flt.target_id:
        statement = statement.where(AuditEntry.target_id == flt.target_id)
    if flt.actor_id:
        statement = statement.where(AuditEntry.actor_id == flt.actor_id)
    if flt.since:
        statement = statement.where(AuditEntry.created_at >= flt.since)
    if flt.until:
        statement = statement.where(AuditEntry.created_at < flt.until)
    return await list_page(
        ctx.session, statement, AuditEntry, limit=limit, cursor=cursor, descending=descending
    )


async def get_audit_entry(ctx: Context, entry_id: uuid.UUID) -> AuditEntry:
    """Return one audit entry or 404."""
    return await fetch(ctx.session, AuditEntry, entry_id, what="audit entry")
