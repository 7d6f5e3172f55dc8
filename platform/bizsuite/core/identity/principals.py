"""Who a credential is, remembered for a few seconds in each process (the principal cache).

Authentication (``core/http.py``) looks an API key or a web session up once and then answers the
same credential from memory for ``principal_cache_ms`` (5 s by default), so most requests make no
lookup query. An entry is keyed by the SHA-256 of the credential and holds what the lookup found:
the role, the module grants, the key's expiry (checked on every request) or the session's, and
the tenant's and user's rows (each request gets its own copy of them, in its own session, as if
loaded there).

Everything an entry depends on can change at any moment, in any process: a key revoked, its
expiry or role changed, a membership changed or removed (a key acts with at most its creator's
role), a user disabled, a session closed or moved to another tenant, a tenant suspended or its
plan changed. Such a change, made through a session, is announced in its own transaction:

- the ORM changes rows of ``tenants``, ``api_keys``, ``memberships``, ``users`` or
  ``web_sessions`` (a flush, or a bulk ``update()``/``delete()`` of these entities): a
  ``pg_notify`` on :data:`CHANNEL` naming the tenant or user goes out with the commit, to every
  process; right after the commit, the app whose request made the change drops the entries (a
  session of no app, such as the CLI's, a job's or a test's, clears every app of its process);
- plain SQL writes to those tables through a session (``text()``): the same apps drop every
  entry after the commit; other processes keep theirs at most for the cache's lifetime (as for
  SQL typed into psql).

Each process hears the notifications on its one ``LISTEN`` connection (``core/live.py``,
:meth:`LiveHub.follow`, the connection live views use, always to PostgreSQL itself). Fail safe:
the cache answers only while that connection listens. Until it first listens, while it is lost
and until it is back, every request looks its credential up, and the cache starts empty again.

``last_used_at`` of a key is written as before, at most once a minute per key and process.
"""

from __future__ import annotations

import copy
import logging
import re
import time
import uuid
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import event, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session, make_transient_to_detached
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.sql.elements import TextClause

from bizsuite.core.context import Principal, PrincipalKind
from bizsuite.core.identity.models import ApiKey, Membership, Role, User, WebSession
from bizsuite.core.live import LiveHub
from bizsuite.core.tenants.models import Tenant
from bizsuite.core.unit_of_work import UnitOfWork
from bizsuite.settings import Settings

log = logging.getLogger(__name__)

#: The notification channel of principal changes.
CHANNEL = "bizsuite_principals"
#: ``Session.info`` key of the app's cache (set by the app's sessionmaker).
CACHE_INFO_KEY = "principal_cache"
#: Execution option of a statement that changes nothing a principal depends on (``last_used_at``).
UNCHANGED_PRINCIPALS = "principals_unchanged"
#: Largest notification payload sent as is (PostgreSQL allows 8000 bytes); beyond: ``*``.
_MAX_PAYLOAD = 7000
_PENDING = "principal_changes"  # Session.info: what this transaction changed, applied on commit
_SENT = "principal_changes_sent"  # Session.info: what this transaction told the other processes
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")
_RAW_WRITE = re.compile(
    r"\b(?:update|delete\s+from|insert\s+into)\s+(?:public\.)?"
    r"(?:tenants|api_keys|memberships|users|web_sessions)\b",
    re.IGNORECASE,
)
_WATCHED = (Tenant, ApiKey, Membership, User, WebSession)

#: Every cache of this process (a change committed by a session of no app reaches each at once).
_CACHES: weakref.WeakSet[PrincipalCache] = weakref.WeakSet()


# --- rows kept apart from any session -------------------------------------------------------------


class RowSnapshot:
    """A row's column values, kept apart from any session. Each request gets its own instance of
    the row, attached to its session as if it had loaded it there (no query; as the session is
    made, ``core/unit_of_work.py``): changes a request makes to it are flushed as usual and never
    reach the snapshot or another request."""

    __slots__ = ("_containers", "_key", "_manager", "id", "values")

    def __init__(self, obj: Any) -> None:
        state = sa_inspect(obj)
        self._manager = state.manager
        values: dict[str, Any] = {}
        containers: list[tuple[str, Callable[[Any], Any], Any]] = []
        for attr in state.mapper.column_attrs:
            value = state.dict[attr.key]  # KeyError: not loaded (then nothing is cached)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                containers.append((attr.key, list, tuple(value)))
            elif isinstance(value, list | dict):
                encoded = _json_or_none(value)  # JSON values (JSONB) thaw fastest from JSON
                if encoded is not None:
                    containers.append((attr.key, msgspec.json.decode, encoded))
                else:
                    containers.append((attr.key, copy.deepcopy, copy.deepcopy(value)))
            else:
                values[attr.key] = value
        self.values = values
        self._containers = tuple(containers)
        self.id: uuid.UUID = values["id"]
        copied = {*values, *(key for key, _thaw, _frozen in containers)}
        # The row's identity, when its columns are all it holds (no relationship left to load).
        self._key = state.key if copied.issuperset(state.manager) else None

    def attach(self, work: UnitOfWork) -> Any:
        """This request's instance of the row, in its session (now, or as it is made)."""
        obj = self._manager.new_instance()
        loaded = obj.__dict__
        loaded.update(self.values)
        for key, thaw, frozen in self._containers:
            loaded[key] = thaw(frozen)
        if self._key is not None:
            # All make_transient_to_detached does for such a row (about 10 µs less per request): its
            # identity; a new instance has nothing committed or expired yet.
            instance_state(obj).key = self._key
        else:
            make_transient_to_detached(obj)
        return work.attach(obj)


