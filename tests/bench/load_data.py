"""The data of the P4 load benchmark (``test_load.py``): the CRM bench's tenant, plus its people.

The CRM bench's database (``crm_data.py``: 1,000 tenants, the big one with
``BIZSUITE_LOAD_ACCOUNTS`` accounts and 24 months of revenue) is generated or reused, then
copied for the run (``CREATE DATABASE ... TEMPLATE``), so the run's writes (new accounts,
activities, notes, an import, audit rows) never reach the data the other benchmarks read. The
copy is dropped at the end of the run.

In the copy the big tenant gets its people, written as rows by the owner (1,500 sign-ups through
the API would take minutes of argon2):

- one user per web identity (a member with the CRM granted, one argon2 hash shared by all, the
  password ``PASSWORD``), each with a web session already open (a signed-in browser from
  earlier in the day: cookie and CSRF token) except those that sign in through the form during
  the run;
- one API key per API identity (member, CRM granted), the secrets known only to this run.

What the load's users need is written to a JSON plan that ``load_users.py`` reads.
"""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from bizsuite.core.identity import security
from sqlalchemy import URL

from tests.bench import crm_data

#: The accounts of the big tenant when ``BIZSUITE_LOAD_ACCOUNTS`` is not set (the CRM bench's
#: 20,000-account database, generated in about 15 s and shared with the RLS and server benches).
DEFAULT_ACCOUNTS = 20_000
PASSWORD = "load bench password"
COPY = "bizsuite_bench_load"
#: Accounts the users read (picked at random from the big tenant's active ones).
SAMPLE_ACCOUNTS = 5_000
#: Words people type into the searches: name parts of the generated accounts, an industry, codes.
SEARCH_TERMS = (
    "华东",
    "恒通",
    "鑫源物业",
    "宏达电梯",
    "金桥",
    "瑞丰科技",
    "安泰",
    "博远",
    "天成建设",
    "东方",
    "海川",
    "嘉禾",
    "C000012",
    "C0001",
    "物业",
    "13",
)


def load_accounts() -> str:
    """The big tenant's size: ``BIZSUITE_LOAD_ACCOUNTS``, else 20,000."""
    return os.environ.get("BIZSUITE_LOAD_ACCOUNTS", str(DEFAULT_ACCOUNTS))


@dataclass(frozen=True)
class LoadData:
    """The run's database (a copy of the CRM bench's) and its big tenant."""

    base: crm_data.BenchData
    owner_url: URL
    tenant_id: uuid.UUID

    @property
    def dsn(self) -> str:
        return self.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)


