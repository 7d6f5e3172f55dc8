"""Schedules defined and edited on a page (a new version from an effective date, the older kept;
a version statements were generated from stays as it is), the statement number pattern (gap-free
when drafts are deleted) and the fee report's exports and chart."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import openpyxl
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.fees.conftest import BASE, SEED_SCHEDULE, Group, build, customs, issued, reconcile
from tests.modules.fees.test_fees_pages import _sign_in


def _token(html: str) -> str:
    return html.split('name="csrf_token" value="')[1].split('"')[0]


async def test_a_version_is_edited_until_a_statement_is_generated_from_it(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    schedule = g.schedule
    body = {**SEED_SCHEDULE, "name": "管理费收取办法", "components": [*SEED_SCHEDULE["components"][:1]]}
    body["components"] = [{**body["components"][0], "rate": "0.80"}]
    bad = {
        **body,
        "components": [
            *body["components"],
            {"kind": "band_settlement", "label": "结算", "band_low": "0.30", "band_high": "0.10"},
        ],
    }
    refused = await client.put(
        f"{BASE}/schedules/{schedule['id']}",
        json=bad,
        headers={**g.finance.headers, "If-Match": str(schedule["version"])},
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "components[1].band_high"
    saved = await client.put(
        f"{BASE}/schedules/{schedule['id']}",
        json=body,
        headers={**g.finance.headers, "If-Match": str(schedule["version"])},
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["name"] == "管理费收取办法" and [c["rate"] for c in saved.json()["components"]] == [
        "0.800000"
    ]
    await customs(client, g, g.trade, "2026-02-01", "1000000.00")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    made = await client.post(
        f"{BASE}/statements",
        json={"org_unit_id": g.trade, "year": 2026, "quarter": 1},
        headers=g.finance.headers,
    )
    assert made.json()["lines"][0]["formula"].endswith("= 8,000.00 CNY")
    current = (await client.get(f"{BASE}/schedules/{schedule['id']}", headers=g.headers)).json()
    assert current["statements"] == 1
    kept = await client.put(
        f"{BASE}/schedules/{schedule['id']}",
        json=body,
        headers={**g.finance.headers, "If-Match": str(current["version"])},
    )
    assert kept.status_code == 409 and kept.json()["type"].endswith("schedule-in-use")


def _form(values: dict[str, Any], components: list[dict[str, str]]) -> dict[str, str]:
    form = dict(values)
    for i, component in enumerate(components):
        form.update({f"components[{i}].{k}": v for k, v in component.items()})
    return form


async def test_a_new_version_on_the_page_keeps_the_older_and_names_each_wrong_field(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await _sign_in(client, tenant, "en")
    new = await client.get("/fees/schedules/new")
    assert new.status_code == 200
    assert 'value="0.70"' in new.text and 'name="components[3].rate"' in new.text  # starts from the latest
    token = _token(new.text)
    head = {"csrf_token": token, "name": "2027 rules", "effective_from": "2027-01-01", "currency": "CNY"}
    wrong = _form(
        head,
        [
            {"kind": "volume_rate", "label": "Volume", "rate": "abc", "per": "100", "quarters": "1, 2, 3"},
            {
                "kind": "band_settlement",
                "label": "Settlement",
                "band_low": "0.3",
                "band_high": "0.1",
                "quarters": "4",
            },
            {"kind": "profit_share", "label": "Profit", "rate": "20", "quarters": "1, 5"},
        ],
    )
    refused = await client.post("/fees/schedules/new", data=wrong)
    assert refused.status_code == 422
    for field in ("components[0].rate", "components[2].quarters"):
        assert f'data-testid="error-{field}"' in refused.text, field
    assert 'value="Settlement"' in refused.text  # the typing is kept
    fixed = _form(
        head,
        [
            {"kind": "volume_rate", "label": "Volume", "rate": "0.75", "per": "100", "quarters": "1, 2, 3"},
            {
                "kind": "band_settlement",
                "label": "Settlement",
                "band_low": "0.3",
                "band_high": "0.1",
                "quarters": "4",
            },
        ],
    )
    band = await client.post("/fees/schedules/new", data=fixed)
    assert band.status_code == 422 and 'data-testid="error-components[1].band_high"' in band.text
    fixed["components[1].band_low"], fixed["components[1].band_high"] = "0.10", "0.30"
    made = await client.post("/fees/schedules/new", data=fixed, follow_redirects=False)
    assert made.status_code == 303, made.text
    versions = (await client.get(f"{BASE}/schedules", headers=g.headers)).json()["items"]
    assert sorted(v["effective_from"] for v in versions) == ["2025-01-01", "2027-01-01"]
    listed = await client.get("/fees/schedules")
    assert "2027 rules" in listed.text and SEED_SCHEDULE["name"] in listed.text


async def test_two_people_editing_a_version_see_the_conflict(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await _sign_in(client, tenant, "zh-CN")
    path = f"/fees/schedules/{g.schedule['id']}"
    shown = await client.get(path)
    form: dict[str, Any] = {"csrf_token": _token(shown.text), "version": str(g.schedule["version"])}
    form.update(
        _form(
            {"name": "Mine", "effective_from": "2025-01-01", "currency": "CNY"},
            [{"kind": "volume_rate", "label": "Volume", "rate": "0.70", "per": "100", "quarters": "1, 2, 3"}],
        )
    )
    theirs = {**SEED_SCHEDULE, "name": "Theirs"}
    saved = await client.put(
        f"{BASE}/schedules/{g.schedule['id']}",
        json=theirs,
        headers={**g.finance.headers, "If-Match": str(g.schedule["version"])},
    )
    assert saved.status_code == 200
    conflict = await client.post(path, data=form)
    assert conflict.status_code == 409
    assert 'data-testid="keep-mine"' in conflict.text and 'data-testid="take-theirs"' in conflict.text
    assert 'data-testid="saved-name"' in conflict.text and 'data-theirs="Theirs"' in conflict.text
    form["version"] = str(saved.json()["version"])
    kept = await client.post(path, data=form, follow_redirects=False)
    assert kept.status_code == 303
    assert (await client.get(f"{BASE}/schedules/{g.schedule['id']}", headers=g.headers)).json()[
        "name"
    ] == "Mine"


async def test_statements_are_numbered_by_the_tenant_pattern_without_gaps(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    current = (await client.get(f"{BASE}/settings", headers=g.headers)).json()
    assert current["statement_number_pattern"] == "FS-{year}Q{quarter}-{subsidiary}"
    bad = await client.patch(
        f"{BASE}/settings",
        json={"statement_number_pattern": "FS-{seq}"},
        headers={**g.headers, "If-Match": str(current["version"])},
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "statement_number_pattern"
    changed = await client.patch(
        f"{BASE}/settings",
        json={"statement_number_pattern": "GL-{year}-{seq:04d}"},
        headers={**g.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200 and changed.json()["number_example"].startswith("GL-20")

    async def generate(unit: str, quarter: int) -> dict[str, Any]:
        made = await client.post(
            f"{BASE}/statements",
            json={"org_unit_id": unit, "year": 2026, "quarter": quarter},
            headers=g.finance.headers,
        )
        assert made.status_code == 201, made.text
        statement: dict[str, Any] = made.json()["statement"]
        return statement

    for unit, staff in ((g.trade, g.trade_staff), (g.retail, g.retail_staff)):
        await reconcile(client, g, unit, 2026, 1, staff)
    await reconcile(client, g, g.trade, 2026, 2, g.trade_staff)
    first = await generate(g.trade, 1)
    second = await generate(g.retail, 1)
    assert (first["number"], second["number"]) == ("GL-2026-0001", "GL-2026-0002")
    deleted = await client.delete(
        f"{BASE}/statements/{first['id']}", headers={**g.finance.headers, "If-Match": str(first["version"])}
    )
    assert deleted.status_code == 204
    third = await generate(g.trade, 2)
    assert third["number"] == "GL-2026-0001"  # the deleted draft's number, not 0003
    again = await generate(g.trade, 1)
    assert again["number"] == "GL-2026-0003"


async def test_the_fee_report_exports_and_charts(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    await issued(client, g, {"org_unit_id": g.trade, "year": 2026, "quarter": 1})
    await _sign_in(client, tenant, "en")
    report = await client.get("/fees/reports?year=2026")
    assert report.status_code == 200 and 'data-testid="fees-chart"' in report.text
    chart = (await client.get("/fees/reports/chart.json?year=2026")).json()
    assert chart["billed"] == [86419.75] and chart["collected"] == [0.0] and chart["last_year"] == [0.0]
    text = (await client.get("/fees/reports/export?year=2026&part=fees&format=csv")).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(text)))
    # The header is in the tenant's language; the quarters are named as periods either way.
    assert rows[0][2:6] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] and "2026" in rows[0][6]
    assert rows[1][1] in ("Volume fee", "规模管理费", "进出口规模管理费") or rows[1][1]
    assert rows[1][2:4] == ["86419.75", "0.00"] and rows[1][6:] == ["86419.75", "CNY"]
    xlsx = await client.get("/fees/reports/export?year=2026&part=collection&format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    billed, collected, outstanding = (sheet.cell(row=2, column=c) for c in (2, 3, 4))
    assert billed.value == 86419.75 and "0.00" in billed.number_format  # a number, not text
    assert (collected.value, outstanding.value) == (0, 86419.75)
