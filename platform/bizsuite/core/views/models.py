"""Saved list views."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned


class SavedView(TenantScoped, Timestamped, Versioned, Base):
    """A named view of one list (its query string: filters, sort, columns, group), a user's own or
    shared with everyone in the tenant."""

    __tablename__ = "saved_views"
    __table_args__ = (
        UniqueConstraint("tenant_id", "owner_user_id", "list_key", "name", name="uq_saved_views_name"),
        Index("ix_saved_views_tenant_list", "tenant_id", "list_key", "name", "id"),
    )

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    #: The list the view belongs to (``crm.accounts``).
    list_key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    shared: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    #: The list's query string without paging (``status=active&sort=-name&group=owner``).
    query: Mapped[str] = mapped_column(String(2000))
