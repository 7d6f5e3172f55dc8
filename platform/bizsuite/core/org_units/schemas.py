"""Request and response bodies for org units."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec

from bizsuite.core.org_units.models import OrgUnitKind

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


class OrgUnitCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new org unit; without ``parent_id`` it is a root."""

    name: Name
    code: Code
    kind: OrgUnitKind
    parent_id: uuid.UUID | None = None


class OrgUnitUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value. Send ``If-Match: <version>``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    code: Code | msgspec.UnsetType = msgspec.UNSET
    kind: OrgUnitKind | msgspec.UnsetType = msgspec.UNSET


class OrgUnitFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The org-unit list's filters."""

    parent_id: uuid.UUID | None = None
    kind: OrgUnitKind | None = None
    include_archived: bool = False


class OrgUnitMove(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move a unit (and its subtree) under another parent, or to the root with ``null``."""

    parent_id: uuid.UUID | None


class OrgUnitOut(msgspec.Struct, kw_only=True):
    """An org unit."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    kind: OrgUnitKind
    name: str
    code: str
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class OrgUnitPage(msgspec.Struct, kw_only=True):
    """A page of org units; pass ``next_cursor`` as ``cursor`` for the next one."""

    items: list[OrgUnitOut]
    next_cursor: str | None
