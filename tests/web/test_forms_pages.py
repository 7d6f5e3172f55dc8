"""Forms and error pages in process: every error at once with a summary, displayed amounts
accepted, the edit conflict's side-by-side view, unique element ids on every main page, and
HTML error pages for browsers (problem JSON for everyone else)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Awaitable, Callable
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from bizsuite.core.errors import wants_html
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.accounts.conftest import create_account
from tests.web.test_language_walk import walk_pages

HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/crm/accounts/1", "/crm/accounts/1?notice=saved"),
        ("/crm/accounts?tier=A", "/crm/accounts?tier=A&notice=saved"),
        # The notice before the fragment: the page shows the toast and scrolls to the timeline.
        ("/crm/accounts/1#timeline", "/crm/accounts/1?notice=saved#timeline"),
        ("/crm/accounts?tier=A#list", "/crm/accounts?tier=A&notice=saved#list"),
    ],
)
def test_the_notice_after_a_form_rides_in_the_query_before_the_fragment(path: str, location: str) -> None:
    from bizsuite.web.support import redirect

    assert redirect(path, notice="saved").url == location


async def _sign_in(client: httpx.AsyncClient, t: TenantHandle, locale: str = "zh-CN") -> str:
    response = await client.post("/api/v1/auth/login", json={"email": t.owner.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    client.cookies.set("bizsuite_lang", locale)
    csrf: str = response.json()["csrf_token"]
    return csrf


# --- error pages ---------------------------------------------------------------------------------


def _request(path: str, **headers: str) -> Any:
    return SimpleNamespace(url=SimpleNamespace(path=path), headers=headers)


@pytest.mark.parametrize(
    ("path", "headers", "html"),
    [
        ("/crm/nope", {"accept": HTML["accept"]}, True),
        ("/crm/nope", {"accept": "application/json"}, False),
        ("/crm/nope", {"accept": "application/json, text/html;q=0.5"}, False),
        ("/crm/nope", {"accept": "*/*"}, False),  # curl, scripts
        ("/crm/nope", {"hx-request": "true", "accept": "*/*"}, True),  # htmx asks for a page
        ("/api/v1/nope", {"accept": HTML["accept"]}, False),  # the API is always JSON
        ("/static/nope.css", {"accept": HTML["accept"]}, False),
    ],
)
def test_one_place_decides_html_or_json(path: str, headers: dict[str, str], html: bool) -> None:
    assert wants_html(_request(path, **headers)) is html


async def test_a_browser_gets_the_error_page_in_its_language_and_the_api_gets_a_problem(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/no/such/page", headers={**HTML, "accept-language": "zh-CN,zh;q=0.9"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert (
        'lang="zh-CN"' in page.text and "页面不存在" in page.text and 'data-testid="error-page"' in page.text
    )
    english = await client.get("/no/such/page", headers={**HTML, "accept-language": "en"})
    assert english.status_code == 404 and "Page not found" in english.text
    problem = await client.get("/no/such/page", headers={"accept": "application/json"})
    assert problem.status_code == 404 and problem.headers["content-type"] == "application/problem+json"
    assert problem.json()["status"] == 404
    api = await client.get("/api/v1/no/such/thing", headers=HTML)
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"


async def test_a_reload_after_a_failed_form_post_shows_a_page_not_json(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await create_account(client, tenant_a, "C-405")
    await _sign_in(client, tenant_a)
    # The browser's address is the form's action (POST only); a reload GETs it.
    reload = await client.get(f"/crm/accounts/{account['id']}/contacts", headers=HTML, follow_redirects=False)
    assert reload.status_code == 303 and reload.headers["location"] == f"/crm/accounts/{account['id']}"
    landed = await client.get(reload.headers["location"], headers=HTML)
    assert landed.status_code == 200 and "text/html" in landed.headers["content-type"]
    # A signed-in unknown address: the error page, in the user's language.
    missing = await client.get("/no-such-area/page", headers=HTML)
    assert missing.status_code == 404 and "页面不存在" in missing.text


# --- forms ---------------------------------------------------------------------------------------


async def _opportunity_form(client: httpx.AsyncClient, t: TenantHandle) -> tuple[str, dict[str, Any]]:
    csrf = await _sign_in(client, t)
    account = await create_account(client, t, "C-900", name="上海明辉贸易有限公司")
    return csrf, account


async def test_an_amount_typed_as_displayed_is_saved(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    csrf, account = await _opportunity_form(client, tenant_a)
    for typed, saved in (
        ("¥1,200,000.50", "1200000.50"),
        ("１２００", "1200.00"),
        ("1 200 000", "1200000.00"),
    ):
        made = await client.post(
            "/crm/pipeline/opportunities",
            data={
                "csrf_token": csrf,
                "account_id": account["id"],
                "name": f"大单 {typed}",
                "amount": typed,
                "currency": "CNY",
            },
            follow_redirects=False,
        )
        assert made.status_code == 303, made.text
        opportunity_id = made.headers["location"].split("/")[-1].split("?")[0]
        stored = await client.get(f"/api/v1/crm/opportunities/{opportunity_id}", headers=tenant_a.headers)
        assert Decimal(stored.json()["amount"]) == Decimal(saved)


async def test_every_bad_field_is_shown_at_once_with_a_summary(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    csrf, account = await _opportunity_form(client, tenant_a)
    bad = await client.post(
        "/crm/pipeline/opportunities",
        data={
            "csrf_token": csrf,
            "account_id": account["id"],
            "name": "",
            "amount": "1,20",
            "expected_close": "明天",
        },
    )
    assert bad.status_code == 422, bad.text
    summary = bad.text.split('data-testid="error-summary"', 1)[1].split("</div>", 1)[0]
    linked = re.findall(r'data-field="(\w+)"', summary)
    assert {"name", "amount", "expected_close"} <= set(linked)
    for name in ("name", "amount", "expected_close"):
        assert f'data-testid="error-{name}"' in bad.text
    assert "需要修改的字段" in bad.text
    assert 'value="1,20"' in bad.text  # the typing is kept


async def test_a_conflict_shows_theirs_and_mine_side_by_side_in_the_warning_colour(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await create_account(client, tenant_a, "C-412", name="原名")
    changed = await client.patch(
        f"/api/v1/crm/accounts/{account['id']}",
        json={"name": "别人改的名"},
        headers={**tenant_a.headers, "If-Match": str(account["version"])},
    )
    assert changed.status_code == 200
    csrf = await _sign_in(client, tenant_a)
    stale = await client.post(
        f"/crm/accounts/{account['id']}/edit",
        data={
            "csrf_token": csrf,
            "version": str(account["version"]),
            "code": "C-412",
            "name": "我改的名",
            "kind": "end_customer",
        },
    )
    assert stale.status_code == 409
    conflict = stale.text.split('data-testid="form-conflict"', 1)[1]
    assert 'data-testid="keep-mine"' in conflict and 'data-testid="take-theirs"' in conflict
    assert "保留我的修改（再次保存）" in conflict and "采用对方的修改" in conflict
    note = stale.text.split('data-testid="saved-name"', 1)[1].split("</span>\n</span>", 1)[0]
    assert 'data-theirs="别人改的名"' in note and "别人改的名" in note and "我改的名" in note
    assert "toast success" not in stale.text
    # Keep mine: the form now carries the saved version, so sending it again saves my name.
    version = re.search(
        r'name="version" value="(\d+)"',
        stale.text.split('data-testid="form-conflict"', 1)[0][-3000:] + conflict,
    )
    assert version is not None and version.group(1) == str(changed.json()["version"])
    again = await client.post(
        f"/crm/accounts/{account['id']}/edit",
        data={
            "csrf_token": csrf,
            "version": version.group(1),
            "code": "C-412",
            "name": "我改的名",
            "kind": "end_customer",
        },
        follow_redirects=False,
    )
    assert again.status_code == 303
    saved = await client.get(f"/api/v1/crm/accounts/{account['id']}", headers=tenant_a.headers)
    assert saved.json()["name"] == "我改的名"


async def test_pickers_list_people_and_accounts_in_pinyin_order(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    csrf = await _sign_in(client, tenant_a)
    for code, name in (
        ("C-1", "张家港物流"),
        ("C-2", "阿里贸易"),
        ("C-3", "Beta Trading"),
        ("C-4", "成都精工"),
    ):
        await create_account(client, tenant_a, code, name=name)
    form = await client.get("/crm/pipeline/opportunities/new", headers=HTML)
    picker = form.text.split('data-testid="picker-account_id"', 1)[1].split("</select>", 1)[0]
    names = re.findall(r">([^<>]+?) \(C-\d\)</option>", picker)
    assert names == ["阿里贸易", "Beta Trading", "成都精工", "张家港物流"], names
    assert re.search(
        r'<option data-keys="[^"]*" value=""[^>]*>选择客户</option>', picker
    )  # the blank choice stays first
    assert 'data-keys="zhangjiagangwuliu zjgwl"' in picker.replace(" (C-1)", "")
    assert csrf


# --- unique ids ----------------------------------------------------------------------------------


async def test_no_main_page_repeats_an_element_id(
    app: Litestar,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    _tenant, pages = await walk_pages(app, client, app_engine, owner_engine, make_tenant)
    assert len(pages) > 30
    repeated = {}
    for path, html in pages.items():
        counts = Counter(re.findall(r'\sid="([^"]+)"', html))
        if twice := sorted(i for i, n in counts.items() if n > 1):
            repeated[path] = twice
        # Every label points at an element that exists.
        missing = sorted(set(re.findall(r'<label for="([^"]+)"', html)) - set(counts))
        if missing:
            repeated[path + " (labels for nothing)"] = missing
    assert repeated == {}
