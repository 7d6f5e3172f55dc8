"""Documents through approval over the API: routing, deciding, returning, re-submitting, callbacks."""

from __future__ import annotations

from typing import Any

from bizsuite.core.errors import ConflictProblem
from litestar.testing import AsyncTestClient

from tests.core.approvals.conftest import (
    Company,
    Recorder,
    approvers,
    decide,
    document,
    post_ok,
    submit,
)

Client = AsyncTestClient[Any]
BASE = "/api/v1/approvals"


async def inbox(client: Client, company: Company, name: str) -> list[str]:
    response = await client.get(f"{BASE}/inbox", headers=company[name].headers)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def approve_all(
    client: Client, company: Company, request: dict[str, Any], chain: list[str]
) -> dict[str, Any]:
    """Approve step by step, checking that each approver finds it in their inbox only when it is their turn."""
    for i, name in enumerate(chain):
        assert request["status"] == "pending"
        assert request["current_approver_id"] == company[name].id
        assert request["id"] in await inbox(client, company, name)
        for later in chain[i + 1 :]:
            if later != name:
                assert request["id"] not in await inbox(client, company, later)
        response = await decide(client, request, company[name], body={"comment": f"ok from {name}"})
        assert response.status_code == 200, response.text
        request = response.json()
        assert request["id"] not in await inbox(client, company, name)
    return request


