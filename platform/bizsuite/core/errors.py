"""One error hierarchy, rendered as RFC 9457 problem details (``application/problem+json``)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.enums import RequestEncodingType
from litestar.exceptions import (
    HTTPException,
    SerializationException,
    ValidationException,
)
from litestar.utils.scope.state import ScopeState
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm.exc import StaleDataError

from bizsuite.core import validation

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://bizsuite.dev/problems/"


class FieldError(msgspec.Struct, kw_only=True):
    """One invalid field: where it is and what is wrong with it."""

    field: str
    message: str
    source: str = "body"


class ProblemDetails(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An RFC 9457 problem: ``type`` is stable, ``detail`` is for people."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """A domain or API error with a stable problem type."""

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}

    @classmethod
    def for_field(cls, field: str, message: str, *, source: str = "body") -> ProblemError:
        """Build the error for one invalid field."""
        return cls(message, errors=[FieldError(field=field, message=message, source=source)])


class ValidationProblem(ProblemError):
    """The request is well-formed but a field is invalid."""

    status = 422
    slug = "validation-error"
    title = "Invalid request"


class NotFoundProblem(ProblemError):
    """The resource does not exist (or belongs to another tenant: the same answer)."""

    status = 404
    slug = "not-found"
    title = "Not found"


class ConflictProblem(ProblemError):
    """The request conflicts with the current state."""

    status = 409
    slug = "conflict"
    title = "Conflict"


class IdempotencyConflictProblem(ConflictProblem):
    """The idempotency key was used with a different request, or is still in flight."""

    slug = "idempotency-key-reused"
    title = "Idempotency key reused"


class IdempotencyInFlightProblem(ConflictProblem):
    """A request with the same idempotency key is still running; retry after a moment."""

    slug = "idempotency-key-in-flight"
    title = "Idempotency key in flight"


class PreconditionFailedProblem(ProblemError):
    """``If-Match`` does not name the current version."""

    status = 412
    slug = "precondition-failed"
    title = "Version mismatch"


class PreconditionRequiredProblem(ProblemError):
    """An update came without ``If-Match``."""

    status = 428
    slug = "precondition-required"
    title = "If-Match required"


class UnauthorizedProblem(ProblemError):
    """No valid credentials."""

    status = 401
    slug = "unauthorized"
    title = "Authentication required"


class ForbiddenProblem(ProblemError):
    """Authenticated, but not allowed."""

    status = 403
    slug = "forbidden"
    title = "Not allowed"


class TenantSuspendedProblem(ForbiddenProblem):
    """The tenant is suspended."""

    slug = "tenant-suspended"
    title = "Tenant suspended"


class CsrfProblem(ForbiddenProblem):
    """A cookie-authenticated write without the session's CSRF token."""

    slug = "csrf-failed"
    title = "CSRF token missing or wrong"


class PayloadTooLargeProblem(ProblemError):
    """The request body is larger than this endpoint accepts."""

    status = 413
    slug = "payload-too-large"
    title = "Payload too large"


class ClientClosedProblem(ProblemError):
    """The client went away before its request's body arrived whole (nginx's 499).

    Nobody receives this answer; it exists so the request's work is rolled back and the access
    log says what happened rather than recording an internal error."""

    status = 499
    slug = "client-closed-request"
    title = "Client closed the request"


class RateLimitedProblem(ProblemError):
    """Too many requests for this key."""

    status = 429
    slug = "rate-limited"
    title = "Too many requests"


class UnavailableProblem(ProblemError):
    """The database is unavailable or saturated; retry later."""

    status = 503
    slug = "service-unavailable"
    title = "Service temporarily unavailable"


_HTTP_SLUGS = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Authentication required"),
    403: ("forbidden", "Not allowed"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("rate-limited", "Too many requests"),
}


#: What Litestar's request stream raises (as a 500) when the client disconnects mid-body.
_LITESTAR_CLIENT_GONE = "client disconnected prematurely"


def problem_type(slug: str) -> str:
    """Return the stable ``type`` URI for a problem slug."""
    return PROBLEM_BASE + slug


def _request_id(request: Request[Any, Any, Any]) -> str:
    # Requests that matched no route never passed the request-id middleware: give them one here.
    state = request.scope.setdefault("state", {})
    value = state.get("request_id")
    if not isinstance(value, str):
        value = state["request_id"] = uuid.uuid4().hex
    return value


