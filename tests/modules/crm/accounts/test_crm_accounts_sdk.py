"""Accounts through the generated SDK against a live server: create, page through the list,
record an activity, read the timeline; typed errors for a duplicate code and a stale version."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from bizsuite.settings import REPO_ROOT
from bizsuite_client.api.crm import (
    create_crm_account,
    create_crm_activity,
    create_crm_contact,
    create_crm_zone,
    get_crm_account_timeline,
    list_crm_accounts,
    update_crm_account,
)
from bizsuite_client.models import AccountCreate, AccountUpdate, ActivityCreate, ContactCreate, ZoneCreate
from bizsuite_sdk import ApiError, StaleVersionError, paginate, unwrap

from tests.conftest import TenantHandle
from tests.sdk.conftest import examples, run_example, sdk_client, user_env


def test_accounts_through_the_sdk(live_server: str, tenant_a: TenantHandle) -> None:
    with sdk_client(live_server, tenant_a.api_key) as client:
        zone = unwrap(
            create_crm_zone.sync_detailed(client=client, body=ZoneCreate(code="Z-EAST", name="华东片区"))
        )
        codes = [f"C-{i:03d}" for i in range(1, 6)]
        for code in codes:
            body = AccountCreate(code=code, name=f"客户 {code}", kind="distributor", zone_id=zone.id)
            unwrap(create_crm_account.sync_detailed(client=client, body=body))
        listed = [a.code for a in paginate(list_crm_accounts, client=client, limit=2, zone_id=zone.id)]
        assert listed == list(reversed(codes))  # newest first, across three pages

        account = unwrap(
            create_crm_account.sync_detailed(
                client=client, body=AccountCreate(code="C-100", name="上海明辉贸易")
            )
        )
        with pytest.raises(ApiError) as duplicate:
            unwrap(
                create_crm_account.sync_detailed(client=client, body=AccountCreate(code="C-100", name="x"))
            )
        assert duplicate.value.status == 409 and [e.field for e in duplicate.value.errors] == ["code"]

        renamed = unwrap(
            update_crm_account.sync_detailed(
                account.id, client=client, body=AccountUpdate(industry="贸易"), if_match=str(account.version)
            )
        )
        assert renamed.industry == "贸易" and renamed.version == account.version + 1
        with pytest.raises(StaleVersionError):
            unwrap(
                update_crm_account.sync_detailed(
                    account.id, client=client, body=AccountUpdate(industry="x"), if_match=str(account.version)
                )
            )

        contact = unwrap(
            create_crm_contact.sync_detailed(
                account.id, client=client, body=ContactCreate(name="王经理", is_primary=True)
            )
        )
        when = datetime(2026, 11, 28, 2, 30, tzinfo=UTC)
        activity = unwrap(
            create_crm_activity.sync_detailed(
                account.id,
                client=client,
                body=ActivityCreate(
                    kind="visit", subject="上门拜访", occurred_at=when, contact_id=contact.id
                ),
            )
        )
        assert activity.author_label == "test" and activity.contact_id == contact.id

        timeline = unwrap(get_crm_account_timeline.sync_detailed(account.id, client=client))
        assert [(e.kind, e.title) for e in timeline.items] == [("activity", "上门拜访")]
        assert timeline.items[0].occurred_at == when and timeline.next_cursor is None


GUIDE = REPO_ROOT / "docs" / "crm" / "accounts.md"


def test_the_guides_python_example_runs(live_server: str, tenant_a: TenantHandle) -> None:
    python = [e for e in examples(GUIDE) if e.language == "python"]
    assert python
    for example in python:
        result = run_example(example.code, user_env(live_server, tenant_a.api_key))
        assert result.returncode == 0, f"{example.name} failed:\n{result.stderr}"
        assert "上海明辉贸易有限公司" in result.stdout and "季度回访" in result.stdout
