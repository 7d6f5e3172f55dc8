"""Typed errors: every API error carries the server's RFC 9457 problem details."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from bizsuite_client.types import Response, Unset

if TYPE_CHECKING:  # the models package is large: imported when a problem is parsed, not before
    from bizsuite_client.models.field_error import FieldError
    from bizsuite_client.models.problem_details import ProblemDetails

T = TypeVar("T")


class BizSuiteError(Exception):
    """Base class of every error this SDK raises."""


class ConfigurationError(BizSuiteError):
    """The client is missing a setting, such as ``BIZSUITE_API_KEY``."""


class ApiError(BizSuiteError):
    """The API answered with an error status; ``problem`` holds its problem details.

    Catch a subclass for one kind of failure (``NotFoundError``, ``ValidationError`` ...) or
    this class for all of them.
    """

    #: The statuses this class stands for (used to pick the class for a response).
    statuses: ClassVar[frozenset[int]] = frozenset()

    def __init__(
        self,
        status: int,
        problem: ProblemDetails | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes = b"",
    ) -> None:
        self.status = status
        self.problem = problem
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.content = content
        super().__init__(self._message())

    @property
    def type(self) -> str | None:
        """The stable problem type URI, e.g. ``https://bizsuite.dev/problems/not-found``."""
        return self.problem.type_ if self.problem else None

    @property
    def title(self) -> str | None:
        """The problem's short title."""
        return self.problem.title if self.problem else None

    @property
    def detail(self) -> str | None:
        """The human-readable explanation of this occurrence."""
        return _given(self.problem.detail) if self.problem else None

    @property
    def request_id(self) -> str | None:
        """The server's request id: quote it when asking for support."""
        if self.problem and _given(self.problem.request_id):
            return _given(self.problem.request_id)
        return _header(self.headers, "X-Request-ID")

    @property
    def errors(self) -> list[FieldError]:
        """The invalid fields (``field``, ``message``, ``source``); empty if none were named."""
        if self.problem is None:
            return []
        return list(_given(self.problem.errors) or [])

    def _message(self) -> str:
        parts = [str(self.status), self.title or "HTTP error"]
        if self.detail and self.detail != self.title:
            parts.append(f"- {self.detail}")
        message = " ".join(parts)
        if self.errors:
            message += " (" + "; ".join(f"{e.field}: {e.message}" for e in self.errors) + ")"
        if self.request_id:
            message += f" [request {self.request_id}]"
        return message


class ValidationError(ApiError):
    """400 or 422: the request or one of its fields is invalid (see ``errors``)."""

    statuses = frozenset({400, 422})


class AuthenticationError(ApiError):
    """401: the API key is missing, unknown, revoked or expired."""

    statuses = frozenset({401})


class PermissionDeniedError(ApiError):
    """403: the key's role or module grants do not allow this, or the tenant is suspended."""

    statuses = frozenset({403})


class NotFoundError(ApiError):
    """404: no such record in your tenant (another tenant's records are never visible)."""

    statuses = frozenset({404})


class ConflictError(ApiError):
    """409: the request conflicts with the current state (or reuses an Idempotency-Key)."""

    statuses = frozenset({409})


class StaleVersionError(ApiError):
    """412: the record changed since you read it; read it again and reapply your change."""

    statuses = frozenset({412})


class RateLimitError(ApiError):
    """429: too many requests for this key; ``retry_after`` says how long to wait."""

    statuses = frozenset({429})

    @property
    def retry_after(self) -> float | None:
        """Seconds to wait before retrying, from the ``Retry-After`` header."""
        return parse_retry_after(_header(self.headers, "Retry-After"))


class ServerError(ApiError):
    """5xx: the server or a proxy failed; the request was not applied."""

    statuses = frozenset(range(500, 600))


_CLASSES: tuple[type[ApiError], ...] = (
    ValidationError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    StaleVersionError,
    RateLimitError,
    ServerError,
)


def _given(value: T | Unset) -> T | None:
    """Map the generated client's ``UNSET`` to ``None``."""
    return None if isinstance(value, Unset) else value


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def parse_retry_after(value: str | None) -> float | None:
    """Return the seconds a ``Retry-After`` value asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _problem_from(content: bytes) -> ProblemDetails | None:
    from bizsuite_client.models.problem_details import ProblemDetails

    try:
        data = json.loads(content)
        return ProblemDetails.from_dict(data) if isinstance(data, dict) else None
    except (ValueError, KeyError, TypeError):
        return None


def error_for(
    status: int, content: bytes, headers: Mapping[str, str], problem: ProblemDetails | None = None
) -> ApiError:
    """Build the typed error for an error response (parsing its problem details if needed)."""
    if problem is None:
        problem = _problem_from(content)
    cls = next((c for c in _CLASSES if status in c.statuses), ApiError)
    return cls(status, problem, headers=headers, content=content)


def unwrap(response: Response[T | ProblemDetails]) -> T:
    """Return the parsed body of a successful response, or raise its typed ``ApiError``.

    Use it around any generated ``sync_detailed`` / ``asyncio_detailed`` call::

        unit = unwrap(get_org_unit.sync_detailed(unit_id, client=client))
    """
    from bizsuite_client.models.problem_details import ProblemDetails

    status = int(response.status_code)
    if status >= 400 or isinstance(response.parsed, ProblemDetails):
        parsed = response.parsed if isinstance(response.parsed, ProblemDetails) else None
        raise error_for(status, response.content, response.headers, parsed)
    return cast(T, response.parsed)
