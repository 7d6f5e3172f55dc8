"""The reseller portal: portal users made by the operator (API and CLI), their sign-in and sign-out
with the tenant sign-in's protection, and the pages over the reseller services: a portal session
is a reseller, refused by every tenant page and business route, blind to other resellers' tenants;
it provisions, moves and suspends its own."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, asgi_client
from tests.core.resellers.conftest import OPERATOR, ResellerHandle, ResellerMaker
from tests.core.resellers.test_resellers import invitation_token, provision
from tests.core.test_sign_in_protection import client_at, some_address

PORTAL_COOKIE = "bizsuite_reseller_session"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


async def portal_user(client: httpx.AsyncClient, reseller: ResellerHandle, **fields: str) -> httpx.Response:
    email = f"seller-{uuid.uuid4().hex[:8]}@partner.example"
    return await client.post(
        f"/api/v1/resellers/{reseller.id}/users",
        json={"email": email, "name": "Partner Seller", **fields},
        headers=OPERATOR,
    )


async def sign_in(portal: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    await portal.get("/reseller/login")
    return await portal.post(
        "/reseller/login",
        data={"email": email, "password": password, "form_token": portal.cookies.get("bizsuite_form", "")},
    )


def csrf_of(page: httpx.Response) -> str:
    found = _CSRF.search(page.text)
    assert found, page.text[:500]
    return found.group(1)


@asynccontextmanager
async def signed_in_portal(
    app: Litestar, client: httpx.AsyncClient, reseller: ResellerHandle, **fields: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A browser-like client signed in to the portal as a new user of ``reseller``."""
    made = await portal_user(client, reseller, password=PASSWORD, **fields)
    assert made.status_code == 201, made.text
    async with client_at(app, some_address()) as portal:
        signed = await sign_in(portal, made.json()["email"])
        assert signed.status_code == 303 and signed.headers["location"] == "/reseller", signed.text
        yield portal


async def post_form(portal: httpx.AsyncClient, page: str, action: str, **fields: str) -> httpx.Response:
    """Open ``page`` and submit a form to ``action`` with its CSRF token, as the browser does."""
    opened = await portal.get(page)
    assert opened.status_code == 200, opened.text
    return await portal.post(action, data={"csrf_token": csrf_of(opened), **fields})


async def test_the_operator_creates_a_portal_user_who_signs_in_and_out(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker
) -> None:
    reseller = await make_reseller()
    made = await portal_user(client, reseller, password=PASSWORD, locale="en")
    assert made.status_code == 201, made.text
    assert made.json()["has_password"] is True and made.json()["set_password_link"] is None
    listed = await client.get(f"/api/v1/resellers/{reseller.id}/users", headers=OPERATOR)
    assert [u["email"] for u in listed.json()["items"]] == [made.json()["email"]]

    async with client_at(app, some_address()) as portal:
        assert (await portal.get("/reseller")).headers["location"] == "/reseller/login?next=/reseller"
        signed = await sign_in(portal, made.json()["email"])
        assert signed.status_code == 303 and signed.headers["location"] == "/reseller"
        home = await portal.get("/reseller")
        assert home.status_code == 200 and "Your tenants" in home.text  # the user's language: en
        out = await portal.post("/reseller/logout", data={"csrf_token": csrf_of(home)})
        assert out.status_code == 303
        assert (await portal.get("/reseller")).headers["location"].startswith("/reseller/login")


