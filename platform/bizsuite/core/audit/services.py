"""Reading the audit log (writes go through ``Context.audit``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.audit.schemas import AuditFilters
from bizsuite.core.context import Context, PrincipalKind
from bizsuite.core.identity.models import User
from bizsuite.core.repository import fetch, list_page

__all__ = [
    "AuditEntry",
    "AuditFilter",
    "AuditFilters",
    "actor_names",
    "get_audit_entry",
    "list_audit_entries",
]

#: The former name of :class:`AuditFilters`.
AuditFilter = AuditFilters


async def list_audit_entries(
    ctx: Context, flt: AuditFilters, *, limit: int, cursor: str | None, descending: bool = True
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


async def actor_names(ctx: Context, entries: Sequence[AuditEntry]) -> dict[uuid.UUID, str]:
    """Who wrote each entry, by name (entry id → name): a person's name (looked up, so a
    renamed person shows the new name and an email is never shown), an API key's name, the
    operator. One query."""
    people = {e.actor_id for e in entries if e.actor_type == PrincipalKind.USER.value and e.actor_id}
    names: dict[uuid.UUID, str] = {}
    if people:
        rows = await ctx.session.execute(select(User.id, User.name).where(User.id.in_(people)))
        names = {row.id: row.name for row in rows}
    shown: dict[uuid.UUID, str] = {}
    for entry in entries:
        if entry.actor_type == PrincipalKind.USER.value:
            name = names.get(entry.actor_id) if entry.actor_id else None
        else:
            name = entry.actor_label
        if name:
            shown[entry.id] = name
    return shown
