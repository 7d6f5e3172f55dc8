"""Who is asking and in which tenant: the principal, the request context and the guards."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.billing.entitlements import (
    LimitUse,
    check_api_call,
    check_counted,
    check_route,
    counted_use,
    plan_includes,
)
from bizsuite.core.errors import ForbiddenProblem, UnauthorizedProblem
from bizsuite.core.identity.models import Role, User
from bizsuite.core.tenants.models import Tenant
from bizsuite.core.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from bizsuite.kit import SettingsSpec

T = TypeVar("T")


class PrincipalKind(enum.StrEnum):
    """How the caller authenticated."""

    ANONYMOUS = "anonymous"
    USER = "user"
    API_KEY = "api_key"
    OPERATOR = "operator"
    #: A reseller's API key (``core/resellers``): its own tenants' accounts, never their data.
    RESELLER = "reseller"
    #: A device's own key (a module's ``credentials``): only the routes made for that device.
    DEVICE = "device"


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller."""

    kind: PrincipalKind
    label: str = ""
    tenant: Tenant | None = None
    role: Role | None = None
    module_grants: frozenset[str] = field(default_factory=frozenset)
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    session_id: str | None = None
    #: The signed-in user's row (web sessions only), for their name, locale and time zone.
    user: User | None = None
    #: The reseller a reseller key belongs to.
    reseller_id: uuid.UUID | None = None
    #: The device a device key belongs to.
    device_id: uuid.UUID | None = None

    @property
    def actor_id(self) -> uuid.UUID | None:
        """The id recorded in the audit log."""
        return self.user_id or self.api_key_id

    def can_use_module(self, module: str) -> bool:
        """Whether the tenant has the module and this caller is granted it."""
        if self.tenant is None or module not in self.tenant.modules:
            return False
        if not plan_includes(self.tenant, module):
            return False
        if self.role is not None and self.role.at_least(Role.ADMIN):
            return True
        return module in self.module_grants


ANONYMOUS = Principal(kind=PrincipalKind.ANONYMOUS)


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


#: Columns never copied into the audit log.
SECRET_COLUMNS = frozenset({"password_hash", "key_hash", "token_hash", "totp_secret", "csrf_token"})


def snapshot(obj: Any) -> dict[str, Any]:
    """Return a row's column values as JSON-safe data for the audit log (secrets left out)."""
    mapper = sa_inspect(obj).mapper
    return {
        column.key: _jsonable(getattr(obj, column.key))
        for column in mapper.column_attrs
        if column.key not in SECRET_COLUMNS and column.key != "tenant_id"
    }


