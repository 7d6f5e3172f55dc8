"""The request pipeline: request ids, one transaction per request, authentication, idempotency."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import os
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any
from urllib.parse import parse_qs

import msgspec
from litestar.enums import ScopeType
from litestar.response import Response
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from litestar.utils.scope.state import ScopeState
from sqlalchemy import and_, bindparam, delete, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.admission import Admission
from bizsuite.core.context import ANONYMOUS, Principal, PrincipalKind
from bizsuite.core.db import ALL_TENANTS, utcnow
from bizsuite.core.errors import (
    ClientClosedProblem,
    CsrfProblem,
    IdempotencyConflictProblem,
    IdempotencyInFlightProblem,
    PayloadTooLargeProblem,
    RateLimitedProblem,
    TenantSuspendedProblem,
    UnauthorizedProblem,
    ValidationProblem,
)
from bizsuite.core.framework import per_app
from bizsuite.core.idempotency import IdempotencyRecord, OperatorIdempotencyRecord
from bizsuite.core.identity.models import ApiKey, Membership, Role, User, WebSession
from bizsuite.core.identity.principals import (
    UNCHANGED_PRINCIPALS,
    CachedCaller,
    PrincipalCache,
    RowSnapshot,
    cache_of,
    snapshot_row,
)
from bizsuite.core.identity.security import API_KEY_PREFIX, same, sha256_hex
from bizsuite.core.ids import new_id
from bizsuite.core.logs import request_id_var, tenant_id_var
from bizsuite.core.resellers.auth import (
    RESELLER_KEY_PREFIX,
    RESELLER_SESSION_COOKIE,
    reseller_principal,
    reseller_session_principal,
)
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.core.unit_of_work import UnitOfWork
from bizsuite.kit import registry

log = logging.getLogger("bizsuite.access")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SESSION_COOKIE = "bizsuite_session"
CSRF_HEADER = "x-csrf-token"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
#: How often ``last_used_at`` of an API key is refreshed (saves a write per request).
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
IDEMPOTENCY_TTL = dt.timedelta(hours=24)


def _state(scope: Scope) -> dict[str, Any]:
    state: dict[str, Any] = scope.setdefault("state", {})
    return state


def _method(scope: Scope) -> str:
    return str(scope.get("method", ""))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def client_ip(scope: Scope) -> str | None:
    """Return the peer address (a proxy in front sets it through uvicorn's proxy headers)."""
    client = scope.get("client")
    return str(client[0]) if client else None


class RequestContextMiddleware:
    """Give every request an id (or keep the caller's ``X-Request-ID``) and time it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        state = _state(scope)
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _REQUEST_ID.match(incoming) else new_request_id()
        state["request_id"] = request_id
        state["started"] = time.perf_counter()
        request_id_var.set(request_id)
        tenant_id_var.set(None)
        await self.app(scope, receive, send)


class FixedWindowLimiter:
    """Count requests per key in fixed windows, in this process.

    A key's window opens at its first request and lasts ``window`` seconds; at most ``limit``
    requests are admitted in it (refused ones are not counted). Windows that have ended are
    swept once per window, so memory holds only the keys seen recently.
    """

    def __init__(self, limit: int, window: int = 60, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._counts: dict[str, list[float]] = {}  # key -> [window end, requests admitted]
        self._next_sweep = clock() + window

    def hit(self, key: str) -> tuple[bool, int, int]:
        """Count one request: (admitted, requests left in the window, seconds until it resets)."""
        now = self._clock()
        if now >= self._next_sweep:
            self._counts = {k: v for k, v in self._counts.items() if v[0] > now}
            self._next_sweep = now + self.window
        entry = self._counts.get(key)
        if entry is None or entry[0] <= now:
            entry = self._counts[key] = [now + self.window, 0]
        reset = max(1, math.ceil(entry[0] - now))
        if entry[1] >= self.limit:
            return False, 0, reset
        entry[1] += 1
        return True, self.limit - int(entry[1]), reset


#: Paths never rate limited (health checks, the API docs, static files).
UNLIMITED_PATHS = re.compile(r"^/health$|^/ready$|^/api/docs|^/static/")
#: The app's ``state`` key of its route handlers' decisions, made at each one's first request:
#: id -> (the handler, whether its paths are unlimited). Kept with the app, not the process, so a
#: process that builds several apps (the tests) frees each with its routes.
_UNLIMITED_ROUTES = "bizsuite.unlimited_routes"


def unlimited(scope: Scope) -> bool:
    """Whether the request's route is never rate limited (see :data:`UNLIMITED_PATHS`)."""
    handler: Any = scope.get("route_handler")
    if handler is None:
        return bool(UNLIMITED_PATHS.match(scope["path"]))
    # Keyed by identity: the app holds its handlers, so an id stays theirs while the map lives.
    decided: dict[int, bool] = per_app(scope["app"], _UNLIMITED_ROUTES, dict)
    known = decided.get(id(handler))
    if known is None:
        known = decided[id(handler)] = all(UNLIMITED_PATHS.match(path) for path in handler.paths)
    return known


def address_key(scope: Scope) -> str:
    """Rate-limit bucket of the peer address."""
    return "ip:" + (client_ip(scope) or "unknown")


def caller_key(scope: Scope, principal: Any = None) -> str:
    """Rate-limit bucket of the authenticated caller: its key, its user, or (anonymous) its address."""
    principal = principal if principal is not None else scope.get("user")
    if isinstance(principal, Principal):
        if principal.api_key_id is not None:
            return f"key:{principal.api_key_id}"
        if principal.user_id is not None:
            return f"user:{principal.user_id}"
        if principal.kind is PrincipalKind.OPERATOR:
            return "operator"
    return "anonymous:" + address_key(scope)


def credential_key(scope: Scope) -> str | None:
    """A digest of the request's credential (bearer token or session cookie), or None."""
    authorization = _header(scope, b"authorization")
    if authorization:
        return "bearer:" + sha256_hex(authorization.partition(" ")[2].strip())
    cookie = _cookie(scope, SESSION_COOKIE)
    return "cookie:" + sha256_hex(cookie) if cookie else None


class RateLimits:
    """The per-address and per-caller limiters of one app, shared by every route's middleware.

    Per address: ``limit * address_factor`` a minute (a wide ceiling against floods of made-up
    credentials). Per caller: ``limit`` a minute for each API key or user (anonymous callers per
    address). A caller is known from its credential once it has authenticated in this process
    (:meth:`authenticated` learns the pair; a credential always names the same caller), so its
    next requests are counted, and refused, before the unit of work takes a connection. A
    credential not seen before is counted once authentication has named its caller (an unknown
    one never opens a bucket: the per-address ceiling bounds those).
    """

    def __init__(self, limit: int, *, address_factor: int = 5) -> None:
        self.per_caller = FixedWindowLimiter(limit)
        self.per_address = FixedWindowLimiter(limit * address_factor)
        self.policy = f"{limit}; w={self.per_caller.window}"
        self._fixed_headers = (
            (b"ratelimit-policy", self.policy.encode()),
            (b"ratelimit-limit", str(limit).encode()),
        )
        self._callers: dict[str, str] = {}  # credential digest -> caller bucket

    def before_work(self, scope: Scope) -> None:
        """Count the request by address, and by caller when its credential is known."""
        admitted, _left, reset = self.per_address.hit(address_key(scope))
        if not admitted:
            raise RateLimitedProblem(
                "Too many requests; retry after the time given.", headers={"Retry-After": str(reset)}
            )
        state = _state(scope)
        credential = credential_key(scope)
        state["rate_limits"] = self
        state["rate_credential"] = credential
        caller = self._callers.get(credential) if credential else "anonymous:" + address_key(scope)
        if caller is not None:
            self._count(state, caller)

    def authenticated(self, scope: Scope, principal: Principal) -> None:
        """Learn who a credential is and count a request not counted yet (called by authentication)."""
        state = _state(scope)
        credential = state.get("rate_credential")
        if credential is None or state.get("rate_outcome") is not None:
            return
        caller = caller_key(scope, principal)
        if len(self._callers) >= 100_000:
            self._callers.clear()
        self._callers[credential] = caller
        self._count(state, caller)

    def _count(self, state: dict[str, Any], caller: str) -> None:
        admitted, remaining, reset = self.per_caller.hit(caller)
        state["rate_outcome"] = (remaining, reset)
        if not admitted:
            headers = {"Retry-After": str(reset), **dict(self.headers(remaining, reset))}
            raise RateLimitedProblem("Too many requests; retry after the time given.", headers=headers)

    def headers(self, remaining: int, reset: int) -> list[tuple[str, str]]:
        """The ``RateLimit-*`` headers of a counted request."""
        return [
            ("RateLimit-Policy", self.policy),
            ("RateLimit-Limit", str(self.per_caller.limit)),
            ("RateLimit-Remaining", str(remaining)),
            ("RateLimit-Reset", str(reset)),
        ]

    def raw_headers(self, remaining: int, reset: int) -> list[tuple[bytes, bytes]]:
        """:meth:`headers` as a response message carries them (the fixed ones encoded once)."""
        return [
            *self._fixed_headers,
            (b"ratelimit-remaining", str(remaining).encode()),
            (b"ratelimit-reset", str(reset).encode()),
        ]


class RateLimitMiddleware:
    """Refuse requests beyond the limits of :class:`RateLimits` with a 429 problem and
    ``Retry-After``, before any database work; counted responses carry the ``RateLimit-*`` headers.

    Counted in process (see :class:`FixedWindowLimiter`).
    """

    def __init__(self, app: ASGIApp, *, limits: RateLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or unlimited(scope):
            await self.app(scope, receive, send)
            return
        self.limits.before_work(scope)
        state = _state(scope)

        async def send_with_headers(message: Message) -> None:
            outcome = state.get("rate_outcome")
            if message["type"] == "http.response.start" and outcome is not None:
                message["headers"] = [*message.get("headers", ()), *self.limits.raw_headers(*outcome)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def new_request_id() -> str:
    """A fresh request id: 32 random hex digits."""
    return os.urandom(16).hex()


async def before_send(message: Message, scope: Scope) -> None:
    """Stamp ``X-Request-ID`` on every response and write the access log line."""
    if message["type"] != "http.response.start":
        return
    state = _state(scope)
    request_id = state.get("request_id") or state.setdefault("request_id", new_request_id())
    # In place of any the response has (it names none of its own: the request's is the one).
    message["headers"] = [
        *(header for header in message.get("headers", ()) if bytes(header[0]).lower() != b"x-request-id"),
        (b"x-request-id", request_id.encode("latin-1")),
    ]
    if not log.isEnabledFor(logging.INFO):
        return
    started = state.get("started")
    log.info(
        "request",
        extra={
            "method": scope.get("method"),
            "path": scope.get("path"),
            "status": message["status"],
            "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
            "client": client_ip(scope),
        },
    )


#: The unit of work of the request this task serves (the hook below has no scope to find it in).
_current_work: ContextVar[UnitOfWork | None] = ContextVar("bizsuite_unit_of_work", default=None)

#: Requests that commit before their response is rendered.
_READS = frozenset({"GET", "HEAD"})


class UnitOfWorkMiddleware:
    """One database transaction per request, committed only if the response is a success.

    The response is held back until the commit succeeded, so a client never sees a success
    for work that was not saved; any exception or 4xx/5xx response rolls everything back. A
    failed commit (the database gone, a deferred constraint) is raised before anything was
    sent, so the exception handlers answer it as a problem (503, 409) like any other error.

    A server-sent event stream (``core/live.py``) is the exception: its transaction (the reads
    that authorised it) commits when the response starts, which releases the connection, and
    its events then pass through as they come.

    Reads (``GET``, ``HEAD``) commit earlier still: as soon as the handler returned a success
    (:func:`commit_before_rendering`), so the connection goes back to the pool before the page is
    rendered or the JSON encoded, which takes longer than the queries on most pages. Writes
    commit once their response is made: one that cannot be rendered rolls the write back, and an
    ``Idempotency-Key``'s stored response is part of the transaction.

    Before any of this a request waits for its place among those at work (``core/admission.py``):
    at most a pool's worth at once, the others in arrival order. A stream gives its place back
    when it starts, with its connection; a long poll when it starts to wait (:func:`wait_for_events`).
    A body of up to :data:`PREREAD_LIMIT` is read before the wait, at the client's pace, outside any
    place.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or bypasses_pipeline(scope):
            await self.app(scope, receive, send)
            return
        # A small body is read before the request takes its place: a client that sends it
        # slowly (a phone on a bad line, or one that means harm) waits outside, not in a place.
        if _method(scope) not in _READS and _prereadable(scope):
            _, receive = await read_body(receive)
        leave = await _admit(scope)
        try:
            await self._work(scope, receive, send, leave)
        finally:
            leave()

    async def _work(self, scope: Scope, receive: Receive, send: Send, leave: Callable[[], None]) -> None:
        # Opens nothing yet: a connection at the first statement, a session at its first use.
        work = UnitOfWork(scope["litestar_app"].state.sessionmaker)
        if _method(scope) not in _READS:
            work.hold_until_sent()
        _state(scope)["db"] = work
        current = _current_work.set(work)
        held: list[Message] = []
        status = 500
        streaming = False

        async def hold(message: Message) -> None:
            nonlocal status, streaming
            if streaming:
                await send(message)
                return
            if message["type"] == "http.response.start":
                status = message["status"]
                if status < 400 and _is_event_stream(message):
                    await work.commit()
                    leave()  # a stream waits for events: its place goes to the next request
                    streaming = True
                    await send(message)
                    return
            held.append(message)

        try:
            await self.app(scope, receive, hold)
            if status < 400:
                await work.commit()
        except BaseException:
            if not streaming:  # (else the client went away, or the process stops: nothing to answer)
                # Nothing held was sent: the handlers outside may still answer (Litestar marked
                # the held response as started; it never was).
                ScopeState.from_scope(scope).response_started = False
            await work.end()  # rolls back
            raise
        finally:
            _current_work.reset(current)
        await work.end()  # a 4xx or 5xx rolls back; after a commit, a session may be left to close
        for message in held:
            await send(message)


#: Bodies up to this size (forms, JSON) are read before admission; larger ones (uploads, which
#: stream to storage) are read by their handler, in its place.
PREREAD_LIMIT = 1024 * 1024


def _prereadable(scope: Scope) -> bool:
    """Whether the request announces a body of at most :data:`PREREAD_LIMIT` bytes."""
    length = _header(scope, b"content-length")
    return length is not None and length.isdigit() and 0 < int(length) <= PREREAD_LIMIT


async def _admit(scope: Scope) -> Callable[[], None]:
    """Wait for the request's place among those at work (``core/admission.py``); return what
    gives it back (also kept in the request's state for :func:`wait_for_events`)."""
    admission: Admission = scope["litestar_app"].state.admission
    leave = await admission.enter()
    _state(scope)["leave_place"] = leave
    return leave


async def wait_for_events(scope: Scope) -> None:
    """A handler about to wait for an event (a long poll) commits its work now, so that the wait
    holds no pooled connection, and gives its place to the next request (``core/admission.py``).
    Its reads took a place like any request's; its wait takes none. It must read nothing after."""
    await work_of(scope).commit()
    leave: Callable[[], None] | None = _state(scope).get("leave_place")
    if leave is not None:  # (a request outside the pipeline took none)
        leave()


async def commit_before_rendering(result: Any) -> Any:
    """Commit a read's work as soon as its handler returned a success (an app-wide
    ``after_request`` hook: it runs before the response is rendered or encoded), so the pooled
    connection is free while the template renders. A failed commit raises here and is answered
    as a problem, as before. Not for writes (:meth:`UnitOfWork.hold_until_sent`), nor for an
    error response (4xx/5xx roll back)."""
    work = _current_work.get()
    if work is not None and not work.held_until_sent:
        status = result.status_code if isinstance(result, Response) else None
        if (status is None or status < 400) and work.opened:
            await work.commit()
    return result


def _is_event_stream(message: Message) -> bool:
    headers: Any = message.get("headers", ())
    return any(
        bytes(key).lower() == b"content-type" and bytes(value).startswith(b"text/event-stream")
        for key, value in headers
    )


def work_of(scope: Scope) -> UnitOfWork:
    """Return the request's unit of work (its transaction; the session is made on first use)."""
    work = _state(scope).get("db")
    assert isinstance(work, UnitOfWork), "UnitOfWorkMiddleware must run first"
    return work


def session_of(scope: Scope) -> AsyncSession:
    """Return the request's database session (made now if it was not yet)."""
    return work_of(scope).session


class AuthenticationMiddleware:
    """Resolve the caller from an API key, the operator token or a web session cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and not bypasses_pipeline(scope):
            principal, csrf_token = await authenticate(scope)
            if csrf_token is not None and _method(scope) not in SAFE_METHODS:
                sent = _header(scope, CSRF_HEADER.encode())
                if not sent and _is_form(scope):
                    # Plain HTML forms carry the token as a field; read (bounded) and replay the body.
                    body, receive = await read_body(receive, limit=FORM_BODY_LIMIT)
                    sent = parse_qs(body.decode("latin-1")).get("csrf_token", [""])[0]
                if not same(sent or "", csrf_token):
                    raise CsrfProblem("Send the session's CSRF token in the X-CSRF-Token header.")
            scope["user"] = principal
            limits = _state(scope).get("rate_limits")
            if isinstance(limits, RateLimits):
                limits.authenticated(scope, principal)
            if principal.tenant is not None:
                tenant_id_var.set(str(principal.tenant.id))
        await self.app(scope, receive, send)


#: Largest urlencoded form read to find its CSRF token (file uploads are multipart and use the header).
FORM_BODY_LIMIT = 1024 * 1024


#: The opt of routes that need no transaction, caller or idempotency, and never wait for a place
#: among the requests at work: static files, signed downloads, the health probes.
OUTSIDE_PIPELINE = "outside_pipeline"


def bypasses_pipeline(scope: Scope) -> bool:
    """Whether the request's route is outside the pipeline (:data:`OUTSIDE_PIPELINE`)."""
    handler = scope.get("route_handler")
    return bool(handler is not None and handler.opt.get(OUTSIDE_PIPELINE))


def _is_form(scope: Scope) -> bool:
    content_type = (_header(scope, b"content-type") or "").split(";")[0].strip()
    return content_type == "application/x-www-form-urlencoded"


async def authenticate(scope: Scope) -> tuple[Principal, str | None]:
    """Return the caller and, for cookie sessions, the CSRF token their writes must carry."""
    work = work_of(scope)
    settings = scope["litestar_app"].state.settings
    authorization = _header(scope, b"authorization")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise UnauthorizedProblem("Use `Authorization: Bearer <key>`.")
        if settings.operator_token and same(token, settings.operator_token):
            return Principal(kind=PrincipalKind.OPERATOR, label="operator"), None
        if token.startswith(API_KEY_PREFIX):
            return await _api_key_principal(work, token), None
        if token.startswith(RESELLER_KEY_PREFIX):
            return await reseller_principal(work.session, token), None
        for prefix, resolve in registry().credentials.items():
            if token.startswith(prefix):
                return await resolve(work.session, token), None
        raise UnauthorizedProblem("Unknown or revoked API key.")
    handler = scope.get("route_handler")
    # Sign-in routes ignore an existing session: they start a new one and need no CSRF token.
    cookie = (
        None if handler is not None and handler.opt.get("starts_session") else _cookie(scope, SESSION_COOKIE)
    )
    # The reseller portal's session (``core/resellers``): its cookie is sent only under /reseller,
    # so there it is read first (a browser may hold a tenant session too); a reseller principal.
    reseller_cookie = (
        None
        if handler is not None and handler.opt.get("starts_session")
        else _cookie(scope, RESELLER_SESSION_COOKIE)
    )
    if reseller_cookie:
        portal = await reseller_session_principal(work.session, reseller_cookie)
        if portal is not None:
            principal, csrf_token, portal_user = portal
            _state(scope).update(csrf_token=csrf_token, reseller_user=portal_user)
            return principal, csrf_token
    if cookie:
        found = await _session_principal(work, cookie)
        if found is not None:
            principal, csrf_token = found
            _state(scope)["csrf_token"] = csrf_token
            return principal, csrf_token
    return ANONYMOUS, None


_KEY_LOOKUP = text("SELECT set_config('app.lookup_hash', :h, true)")

#: Key hash -> tenant id, remembered per process. A key never moves to another tenant, so this
#: is never stale; it lets a lookup bind the tenant *before* it reads the key, its tenant and its
#: creator's membership in one statement through the tenant's own row-level security. What can
#: change (revocation, expiry, suspension, roles, the creator leaving) is read by that lookup, and
#: kept for a few seconds at most by the principal cache (``core/identity/principals.py``), which
#: every such change clears in every process.
_KEY_TENANTS: dict[str, uuid.UUID] = {}
_KEY_TENANTS_MAX = 10_000

_KEY_COLUMNS = (
    ApiKey.id,
    ApiKey.name,
    ApiKey.role,
    ApiKey.module_grants,
    ApiKey.created_by,
    ApiKey.last_used_at,
    ApiKey.expires_at,
)


#: Built once (binding only the hash): statement construction is a measurable share of a read.
_KEY_IN_TENANT = (
    select(*_KEY_COLUMNS, Tenant, Membership.role)
    .join(Tenant, Tenant.id == ApiKey.tenant_id)
    .outerjoin(
        Membership,
        and_(Membership.tenant_id == ApiKey.tenant_id, Membership.user_id == ApiKey.created_by),
    )
    .where(
        ApiKey.tenant_id == bindparam("tenant_id"),
        ApiKey.key_hash == bindparam("key_hash"),
        ApiKey.revoked_at.is_(None),
    )
    # Scoped explicitly to the bound tenant (and by row-level security): the ORM tenant hook's
    # per-request loader criteria would only repeat the condition above, at a measurable cost.
    .execution_options(**{ALL_TENANTS: True})
)
_KEY_ANY_TENANT = (
    select(*_KEY_COLUMNS, Tenant)
    .join(Tenant, Tenant.id == ApiKey.tenant_id)
    .where(ApiKey.key_hash == bindparam("key_hash"), ApiKey.revoked_at.is_(None))
    .execution_options(**{ALL_TENANTS: True})
)


async def _api_key_principal(work: UnitOfWork, token: str) -> Principal:
    key_hash = sha256_hex(token)
    cache = cache_of(work)
    if cache is not None:
        cached = cache.get("key:" + key_hash)
        if cached is not None:
            return await _cached_key_principal(work, cache, key_hash, cached)
    generation = cache.generation if cache is not None else 0
    session = work.session
    tenant_id = _KEY_TENANTS.get(key_hash)
    if tenant_id is not None:
        # One round trip: BEGIN binds the tenant (see db.bind_tenant), then key + tenant + creator.
        await work.bind_tenant(tenant_id)
        row = (await session.execute(_KEY_IN_TENANT, {"tenant_id": tenant_id, "key_hash": key_hash})).first()
        if row is not None:
            *key, tenant, creator_role = row
            principal, entry = await _key_principal(
                work, tuple(key), tenant, creator_role, checked_creator=True
            )
            if cache is not None and entry is not None:
                cache.put("key:" + key_hash, entry, generation)
            return principal
        # Revoked or deleted (or, never seen, re-created elsewhere): forget and look it up afresh.
        _KEY_TENANTS.pop(key_hash, None)
        await work.forget_tenant()
    await session.execute(_KEY_LOOKUP, {"h": key_hash})
    found = (await session.execute(_KEY_ANY_TENANT, {"key_hash": key_hash})).first()
    if found is None:
        raise UnauthorizedProblem("Unknown or revoked API key.")
    *key, tenant = found
    principal, entry = await _key_principal(work, tuple(key), tenant, None, checked_creator=False)
    if len(_KEY_TENANTS) >= _KEY_TENANTS_MAX:
        _KEY_TENANTS.clear()
    _KEY_TENANTS[key_hash] = tenant.id
    if cache is not None and entry is not None:
        cache.put("key:" + key_hash, entry, generation)
    return principal


async def _cached_key_principal(
    work: UnitOfWork, cache: PrincipalCache, key_hash: str, entry: CachedCaller
) -> Principal:
    """A key answered from the principal cache: no lookup (and no session made for it), only the
    expiry checked again."""
    now = utcnow()
    if entry.expires_at is not None and entry.expires_at <= now:
        cache.forget("key:" + key_hash)
        raise UnauthorizedProblem("This API key has expired.")
    assert entry.tenant is not None and entry.api_key_id is not None
    await work.bind_tenant(entry.tenant.id)  # before the row is attached: no query yet
    principal = entry.principal(work)
    entry.last_used_at = await _touch_key(work, entry.api_key_id, entry.last_used_at, now)
    return principal


async def _touch_key(
    work: UnitOfWork, key_id: uuid.UUID, last_used_at: dt.datetime | None, now: dt.datetime
) -> dt.datetime | None:
    """Refresh ``last_used_at`` if older than a minute; return the value the row now has."""
    if last_used_at is not None and now - last_used_at <= LAST_USED_RESOLUTION:
        return last_used_at
    # Skip if a concurrent request holds the row: last_used_at is advisory, never a reason to wait.
    locked = select(ApiKey.id).where(ApiKey.id == key_id).with_for_update(skip_locked=True)
    await work.session.execute(
        update(ApiKey)
        .where(ApiKey.id.in_(locked.scalar_subquery()))
        .values(last_used_at=now)
        .execution_options(synchronize_session=False, **{UNCHANGED_PRINCIPALS: True})
    )
    return now


async def _key_principal(
    work: UnitOfWork,
    key: tuple[Any, ...],
    tenant: Tenant,
    creator_role: Any,
    *,
    checked_creator: bool,
) -> tuple[Principal, CachedCaller | None]:
    """Check a found key (expiry, tenant status, its creator's standing): its principal, and the
    principal cache's entry for it."""
    key_id, name, role, module_grants, created_by, last_used_at, expires_at = key
    now = utcnow()
    if expires_at is not None and expires_at <= now:
        raise UnauthorizedProblem("This API key has expired.")
    if tenant.status is TenantStatus.SUSPENDED:
        raise TenantSuspendedProblem("This tenant is suspended; contact your provider.")
    tenant_row = snapshot_row(tenant)  # as read, before this request can change it
    if not checked_creator:
        await work.bind_tenant(tenant.id)
    role = Role(role)
    if created_by is not None:
        # A key never outlives its creator's standing: it acts with at most their current role.
        if not checked_creator:
            creator_role = await work.session.scalar(
                select(Membership.role).where(Membership.user_id == created_by)
            )
        if creator_role is None:
            raise UnauthorizedProblem(
                "The person who created this API key is no longer a member; create a new key."
            )
        role = min(role, Role(creator_role), key=lambda r: r.rank)
    last_used_at = await _touch_key(work, key_id, last_used_at, now)
    grants = frozenset(module_grants)
    principal = Principal(
        kind=PrincipalKind.API_KEY,
        label=name,
        tenant=tenant,
        role=role,
        module_grants=grants,
        api_key_id=key_id,
        user_id=None,
    )
    entry = (
        CachedCaller(
            kind=PrincipalKind.API_KEY,
            label=name,
            tenant=tenant_row,
            role=role,
            module_grants=grants,
            tenant_key=str(tenant.id),
            api_key_id=key_id,
            creator_id=created_by,
            expires_at=expires_at,
            last_used_at=last_used_at,
        )
        if tenant_row is not None
        else None
    )
    return principal, entry


async def _session_principal(work: UnitOfWork, cookie: str) -> tuple[Principal, str] | None:
    """Return the session's principal and its CSRF token, or None if the session is gone."""
    session_id = sha256_hex(cookie)
    key = "session:" + session_id
    cache = cache_of(work)
    if cache is not None:
        cached = cache.get(key)
        if cached is not None and cached.expires_at is not None and cached.expires_at > utcnow():
            if cached.tenant is not None:
                await work.bind_tenant(cached.tenant.id)  # before the rows are attached
            assert cached.csrf_token is not None
            return cached.principal(work), cached.csrf_token
    generation = cache.generation if cache is not None else 0
    found = await _look_up_session(work, session_id)
    if found is None:
        if cache is not None:
            cache.forget(key)
        return None
    principal, csrf_token, entry = found
    if cache is not None and entry is not None:
        cache.put(key, entry, generation)
    return principal, csrf_token


async def _look_up_session(
    work: UnitOfWork, session_id: str
) -> tuple[Principal, str, CachedCaller | None] | None:
    """The session's principal, its CSRF token and the principal cache's entry, or None."""
    session = work.session
    row = (
        await session.execute(
            select(WebSession, User)
            .join(User, User.id == WebSession.user_id)
            .where(WebSession.id == session_id, WebSession.expires_at > utcnow(), User.disabled_at.is_(None))
        )
    ).first()
    if row is None:
        return None
    web_session, user = row
    user_row = snapshot_row(user)
    base = Principal(
        kind=PrincipalKind.USER, label=user.email, user_id=user.id, session_id=session_id, user=user
    )

    def entry(principal: Principal, tenant_row: RowSnapshot | None = None) -> CachedCaller | None:
        if user_row is None or (principal.tenant is not None and tenant_row is None):
            return None
        return CachedCaller(
            kind=PrincipalKind.USER,
            label=principal.label,
            tenant=tenant_row,
            role=principal.role,
            module_grants=principal.module_grants,
            tenant_key=str(web_session.tenant_id) if web_session.tenant_id is not None else None,
            user=user_row,
            user_id=user.id,
            session_id=session_id,
            expires_at=web_session.expires_at,
            csrf_token=web_session.csrf_token,
        )

    tenant = await session.get(Tenant, web_session.tenant_id) if web_session.tenant_id is not None else None
    if tenant is None or tenant.status is TenantStatus.SUSPENDED:
        # The user stays signed in (they can sign out or switch to another tenant); tenant routes refuse.
        return base, web_session.csrf_token, entry(base)
    tenant_row = snapshot_row(tenant)
    await work.bind_tenant(tenant.id)
    membership = await session.scalar(select(Membership).where(Membership.user_id == user.id))
    if membership is None:
        # Removed from the tenant meanwhile: no tenant scope (and no tenant setting) for this request.
        await work.forget_tenant()
        return base, web_session.csrf_token, entry(base)
    principal = Principal(
        kind=PrincipalKind.USER,
        label=user.email,
        tenant=tenant,
        role=Role(membership.role),
        module_grants=frozenset(membership.module_grants),
        user_id=user.id,
        session_id=session_id,
        user=user,
    )
    return principal, web_session.csrf_token, entry(principal, tenant_row)


class IdempotencyMiddleware:
    """Replay the first response of a POST retried with the same ``Idempotency-Key``.

    The key row is inserted in the request's own transaction: a concurrent retry waits on
    the unique index until the first one commits (then replays it) or rolls back (then runs).
    Only successful responses are kept; a failed request leaves no key behind.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, b"idempotency-key") if scope["type"] == ScopeType.HTTP else None
        principal = scope.get("user")
        if (
            key is None
            or _method(scope) != "POST"
            or not isinstance(principal, Principal)
            or (principal.tenant is None and principal.kind is not PrincipalKind.OPERATOR)
        ):
            await self.app(scope, receive, send)
            return
        # Keys are scoped to the tenant, or (operator calls have none) to the operator.
        model: type[IdempotencyRecord] | type[OperatorIdempotencyRecord] = (
            IdempotencyRecord if principal.tenant is not None else OperatorIdempotencyRecord
        )
        if not 1 <= len(key) <= 255:
            raise ValidationProblem.for_field(
                "Idempotency-Key", "must be 1 to 255 characters", source="header"
            )
        handler = scope.get("route_handler")
        if handler is not None and handler.opt.get("streams_body"):
            # Uploads stream: never hold them in memory. Their fingerprint is the declared
            # length and type, so a retried upload replays while a different one is refused.
            body = b"%s;%s" % (
                (_header(scope, b"content-length") or "").encode(),
                (_header(scope, b"content-type") or "").encode(),
            )
            replay_receive = receive
        else:
            body, replay_receive = await read_body(receive)
        # The caller is part of the fingerprint: a replay never hands one caller's result to another
        # (the route's guards do not run again on a replay).
        caller = str(principal.api_key_id or principal.user_id or principal.kind.value).encode()
        fingerprint = hashlib.sha256(
            b"\n".join(
                [
                    caller,
                    _method(scope).encode(),
                    scope["path"].encode(),
                    scope.get("query_string", b""),
                    body,
                ]
            )
        ).hexdigest()
        session = session_of(scope)
        await _purge_expired_keys(session, model)
        record_id = await _claim_key(session, key, fingerprint, model)
        if not isinstance(record_id, uuid.UUID):
            await _replay(record_id, send)
            return

        captured: dict[str, Any] = {"status": 500, "headers": [], "body": bytearray()}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [
                    (bytes(k).decode("latin-1"), bytes(v).decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if bytes(k).lower() in {b"content-type", b"location", b"etag"}
                ]
            elif message["type"] == "http.response.body":
                captured["body"].extend(message.get("body", b""))
            await send(message)

        await self.app(scope, replay_receive, capture)
        if captured["status"] < 400:
            withheld = handler is not None and handler.opt.get("shows_secret_once")
            await session.execute(
                update(model)
                .where(model.id == record_id)
                .values(
                    status_code=captured["status"],
                    # A secret shown once is never stored, not even here: its replay says so instead.
                    response_headers=[[SECRET_WITHHELD, "1"]] if withheld else captured["headers"],
                    response_body=b"" if withheld else bytes(captured["body"]),
                )
                .execution_options(synchronize_session=False)
            )


async def read_body(
    receive: Receive, *, limit: int | None = None, too_large: str = "The form is too large."
) -> tuple[bytes, Any]:
    """Read the whole body (refusing it past ``limit`` bytes with ``too_large``) and a
    ``receive`` that replays it to the app."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # http.disconnect
            # Never a truncated body passed on as if whole: the request ends here, rolled back.
            raise ClientClosedProblem
        chunk = message.get("body", b"")
        size += len(chunk)
        if limit is not None and size > limit:
            raise PayloadTooLargeProblem(too_large)
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Any:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


async def _claim_key(
    session: AsyncSession,
    key: str,
    fingerprint: str,
    model: type[IdempotencyRecord] | type[OperatorIdempotencyRecord],
) -> uuid.UUID | IdempotencyRecord | OperatorIdempotencyRecord:
    """Insert the key (ours to run) or return the stored record to replay."""
    if model is IdempotencyRecord:
        values: dict[str, Any] = {"tenant_id": session.info["tenant_id"]}
        unique = ["tenant_id", "key"]
    else:
        values, unique = {"id": new_id()}, ["key"]
    for _ in range(2):
        claimed = await session.scalar(
            insert(model)
            .values(key=key, fingerprint=fingerprint, **values)
            .on_conflict_do_nothing(index_elements=unique)
            .returning(model.id)
        )
        if claimed is not None:
            return uuid.UUID(str(claimed))
        existing: IdempotencyRecord | OperatorIdempotencyRecord | None = await session.scalar(
            select(model).where(model.key == key)
        )
        if existing is None:
            continue
        if utcnow() - existing.created_at > IDEMPOTENCY_TTL:
            await session.execute(delete(model).where(model.id == existing.id))
            continue
        if existing.fingerprint != fingerprint:
            raise IdempotencyConflictProblem(
                "This Idempotency-Key was already used with a different request."
            )
        return existing
    raise IdempotencyInFlightProblem(
        "This Idempotency-Key is in use; retry shortly.", headers={"Retry-After": "1"}
    )


SECRET_WITHHELD = "x-bizsuite-secret-withheld"


async def _purge_expired_keys(
    session: AsyncSession, model: type[IdempotencyRecord] | type[OperatorIdempotencyRecord]
) -> None:
    """Forget the scope's keys older than 24 hours (a few at a time, on keyed requests)."""
    expired = (
        select(model.id)
        .where(model.created_at < utcnow() - IDEMPOTENCY_TTL)
        .order_by(model.created_at)
        .limit(100)
    )
    await session.execute(
        delete(model)
        .where(model.id.in_(expired.scalar_subquery()))
        .execution_options(synchronize_session=False)
    )


async def _replay(record: IdempotencyRecord | OperatorIdempotencyRecord, send: Send) -> None:
    if any(name == SECRET_WITHHELD for name, _ in record.response_headers or []):
        raise IdempotencyConflictProblem(
            "The first request with this key succeeded; its secret was shown only once and is not "
            "stored. List the records to find it, and revoke and recreate it if the secret was lost."
        )
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in record.response_headers or []]
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": record.status_code or 200, "headers": headers})
    await send({"type": "http.response.body", "body": record.response_body or b"", "more_body": False})


_ = msgspec  # bodies are stored as produced by the handler's serializer
