"""The runtime behind the generated resource client (``bizsuite_client.resources``).

Hand-written and typed; the generated ``BizSuite`` / ``AsyncBizSuite`` classes and every
resource method call into this module. A resource method names its low-level operation
(``"crm.list_crm_accounts"``), and this module imports that module on first use, builds the
request with the operation's own ``_get_kwargs``, sends it with the per-call options
(timeout, retries, idempotency key), raises the typed ``ApiError`` for an error status and
parses the body with the operation's ``_parse_response``.
"""

from __future__ import annotations

import contextvars
import importlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, Self, TypeVar

import httpx

from bizsuite_sdk.errors import ConfigurationError, error_for
from bizsuite_sdk.retries import IDEMPOTENCY_KEY, MAX_RETRIES_EXTENSION, RetryTransport

if TYPE_CHECKING:
    from bizsuite_client.client import AuthenticatedClient

    from bizsuite_sdk.webhooks import Webhooks

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

API_KEY_ENV = "BIZSUITE_API_KEY"
BASE_URL_ENV = "BIZSUITE_BASE_URL"


class HasVersion(Protocol):
    """Any record the API returns with a ``version`` (optimistic concurrency)."""

    @property
    def version(self) -> int: ...


#: What ``version=`` accepts: the number, or the record you read (its ``version`` is used).
Versioned = int | str | HasVersion


def if_match(version: Versioned) -> str:
    """The ``If-Match`` value for ``version`` (a number, or a record carrying one)."""
    if isinstance(version, bool):
        raise TypeError("version must be an int, a str or a record with a version")
    if isinstance(version, int | str):
        return str(version)
    return str(version.version)


@dataclass(frozen=True)
class RequestOptions:
    """Per-call overrides of the client's defaults."""

    timeout: float | None = None
    max_retries: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its ``items`` and the cursor of the next page (``None`` on the last)."""

    items: list[T]
    next_cursor: str | None


class RawResponse(Generic[R]):
    """The HTTP response of a call (headers, status, request id) and its parsed result."""

    def __init__(self, http_response: httpx.Response, parsed: R) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's ``X-Request-ID`` (quote it when asking for support)."""
        value: str | None = self.http_response.headers.get("X-Request-ID")
        return value

    def parse(self) -> R:
        """The result the method returns without ``with_raw_response``."""
        return self._parsed


class _Capture:
    response: httpx.Response | None = None


_CAPTURE: contextvars.ContextVar[_Capture | None] = contextvars.ContextVar("bizsuite_capture", default=None)


def _operation(name: str) -> ModuleType:
    """The generated low-level module of an operation, imported on first use."""
    return importlib.import_module(f"bizsuite_client.api.{name}")


def build_body(model_module: str, model_name: str, /, **fields: Any) -> Any:
    """Build a request body model (``bizsuite_client.models.<model_module>.<model_name>``)."""
    module = importlib.import_module(f"bizsuite_client.models.{model_module}")
    return getattr(module, model_name)(**fields)


def _prepare(
    name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
) -> dict[str, Any]:
    request: dict[str, Any] = _operation(name)._get_kwargs(*args, **kwargs)
    headers: dict[str, Any] = dict(request.get("headers") or {})
    if options.idempotency_key is not None:
        headers[IDEMPOTENCY_KEY] = options.idempotency_key
    request["headers"] = headers
    if options.timeout is not None:
        request["timeout"] = options.timeout
    if options.max_retries is not None:
        request["extensions"] = {MAX_RETRIES_EXTENSION: options.max_retries}
    return request


def _result(name: str, client: AuthenticatedClient, response: httpx.Response) -> Any:
    if response.status_code >= 400:
        raise error_for(response.status_code, response.content, response.headers)
    capture = _CAPTURE.get()
    if capture is not None:
        capture.response = response
    return _operation(name)._parse_response(client=client, response=response)


def _page(parsed: Any) -> Page[Any]:
    return Page(items=list(parsed.items), next_cursor=getattr(parsed, "next_cursor", None) or None)


def client_settings(api_key: str | None, base_url: str | None) -> tuple[str, str]:
    """The API key and base URL from the arguments or ``BIZSUITE_API_KEY`` / ``BIZSUITE_BASE_URL``."""
    from bizsuite_sdk.client import DEFAULT_BASE_URL

    key = api_key or os.environ.get(API_KEY_ENV, "").strip()
    if not key:
        raise ConfigurationError(f"set {API_KEY_ENV} to an API key (Settings > API keys, or `make demo`)")
    url = base_url or os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL
    return key, url


class _ClientBase:
    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 2,
        transport: RetryTransport | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        from bizsuite_sdk.client import create_client

        key, url = client_settings(api_key, base_url)
        self.base_url = url
        #: The low-level client the generated ``bizsuite_client.api`` functions take.
        self.low_level: AuthenticatedClient = create_client(
            key, url, timeout=timeout, max_retries=max_retries, transport=transport, headers=headers
        )

    @cached_property
    def webhooks(self) -> Webhooks:
        """Verify the signature of a webhook delivery and read its event."""
        from bizsuite_sdk.webhooks import Webhooks

        return Webhooks()


class SyncClientBase(_ClientBase):
    """What ``BizSuite`` adds to its generated resources: configuration and the HTTP calls."""

    def request(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
    ) -> Any:
        """Call operation ``name`` and return its parsed result, or raise its typed error."""
        request = _prepare(name, args, kwargs, options)
        response = self.low_level.get_httpx_client().request(**request)
        return _result(name, self.low_level, response)

    def close(self) -> None:
        """Close the connections."""
        self.low_level.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClientBase(_ClientBase):
    """What ``AsyncBizSuite`` adds to its generated resources."""

    async def request(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
    ) -> Any:
        """Call operation ``name`` and return its parsed result, or raise its typed error."""
        request = _prepare(name, args, kwargs, options)
        response = await self.low_level.get_async_httpx_client().request(**request)
        return _result(name, self.low_level, response)

    async def close(self) -> None:
        """Close the connections."""
        await self.low_level.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