async def test_a_write_without_the_sessions_csrf_token_is_refused(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller()
    tenant = (await provision(client, reseller, plan_code)).json()["tenant"]
    async with signed_in_portal(app, client, reseller) as portal:
        refused = await portal.post(
            f"/reseller/tenants/{tenant['id']}/suspend", data={"csrf_token": "forged"}
        )
        assert refused.status_code == 403
    seen = await client.get(f"/api/v1/reseller/tenants/{tenant['id']}", headers=reseller.headers)
    assert seen.json()["status"] == "active"


async def test_without_a_password_the_user_chooses_one_with_a_one_time_link(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker
) -> None:
    reseller = await make_reseller()
    made = await portal_user(client, reseller)
    assert made.status_code == 201, made.text
    link = made.json()["set_password_link"]
    assert made.json()["has_password"] is False and "/reseller/set-password?token=" in link
    token = link.partition("token=")[2]
    taken = await client.post(
        f"/api/v1/resellers/{reseller.id}/users",
        json={"email": made.json()["email"].upper(), "name": "Again"},
        headers=OPERATOR,
    )
    assert taken.status_code == 409 and taken.json()["errors"][0]["field"] == "email"

    async with client_at(app, some_address()) as portal:
        form = await portal.get(f"/reseller/set-password?token={token}")
        assert form.status_code == 200
        form_token = portal.cookies.get("bizsuite_form", "")
        short = await portal.post(
            "/reseller/set-password", data={"token": token, "password": "short", "form_token": form_token}
        )
        assert short.status_code == 422 and 'data-testid="error-password"' in short.text
        chosen = await portal.post(
            "/reseller/set-password",
            data={"token": token, "password": "a long new password", "form_token": form_token},
        )
        assert chosen.status_code == 303 and chosen.headers["location"].startswith("/reseller?notice=")
        assert (await portal.get("/reseller")).status_code == 200
        again = await portal.post(
            "/reseller/set-password",
            data={"token": token, "password": "another long password", "form_token": form_token},
        )
        assert again.status_code == 422  # the link works once
    async with client_at(app, some_address()) as other:
        assert (await sign_in(other, made.json()["email"], "a long new password")).status_code == 303


async def test_a_wrong_password_is_refused_and_repeated_failures_lock_the_account(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker
) -> None:
    reseller = await make_reseller()
    email = (await portal_user(client, reseller, password=PASSWORD)).json()["email"]
    async with client_at(app, some_address()) as portal:
        portal.headers["accept-language"] = "en"
        wrong = await sign_in(portal, email, "not the password")
        assert wrong.status_code == 422 and "Wrong email or password" in wrong.text
        assert PORTAL_COOKIE not in portal.cookies
        for _ in range(4):
            await sign_in(portal, email, "not the password")
        locked = await sign_in(portal, email)  # even the right password, while locked
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
    # A suspended reseller's users are refused too.
    other = await make_reseller()
    other_email = (await portal_user(client, other, password=PASSWORD)).json()["email"]
    await client.post(f"/api/v1/resellers/{other.id}/suspend", headers=OPERATOR)
    async with client_at(app, some_address()) as portal:
        refused = await sign_in(portal, other_email)
        assert refused.status_code == 403 and PORTAL_COOKIE not in portal.cookies


async def test_a_portal_session_is_refused_by_tenant_pages_and_every_business_route(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker
) -> None:
    reseller = await make_reseller()
    async with signed_in_portal(app, client, reseller) as portal:
        cookie = portal.cookies.get(PORTAL_COOKIE)
    assert cookie
    # Browsers send the cookie only under /reseller; sent anywhere, it is still only a reseller.
    as_portal = {"Cookie": f"{PORTAL_COOKIE}={cookie}"}
    wrong, walked = [], 0
    for route in app.routes:
        if not route.path.startswith("/api/v1/") or route.path.startswith(
            ("/api/v1/reseller/", "/api/v1/auth")
        ):
            continue
        if "{" in route.path or route.path == "/api/v1/files/content":
            continue  # (a signed download link, not a credential, opens file contents)
        for handler in getattr(route, "route_handlers", []):
            if "GET" not in handler.http_methods or handler.opt.get("event_stream"):
                continue
            answer = await client.get(route.path, headers=as_portal)
            walked += 1
            allowed = {403, 404} if handler.opt.get("module") else {401, 403, 404}
            if answer.status_code not in allowed:
                wrong.append((route.path, answer.status_code))
    assert walked > 40
    assert wrong == []
    for page in ("/", "/crm/accounts", "/admin/members", "/account"):
        answer = await client.get(page, headers={**as_portal, "accept": "text/html"})
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), page
    assert (await client.get("/api/v1/auth/session", headers=as_portal)).status_code == 401


