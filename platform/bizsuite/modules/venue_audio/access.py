"""Whether players' open connections may stay open: their tenant's standing, followed as it changes.

A player's connection (its WebSocket or its feed) is admitted once, with its device key, its
tenant's status and plan, and may then stay open for days. A revoked key ends it with the venue's
news (``services.revoke_device_key``). A tenant suspended, or whose plan or modules no longer
include venue audio, is announced the way every change a credential depends on is: the principal
cache's notification (``core/identity/principals.py``: ``tenant:<id>``, or ``*``), heard by every
app process, and by the process that made the change at its commit. :class:`StandingWatch`
observes the app's principal cache and, for the tenants named that have players connected here,
re-reads their rows (one query for all of them, however many players are connected) and ends the
connections of each tenant that no longer admits players, with the problem a new connection
would get (a suspended tenant 403, a plan without venue audio 403, a subscription suspended 402).

A subscription also lapses with time, with no write (``core/billing/rules.py``: past due, then
read-only grace, then suspended): each connection checks the latest row in memory whenever it is
quiet (every 15 s), at no database cost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from litestar import Litestar
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from bizsuite.core.billing.entitlements import check_route
from bizsuite.core.context import Principal
from bizsuite.core.errors import ForbiddenProblem, ProblemError, TenantSuspendedProblem, UnauthorizedProblem
from bizsuite.core.framework import per_app
from bizsuite.core.tenants.models import Tenant, TenantStatus

log = logging.getLogger(__name__)

MODULE = "venue_audio"
#: How soon the tenants are read again when the database did not answer.
RETRY_S = 2.0


def refusal(tenant: Tenant | None) -> ProblemError | None:
    """Why a player of ``tenant`` may not be connected now (``None``: it may): the tenant gone or
    suspended (as ``services.device_principal`` answers a key), or its plan or modules without
    venue audio, or its subscription suspended (as ``connections.check_device`` answers)."""
    if tenant is None:
        return UnauthorizedProblem("Unknown or revoked device key.")
    if tenant.status is TenantStatus.SUSPENDED:
        return TenantSuspendedProblem("This tenant is suspended; contact your provider.")
    try:
        check_route(tenant, MODULE, write=False)
    except ProblemError as problem:
        return problem
    if MODULE not in tenant.modules:
        return ForbiddenProblem("The venue_audio module is not enabled.")
    return None


class Standing:
    """One open connection's standing: :meth:`check` raises the problem that ends it."""

    __slots__ = ("_tenant", "_wake", "refused")

    def __init__(self, tenant: _TenantPlayers, wake: Callable[[], None]) -> None:
        self._tenant = tenant
        self._wake = wake
        #: Why the connection must end, once its tenant stopped admitting players.
        self.refused: ProblemError | None = None

    def refuse(self, problem: ProblemError) -> None:
        if self.refused is None:
            self.refused = problem
            self._wake()

    def check(self, quiet: bool = False) -> None:
        """Raise the problem that ends the connection, if any; ``quiet`` (a keep-alive moment):
        also check in memory whether its subscription lapsed since the tenant was last read."""
        if self.refused is None and quiet:
            problem = refusal(self._tenant.row)
            if problem is not None:
                self.refused = problem
        if self.refused is not None:
            raise self.refused


class _TenantPlayers:
    """The connections of one tenant in this process, and its row as last read."""

    __slots__ = ("connections", "row")

    def __init__(self, row: Tenant | None) -> None:
        self.row = row
        self.connections: set[Standing] = set()


class StandingWatch:
    """This process's open player connections by tenant, ended when their tenant's standing
    changes (see the module's doc)."""

    def __init__(self, app: Litestar) -> None:
        self._app = app
        self._loop = asyncio.get_running_loop()
        self._tenants: dict[uuid.UUID, _TenantPlayers] = {}
        self._due: set[uuid.UUID] = set()  # tenants to read again
        self._task: asyncio.Task[None] | None = None
        app.state.principals.observe(self._heard)

    @contextlib.contextmanager
    def standing(self, principal: Principal, wake: Callable[[], None]) -> Iterator[Standing]:
        """Hold a connection of ``principal`` (admitted just now, with its tenant's row): its
        standing, refused (and ``wake`` called, in the event loop) if its tenant stops
        admitting players while it is open."""
        tenant = principal.tenant
        assert tenant is not None
        players = self._tenants.get(tenant.id)
        if players is None:
            players = self._tenants[tenant.id] = _TenantPlayers(tenant)
        standing = Standing(players, wake)
        players.connections.add(standing)
        try:
            yield standing
        finally:
            players.connections.discard(standing)
            if not players.connections and self._tenants.get(tenant.id) is players:
                del self._tenants[tenant.id]

    def _heard(self, payload: str) -> None:
        """The principal cache heard a change (in any thread): read the tenants it names again."""
        with contextlib.suppress(RuntimeError):  # the app's loop has closed: nothing is open
            self._loop.call_soon_threadsafe(self._changed, payload)

    def _changed(self, payload: str) -> None:
        named: set[uuid.UUID] = set()
        for token in payload.split():
            kind, _, ident = token.partition(":")
            if kind == "user":
                continue  # a device key depends on no user
            if kind != "tenant":
                named = set(self._tenants)  # "*", or anything not understood: all of them
                break
            with contextlib.suppress(ValueError):
                named.add(uuid.UUID(ident))
        named &= self._tenants.keys()
        if not named:
            return
        self._due |= named
        if self._task is None or self._task.done():
            self._task = self._loop.create_task(self._read_again(), name="venue audio player standing")

    async def _read_again(self) -> None:
        while self._due:
            due, self._due = self._due, set()
            try:
                async with self._app.state.sessionmaker() as session, session.begin():
                    rows = (await session.scalars(select(Tenant).where(Tenant.id.in_(due)))).all()
                    session.expunge_all()
            except (SQLAlchemyError, OSError) as exc:
                log.warning("player connections: tenants not read again (%s); retrying", exc)
                self._due |= due
                await asyncio.sleep(RETRY_S)
                continue
            found: dict[uuid.UUID, Any] = {row.id: row for row in rows}
            for tenant_id in due:
                players = self._tenants.get(tenant_id)
                if players is None:
                    continue  # its last connection closed meanwhile
                players.row = found.get(tenant_id)
                problem = refusal(players.row)
                if problem is not None:
                    log.info(
                        "ending %d player connection(s) of %s: %s",
                        len(players.connections),
                        tenant_id,
                        problem.title,
                    )
                    for standing in list(players.connections):
                        standing.refuse(problem)


def standing_watch(app: Litestar) -> StandingWatch:
    """The application's watch (one per process), made on first use in its event loop."""
    return per_app(app, "venue_audio_standing", lambda: StandingWatch(app))
