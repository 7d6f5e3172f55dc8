"""Positions through the API: define with a reporting line, refuse duplicates and loops,
promotion paths both ways, org chart and headcount against the people in post."""

from __future__ import annotations

import httpx

from tests.modules.hr.conftest import BASE, Setup, employee, position, set_paths


async def test_a_position_is_defined_changed_and_cleared_through_the_api(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    manager = await position(
        client, s, "store-mgr", headcount=1, category="management", pay_grade="M3", pay_level="2"
    )
    assert manager["code"] == "STORE-MGR" and manager["org_unit_name"].startswith("Unit ST")
    clerk = await position(client, s, "clerk", headcount=4, reports_to_id=manager["id"])
    assert clerk["reports_to"]["code"] == "STORE-MGR"
    again = await client.post(
        f"{BASE}/positions",
        json={"code": "Store-Mgr", "title": "x", "category": "sales", "org_unit_id": s.store, "headcount": 1},
        headers=s.headers,
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "code"
    bad = await client.post(
        f"{BASE}/positions",
        json={"code": "X", "title": "x", "category": "sales", "org_unit_id": s.store, "headcount": -1},
        headers=s.headers,
    )
    assert bad.status_code == 400 or bad.status_code == 422
    assert "headcount" in bad.text
    current = (await client.get(f"{BASE}/positions/{manager['id']}", headers=s.headers)).json()
    assert current["direct_reports"] == 4  # the clerks' headcount
    cleared = await client.patch(
        f"{BASE}/positions/{manager['id']}",
        json={"pay_level": None, "headcount": 2},
        headers={**s.headers, "If-Match": str(current["version"])},
    )
    assert (
        cleared.status_code == 200
        and cleared.json()["pay_level"] is None
        and cleared.json()["headcount"] == 2
    )
    stale = await client.patch(
        f"{BASE}/positions/{manager['id']}", json={"title": "x"}, headers={**s.headers, "If-Match": "1"}
    )
    assert stale.status_code == 412
    # The manager cannot report to their own clerk: a loop.
    loop = await client.patch(
        f"{BASE}/positions/{manager['id']}",
        json={"reports_to_id": clerk["id"]},
        headers={**s.headers, "If-Match": str(cleared.json()["version"])},
    )
    assert loop.status_code == 409 and loop.json()["type"].endswith("path-loop")
    assert loop.json()["errors"][0]["field"] == "reports_to_id"
    assert "STORE-MGR → CLERK → STORE-MGR" in loop.json()["errors"][0]["message"]


async def test_promotion_paths_refuse_a_loop_and_show_where_people_come_from(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    clerk = await position(client, s, "CLERK", headcount=4)
    supervisor = await position(client, s, "SUP", headcount=1)
    manager = await position(client, s, "MGR", headcount=1)
    cashier = await position(client, s, "CASH", headcount=2)
    assert (
        await set_paths(client, s, clerk, promotes_to=[supervisor["id"]], lateral=[cashier["id"]])
    ).status_code == 200
    assert (await set_paths(client, s, cashier, promotes_to=[supervisor["id"]])).status_code == 200
    saved = await set_paths(
        client, s, supervisor, promotes_to=[manager["id"]], can_fill=[clerk["id"], cashier["id"]]
    )
    assert saved.status_code == 200, saved.text
    view = saved.json()
    assert [r["code"] for r in view["promotes_to"]] == ["MGR"]
    assert [r["code"] for r in view["promoted_from"]] == ["CASH", "CLERK"]
    assert [r["code"] for r in view["can_fill"]] == ["CASH", "CLERK"]
    refused = await set_paths(client, s, manager, promotes_to=[clerk["id"]])
    assert refused.status_code == 409, refused.text
    error = refused.json()["errors"][0]
    assert error["field"] == "promotes_to" and "MGR → CLERK → SUP → MGR" in error["message"]
    itself = await set_paths(client, s, manager, lateral=[manager["id"]])
    assert itself.status_code == 422 and itself.json()["errors"][0]["field"] == "lateral"
    # A lateral move back is no loop (it is not a promotion).
    assert (await set_paths(client, s, manager, lateral=[clerk["id"]])).status_code == 200
    after = (await client.get(f"{BASE}/positions/{manager['id']}", headers=s.headers)).json()
    assert after["promotes_to"] == [] and [r["code"] for r in after["lateral"]] == ["CLERK"]


async def test_headcount_against_people_in_post_per_position_and_org_unit(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    manager = await position(client, s, "STORE-MGR", headcount=1)
    floor = await position(client, s, "SALES", headcount=2, reports_to_id=manager["id"])
    director = await position(client, s, "DIRECTOR", unit=s.hq, headcount=1)
    for number, target in (("E1", floor), ("E2", floor), ("E3", floor), ("E4", director)):
        person = await employee(client, s, number)
        made = await client.post(
            f"{BASE}/employees/{person['id']}/assignments",
            json={"position_id": target["id"], "starts_on": "2020-01-01"},
            headers=s.headers,
        )
        assert made.status_code == 201, made.text
    report = (await client.get(f"{BASE}/headcount", headers=s.headers)).json()
    lines = {line["code"]: line["staffing"] for unit in report["units"] for line in unit["positions"]}
    assert lines["STORE-MGR"] == {
        "headcount": 1, "filled": 0, "vacancies": 1, "over": 0,
        "formula": "vacancies = max(0, headcount 1 − in post 0) = 1",
    }  # fmt: skip
    assert (lines["SALES"]["filled"], lines["SALES"]["vacancies"], lines["SALES"]["over"]) == (3, 0, 1)
    store = next(u for u in report["units"] if u["org_unit_id"] == s.store)["total"]
    assert (store["headcount"], store["filled"], store["vacancies"], store["over"]) == (3, 3, 1, 1)
    assert (report["total"]["headcount"], report["total"]["filled"], report["total"]["vacancies"]) == (
        4,
        4,
        1,
    )
    chart = (await client.get(f"{BASE}/org-chart", headers=s.headers)).json()
    order = [(n["code"], n["depth"]) for n in chart["nodes"]]
    assert order == [("DIRECTOR", 0), ("STORE-MGR", 0), ("SALES", 1)]
    assert chart["nodes"][2]["holders"] == ["张三", "张三", "张三"]
    listed = (
        await client.get(
            f"{BASE}/positions", params={"sort": "-vacancies", "count": "true"}, headers=s.headers
        )
    ).json()
    assert listed["total"] == 3 and listed["items"][0]["code"] == "STORE-MGR"
    assert (
        await client.get(f"{BASE}/positions", params={"sort": "nope"}, headers=s.headers)
    ).status_code in (400, 422)
    found = (await client.get(f"{BASE}/positions", params={"q": "sal"}, headers=s.headers)).json()["items"]
    assert [p["code"] for p in found] == ["SALES"]


async def test_a_position_in_use_cannot_be_deleted(client: httpx.AsyncClient, setup: Setup) -> None:
    s = setup
    used = await position(client, s, "USED")
    spare = await position(client, s, "SPARE")
    person = await employee(client, s, "E9")
    await client.post(
        f"{BASE}/employees/{person['id']}/assignments",
        json={"position_id": used["id"], "starts_on": "2026-01-01"},
        headers=s.headers,
    )
    refused = await client.delete(
        f"{BASE}/positions/{used['id']}", headers={**s.headers, "If-Match": str(used["version"])}
    )
    assert refused.status_code == 409
    gone = await client.delete(
        f"{BASE}/positions/{spare['id']}", headers={**s.headers, "If-Match": str(spare["version"])}
    )
    assert gone.status_code == 204
    assert (await client.get(f"{BASE}/positions/{spare['id']}", headers=s.headers)).status_code == 404
