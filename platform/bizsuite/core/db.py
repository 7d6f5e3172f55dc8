"""ORM base, tenant mixin and the one place where tenant scope is applied to every statement."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Uuid,
    event,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    ORMExecuteState,
    Session,
    declared_attr,
    mapped_column,
    with_loader_criteria,
)
from sqlalchemy.util import await_only

from bizsuite.core.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: ``Session.info`` key holding the tenant every statement of the session is scoped to.
TENANT_INFO_KEY = "tenant_id"
#: Execution option that deliberately lifts the ORM tenant scope (operator and reseller code only).
ALL_TENANTS = "all_tenants"


def utcnow() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True), uuid.UUID: Uuid}


class TenantScoped:
    """Mixin for every tenant table: primary key ``(tenant_id, id)`` with a UUIDv7 id.

    Foreign keys to another tenant table must be composite ``(tenant_id, x_id)``
    (see :func:`tenant_fk`), so a row can only reference rows of its own tenant.
    """

    @declared_attr
    def tenant_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805
        return mapped_column(ForeignKey("tenants.id"), primary_key=True, sort_order=-2)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id, sort_order=-1)


class Timestamped:
    """``created_at`` / ``updated_at`` columns kept in UTC."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))
    updated_at: Mapped[datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=text("now()")
    )


class Versioned:
    """Optimistic concurrency: ``version`` grows on every update; stale writes fail."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class TenantContextMissingError(RuntimeError):
    """A tenant-scoped statement ran in a session without a tenant (fail closed)."""


def current_tenant(session: Session | AsyncSession) -> uuid.UUID | None:
    """Return the tenant the session is scoped to, if any."""
    info = session.info
    value = info.get(TENANT_INFO_KEY)
    return value if isinstance(value, uuid.UUID) else None


_SET_CONFIG = text("SELECT set_config(:name, :value, true)")


async def set_db_setting(session: AsyncSession, name: str, value: str) -> None:
    """Set a transaction-local PostgreSQL setting (``set_config(..., true)``) with bound values."""
    await session.execute(_SET_CONFIG, {"name": name, "value": value})


async def bind_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """Scope the session, and PostgreSQL's row-level security, to one tenant."""
    session.info[TENANT_INFO_KEY] = tenant_id
    if session.in_transaction():
        await set_db_setting(session, "app.tenant_id", str(tenant_id))


_SET_TENANT = text("SELECT set_config('app.tenant_id', :tid, true)")
_SET_TENANT_ASYNCPG = "SELECT set_config('app.tenant_id', $1, true)"
#: The transaction's first round trip, tenant included (simple protocol: two statements, one message).
_BEGIN_IN_TENANT = "BEGIN; SELECT set_config('app.tenant_id', '{}', true)"


class _BegunInTenant:
    """Stands in for asyncpg's transaction object in SQLAlchemy's asyncpg adapter, for a
    transaction begun together with its tenant setting: commit and rollback are the same plain
    statements asyncpg's own object sends."""

    __slots__ = ("_connection", "tenant")

    def __init__(self, connection: Any, tenant: str) -> None:
        self._connection = connection
        #: The tenant the transaction was begun in (a session joining it needs no setting then).
        self.tenant = tenant

    async def commit(self) -> None:
        await self._connection.execute("COMMIT")

    async def rollback(self) -> None:
        await self._connection.execute("ROLLBACK")


def begin_in_tenant_statement(tenant_id: uuid.UUID) -> str:
    """The first message of a transaction in ``tenant_id``: ``BEGIN`` and the tenant setting."""
    # A UUID: its text is hex digits and dashes only.
    return _BEGIN_IN_TENANT.format(tenant_id)


async def begin_in_tenant(adapter: Any, tenant_id: uuid.UUID) -> None:
    """Begin a transaction on SQLAlchemy's asyncpg adapter with the tenant setting in the same
    message (the adapter must :func:`begins_plainly`); failures are the DB-API's errors."""
    async with adapter._execute_mutex:  # as the adapter's own statements: one at a time
        try:
            await adapter._connection.execute(begin_in_tenant_statement(tenant_id))
        except Exception as error:
            adapter._handle_exception(error)  # raises the DB-API's error for it
        adapter._transaction = _BegunInTenant(adapter._connection, str(tenant_id))


def begun_in_tenant(adapter: Any, tenant_id: uuid.UUID) -> bool:
    """Whether the adapter's transaction was begun by :func:`begin_in_tenant` in ``tenant_id``."""
    begun = getattr(adapter, "_transaction", None)
    return isinstance(begun, _BegunInTenant) and begun.tenant == str(tenant_id)


