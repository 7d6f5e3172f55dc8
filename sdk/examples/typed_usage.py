"""User code written against the resource client: `mypy --strict` must accept it (`make lint`).

It is also run against a live server by tests/sdk/test_sdk_resources.py.
"""

from __future__ import annotations

import asyncio
import uuid

from bizsuite_client import (
    ApiError,
    AsyncBizSuite,
    BizSuite,
    NotFoundError,
    Page,
    RawResponse,
    StaleVersionError,
    WebhookEvent,
    WebhookVerificationError,
)
from bizsuite_client.events import CrmTicketSlaBreached
from bizsuite_client.models import AccountOut, AccountSummary


def tier_a_names(client: BizSuite) -> list[str]:
    names: list[str] = []
    for account in client.crm.accounts.list(tier="A"):
        summary: AccountSummary = account
        names.append(summary.name)
    first: Page[AccountSummary] = client.crm.accounts.list(limit=10).first_page()
    assert len(first.items) <= 10
    return names


def create_and_rename(client: BizSuite) -> AccountOut:
    key = str(uuid.uuid4())
    code = f"TYPED-{key[:8]}"
    account = client.crm.accounts.create(name="Typed Co", code=code, kind="end_customer", idempotency_key=key)
    again = client.crm.accounts.create(name="Typed Co", code=code, kind="end_customer", idempotency_key=key)
    assert again.id == account.id
    renamed = client.crm.accounts.update(account.id, version=account, name="Typed Co Ltd", timeout=10)
    try:
        client.crm.accounts.update(account.id, version=account.version, name="Stale")
    except StaleVersionError as error:
        print("stale:", error.status)
    raw: RawResponse[AccountOut] = client.crm.accounts.with_raw_response.retrieve(account.id)
    print(raw.status_code, raw.request_id, raw.parse().name)
    return renamed


def missing(client: BizSuite) -> str | None:
    try:
        client.crm.accounts.retrieve(uuid.uuid4(), max_retries=0)
    except NotFoundError as error:
        return error.request_id
    except ApiError:
        raise
    return None


def verify(client: BizSuite, body: bytes, headers: dict[str, str], secret: str) -> str | None:
    try:
        event: WebhookEvent = client.webhooks.verify(body, headers, secret)
    except WebhookVerificationError:
        return None
    if isinstance(event, CrmTicketSlaBreached):  # a generated class per event type
        return f"{event.TYPE}: {event.data.get('number')}"
    return event.type


async def async_count() -> int:
    async with AsyncBizSuite() as client:
        tenant = await client.current_tenant.retrieve()
        print(tenant.slug)
        first = await client.org_units.list(limit=5).first_page()
        codes = [unit.code async for unit in client.org_units.list(limit=50)]
        assert len(first.items) <= len(codes)
        some = await client.org_units.list().to_list(limit=3)
        return len(some)


def main() -> None:
    with BizSuite(max_retries=1) as client:
        print(len(tier_a_names(client)), create_and_rename(client).version, missing(client))
    print(asyncio.run(async_count()))


if __name__ == "__main__":
    main()
