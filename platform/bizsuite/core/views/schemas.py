"""Request and response bodies for saved list views."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec

ListKey = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=100,
        pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$",
        examples=["crm.accounts"],
    ),
]
ViewName = Annotated[
    str,
    msgspec.Meta(
        min_length=1, max_length=100, pattern=r"^[^\x00]*[^\x00\s][^\x00]*$", examples=["我的A类客户"]
    ),
]
ViewQuery = Annotated[
    str, msgspec.Meta(max_length=2000, pattern=r"^[^\x00]*$", examples=["tier=A&sort=-trailing_revenue"])
]


class SavedViewCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A named view of a list: its query string (filters, sort, columns, group); paging is dropped."""

    list_key: ListKey
    name: ViewName
    query: ViewQuery
    #: Shown to everyone in the tenant (managers and above may share).
    shared: bool = False


class SavedViewOut(msgspec.Struct, kw_only=True):
    """A saved view; ``mine`` tells the caller's own views from views others shared."""

    id: uuid.UUID
    list_key: str
    name: str
    query: str
    shared: bool
    owner_user_id: uuid.UUID
    mine: bool
    created_at: datetime
    version: int


class SavedViewPage(msgspec.Struct, kw_only=True):
    """A page of saved views, by name."""

    items: list[SavedViewOut]
    next_cursor: str | None
