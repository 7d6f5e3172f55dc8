"""Request and response bodies of the chatter."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from bizsuite.core.chatter.models import MessageKind

NoteBody = Annotated[str, msgspec.Meta(min_length=1, max_length=10_000)]
#: How many members one note may mention, and files it may carry.
MAX_MENTIONS = 50
MAX_ATTACHMENTS = 20


class ChatterNoteCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A note on a record: ``mention_ids`` are members told of it, ``file_ids`` uploaded files
    (``POST /api/v1/files``) it carries."""

    body: NoteBody
    mention_ids: Annotated[list[uuid.UUID], msgspec.Meta(max_length=MAX_MENTIONS)] = msgspec.field(
        default_factory=list
    )
    file_ids: Annotated[list[uuid.UUID], msgspec.Meta(max_length=MAX_ATTACHMENTS)] = msgspec.field(
        default_factory=list
    )


class ChatterNoteUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A note's new text (its author only). Send ``If-Match``."""

    body: NoteBody | msgspec.UnsetType = msgspec.UNSET


class ChatterPerson(msgspec.Struct, kw_only=True):
    """A member, by name."""

    id: uuid.UUID
    name: str


class ChatterAttachment(msgspec.Struct, kw_only=True):
    """A file attached to a note (download it through ``/api/v1/files/{id}/download``)."""

    id: uuid.UUID
    name: str
    content_type: str
    size: int


class ChatterChange(msgspec.Struct, kw_only=True):
    """One tracked field's change, with the field's label and both values as shown."""

    field: str
    label: str
    old: str
    new: str
    old_value: Any = None
    new_value: Any = None


class ChatterMessageOut(msgspec.Struct, kw_only=True):
    """A chatter message (a note, or a finished activity's feedback)."""

    id: uuid.UUID
    target_type: str
    target_id: uuid.UUID
    kind: MessageKind
    body: str
    author_user_id: uuid.UUID | None
    author: str
    mentions: list[ChatterPerson]
    attachments: list[ChatterAttachment]
    created_at: datetime
    updated_at: datetime
    version: int


class ChatterFeedEntry(msgspec.Struct, kw_only=True):
    """One entry of a record's chatter, newest first: a ``note``, an ``activity_done`` message,
    a tracked ``change`` (from the audit log) or the record's ``created`` entry."""

    kind: Literal["note", "activity_done", "change", "created"]
    id: uuid.UUID
    occurred_at: datetime
    author: str | None
    message: ChatterMessageOut | None = None
    changes: list[ChatterChange] = msgspec.field(default_factory=list)


class ChatterFeedPage(msgspec.Struct, kw_only=True):
    """A page of a record's chatter, newest first."""

    items: list[ChatterFeedEntry]
    next_cursor: str | None


class ChatterFollowerCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Follow a record: yourself (no ``user_id``), or add a member as a follower."""

    user_id: uuid.UUID | None = None


class ChatterFollowerOut(msgspec.Struct, kw_only=True):
    """A follower of a record; ``by_default`` for its owner or creator."""

    user_id: uuid.UUID
    name: str
    by_default: bool


class ChatterFollowerList(msgspec.Struct, kw_only=True):
    """Who follows a record, and whether the caller does."""

    items: list[ChatterFollowerOut]
    following: bool