@dataclass(slots=True, init=False)
class Context:
    """Everything a service needs about the current request: session, caller, request meta."""

    principal: Principal
    request_id: str | None
    ip: str | None
    #: The request's database work (``core/unit_of_work.py``): plain reads, and the session.
    work: UnitOfWork
    #: Area settings read in this request (``settings``), by key.
    _settings: dict[str, Any] = field(repr=False)

    def __init__(
        self,
        session: AsyncSession | None = None,
        *,
        principal: Principal,
        request_id: str | None = None,
        ip: str | None = None,
        work: UnitOfWork | None = None,
        _settings: dict[str, Any] | None = None,
    ) -> None:
        """A request's context (``work``), or one around a ``session`` its maker ends (jobs, CLI)."""
        if work is None:
            if session is None:
                raise TypeError("Context needs a session or a unit of work")
            work = UnitOfWork.around(session)
        self.principal = principal
        self.request_id = request_id
        self.ip = ip
        self.work = work
        self._settings = {} if _settings is None else _settings

    @property
    def session(self) -> AsyncSession:
        """The request's ORM session (made on first use, in the request's one transaction)."""
        return self.work.session

    async def settings(self, spec: SettingsSpec[T]) -> T:
        """An area's settings, read once per request (then memoised on this context)."""
        if spec.key not in self._settings:
            self._settings[spec.key] = await spec.load(self)
        value: T = self._settings[spec.key]
        return value

    def forget_settings(self, spec: SettingsSpec[Any]) -> None:
        """Drop the memoised settings after they were changed in this request."""
        self._settings.pop(spec.key, None)

    @property
    def tenant(self) -> Tenant:
        """The caller's tenant (guards guarantee there is one on tenant routes)."""
        if self.principal.tenant is None:
            raise UnauthorizedProblem("This operation needs a tenant credential.")
        return self.principal.tenant

    @property
    def tenant_id(self) -> uuid.UUID:
        """The caller's tenant id."""
        return self.tenant.id

    async def check_limit(self, name: str, *, adding: int = 1) -> None:
        """Refuse creating ``adding`` more of a plan limit an area counts (``accounts``,
        ``venues``: its ``UsageMeter``) beyond the tenant's plan with its add-ons: 402
        ``plan-limit-reached`` naming the limit and the usage. Call it before the rows are added;
        it holds the tenant's lock on that limit until the transaction ends. Free when unlimited."""
        await check_counted(self.session, self.tenant, name, adding=adding)

    async def limit_use(self, name: str) -> LimitUse | None:
        """A counted plan limit and its usage now (None: the plan does not limit it), e.g. to
        refuse the rows of an import beyond it (``LimitUse.left``, ``LimitUse.beyond()``)."""
        return await counted_use(self.session, self.tenant, name)

    def audit(
        self,
        action: str,
        target: Any,
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        target_type: str | None = None,
        target_id: uuid.UUID | None = None,
    ) -> AuditEntry:
        """Record a write in the tenant's audit log, in the request's transaction."""
        entry = AuditEntry(
            actor_type=self.principal.kind.value,
            actor_id=self.principal.actor_id,
            actor_label=self.principal.label or None,
            action=action,
            target_type=target_type or getattr(target, "__tablename__", type(target).__name__),
            target_id=target_id if target_id is not None else getattr(target, "id", None),
            before=before,
            after=after,
            request_id=self.request_id,
            ip=self.ip,
        )
        self.session.add(entry)
        return entry


def principal_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """Return the principal the authentication middleware attached."""
    user = connection.scope.get("user")
    return user if isinstance(user, Principal) else ANONYMOUS


def authorize(principal: Principal, opt: dict[str, Any], default_role: Role, *, write: bool = False) -> None:
    """The one access check of API routes and pages: a tenant credential, the route's minimum
    role (``opt["min_role"]``, else ``default_role``) and, for a business module's routes
    (``opt["module"]``), the tenant's plan allowing it (``core/billing``: in the plan, not
    suspended, no ``write`` in read-only grace), the module enabled and granted to the caller."""
    if principal.kind is PrincipalKind.RESELLER:
        raise ForbiddenProblem("A reseller key manages its tenants' accounts, never their data.")
    if principal.kind is PrincipalKind.DEVICE:
        raise ForbiddenProblem("A device key reaches only its own device's routes.")
    if principal.tenant is None or principal.role is None:
        raise UnauthorizedProblem("Sign in or send an API key: `Authorization: Bearer <key>`.")
    needed: Role = opt.get("min_role", default_role)
    if not principal.role.at_least(needed):
        raise ForbiddenProblem(f"This needs the {needed.value} role or higher.")
    module = opt.get("module")
    if module:
        check_route(principal.tenant, module, write=write)
    if module and not principal.can_use_module(module):
        raise ForbiddenProblem(f"The {module} module is not enabled or not granted to you.")


async def tenant_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """API routes: :func:`authorize`, where reads default to viewer and writes to member.

    Routes declare ``opt={"min_role": Role.ADMIN}``; a module's router adds ``"module"``.
    """
    reads = connection.scope.get("method") in {"GET", "HEAD"}
    principal = principal_of(connection)
    authorize(principal, handler.opt, Role.VIEWER if reads else Role.MEMBER, write=not reads)
    # Metered in memory (core/billing/metering.py): no query, no write on the request path.
    check_api_call(principal.tenant, handler.opt.get("module"))  # type: ignore[arg-type]


async def operator_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Require the operator credential."""
    if principal_of(connection).kind is not PrincipalKind.OPERATOR:
        raise UnauthorizedProblem("This is an operator endpoint.")


async def reseller_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Require a reseller's API key."""
    if principal_of(connection).kind is not PrincipalKind.RESELLER:
        raise UnauthorizedProblem("This is a reseller endpoint: send a reseller API key.")


async def user_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Require a signed-in user (web session)."""
    if principal_of(connection).user_id is None:
        raise UnauthorizedProblem("Sign in first.")
