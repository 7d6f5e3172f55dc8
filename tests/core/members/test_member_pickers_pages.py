"""Member pickers on the pages: a small tenant's pages list every member in a select (no script
needed); a large tenant's pages list none of them — the chatter fragment, the account form and
the CRM lists carry a combobox naming only the chosen members — and stay the same size when the
tenant grows. An ``@Name`` in a note still mentions a member of a large tenant."""

from __future__ import annotations

import re
import uuid

import httpx
from bizsuite.core.identity.members import INLINE_MEMBERS, MemberChoices
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.activities.test_activities_api import schedule, today_of
from tests.core.members.helpers import MANY, add_members, member_name
from tests.core.members.test_member_options import sign_in
from tests.modules.crm.conftest import create_opportunity, make_account
from tests.modules.crm.tickets.conftest import open_ticket

Client = httpx.AsyncClient
MEMBER = re.compile(r"Member \d{4}")


def test_member_choices_name_the_chosen_members_and_label_values() -> None:
    someone, other = uuid.uuid4(), uuid.uuid4()
    small = MemberChoices(inline=[(someone, "Li Wei"), (other, "Chen Jing")])
    assert small.name(someone) == small.name(str(someone)) == "Li Wei"
    assert small.name("") == small.name(None) == small.name(uuid.uuid4()) == ""
    assert small.pairs("(no owner)") == [
        ("", "(no owner)"),
        (str(someone), "Li Wei"),
        (str(other), "Chen Jing"),
    ]
    large = MemberChoices(inline=None, named={str(someone): "Li Wei"})
    assert large.name(someone) == "Li Wei" and large.name(other) == ""
    assert large.pairs() == [(str(someone), "Li Wei")]


async def test_a_small_tenants_pickers_list_every_member_in_a_select(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await add_members(app_engine, tenant_a, 5)
    account = await make_account(app_engine, tenant_a, "明辉")
    await sign_in(client, tenant_a.owner.email)
    chatter = (await client.get(f"/chatter/crm_accounts/{account}")).text
    form = (await client.get("/crm/accounts/new")).text
    for page in (chatter, form):
        assert "data-member-combo" not in page
        assert all(member_name(n) in page for n in range(1, 6))
    assert len(re.findall(r'<li role="option" id="mention-', chatter)) == 6  # with the owner
    assert re.search(r'<select id="f-owner_user_id" name="owner_user_id"', form)


async def test_a_large_tenants_chatter_and_account_form_list_no_member(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a)
    owner = ids[member_name(42)]
    account = await make_account(app_engine, tenant_a, "明辉", owner_user_id=owner)
    due = (await today_of(app_engine, tenant_a)).isoformat()
    await schedule(client, tenant_a, account, due_date=due, assignee_user_id=str(ids[member_name(7)]))
    await sign_in(client, tenant_a.owner.email)

    chatter = (await client.get(f"/chatter/crm_accounts/{account}")).text
    # No member is listed: only the owner (a follower) and the planned activity's assignee are
    # named, in its line and its edit form's picker; the mention list is filled as one types.
    assert set(MEMBER.findall(chatter)) == {member_name(7), member_name(42)}
    assert member_name(MANY) not in chatter
    assert chatter.count("data-member-combo") == 3  # mention a colleague, schedule, the activity's edit
    assert '<li role="option"' not in chatter
    assert 'data-url="/members/options?module=crm"' in chatter
    assert re.search(rf'name="assignee_user_id" value="{ids[member_name(7)]}"', chatter)

    page = (await client.get(f"/crm/accounts/{account}")).text
    assert set(MEMBER.findall(page)) == {member_name(42)}  # the owner: in the header and the form
    assert re.search(rf'<input type="hidden" name="owner_user_id" value="{owner}" data-member-value>', page)
    assert re.search(rf'value="{member_name(42)}" data-member-input', page)

    new = (await client.get("/crm/accounts/new")).text
    assert not MEMBER.search(new) and 'data-testid="picker-owner_user_id"' in new


async def test_a_large_tenants_crm_pages_list_no_member(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await add_members(app_engine, tenant_a)
    account = await make_account(app_engine, tenant_a, "明辉")
    ticket = await open_ticket(client, tenant_a, account)
    deal = await create_opportunity(client, tenant_a, account)
    await sign_in(client, tenant_a.owner.email)
    for path in (
        "/crm/accounts",
        "/crm/zones",
        "/crm/pipeline",
        "/crm/pipeline/opportunities",
        "/crm/pipeline/opportunities/new",
        f"/crm/pipeline/opportunities/{deal['id']}",
        "/crm/tickets",
        "/crm/tickets/new",
        f"/crm/tickets/{ticket['id']}",
    ):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert not MEMBER.search(response.text), path
        assert "data-member-combo" in response.text, path


async def test_a_large_tenants_chatter_does_not_grow_with_its_members(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await add_members(app_engine, tenant_a)
    account = await make_account(app_engine, tenant_a, "明辉")
    await sign_in(client, tenant_a.owner.email)
    before = len((await client.get(f"/chatter/crm_accounts/{account}")).content)
    await add_members(
        app_engine, tenant_a, INLINE_MEMBERS, names=[f"Later {n}" for n in range(INLINE_MEMBERS)]
    )
    after = len((await client.get(f"/chatter/crm_accounts/{account}")).content)
    assert abs(after - before) < 100, (before, after)


async def test_an_at_name_mentions_a_member_of_a_large_tenant(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(
        app_engine, tenant_a, names=[*(member_name(n) for n in range(1, MANY)), "Li", "Li Wei"]
    )
    account = await make_account(app_engine, tenant_a, "明辉")
    response = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes",
        json={"body": f"@{member_name(MANY - 1)} 和 @li wei 请回电"},
        headers=tenant_a.headers,
    )
    assert response.status_code == 201, response.text
    assert [m["id"] for m in response.json()["mentions"]] == [
        str(ids[member_name(MANY - 1)]),
        str(ids["Li Wei"]),
    ]
