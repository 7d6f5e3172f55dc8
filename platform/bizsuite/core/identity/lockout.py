"""Sign-in protection: failed sign-ins counted per account and per client address, with locks.

Two layers. ``SignInGuard`` lives in the process: it remembers the locks it has seen and how many
sign-ins each address has in flight, so a locked account or a flooding address is refused before
any database work (no pool connection is taken to say no). The table ``sign_in_failures`` is the
durable record: it survives restarts and is shared by every worker, and the in-process copy of a
lock is checked against it again after ``RECHECK_SECONDS`` (so an admin's unlock reaches every
worker within that time).

A run of ``threshold`` failures locks the key for ``BASE_LOCK_SECONDS``; every further failure
after a lock doubles it, up to ``MAX_LOCK_SECONDS``. A success clears the account's run; a quiet
``FORGET_AFTER`` clears any run. While a key is locked even the right password is refused.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.db import utcnow
from bizsuite.core.errors import RateLimitedProblem
from bizsuite.core.identity import security
from bizsuite.core.identity.models import SignInFailure

ACCOUNT_THRESHOLD = 5
#: Higher than an account's: an office behind one address shares it.
ADDRESS_THRESHOLD = 20
BASE_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 3600
FORGET_AFTER = dt.timedelta(minutes=15)
RECHECK_SECONDS = 10.0
#: Sign-ins from one address being checked at once; more are refused at once (retry in a second).
MAX_IN_FLIGHT_PER_ADDRESS = 8


class SignInLockedProblem(RateLimitedProblem):
    """Too many failed sign-ins for this account or from this address: locked for a while."""

    slug = "sign-in-locked"
    title = "Sign-in temporarily locked"

    def __init__(self, retry_after: int, *, scope: str) -> None:
        what = "this account" if scope == "account" else "your network address"
        super().__init__(
            f"Too many failed sign-ins for {what}; try again in {retry_after} seconds.",
            headers={"Retry-After": str(retry_after)},
        )
        self.retry_after = retry_after
        self.scope = scope


def account_key(email: str) -> str:
    """The counter of an account (by email, so unknown emails behave like known ones)."""
    return "account:" + email.strip().lower()


def address_key(address: str | None) -> str:
    """The counter of a client address."""
    return "address:" + (address or "unknown")


def lock_seconds(failures: int, threshold: int) -> int:
    """How long a run of ``failures`` locks: 0 below the threshold, then doubling to the cap."""
    if failures < threshold:
        return 0
    return int(min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** min(failures - threshold, 20)))


def _threshold(key: str) -> int:
    return ACCOUNT_THRESHOLD if key.startswith("account:") else ADDRESS_THRESHOLD


def _scope(key: str) -> str:
    return key.partition(":")[0]


@dataclass
class SignInGuard:
    """What this process knows of sign-in locks, and the sign-ins each address has in flight."""

    clock: Callable[[], float] = time.time
    _locks: dict[str, tuple[float, float]] = field(default_factory=dict)  # key -> (until, recheck at)
    _in_flight: dict[str, int] = field(default_factory=dict)

    def refuse_if_locked(self, keys: Iterable[str]) -> None:
        """Raise ``SignInLockedProblem`` for a lock known here (no database work)."""
        now = self.clock()
        for key in keys:
            entry = self._locks.get(key)
            if entry is None:
                continue
            until, recheck_at = entry
            if until <= now or recheck_at <= now:
                del self._locks[key]  # over, or time to ask the table again
                continue
            raise SignInLockedProblem(max(1, math.ceil(until - now)), scope=_scope(key))

    def remember(self, key: str, locked_until: dt.datetime | None) -> None:
        """Keep a lock read from (or written to) the table."""
        if locked_until is None:
            self._locks.pop(key, None)
            return
        until = locked_until.timestamp()
        if until > self.clock():
            if len(self._locks) > 100_000:
                self._locks.clear()
            self._locks[key] = (until, self.clock() + RECHECK_SECONDS)

    def forget(self, key: str) -> None:
        """Drop a lock (an admin unlocked the account, or a sign-in succeeded)."""
        self._locks.pop(key, None)

    @asynccontextmanager
    async def attempt(self, address: str | None) -> AsyncIterator[None]:
        """Count a sign-in in flight from ``address``; refuse beyond the per-address bound."""
        key = address_key(address)
        if self._in_flight.get(key, 0) >= MAX_IN_FLIGHT_PER_ADDRESS:
            raise SignInLockedProblem(1, scope="address")
        self._in_flight[key] = self._in_flight.get(key, 0) + 1
        try:
            yield
        finally:
            left = self._in_flight[key] - 1
            if left:
                self._in_flight[key] = left
            else:
                del self._in_flight[key]


async def refuse_if_locked(session: AsyncSession, guard: SignInGuard, keys: list[str]) -> None:
    """Check the durable record (another worker's locks, locks from before a restart)."""
    now = utcnow()
    rows = (
        await session.execute(
            select(SignInFailure.key, SignInFailure.locked_until).where(
                SignInFailure.key.in_(keys), SignInFailure.locked_until > now
            )
        )
    ).all()
    for key, locked_until in rows:
        guard.remember(key, locked_until)
    guard.refuse_if_locked(keys)


class _Credentials(Protocol):
    password_hash: str | None


Account = TypeVar("Account", bound=_Credentials)


async def check_password(
    session: AsyncSession,
    guard: SignInGuard,
    keys: list[str],
    *,
    ip: str | None,
    find: Callable[[], Awaitable[Account | None]],
    password: str,
) -> tuple[Account | None, bool]:
    """The account ``find`` reads and whether ``password`` is its own, for a tenant or portal
    sign-in alike: a lock this process knows refuses first (429, no database work), then the
    durable record; the read's transaction ends before argon2 runs in the hashing pool, so a
    flood of sign-ins holds no pool connection while it waits. Count a failure with
    :func:`record_failure` (and commit: the request itself fails)."""
    guard.refuse_if_locked(keys)
    async with guard.attempt(ip):
        account = await find()
        await refuse_if_locked(session, guard, keys)
        await session.commit()
        valid = await security.verify_password(account.password_hash if account else None, password)
    return account, valid


async def record_failure(
    session: AsyncSession, guard: SignInGuard, keys: list[str]
) -> dict[str, dt.datetime]:
    """Count a failed sign-in against each key; return the keys it locked, with their end."""
    now = utcnow()
    table = SignInFailure.__table__
    fresh = insert(SignInFailure).values([{"key": key, "failures": 1, "last_failed_at": now} for key in keys])
    counted = (
        await session.execute(
            fresh.on_conflict_do_update(
                index_elements=["key"],
                set_={
                    "failures": case(
                        (table.c.last_failed_at < now - FORGET_AFTER, 1), else_=table.c.failures + 1
                    ),
                    "last_failed_at": now,
                },
            ).returning(SignInFailure.key, SignInFailure.failures)
        )
    ).all()
    locked: dict[str, dt.datetime] = {}
    for key, failures in counted:
        seconds = lock_seconds(failures, _threshold(key))
        if seconds:
            locked[key] = now + dt.timedelta(seconds=seconds)
            await session.execute(
                update(SignInFailure).where(SignInFailure.key == key).values(locked_until=locked[key])
            )
            guard.remember(key, locked[key])
    # Forget runs that ended long ago (a few at a time, on failures only).
    stale = (
        select(SignInFailure.key)
        .where(SignInFailure.last_failed_at < now - FORGET_AFTER - dt.timedelta(seconds=MAX_LOCK_SECONDS))
        .limit(100)
    )
    await session.execute(
        delete(SignInFailure)
        .where(SignInFailure.key.in_(stale.scalar_subquery()))
        .execution_options(synchronize_session=False)
    )
    return locked


async def clear(session: AsyncSession, guard: SignInGuard, key: str) -> bool:
    """End a key's run and lock (a successful sign-in, an admin's unlock); whether it was locked."""
    guard.forget(key)
    was_locked = await session.scalar(
        delete(SignInFailure).where(SignInFailure.key == key).returning(SignInFailure.locked_until)
    )
    return was_locked is not None and was_locked > utcnow()


async def locked_accounts(session: AsyncSession, emails: Iterable[str]) -> dict[str, dt.datetime]:
    """The accounts among ``emails`` that are locked now, by lower-case email, with the lock's end."""
    keys = {account_key(email): email.strip().lower() for email in emails}
    if not keys:
        return {}
    rows = await session.execute(
        select(SignInFailure.key, SignInFailure.locked_until).where(
            SignInFailure.key.in_(list(keys)), SignInFailure.locked_until > utcnow()
        )
    )
    return {keys[key]: until for key, until in rows if until is not None}


def guard_for(app: Any) -> SignInGuard:
    """The application's guard (one per app, so each app in a process counts on its own)."""
    guard = getattr(app.state, "sign_in_guard", None)
    if guard is None:
        guard = app.state.sign_in_guard = SignInGuard()
    assert isinstance(guard, SignInGuard)
    return guard
