"""A retrying httpx transport: safe retries for rate limits, outages and lost connections."""

from __future__ import annotations

import asyncio
import random
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from bizsuite_sdk.errors import parse_retry_after

IDEMPOTENCY_KEY = "Idempotency-Key"
#: A request extension that overrides the policy's ``max_retries`` for one request.
MAX_RETRIES_EXTENSION = "bizsuite_max_retries"
#: Methods a server may run twice without a different outcome.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Failures where the request may not have reached the server, or its answer was lost.
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry.

    ``max_retries`` bounds the extra attempts (0 turns retries off). Without ``Retry-After``
    the wait grows exponentially from ``backoff`` up to ``max_backoff`` seconds, with jitter.
    A ``Retry-After`` longer than ``max_retry_after`` is not waited for: the response is
    returned (``unwrap`` raises ``RateLimitError`` with its ``retry_after``).
    """

    max_retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = field(default_factory=lambda: frozenset({429, 502, 503, 504}))

    def backoff_delay(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt + 1`` when the server gave no hint."""
        ceiling = min(self.max_backoff, self.backoff * 2.0**attempt)
        return ceiling * random.uniform(0.5, 1.0)  # jitter spreads out clients retrying together

    def response_delay(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying ``response``, or ``None`` to return it as is."""
        if response.status_code not in self.retry_statuses:
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is None:
            return self.backoff_delay(attempt)
        return retry_after if retry_after <= self.max_retry_after else None


def prepare(request: httpx.Request) -> bool:
    """Give a POST without one an ``Idempotency-Key``; return whether the request may be retried.

    The key is set once, before the first attempt, so every retry carries the same key and
    the server runs the POST at most once. Writes with ``If-Match`` are safe too: a replayed
    update meets a newer version and is refused (412) instead of applied twice.
    """
    if request.method == "POST" and IDEMPOTENCY_KEY not in request.headers:
        request.headers[IDEMPOTENCY_KEY] = str(uuid.uuid4())
    safe = (
        request.method in _IDEMPOTENT_METHODS
        or IDEMPOTENCY_KEY in request.headers
        or "If-Match" in request.headers
    )
    # A streamed upload cannot be sent twice; the generated client always sends bytes.
    return safe and isinstance(request.stream, httpx.ByteStream)


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wrap httpx's transports with bounded, idempotency-safe retries (sync and async).

    One instance serves both ``httpx.Client`` and ``httpx.AsyncClient``, so a single
    generated ``AuthenticatedClient`` can be used with ``sync`` and ``asyncio`` calls alike.
    Retried: 429, 502, 503, 504 (honouring ``Retry-After``) and connection failures, for
    requests that are safe to repeat (see ``prepare``). Anything else is returned untouched.
    The wrapped transports default to httpx's own; pass yours for a proxy or a custom CA.
    """

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.policy = policy or RetryPolicy()
        self._lock = threading.Lock()
        self._transport = transport
        self._async_transport = async_transport
        self._sleep = sleep
        self._async_sleep = async_sleep

    @property
    def transport(self) -> httpx.BaseTransport:
        """The wrapped sync transport (created on first use)."""
        with self._lock:
            if self._transport is None:
                self._transport = httpx.HTTPTransport()
            return self._transport

    @property
    def async_transport(self) -> httpx.AsyncBaseTransport:
        """The wrapped async transport (created on first use)."""
        with self._lock:
            if self._async_transport is None:
                self._async_transport = httpx.AsyncHTTPTransport()
            return self._async_transport

    def _max_retries(self, request: httpx.Request) -> int:
        override = request.extensions.get(MAX_RETRIES_EXTENSION)
        return self.policy.max_retries if override is None else int(override)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying as the policy allows."""
        retryable = prepare(request)
        max_retries = self._max_retries(request)
        attempt = 0
        while True:
            try:
                response = self.transport.handle_request(request)
            except _RETRYABLE_ERRORS:
                if not retryable or attempt >= max_retries:
                    raise
                delay = self.policy.backoff_delay(attempt)
            else:
                wait = self.policy.response_delay(response, attempt)
                if not retryable or attempt >= max_retries or wait is None:
                    return response
                response.close()
                delay = wait
            self._sleep(delay)
            attempt += 1

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying as the policy allows (async)."""
        retryable = prepare(request)
        max_retries = self._max_retries(request)
        attempt = 0
        while True:
            try:
                response = await self.async_transport.handle_async_request(request)
            except _RETRYABLE_ERRORS:
                if not retryable or attempt >= max_retries:
                    raise
                delay = self.policy.backoff_delay(attempt)
            else:
                wait = self.policy.response_delay(response, attempt)
                if not retryable or attempt >= max_retries or wait is None:
                    return response
                await response.aclose()
                delay = wait
            await self._async_sleep(delay)
            attempt += 1

    def close(self) -> None:
        """Close the wrapped sync transport."""
        if self._transport is not None:
            self._transport.close()

    async def aclose(self) -> None:
        """Close the wrapped async transport."""
        if self._async_transport is not None:
            await self._async_transport.aclose()
