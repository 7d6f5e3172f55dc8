"""The demo blueprint's HR: the store and HQ positions with their reporting lines and paths, the
store manager's approved job description with its four-level standards, a flagged draft,
employees with their history, a finished job analysis suggesting the grade, and an open appraisal
cycle of the Shanghai store with scored appraisals; applying it twice creates nothing the second time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.hr.conftest import BASE


async def test_the_demo_has_a_store_and_hq_structure_with_described_positions(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["hr"])
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    for attempt in range(2):
        async with make_sessionmaker(app_engine)() as session, session.begin():
            report = await apply_blueprint(session, blueprint, source="demo.toml")
        made = [c for c in report.created if c.startswith(("position ", "employee "))]
        assert len(made) == (27 if attempt == 0 else 0), made
    headers = tenant.headers
    found = (await client.get(f"{BASE}/positions", params={"q": "SH01-STORE-MGR"}, headers=headers)).json()[
        "items"
    ]
    (manager,) = found
    assert manager["reports_to"]["code"] == "EAST-REGION-MGR"
    assert [r["code"] for r in manager["promoted_from"]] == ["SH01-ASST-MGR"]
    assert [h["employee_name"] for h in manager["holders"]] == ["赵磊 Zhao Lei"]
    description = (
        await client.get(f"{BASE}/job-descriptions/{manager['current_description_id']}", headers=headers)
    ).json()
    assert description["status"] == "approved" and len(description["duties"]) == 5
    assert (description["duties"][0]["excellent"], description["duties"][0]["poor"]) == (
        "达成率 ≥ 110%",
        "< 90%",
    )
    assert sum(float(d["weight"]) for d in description["duties"]) == 100
    drafts = (
        await client.get(f"{BASE}/job-descriptions", params={"status": "draft"}, headers=headers)
    ).json()["items"]
    assert [(f["characteristic"], f["term"]) for f in drafts[0]["review_flags"]] == [
        ("gender", "女性"), ("age", "年龄"), ("age", "35岁"),
    ]  # fmt: skip
    report = (await client.get(f"{BASE}/headcount", headers=headers)).json()
    assert report["total"]["headcount"] == 32 and report["total"]["filled"] == 13
    (campaign,) = (await client.get(f"{BASE}/campaigns", headers=headers)).json()["items"]
    result = (await client.get(f"{BASE}/campaigns/{campaign['id']}/result", headers=headers)).json()
    assert (result["points"], result["suggested_grade"], result["current_grade"]) == ("183.00", "M3", "M3")
    assert [i["code"] for i in result["questions"] if i["disagreement"]] == ["Q05"]
    assert len(result["profile"]) == 6
    chart = (await client.get(f"{BASE}/org-chart", headers=headers)).json()
    assert chart["nodes"][0]["code"] == "HQ-GM" and len(chart["nodes"]) == 14

    (cycle,) = (await client.get(f"{BASE}/appraisal-cycles", headers=headers)).json()["items"]
    assert (cycle["status"], cycle["org_unit_name"], cycle["appraisals"]) == (
        "open",
        "上海南京路店 Shanghai Nanjing Rd Store",
        6,
    )
    listed = (await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}/appraisals", headers=headers)).json()
    scores = {a["employee_number"]: (a["manager_score"], a["self_score"]) for a in listed["items"]}
    assert scores == {
        "HX-0101": ("85.00", "92.50"),  # 店长, weights 30/15/20/20/15
        "HX-0102": (None, None),  # 楼面主管: no job description in force, nothing to score
        "HX-0103": ("80.50", "97.00"),  # 销售顾问, weights 50/30/20
        "HX-0104": ("92.50", "82.00"),
        "HX-0105": (None, None),
        "HX-0106": (None, None),
    }
    calibration = (
        await client.get(f"{BASE}/appraisal-cycles/{cycle['id']}/calibration", headers=headers)
    ).json()
    assert calibration["distribution"] == {"excellent": 1, "good": 2, "fair": 0, "poor": 0}
    assert [(o["employee_name"], o["reasons"]) for o in calibration["outliers"]] == [
        ("钱多 Qian Duo", ["self_gap"])
    ]
    sales = next(p for p in calibration["positions"] if p["position_code"] == "SH01-SALES")
    assert (sales["employees"], sales["score"]) == (2, "86.50")


def test_a_blueprint_with_a_promotion_loop_is_refused() -> None:
    source = """
[tenant]
slug = "loop"
name = "Loop"
modules = ["hr"]

[[org_units]]
code = "HQ"
name = "HQ"
kind = "group"

[[hr.positions]]
code = "A"
title = "A"
category = "sales"
org_unit = "HQ"
headcount = 1
promotes_to = ["B"]

[[hr.positions]]
code = "B"
title = "B"
category = "sales"
org_unit = "HQ"
headcount = 1
promotes_to = ["A"]
"""
    with pytest.raises(BlueprintError, match="promotes_to: loop: A → B → A"):
        parse_blueprint(source)


def test_a_blueprint_employee_names_a_member_of_the_blueprint_as_their_sign_in() -> None:
    source = """
[tenant]
slug = "who"
name = "Who"
modules = ["hr"]

[[org_units]]
code = "HQ"
name = "HQ"
kind = "group"

[[hr.employees]]
number = "E-1"
name = "赵磊"
user = "nobody@example.com"
personal = { birth_date = 1990-05-12, emergency_contact = "赵母" }
"""
    with pytest.raises(BlueprintError, match=r"employees\[0\]\.user"):
        parse_blueprint(source)
