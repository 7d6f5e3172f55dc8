"""Audit log endpoints (read-only: the log is append-only)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.params import FromPath, FromQuery, QueryParameter

from bizsuite.core.audit import services
from bizsuite.core.audit.schemas import AuditEntryOut, AuditPage
from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

ShortText = Annotated[str | None, QueryParameter(max_length=64)]


def _out(entry: object) -> AuditEntryOut:
    return msgspec.convert(entry, AuditEntryOut, from_attributes=True)


class AuditController(Controller):
    """Who changed what, when."""

    path = "/api/v1/audit-log"
    tags = ["audit"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_audit_entries", summary="List audit entries")
    async def list_audit_entries(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        action: ShortText = None,
        target_type: ShortText = None,
        target_id: FromQuery[uuid.UUID | None] = None,
        actor_id: FromQuery[uuid.UUID | None] = None,
        since: FromQuery[datetime | None] = None,
        until: FromQuery[datetime | None] = None,
    ) -> AuditPage:
        """List audit entries, newest first, filtered by action, target, actor or time."""
        flt = services.AuditFilter(
            action=action,
            target_type=target_type,
            target_id=target_id,
            actor_id=actor_id,
            since=since,
            until=until,
        )
        rows, next_cursor = await services.list_audit_entries(ctx, flt, limit=limit, cursor=cursor)
        return AuditPage(items=[_out(e) for e in rows], next_cursor=next_cursor)

    @get("/{entry_id:uuid}", operation_id="get_audit_entry", summary="Get an audit entry")
    async def get_audit_entry(self, ctx: Ctx, entry_id: FromPath[uuid.UUID]) -> AuditEntryOut:
        """Return one audit entry."""
        return _out(await services.get_audit_entry(ctx, entry_id))
