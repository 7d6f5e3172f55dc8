"""The appraisal pages in zh-CN and en: HR starts a cycle from the list's form (a period that
ends before it starts is refused next to the field), opens it, scores a sales associate's duties
as their manager and reads the weighted roll-up with its formula, sees the calibration with the
distribution, sets a final level with a reason, and finds the appraisal on the employee's page."""

from __future__ import annotations

import re

import httpx

from tests.modules.hr.conftest import Setup
from tests.modules.hr.test_hr_appraisals_api import Store, store  # noqa: F401 (the fixture)
from tests.modules.hr.test_hr_pages import _csrf, _version
from tests.web.test_language_walk import sign_in


async def test_a_cycle_is_run_scored_and_calibrated_through_the_pages(
    client: httpx.AsyncClient,
    setup: Setup,
    store: Store,  # noqa: F811
) -> None:
    await sign_in(client, setup.tenant)
    client.cookies.set("bizsuite_lang", "zh-CN")
    listed = await client.get("/hr/appraisal-cycles")
    assert listed.status_code == 200 and "新建考核周期" in listed.text
    token = _csrf(listed.text)
    body = {"csrf_token": token, "name": "2026 下半年", "starts_on": "2026-07-01", "org_unit_id": store.unit}
    bad = await client.post("/hr/appraisal-cycles", data={**body, "ends_on": "2026-06-01"})
    assert bad.status_code == 422 and 'data-testid="error-ends_on"' in bad.text
    made = await client.post(
        "/hr/appraisal-cycles", data={**body, "ends_on": "2026-12-31"}, follow_redirects=False
    )
    assert made.status_code == 303, made.text
    cycle_url = made.headers["location"].split("?")[0]
    draft = await client.get(cycle_url)
    assert "草稿" in draft.text and 'data-testid="scope"' in draft.text and "钱多" in draft.text
    opened = await client.post(
        f"{cycle_url}/status",
        data={"csrf_token": token, "version": _version(draft.text), "status": "open"},
        follow_redirects=False,
    )
    assert opened.status_code == 303 and "hr.appraisal_cycle.open" in opened.headers["location"]
    page = await client.get(cycle_url)
    assert "评分中" in page.text and page.text.count('data-testid="appraisal-row"') == 3
    listed = await client.get("/hr/appraisal-cycles", params={"q": "下半年"})
    assert listed.text.count('data-testid="cycle-row"') == 1

    found = re.search(r'data-number="E-2">\s*<td[^>]*><a href="(/hr/appraisals/[0-9a-f-]+)"', page.text)
    assert found, "no link to the associate's appraisal"
    form = await client.get(found.group(1))
    assert form.status_code == 200 and 'data-testid="manager-form"' in form.text and "≥ 110%" in form.text
    duties = re.findall(r'name="level-([0-9a-f-]+)"', form.text)
    assert len(duties) == 2
    wrong = await client.post(
        f"{found.group(1)}/manager", data={"csrf_token": token, f"level-{duties[0]}": "superb"}
    )
    assert wrong.status_code == 422 and 'data-testid="form-error"' in wrong.text
    saved = await client.post(
        f"{found.group(1)}/manager",
        data={
            "csrf_token": token,
            f"level-{duties[0]}": "good",
            f"level-{duties[1]}": "poor",
            f"comment-{duties[1]}": "缺货两次",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303 and "hr.appraisal.scored" in saved.headers["location"]
    scored = await client.get(found.group(1))
    rollup = re.search(r'data-testid="manager-rollup"><strong>([\d.]+)</strong> · ([^<]+)', scored.text)
    assert rollup is not None and rollup.group(1) == "71.00"
    assert "= 7100.00 / 100.00 = 71.00" in scored.text and "缺货两次" in scored.text

    calibration = await client.get(f"{cycle_url}/calibration")
    assert calibration.status_code == 200 and "四个等级的分布" in calibration.text
    assert re.search(r'data-level="fair">1<', calibration.text)
    final = await client.post(
        f"{found.group(1)}/final-level",
        data={
            "csrf_token": token,
            "version": _version(scored.text),
            "level": "good",
            "reason": "季度内缺货由供应商造成",
            "back": f"{cycle_url}/calibration",
        },
        follow_redirects=False,
    )
    assert final.status_code == 303 and "hr.appraisal.calibrated" in final.headers["location"], final.headers
    assert "季度内缺货由供应商造成" in (await client.get(f"{cycle_url}/calibration")).text

    person = await client.get(f"/hr/employees/{store.seller_employee['id']}")
    assert 'data-testid="employee-appraisal-row"' in person.text and "71.00" in person.text

    client.cookies.set("bizsuite_lang", "en")
    for path in ("/hr/appraisal-cycles", cycle_url, f"{cycle_url}/calibration", found.group(1)):
        shown = await client.get(path)
        assert shown.status_code == 200, path
    assert "Calibration" in (await client.get(f"{cycle_url}/calibration")).text
