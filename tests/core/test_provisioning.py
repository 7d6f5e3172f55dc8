"""Provisioning by the operator: a tenant from a blueprint with a way in (the first owner's
invitation by email, a first API key shown once), through the operator API and the CLI
(`bizsuite tenants provision`, `bizsuite tenants invite`, `bizsuite keys create`,
`bizsuite billing plans-apply`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
from bizsuite.core.billing.services.plans import CATALOGUE, load_catalogue
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import OPERATOR_TOKEN, asgi_client

OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
_LINK = re.compile(r"/invitations/accept\?token=([A-Za-z0-9_-]+)")


def _slug() -> str:
    return f"p-{uuid.uuid4().hex[:8]}"


async def _emailed_token(owner_engine: AsyncEngine, email: str) -> str:
    async with owner_engine.connect() as connection:
        body = (
            await connection.execute(
                text(
                    "SELECT body FROM outbox_messages WHERE recipient = :e ORDER BY created_at DESC LIMIT 1"
                ),
                {"e": email},
            )
        ).scalar_one()
    found = _LINK.search(body)
    assert found, body
    return found.group(1)


async def _plan(client: httpx.AsyncClient) -> str:
    code = f"prov-{uuid.uuid4().hex[:8]}"
    created = await client.post(
        "/api/v1/billing/plans",
        json={
            "code": code,
            "name": "Provisioned",
            "modules": ["crm"],
            "price_month": "50.00",
            "price_year": "500.00",
            "trial_days": 14,
        },
        headers=OPERATOR,
    )
    assert created.status_code == 201, created.text
    return code


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "-m", "bizsuite.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )


async def test_the_operator_provisions_a_tenant_whose_owner_and_first_key_get_in(
    app: Litestar, client: httpx.AsyncClient, owner_engine: AsyncEngine
) -> None:
    plan = await _plan(client)
    slug = _slug()
    email = f"owner@{slug}.example"

    made = await client.post(
        "/api/v1/tenants/provision",
        json={
            "blueprint": "demo-sandbox",
            "slug": slug,
            "name": "Provisioned Ltd",
            "plan": plan,
            "seats": 2,
            "owner_email": email,
            "api_key": True,
        },
        headers=OPERATOR,
    )

    assert made.status_code == 201, made.text
    result = made.json()
    assert result["tenant"]["slug"] == slug and result["tenant"]["modules"] == ["crm"]
    assert result["invitation_sent_to"] == email and f"tenant {slug}" in result["created"]
    key = {"Authorization": f"Bearer {result['api_key']}"}
    assert (await client.get("/api/v1/tenant", headers=key)).json()["slug"] == slug
    subscription = (await client.get("/api/v1/billing/subscription", headers=key)).json()
    assert subscription["plan"]["code"] == plan and subscription["phase"] == "trial"
    token = await _emailed_token(owner_engine, email)
    async with asgi_client(app, lifespan=False) as owner:
        accepted = await owner.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token, "password": "a long new password", "name": "First Owner"},
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["tenant"]["slug"] == slug and accepted.json()["tenant"]["role"] == "owner"
        assert [a["code"] for a in (await owner.get("/api/v1/crm/accounts")).json()["items"]] == ["S-001"]


async def test_provisioning_refuses_a_taken_slug_an_unknown_blueprint_or_plan_and_keeps_nothing(
    client: httpx.AsyncClient, owner_engine: AsyncEngine
) -> None:
    body = {"blueprint": "demo-sandbox", "slug": _slug(), "name": "X", "owner_email": "x@example.com"}

    unknown_blueprint = await client.post(
        "/api/v1/tenants/provision", json={**body, "blueprint": "no-such-blueprint"}, headers=OPERATOR
    )
    unknown_plan = await client.post(
        "/api/v1/tenants/provision", json={**body, "plan": "no-such-plan"}, headers=OPERATOR
    )
    first = await client.post("/api/v1/tenants/provision", json=body, headers=OPERATOR)
    again = await client.post("/api/v1/tenants/provision", json=body, headers=OPERATOR)

    assert unknown_blueprint.status_code == 422
    assert unknown_blueprint.json()["errors"][0]["field"] == "blueprint"
    assert unknown_plan.status_code in (404, 422) and "plan" in unknown_plan.text
    assert first.status_code == 201, first.text
    assert first.json()["api_key"] is None  # only when asked for
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "slug"
    async with owner_engine.connect() as connection:
        count = await connection.scalar(
            text("SELECT count(*) FROM tenants WHERE slug = :s"), {"s": body["slug"]}
        )
    assert count == 1  # the refusals left no tenant behind


async def test_only_the_operator_provisions(client: httpx.AsyncClient, tenant_a: object) -> None:
    body = {"blueprint": "demo-sandbox", "slug": _slug(), "name": "X"}
    headers = tenant_a.headers  # type: ignore[attr-defined]

    refused = await client.post("/api/v1/tenants/provision", json=body, headers=headers)
    anonymous = await client.post("/api/v1/tenants/provision", json=body)

    assert refused.status_code in (401, 403) and anonymous.status_code == 401


async def test_the_cli_provisions_invites_and_mints_keys(
    settings: Settings, client: httpx.AsyncClient, owner_engine: AsyncEngine
) -> None:
    slug = _slug()

    provisioned = _cli(
        settings,
        "tenants",
        "provision",
        "demo-sandbox",
        "--slug",
        slug,
        "--name",
        "CLI Ltd",
        "--owner-email",
        f"boss@{slug}.example",
        "--api-key",
    )
    invited = _cli(settings, "tenants", "invite", slug, f"clerk@{slug}.example", "--role", "member")
    minted = _cli(settings, "keys", "create", slug, "Integration", "--role", "member")
    unknown = _cli(settings, "keys", "create", "no-such-tenant", "Integration")

    assert provisioned.returncode == 0, provisioned.stderr
    first_key = re.search(r"API key \(shown once\): (\S+)", provisioned.stdout)
    assert first_key and f"invitation sent to boss@{slug}.example" in provisioned.stdout
    assert invited.returncode == 0 and f"invited clerk@{slug}.example as member" in invited.stdout
    assert minted.returncode == 0, minted.stderr
    secret = minted.stdout.strip().splitlines()[-1]
    for key, role in ((first_key.group(1), "admin"), (secret, "member")):
        me = await client.get("/api/v1/tenant", headers={"Authorization": f"Bearer {key}"})
        assert me.status_code == 200 and me.json()["slug"] == slug
        keys = await client.get("/api/v1/api-keys", headers={"Authorization": f"Bearer {first_key.group(1)}"})
        assert role in {k["role"] for k in keys.json()["items"]}
    await _emailed_token(owner_engine, f"clerk@{slug}.example")  # the invitation went by email
    assert unknown.returncode != 0 and "no tenant with slug 'no-such-tenant'" in unknown.stderr


async def test_plans_apply_creates_the_catalogue_once(settings: Settings, tmp_path: Path) -> None:
    code = f"cat-{uuid.uuid4().hex[:8]}"
    catalogue = tmp_path / "plans.toml"
    catalogue.write_text(
        f'[[plans]]\ncode = "{code}"\nname = "Catalogue"\nmodules = ["crm"]\n'
        'price_month = "10.00"\nprice_year = "100.00"\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(f'[[plans]]\ncode = "{code}-x"\nname = "Bad"\nmodules = ["crm"]\nprice_month = "10.00"\n')

    first = _cli(settings, "billing", "plans-apply", str(catalogue))
    second = _cli(settings, "billing", "plans-apply", str(catalogue))
    refused = _cli(settings, "billing", "plans-apply", str(bad))

    assert first.returncode == 0 and f"created plan {code} v1" in first.stdout
    assert second.returncode == 0 and f"kept plan {code} v1" in second.stdout
    assert refused.returncode != 0 and "price_year" in refused.stderr


def test_the_shipped_plan_catalogue_is_valid_and_sells_every_module() -> None:
    plans = load_catalogue(CATALOGUE.read_text(encoding="utf-8"))

    assert [p.code for p in plans] == ["starter", "team", "business"]
    assert {m.value for m in plans[-1].modules} == {
        "crm",
        "contracts",
        "fees",
        "budgets",
        "hr",
        "venue_audio",
    }
    assert all(p.wholesale_price_month is not None and p.wholesale_price_month < p.price_month for p in plans)