def _json_or_none(value: Any) -> bytes | None:
    """``value`` as JSON if it is made of JSON's own types only (so it thaws unchanged), else None."""
    return msgspec.json.encode(value) if _plain(value) else None


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def snapshot_row(obj: Any) -> RowSnapshot | None:
    """A snapshot of a loaded row, or None when some column is not loaded (expired)."""
    try:
        return RowSnapshot(obj)
    except KeyError:
        return None


# --- the cache -------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class CachedCaller:
    """What authentication found for one credential: enough to answer it again with no query."""

    kind: PrincipalKind
    label: str
    tenant: RowSnapshot | None
    role: Role | None
    module_grants: frozenset[str]
    #: The tenant the entry depends on (a web session's tenant, even when its principal has none).
    tenant_key: str | None
    user: RowSnapshot | None = None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    session_id: str | None = None
    #: A key's creator, whose membership bounds it.
    creator_id: uuid.UUID | None = None
    #: When the key or the session expires (checked on every use).
    expires_at: datetime | None = None
    csrf_token: str | None = None
    #: A key's ``last_used_at`` as last read or written by this process.
    last_used_at: datetime | None = None
    stored_at: float = 0.0

    def principal(self, work: UnitOfWork) -> Principal:
        """The principal, with this request's own instances of the tenant and user rows."""
        return Principal(
            kind=self.kind,
            label=self.label,
            tenant=self.tenant.attach(work) if self.tenant is not None else None,
            role=self.role,
            module_grants=self.module_grants,
            user_id=self.user_id,
            api_key_id=self.api_key_id,
            session_id=self.session_id,
            user=self.user.attach(work) if self.user is not None else None,
        )

    def depends_on_user(self, user_id: str) -> bool:
        return user_id in (str(self.user_id), str(self.creator_id))


class PrincipalCache:
    """Credential digest -> :class:`CachedCaller`, for ``ttl`` seconds, in one app process.

    Answers only while :meth:`listening` says the process hears :data:`CHANNEL`. A lookup made
    while a change arrived is not kept: :meth:`put` takes the :attr:`generation` read before the
    lookup, and every invalidation moves it on.
    """

    def __init__(
        self, ttl: float, *, clock: Callable[[], float] = time.monotonic, max_entries: int = 50_000
    ) -> None:
        self.ttl = ttl
        self.generation = 0
        self._clock = clock
        self._max_entries = max_entries
        self._entries: dict[str, CachedCaller] = {}
        self._listening = False
        self._next_sweep = clock() + max(ttl, 1.0) * 12  # lapsed entries go about once a minute
        self._observers: list[Callable[[str], None]] = []
        _CACHES.add(self)

    @property
    def active(self) -> bool:
        """Whether entries are kept and answered (listening, and a lifetime above zero)."""
        return self._listening and self.ttl > 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> CachedCaller | None:
        """The entry of a credential digest, if fresh."""
        if not self._listening:
            return None
        entry = self._entries.get(key)
        if entry is not None and self._clock() - entry.stored_at >= self.ttl:
            self._entries.pop(key, None)
            return None
        return entry

    def put(self, key: str, entry: CachedCaller, generation: int) -> None:
        """Keep an entry found by a lookup that started at ``generation``."""
        if not self.active or generation != self.generation:
            return
        now = self._clock()
        if now >= self._next_sweep or len(self._entries) >= self._max_entries:
            self._entries = {k: v for k, v in self._entries.items() if now - v.stored_at < self.ttl}
            self._next_sweep = now + max(self.ttl, 1.0) * 12
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
        entry.stored_at = now
        self._entries[key] = entry

    def forget(self, key: str) -> None:
        """Drop one credential's entry."""
        self._entries.pop(key, None)

    def clear(self) -> None:
        """Drop every entry."""
        self.generation += 1
        self._entries.clear()

    def observe(self, on_change: Callable[[str], None]) -> None:
        """Also tell ``on_change`` of every change this cache hears, with its payload (``*`` as
        well when listening starts again: changes may have been missed meanwhile), for what holds
        a principal longer than a request (venue audio's player connections). It is called from
        the thread that applied the change and must not block."""
        self._observers.append(on_change)

    def _tell(self, payload: str) -> None:
        for on_change in list(self._observers):
            try:
                on_change(payload)
            except Exception:
                log.exception("principal cache: an observer failed")

    def invalidate(self, payload: str) -> None:
        """Drop the entries a change names: ``*`` (all), ``tenant:<id>``, ``user:<id>``, several
        separated by spaces."""
        self.generation += 1
        self._tell(payload)
        tenants: set[str] = set()
        users: set[str] = set()
        for token in payload.split():
            kind, _, ident = token.partition(":")
            if kind == "tenant":
                tenants.add(ident)
            elif kind == "user":
                users.add(ident)
            else:  # "*", or anything not understood
                self._entries.clear()
                return
        if not self._entries:
            return
        self._entries = {
            key: entry
            for key, entry in self._entries.items()
            if entry.tenant_key not in tenants and not any(entry.depends_on_user(u) for u in users)
        }

    def listening(self, listening: bool) -> None:
        """The process started or stopped hearing :data:`CHANNEL`: either way, start afresh."""
        if listening != self._listening:  # (the live hub warns when its connection is lost)
            log.info("principal cache %s", "on" if listening else "off until the listener is back")
        self._listening = listening
        self.clear()
        if listening:
            self._tell("*")


