"""Questionnaire invitations and reminders on a fixed tenant clock: opening a campaign puts an
invitation in each rater's inbox (those with a sign-in: the member named, or the employee's own)
linking to their questionnaire; raters answer their own questionnaire (another rater's is 403,
another tenant's 404, a closed one 409); the hourly sweep reminds, once, those who have not
answered when the due day is ``remind_days`` away in the tenant's time zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from bizsuite.core import clock
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.identity.models import Role
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.hr import jobs
from bizsuite.modules.hr.services import invitations
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import Person, post_ok
from tests.modules.hr.conftest import BASE, Setup, create_person, position
from tests.modules.hr.test_hr_pages import _csrf
from tests.modules.hr.test_hr_personal_data import _sign_in_as

#: 2026-12-01 09:30 in Shanghai (the tenant's zone): the campaign is due on 12-05, reminders from 12-03.
START = dt.datetime(2026, 12, 1, 1, 30, tzinfo=dt.UTC)
DUE = "2026-12-05"


class FixedClock:
    """The tenant clock held at an instant the test moves."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = START
        monkeypatch.setattr(clock, "utcnow", lambda: self.at)

    def set(self, at: dt.datetime) -> None:
        self.at = at


@dataclass
class Analysis:
    campaign: dict[str, Any]
    incumbent: Person
    manager: Person
    raters: dict[str, dict[str, Any]]
    questions: dict[str, str]


