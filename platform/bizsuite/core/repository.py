"""Small shared data-access helpers: fetch by id or 404, versioned updates, list pages."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.errors import (
    NotFoundProblem,
    PreconditionFailedProblem,
    PreconditionRequiredProblem,
    ValidationProblem,
)
from bizsuite.core.pagination import keyset, page_of

ModelT = TypeVar("ModelT")


async def fetch(session: AsyncSession, model: type[ModelT], row_id: uuid.UUID, *, what: str = "") -> ModelT:
    """Return the row with this id in the current tenant, or raise 404 (also for other tenants' ids)."""
    statement: Any = select(model).where(model.id == row_id)  # type: ignore[attr-defined]
    row: ModelT | None = await session.scalar(statement)
    if row is None:
        raise NotFoundProblem(f"No {what or model.__name__} with id {row_id}.")
    return row


async def fetch_reference(
    session: AsyncSession, model: type[ModelT], row_id: uuid.UUID, *, field: str
) -> ModelT:
    """Return a row referenced from a request body, or a 422 naming the body field."""
    statement: Any = select(model).where(model.id == row_id)  # type: ignore[attr-defined]
    row: ModelT | None = await session.scalar(statement)
    if row is None:
        raise ValidationProblem.for_field(field, "no such record")
    return row


def parse_if_match(if_match: str | None) -> int:
    """Return the version named by ``If-Match`` (``3``, ``"3"`` or ``W/"3"``)."""
    if if_match is None:
        raise PreconditionRequiredProblem(
            "Send If-Match with the version you read, so concurrent edits are not lost."
        )
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise ValidationProblem.for_field("If-Match", "must be the record's version number", source="header")
    return int(value)


def check_version(row: Any, if_match: str | None) -> None:
    """Refuse a write based on a stale read (412) before anything changes."""
    expected = parse_if_match(if_match)
    if row.version != expected:
        raise PreconditionFailedProblem(
            f"The record is at version {row.version}, not {expected}; reload it and try again."
        )


async def list_page(
    session: AsyncSession,
    statement: Select[Any],
    entity: Any,
    *,
    limit: int,
    cursor: str | None,
    descending: bool = False,
) -> tuple[list[Any], str | None]:
    """Run a keyset-paginated list query and return ``(rows, next_cursor)``."""
    rows = (
        await session.scalars(keyset(statement, entity, limit=limit, cursor=cursor, descending=descending))
    ).all()
    return page_of(rows, limit)
