"""The HR pages in the browser's language: define a position from the form, set its paths (a
loop refused), write its job description with a duty and a flagged requirement, assign an
employee, and read the org chart, headcount and the printable description."""

from __future__ import annotations

import re

import httpx

from tests.modules.hr.conftest import DUTY, Setup, position
from tests.web.test_language_walk import sign_in


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def _version(html: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found, "no version on the page"
    return found.group(1)


async def test_a_position_and_its_description_through_the_pages(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await sign_in(client, s.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    form = await client.get("/hr/positions/new")
    assert form.status_code == 200 and "新建职务" in form.text
    token = _csrf(form.text)
    bad = await client.post("/hr/positions", data={"csrf_token": token, "code": "X", "title": "x"})
    assert bad.status_code == 422 and 'data-testid="error-category"' in bad.text
    made = await client.post(
        "/hr/positions",
        data={
            "csrf_token": token,
            "code": "store-mgr",
            "title": "店长",
            "category": "management",
            "org_unit_id": s.store,
            "headcount": "1",
            "pay_grade": "M3",
        },
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    page = await client.get(made.headers["location"])
    assert ("店长" in page.text and "编制" in page.text) or "定员" in page.text
    assert 'data-testid="position-vacancies"' in page.text
    manager_id = made.headers["location"].split("?")[0].rsplit("/", 1)[1]
    clerk = await position(client, s, "CLERK", reports_to_id=manager_id)
    paths = await client.post(
        f"/hr/positions/{clerk['id']}/paths",
        data={"csrf_token": token, "version": str(clerk["version"]), "promotes_to": manager_id},
        follow_redirects=False,
    )
    assert paths.status_code == 303, paths.text
    page = await client.get(f"/hr/positions/{manager_id}")
    loop = await client.post(
        f"/hr/positions/{manager_id}/paths",
        data={"csrf_token": token, "version": _version(page.text), "promotes_to": [clerk["id"]]},
    )
    assert loop.status_code in (409, 422) and "STORE-MGR → CLERK → STORE-MGR" in loop.text
    assert 'data-testid="error-promotes_to"' in loop.text

    started = await client.post(
        f"/hr/positions/{manager_id}/descriptions", data={"csrf_token": token}, follow_redirects=False
    )
    assert started.status_code == 303 and "/hr/job-descriptions/" in started.headers["location"]
    url = started.headers["location"].split("?")[0]
    page = await client.get(url)
    assert page.status_code == 200 and "工作职责与考核标准" in page.text
    duty = await client.post(
        f"{url}/duties",
        data={"csrf_token": token, "version": _version(page.text), **DUTY},
        follow_redirects=False,
    )
    assert duty.status_code == 303, duty.text
    page = await client.get(url)
    assert "≥ 98% 按时" in page.text and "优" in page.text
    edited = await client.post(
        f"{url}/edit",
        data={
            "csrf_token": token,
            "version": _version(page.text),
            "experience": "限男性，35岁以下",
            "abilities": "沟通协调能力 4\n数据分析能力 3",
        },
        follow_redirects=False,
    )
    assert edited.status_code == 303, edited.text
    page = await client.get(url)
    assert 'data-testid="review-flags"' in page.text and "性别" in page.text and "沟通协调能力" in page.text
    wrong = await client.post(
        f"{url}/edit", data={"csrf_token": token, "version": _version(page.text), "abilities": "沟通 九"}
    )
    assert wrong.status_code == 422 and 'data-testid="error-abilities"' in wrong.text
    printed = await client.get(f"{url}/print")
    assert printed.status_code == 200 and "按时完成门店排班与考勤" in printed.text and "店长" in printed.text

    people = await client.get("/hr/employees")
    person = await client.post(
        "/hr/employees",
        data={"csrf_token": _csrf(people.text), "number": "E-1", "name": "赵磊"},
        follow_redirects=False,
    )
    assert person.status_code == 303, person.text
    assigned = await client.post(
        f"{person.headers['location'].split('?')[0]}/assignments",
        data={"csrf_token": token, "position_id": manager_id, "starts_on": "2020-01-01"},
        follow_redirects=False,
    )
    assert assigned.status_code == 303, assigned.text
    chart = await client.get("/hr/org-chart")
    assert chart.status_code == 200 and 'data-code="STORE-MGR"' in chart.text and "赵磊" in chart.text
    headcount = await client.get("/hr/headcount")
    assert headcount.status_code == 200 and 'data-code="CLERK"' in headcount.text
    listed = await client.get("/hr/positions", params={"q": "clerk"})
    assert "CLERK" in listed.text and "STORE-MGR" not in listed.text
    grouped = await client.get("/hr/positions", params={"group": "category"})
    assert grouped.text.count('data-testid="group-row"') == 2 and "管理类" in grouped.text
    exported = await client.get("/hr/positions/export", params={"format": "csv"})
    assert exported.status_code == 200 and "STORE-MGR" in exported.text


async def test_the_pages_speak_english_too(client: httpx.AsyncClient, setup: Setup) -> None:
    await sign_in(client, setup.tenant)
    home = await client.get("/hr/positions")
    switched = await client.post(
        "/language",
        data={"csrf_token": _csrf(home.text), "locale": "en", "next": "/hr/positions"},
        follow_redirects=False,
    )
    assert switched.status_code == 303
    for path, text in (
        ("/hr/positions", "Positions"),
        ("/hr/org-chart", "Org chart of positions"),
        ("/hr/headcount", "Headcount"),
        ("/hr/employees", "Employees"),
        ("/hr/positions/new", "Define a position"),
    ):
        page = await client.get(path)
        assert page.status_code == 200 and text in page.text, path


async def test_a_job_analysis_with_two_raters_through_the_pages(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    questions = {}
    for code, dimension in (("Q1", "interpersonal"), ("Q2", "criticality")):
        made = await client.post(
            "/api/v1/hr/questions",
            json={"code": code, "dimension": dimension, "text": f"题目{code}"},
            headers=s.headers,
        )
        questions[code] = made.json()["id"]
    bands = [{"min_points": "0", "grade": "S1"}, {"min_points": "30", "grade": "M1"}]
    assert (
        await client.put("/api/v1/hr/grade-table", json={"bands": bands}, headers=s.headers)
    ).status_code == 200
    manager = await position(client, s, "STORE-MGR")
    await sign_in(client, s.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    page = await client.get(f"/hr/positions/{manager['id']}")
    token = _csrf(page.text)
    none = await client.post(
        f"/hr/positions/{manager['id']}/campaigns", data={"csrf_token": token, "title": "分析"}
    )
    assert none.status_code == 422 and 'data-testid="error-raters"' in none.text
    started = await client.post(
        f"/hr/positions/{manager['id']}/campaigns",
        data={"csrf_token": token, "title": "店长职务分析", "incumbents": "赵磊\n", "managers": "孙丽"},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    url = started.headers["location"].split("?")[0]
    page = await client.get(url)
    assert "店长职务分析" in page.text and "尚未作答" in page.text
    campaign = (await client.get(f"/api/v1/hr/campaigns/{url.rsplit('/', 1)[1]}", headers=s.headers)).json()
    raters = {r["name"]: r["id"] for r in campaign["raters"]}
    half = await client.post(
        f"{url}/raters/{raters['赵磊']}/ratings", data={"csrf_token": token, f"need-{questions['Q1']}": "5"}
    )
    assert half.status_code == 422 and "Q1" in half.text
    for name, (q1, q2) in (("赵磊", ("5", "4")), ("孙丽", ("2", "4"))):
        answered = await client.post(
            f"{url}/raters/{raters[name]}/ratings",
            data={
                "csrf_token": token,
                f"need-{questions['Q1']}": q1,
                f"importance-{questions['Q1']}": "4",
                f"contribution-{questions['Q1']}": "4",
                f"need-{questions['Q2']}": q2,
                f"importance-{questions['Q2']}": "5",
                f"contribution-{questions['Q2']}": "4",
            },
            follow_redirects=False,
        )
        assert answered.status_code == 303, answered.text
    page = await client.get(url)
    assert (
        'data-testid="suggested-grade"' in page.text and "<strong>M1</strong>" in page.text
    )  # 16 + 20 = 36 points
    assert 'data-testid="disagreement"' in page.text and "人际活动" in page.text
