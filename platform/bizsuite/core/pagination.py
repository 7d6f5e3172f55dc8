"""Cursor (keyset) pagination on ``(created_at, id)``: deep pages cost the same as the first."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, TypeVar

import msgspec
from litestar.params import QueryParameter
from sqlalchemy import Select, tuple_

from bizsuite.core.errors import ValidationProblem

MAX_LIMIT = 200
DEFAULT_LIMIT = 50

#: Query parameters shared by every list endpoint.
LimitParam = Annotated[
    int, QueryParameter(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")
]
CursorParam = Annotated[
    str | None,
    QueryParameter(max_length=200, description="Opaque cursor from the previous page's `next_cursor`."),
]

RowT = TypeVar("RowT")


def encode_cursor(created_at: datetime, row_id: uuid.UUID) -> str:
    """Encode the position after a row."""
    raw = msgspec.json.encode([created_at.isoformat(), str(row_id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    """Decode a cursor or raise a 400-class problem naming the ``cursor`` parameter."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, row_id = msgspec.json.decode(base64.urlsafe_b64decode(padded))
        return datetime.fromisoformat(created), uuid.UUID(row_id)
    except (ValueError, TypeError, binascii.Error, msgspec.DecodeError) as exc:
        raise ValidationProblem.for_field("cursor", "invalid cursor", source="query") from exc


def keyset(
    statement: Select[Any],
    entity: Any,
    *,
    limit: int,
    cursor: str | None,
    descending: bool = False,
) -> Select[Any]:
    """Add keyset conditions, ordering and ``limit + 1`` (to know whether a next page exists)."""
    key = tuple_(entity.created_at, entity.id)
    if cursor:
        position = tuple_(*decode_cursor(cursor))
        statement = statement.where(key < position if descending else key > position)
    order = (entity.created_at.desc(), entity.id.desc()) if descending else (entity.created_at, entity.id)
    return statement.order_by(*order).limit(limit + 1)


def page_of(rows: Sequence[RowT], limit: int) -> tuple[list[RowT], str | None]:
    """Split ``limit + 1`` fetched rows into the page and the cursor of the next one."""
    items = list(rows[:limit])
    if len(rows) <= limit or not items:
        return items, None
    last: Any = items[-1]
    return items, encode_cursor(last.created_at, last.id)
