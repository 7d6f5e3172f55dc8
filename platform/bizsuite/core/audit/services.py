"""Reading the audit log (writes go through ``Context.audit``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

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
    "export_entries",
    "export_row",
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


#: The most entries one export holds (narrow the filters for more).
EXPORT_LIMIT = 10_000
#: A spreadsheet cell holds at most 32,767 characters; longer before/after values are cut.
_CELL_LIMIT = 32_000


async def export_entries(
    ctx: Context, flt: AuditFilters, *, limit: int = EXPORT_LIMIT
) -> tuple[list[AuditEntry], dict[uuid.UUID, str]]:
    """The filtered entries (newest first, up to ``limit``) and who wrote each, by name."""
    entries: list[AuditEntry] = []
    cursor: str | None = None
    while len(entries) < limit:
        page, cursor = await list_audit_entries(ctx, flt, limit=min(500, limit - len(entries)), cursor=cursor)
        entries += page
        if cursor is None:
            break
    return entries, await actor_names(ctx, entries)


def _json_cell(value: dict[str, Any] | None) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= _CELL_LIMIT else text[: _CELL_LIMIT - 1] + "…"


def export_row(entry: AuditEntry, actor: str | None) -> tuple[Any, ...]:
    """One entry as an export row: time, actor, action, target, target id, request id, IP, and
    the values before and after the change (JSON objects)."""
    return (
        entry.created_at,
        actor or entry.actor_type,
        entry.action,
        entry.target_type,
        entry.target_id or "",
        entry.request_id or "",
        entry.ip or "",
        _json_cell(entry.before),
        _json_cell(entry.after),
    )
