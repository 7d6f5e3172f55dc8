"""Webhook targets outside the embedded default: private, loopback, link-local and reserved
addresses are refused when an endpoint is created or changed, naming ``url`` and the rule."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.webhooks.rules import private_targets_allowed
from bizsuite.settings import Settings

from tests.conftest import TenantHandle, asgi_client, running

ENDPOINTS = "/api/v1/webhooks/endpoints"


@pytest.fixture
async def strict_client(settings: Settings, app_engine: object) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app that, like a production server, refuses private targets."""
    application = create_app(dataclasses.replace(settings, webhook_allow_private_targets=False))
    async with running(application), asgi_client(application, lifespan=False) as client:
        yield client


async def test_private_targets_are_refused_at_creation_and_update_naming_url(
    strict_client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    for url in (
        "http://127.0.0.1:9000/hook",
        "http://localhost/hook",
        "http://10.0.0.5/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://192.168.1.20/hook",
    ):
        response = await strict_client.post(
            ENDPOINTS, json={"url": url, "event_types": ["*"]}, headers=tenant_a.headers
        )
        assert response.status_code == 422, (url, response.text)
        [error] = response.json()["errors"]
        assert error["field"] == "url" and "non-public address" in error["message"], error

    public = await strict_client.post(
        ENDPOINTS, json={"url": "https://93.184.215.14/hooks", "event_types": ["*"]}, headers=tenant_a.headers
    )
    assert public.status_code == 201, public.text
    endpoint = public.json()["endpoint"]
    moved = await strict_client.patch(
        f"{ENDPOINTS}/{endpoint['id']}",
        json={"url": "http://127.0.0.1/hook"},
        headers={**tenant_a.headers, "If-Match": str(endpoint["version"])},
    )
    assert moved.status_code == 422 and moved.json()["errors"][0]["field"] == "url"


def test_private_targets_are_allowed_by_the_setting_or_the_embedded_default(settings: Settings) -> None:
    assert private_targets_allowed(dataclasses.replace(settings, webhook_allow_private_targets=True))
    assert not private_targets_allowed(dataclasses.replace(settings, webhook_allow_private_targets=False))
    assert private_targets_allowed(Settings(webhook_allow_private_targets=False))  # embedded
