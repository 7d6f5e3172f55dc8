"""``GET /members/options``: the few members a large tenant's picker offers as one types. At most
20, matching every typed word in the name or the email whatever the case, those starting with
it first; only the caller's tenant's; any signed-in member may ask (a viewer too); a picker for a
module's record offers only members who may see it; the words' wildcards are taken literally."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.core.identity.members import OPTION_LIMIT, like_escaped, search_words
from bizsuite.core.identity.models import Role
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.members.helpers import MANY, add_members, add_person, member_name

Client = httpx.AsyncClient


async def sign_in(client: Client, email: str) -> None:
    client.cookies.clear()
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text


async def options(client: Client, **params: str) -> dict[str, Any]:
    response = await client.get("/members/options", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    return body


def names(found: dict[str, Any]) -> list[str]:
    return [item["name"] for item in found["items"]]


def test_typed_words_are_lower_cased_bounded_and_taken_literally() -> None:
    assert search_words("  Li  WEI ") == ["li", "wei"]
    assert search_words("a b c d e f g") == ["a", "b", "c", "d", "e"]
    assert search_words("x" * 500) == ["x" * 100]
    assert search_words("") == []
    assert like_escaped("50%_off\\") == "50\\%\\_off\\\\"


async def test_at_most_twenty_members_by_name_and_more_says_there_are_others(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await add_members(app_engine, tenant_a)
    await sign_in(client, tenant_a.owner.email)
    everyone = await options(client)
    assert len(everyone["items"]) == OPTION_LIMIT and everyone["more"] is True
    assert names(everyone) == sorted(names(everyone))
    narrowed = await options(client, q="member 014")
    assert names(narrowed) == [member_name(n) for n in (14, *range(140, 150))]
    assert narrowed["more"] is False
    assert names(await options(client, q=f"Member {MANY:04d}")) == [member_name(MANY)]


async def test_name_or_email_any_case_every_word_prefix_matches_first(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, names=["Wang Xiaoming", "Li Wei", "Oliver Liang", "王小明"])
    await sign_in(client, tenant_a.owner.email)
    assert names(await options(client, q="XIAOMING")) == ["Wang Xiaoming"]
    assert names(await options(client, q="小明")) == ["王小明"]
    assert names(await options(client, q="wei li")) == ["Li Wei"]
    # "li" starts "Li Wei" and a word of "Oliver Liang"; it is only inside "Oliver" otherwise.
    assert names(await options(client, q="li")) == ["Li Wei", "Oliver Liang"]
    by_email = await options(client, q="M0002-")
    assert [item["id"] for item in by_email["items"]] == [str(ids["Li Wei"])]
    assert by_email["items"][0]["email"].startswith("m0002-")
    assert names(await options(client, q="%")) == []
    assert names(await options(client, q="nobody here")) == []


async def test_only_the_callers_tenants_members_are_offered(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    await add_members(app_engine, tenant_a, names=["Alice Ahn"])
    await add_members(app_engine, tenant_b, names=["Bob Berg"])
    await sign_in(client, tenant_a.owner.email)
    assert names(await options(client, q="bob")) == []
    assert set(names(await options(client))) == {"Alice Ahn", "Owner"}
    await sign_in(client, tenant_b.owner.email)
    assert names(await options(client, q="alice")) == []
    assert names(await options(client, q="bob")) == ["Bob Berg"]


async def test_a_viewer_may_ask_and_a_signed_out_visitor_may_not(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    _viewer, email = await add_person(app_engine, tenant_a, "Vera Viewer", Role.VIEWER)
    await sign_in(client, email)
    assert names(await options(client, q="vera")) == ["Vera Viewer"]
    client.cookies.clear()
    signed_out = await client.get("/members/options", params={"q": "vera"})
    assert signed_out.status_code in (302, 303) and "Vera" not in signed_out.text


async def test_a_picker_for_a_modules_record_offers_only_who_may_see_it(
    client: Client, app_engine: AsyncEngine, make_tenant: Any
) -> None:
    tenant = await make_tenant(modules=["crm"])
    await add_members(app_engine, tenant, names=["Carl Granted"], modules=["crm"])
    await add_members(app_engine, tenant, names=["Nina Notgranted"], modules=[])
    await add_members(app_engine, tenant, names=["Ada Admin"], modules=[], role=Role.ADMIN)
    await sign_in(client, tenant.owner.email)
    assert names(await options(client, module="crm")) == ["Ada Admin", "Carl Granted", "Owner"]
    assert "Nina Notgranted" in names(await options(client))
    # A module the tenant does not have: nobody may see its records.
    assert names(await options(client, module="hr")) == []


async def test_an_overlong_question_is_refused(client: Client, tenant_a: TenantHandle) -> None:
    await sign_in(client, tenant_a.owner.email)
    response = await client.get("/members/options", params={"q": "x" * 201})
    assert response.status_code == 422


async def test_a_picker_may_leave_out_a_few_members(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, names=["Li Wei", "Li Na", "Li Ming"])
    await sign_in(client, tenant_a.owner.email)
    left_out = [str(ids["Li Na"]), str(tenant_a.owner.id)]
    response = await client.get("/members/options", params={"q": "", "exclude": left_out})
    assert response.status_code == 200, response.text
    assert names(response.json()) == ["Li Ming", "Li Wei"]
    too_many = await client.get("/members/options", params={"exclude": [str(ids["Li Na"])] * 11})
    assert too_many.status_code == 422
