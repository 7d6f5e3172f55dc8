"""Org-unit endpoints."""

from __future__ import annotations

import uuid

import msgspec
from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units import services
from bizsuite.core.org_units.models import OrgUnitKind
from bizsuite.core.org_units.schemas import (
    OrgUnitCreate,
    OrgUnitFilters,
    OrgUnitMove,
    OrgUnitOut,
    OrgUnitPage,
    OrgUnitUpdate,
)
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam


def org_unit_filters(
    parent_id: FromQuery[uuid.UUID | None] = None,
    kind: FromQuery[OrgUnitKind | None] = None,
    include_archived: FromQuery[bool] = False,
) -> OrgUnitFilters:
    """The org-unit list's filters from their typed query parameters (the API list and the pages)."""
    return OrgUnitFilters(parent_id=parent_id, kind=kind, include_archived=include_archived)


#: Inject :func:`org_unit_filters` as ``filters``.
ORG_UNIT_FILTERS = {"filters": Provide(org_unit_filters, sync_to_thread=False)}
Filters = NamedDependency[OrgUnitFilters]


def _out(unit: object) -> OrgUnitOut:
    return msgspec.convert(unit, OrgUnitOut, from_attributes=True)


class OrgUnitController(Controller):
    """The tenant's organisation tree."""

    path = "/api/v1/org-units"
    tags = ["org_units"]
    guards = [tenant_guard]

    @get(operation_id="list_org_units", summary="List org units", dependencies=ORG_UNIT_FILTERS)
    async def list_org_units(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        *,
        filters: Filters,  # after the page parameters: the OpenAPI lists them first
    ) -> OrgUnitPage:
        """List org units, oldest first, optionally filtered by parent or kind."""
        units, next_cursor = await services.list_org_units(ctx, filters, limit=limit, cursor=cursor)
        return OrgUnitPage(items=[_out(u) for u in units], next_cursor=next_cursor)

    @post(operation_id="create_org_unit", summary="Create an org unit", opt={"min_role": Role.ADMIN})
    async def create_org_unit(self, ctx: Ctx, data: JSONBody[OrgUnitCreate]) -> OrgUnitOut:
        """Create an org unit under an active parent."""
        return _out(await services.create_org_unit(ctx, data))

    @get("/{org_unit_id:uuid}", operation_id="get_org_unit", summary="Get an org unit")
    async def get_org_unit(self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID]) -> OrgUnitOut:
        """Return one org unit."""
        return _out(await services.get_org_unit(ctx, org_unit_id))

    @patch(
        "/{org_unit_id:uuid}",
        operation_id="update_org_unit",
        summary="Update an org unit",
        opt={"min_role": Role.ADMIN},
    )
    async def update_org_unit(
        self,
        ctx: Ctx,
        org_unit_id: FromPath[uuid.UUID],
        data: JSONBody[OrgUnitUpdate],
        if_match: IfMatch = None,
    ) -> OrgUnitOut:
        """Rename, re-code or re-kind an org unit."""
        return _out(await services.update_org_unit(ctx, org_unit_id, data, if_match))

    @post(
        "/{org_unit_id:uuid}/move",
        operation_id="move_org_unit",
        summary="Move an org unit",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def move_org_unit(
        self,
        ctx: Ctx,
        org_unit_id: FromPath[uuid.UUID],
        data: JSONBody[OrgUnitMove],
        if_match: IfMatch = None,
    ) -> OrgUnitOut:
        """Move an org unit and its subtree under another parent."""
        return _out(await services.move_org_unit(ctx, org_unit_id, data, if_match))

    @post(
        "/{org_unit_id:uuid}/archive",
        operation_id="archive_org_unit",
        summary="Archive an org unit",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def archive_org_unit(
        self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> OrgUnitOut:
        """Archive an org unit whose children are archived."""
        return _out(await services.archive_org_unit(ctx, org_unit_id, if_match))

    @post(
        "/{org_unit_id:uuid}/restore",
        operation_id="restore_org_unit",
        summary="Restore an org unit",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def restore_org_unit(
        self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> OrgUnitOut:
        """Restore an archived org unit."""
        return _out(await services.restore_org_unit(ctx, org_unit_id, if_match))

    @delete(
        "/{org_unit_id:uuid}",
        operation_id="delete_org_unit",
        summary="Delete an org unit",
        opt={"min_role": Role.ADMIN},
    )
    async def delete_org_unit(
        self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete an org unit without children."""
        await services.delete_org_unit(ctx, org_unit_id, if_match)