def wants_html(request: Request[Any, Any, Any]) -> bool:
    """The one place that decides HTML or JSON for an error: a browser asking for a page (its
    ``Accept`` puts ``text/html`` before any JSON, or htmx asks) gets the HTML error page in its
    language; the API (``/api/``), static files and every other client get problem JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in ("/api", "/static"):
        return False
    accept = request.headers.get("accept", "").lower()
    html, json = accept.find("text/html"), accept.find("json")
    if html >= 0:
        return json < 0 or html < json
    return request.headers.get("hx-request") == "true" and json < 0


#: Renders an error as an HTML page for a browser (set by the web layer: ``web/support.py``).
HtmlErrors = Callable[[Request[Any, Any, Any], int, dict[str, str] | None], Response[Any]]
_html_errors: list[HtmlErrors] = []


def render_html_errors_with(renderer: HtmlErrors) -> None:
    """Let the web layer render problems of browser requests as pages (:func:`wants_html`)."""
    _html_errors[:] = [renderer]


def problem_response(
    request: Request[Any, Any, Any],
    *,
    status: int,
    slug: str,
    title: str,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    """Render a problem as a response: problem JSON, or the HTML error page when a browser asked
    for a page (:func:`wants_html`)."""
    if _html_errors and wants_html(request):
        try:
            return _html_errors[0](request, status, headers)
        except Exception:  # the error page itself failed: the problem still answers
            log.exception("error page failed")
    body = ProblemDetails(
        type=problem_type(slug),
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        request_id=_request_id(request),
        errors=errors,
    )
    return Response(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _field_errors_from_validation(
    exc: ValidationException, kinds: dict[str, Any] | None = None
) -> list[FieldError]:
    """Litestar's error items reworded in the catalogue's plain words (``core/validation.py``)."""
    errors: list[FieldError] = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if not isinstance(item, dict):
            continue
        raw = str(item.get("message", "invalid value"))
        key = item.get("key")
        raw_source = item.get("source", "body")
        source = str(getattr(raw_source, "value", raw_source))
        # Body errors come keyed as "data"; msgspec names the field inside the message.
        field = _field_from_message(raw) if not key or key == "data" else str(key)
        message = validation.plain(raw.split(" - at `")[0], (kinds or {}).get(field))
        errors.append(FieldError(field=field, message=str(message), source=source))
    return errors


def _field_from_message(message: str) -> str:
    # msgspec names the path like "... - at `$.parent_id`" or "Object contains unknown field `x`".
    if "`" in message and (" - at `" in message or "unknown field" in message or "required field" in message):
        path = message.rsplit("`", 2)[1]
        return path.removeprefix("$.").removeprefix("$") or "body"
    return "body"


def _json_body_schema(request: Request[Any, Any, Any]) -> Any:
    """The Struct a JSON route decodes its body into, or ``None``."""
    handler = request.scope.get("route_handler")
    data = handler.parsed_fn_signature.parameters.get("data") if handler is not None else None
    if data is None or getattr(data.kwarg_definition, "media_type", None) not in (
        None,
        RequestEncodingType.JSON,
    ):
        return None
    kind = data.annotation
    return kind if validation.is_struct(kind) else None


def _body_errors(request: Request[Any, Any, Any], schema: Any) -> tuple[list[FieldError], bool] | None:
    """Every bad field of the request's JSON body at once, and whether the body is malformed.

    ``None`` when the body cannot be read again (the caller keeps msgspec's first error).
    """
    body = ScopeState.from_scope(request.scope).body
    if not isinstance(body, bytes):
        return None
    if not body.strip():
        return [FieldError(field="body", message=validation.BODY_REQUIRED)], False
    try:
        values = msgspec.json.decode(body)
    except msgspec.DecodeError:
        return [FieldError(field="body", message=str(validation.Message(validation.MALFORMED)))], True
    issues = validation.field_errors(values, schema)
    return [FieldError(field=i.field, message=str(i.message)) for i in issues], False


def handle_problem(request: Request[Any, Any, Any], exc: ProblemError) -> Response[Any]:
    """Render a :class:`ProblemError`."""
    return problem_response(
        request,
        status=exc.status,
        slug=exc.slug,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        headers=exc.headers,
    )


def handle_validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    """Render body, query and path validation failures: every bad field at once, in plain words."""
    schema = _json_body_schema(request)
    kinds = {f.encode_name: f.type for f in msgspec.structs.fields(schema)} if schema is not None else None
    errors = _field_errors_from_validation(exc, kinds)
    malformed = any(
        "malformed" in str(item.get("message", "")).lower()
        or "json is" in str(item.get("message", "")).lower()
        for item in (exc.extra if isinstance(exc.extra, list) else [])
        if isinstance(item, dict)
    )
    if schema is not None and any(e.source == "body" for e in errors):
        found = _body_errors(request, schema)
        if found is not None and found[0]:
            body_errors, malformed = found
            errors = [e for e in errors if e.source != "body"] + body_errors
    slug, title, status = (
        ("malformed-body", "Malformed body", 400)
        if malformed
        else (
            ValidationProblem.slug,
            ValidationProblem.title,
            422 if errors else 400,
        )
    )
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors) or exc.detail
    return problem_response(request, status=status, slug=slug, title=title, detail=detail, errors=errors)


def handle_too_deep(request: Request[Any, Any, Any], exc: RecursionError) -> Response[Any]:
    """A document nested too deeply for the decoder (``core/limits.py`` refuses most before)."""
    message = validation.TOO_DEEP
    return problem_response(
        request,
        status=422,
        slug=ValidationProblem.slug,
        title=ValidationProblem.title,
        detail=f"body: {message}",
        errors=[FieldError(field="body", message=message)],
    )


def handle_http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """Render Litestar's own HTTP errors (404 route, 405, 429...) as problems."""
    status = exc.status_code
    slug, title = _HTTP_SLUGS.get(status, ("http-error", "HTTP error"))
    headers = dict(exc.headers or {})
    if status == 429 and "Retry-After" not in headers:
        headers["Retry-After"] = headers.get("RateLimit-Reset", "1")
    if status == 500 and exc.detail == _LITESTAR_CLIENT_GONE:
        return handle_problem(request, ClientClosedProblem())
    detail = exc.detail if status < 500 else None
    if isinstance(exc.__cause__, SerializationException):
        slug, title = "malformed-body", "Malformed body"
    return problem_response(request, status=status, slug=slug, title=title, detail=detail, headers=headers)


def handle_database(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Turn database failures into 409/503 problems instead of 500s."""
    if isinstance(exc, StaleDataError):
        if request.headers.get("if-match") is None:
            # No version was asked for: a concurrent request changed a row this one also changes
            # (e.g. two contacts made primary at once). Not a stale read by the caller: a conflict.
            return problem_response(
                request,
                status=409,
                slug=ConflictProblem.slug,
                title=ConflictProblem.title,
                detail="A concurrent request changed the same records; retry.",
                headers={"Retry-After": "1"},
            )
        return problem_response(
            request,
            status=412,
            slug=PreconditionFailedProblem.slug,
            title=PreconditionFailedProblem.title,
            detail="The record was changed by someone else; reload it and try again.",
        )
    if isinstance(exc, IntegrityError):
        return _integrity_problem(request, exc)
    if database_unavailable(exc):
        log.warning("database unavailable: %s: %s", type(exc).__name__, exc)
        return problem_response(
            request,
            status=503,
            slug=UnavailableProblem.slug,
            title=UnavailableProblem.title,
            detail="The database is not answering; retry shortly.",
            headers={"Retry-After": "2"},
        )
    state = _sqlstate(exc)
    if state in RETRYABLE_SQLSTATES:
        # Statement timeout, lock timeout, serialization failure or deadlock: safe to retry.
        log.warning("database contention (%s): %s", state, exc)
        return problem_response(
            request,
            status=503,
            slug=UnavailableProblem.slug,
            title=UnavailableProblem.title,
            detail="The database was busy with a conflicting change; retry shortly.",
            headers={"Retry-After": "1"},
        )
    if state is not None and state.startswith("22"):
        return problem_response(
            request,
            status=422,
            slug=ValidationProblem.slug,
            title=ValidationProblem.title,
            detail="A value is out of range or malformed for the database.",
        )
    if state == "42501":
        log.error("row-level security refused a write: %s", exc)
        return problem_response(request, status=403, slug=ForbiddenProblem.slug, title=ForbiddenProblem.title)
    log.exception("database error", exc_info=exc)
    return _internal_problem(request)


#: lock_not_available, query_canceled (statement timeout), serialization_failure, deadlock_detected
RETRYABLE_SQLSTATES = frozenset({"55P03", "57014", "40001", "40P01"})
#: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down); and the
#: whole class 08 (connection exceptions) is matched by prefix.
UNAVAILABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
#: Modules whose socket errors mean "the database is gone" (an ``OSError`` from elsewhere,
#: say a file store, stays a 500).
_DATABASE_MODULES = ("asyncpg", "sqlalchemy", "psycopg")


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` says the database cannot be reached now (a retry later may succeed).

    The whole chain is read (``__cause__`` and ``__context__``): a lost connection can surface
    wrapped by SQLAlchemy, unwrapped from asyncpg, or as the error of a rollback that followed it.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _unavailable(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _unavailable(exc: BaseException) -> bool:
    if isinstance(exc, PoolTimeoutError | OperationalError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        state = _sqlstate(exc)
        if state is not None and (state in UNAVAILABLE_SQLSTATES or state.startswith("08")):
            return True
        return isinstance(exc.orig, OSError)
    if type(exc).__module__.split(".")[0] == "asyncpg":
        # Unwrapped driver errors: "connection was closed", "cannot connect now" and the like.
        state = getattr(exc, "sqlstate", None)
        name = type(exc).__name__
        return (
            (isinstance(state, str) and (state in UNAVAILABLE_SQLSTATES or state.startswith("08")))
            or name in _ASYNCPG_CONNECTION_ERRORS
            or (name == "InterfaceError" and "closed" in str(exc))
        )
    if isinstance(exc, OSError):
        # Connect errors (refused, reset, timed out) come out of asyncpg unwrapped.
        return _raised_in(exc, _DATABASE_MODULES)
    return False


#: asyncpg's errors that mean the connection is gone, whatever their SQLSTATE says.
_ASYNCPG_CONNECTION_ERRORS = frozenset(
    {"ConnectionDoesNotExistError", "ConnectionFailureError", "CannotConnectNowError"}
)


def _raised_in(exc: BaseException, modules: tuple[str, ...]) -> bool:
    traceback = exc.__traceback__
    while traceback is not None:
        name = str(traceback.tb_frame.f_globals.get("__name__", ""))
        if name.split(".")[0] in modules:
            return True
        traceback = traceback.tb_next
    return False


def _sqlstate(exc: Exception) -> str | None:
    original = getattr(exc, "orig", None)
    for candidate in (original, getattr(original, "__cause__", None)):
        state = getattr(candidate, "sqlstate", None)
        if isinstance(state, str):
            return state
    return None


def _integrity_problem(request: Request[Any, Any, Any], exc: IntegrityError) -> Response[Any]:
    if _sqlstate(exc) == "23505":
        # A concurrent duplicate: the same answer the services give for a duplicate they see.
        fields = unique_fields(_constraint_name(exc))
        if fields:
            message = "this value is already used"
            return problem_response(
                request,
                status=409,
                slug=ConflictProblem.slug,
                title=ConflictProblem.title,
                detail="; ".join(f"{field}: {message}" for field in fields),
                errors=[FieldError(field=field, message=message) for field in fields],
            )
    return problem_response(
        request,
        status=409,
        slug="integrity-conflict",
        title="Conflict with existing data",
        detail=_integrity_detail(exc),
    )


def _constraint_name(exc: IntegrityError) -> str | None:
    original = exc.orig
    for candidate in (original, getattr(original, "__cause__", None)):
        name = getattr(candidate, "constraint_name", None)
        if isinstance(name, str):
            return name
    return None


#: Columns every tenant table's unique keys start with; never the field a caller got wrong.
_SCOPE_COLUMNS = frozenset({"tenant_id"})


def unique_fields(constraint: str | None) -> list[str]:
    """The fields a unique constraint or index (by name) keeps unique, from the models' metadata."""
    if not constraint:
        return []
    from sqlalchemy import Column, UniqueConstraint
    from sqlalchemy.sql import visitors

    from bizsuite.core.db import Base

    for table in Base.metadata.tables.values():
        for constraint_item in table.constraints:
            if constraint_item.name == constraint and isinstance(constraint_item, UniqueConstraint):
                return [c.name for c in constraint_item.columns if c.name not in _SCOPE_COLUMNS]
        for index in table.indexes:
            if index.name != constraint:
                continue
            columns = [column.name for column in index.columns]
            for expression in index.expressions:
                columns += [
                    node.name
                    for node in visitors.iterate(expression if not isinstance(expression, str) else None)
                    if isinstance(node, Column) and node.name not in columns
                ]
            return [name for name in columns if name not in _SCOPE_COLUMNS]
    return []


def _integrity_detail(exc: IntegrityError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "foreign key" in text.lower():
        return "A referenced record does not exist."
    if "unique" in text.lower() or "duplicate" in text.lower():
        return "A record with the same unique value already exists."
    return "The change conflicts with existing data."


def handle_internal(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Last resort: database failures (wrapped or not) go to :func:`handle_database`; anything
    else is logged and answered with a generic 500 problem carrying the request id."""
    if isinstance(exc, DBAPIError | PoolTimeoutError | StaleDataError) or database_unavailable(exc):
        return handle_database(request, exc)
    log.exception("unhandled error", exc_info=exc)
    return _internal_problem(request)


def _internal_problem(request: Request[Any, Any, Any]) -> Response[Any]:
    return problem_response(
        request,
        status=500,
        slug="internal-error",
        title="Internal error",
        detail="Something went wrong on our side; quote the request id to support.",
    )


EXCEPTION_HANDLERS: dict[Any, Any] = {
    ProblemError: handle_problem,
    ValidationException: handle_validation,
    HTTPException: handle_http,
    RecursionError: handle_too_deep,
    StaleDataError: handle_database,
    DBAPIError: handle_database,
    PoolTimeoutError: handle_database,
    Exception: handle_internal,
}
