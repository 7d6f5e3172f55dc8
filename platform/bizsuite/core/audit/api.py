"""Audit log endpoints (read-only: the log is append-only)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, QueryParameter

from bizsuite.core.audit import services
from bizsuite.core.audit.schemas import AuditEntryOut, AuditFilters, AuditPage
from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

ShortText = Annotated[str | None, QueryParameter(max_length=64)]


def audit_filters(
    action: ShortText = None,
    target_type: ShortText = None,
    target_id: FromQuery[uuid.UUID | None] = None,
    actor_id: FromQuery[uuid.UUID | None] = None,
    since: FromQuery[datetime | None] = None,
    until: FromQuery[datetime | None] = None,
) -> AuditFilters:
    """The audit log's filters from their typed query parameters (the API list, the audit log
    page and its export)."""
    return AuditFilters(
        action=action,
        target_type=target_type,
        target_id=target_id,
        actor_id=actor_id,
        since=since,
        until=until,
    )


#: Inject :func:`audit_filters` as ``filters``.
AUDIT_FILTERS = {"filters": Provide(audit_filters, sync_to_thread=False)}
Filters = NamedDependency[AuditFilters]


def _out(entry: services.AuditEntry, names: dict[uuid.UUID, str]) -> AuditEntryOut:
    out = msgspec.convert(entry, AuditEntryOut, from_attributes=True)
    # Actors are shown by name (a person's, an API key's), never by email.
    return msgspec.structs.replace(out, actor_label=names.get(entry.id))


class AuditController(Controller):
    """Who changed what, when."""

    path = "/api/v1/audit-log"
    tags = ["audit"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_audit_entries", summary="List audit entries", dependencies=AUDIT_FILTERS)
    async def list_audit_entries(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        *,
        filters: Filters,  # after the page parameters: the OpenAPI lists them first
    ) -> AuditPage:
        """List audit entries, newest first, filtered by action, target, actor or time."""
        rows, next_cursor = await services.list_audit_entries(ctx, filters, limit=limit, cursor=cursor)
        names = await services.actor_names(ctx, rows)
        return AuditPage(items=[_out(e, names) for e in rows], next_cursor=next_cursor)

    @get("/{entry_id:uuid}", operation_id="get_audit_entry", summary="Get an audit entry")
    async def get_audit_entry(self, ctx: Ctx, entry_id: FromPath[uuid.UUID]) -> AuditEntryOut:
        """Return one audit entry."""
        entry = await services.get_audit_entry(ctx, entry_id)
        return _out(entry, await services.actor_names(ctx, [entry]))
