"""Identity rows. Users and web sessions are global; memberships, invitations and keys are per tenant."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned
from bizsuite.core.ids import new_id


class Role(enum.StrEnum):
    """Tenant roles, strongest first."""

    OWNER = "owner"
    ADMIN = "admin"
    MANAGER = "manager"
    MEMBER = "member"
    VIEWER = "viewer"

    @property
    def rank(self) -> int:
        """Return a number that grows with the role's power."""
        return len(ROLE_ORDER) - ROLE_ORDER.index(self)

    def at_least(self, other: Role) -> bool:
        """Whether this role has every power of ``other``."""
        return self.rank >= other.rank


ROLE_ORDER = list(Role)
ROLE_ENUM = Enum(Role, name="tenant_role", values_callable=lambda e: [m.value for m in e])


class User(Base, Timestamped, Versioned):
    """A person who signs in; may belong to several tenants."""

    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    locale: Mapped[str | None] = mapped_column(String(10))
    time_zone: Mapped[str | None] = mapped_column(String(64))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    disabled_at: Mapped[datetime | None]

    __table_args__ = (Index("uq_users_email_lower", text("lower(email)"), unique=True),)


class Membership(TenantScoped, Timestamped, Versioned, Base):
    """A user's role and module grants in one tenant."""

    __tablename__ = "memberships"
    __table_args__ = (
        Index("uq_memberships_tenant_user", "tenant_id", "user_id", unique=True),
        Index("ix_memberships_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_memberships_user", "user_id"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    role: Mapped[Role] = mapped_column(ROLE_ENUM)
    #: Modules a manager/member/viewer may use; owners and admins use every enabled module.
    module_grants: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), default=list, server_default=text("'{}'::varchar[]")
    )


class Invitation(TenantScoped, Timestamped, Base):
    """An invitation to join a tenant, accepted with a one-time token."""

    __tablename__ = "invitations"
    __table_args__ = (
        Index("ix_invitations_token_hash", "token_hash"),
        Index("ix_invitations_tenant_created", "tenant_id", "created_at", "id"),
    )

    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[Role] = mapped_column(ROLE_ENUM)
    module_grants: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), default=list, server_default=text("'{}'::varchar[]")
    )
    token_hash: Mapped[str] = mapped_column(String(64))
    invited_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    accepted_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[datetime | None]


class ApiKey(TenantScoped, Timestamped, Base):
    """A tenant API key: only its SHA-256 is stored; the secret is shown once."""

    __tablename__ = "api_keys"
    __table_args__ = (
        Index("ix_api_keys_key_hash", "key_hash"),
        Index("ix_api_keys_tenant_created", "tenant_id", "created_at", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    #: The first characters of the key, shown in lists so people can tell keys apart.
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64))
    role: Mapped[Role] = mapped_column(ROLE_ENUM)
    module_grants: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), default=list, server_default=text("'{}'::varchar[]")
    )
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    last_used_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class WebSession(Base):
    """A signed-in browser session (global: it can switch between the user's tenants)."""

    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_user", "user_id"),)

    #: SHA-256 of the cookie value.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tenants.id"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))


class SignInFailure(Base):
    """Failed sign-ins in a row for one account (by email) or one client address, and its lock.

    Global: sign-in happens before any tenant is known, and an address is nobody's tenant data.
    The durable record behind the in-process counters of ``lockout.SignInGuard``.
    """

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_last_failed", "last_failed_at"),)

    #: ``account:<lower-case email>`` or ``address:<client address>``.
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    last_failed_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    locked_until: Mapped[datetime | None]
