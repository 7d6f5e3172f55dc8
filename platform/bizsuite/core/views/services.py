"""Saved views: list the caller's and the shared ones, save one, delete one."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ForbiddenProblem, NotFoundProblem
from bizsuite.core.identity.models import ApiKey, Role
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import check_version, fetch
from bizsuite.core.views.models import SavedView
from bizsuite.core.views.rules import view_query
from bizsuite.core.views.schemas import SavedViewCreate, SavedViewOut


async def _owner(ctx: Context) -> uuid.UUID:
    """The person views are saved for: the signed-in user, or the API key's creator."""
    if ctx.principal.user_id is not None:
        return ctx.principal.user_id
    creator = None
    if ctx.principal.api_key_id is not None:
        creator = await ctx.session.scalar(
            select(ApiKey.created_by).where(ApiKey.id == ctx.principal.api_key_id)
        )
    if creator is None:
        raise ForbiddenProblem("Saved views belong to a person; this caller has none.")
    return creator


def _view(row: SavedView, owner: uuid.UUID) -> SavedViewOut:
    return SavedViewOut(
        id=row.id,
        list_key=row.list_key,
        name=row.name,
        query=row.query,
        shared=row.shared,
        owner_user_id=row.owner_user_id,
        mine=row.owner_user_id == owner,
        created_at=row.created_at,
        version=row.version,
    )


async def list_saved_views(
    ctx: Context, list_key: str | None, *, limit: int, cursor: str | None
) -> tuple[list[SavedViewOut], str | None]:
    """The caller's own views and the views shared in the tenant (of one list, if named), by name."""
    owner = await _owner(ctx)
    statement = select(SavedView).where(or_(SavedView.owner_user_id == owner, SavedView.shared.is_(True)))
    if list_key is not None:
        statement = statement.where(SavedView.list_key == list_key)
    keys = (SavedView.name, SavedView.id)
    rows = (await ctx.session.scalars(keyset(statement, limit=limit, cursor=cursor, keys=keys))).all()
    items, next_cursor = page_of(rows, limit, key=lambda r: (r.name, r.id))
    return [_view(r, owner) for r in items], next_cursor


async def create_saved_view(ctx: Context, data: SavedViewCreate) -> SavedViewOut:
    """Save a view for the caller (409 naming ``name`` if they have one of that name on that list)."""
    owner = await _owner(ctx)
    if data.shared and (ctx.principal.role is None or not ctx.principal.role.at_least(Role.MANAGER)):
        raise ForbiddenProblem("Only managers and admins share views with the whole tenant.")
    taken = await ctx.session.scalar(
        select(SavedView.id).where(
            SavedView.owner_user_id == owner,
            SavedView.list_key == data.list_key,
            SavedView.name == data.name.strip(),
        )
    )
    if taken is not None:
        raise ConflictProblem.for_field("name", "you already have a view with this name")
    row = SavedView(
        owner_user_id=owner,
        list_key=data.list_key,
        name=data.name.strip(),
        shared=data.shared,
        query=view_query(data.query),
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("saved_view.created", row, after=snapshot(row))
    return _view(row, owner)


async def delete_saved_view(ctx: Context, view_id: uuid.UUID, if_match: str | None = None) -> SavedViewOut:
    """Delete a view: its owner, or an admin a shared one. Another person's private view is not
    found (404), as another tenant's is."""
    owner = await _owner(ctx)
    row = await fetch(ctx.session, SavedView, view_id, what="saved view")
    if row.owner_user_id != owner:
        if not row.shared:
            raise NotFoundProblem(f"No saved view {view_id}.")
        if ctx.principal.role is None or not ctx.principal.role.at_least(Role.ADMIN):
            raise ForbiddenProblem("Only its owner or an admin deletes a shared view.")
    if if_match is not None:
        check_version(row, if_match)
    view = _view(row, owner)
    before = snapshot(row)
    await ctx.session.delete(row)
    await ctx.session.flush()
    ctx.audit("saved_view.deleted", row, before=before, target_id=view_id)
    return view
