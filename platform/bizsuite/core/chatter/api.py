"""Chatter endpoints: a record's feed, notes, and followers (any declared record type)."""

from __future__ import annotations

import uuid

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, JSONBody

from bizsuite.core.chatter import services
from bizsuite.core.chatter.schemas import (
    ChatterFeedPage,
    ChatterFollowerCreate,
    ChatterFollowerList,
    ChatterMessageOut,
    ChatterNoteCreate,
    ChatterNoteUpdate,
)
from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

RECORD = "/{target_type:str}/{target_id:uuid}"


class ChatterController(Controller):
    """The chatter of any record: ``target_type`` is the record's table (``crm_accounts``)."""

    path = "/api/v1/chatter"
    tags = ["chatter"]
    guards = [tenant_guard]

    @get(f"{RECORD}/entries", operation_id="list_chatter_entries", summary="List a record's chatter")
    async def list_chatter_entries(
        self,
        ctx: Ctx,
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ChatterFeedPage:
        """Notes, finished activities, tracked field changes (from the audit log) and the record's
        creation, newest first."""
        return await services.list_feed(ctx, target_type, target_id, limit=limit, cursor=cursor)

    @post(f"{RECORD}/notes", operation_id="create_chatter_note", summary="Write a note on a record")
    async def create_chatter_note(
        self,
        ctx: Ctx,
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
        data: JSONBody[ChatterNoteCreate],
    ) -> ChatterMessageOut:
        """Write a note; mentioned members and the record's followers get an inbox entry linking to it."""
        return await services.create_note(ctx, target_type, target_id, data)

    @get("/notes/{chatter_message_id:uuid}", operation_id="get_chatter_note", summary="Get a note")
    async def get_chatter_note(self, ctx: Ctx, chatter_message_id: FromPath[uuid.UUID]) -> ChatterMessageOut:
        """Return one chatter message."""
        return await services.get_message(ctx, chatter_message_id)

    @patch("/notes/{chatter_message_id:uuid}", operation_id="update_chatter_note", summary="Update a note")
    async def update_chatter_note(
        self,
        ctx: Ctx,
        chatter_message_id: FromPath[uuid.UUID],
        data: JSONBody[ChatterNoteUpdate],
        if_match: IfMatch = None,
    ) -> ChatterMessageOut:
        """Change a note's text (its author only)."""
        return await services.update_message(ctx, chatter_message_id, data, if_match)

    @delete("/notes/{chatter_message_id:uuid}", operation_id="delete_chatter_note", summary="Delete a note")
    async def delete_chatter_note(
        self, ctx: Ctx, chatter_message_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a note (its author or a manager); its attached files stay in the files area."""
        await services.delete_message(ctx, chatter_message_id, if_match)

    @get(f"{RECORD}/followers", operation_id="list_chatter_followers", summary="List a record's followers")
    async def list_chatter_followers(
        self, ctx: Ctx, target_type: FromPath[str], target_id: FromPath[uuid.UUID]
    ) -> ChatterFollowerList:
        """Who follows the record (its owner and creator by default) and whether the caller does."""
        return await services.list_followers(ctx, target_type, target_id)

    @post(f"{RECORD}/followers", operation_id="create_chatter_follower", summary="Follow a record")
    async def create_chatter_follower(
        self,
        ctx: Ctx,
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
        data: JSONBody[ChatterFollowerCreate],
    ) -> ChatterFollowerList:
        """Follow the record yourself, or add a member (``user_id``) as a follower."""
        return await services.follow(ctx, target_type, target_id, data.user_id)

    @delete(
        f"{RECORD}/followers/{{user_id:uuid}}",
        operation_id="delete_chatter_follower",
        summary="Unfollow a record",
    )
    async def delete_chatter_follower(
        self,
        ctx: Ctx,
        target_type: FromPath[str],
        target_id: FromPath[uuid.UUID],
        user_id: FromPath[uuid.UUID],
    ) -> None:
        """Stop following (yourself; a manager may remove anyone), also a default follower."""
        await services.unfollow(ctx, target_type, target_id, user_id)
