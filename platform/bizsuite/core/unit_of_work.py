"""One request's database work: one transaction on one pooled connection, taken at first use.

The request pipeline (``core/http.py``) gives every request a :class:`UnitOfWork`; nothing is
opened until something reads or writes:

- **Plain reads** (:meth:`UnitOfWork.fetch`: the lists' SQL, ``web/lists.py``) check a connection
  out of the engine's pool and run on the driver itself. The transaction starts with the tenant
  setting in the same message (``BEGIN; SELECT set_config(...)``, ``core/db.py``) and the rows
  come back as the driver gives them. No ORM session is made for them: an API list read with a
  known credential builds none at all.
- **The ORM session** (:attr:`UnitOfWork.session`, ``ctx.session``) is made on first use. Made
  after a plain read, it joins that read's connection and transaction (its ``BEGIN`` then sends
  nothing); otherwise it takes its connection from the pool at its first statement, as any
  session does. The rows a request's principal carries (``core/identity/principals.py``) join it
  as it is made, as if loaded there.

Either way a request has one transaction in one tenant: :meth:`commit` flushes the session,
commits and gives the connection back; :meth:`close` rolls back whatever was not committed.
Failures are SQLAlchemy's errors, as from any statement, so the error handlers answer them the
same way (a lost or interrupted connection is discarded, never returned to the pool).

One difference from a session of its own: a session that joined a plain read's connection keeps
it until the unit commits or closes, also across a ``ctx.session.commit()`` in the middle of the
request (which still commits).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.util import await_only, greenlet_spawn

from bizsuite.core.db import (
    TENANT_INFO_KEY,
    begin_in_tenant,
    begin_in_tenant_statement,
    begins_plainly,
    bind_tenant,
    current_tenant,
    fetch_plain,
    set_db_setting,
)

log = logging.getLogger(__name__)

T = TypeVar("T")


class UnitOfWork:
    """A request's transaction: plain reads on the driver, the ORM session made on first use."""

    __slots__ = (
        "_connection",
        "_engine",
        "_joined",
        "_pending",
        "_session",
        "_sessionmaker",
        "held_until_sent",
        "tenant_id",
    )

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker: async_sessionmaker[AsyncSession] | None = sessionmaker
        engine = sessionmaker.kw.get("bind")
        # Plain reads need SQLAlchemy's asyncpg adapter (the engines of create_app); else the session.
        self._engine = (
            engine if isinstance(engine, AsyncEngine) and engine.dialect.driver == "asyncpg" else None
        )
        self.tenant_id: uuid.UUID | None = None
        self._session: AsyncSession | None = None
        self._connection: Connection | None = None  # taken by a plain read, in its transaction
        self._joined = False  # the session runs on that connection
        self._pending: list[Any] = []  # rows that join the session as it is made
        #: Committed only once the response is sent (see :meth:`hold_until_sent`).
        self.held_until_sent = False

    @classmethod
    def around(cls, session: AsyncSession) -> UnitOfWork:
        """The work of a session someone else made and ends (a job, the CLI, a test): everything,
        plain reads too, runs in that session."""
        work = cls.__new__(cls)
        work._sessionmaker = work._engine = work._connection = None
        work._session = session
        work._joined = False
        work._pending = []
        work.held_until_sent = False
        work.tenant_id = current_tenant(session)
        return work

    def hold_until_sent(self) -> None:
        """Keep the transaction open until the response is made (the request pipeline commits it
        then): a write, whose response must exist before its work is saved (and may be stored
        with it). A read's work is committed as soon as its handler returned, before rendering."""
        self.held_until_sent = True

    @property
    def info(self) -> dict[str, Any]:
        """The session's ``info`` (before it is made: what it will start with)."""
        if self._session is not None:
            return self._session.info
        assert self._sessionmaker is not None
        info: dict[str, Any] = self._sessionmaker.kw.get("info") or {}
        return info

    @property
    def opened(self) -> bool:
        """Whether a session or a connection is open (something to commit or roll back)."""
        return self._session is not None or self._connection is not None

    @property
    def session(self) -> AsyncSession:
        """The ORM session, made on first use (joining the transaction of a plain read before it)."""
        session = self._session
        if session is None:
            session = self._session = self._make_session()
        return session

    def _make_session(self) -> AsyncSession:
        assert self._sessionmaker is not None
        if self._connection is not None and self._engine is not None:
            session = self._sessionmaker(bind=AsyncConnection(self._engine, self._connection))
            self._joined = True
        else:
            session = self._sessionmaker()
        if self.tenant_id is not None:
            session.info[TENANT_INFO_KEY] = self.tenant_id
        pending, self._pending = self._pending, []
        for obj in pending:
            _attach(session, obj)
        return session

    def attach(self, obj: T) -> T:
        """A detached row as this request's own: in the session now if there is one, else as it is
        made (no query either way); the session's own instance if it already has the row."""
        if self._session is None:
            self._pending.append(obj)
            return obj
        return _attach(self._session, obj)

    async def bind_tenant(self, tenant_id: uuid.UUID) -> None:
        """Scope the work to one tenant: the ORM's criteria and row-level security."""
        self.tenant_id = tenant_id
        if self._session is not None:
            await bind_tenant(self._session, tenant_id)
        elif self._connection is not None:
            # A plain read began in another tenant: the session, joining its transaction, sets
            # the tenant as it begins on it (core/db.py).
            _ = self.session

    async def forget_tenant(self) -> None:
        """No tenant any more: no ORM scope, and the database setting emptied."""
        self.tenant_id = None
        session = self.session
        session.info.pop(TENANT_INFO_KEY, None)
        await set_db_setting(session, "app.tenant_id", "")

    async def fetch(self, sql: str, params: Sequence[Any]) -> list[Any]:
        """The rows of plain SQL (the driver's placeholders: ``$1``, ``$2``...), for reads, in the
        request's transaction and tenant, as the driver gives them (tuples by position)."""
        if self._session is not None or self._engine is None or self.tenant_id is None:
            return await fetch_plain(self.session, sql, params)
        connection = self._connection
        if connection is None:
            connection = await greenlet_spawn(_connect_in_tenant, self._engine.sync_engine, self.tenant_id)
            if connection is None:  # not a plain transaction here: the session's way
                return await fetch_plain(self.session, sql, params)
            if self._connection is not None:  # another read of this request took one meanwhile
                await greenlet_spawn(connection.close)
                connection = self._connection
            self._connection = connection
        adapter: Any = connection.connection.dbapi_connection
        try:
            if adapter._transaction is None:  # ended by an error someone caught
                await begin_in_tenant(adapter, self.tenant_id)
            async with adapter._execute_mutex:  # as the adapter's own statements: one at a time
                rows: list[Any] = await adapter._connection.fetch(sql, *params)
        except BaseException as error:
            await greenlet_spawn(_raise_as_statement, connection, adapter, error, sql, tuple(params))
            raise  # not reached: the line above raises SQLAlchemy's error for it
        return rows

    async def commit(self) -> None:
        """Commit the request's transaction (the session's changes flushed first) and give its
        connection back to the pool; the unit is then as new (a joined session is closed, its rows
        stay loaded)."""
        session, connection = self._session, self._connection
        if session is not None:
            await session.commit()
        if connection is not None:
            await greenlet_spawn(_commit_and_release, connection)
            self._connection = None
            if self._joined:
                assert session is not None
                self._session, self._joined = None, False
                await session.close()

    async def close(self) -> None:
        """Roll back whatever was not committed and give the connection back to the pool."""
        session, connection = self._session, self._connection
        self._session = self._connection = None
        self._joined = False
        try:
            if session is not None:
                await session.close()
        finally:
            if connection is not None:
                await greenlet_spawn(connection.close)

    async def end(self) -> None:
        """:meth:`close` whatever happens meanwhile: a cancelled request still gives its connection
        back (shielded), and a failure to roll back is logged, not raised (the error that matters
        is the one being answered; a connection that failed is discarded)."""
        if not self.opened:
            return
        try:
            await asyncio.shield(self.close())
        except Exception as exc:
            log.debug("rollback failed: %s", exc)


