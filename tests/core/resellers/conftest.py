"""Reseller fixtures: reseller accounts with API keys, made through the operator API."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.conftest import OPERATOR_TOKEN

OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}


@dataclass
class ResellerHandle:
    """A reseller and one of its keys."""

    id: str
    slug: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


ResellerMaker = Callable[..., Awaitable[ResellerHandle]]


@pytest.fixture
def make_reseller(client: httpx.AsyncClient) -> ResellerMaker:
    """Create a reseller (and a key) through the operator API."""

    async def factory(**fields: Any) -> ResellerHandle:
        slug = f"partner-{uuid.uuid4().hex[:8]}"
        created = await client.post(
            "/api/v1/resellers", json={"slug": slug, "name": "Partner", **fields}, headers=OPERATOR
        )
        assert created.status_code == 201, created.text
        reseller_id = created.json()["id"]
        key = await client.post(
            f"/api/v1/resellers/{reseller_id}/keys", json={"name": "portal"}, headers=OPERATOR
        )
        assert key.status_code == 201, key.text
        return ResellerHandle(id=reseller_id, slug=slug, key=key.json()["secret"])

    return factory


@pytest.fixture
async def plan_code(client: httpx.AsyncClient) -> str:
    """A plan with a trial, a wholesale price and the CRM module."""
    code = f"resale-{uuid.uuid4().hex[:8]}"
    created = await client.post(
        "/api/v1/billing/plans",
        json={
            "code": code,
            "name": "Resale CRM",
            "modules": ["crm"],
            "price_month": "120.00",
            "price_year": "1200.00",
            "wholesale_price_month": "80.00",
            "trial_days": 14,
            "seats": 20,
        },
        headers=OPERATOR,
    )
    assert created.status_code == 201, created.text
    return code
