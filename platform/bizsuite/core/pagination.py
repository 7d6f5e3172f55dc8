"""Cursor (keyset) pagination on a sort key (``(created_at, id)`` unless a list names its own):
deep pages cost the same as the first."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
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

#: How a cursor value is read back, by the Python type of its key column.
_READERS: dict[type, Callable[[Any], Any]] = {
    datetime: datetime.fromisoformat,
    uuid.UUID: uuid.UUID,
    Decimal: lambda value: _finite(Decimal(value)),
    int: lambda value: _integer(value),
    str: str,
}


def _finite(value: Decimal) -> Decimal:
    # "NaN" or "Infinity" would sort oddly in SQL: a forged cursor, refused like any other.
    if not value.is_finite():
        raise ValueError("not a finite number")
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def _written(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value


def encode_cursor(*values: Any) -> str:
    """Encode the position after a row: its sort key's values (``created_at, id`` by default)."""
    raw = msgspec.json.encode([_written(v) for v in values])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *kinds: type) -> tuple[Any, ...]:
    """Decode a cursor into values of ``kinds`` (the key columns' Python types; by default
    ``datetime, UUID``), or raise a 400-class problem naming ``cursor`` (never a 500)."""
    kinds = kinds or (datetime, uuid.UUID)
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = msgspec.json.decode(base64.urlsafe_b64decode(padded))
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError("wrong number of values")
        return tuple(_READERS[kind](value) for kind, value in zip(kinds, values, strict=True))
    except (ValueError, TypeError, ArithmeticError, binascii.Error, msgspec.DecodeError) as exc:
        raise ValidationProblem.for_field("cursor", "invalid cursor", source="query") from exc


def _key_columns(entity: Any, keys: Sequence[Any] | None) -> Sequence[Any]:
    return keys if keys is not None else (entity.created_at, entity.id)


def keyset(
    statement: Select[Any],
    entity: Any = None,
    *,
    limit: int,
    cursor: str | None,
    descending: bool = False,
    keys: Sequence[Any] | None = None,
) -> Select[Any]:
    """Add keyset conditions, ordering and ``limit + 1`` (to know whether a next page exists).

    The sort key is ``keys`` (columns, the last one unique), by default ``entity``'s
    ``(created_at, id)``; it must lead an index for deep pages to cost what the first does.
    """
    columns = _key_columns(entity, keys)
    key = tuple_(*columns)
    if cursor:
        position = tuple_(*decode_cursor(cursor, *(column.type.python_type for column in columns)))
        statement = statement.where(key < position if descending else key > position)
    order = [column.desc() for column in columns] if descending else list(columns)
    return statement.order_by(*order).limit(limit + 1)


def page_of(
    rows: Sequence[RowT], limit: int, key: Callable[[Any], Sequence[Any]] | None = None
) -> tuple[list[RowT], str | None]:
    """Split ``limit + 1`` fetched rows into the page and the cursor of the next one.

    ``key(row)`` gives the row's sort-key values (default ``(created_at, id)``).
    """
    items = list(rows[:limit])
    if len(rows) <= limit or not items:
        return items, None
    last: Any = items[-1]
    return items, encode_cursor(*(key(last) if key is not None else (last.created_at, last.id)))