def _dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def prepare(server: URL) -> LoadData:
    """The CRM bench database (generated or reused), copied for this run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BIZSUITE_BENCH_ACCOUNTS", load_accounts())
        base = await crm_data.prepare(server)
    copy = server.set(database=COPY)
    admin = await asyncpg.connect(_dsn(server.set(database="postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{COPY}" WITH (FORCE)')
        for attempt in range(60):
            try:
                await admin.execute(f'CREATE DATABASE "{COPY}" TEMPLATE "{base.database}" STRATEGY FILE_COPY')
                break
            except asyncpg.ObjectInUseError:
                # Another benchmark is connected to the template: wait for it to let go.
                if attempt == 59:
                    raise
                await asyncio.sleep(1)
    finally:
        await admin.close()
    return LoadData(base=base, owner_url=copy, tenant_id=base.tenant_id)


async def drop(server: URL) -> None:
    """Drop the run's copy."""
    admin = await asyncpg.connect(_dsn(server.set(database="postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{COPY}" WITH (FORCE)')
    finally:
        await admin.close()


def _address(n: int) -> str:
    """A client address of its own for identity ``n`` (sent as ``X-Forwarded-For``, as a load
    balancer in front would: the per-address rate limit sees people, not the load generator)."""
    n += 1
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


async def seed(data: LoadData, *, web: int, api: int, sign_ins: int) -> dict[str, Any]:
    """Add ``web`` people (``sign_ins`` of them without a session) and ``api`` API keys to the big
    tenant; return the plan's identities and the accounts the users read."""
    password_hash = await security.hash_password(PASSWORD)
    now = datetime.now(UTC)
    users: list[tuple[Any, ...]] = []
    memberships: list[tuple[Any, ...]] = []
    sessions: list[tuple[Any, ...]] = []
    web_users: list[dict[str, Any]] = []
    # The ones that sign in are spread over the run's users (every n-th).
    signing_in = {round(i * web / sign_ins) for i in range(sign_ins)} if sign_ins else set()
    for i in range(web):
        user_id = uuid.uuid4()
        email = f"load-{i:05d}@bench.example"
        users.append((user_id, email, f"负载用户 {i:05d}", password_hash, now, now, 1))
        memberships.append((data.tenant_id, uuid.uuid4(), user_id, "member", ["crm"], now, now, 1))
        identity: dict[str, Any] = {"email": email, "address": _address(i), "sign_in": i in signing_in}
        if i not in signing_in:
            cookie, csrf = security.new_token(), security.new_token(24)
            sessions.append(
                (
                    security.sha256_hex(cookie),
                    user_id,
                    data.tenant_id,
                    csrf,
                    now,
                    now + timedelta(hours=12),
                    identity["address"],
                    "bench",
                )
            )
            identity |= {"cookie": cookie, "csrf": csrf}
        web_users.append(identity)
    keys: list[tuple[Any, ...]] = []
    api_keys: list[dict[str, Any]] = []
    for i in range(api):
        secret = security.new_api_key()
        keys.append(
            (
                data.tenant_id,
                uuid.uuid4(),
                f"load {i:05d}",
                secret[:12],
                security.sha256_hex(secret),
                "member",
                ["crm"],
                now,
                now,
            )
        )
        api_keys.append({"key": secret, "address": _address(100_000 + i)})
    conn = await asyncpg.connect(data.dsn)
    try:
        async with conn.transaction():
            await conn.copy_records_to_table(
                "users",
                records=users,
                columns=["id", "email", "name", "password_hash", "created_at", "updated_at", "version"],
            )
            await conn.copy_records_to_table(
                "memberships",
                records=memberships,
                columns=[
                    "tenant_id",
                    "id",
                    "user_id",
                    "role",
                    "module_grants",
                    "created_at",
                    "updated_at",
                    "version",
                ],
            )
            await conn.copy_records_to_table(
                "web_sessions",
                records=sessions,
                columns=[
                    "id",
                    "user_id",
                    "tenant_id",
                    "csrf_token",
                    "created_at",
                    "expires_at",
                    "ip",
                    "user_agent",
                ],
            )
            await conn.copy_records_to_table(
                "api_keys",
                records=keys,
                columns=[
                    "tenant_id",
                    "id",
                    "name",
                    "prefix",
                    "key_hash",
                    "role",
                    "module_grants",
                    "created_at",
                    "updated_at",
                ],
            )
        await conn.execute("ANALYZE users, memberships, web_sessions, api_keys")
        accounts = [
            str(row[0])
            for row in await conn.fetch(
                "SELECT id FROM crm_accounts WHERE tenant_id = $1 AND status = 'active'"
                " ORDER BY hashtext(id::text) LIMIT $2",
                data.tenant_id,
                SAMPLE_ACCOUNTS,
            )
        ]
    finally:
        await conn.close()
    return {
        "password": PASSWORD,
        "web_users": web_users,
        "api_keys": api_keys,
        "accounts": accounts,
        "search_terms": list(SEARCH_TERMS),
    }


def write_import_csv(path: Path, rows: int, run: str) -> None:
    """A CSV of new accounts with a contact each, as a customer list exported from elsewhere."""
    names = ("华东", "江南", "恒通", "鑫源", "宏达", "中盛", "金桥", "瑞丰", "安泰", "博远")
    trades = ("物业", "电梯", "科技", "建设", "商贸")
    lines = ["code,name,kind,industry,phone,email,address,contact_name,contact_phone"]
    for i in range(rows):
        name = f"{names[i % 10]}{trades[(i // 10) % 5]}导入有限公司 {run}-{i}"
        lines.append(
            f"I{run}{i:06d},{name},end_customer,物业管理,139{i:08d},import{i}@example.com,"
            f"上海市徐汇区漕溪北路 {i % 900} 号,联系人 {i},138{i:08d}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_plan(path: Path, plan: dict[str, Any]) -> None:
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
