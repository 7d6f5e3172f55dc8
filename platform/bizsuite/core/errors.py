"""One error hierarchy, rendered as RFC 9457 problem details (``application/problem+json``)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    SerializationException,
    ValidationException,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm.exc import StaleDataError

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


def problem_response(
    request: Request[Any, Any, Any],
    *,
    status: int,
    slug: str,
    title: str,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[ProblemDetails]:
    """Render a problem as a response."""
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


def _field_errors_from_validation(exc: ValidationException) -> list[FieldError]:
    errors: list[FieldError] = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if not isinstance(item, dict):
            continue
        message = str(item.get("message", "invalid value"))
        key = item.get("key")
        raw_source = item.get("source", "body")
        source = str(getattr(raw_source, "value", raw_source))
        # Body errors come keyed as "data"; msgspec names the field inside the message.
        field = _field_from_message(message) if not key or key == "data" else str(key)
        errors.append(FieldError(field=field, message=message, source=source))
    return errors


def _field_from_message(message: str) -> str:
    # msgspec names the path like "... - at `$.parent_id`" or "Object contains unknown field `x`".
    if "`" in message:
        path = message.split("`")[1]
        return path.removeprefix("$.").removeprefix("$") or "body"
    return "body"


def handle_problem(request: Request[Any, Any, Any], exc: ProblemError) -> Response[ProblemDetails]:
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


def handle_validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[ProblemDetails]:
    """Render Litestar's body/query validation failures with one entry per field."""
    errors = _field_errors_from_validation(exc)
    malformed = any("malformed" in e.message.lower() or "json is" in e.message.lower() for e in errors)
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


def handle_http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[ProblemDetails]:
    """Render Litestar's own HTTP errors (404 route, 405, 429...) as problems."""
    status = exc.status_code
    slug, title = _HTTP_SLUGS.get(status, ("http-error", "HTTP error"))
    headers = dict(exc.headers or {})
    if status == 429 and "Retry-After" not in headers:
        headers["Retry-After"] = headers.get("RateLimit-Reset", "1")
    detail = exc.detail if status < 500 else None
    if isinstance(exc.__cause__, SerializationException):
        slug, title = "malformed-body", "Malformed body"
    return problem_response(request, status=status, slug=slug, title=title, detail=detail, headers=headers)


def handle_database(request: Request[Any, Any, Any], exc: Exception) -> Response[ProblemDetails]:
    """Turn database failures into 409/503 problems instead of 500s."""
    if isinstance(exc, StaleDataError):
        return problem_response(
            request,
            status=412,
            slug=PreconditionFailedProblem.slug,
            title=PreconditionFailedProblem.title,
            detail="The record was changed by someone else; reload it and try again.",
        )
    if isinstance(exc, IntegrityError):
        return problem_response(
            request,
            status=409,
            slug="integrity-conflict",
            title="Conflict with existing data",
            detail=_integrity_detail(exc),
        )
    if isinstance(exc, PoolTimeoutError | OperationalError | OSError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    ):
        log.warning("database unavailable: %s", exc)
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


def _sqlstate(exc: Exception) -> str | None:
    original = getattr(exc, "orig", None)
    for candidate in (original, getattr(original, "__cause__", None)):
        state = getattr(candidate, "sqlstate", None)
        if isinstance(state, str):
            return state
    return None


def _integrity_detail(exc: IntegrityError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "foreign key" in text.lower():
        return "A referenced record does not exist."
    if "unique" in text.lower() or "duplicate" in text.lower():
        return "A record with the same unique value already exists."
    return "The change conflicts with existing data."


def handle_internal(request: Request[Any, Any, Any], exc: Exception) -> Response[ProblemDetails]:
    """Last resort: log it, answer a generic 500 problem carrying the request id."""
    if isinstance(exc, DBAPIError | PoolTimeoutError):
        return handle_database(request, exc)
    log.exception("unhandled error", exc_info=exc)
    return _internal_problem(request)


def _internal_problem(request: Request[Any, Any, Any]) -> Response[ProblemDetails]:
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
    StaleDataError: handle_database,
    DBAPIError: handle_database,
    PoolTimeoutError: handle_database,
    Exception: handle_internal,
}
