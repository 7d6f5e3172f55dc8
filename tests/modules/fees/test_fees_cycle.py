"""The quarterly cycle through the API: customs records with the cut-off, reconciliation by both
sides (nothing is generated before), the statement with each line's why, approval, issue (then
immutable, by API and by SQL as the app role), payments, the year-end settlement with its band,
the profit true-up and adjustments on a later statement."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import post_ok
from tests.modules.fees.conftest import BASE, Group, customs, issued, reconcile, step


async def test_q1_volume_fee_is_generated_only_after_both_sides_confirm(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    await customs(client, g, g.trade, "2026-01-15", "10000000.00")
    await customs(client, g, g.trade, "2026-03-31", "2345678.90", "import")
    await customs(client, g, g.trade, "2026-04-01", "999.00")  # Q2: not in Q1
    await customs(client, g, g.trade, "2025-12-21", "0.00")  # after last year's cut-off: 2026-Q1
    body = {"org_unit_id": g.trade, "year": 2026, "quarter": 1}
    refused = await client.post(f"{BASE}/statements", json=body, headers=g.finance.headers)
    assert refused.status_code == 409 and refused.json()["errors"][0]["field"] == "quarter"

    opened = await post_ok(client, f"{BASE}/reconciliations", body, g.headers)
    assert opened["figures"]["customs_total"] == "12345678.90" and opened["figures"]["customs_records"] == 3
    assert opened["deadline"] == "2026-04-15"
    hq = await client.post(
        f"{BASE}/reconciliations/{opened['id']}/confirm",
        json={"side": "hq"},
        headers={**g.finance.headers, "If-Match": str(opened["version"])},
    )
    assert hq.status_code == 200 and hq.json()["status"] == "open"
    still = await client.post(f"{BASE}/statements", json=body, headers=g.finance.headers)
    assert still.status_code == 409 and "the subsidiary" in still.json()["detail"]
    # the subsidiary's staff may not confirm for HQ, and may dispute with a comment
    wrong_side = await client.post(
        f"{BASE}/reconciliations/{opened['id']}/confirm",
        json={"side": "hq"},
        headers={**g.trade_staff.headers, "If-Match": str(hq.json()["version"])},
    )
    assert wrong_side.status_code == 403 and wrong_side.json()["errors"][0]["field"] == "side"
    assert wrong_side.json()["type"].endswith("/reconciliation-side")
    assert wrong_side.json()["detail"] == "HQ's side is confirmed by HQ finance, not by a subsidiary's staff"
    disputed = await client.post(
        f"{BASE}/reconciliations/{opened['id']}/dispute",
        json={"side": "subsidiary", "comment": "3 月 31 日报关单金额待核"},
        headers={**g.trade_staff.headers, "If-Match": str(hq.json()["version"])},
    )
    assert disputed.status_code == 200, disputed.text
    assert disputed.json()["status"] == "disputed" and disputed.json()["hq_confirmed_at"] is None
    assert disputed.json()["history"][-1]["comment"] == "3 月 31 日报关单金额待核"
    current = disputed.json()
    for who, side in ((g.finance, "hq"), (g.trade_staff, "subsidiary")):
        done = await client.post(
            f"{BASE}/reconciliations/{opened['id']}/confirm",
            json={"side": side},
            headers={**who.headers, "If-Match": str(current["version"])},
        )
        current = done.json()
    assert current["status"] == "confirmed" and current["subsidiary_confirmed_by"] == "trade"

    made = await post_ok(client, f"{BASE}/statements", body, g.finance.headers)
    statement, lines = made["statement"], made["lines"]
    assert (
        statement["status"] == "draft" and statement["total"] == "86419.75" and statement["currency"] == "CNY"
    )
    (line,) = lines
    assert line["amount"] == "86419.75" and Decimal(line["rate"]) == Decimal("0.70")
    assert line["formula"] == "12,345,678.90 USD ÷ 100 × 0.70 CNY = 86,419.75 CNY"
    assert line["inputs"]["customs_total"] == "12345678.90" and line["inputs"]["period"] == "2026-Q1"
    assert sorted(s["on"] for s in line["sources"]) == ["2025-12-21", "2026-01-15", "2026-03-31"]
    assert made["total_formula"] == "86,419.75 = 86,419.75 CNY"


async def _issued_q1(client: httpx.AsyncClient, g: Group) -> dict[str, Any]:
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    return await issued(client, g, {"org_unit_id": g.trade, "year": 2026, "quarter": 1})


async def test_an_issued_statement_cannot_be_changed_by_the_api_or_by_sql(
    client: httpx.AsyncClient, group: Group, app_engine: AsyncEngine
) -> None:
    g = group
    done = await _issued_q1(client, g)
    statement = done["statement"]
    assert statement["status"] == "issued" and statement["issued_on"] and statement["due_on"]
    assert statement["outstanding"] == "86419.75"
    for action in ("submit", "issue"):
        again = await step(client, g.finance, statement, action)
        assert again.status_code == 409, again.text
    gone = await client.delete(
        f"{BASE}/statements/{statement['id']}",
        headers={**g.finance.headers, "If-Match": str(statement["version"])},
    )
    assert gone.status_code == 409
    # the trigger refuses changing it even as the application role in SQL
    for sql in (
        "UPDATE fees_statements SET total = 1 WHERE id = :id",
        "DELETE FROM fees_statements WHERE id = :id",
        "UPDATE fees_statement_lines SET amount = 1 WHERE statement_id = :id",
        "DELETE FROM fees_statement_lines WHERE statement_id = :id",
    ):
        async with make_sessionmaker(app_engine)() as session:
            await bind_tenant(session, g.tenant.id)
            with pytest.raises(DBAPIError, match="cannot be changed"):
                await session.execute(text(sql), {"id": statement["id"]})
            await session.rollback()
    after = (await client.get(f"{BASE}/statements/{statement['id']}", headers=g.headers)).json()
    assert after["statement"]["total"] == "86419.75" and after["lines"][0]["amount"] == "86419.75"


async def test_payments_reduce_the_outstanding_balance_and_never_exceed_it(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    statement = (await _issued_q1(client, g))["statement"]
    path = f"{BASE}/statements/{statement['id']}/payments"
    paid = await post_ok(
        client,
        path,
        {"paid_on": "2026-05-01", "amount": "50000.00", "reference": "BANK-1"},
        g.finance.headers,
    )
    assert paid["amount"] == "50000.00"
    too_much = await client.post(
        path, json={"paid_on": "2026-05-02", "amount": "36419.76"}, headers=g.finance.headers
    )
    assert too_much.status_code == 422 and too_much.json()["errors"][0]["field"] == "amount"
    assert "36,419.75" in too_much.json()["errors"][0]["message"]
    detail = (await client.get(f"{BASE}/statements/{statement['id']}", headers=g.headers)).json()
    assert detail["statement"]["paid"] == "50000.00" and detail["statement"]["outstanding"] == "36419.75"
    report = (await client.get(f"{BASE}/reports/fees", params={"year": 2026}, headers=g.headers)).json()
    (row,) = report["collection"]
    assert row["billed"] == "86419.75" and row["collected"] == "50000.00" and row["outstanding"] == "36419.75"
    assert report["rows"][0]["component"] == "volume_rate" and report["rows"][0]["quarter"] == 1


async def test_the_year_end_settlement_takes_a_band_rate_and_refuses_one_outside(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    await customs(client, g, g.retail, "2025-12-25", "10000000.00")  # counts toward 2026
    await customs(client, g, g.retail, "2026-06-30", "20000000.00")
    await customs(client, g, g.retail, "2026-12-20", "10000000.00")  # the cut-off day: still 2026
    await customs(client, g, g.retail, "2026-12-21", "5000000.00")  # 2027
    await post_ok(
        client,
        f"{BASE}/income-entries",
        {"org_unit_id": g.retail, "year": 2026, "kind": "rent", "amount": "800000.00", "note": "仓库租金"},
        g.headers,
    )
    recon = await reconcile(client, g, g.retail, 2026, 4, g.retail_staff)
    assert recon["figures"]["annual_customs_total"] == "40000000.00"
    body: dict[str, Any] = {"org_unit_id": g.retail, "year": 2026, "quarter": 4}
    missing = await client.post(f"{BASE}/statements", json=body, headers=g.finance.headers)
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "settlement_rate"
    for rate in ("0.09", "0.26"):
        outside = await client.post(
            f"{BASE}/statements", json={**body, "settlement_rate": rate}, headers=g.finance.headers
        )
        assert outside.status_code == 422
        error = outside.json()["errors"][0]
        assert error["field"] == "settlement_rate" and "0.10–0.25" in error["message"]
    made = await post_ok(client, f"{BASE}/statements", {**body, "settlement_rate": "0.25"}, g.finance.headers)
    band, income = made["lines"]
    assert band["component"] == "band_settlement" and band["amount"] == "100000.00"
    assert band["inputs"]["annual_customs_total"] == "40000000.00" and band["inputs"]["band"] == "0.10–0.25"
    assert income["component"] == "income_share" and income["amount"] == "40000.00"
    assert made["statement"]["total"] == "140000.00" and Decimal(
        made["statement"]["settlement_rate"]
    ) == Decimal("0.25")
    # another rate: delete the draft and settle again
    gone = await client.delete(
        f"{BASE}/statements/{made['statement']['id']}",
        headers={**g.finance.headers, "If-Match": str(made["statement"]["version"])},
    )
    assert gone.status_code == 204
    again = await post_ok(
        client, f"{BASE}/statements", {**body, "settlement_rate": "0.10"}, g.finance.headers
    )
    assert again["lines"][0]["amount"] == "40000.00"


async def test_the_profit_fee_is_trued_up_on_a_later_statement_when_the_audit_arrives(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    profit = await post_ok(
        client,
        f"{BASE}/profit-figures",
        {"org_unit_id": g.trade, "year": 2025, "reported": "5000000.00"},
        g.headers,
    )
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    q1 = await issued(client, g, {"org_unit_id": g.trade, "year": 2026, "quarter": 1})
    volume, profit_line = q1["lines"]
    assert profit_line["component"] == "profit_share" and profit_line["amount"] == "1000000.00"
    assert (
        profit_line["inputs"]["reported_profit"] == "5000000.00" and profit_line["inputs"]["year"] == "2025"
    )
    assert q1["statement"]["total"] == "1086419.75"

    audited = await client.put(
        f"{BASE}/profit-figures/{profit['id']}/audited",
        json={"audited": "4800000.00", "audited_on": "2026-05-20"},
        headers={**g.headers, "If-Match": str(profit["version"])},
    )
    assert audited.status_code == 200, audited.text
    await customs(client, g, g.trade, "2026-05-01", "1000000.00")
    await reconcile(client, g, g.trade, 2026, 2, g.trade_staff)
    q2 = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 2}, g.finance.headers
    )
    volume2, true_up = q2["lines"]
    assert volume2["amount"] == "7000.00"
    assert true_up["kind"] == "true_up" and true_up["amount"] == "-40000.00"
    assert true_up["inputs"]["audited_profit"] == "4800000.00" and true_up["inputs"]["billed"] == "1000000.00"
    assert true_up["adjusts_line_id"] == profit_line["id"]
    assert true_up["adjusts_statement_number"] == q1["statement"]["number"]
    assert q2["statement"]["total"] == "-33000.00"
    assert q2["total_formula"] == "7,000.00 + (-40,000.00) = -33,000.00 CNY"

    # a correction of the issued Q1 volume line, on the Q2 draft, referencing it
    adjusted = await client.post(
        f"{BASE}/statements/{q2['statement']['id']}/adjustments",
        json={"adjusts_line_id": volume["id"], "amount": "-419.75", "reason": "报关单 R-1 金额更正"},
        headers={**g.finance.headers, "If-Match": str(q2["statement"]["version"])},
    )
    assert adjusted.status_code == 201, adjusted.text
    assert adjusted.json()["statement"]["total"] == "-33419.75"
    assert adjusted.json()["lines"][-1]["adjusts_statement_number"] == q1["statement"]["number"]
    draft_line = await client.post(
        f"{BASE}/statements/{q2['statement']['id']}/adjustments",
        json={"adjusts_line_id": volume2["id"], "amount": "1.00", "reason": "x"},
        headers={**g.finance.headers, "If-Match": str(adjusted.json()["statement"]["version"])},
    )
    assert draft_line.status_code == 422 and draft_line.json()["errors"][0]["field"] == "adjusts_line_id"


async def test_a_rejected_statement_returns_to_draft(client: httpx.AsyncClient, group: Group) -> None:
    g = group
    await customs(client, g, g.trade, "2026-02-01", "100.00")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    made = await post_ok(
        client, f"{BASE}/statements", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}, g.finance.headers
    )
    submitted = await step(client, g.finance, made["statement"], "submit")
    assert submitted.status_code == 200 and submitted.json()["statement"]["status"] == "in_approval"
    early = await step(client, g.finance, submitted.json()["statement"], "issue")
    assert early.status_code == 409
    inbox = (await client.get("/api/v1/approvals/inbox", headers=g.gm.headers)).json()["items"]
    request = next(r for r in inbox if r["document_id"] == made["statement"]["id"])
    rejected = await client.post(
        f"/api/v1/approvals/requests/{request['id']}/reject",
        json={"comment": "请核对"},
        headers={**g.gm.headers, "If-Match": str(request["version"])},
    )
    assert rejected.status_code == 200
    back = (await client.get(f"{BASE}/statements/{made['statement']['id']}", headers=g.headers)).json()
    assert back["statement"]["status"] == "draft"


async def test_figures_changed_after_confirmation_need_a_new_reconciliation(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    await customs(client, g, g.trade, "2026-02-01", "100.00")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    await customs(client, g, g.trade, "2026-02-02", "100.00")
    changed = await client.post(
        f"{BASE}/statements",
        json={"org_unit_id": g.trade, "year": 2026, "quarter": 1},
        headers=g.finance.headers,
    )
    assert changed.status_code == 409 and "changed" in changed.json()["detail"]


async def test_each_side_is_confirmed_only_by_its_own_people(client: httpx.AsyncClient, group: Group) -> None:
    """HQ confirming (or disputing) the subsidiary's side is refused, naming who confirms it; so
    is an admin; another subsidiary's staff do not even see the reconciliation."""
    g = group
    await customs(client, g, g.trade, "2026-02-01", "100.00")
    opened = await post_ok(
        client, f"{BASE}/reconciliations", {"org_unit_id": g.trade, "year": 2026, "quarter": 1}, g.headers
    )
    trade_name = opened["org_unit_name"]
    for who in (g.finance.headers, g.headers):  # HQ finance, the tenant's admin key
        for action, body in (
            ("confirm", {"side": "subsidiary"}),
            ("dispute", {"side": "subsidiary", "comment": "x"}),
        ):
            refused = await client.post(
                f"{BASE}/reconciliations/{opened['id']}/{action}",
                json=body,
                headers={**who, "If-Match": str(opened["version"])},
            )
            assert refused.status_code == 403, refused.text
            problem = refused.json()
            assert problem["type"].endswith("/reconciliation-side")
            assert problem["detail"] == f"{trade_name}'s side is confirmed by its own staff, not by HQ"
            assert problem["errors"][0]["field"] == "side"
    hidden = await client.post(
        f"{BASE}/reconciliations/{opened['id']}/confirm",
        json={"side": "subsidiary"},
        headers={**g.retail_staff.headers, "If-Match": str(opened["version"])},
    )
    assert hidden.status_code == 404
    # nothing was recorded by the refusals; the right people then confirm both sides
    current = (await client.get(f"{BASE}/reconciliations/{opened['id']}", headers=g.headers)).json()
    assert current["version"] == opened["version"] and current["history"] == []
    assert current["subsidiary_confirmed_by"] is None
    for who, side in ((g.trade_staff, "subsidiary"), (g.finance, "hq")):
        done = await client.post(
            f"{BASE}/reconciliations/{opened['id']}/confirm",
            json={"side": side},
            headers={**who.headers, "If-Match": str(current["version"])},
        )
        assert done.status_code == 200, done.text
        current = done.json()
    assert current["status"] == "confirmed"
    assert (current["hq_confirmed_by"], current["subsidiary_confirmed_by"]) == ("finance", "trade")
