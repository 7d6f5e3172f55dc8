"""Job descriptions through the API: numbered duties with four-level standards, requirements
with protected characteristics flagged, approval through the engine, versions."""

from __future__ import annotations

import httpx

from tests.modules.hr.conftest import BASE, DUTY, Setup, approve_request, position


async def test_a_description_is_written_approved_and_revised(client: httpx.AsyncClient, setup: Setup) -> None:
    s = setup
    manager = await position(client, s, "STORE-MGR", category="management")
    made = await client.post(
        f"{BASE}/job-descriptions",
        json={
            "position_id": manager["id"],
            "summary": "全面负责门店日常经营",
            "min_education": "大专及以上",
            "experience": "三年以上零售门店管理经验",
            "abilities": [{"name": "沟通协调能力", "level": 4}, {"name": "数据分析能力", "level": 3}],
            "duties": [
                DUTY,
                {
                    **DUTY,
                    "content": "月度销售目标达成",
                    "excellent": "≥ 110%",
                    "good": "100–110%",
                    "fair": "90–100%",
                    "poor": "< 90%",
                    "weight": "40",
                },
            ],
        },
        headers=s.clerk.headers,
    )
    assert made.status_code == 201, made.text
    draft = made.json()
    assert (draft["number"], draft["status"], draft["review_flags"]) == (1, "draft", [])
    assert [(d["seq"], d["excellent"], d["poor"], d["weight"]) for d in draft["duties"]] == [
        (1, "≥ 98% 按时", "< 90%", "30.00"),
        (2, "≥ 110%", "< 90%", "40.00"),
    ]
    second = await client.post(
        f"{BASE}/job-descriptions", json={"position_id": manager["id"]}, headers=s.clerk.headers
    )
    assert second.status_code == 409 and second.json()["errors"][0]["field"] == "position_id"

    added = await client.post(
        f"{BASE}/job-descriptions/{draft['id']}/duties",
        json={**DUTY, "content": "损耗控制", "weight": "0"},
        headers={**s.clerk.headers, "If-Match": str(draft["version"])},
    )
    assert added.status_code == 422 and added.json()["errors"][0]["field"] == "weight"
    added = await client.post(
        f"{BASE}/job-descriptions/{draft['id']}/duties",
        json={**DUTY, "content": "损耗控制", "weight": "12.345"},
        headers={**s.clerk.headers, "If-Match": str(draft["version"])},
    )
    assert added.status_code == 201, added.text
    current = added.json()
    assert [d["seq"] for d in current["duties"]] == [1, 2, 3] and current["duties"][2]["weight"] == "12.35"
    assert current["version"] > draft["version"]
    moved = await client.patch(
        f"{BASE}/job-descriptions/{draft['id']}/duties/{current['duties'][2]['id']}",
        json={"seq": 1},
        headers={**s.clerk.headers, "If-Match": str(current["version"])},
    )
    assert moved.status_code == 200, moved.text
    current = moved.json()
    assert [d["content"] for d in current["duties"]] == [
        "损耗控制",
        "按时完成门店排班与考勤",
        "月度销售目标达成",
    ]
    removed = await client.delete(
        f"{BASE}/job-descriptions/{draft['id']}/duties/{current['duties'][1]['id']}",
        headers={**s.clerk.headers, "If-Match": str(current["version"])},
    )
    assert removed.status_code == 200
    current = removed.json()
    assert [(d["seq"], d["content"]) for d in current["duties"]] == [(1, "损耗控制"), (2, "月度销售目标达成")]

    # Requirements naming protected characteristics are flagged for review.
    flagged = await client.patch(
        f"{BASE}/job-descriptions/{draft['id']}",
        json={"experience": "男性，35岁以下，已婚优先", "training": None},
        headers={**s.clerk.headers, "If-Match": str(current["version"])},
    )
    assert flagged.status_code == 200
    assert [(f["field"], f["characteristic"], f["term"]) for f in flagged.json()["review_flags"]] == [
        ("experience", "gender", "男性"),
        ("experience", "age", "35岁"),
        ("experience", "marital_status", "已婚"),
    ]
    clean = await client.patch(
        f"{BASE}/job-descriptions/{draft['id']}",
        json={"experience": "三年以上零售门店管理经验"},
        headers={**s.clerk.headers, "If-Match": str(flagged.json()["version"])},
    )
    assert clean.json()["review_flags"] == []

    submitted = await client.post(
        f"{BASE}/job-descriptions/{draft['id']}/submit",
        headers={**s.clerk.headers, "If-Match": str(clean.json()["version"])},
    )
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["status"] == "in_approval"
    locked = await client.patch(
        f"{BASE}/job-descriptions/{draft['id']}",
        json={"summary": "x"},
        headers={**s.clerk.headers, "If-Match": str(submitted.json()["version"])},
    )
    assert locked.status_code == 409
    await approve_request(client, s, draft["id"])
    approved = (await client.get(f"{BASE}/job-descriptions/{draft['id']}", headers=s.headers)).json()
    assert approved["status"] == "approved" and approved["approved_at"]
    assert (await client.get(f"{BASE}/positions/{manager['id']}", headers=s.headers)).json()[
        "current_description_id"
    ] == draft["id"]

    revised = await client.post(f"{BASE}/job-descriptions/{draft['id']}/revisions", headers=s.clerk.headers)
    assert revised.status_code == 201, revised.text
    v2 = revised.json()
    assert v2["number"] == 2 and v2["status"] == "draft"
    assert [d["content"] for d in v2["duties"]] == ["损耗控制", "月度销售目标达成"]
    assert [a["name"] for a in v2["abilities"]] == ["沟通协调能力", "数据分析能力"]
    submitted = await client.post(
        f"{BASE}/job-descriptions/{v2['id']}/submit",
        headers={**s.clerk.headers, "If-Match": str(v2["version"])},
    )
    assert submitted.status_code == 200
    await approve_request(client, s, v2["id"])
    versions = (
        await client.get(f"{BASE}/job-descriptions", params={"position_id": manager["id"]}, headers=s.headers)
    ).json()["items"]
    assert [(v["number"], v["status"]) for v in versions] == [(2, "approved"), (1, "superseded")]


async def test_a_description_needs_a_duty_and_a_person_to_submit_it(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    cashier = await position(client, s, "CASH")
    empty = (
        await client.post(
            f"{BASE}/job-descriptions", json={"position_id": cashier["id"]}, headers=s.clerk.headers
        )
    ).json()
    refused = await client.post(
        f"{BASE}/job-descriptions/{empty['id']}/submit",
        headers={**s.clerk.headers, "If-Match": str(empty["version"])},
    )
    assert refused.status_code == 409
    filled = await client.post(
        f"{BASE}/job-descriptions/{empty['id']}/duties",
        json=DUTY,
        headers={**s.clerk.headers, "If-Match": str(empty["version"])},
    )
    nobody = await client.post(
        f"{BASE}/job-descriptions/{empty['id']}/submit",
        headers={**s.headers, "If-Match": str(filled.json()["version"])},
    )
    assert nobody.status_code == 403  # the tenant's own key belongs to no person
    missing = await client.post(
        f"{BASE}/job-descriptions/{empty['id']}/duties",
        json={"content": "x", "excellent": "a", "good": "b", "fair": "c"},
        headers={**s.clerk.headers, "If-Match": str(filled.json()["version"])},
    )
    assert missing.status_code in (400, 422) and "poor" in missing.text
