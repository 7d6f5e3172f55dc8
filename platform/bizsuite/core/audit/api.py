"""Audit log endpoints (read-only: the log is append-only)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from litestar import Controller, Response, get
from litestar.di import NamedDependency, Provide
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, Operation, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType
from litestar.params import FromPath, FromQuery, QueryParameter

from bizsuite.core.audit import services
from bizsuite.core.audit.schemas import AuditEntryOut, AuditFilters, AuditPage
from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.web.exports import CSV_TYPE, XLSX_TYPE, Column, export_response

ShortText = Annotated[str | None, QueryParameter(max_length=64)]
FormatParam = Annotated[
    Literal["csv", "xlsx"], QueryParameter(description="`csv` (UTF-8 with a BOM, for Excel) or `xlsx`.")
]
#: The export's columns (the web page's export has the same ones, translated).
EXPORT_HEADERS = (
    Column("time", "time", "datetime"),
    *(
        Column(key, key)
        for key in ("actor", "action", "target_type", "target_id", "request_id", "ip", "before", "after")
    ),
)


@dataclass
class ExportOperation(Operation):
    """The export answers a CSV or an XLSX file: declare both as binary bodies for the client."""

    def __post_init__(self) -> None:
        binary = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
        self.responses = {
            **(self.responses or {}),
            "200": OpenAPIResponse(
                description="The filtered entries as a spreadsheet",
                content={
                    CSV_TYPE: OpenAPIMediaType(schema=binary),
                    XLSX_TYPE: OpenAPIMediaType(schema=binary),
                },
            ),
        }


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

    @get(
        "/export",
        operation_id="export_audit_entries",
        summary="Export audit entries",
        dependencies=AUDIT_FILTERS,
        operation_class=ExportOperation,
    )
    async def export_audit_entries(
        self, ctx: Ctx, format: FormatParam = "csv", *, filters: Filters
    ) -> Response[bytes]:
        """Download the filtered log (newest first, at most 10,000 entries) as CSV or XLSX, with
        each entry's values before and after the change as JSON."""
        entries, names = await services.export_entries(ctx, filters)
        rows = [services.export_row(e, names.get(e.id)) for e in entries]
        return export_response(format, "audit-log", EXPORT_HEADERS, rows)