async def test_a_portal_user_never_sees_another_resellers_tenants(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    first, second = await make_reseller(), await make_reseller()
    theirs = (await provision(client, first, plan_code)).json()["tenant"]
    async with signed_in_portal(app, client, second) as portal:
        listed = await portal.get("/reseller")
        assert listed.status_code == 200 and theirs["slug"] not in listed.text
        base = f"/reseller/tenants/{theirs['id']}"
        for page in (base, f"{base}/suspend", f"{base}/plan?plan={plan_code}&seats=2"):
            assert (await portal.get(page)).status_code == 404, page
        token = csrf_of(listed)
        assert (await portal.post(f"{base}/suspend", data={"csrf_token": token})).status_code == 404
        assert (
            await portal.post(f"{base}/plan", data={"csrf_token": token, "plan": plan_code, "seats": "2"})
        ).status_code == 404
    seen = await client.get(f"/api/v1/reseller/tenants/{theirs['id']}", headers=first.headers)
    assert seen.json()["status"] == "active" and seen.json()["seats"] == 1


async def test_the_portal_provisions_a_tenant_naming_each_refused_field(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller()
    taken = (await provision(client, reseller, plan_code)).json()["tenant"]["slug"]
    async with signed_in_portal(app, client, reseller, locale="en") as portal:
        fields = {"blueprint": "demo-sandbox", "name": "Acme", "plan": plan_code, "seats": "2", "trial": "on"}
        refused = await post_form(
            portal,
            "/reseller/tenants/new",
            "/reseller/tenants",
            **fields,
            slug="Bad Slug!",
            owner_email="nope",
        )
        assert refused.status_code == 422
        assert (
            'data-testid="error-slug"' in refused.text and 'data-testid="error-owner_email"' in refused.text
        )
        assert 'value="Acme"' in refused.text  # what was typed is kept
        again = await post_form(
            portal,
            "/reseller/tenants/new",
            "/reseller/tenants",
            **fields,
            slug=taken,
            owner_email="a@acme.example",
        )
        assert again.status_code == 422 and 'data-testid="error-slug"' in again.text
        assert "this slug is already used" in again.text

        slug = f"acme-{uuid.uuid4().hex[:6]}"
        made = await post_form(
            portal,
            "/reseller/tenants/new",
            "/reseller/tenants",
            **fields,
            slug=slug,
            owner_email=f"boss@{slug}.example",
        )
        assert made.status_code == 303, made.text
        page = await portal.get(made.headers["location"])
        assert page.status_code == 200 and slug in page.text
        listed = await portal.get("/reseller")
        assert f'data-testid="tenant-{slug}"' in listed.text
    mine = (await client.get("/api/v1/reseller/tenants", headers=reseller.headers)).json()["items"]
    made_tenant = next(t for t in mine if t["slug"] == slug)
    assert made_tenant["phase"] == "trial" and made_tenant["seats"] == 2 and made_tenant["plan"] == plan_code


async def test_suspend_and_resume_from_the_portal_take_effect_for_the_tenants_users(
    app: Litestar,
    client: httpx.AsyncClient,
    make_reseller: ResellerMaker,
    plan_code: str,
    owner_engine: AsyncEngine,
) -> None:
    reseller = await make_reseller()
    result = (await provision(client, reseller, plan_code)).json()
    tenant = result["tenant"]
    token = await invitation_token(owner_engine, result["invitation_sent_to"])
    async with asgi_client(app, lifespan=False) as owner:
        accepted = await owner.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token, "password": "a long new password", "name": "First Owner"},
        )
        assert accepted.status_code == 200, accepted.text
        assert (await owner.get("/api/v1/crm/accounts")).status_code == 200

        async with signed_in_portal(app, client, reseller) as portal:
            base = f"/reseller/tenants/{tenant['id']}"
            confirm = await portal.get(f"{base}/suspend")
            assert confirm.status_code == 200 and 'data-testid="confirm-suspend"' in confirm.text
            suspended = await portal.post(f"{base}/suspend", data={"csrf_token": csrf_of(confirm)})
            assert (
                suspended.status_code == 303 and "notice=reseller.suspended" in suspended.headers["location"]
            )
            # The owner's session no longer reaches the tenant (suspended: no tenant to act in).
            assert (await owner.get("/api/v1/crm/accounts")).status_code == 401

            resumed = await post_form(portal, f"{base}/resume", f"{base}/resume")
            assert resumed.status_code == 303 and "notice=reseller.resumed" in resumed.headers["location"]
            assert (await owner.get("/api/v1/crm/accounts")).status_code == 200