@pytest.fixture
def fixed(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    return FixedClock(monkeypatch)


@pytest.fixture
async def analysis(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, fixed: FixedClock
) -> Analysis:
    s = setup
    async with app_engine.begin() as conn:
        await conn.execute(
            text("UPDATE tenants SET time_zone = 'Asia/Shanghai' WHERE id = :t"), {"t": s.tenant.id}
        )
    questions = {}
    for code, dimension in (("Q1", "information_input"), ("Q2", "interpersonal")):
        made = await post_ok(
            client,
            f"{BASE}/questions",
            {"code": code, "dimension": dimension, "text": f"题目 {code}"},
            s.headers,
        )
        questions[code] = made["id"]
    store_manager = await position(client, s, "STORE-MGR")
    incumbent = await create_person(app_engine, s.tenant, "zhao", Role.MEMBER)
    manager = await create_person(app_engine, s.tenant, "sun", Role.MANAGER)
    zhao = await post_ok(
        client, f"{BASE}/employees", {"number": "E-1", "name": "赵磊", "user_id": incumbent.id}, s.headers
    )
    campaign = await post_ok(
        client,
        f"{BASE}/campaigns",
        {
            "position_id": store_manager["id"],
            "title": "2026 店长职务分析",
            "due_on": DUE,
            "remind_days": 2,
            "raters": [
                {"name": "赵磊", "role": "incumbent", "employee_id": zhao["id"]},
                {"name": "孙丽", "role": "manager", "user_id": manager.id},
                {"name": "外部顾问", "role": "manager"},
            ],
        },
        s.headers,
    )
    raters = {r["name"]: r for r in campaign["raters"]}
    return Analysis(campaign, incumbent, manager, raters, questions)


async def _inbox(client: httpx.AsyncClient, s: Setup, who: Person) -> list[dict[str, Any]]:
    got = await client.get("/api/v1/inbox", params={"user_id": who.id}, headers=s.headers)
    assert got.status_code == 200, got.text
    return [i["alert"] for i in got.json()["items"] if i["alert"]["type"].startswith("hr.")]


async def _remind(sessions: async_sessionmaker[Any], s: Setup) -> int:
    """This tenant's reminders, as the hourly job runs them for it."""
    async with in_tenant(sessions, s.tenant.id, actor="test") as ctx:
        return await invitations.send_reminders(ctx)


def _answers(a: Analysis, n: int) -> dict[str, Any]:
    return {
        "ratings": [
            {"question_id": q, "need": n, "importance": n, "contribution": n} for q in a.questions.values()
        ]
    }


async def test_opening_a_campaign_invites_each_rater_with_a_sign_in_to_their_questionnaire(
    client: httpx.AsyncClient, setup: Setup, analysis: Analysis
) -> None:
    a = analysis
    assert a.raters["赵磊"]["user_id"] == a.incumbent.id  # through the employee record's sign-in
    assert a.raters["孙丽"]["user_id"] == a.manager.id
    assert a.raters["赵磊"]["invited_at"].startswith("2026-12-01T01:30")  # the tenant clock
    assert a.raters["外部顾问"]["user_id"] is None and a.raters["外部顾问"]["invited_at"] is None
    for who, name in ((a.incumbent, "赵磊"), (a.manager, "孙丽")):
        (invitation,) = await _inbox(client, setup, who)
        assert invitation["type"] == "hr.questionnaire_invitation"
        assert invitation["href"] == f"/hr/questionnaires/{a.raters[name]['id']}"
        assert "STORE-MGR" in invitation["title"] and DUE in invitation["title"]
    mine = (await client.get(f"{BASE}/questionnaires", headers=a.manager.headers)).json()["items"]
    assert [(q["rater_id"], q["campaign_title"], q["role"], q["due_on"]) for q in mine] == [
        (a.raters["孙丽"]["id"], "2026 店长职务分析", "manager", DUE)
    ]


async def test_raters_answer_their_own_questionnaire_only(
    client: httpx.AsyncClient, setup: Setup, analysis: Analysis, tenant_b: TenantHandle
) -> None:
    a = analysis
    own = f"{BASE}/questionnaires/{a.raters['孙丽']['id']}"
    answered = await client.put(f"{own}/answers", json=_answers(a, 4), headers=a.manager.headers)
    assert answered.status_code == 200, answered.text
    assert answered.json()["responded_at"] is not None and len(answered.json()["answers"]) == 2
    again = (await client.get(own, headers=a.manager.headers)).json()
    assert {x["need"] for x in again["answers"]} == {4}
    theirs = f"{BASE}/questionnaires/{a.raters['赵磊']['id']}"
    assert (await client.get(theirs, headers=a.manager.headers)).status_code == 403
    refused = await client.put(f"{theirs}/answers", json=_answers(a, 1), headers=a.manager.headers)
    assert refused.status_code == 403
    assert (await client.get(own, headers=tenant_b.headers)).status_code == 404
    read_by_hr = await client.get(own, headers=setup.headers)  # HR reads it, but answers elsewhere
    assert read_by_hr.status_code == 200 and read_by_hr.json()["answerable"] is False
    assert again["answerable"] is True
    hr_answer = await client.put(f"{own}/answers", json=_answers(a, 1), headers=setup.headers)
    assert hr_answer.status_code == 403
    result = (await client.get(f"{BASE}/campaigns/{a.campaign['id']}/result", headers=setup.headers)).json()
    assert (result["raters"], result["responded"]) == (3, 1)
    await post_ok(client, f"{BASE}/campaigns/{a.campaign['id']}/close", {}, setup.headers)
    late = await client.put(f"{own}/answers", json=_answers(a, 5), headers=a.manager.headers)
    assert late.status_code == 409


async def test_raters_who_have_not_answered_are_reminded_once_before_the_due_day(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, analysis: Analysis, fixed: FixedClock
) -> None:
    a = analysis
    sessions = make_sessionmaker(app_engine)
    answered = await client.put(
        f"{BASE}/questionnaires/{a.raters['赵磊']['id']}/answers",
        json=_answers(a, 3),
        headers=a.incumbent.headers,
    )
    assert answered.status_code == 200
    assert await _remind(sessions, setup) == 0  # 12-01: four days before
    fixed.set(dt.datetime(2026, 12, 2, 15, 59, tzinfo=dt.UTC))  # 12-02 23:59 in Shanghai
    assert await _remind(sessions, setup) == 0
    fixed.set(dt.datetime(2026, 12, 2, 16, 1, tzinfo=dt.UTC))  # 12-03 00:01 in Shanghai
    await jobs.remind_all_tenants(sessions)  # the hourly job, over every tenant with HR
    assert await _remind(sessions, setup) == 0  # an hourly sweep reminds once
    fixed.set(dt.datetime(2026, 12, 4, 2, 0, tzinfo=dt.UTC))
    assert await _remind(sessions, setup) == 0
    reminders = [
        x for x in await _inbox(client, setup, a.manager) if x["type"] == "hr.questionnaire_reminder"
    ]
    assert len(reminders) == 1 and reminders[0]["href"] == f"/hr/questionnaires/{a.raters['孙丽']['id']}"
    assert [x["type"] for x in await _inbox(client, setup, a.incumbent)] == ["hr.questionnaire_invitation"]
    campaign = (await client.get(f"{BASE}/campaigns/{a.campaign['id']}", headers=setup.headers)).json()
    reminded = {r["name"]: r["reminded_at"] for r in campaign["raters"]}
    assert reminded["孙丽"].startswith("2026-12-02T16:01") and reminded["赵磊"] is None


async def test_a_closed_or_past_due_campaign_reminds_nobody(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, analysis: Analysis, fixed: FixedClock
) -> None:
    sessions = make_sessionmaker(app_engine)
    fixed.set(dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.UTC))  # the day after the due day
    assert await _remind(sessions, setup) == 0
    fixed.set(dt.datetime(2026, 12, 4, 2, 0, tzinfo=dt.UTC))
    await post_ok(client, f"{BASE}/campaigns/{analysis.campaign['id']}/close", {}, setup.headers)
    assert await _remind(sessions, setup) == 0
    assert await _inbox(client, setup, analysis.manager) == [
        x for x in await _inbox(client, setup, analysis.manager) if x["type"] == "hr.questionnaire_invitation"
    ]