async def test_store_expense_routes_store_region_operations_in_order(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SH")
    assert request["flow_id"] == company.flows["store-expense"]
    assert approvers(request, company) == ["store", "region", "ops"]
    done = await approve_all(client, company, request, ["store", "region", "ops"])
    assert done["status"] == "approved" and done["current_approver_id"] is None
    assert [s["status"] for s in done["steps"]] == ["approved"] * 3
    assert [s["comment"] for s in done["steps"]] == ["ok from store", "ok from region", "ok from ops"]


async def test_department_expense_routes_department_operations_general_manager(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SALES")
    assert request["flow_id"] == company.flows["department-expense"]
    assert approvers(request, company) == ["sales_head", "ops", "gm"]
    assert (await approve_all(client, company, request, ["sales_head", "ops", "gm"]))["status"] == "approved"


async def test_operating_expense_routes_finance_then_general_manager(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SALES", category="operating")
    assert request["flow_id"] == company.flows["operating-expense"]
    assert approvers(request, company) == ["finance", "gm"]
    assert (await approve_all(client, company, request, ["finance", "gm"]))["status"] == "approved"


async def test_special_expense_routes_department_or_region_then_finance_then_gm(
    client: Client, company: Company
) -> None:
    from_department = await submit(client, company, "clerk", "SALES", category="over_budget")
    assert from_department["flow_id"] == company.flows["special-expense"]
    assert approvers(from_department, company) == ["sales_head", "-", "finance", "gm"]
    assert [s["skip_reason"] for s in from_department["steps"]] == [None, "no_approver", None, None]
    await approve_all(client, company, from_department, ["sales_head", "finance", "gm"])

    from_store = await submit(client, company, "clerk", "SH", category="over_budget")
    assert approvers(from_store, company) == ["-", "region", "finance", "gm"]
    assert (await approve_all(client, company, from_store, ["region", "finance", "gm"]))[
        "status"
    ] == "approved"


async def test_a_condition_on_amount_picks_the_flow(client: Client, company: Company) -> None:
    small = {
        "code": "small-store-expense",
        "name": "Small store expense",
        "priority": 5,
        "org_unit_kinds": ["store"],
        "max_amount": "500.00",
        "currency": "CNY",
        "steps": [
            {"label": "Store manager", "approver_kind": "role_at_unit", "approver_role": "store_manager"}
        ],
    }
    small_id = (await post_ok(client, f"{BASE}/flows", small, company.tenant.headers))["id"]
    cheap = await submit(client, company, "clerk", "SH", amount="499.99")
    assert cheap["flow_id"] == small_id and approvers(cheap, company) == ["store"]
    dear = await submit(client, company, "clerk", "SH", amount="500.00")
    assert dear["flow_id"] == company.flows["store-expense"]
    assert approvers(dear, company) == ["store", "region", "ops"]
    in_dollars = await submit(client, company, "clerk", "SH", amount="10.00", currency="USD")
    assert in_dollars["flow_id"] == company.flows["store-expense"]
    preview = await client.post(
        f"{BASE}/route-preview",
        json=document(company, "SH", amount="20.00"),
        headers=company["clerk"].headers,
    )
    assert preview.status_code == 200, preview.text
    assert preview.json()["flow_code"] == "small-store-expense"
    assert [s["approver_id"] for s in preview.json()["steps"]] == [company["store"].id]


async def test_rejection_returns_to_the_author_who_resubmits_a_new_round(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SH", amount="2000.00")
    request = (await decide(client, request, company["store"])).json()
    rejected = await decide(
        client, request, company["region"], "reject", {"comment": "Too expensive; get a quote"}
    )
    assert rejected.status_code == 200, rejected.text
    request = rejected.json()
    assert request["status"] == "rejected" and request["current_approver_id"] is None
    assert [s["status"] for s in request["steps"]] == ["approved", "rejected", "cancelled"]
    assert request["id"] not in await inbox(client, company, "region")
    assert request["id"] not in await inbox(client, company, "ops")

    mine = await client.get(
        f"{BASE}/submissions", params={"status": "rejected"}, headers=company["clerk"].headers
    )
    assert [(r["id"], r["status"]) for r in mine.json()["items"]] == [(request["id"], "rejected")]

    # Only the author re-submits; then a new round starts at the first step, with the new amount.
    assert (await decide(client, request, company["region"], "resubmit")).status_code == 403
    again = await decide(
        client, request, company["clerk"], "resubmit", {"amount": "1500.00", "comment": "Quote attached"}
    )
    assert again.status_code == 200, again.text
    request = again.json()
    assert (request["status"], request["round"], request["amount"]) == ("pending", 2, "1500.00")
    assert [s["status"] for s in request["steps"]] == ["pending", "waiting", "waiting"]
    assert request["current_approver_id"] == company["store"].id

    history = await client.get(f"{BASE}/requests/{request['id']}/decisions", headers=company["clerk"].headers)
    events = [(d["round"], d["action"], d["actor_id"], d["comment"]) for d in history.json()["items"]]
    assert events == [
        (1, "submitted", company["clerk"].id, None),
        (1, "approved", company["store"].id, None),
        (1, "rejected", company["region"].id, "Too expensive; get a quote"),
        (2, "resubmitted", company["clerk"].id, "Quote attached"),
    ]


async def test_only_the_current_approver_may_approve_or_reject(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH")
    for name in ("outsider", "clerk", "region", "ops", "gm"):
        for action, body in (("approve", {}), ("reject", {"comment": "no"})):
            response = await decide(client, request, company[name], action, body)
            assert response.status_code == 403, f"{name} {action}: {response.text}"
            assert response.json()["type"].endswith("/forbidden")
    # An admin API key that is no person cannot decide either.
    admin = await client.post(
        f"{BASE}/requests/{request['id']}/approve",
        json={},
        headers={**company.tenant.headers, "If-Match": str(request["version"])},
    )
    assert admin.status_code == 403
    current = await client.get(f"{BASE}/requests/{request['id']}", headers=company["clerk"].headers)
    assert current.json()["version"] == request["version"]
    assert current.json()["steps"][0]["status"] == "pending"


async def test_decisions_need_the_current_version(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH")
    missing = await client.post(
        f"{BASE}/requests/{request['id']}/approve", json={}, headers=company["store"].headers
    )
    assert missing.status_code == 428
    stale = await decide(client, {**request, "version": request["version"] + 5}, company["store"])
    assert stale.status_code == 412
    assert (await decide(client, request, company["store"])).status_code == 200
    # The same approval replayed on the old version: no longer the approver, nothing changes.
    assert (await decide(client, request, company["store"])).status_code == 403


async def test_author_withdraws_then_resubmits(client: Client, company: Company, recorder: Recorder) -> None:
    request = await submit(client, company, "clerk", "SH", document_type=recorder.document_type)
    assert (await decide(client, request, company["store"], "withdraw")).status_code == 403
    withdrawn = await decide(client, request, company["clerk"], "withdraw", {"comment": "wrong store"})
    assert withdrawn.status_code == 200, withdrawn.text
    request = withdrawn.json()
    assert request["status"] == "withdrawn"
    assert [s["status"] for s in request["steps"]] == ["cancelled"] * 3
    assert recorder.calls == [(recorder.calls[0][0], "withdrawn", 1)]
    assert (await decide(client, request, company["clerk"], "withdraw")).status_code == 409
    again = await decide(client, request, company["clerk"], "resubmit")
    assert again.json()["status"] == "pending" and again.json()["round"] == 2


async def test_delegation_hands_the_step_to_another_member(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH")
    refused = await decide(client, request, company["outsider"], "delegate", {"to_user_id": company["gm"].id})
    assert refused.status_code == 403
    to_author = await decide(
        client, request, company["store"], "delegate", {"to_user_id": company["clerk"].id}
    )
    assert to_author.status_code == 422
    assert to_author.json()["errors"][0]["field"] == "to_user_id"
    moved = await decide(
        client,
        request,
        company["store"],
        "delegate",
        {"to_user_id": company["outsider"].id, "comment": "on leave"},
    )
    assert moved.status_code == 200, moved.text
    request = moved.json()
    assert request["current_approver_id"] == company["outsider"].id
    assert request["id"] in await inbox(client, company, "outsider")
    assert request["id"] not in await inbox(client, company, "store")
    assert (await decide(client, request, company["store"])).status_code == 403
    approved = await decide(client, request, company["outsider"])
    assert approved.status_code == 200
    assert approved.json()["steps"][0]["decided_by"] == company["outsider"].id
    history = await client.get(f"{BASE}/requests/{request['id']}/decisions", headers=company["clerk"].headers)
    delegated = [d for d in history.json()["items"] if d["action"] == "delegated"]
    assert delegated[0]["actor_id"] == company["store"].id
    assert delegated[0]["delegate_id"] == company["outsider"].id
    assert delegated[0]["comment"] == "on leave"


async def test_delegation_to_the_author_or_the_current_approver_is_refused_by_field(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SH")
    for to, status, message in (
        ("clerk", 422, "the author cannot approve their own document"),
        ("store", 409, "this member is already the approver"),
    ):
        refused = await decide(client, request, company["store"], "delegate", {"to_user_id": company[to].id})
        assert refused.status_code == status, refused.text
        assert [(e["field"], e["message"]) for e in refused.json()["errors"]] == [("to_user_id", message)]
    unchanged = await client.get(f"{BASE}/requests/{request['id']}", headers=company["clerk"].headers)
    assert unchanged.json()["current_approver_id"] == company["store"].id
    assert unchanged.json()["version"] == request["version"]


async def test_an_approved_document_calls_its_module_back_exactly_once(
    client: Client, company: Company, recorder: Recorder
) -> None:
    request = await submit(client, company, "clerk", "SH", document_type=recorder.document_type)
    for name in ("store", "region"):
        request = (await decide(client, request, company[name])).json()
        assert recorder.calls == []
    # The module refuses: the final approval is not saved either.
    recorder.fail_with = ConflictProblem("The budget is closed.")
    refused = await decide(client, request, company["ops"])
    assert refused.status_code == 409
    assert refused.json()["detail"] == "The budget is closed."
    reread = (await client.get(f"{BASE}/requests/{request['id']}", headers=company["clerk"].headers)).json()
    assert reread["status"] == "pending" and reread["version"] == request["version"]
    recorder.fail_with = None
    final = await decide(client, request, company["ops"])
    assert final.status_code == 200
    assert recorder.calls == [(recorder.calls[0][0], "approved", 1)]
    assert str(recorder.calls[0][0]) == request["document_id"]
    # Deciding again changes nothing and calls nobody.
    assert (await decide(client, final.json(), company["ops"])).status_code == 409
    assert len(recorder.calls) == 1


async def test_rejection_calls_the_module_back_once_per_round(
    client: Client, company: Company, recorder: Recorder
) -> None:
    request = await submit(client, company, "clerk", "SALES", document_type=recorder.document_type)
    request = (await decide(client, request, company["sales_head"], "reject", {"comment": "no"})).json()
    request = (await decide(client, request, company["clerk"], "resubmit")).json()
    for name in ("sales_head", "ops", "gm"):
        request = (await decide(client, request, company[name])).json()
    assert [(status, round_) for _, status, round_ in recorder.calls] == [("rejected", 1), ("approved", 2)]


async def test_rejection_needs_a_comment(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH")
    response = await decide(client, request, company["store"], "reject", {"comment": ""})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "comment"


async def test_every_decision_is_audited(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "OPS", category="operating")
    request = (await decide(client, request, company["finance"])).json()
    await decide(client, request, company["gm"])
    log = await client.get(
        "/api/v1/audit-log", params={"target_id": request["id"], "limit": 50}, headers=company.tenant.headers
    )
    actions = sorted(entry["action"] for entry in log.json()["items"])
    assert actions == [
        "approval_request.approved",
        "approval_request.step_approved",
        "approval_request.submitted",
    ]
    demo = await client.get(
        "/api/v1/audit-log", params={"action": "expense_demo.approved"}, headers=company.tenant.headers
    )
    assert [e["target_id"] for e in demo.json()["items"]] == [request["document_id"]]


async def test_submission_is_refused_with_reasons(client: Client, company: Company) -> None:
    headers = company["clerk"].headers
    unknown = await client.post(
        f"{BASE}/requests", json=document(company, "SH", document_type="contract"), headers=headers
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "document_type"
    no_flow = await client.post(f"{BASE}/requests", json=document(company, "RETAIL"), headers=headers)
    assert no_flow.status_code == 422 and "No active approval flow" in no_flow.json()["detail"]
    too_precise = await client.post(
        f"{BASE}/requests", json=document(company, "SH", amount="1.234"), headers=headers
    )
    assert too_precise.status_code == 422 and too_precise.json()["errors"][0]["field"] == "amount"
    as_float = await client.post(
        f"{BASE}/requests", json={**document(company, "SH"), "amount": -5}, headers=headers
    )
    assert as_float.status_code == 422
    # Nobody holds the store role at a new store: the flow cannot route it, and says which step.
    new_store = await post_ok(
        client,
        "/api/v1/org-units",
        {"name": "New store", "code": "NEW", "kind": "store", "parent_id": company.units["EAST"]},
        company.tenant.headers,
    )
    unrouted = await client.post(
        f"{BASE}/requests", json=document(company, "SH", org_unit_id=new_store["id"]), headers=headers
    )
    assert unrouted.status_code == 422 and "step 1" in unrouted.json()["detail"]
    # A person cannot submit on someone else's behalf; an admin key can.
    other = await client.post(
        f"{BASE}/requests", json=document(company, "SH", author_id=company["outsider"].id), headers=headers
    )
    assert other.status_code == 403
    on_behalf = await client.post(
        f"{BASE}/requests",
        json=document(company, "SH", author_id=company["clerk"].id),
        headers=company.tenant.headers,
    )
    assert on_behalf.status_code == 201 and on_behalf.json()["author_id"] == company["clerk"].id
    nobody = await client.post(
        f"{BASE}/requests", json=document(company, "SH"), headers=company.tenant.headers
    )
    assert nobody.status_code == 422 and nobody.json()["errors"][0]["field"] == "author_id"


async def test_the_same_document_cannot_be_pending_twice(client: Client, company: Company) -> None:
    first = await submit(client, company, "clerk", "SH")
    again = await client.post(
        f"{BASE}/requests",
        json=document(company, "SH", document_id=first["document_id"]),
        headers=company["clerk"].headers,
    )
    assert again.status_code == 409


async def test_who_sees_a_request(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH")
    for name, status in (("clerk", 200), ("store", 200), ("ops", 200), ("outsider", 403)):
        response = await client.get(f"{BASE}/requests/{request['id']}", headers=company[name].headers)
        assert response.status_code == status, name
    # Managers list every request; members use their inbox and submissions.
    assert (await client.get(f"{BASE}/requests", headers=company["outsider"].headers)).status_code == 403
    listed = await client.get(f"{BASE}/requests", params={"status": "pending"}, headers=company["gm"].headers)
    assert [r["id"] for r in listed.json()["items"]] == [request["id"]]
    inbox_of_key = await client.get(f"{BASE}/inbox", headers=company.tenant.headers)
    assert inbox_of_key.status_code == 403


async def test_inbox_and_submissions_page_with_cursors(client: Client, company: Company) -> None:
    ids = [(await submit(client, company, "clerk", "SH", title=f"Expense {i}"))["id"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get(f"{BASE}/inbox", params=params, headers=company["store"].headers)).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    mine = (
        await client.get(f"{BASE}/submissions", params={"limit": 200}, headers=company["clerk"].headers)
    ).json()
    assert [item["id"] for item in mine["items"]] == list(reversed(ids))
