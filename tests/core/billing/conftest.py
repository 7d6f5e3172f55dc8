"""Billing fixtures: localstripe on loopback (a real HTTP Stripe API for the ``stripe`` package),
an app configured for it and served by uvicorn (so localstripe can deliver signed webhooks), plans."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest
import stripe
from bizsuite.app import create_app
from bizsuite.core.billing import localstripe as localstripe_server
from bizsuite.settings import Settings

from tests.conftest import OPERATOR_TOKEN, serving

OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
WEBHOOK_SECRET = "whsec_test_billing_0123456789"
STRIPE_KEY = localstripe_server.TEST_KEY


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def localstripe() -> Iterator[str]:
    """localstripe serving on a loopback port for this test worker (store in memory); its URL."""
    port = _free_port()
    process = localstripe_server.start(port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def stripe_settings(settings: Settings, localstripe: str) -> Settings:
    """The test settings with Stripe pointed at localstripe."""
    return dataclasses.replace(
        settings,
        stripe_secret_key=STRIPE_KEY,
        stripe_webhook_secret=WEBHOOK_SECRET,
        stripe_api_base=localstripe,
    )


@pytest.fixture(scope="session")
def stripe_server(stripe_settings: Settings, localstripe: str) -> Iterator[str]:
    """The app in Stripe mode, served on loopback; localstripe delivers its webhooks to it."""
    with serving(create_app(stripe_settings)) as url:
        localstripe_server.register_webhook(
            localstripe, "bizsuite", f"{url}/api/v1/billing/stripe/webhook", WEBHOOK_SECRET
        )
        yield url


@pytest.fixture
async def stripe_client(stripe_server: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the Stripe-mode server."""
    async with httpx.AsyncClient(base_url=stripe_server, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def stripe_api(localstripe: str) -> stripe.StripeClient:
    """The ``stripe`` package pointed at localstripe (tests read Stripe's side with it)."""
    return stripe.StripeClient(
        STRIPE_KEY, base_addresses={"api": localstripe}, http_client=stripe.HTTPXClient()
    )


def unique_code(prefix: str = "plan") -> str:
    """A plan code no other test uses (plans are platform-wide)."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


PlanMaker = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def make_plan(client: httpx.AsyncClient) -> PlanMaker:
    """Create a plan through the operator API (a unique code); returns its JSON."""

    async def factory(**fields: Any) -> dict[str, Any]:
        body = {
            "code": unique_code(fields.pop("prefix", "plan")),
            "name": "Standard",
            "modules": ["crm"],
            "price_month": "100.00",
            "price_year": "1000.00",
            "trial_days": 0,
            **fields,
        }
        response = await client.post("/api/v1/billing/plans", json=body, headers=OPERATOR)
        assert response.status_code == 201, response.text
        return dict(response.json())

    return factory


def sign(payload: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """A ``Stripe-Signature`` header for ``payload`` (Stripe's scheme: HMAC-SHA256 of ``t.body``)."""
    stamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{stamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={stamp},v1={digest}"


def event_body(event: dict[str, Any]) -> bytes:
    """An event serialised as Stripe sends it."""
    return json.dumps(event).encode()
