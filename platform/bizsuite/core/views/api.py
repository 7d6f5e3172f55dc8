"""Saved-view endpoints: a person's named list views, and those shared in the tenant."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.params import FromPath, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.core.views import services
from bizsuite.core.views.schemas import SavedViewCreate, SavedViewOut, SavedViewPage

ListKeyParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=100,
        pattern=r"^[a-z][a-z0-9_.]*$",
        description="Only the views of this list (``crm.accounts``).",
    ),
]


class SavedViewController(Controller):
    """Saved list views: filters, sort, columns and grouping under a name."""

    path = "/api/v1/saved-views"
    tags = ["views"]
    guards = [tenant_guard]

    @get(operation_id="list_saved_views", summary="List saved views")
    async def list_saved_views(
        self,
        ctx: Ctx,
        list_key: ListKeyParam = None,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> SavedViewPage:
        """The caller's own views and those shared in the tenant, by name."""
        items, next_cursor = await services.list_saved_views(ctx, list_key, limit=limit, cursor=cursor)
        return SavedViewPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_saved_view", summary="Save a view", opt={"min_role": Role.VIEWER})
    async def create_saved_view(self, ctx: Ctx, data: JSONBody[SavedViewCreate]) -> SavedViewOut:
        """Save a list's view for the caller (``shared``: for the whole tenant, managers and up)."""
        return await services.create_saved_view(ctx, data)

    @delete(
        "/{view_id:uuid}",
        operation_id="delete_saved_view",
        summary="Delete a saved view",
        opt={"min_role": Role.VIEWER},
    )
    async def delete_saved_view(
        self, ctx: Ctx, view_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete one of the caller's views (an admin may delete any shared view)."""
        await services.delete_saved_view(ctx, view_id, if_match)