def _attach(session: AsyncSession, obj: T) -> T:
    present = session.sync_session.identity_map.get(sa_inspect(obj).key)
    if present is not None:  # the session has the row already: that one it is
        return present  # type: ignore[no-any-return]
    session.add(obj)
    return obj


def _connect_in_tenant(engine: Engine, tenant_id: uuid.UUID) -> Connection | None:
    """A pooled connection in a transaction begun in the tenant (one round trip); None when its
    adapter would not begin plainly (then the session's way is taken)."""
    connection = engine.connect()
    adapter = connection.connection.dbapi_connection
    if not begins_plainly(adapter):
        connection.close()
        return None
    try:
        await_only(begin_in_tenant(adapter, tenant_id))
    except BaseException as error:
        try:
            connection._handle_dbapi_exception(error, begin_in_tenant_statement(tenant_id), None, None, None)
        finally:
            connection.close()
    return connection


def _raise_as_statement(
    connection: Connection, adapter: Any, error: BaseException, sql: str, params: tuple[Any, ...]
) -> None:
    """Raise the driver's ``error`` as SQLAlchemy's error for the statement, as its own execution
    would (a lost or interrupted connection is invalidated: discarded, not pooled again)."""
    try:
        if isinstance(error, Exception):
            adapter._handle_exception(error)  # raises the DB-API's error for it
        raise error
    except BaseException as raised:
        connection._handle_dbapi_exception(raised, sql, params, None, None)


def _commit_and_release(connection: Connection) -> None:
    """Commit a plain read's transaction, if still open, and give the connection back."""
    adapter: Any = connection.connection.dbapi_connection
    try:
        adapter.commit()  # COMMIT (nothing when a joined session committed it already)
    except BaseException as error:
        connection._handle_dbapi_exception(error, "COMMIT", None, None, None)
    connection.close()