def begins_plainly(adapter: Any) -> bool:
    """Whether SQLAlchemy's asyncpg adapter would begin with a plain ``BEGIN`` (no transaction
    yet, default isolation, read-write): then the tenant setting can travel with it."""
    return (
        type(adapter).__name__ == "AsyncAdapt_asyncpg_connection"
        and getattr(adapter, "_transaction", False) is None
        and getattr(adapter, "isolation_level", False) is None
        and not getattr(adapter, "readonly", True)
        and not getattr(adapter, "deferrable", True)
    )


@event.listens_for(Session, "after_begin")
def _set_tenant_on_begin(session: Session, transaction: Any, connection: Any) -> None:
    tenant_id = current_tenant(session)
    if tenant_id is None:
        return
    if connection.dialect.paramstyle != "numeric_dollar":
        connection.execute(_SET_TENANT, {"tid": str(tenant_id)})
        return
    # asyncpg, at the start of every tenant transaction. SQLAlchemy's adapter begins lazily (a
    # BEGIN before the first statement); beginning here with the setting in the same message
    # saves a round trip on every request. Otherwise plain SQL, which skips statement caching.
    adapter = connection.connection.dbapi_connection
    if begun_in_tenant(adapter, tenant_id):
        return  # joining a transaction a request's plain read began in this tenant (core/unit_of_work.py)
    if not begins_plainly(adapter):
        connection.exec_driver_sql(_SET_TENANT_ASYNCPG, (str(tenant_id),))
        return
    try:
        await_only(begin_in_tenant(adapter, tenant_id))
    except BaseException as error:
        # As for any statement: SQLAlchemy's error, and a connection lost or left mid-operation
        # (cancelled) is discarded rather than returned to the pool.
        connection._handle_dbapi_exception(error, begin_in_tenant_statement(tenant_id), None, None, None)


async def fetch_plain(session: AsyncSession, sql: str, params: Sequence[Any]) -> list[Any]:
    """The rows of plain SQL (the driver's placeholders: ``$1``, ``$2``...) run on the session's
    own connection, in its transaction, as the driver gives them (tuples by position).

    For hot reads: SQLAlchemy's result objects cost more than a short query. Failures are
    SQLAlchemy's errors, as from any statement (the error handlers answer them the same way)."""
    rows: list[Any] = await session.run_sync(_fetch_on_cursor, sql, tuple(params))
    return rows


def _fetch_on_cursor(session: Session, sql: str, params: tuple[Any, ...]) -> list[Any]:
    connection: Connection = session.connection()
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params)
        rows = list(cursor.fetchall())
    except BaseException as error:
        # As for any statement: SQLAlchemy's error, and a connection lost or left mid-operation
        # (cancelled) is discarded rather than returned to the pool.
        connection._handle_dbapi_exception(error, sql, params, cursor, None)
    cursor.close()
    return rows


def _touches_tenant_tables(state: ORMExecuteState) -> bool:
    return any(issubclass(mapper.class_, TenantScoped) for mapper in state.all_mappers)


@event.listens_for(Session, "do_orm_execute")
def _scope_to_tenant(state: ORMExecuteState) -> None:
    if not state.is_orm_statement:
        # Core statements (tables, text) have no entities: loader criteria would not apply to
        # them (and ``all_mappers`` is empty). Row-level security scopes them in the database.
        return
    if state.is_column_load or state.is_relationship_load:
        return  # the criteria of the parent statement propagate
    if state.execution_options.get(ALL_TENANTS, False):
        return
    if not (state.is_select or state.is_update or state.is_delete):
        return
    tenant_id = current_tenant(state.session)
    if tenant_id is None:
        if _touches_tenant_tables(state):
            raise TenantContextMissingError("tenant-scoped statement without a tenant context")
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            TenantScoped,
            lambda cls: cls.tenant_id == tenant_id,
            include_aliases=True,
        )
    )


@event.listens_for(Session, "before_flush")
def _stamp_tenant_on_new_rows(session: Session, flush_context: Any, instances: Any) -> None:
    tenant_id = current_tenant(session)
    for obj in session.new:
        if not isinstance(obj, TenantScoped):
            continue
        if getattr(obj, "tenant_id", None) is None:
            if tenant_id is None:
                raise TenantContextMissingError(f"cannot insert {type(obj).__name__} without a tenant")
            obj.tenant_id = tenant_id
        elif tenant_id is not None and obj.tenant_id != tenant_id:
            raise TenantContextMissingError(f"{type(obj).__name__} belongs to another tenant")


def tenant_fk(column: str, target: str, *, ondelete: str | None = None) -> Any:
    """Return a composite ``(tenant_id, column)`` foreign key to ``target`` (``table.id``)."""
    from sqlalchemy import ForeignKeyConstraint

    table = target.split(".")[0]
    return ForeignKeyConstraint(
        ["tenant_id", column], [f"{table}.tenant_id", f"{table}.id"], ondelete=ondelete
    )