def principal_cache(settings: Settings, hub: LiveHub) -> PrincipalCache:
    """The app's cache (``settings.principal_cache_ms``), following :data:`CHANNEL` on the hub's
    connection; with 0 it never answers, but still hears the changes for its observers."""
    cache = PrincipalCache(settings.principal_cache_ms / 1000)
    hub.follow(CHANNEL, cache.invalidate, cache.listening)
    return cache


def cache_of(session: AsyncSession | UnitOfWork) -> PrincipalCache | None:
    """The app's cache, if the session (or a request's work) comes from an app's sessionmaker and
    the cache is on."""
    cache = session.info.get(CACHE_INFO_KEY)
    return cache if isinstance(cache, PrincipalCache) and cache.ttl > 0 else None


def apply_everywhere(payloads: Iterable[str]) -> None:
    """Apply committed changes to every cache of this process."""
    payload = " ".join(sorted(set(payloads)))
    if payload:
        for cache in list(_CACHES):
            cache.invalidate(payload)


# --- announcing changes ---------------------------------------------------------------------------


def _change_of(obj: Any) -> str:
    if isinstance(obj, Tenant):
        ident, kind = obj.id, "tenant"
    elif isinstance(obj, ApiKey | Membership):
        ident, kind = obj.tenant_id, "tenant"
    elif isinstance(obj, User):
        ident, kind = obj.id, "user"
    else:
        ident, kind = obj.user_id, "user"
    return f"{kind}:{ident}" if ident is not None else "*"


def _announce(session: Session, changes: set[str], *, notify: bool = True) -> None:
    """Record changes for this process (applied after the commit) and, with ``notify``, tell the
    other processes in the transaction (the notification leaves only if it commits)."""
    session.info.setdefault(_PENDING, set()).update(changes)
    if not notify:
        return
    sent: set[str] = session.info.setdefault(_SENT, set())
    fresh = changes - sent
    if fresh:
        sent.update(fresh)
        payload = " ".join(sorted(fresh))
        session.connection().execute(
            _NOTIFY, {"channel": CHANNEL, "payload": payload if len(payload) <= _MAX_PAYLOAD else "*"}
        )


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _flush_context: Any) -> None:
    changes = {_change_of(obj) for obj in session.new if isinstance(obj, Membership)}
    changes.update(
        _change_of(obj)
        for obj in session.dirty
        if isinstance(obj, _WATCHED) and session.is_modified(obj, include_collections=False)
    )
    changes.update(_change_of(obj) for obj in session.deleted if isinstance(obj, _WATCHED))
    if changes:
        _announce(session, changes)


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    statement = state.statement
    if isinstance(statement, TextClause):
        if _RAW_WRITE.search(statement.text):
            _announce(state.session, {"*"}, notify=False)
        return
    if not (state.is_update or state.is_delete) or state.execution_options.get(UNCHANGED_PRINCIPALS):
        return
    if any(issubclass(mapper.class_, _WATCHED) for mapper in state.all_mappers):
        _announce(state.session, {"*"})


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    own = session.info.get(CACHE_INFO_KEY)
    if isinstance(own, PrincipalCache):
        # A request's session: its app at once; any other app hears the notification, as other
        # processes do.
        own.invalidate(" ".join(sorted(pending)))
    else:
        # The CLI, a job, a script or a test in this process: every app of the process at once.
        apply_everywhere(pending)


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(_SENT, None)
