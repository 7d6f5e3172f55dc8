"""Appraisals through the API: HR runs a cycle (draft → open → closed, illegal moves 409 with the
allowed ones), opening it enrols the store's staff with the job description in force; the
employee assesses themselves, their line manager scores them, the weighted roll-up explains
itself; a colleague cannot read another's appraisal (403), another tenant gets 404; HR calibrates
a final level with a reason (audited); closing locks the scores; the employee's history lists it;
the level points are the tenant's setting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from bizsuite.core.identity.models import Role
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Person, post_ok
from tests.modules.hr.conftest import BASE, Setup, approve_request, build, create_person, position

DUTIES = [
    {"content": "完成个人月度销售目标", "excellent": "≥ 110%", "good": "100–110%", "fair": "90–100%",
     "poor": "< 90%", "weight": "60"},
    {"content": "陈列与补货", "excellent": "零缺货", "good": "≤ 2 次缺货", "fair": "≤ 5 次", "poor": "> 5 次",
     "weight": "40"},
]  # fmt: skip


@dataclass
class Store:
    """A store with a manager over two sales associates, each with their own sign-in."""

    manager: Person
    seller: Person
    colleague: Person
    seller_employee: dict[str, Any]
    colleague_employee: dict[str, Any]
    unit: str


async def _staff(
    client: httpx.AsyncClient, s: Setup, number: str, name: str, person: Person, position_id: str
) -> dict[str, Any]:
    made = await post_ok(
        client, f"{BASE}/employees", {"number": number, "name": name, "user_id": person.id}, s.headers
    )
    await post_ok(
        client,
        f"{BASE}/employees/{made['id']}/assignments",
        {"position_id": position_id, "starts_on": "2024-01-01"},
        s.headers,
    )
    return made


@pytest.fixture
async def store(client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup) -> Store:
    s = setup
    manager_pos = await position(client, s, "SH-MGR")
    sales_pos = await position(client, s, "SH-SALES", headcount=3, reports_to_id=manager_pos["id"])
    draft = await post_ok(
        client,
        f"{BASE}/job-descriptions",
        {"position_id": sales_pos["id"], "duties": DUTIES},
        s.clerk.headers,
    )
    submitted = await client.post(
        f"{BASE}/job-descriptions/{draft['id']}/submit",
        headers={**s.clerk.headers, "If-Match": str(draft["version"])},
    )
    assert submitted.status_code == 200, submitted.text
    await approve_request(client, s, draft["id"])
    manager = await create_person(app_engine, s.tenant, "sh-manager", Role.MEMBER)
    seller = await create_person(app_engine, s.tenant, "seller", Role.MEMBER)
    colleague = await create_person(app_engine, s.tenant, "colleague", Role.MEMBER)
    await _staff(client, s, "E-1", "赵磊", manager, manager_pos["id"])
    seller_employee = await _staff(client, s, "E-2", "钱多", seller, sales_pos["id"])
    colleague_employee = await _staff(client, s, "E-3", "陈晨", colleague, sales_pos["id"])
    return Store(manager, seller, colleague, seller_employee, colleague_employee, s.store)


async def _open_cycle(client: httpx.AsyncClient, s: Setup, store: Store) -> dict[str, Any]:
    cycle = await post_ok(
        client,
        f"{BASE}/appraisal-cycles",
        {"name": "2026 H2", "starts_on": "2026-07-01", "ends_on": "2026-12-31", "org_unit_id": store.unit},
        s.headers,
    )
    return await _move(client, s.headers, cycle, "open")


async def _move(
    client: httpx.AsyncClient, headers: dict[str, str], cycle: dict[str, Any], status: str
) -> Any:
    moved = await client.post(
        f"{BASE}/appraisal-cycles/{cycle['id']}/status",
        json={"status": status},
        headers={**headers, "If-Match": str(cycle["version"])},
    )
    return moved.json() if moved.status_code == 200 else moved


def _levels(appraisal: dict[str, Any], *levels: str) -> dict[str, Any]:
    return {
        "scores": [
            {"duty_id": duty["duty_id"], "level": level, "comment": f"comment {i}"}
            for i, (duty, level) in enumerate(zip(appraisal["duties"], levels, strict=False))
        ]
    }


async def _appraisal_of(
    client: httpx.AsyncClient, headers: dict[str, str], cycle: dict[str, Any], number: str
) -> dict[str, Any]:
    listed = (await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}/appraisals", headers=headers)).json()
    found = next(a for a in listed["items"] if a["employee_number"] == number)
    got = await client.get(f"{BASE}/appraisals/{found['id']}", headers=headers)
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def test_a_cycle_moves_draft_open_closed_and_only_hr_runs_it(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    body = {"name": "2026 H2", "starts_on": "2026-07-01", "ends_on": "2026-12-31"}
    refused = await client.post(f"{BASE}/appraisal-cycles", json=body, headers=store.manager.headers)
    assert refused.status_code == 403
    backwards = await client.post(
        f"{BASE}/appraisal-cycles", json={**body, "ends_on": "2026-06-30"}, headers=setup.headers
    )
    assert backwards.status_code == 422 and backwards.json()["errors"][0]["field"] == "ends_on"
    cycle = await post_ok(
        client, f"{BASE}/appraisal-cycles", {**body, "org_unit_id": store.unit}, setup.headers
    )
    assert (cycle["status"], cycle["next_statuses"], cycle["appraisals"]) == ("draft", ["open"], 0)

    skipped = await _move(client, setup.headers, cycle, "closed")
    assert skipped.status_code == 409
    problem = skipped.json()
    assert problem["type"].endswith("illegal-transition") and "allowed: open" in problem["detail"]
    assert problem["errors"][0]["field"] == "status"
    assert (await _move(client, store.manager.headers, cycle, "open")).status_code == 403

    opened = await _move(client, setup.headers, cycle, "open")
    assert (opened["status"], opened["next_statuses"], opened["appraisals"]) == ("open", ["closed"], 3)
    renamed = await client.patch(
        f"{BASE}/appraisal-cycles/{cycle['id']}",
        json={"name": "x"},
        headers={**setup.headers, "If-Match": str(opened["version"])},
    )
    assert renamed.status_code == 409  # only a draft changes
    closed = await _move(client, setup.headers, opened, "closed")
    assert (closed["status"], closed["next_statuses"]) == ("closed", [])
    again = await _move(client, setup.headers, closed, "open")
    assert again.status_code == 409 and "allowed: none" in again.json()["detail"]
    listed = (
        await client.get(f"{BASE}/appraisal-cycles", params={"count": "true"}, headers=setup.headers)
    ).json()
    assert [(c["name"], c["status"]) for c in listed["items"]] == [("2026 H2", "closed")] and listed[
        "total"
    ] == 1


async def test_self_and_manager_scores_roll_up_by_weight_and_explain_themselves(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    cycle = await _open_cycle(client, setup, store)
    mine = await _appraisal_of(client, store.seller.headers, cycle, "E-2")
    assert [d["weight"] for d in mine["duties"]] == ["60.00", "40.00"]
    assert mine["duties"][0]["excellent"] == "≥ 110%"
    assert (mine["access"], mine["can_score_self"], mine["can_score_manager"]) == ("self", True, False)

    own = await client.put(
        f"{BASE}/appraisals/{mine['id']}/self-scores",
        json=_levels(mine, "excellent", "good"),
        headers=store.seller.headers,
    )
    assert own.status_code == 200, own.text
    # The employee cannot give the manager's scores, nor the manager the employee's own.
    assert (
        await client.put(
            f"{BASE}/appraisals/{mine['id']}/manager-scores",
            json=_levels(mine, "excellent"),
            headers=store.seller.headers,
        )
    ).status_code == 403
    assert (
        await client.put(
            f"{BASE}/appraisals/{mine['id']}/self-scores",
            json=_levels(mine, "poor"),
            headers=store.manager.headers,
        )
    ).status_code == 403

    scored = await client.put(
        f"{BASE}/appraisals/{mine['id']}/manager-scores",
        json=_levels(mine, "good", "poor"),
        headers=store.manager.headers,
    )
    assert scored.status_code == 200, scored.text
    view = scored.json()
    assert view["access"] == "line_manager"
    # Manager: (60 × 85 + 40 × 50) / 100 = 71.00 → fair; self: (60 × 100 + 40 × 85) / 100 = 94.00.
    assert (view["manager"]["score"], view["manager"]["level"], view["manager"]["complete"]) == (
        "71.00",
        "fair",
        True,
    )
    assert view["manager"]["formula"] == (
        "score = Σ weight × points / Σ weight = (60.00 × 85.00 + 40.00 × 50.00) / 100.00 = 7100.00 / 100.00 = 71.00"
        " (2 of 2 duties scored)"
    )
    assert (view["self_assessment"]["score"], view["self_assessment"]["level"]) == ("94.00", "excellent")
    assert view["result_level"] == "fair"
    assert [(d["self_score"]["level"], d["manager_score"]["level"]) for d in view["duties"]] == [
        ("excellent", "good"), ("good", "poor"),
    ]  # fmt: skip
    assert view["duties"][1]["manager_score"]["comment"] == "comment 1"
    assert view["level_points"] == {"excellent": "100.00", "good": "85.00", "fair": "70.00", "poor": "50.00"}

    wrong = await client.put(
        f"{BASE}/appraisals/{mine['id']}/manager-scores",
        json={"scores": [{"duty_id": cycle["id"], "level": "good"}]},
        headers=store.manager.headers,
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "scores"
    bad_level = await client.put(
        f"{BASE}/appraisals/{mine['id']}/manager-scores",
        json={"scores": [{"duty_id": mine["duties"][0]["duty_id"], "level": "superb"}]},
        headers=store.manager.headers,
    )
    assert bad_level.status_code == 400 or bad_level.status_code == 422

    # Per position: the mean of its employees' manager scores (the colleague not scored yet).
    calibration = (
        await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}/calibration", headers=setup.headers)
    ).json()
    sales = next(p for p in calibration["positions"] if p["position_code"] == "SH-SALES")
    assert (sales["employees"], sales["scored"], sales["score"]) == (2, 1, "71.00")
    assert sales["formula"] == "mean of 1 manager scores = (71.00) / 1 = 71.00"
    manager_row = next(p for p in calibration["positions"] if p["position_code"] == "SH-MGR")
    assert manager_row["score"] is None  # no job description in force: nothing to score
    assert calibration["distribution"] == {"excellent": 0, "good": 0, "fair": 1, "poor": 0}
    assert [(o["employee_name"], o["reasons"]) for o in calibration["outliers"]] == [("钱多", ["self_gap"])]


async def test_a_colleague_cannot_read_another_s_appraisal_and_another_tenant_gets_404(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, store: Store, tenant_b: TenantHandle
) -> None:
    cycle = await _open_cycle(client, setup, store)
    theirs = await _appraisal_of(client, setup.headers, cycle, "E-2")
    for who in (store.colleague.headers, setup.clerk.headers, setup.approver.headers):
        got = await client.get(f"{BASE}/appraisals/{theirs['id']}", headers=who)
        assert got.status_code == 403, got.text
        history = await client.get(f"{BASE}/employees/{store.seller_employee['id']}/appraisals", headers=who)
        assert history.status_code == 403
        written = await client.put(
            f"{BASE}/appraisals/{theirs['id']}/manager-scores", json=_levels(theirs, "poor"), headers=who
        )
        assert written.status_code == 403
    # The colleague's own list holds their appraisal only; the manager's, their two reports'.
    listed = (
        await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}/appraisals", headers=store.colleague.headers)
    ).json()
    assert [a["employee_number"] for a in listed["items"]] == ["E-3"]
    listed = (
        await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}/appraisals", headers=store.manager.headers)
    ).json()
    assert sorted(a["employee_number"] for a in listed["items"]) == ["E-1", "E-2", "E-3"]
    calibration = (
        await client.get(
            f"{BASE}/appraisal-cycles/{cycle['id']}/calibration", headers=store.colleague.headers
        )
    ).json()
    assert [a["employee_number"] for g in calibration["groups"] for a in g["appraisals"]] == ["E-3"]

    b = await build(client, app_engine, tenant_b)
    for path in (
        f"/appraisals/{theirs['id']}",
        f"/appraisal-cycles/{cycle['id']}",
        f"/appraisal-cycles/{cycle['id']}/appraisals",
        f"/appraisal-cycles/{cycle['id']}/calibration",
        f"/employees/{store.seller_employee['id']}/appraisals",
    ):
        assert (await client.get(f"{BASE}{path}", headers=b.headers)).status_code == 404, path
    written = await client.put(
        f"{BASE}/appraisals/{theirs['id']}/manager-scores", json=_levels(theirs, "poor"), headers=b.headers
    )
    assert written.status_code == 404
    assert (await client.get(f"{BASE}/appraisal-cycles", headers=b.headers)).json()["items"] == []
    refused = await client.post(
        f"{BASE}/appraisal-cycles",
        json={"name": "x", "starts_on": "2026-01-01", "ends_on": "2026-06-30", "org_unit_id": store.unit},
        headers=b.headers,
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "org_unit_id"


async def test_hr_calibrates_a_final_level_with_a_reason_and_closing_locks_everything(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    cycle = await _open_cycle(client, setup, store)
    theirs = await _appraisal_of(client, setup.headers, cycle, "E-2")
    scored = await client.put(
        f"{BASE}/appraisals/{theirs['id']}/manager-scores",
        json=_levels(theirs, "good", "good"),
        headers=setup.headers,
    )
    assert scored.status_code == 200 and scored.json()["result_level"] == "good"
    current = scored.json()
    body = {"level": "excellent", "reason": "全店销售冠军"}
    refused = await client.post(
        f"{BASE}/appraisals/{theirs['id']}/final-level",
        json=body,
        headers={**store.manager.headers, "If-Match": str(current["version"])},
    )
    assert refused.status_code == 403  # a line manager scores; only HR calibrates
    blank = await client.post(
        f"{BASE}/appraisals/{theirs['id']}/final-level",
        json={"level": "excellent", "reason": " "},
        headers={**setup.headers, "If-Match": str(current["version"])},
    )
    assert blank.status_code == 400 or blank.status_code == 422
    changed = await client.post(
        f"{BASE}/appraisals/{theirs['id']}/final-level",
        json=body,
        headers={**setup.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200, changed.text
    view = changed.json()
    assert (view["manager"]["level"], view["final_level"], view["result_level"]) == (
        "good",
        "excellent",
        "excellent",
    )
    assert view["final_reason"] == "全店销售冠军"
    audit = (
        await client.get("/api/v1/audit-log", params={"target_id": theirs["id"]}, headers=setup.headers)
    ).json()
    calibrated = [e for e in audit["items"] if e["action"] == "hr.appraisal.calibrated"]
    assert [e["after"]["reason"] for e in calibrated] == ["全店销售冠军"]

    history = (
        await client.get(
            f"{BASE}/employees/{store.seller_employee['id']}/appraisals", headers=store.seller.headers
        )
    ).json()
    assert [(a["cycle_name"], a["manager_score"], a["result_level"]) for a in history["items"]] == [
        ("2026 H2", "85.00", "excellent")
    ]

    latest = (await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}", headers=setup.headers)).json()
    await _move(client, setup.headers, latest, "closed")
    locked = await client.put(
        f"{BASE}/appraisals/{theirs['id']}/self-scores",
        json=_levels(theirs, "poor"),
        headers=store.seller.headers,
    )
    assert locked.status_code == 409
    after = (await client.get(f"{BASE}/appraisals/{theirs['id']}", headers=store.seller.headers)).json()
    assert (after["can_score_self"], after["manager"]["score"], after["result_level"]) == (
        False,
        "85.00",
        "excellent",
    )
    recalibrated = await client.post(
        f"{BASE}/appraisals/{theirs['id']}/final-level",
        json=body,
        headers={**setup.headers, "If-Match": str(after["version"])},
    )
    assert recalibrated.status_code == 409


async def test_the_level_points_are_the_tenant_s_setting(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    settings = (await client.get(f"{BASE}/settings", headers=setup.headers)).json()
    assert (settings["points_excellent"], settings["points_poor"]) == ("100.00", "50.00")
    out_of_order = await client.patch(
        f"{BASE}/settings",
        json={"points_fair": "90"},
        headers={**setup.headers, "If-Match": str(settings["version"])},
    )
    assert out_of_order.status_code == 422 and out_of_order.json()["errors"][0]["field"] == "points_fair"
    refused = await client.patch(
        f"{BASE}/settings",
        json={"points_poor": "0"},
        headers={**store.manager.headers, "If-Match": str(settings["version"])},
    )
    assert refused.status_code == 403
    changed = await client.patch(
        f"{BASE}/settings",
        json={"points_excellent": "5", "points_good": "4", "points_fair": "3", "points_poor": "1"},
        headers={**setup.headers, "If-Match": str(settings["version"])},
    )
    assert changed.status_code == 200, changed.text
    cycle = await _open_cycle(client, setup, store)
    theirs = await _appraisal_of(client, setup.headers, cycle, "E-2")
    view = (
        await client.put(
            f"{BASE}/appraisals/{theirs['id']}/manager-scores",
            json=_levels(theirs, "excellent", "fair"),
            headers=setup.headers,
        )
    ).json()
    assert (view["manager"]["score"], view["manager"]["level"]) == ("4.20", "good")  # (60 × 5 + 40 × 3) / 100
