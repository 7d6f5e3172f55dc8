"""Browser security headers on HTML pages and the API docs."""

from __future__ import annotations

import re
from dataclasses import replace

import httpx
from bizsuite.app import create_app
from bizsuite.settings import Settings

from tests.conftest import TenantHandle, asgi_client

Client = httpx.AsyncClient


def _directives(policy: str) -> dict[str, str]:
    return {d.strip().split(" ", 1)[0]: d.strip().partition(" ")[2] for d in policy.split(";") if d.strip()}


async def test_pages_carry_a_strict_policy_with_a_fresh_nonce_per_request(client: Client) -> None:
    first, second = await client.get("/login"), await client.get("/login")
    policy = _directives(first.headers["content-security-policy"])
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"])
    assert nonce is not None
    # htmx gives scripts of swapped content the page's nonce and may not eval.
    assert f'"inlineScriptNonce": "{nonce.group(1)}"' in first.text and '"allowEval": false' in first.text
    assert first.headers["content-security-policy"] != second.headers["content-security-policy"]


async def test_pages_refuse_framing_sniffing_and_cross_site_referrers(
    client: Client, tenant_a: TenantHandle
) -> None:
    missing = await client.get("/no-such-page", headers={"Accept": "text/html"})
    for response in (await client.get("/login"), missing):
        assert response.headers["content-type"].startswith("text/html")
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
        assert "strict-transport-security" not in response.headers  # plain HTTP: no HSTS


async def test_inline_scripts_of_a_signed_in_page_carry_the_nonce(
    client: Client, tenant_a: TenantHandle
) -> None:
    from tests.conftest import PASSWORD

    await client.post("/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD})
    home = await client.get("/")
    assert home.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", home.headers["content-security-policy"])
    assert nonce is not None
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", home.text)
    assert inline and all(
        f'nonce="{nonce.group(1)}"' in attrs or "application/json" in attrs for attrs in inline
    )
    assert not re.search(r"\son[a-z]+=\"", home.text)  # no inline event handlers
    assert "hx-on" not in home.text


async def test_the_api_docs_carry_the_headers(client: Client) -> None:
    docs = await client.get("/api/docs")
    assert docs.status_code == 200
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    assert docs.headers["x-content-type-options"] == "nosniff"
    assert docs.headers["referrer-policy"] == "same-origin"


async def test_hsts_is_sent_when_cookies_are_secure(settings: Settings) -> None:
    async with asgi_client(create_app(replace(settings, secure_cookies=True))) as client:
        page = await client.get("/login")
        assert page.headers["strict-transport-security"].startswith("max-age=31536000")
        # JSON answers are not pages: no page policy on them.
        health = await client.get("/health")
        assert "content-security-policy" not in health.headers