async def test_a_rater_who_is_not_a_member_is_refused(
    client: httpx.AsyncClient, setup: Setup, analysis: Analysis, tenant_b: TenantHandle
) -> None:
    body = {
        "position_id": analysis.campaign["position_id"],
        "title": "x",
        "raters": [{"name": "外人", "role": "manager", "user_id": str(tenant_b.owner.id)}],
    }
    refused = await client.post(f"{BASE}/campaigns", json=body, headers=setup.headers)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "raters"
    twice = {
        **body,
        "raters": [
            {"name": "孙丽", "role": "manager", "user_id": analysis.manager.id},
            {"name": "孙丽 again", "role": "incumbent", "user_id": analysis.manager.id},
        ],
    }
    refused = await client.post(f"{BASE}/campaigns", json=twice, headers=setup.headers)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "raters"


async def test_the_rater_answers_on_their_questionnaire_page(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, analysis: Analysis
) -> None:
    a = analysis
    rater_id = a.raters["孙丽"]["id"]
    client.headers["Accept-Language"] = "zh-CN"
    await _sign_in_as(client, app_engine, setup.tenant, a.manager)
    listed = await client.get("/hr/questionnaires")
    assert listed.status_code == 200 and f"/hr/questionnaires/{rater_id}" in listed.text
    assert a.raters["赵磊"]["id"] not in listed.text
    form = await client.get(f"/hr/questionnaires/{rater_id}")
    assert form.status_code == 200 and "题目 Q1" in form.text and "尚未作答" in form.text
    token = _csrf(form.text)
    partial = await client.post(
        f"/hr/questionnaires/{rater_id}", data={"csrf_token": token, f"need-{a.questions['Q1']}": "4"}
    )
    assert partial.status_code == 422 and 'data-testid="answer-error"' in partial.text
    data = {"csrf_token": token}
    for q in a.questions.values():
        data.update({f"need-{q}": "5", f"importance-{q}": "4", f"contribution-{q}": "3"})
    saved = await client.post(f"/hr/questionnaires/{rater_id}", data=data, follow_redirects=False)
    assert saved.status_code in (302, 303), saved.text
    shown = await client.get(f"/hr/questionnaires/{rater_id}")
    assert "尚未作答" not in shown.text and '<option value="5" selected>' in shown.text
    other = await client.get(f"/hr/questionnaires/{a.raters['赵磊']['id']}")
    assert other.status_code == 403
    campaign = await client.get(f"/hr/campaigns/{a.campaign['id']}")
    assert "无登录账号：由人力资源录入答案" in campaign.text and "已发送收件箱邀请" in campaign.text
