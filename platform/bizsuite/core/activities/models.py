"""Scheduled activities: something to do about a record (by its table and id), by a day, by someone."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, Index, SmallInteger, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned


class ActivityType(enum.StrEnum):
    """What kind of thing is to be done."""

    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    TODO = "todo"


class ActivityStatus(enum.StrEnum):
    """Planned until someone marks it done (a cancelled activity is deleted)."""

    PLANNED = "planned"
    DONE = "done"


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class ScheduledActivity(TenantScoped, Timestamped, Versioned, Base):
    """A call, meeting, email or to-do due on a day, assigned to a member, about one record."""

    __tablename__ = "scheduled_activities"
    __table_args__ = (
        Index("ix_scheduled_activities_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_scheduled_activities_tenant_target", "tenant_id", "target_type", "target_id", "due_date"),
        Index(
            "ix_scheduled_activities_tenant_assignee", "tenant_id", "assignee_user_id", "status", "due_date"
        ),
        Index(
            "ix_scheduled_activities_reminders",
            "tenant_id",
            "due_date",
            postgresql_where=text("status = 'planned' AND reminder_stage < 2"),
        ),
    )

    target_type: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[uuid.UUID]
    activity_type: Mapped[ActivityType] = mapped_column(_enum(ActivityType, "activity_type"))
    summary: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[date] = mapped_column(Date)
    assignee_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[ActivityStatus] = mapped_column(
        _enum(ActivityStatus, "activity_status"),
        default=ActivityStatus.PLANNED,
        server_default=ActivityStatus.PLANNED.value,
    )
    feedback: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None]
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: Reminders sent: 0 none, 1 the due-day reminder, 2 the overdue one.
    reminder_stage: Mapped[int] = mapped_column(SmallInteger, default=0, server_default=text("0"))
