"""Employees and their assignments to positions over time: a transfer closes the previous
assignment, overlaps are refused, the history is kept, and the position shows who holds it."""

from __future__ import annotations

import httpx

from tests.modules.hr.conftest import BASE, Setup, employee, position


async def test_an_employee_moves_between_positions_and_keeps_the_history(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    clerk = await position(client, s, "CLERK", headcount=2)
    supervisor = await position(client, s, "SUP", headcount=1)
    person = await employee(client, s, "e-0001", "钱多")
    assert person["number"] == "E-0001" and person["current_position"] is None
    again = await client.post(f"{BASE}/employees", json={"number": "E-0001", "name": "x"}, headers=s.headers)
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "number"
    path = f"{BASE}/employees/{person['id']}/assignments"
    first = await client.post(
        path, json={"position_id": clerk["id"], "starts_on": "2024-03-01"}, headers=s.headers
    )
    assert first.status_code == 201, first.text
    moved = await client.post(
        path,
        json={"position_id": supervisor["id"], "starts_on": "2026-07-01", "note": "晋升"},
        headers=s.headers,
    )
    assert moved.status_code == 201, moved.text
    history = (await client.get(path, headers=s.headers)).json()["items"]
    assert [(a["position_code"], a["starts_on"], a["ends_on"]) for a in history] == [
        ("SUP", "2026-07-01", None),
        ("CLERK", "2024-03-01", "2026-06-30"),
    ]
    overlap = await client.post(
        path, json={"position_id": clerk["id"], "starts_on": "2025-01-01"}, headers=s.headers
    )
    assert overlap.status_code == 409 and overlap.json()["errors"][0]["field"] == "starts_on"
    # The tenant's today decides who holds what: the supervisor post is held (from 2026-07-01)
    # only once that day has come; the clerk post is held until 2026-06-30.
    viewed = (await client.get(f"{BASE}/employees/{person['id']}", headers=s.headers)).json()
    sup = (await client.get(f"{BASE}/positions/{supervisor['id']}", headers=s.headers)).json()
    held_now = {a["position_code"] for a in history if a["current"]}
    assert (viewed["current_position"] or {}).get("code") in held_now | {None}
    assert sup["staffing"]["filled"] == (1 if "SUP" in held_now else 0)
    ended = await client.post(
        f"{path}/{history[0]['id']}/close", json={"ends_on": "2026-06-01"}, headers=s.headers
    )
    assert ended.status_code == 422 and ended.json()["errors"][0]["field"] == "ends_on"
    ended = await client.post(
        f"{path}/{history[0]['id']}/close", json={"ends_on": "2026-12-31"}, headers=s.headers
    )
    assert ended.status_code == 200 and ended.json()["ends_on"] == "2026-12-31"
    changed = await client.patch(
        f"{BASE}/employees/{person['id']}",
        json={"phone": "13800000000", "left_on": "2026-12-31", "hired_on": "2024-03-01"},
        headers={**s.headers, "If-Match": str(person["version"])},
    )
    assert changed.status_code == 200 and changed.json()["left_on"] == "2026-12-31"
    listed = (await client.get(f"{BASE}/employees", params={"q": "钱"}, headers=s.headers)).json()["items"]
    assert [e["number"] for e in listed] == ["E-0001"]


async def test_assignments_on_the_tenant_clock_fill_the_position(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    manager = await position(client, s, "STORE-MGR", headcount=1)
    person = await employee(client, s, "E-7", "赵磊")
    made = await client.post(
        f"{BASE}/employees/{person['id']}/assignments",
        json={"position_id": manager["id"], "starts_on": "2020-01-01"},
        headers=s.headers,
    )
    assert made.status_code == 201 and made.json()["current"] is True
    view = (await client.get(f"{BASE}/positions/{manager['id']}", headers=s.headers)).json()
    assert view["staffing"]["filled"] == 1 and view["staffing"]["vacancies"] == 0
    assert [h["employee_name"] for h in view["holders"]] == ["赵磊"]
    assert (await client.get(f"{BASE}/employees/{person['id']}", headers=s.headers)).json()[
        "current_position"
    ]["code"] == "STORE-MGR"
