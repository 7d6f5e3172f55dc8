"""The job-analysis questionnaire through the API: items in six dimensions, the tenant's
points-to-grade table, a campaign with an incumbent and a manager who rate the items, the
results (the known data set of the rules test: 79.50 points, grade S3, raters disagreeing on
the interpersonal item) and a closed campaign refusing more ratings."""

from __future__ import annotations

import httpx

from tests.modules.hr.conftest import BASE, Setup, employee, position
from tests.modules.hr.test_hr_questionnaire_rules import INCUMBENT, ITEMS, MANAGER

BANDS = [
    {"min_points": "0", "grade": "S1"},
    {"min_points": "40", "grade": "S2"},
    {"min_points": "60", "grade": "S3"},
    {"min_points": "80", "grade": "M1"},
    {"min_points": "100", "grade": "M2"},
]


async def test_two_raters_rate_the_store_manager_and_the_points_suggest_a_grade(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    questions = {}
    for code, dimension in ITEMS.items():
        made = await client.post(
            f"{BASE}/questions",
            json={"code": code, "dimension": dimension, "text": f"题目 {code}"},
            headers=s.headers,
        )
        assert made.status_code == 201, made.text
        questions[code] = made.json()["id"]
    again = await client.post(
        f"{BASE}/questions", json={"code": "i1", "dimension": "criticality", "text": "x"}, headers=s.headers
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "code"
    table = await client.put(f"{BASE}/grade-table", json={"bands": BANDS}, headers=s.headers)
    assert table.status_code == 200, table.text
    twice = await client.put(
        f"{BASE}/grade-table", json={"bands": [{"min_points": "1", "grade": "A"}] * 2}, headers=s.headers
    )
    assert twice.status_code == 422 and twice.json()["errors"][0]["field"] == "bands"

    manager = await position(client, s, "STORE-MGR", pay_grade="M1")
    incumbent = await employee(client, s, "E-1", "赵磊")
    campaign = await client.post(
        f"{BASE}/campaigns",
        json={
            "position_id": manager["id"],
            "title": "2026 店长职务分析",
            "due_on": "2026-12-31",
            "raters": [
                {"name": "赵磊", "role": "incumbent", "employee_id": incumbent["id"]},
                {"name": "孙丽", "role": "manager"},
            ],
        },
        headers=s.headers,
    )
    assert campaign.status_code == 201, campaign.text
    view = campaign.json()
    raters = {r["name"]: r["id"] for r in view["raters"]}
    for name, table_ in (("赵磊", INCUMBENT), ("孙丽", MANAGER)):
        answers = [
            {"question_id": questions[code], "need": n, "importance": i, "contribution": c}
            for code, (n, i, c) in table_.items()
        ]
        rated = await client.put(
            f"{BASE}/campaigns/{view['id']}/raters/{raters[name]}/ratings",
            json={"ratings": answers},
            headers=s.headers,
        )
        assert rated.status_code == 200, rated.text
    out_of_scale = await client.put(
        f"{BASE}/campaigns/{view['id']}/raters/{raters['孙丽']}/ratings",
        json={"ratings": [{"question_id": questions["I1"], "need": 6, "importance": 1, "contribution": 1}]},
        headers=s.headers,
    )
    assert out_of_scale.status_code in (400, 422)
    result = (await client.get(f"{BASE}/campaigns/{view['id']}/result", headers=s.headers)).json()
    assert (result["raters"], result["responded"]) == (2, 2)
    assert (
        result["points"] == "79.50" and result["suggested_grade"] == "S3" and result["current_grade"] == "M1"
    )
    assert result["formula"] == "points = Σ mean importance × mean contribution over 6 rated items = 79.50"
    assert [(i["code"], i["points"]) for i in result["questions"]] == [
        ("I1", "10.50"), ("I2", "22.50"), ("I3", "9.00"), ("I4", "7.50"), ("I5", "5.00"), ("I6", "25.00"),
    ]  # fmt: skip
    disagreeing = [i for i in result["questions"] if i["disagreement"]]
    assert [(i["code"], i["gap"], i["incumbents"]["need"], i["managers"]["need"]) for i in disagreeing] == [
        ("I3", "3.00", "5.00", "2.00")
    ]
    assert [(d["dimension"], d["need"]) for d in result["profile"]][:2] == [
        ("information_input", "4.00"),
        ("mental_processes", "4.50"),
    ]
    closed = await client.post(f"{BASE}/campaigns/{view['id']}/close", headers=s.headers)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    refused = await client.put(
        f"{BASE}/campaigns/{view['id']}/raters/{raters['孙丽']}/ratings",
        json={"ratings": []},
        headers=s.headers,
    )
    assert refused.status_code == 409
    listed = (
        await client.get(f"{BASE}/campaigns", params={"position_id": manager["id"]}, headers=s.headers)
    ).json()
    assert [c["id"] for c in listed["items"]] == [view["id"]]
