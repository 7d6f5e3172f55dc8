"""Request and response bodies for sign-in, members, invitations and API keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec

from bizsuite.core.identity.models import Role
from bizsuite.core.tenants.schemas import ModuleName

Email = Annotated[str, msgspec.Meta(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Password = Annotated[str, msgspec.Meta(min_length=10, max_length=200)]
PersonName = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
TotpCode = Annotated[str, msgspec.Meta(pattern=r"^\d{6}$")]


class LoginRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Email and password, plus a TOTP code when the user turned TOTP on."""

    email: Email
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    totp_code: TotpCode | None = None
    tenant_slug: str | None = None


class TenantChoice(msgspec.Struct, kw_only=True):
    """A tenant the user belongs to, with their role there."""

    tenant_id: uuid.UUID
    slug: str
    name: str
    role: Role


class SessionOut(msgspec.Struct, kw_only=True):
    """The signed-in user, the active tenant and the CSRF token for writes."""

    user_id: uuid.UUID
    email: str
    name: str
    locale: str | None
    time_zone: str | None
    totp_enabled: bool
    tenant: TenantChoice | None
    tenants: list[TenantChoice]
    csrf_token: str
    expires_at: datetime


class SwitchTenantRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Make another of the user's tenants the active one."""

    tenant_id: uuid.UUID


class PasswordChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Change one's own password."""

    current_password: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    new_password: Password


class AccountPreferences(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One's own language and time zone; left out, the tenant's apply."""

    locale: Annotated[str, msgspec.Meta(max_length=16)] | None = None
    time_zone: Annotated[str, msgspec.Meta(max_length=64)] | None = None


class TotpSetup(msgspec.Struct, kw_only=True):
    """A new TOTP secret to add to an authenticator app, then confirm with a code."""

    secret: str
    otpauth_uri: str


class TotpCodeIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A six-digit TOTP code."""

    code: TotpCode


class MemberOut(msgspec.Struct, kw_only=True):
    """A user's membership in the tenant."""

    id: uuid.UUID
    user_id: uuid.UUID
    email: str
    name: str
    role: Role
    module_grants: list[ModuleName]
    created_at: datetime
    version: int
    #: Set while sign-in is locked after repeated failures (an admin can unlock it).
    sign_in_locked_until: datetime | None = None


class MemberPage(msgspec.Struct, kw_only=True):
    """A page of members."""

    items: list[MemberOut]
    next_cursor: str | None


class MemberUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Change a member's role or module grants. Send ``If-Match: <version>``."""

    role: Role | msgspec.UnsetType = msgspec.UNSET
    module_grants: list[ModuleName] | msgspec.UnsetType = msgspec.UNSET


class InvitationCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Invite someone by email with a role and module grants."""

    email: Email
    role: Role = Role.MEMBER
    module_grants: list[ModuleName] = msgspec.field(default_factory=list)
    expires_in_days: Annotated[int, msgspec.Meta(ge=1, le=30)] = 7


class InvitationOut(msgspec.Struct, kw_only=True):
    """An invitation (its token is only shown when it is created)."""

    id: uuid.UUID
    email: str
    role: Role
    module_grants: list[ModuleName]
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime


class InvitationPage(msgspec.Struct, kw_only=True):
    """A page of invitations."""

    items: list[InvitationOut]
    next_cursor: str | None


class InvitationAccept(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Accept an invitation: a new account chooses a name and password; an existing one signs in first."""

    token: Annotated[str, msgspec.Meta(min_length=10, max_length=200)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] | None = None
    name: PersonName | None = None


class ApiKeyCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new API key; its role cannot exceed the creator's."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    role: Role = Role.MEMBER
    module_grants: list[ModuleName] = msgspec.field(default_factory=list)
    expires_at: datetime | None = None


class ApiKeyOut(msgspec.Struct, kw_only=True):
    """An API key (never its secret)."""

    id: uuid.UUID
    name: str
    prefix: str
    role: Role
    module_grants: list[ModuleName]
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(msgspec.Struct, kw_only=True):
    """A new API key with its secret, shown this once."""

    api_key: ApiKeyOut
    secret: str


class ApiKeyPage(msgspec.Struct, kw_only=True):
    """A page of API keys."""

    items: list[ApiKeyOut]
    next_cursor: str | None