class SyncPager(Generic[T]):
    """Every item of a list, fetched page by page as you iterate (``for item in pager``)."""

    def __init__(self, fetch: Callable[[str | None], Page[T]], cursor: str | None = None) -> None:
        self._fetch = fetch
        self._cursor = cursor
        self._first: Page[T] | None = None

    def first_page(self) -> Page[T]:
        """The first page only (``items``, ``next_cursor``)."""
        if self._first is None:
            self._first = self._fetch(self._cursor)
        return self._first

    def __iter__(self) -> Iterator[T]:
        page = self.first_page()
        while True:
            yield from page.items
            if page.next_cursor is None:
                return
            page = self._fetch(page.next_cursor)

    def to_list(self, limit: int | None = None) -> list[T]:
        """The items as a list: all of them, or the first ``limit``."""
        items: list[T] = []
        for item in self:
            if limit is not None and len(items) >= limit:
                break
            items.append(item)
        return items


class AsyncPager(Generic[T]):
    """Every item of a list, fetched page by page (``async for item in pager``)."""

    def __init__(self, fetch: Callable[[str | None], Awaitable[Page[T]]], cursor: str | None = None) -> None:
        self._fetch = fetch
        self._cursor = cursor
        self._first: Page[T] | None = None

    async def first_page(self) -> Page[T]:
        """The first page only (``items``, ``next_cursor``)."""
        if self._first is None:
            self._first = await self._fetch(self._cursor)
        return self._first

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self.first_page()
        while True:
            for item in page.items:
                yield item
            if page.next_cursor is None:
                return
            page = await self._fetch(page.next_cursor)

    async def to_list(self, limit: int | None = None) -> list[T]:
        """The items as a list: all of them, or the first ``limit``."""
        items: list[T] = []
        async for item in self:
            if limit is not None and len(items) >= limit:
                break
            items.append(item)
        return items


def _checked_cursor(cursor: str | None, previous: str | None) -> None:
    if cursor is not None and cursor == previous:
        raise RuntimeError(f"the server returned the same cursor twice: {cursor!r}")


class SyncResource:
    """Base of the generated sync resources (``client.crm.accounts`` ...)."""

    def __init__(self, client: SyncClientBase) -> None:
        self._client = client

    def _call(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
    ) -> Any:
        return self._client.request(name, args, kwargs, options)

    def _pager(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
    ) -> SyncPager[Any]:
        params = dict(kwargs)
        start = params.pop("cursor", None)
        paged = "cursor" in kwargs

        def fetch(cursor: str | None) -> Page[Any]:
            call = {**params, "cursor": cursor} if paged else params
            page = _page(self._client.request(name, args, call, options))
            _checked_cursor(page.next_cursor, cursor)
            return page

        return SyncPager(fetch, start)


class AsyncResource:
    """Base of the generated async resources."""

    def __init__(self, client: AsyncClientBase) -> None:
        self._client = client

    async def _call(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
    ) -> Any:
        return await self._client.request(name, args, kwargs, options)

    def _pager(
        self, name: str, args: Sequence[Any], kwargs: Mapping[str, Any], options: RequestOptions
    ) -> AsyncPager[Any]:
        params = dict(kwargs)
        start = params.pop("cursor", None)
        paged = "cursor" in kwargs

        async def fetch(cursor: str | None) -> Page[Any]:
            call = {**params, "cursor": cursor} if paged else params
            page = _page(await self._client.request(name, args, call, options))
            _checked_cursor(page.next_cursor, cursor)
            return page

        return AsyncPager(fetch, start)


def _captured(capture: _Capture) -> httpx.Response:
    if capture.response is None:  # pragma: no cover - every method sends a request
        raise RuntimeError("the call sent no request")
    return capture.response


def to_raw_response(func: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """Wrap a sync resource method to return its ``RawResponse`` (a list: its first page's)."""

    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        capture = _Capture()
        token = _CAPTURE.set(capture)
        try:
            result = func(*args, **kwargs)
            if isinstance(result, SyncPager):
                result.first_page()
        finally:
            _CAPTURE.reset(token)
        return RawResponse(_captured(capture), result)

    return wrapped


def to_async_raw_response(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    """Wrap an async resource method to return its ``RawResponse``."""

    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        capture = _Capture()
        token = _CAPTURE.set(capture)
        try:
            result = await func(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return RawResponse(_captured(capture), result)

    return wrapped


def to_async_raw_pager(
    func: Callable[P, AsyncPager[T]],
) -> Callable[P, Awaitable[RawResponse[AsyncPager[T]]]]:
    """Wrap an async list method: fetch its first page and return that page's ``RawResponse``."""

    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[AsyncPager[T]]:
        capture = _Capture()
        token = _CAPTURE.set(capture)
        try:
            pager = func(*args, **kwargs)
            await pager.first_page()
        finally:
            _CAPTURE.reset(token)
        return RawResponse(_captured(capture), pager)

    return wrapped


__all__ = [
    "AsyncClientBase",
    "AsyncPager",
    "AsyncResource",
    "HasVersion",
    "Page",
    "RawResponse",
    "RequestOptions",
    "SyncClientBase",
    "SyncPager",
    "SyncResource",
    "Versioned",
    "build_body",
    "if_match",
    "to_async_raw_pager",
    "to_async_raw_response",
    "to_raw_response",
]
