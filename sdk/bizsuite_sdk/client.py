"""Build a ready client: API key, base URL, timeout, retries and idempotency keys."""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx
from bizsuite_client.client import AuthenticatedClient

from bizsuite_sdk.errors import ConfigurationError
from bizsuite_sdk.retries import RetryPolicy, RetryTransport

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
API_KEY_ENV = "BIZSUITE_API_KEY"
BASE_URL_ENV = "BIZSUITE_BASE_URL"


def _version() -> str:
    from importlib import metadata  # slow to import: only when a client is made

    try:
        return metadata.version("bizsuite-client")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def create_client(
    api_key: str,
    base_url: str = DEFAULT_BASE_URL,
    *,
    timeout: float = 30.0,
    max_retries: int = 2,
    transport: RetryTransport | None = None,
    headers: Mapping[str, str] | None = None,
) -> AuthenticatedClient:
    """Return a client for ``base_url`` authenticated with ``api_key``.

    The same client serves the generated ``sync_detailed`` and ``asyncio_detailed`` calls.
    Requests go through a ``RetryTransport`` (``max_retries`` extra attempts; 0 turns retries
    off) that also gives every POST an ``Idempotency-Key``. Pass ``transport`` to configure
    it further: a ``RetryPolicy``, or the wrapped httpx transports (for a proxy or a CA).
    """
    if not api_key:
        raise ConfigurationError("an API key is required")
    return AuthenticatedClient(
        base_url=base_url.rstrip("/"),
        token=api_key,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": f"bizsuite-client/{_version()}", **(headers or {})},
        httpx_args={
            "transport": transport or RetryTransport(RetryPolicy(max_retries=max_retries)),
            # Proxies from the environment would route around the retrying transport (and
            # its idempotency keys); a proxy goes into the transport instead.
            "trust_env": False,
        },
    )


def client_from_env(
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    timeout: float = 30.0,
    max_retries: int = 2,
    transport: RetryTransport | None = None,
) -> AuthenticatedClient:
    """Return a client configured from ``BIZSUITE_API_KEY`` and ``BIZSUITE_BASE_URL``.

    Arguments win over the environment; the base URL defaults to ``http://127.0.0.1:8000``
    (``make demo``). Raises ``ConfigurationError`` when no API key is given or set.
    """
    key = api_key or os.environ.get(API_KEY_ENV, "").strip()
    if not key:
        raise ConfigurationError(f"set {API_KEY_ENV} to an API key (Settings > API keys, or `make demo`)")
    url = base_url or os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL
    return create_client(key, url, timeout=timeout, max_retries=max_retries, transport=transport)
