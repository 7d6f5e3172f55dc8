"""Chatter rows: notes on a record (by its table and id) and who follows the record."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import Enum, ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned


class MessageKind(enum.StrEnum):
    """What a chatter message is: a note someone wrote, or the feedback of a finished activity."""

    NOTE = "note"
    ACTIVITY_DONE = "activity_done"


class ChatterMessage(TenantScoped, Timestamped, Versioned, Base):
    """A note on a record; mentioned members hear of it, attachments are files of the files area."""

    __tablename__ = "chatter_messages"
    __table_args__ = (
        Index("ix_chatter_messages_tenant_created", "tenant_id", "created_at", "id"),
        Index(
            "ix_chatter_messages_tenant_target", "tenant_id", "target_type", "target_id", "created_at", "id"
        ),
    )

    target_type: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[uuid.UUID]
    kind: Mapped[MessageKind] = mapped_column(
        Enum(MessageKind, name="chatter_message_kind", values_callable=lambda e: [m.value for m in e]),
        default=MessageKind.NOTE,
        server_default=MessageKind.NOTE.value,
    )
    body: Mapped[str] = mapped_column(Text)
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: The name shown for the author (a person's name or an API key's name).
    author_label: Mapped[str] = mapped_column(String(200))
    mentioned_user_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(Uuid()), default=list, server_default=text("'{}'::uuid[]")
    )


class ChatterFollower(TenantScoped, Timestamped, Base):
    """A member's choice to follow (or, for a record's owner, to stop following) a record."""

    __tablename__ = "chatter_followers"
    __table_args__ = (
        Index(
            "uq_chatter_followers_tenant_target_user",
            "tenant_id",
            "target_type",
            "target_id",
            "user_id",
            unique=True,
        ),
        Index("ix_chatter_followers_tenant_created", "tenant_id", "created_at", "id"),
    )

    target_type: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[uuid.UUID]
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    #: ``False`` records an unfollow of someone who follows by default (the record's owner).
    following: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
