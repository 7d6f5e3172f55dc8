"""Reseller rows (global: a reseller stands above its tenants, so no tenant scope applies)."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, Timestamped, Versioned, utcnow
from bizsuite.core.ids import new_id


class ResellerStatus(enum.StrEnum):
    """Whether the reseller's keys work."""

    ACTIVE = "active"
    SUSPENDED = "suspended"


class Reseller(Base, Timestamped, Versioned):
    """A partner (operator-created) that provisions tenants within its allowance."""

    __tablename__ = "resellers"
    __table_args__ = (
        CheckConstraint("max_tenants IS NULL OR max_tenants >= 0", name="allowance_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    #: How many tenants it may have; ``None`` is unlimited.
    max_tenants: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[ResellerStatus] = mapped_column(
        Enum(ResellerStatus, name="reseller_status", values_callable=lambda e: [m.value for m in e]),
        default=ResellerStatus.ACTIVE,
        server_default=ResellerStatus.ACTIVE.value,
    )


class ResellerApiKey(Base):
    """A reseller's API key: only its SHA-256 is stored; the secret is shown once."""

    __tablename__ = "reseller_api_keys"
    __table_args__ = (Index("ix_reseller_api_keys_key_hash", "key_hash", unique=True),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    reseller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resellers.id"))
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))
    revoked_at: Mapped[datetime | None]


class ResellerTenant(Base):
    """A tenant a reseller provisioned (and so may look after)."""

    __tablename__ = "reseller_tenants"
    __table_args__ = (Index("ix_reseller_tenants_reseller", "reseller_id", "created_at"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resellers.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))


class ResellerUser(Base, Timestamped, Versioned):
    """A person who signs in to the reseller portal for one reseller (global, like ``users``).

    Separate from tenant users: a reseller user reaches only the portal, never a tenant's pages.
    """

    __tablename__ = "reseller_users"
    __table_args__ = (
        Index("uq_reseller_users_email_lower", text("lower(email)"), unique=True),
        Index("ix_reseller_users_reseller", "reseller_id"),
        Index("ix_reseller_users_password_token_hash", "password_token_hash"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    reseller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resellers.id"))
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(200))
    locale: Mapped[str | None] = mapped_column(String(10))
    #: argon2id (``core/identity/security.py``); ``None`` until the set-password link is used.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    #: SHA-256 of the one-time set-password link's token, and when the link lapses.
    password_token_hash: Mapped[str | None] = mapped_column(String(64))
    password_token_expires_at: Mapped[datetime | None]


class ResellerWebSession(Base):
    """A signed-in reseller portal session; the id is the SHA-256 of the cookie value."""

    __tablename__ = "reseller_web_sessions"
    __table_args__ = (Index("ix_reseller_web_sessions_user", "reseller_user_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reseller_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("reseller_users.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))
