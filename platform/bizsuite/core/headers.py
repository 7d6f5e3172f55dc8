"""Browser security headers on every HTML response and on the API docs.

- ``Content-Security-Policy``: scripts only from this site or carrying the request's nonce (no
  ``unsafe-inline``, no ``eval``: htmx runs with ``allowEval`` off, see ``base.html``); no
  plugins; forms post only here; ``frame-ancestors 'none'`` so no other site can frame a page.
  Styles allow inline ``style`` attributes (the pages and ECharts use them; they cannot run code).
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: same-origin``, and
  ``X-Frame-Options: DENY`` for browsers that predate ``frame-ancestors``.
- ``Strict-Transport-Security`` when cookies are marked Secure (the site is served over HTTPS).

The nonce is made once per request (:func:`csp_nonce`), used by the templates' inline scripts
and by htmx for scripts in swapped content (``inlineScriptNonce``), and sent in the header by
:func:`security_headers`, an app-wide ``before_send`` hook, so error pages get the headers too.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

_NONCE = "csp_nonce"

#: The pages' policy; ``{nonce}`` is the request's.
PAGE_POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'nonce-{nonce}'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self' data:; "
    "connect-src 'self'; "
    "object-src 'none'; "
    "base-uri 'none'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)
#: The API reference (Scalar) loads its script, styles and fonts from its CDN.
DOCS_POLICY = (
    "default-src 'self'; "
    "script-src 'self' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.scalar.com; "
    "img-src 'self' data: https:; "
    "font-src 'self' data: https://cdn.jsdelivr.net https://fonts.scalar.com; "
    "connect-src 'self'; "
    "object-src 'none'; "
    "base-uri 'none'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"


def csp_nonce(scope: Scope) -> str:
    """The request's script nonce (made on first use)."""
    state: dict[str, Any] = scope.setdefault("state", {})
    nonce = state.get(_NONCE)
    if not isinstance(nonce, str):
        nonce = state[_NONCE] = secrets.token_urlsafe(18)
    return nonce


def _content_type(message: Message) -> str:
    headers: Any = message.get("headers", ())
    for name, value in headers:
        if bytes(name).lower() == b"content-type":
            return bytes(value).decode("latin-1").split(";")[0].strip().lower()
    return ""


async def security_headers(message: Message, scope: Scope) -> None:
    """Add the security headers to HTML responses and to everything under ``/api/docs``."""
    if message["type"] != "http.response.start":
        return
    docs = str(scope.get("path", "")).startswith("/api/docs")
    if not docs and _content_type(message) != "text/html":
        return
    headers = MutableScopeHeaders.from_message(message)
    headers["Content-Security-Policy"] = DOCS_POLICY if docs else PAGE_POLICY.format(nonce=csp_nonce(scope))
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "same-origin"
    app = scope.get("litestar_app")
    settings = getattr(getattr(app, "state", None), "settings", None)
    if getattr(settings, "secure_cookies", False):
        headers["Strict-Transport-Security"] = HSTS