async def test_a_plan_move_shows_the_proration_before_it_is_confirmed(
    app: Litestar, client: httpx.AsyncClient, make_reseller: ResellerMaker, plan_code: str
) -> None:
    reseller = await make_reseller()
    tenant = (await provision(client, reseller, plan_code, trial=False)).json()["tenant"]
    bigger = f"big-{uuid.uuid4().hex[:6]}"
    created = await client.post(
        "/api/v1/billing/plans",
        json={
            "code": bigger,
            "name": "Big",
            "modules": ["crm", "contracts"],
            "price_month": "200.00",
            "price_year": "2000.00",
            "wholesale_price_month": "150.00",
        },
        headers=OPERATOR,
    )
    assert created.status_code == 201, created.text
    async with signed_in_portal(app, client, reseller) as portal:
        base = f"/reseller/tenants/{tenant['id']}"
        preview = await portal.get(f"{base}/plan?plan={bigger}&seats=2")
        assert preview.status_code == 200, preview.text
        assert re.search(r"\(200\.00 − 120\.00\) × 1 × \d+/\d+ = ", preview.text)
        assert re.search(r"\(2 − 1\) × 200\.00 × \d+/\d+ = ", preview.text)
        assert "200.00 − 150.00 = 50.00" in preview.text  # the margin after the move
        before = await client.get(f"/api/v1/reseller/tenants/{tenant['id']}", headers=reseller.headers)
        assert before.json()["plan"] == plan_code  # a preview changes nothing

        moved = await portal.post(
            f"{base}/plan", data={"csrf_token": csrf_of(preview), "plan": bigger, "seats": "2"}
        )
        assert moved.status_code == 303 and "notice=reseller.moved" in moved.headers["location"]
        refused = await portal.post(
            f"{base}/plan", data={"csrf_token": csrf_of(preview), "plan": "no-such-plan", "seats": "2"}
        )
        assert refused.status_code == 422 and 'data-testid="error-summary"' in refused.text
        assert "no-such-plan" in refused.text  # the problem, named on the preview page
    after = (await client.get(f"/api/v1/reseller/tenants/{tenant['id']}", headers=reseller.headers)).json()
    assert after["plan"] == bigger and after["seats"] == 2
    assert after["margin_month"]["formula"] == "(200.00 − 150.00) × 2 = 100.00"


async def test_the_cli_adds_a_portal_user_with_a_password_or_a_link(
    app: Litestar, settings: Settings
) -> None:
    slug = f"cli-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_LOG_LEVEL": "WARNING",
    }

    async def cli(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "bizsuite.cli", "resellers", *args]
        return await asyncio.to_thread(subprocess.run, argv, env=env, capture_output=True, text=True)

    assert (await cli("create", slug, "CLI Partner")).returncode == 0
    with_password = await cli("users", "add", slug, f"a@{slug}.example", "--password", PASSWORD)
    assert with_password.returncode == 0, with_password.stderr
    assert "/reseller/login" in with_password.stdout
    with_link = await cli("users", "add", slug, f"b@{slug}.example", "--locale", "en")
    assert with_link.returncode == 0, with_link.stderr
    assert "/reseller/set-password?token=" in with_link.stdout
    again = await cli("users", "add", slug, f"a@{slug}.example")
    assert again.returncode != 0 and "already has a reseller portal account" in again.stderr
    unknown = await cli("users", "add", "no-such-reseller", f"c@{slug}.example")
    assert unknown.returncode != 0 and "no reseller" in unknown.stderr
    async with client_at(app, some_address()) as portal:
        assert (await sign_in(portal, f"a@{slug}.example")).status_code == 303


async def test_the_demo_reseller_is_made_once_and_its_printed_login_signs_in(
    app: Litestar, client: httpx.AsyncClient, app_engine: AsyncEngine, settings: Settings, tmp_path: Path
) -> None:
    from bizsuite.core.demo import apply_demo_plans
    from bizsuite.core.resellers.demo import prepare_demo_reseller

    await apply_demo_plans(app_engine)  # as make demo does first: the plans the reseller sells
    lines = await prepare_demo_reseller(app_engine, settings, tmp_path / "demo-reseller-key")
    assert await prepare_demo_reseller(app_engine, settings, tmp_path / "demo-reseller-key") == lines
    printed = dict(line.split(": ", 1) for line in lines)
    assert printed["Reseller portal"].endswith("/reseller/login")
    email, password = printed["Reseller login"].split("  ")[0].split(" / ")
    async with client_at(app, some_address()) as portal:
        assert (await sign_in(portal, email, password)).status_code == 303
        assert "团队版 Team" in (await portal.get("/reseller/plans")).text
    key = {"Authorization": f"Bearer {printed['Reseller API key']}"}
    plans = (await client.get("/api/v1/reseller/plans", headers=key)).json()["items"]
    assert any(p["code"] == "team" and p["trial_days"] > 0 and p["margin_month"] for p in plans)
