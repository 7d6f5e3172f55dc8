"""Helpers of the member picker tests: a tenant with many members, inserted in bulk."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.members import INLINE_MEMBERS
from bizsuite.core.identity.models import Membership, Role, User
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

#: More members than a picker lists in the page.
MANY = INLINE_MEMBERS + 50


def member_name(n: int) -> str:
    """The name of the ``n``-th bulk member: ``Member 0001`` …"""
    return f"Member {n:04d}"


async def add_members(
    engine: AsyncEngine,
    tenant: TenantHandle,
    count: int = MANY,
    *,
    names: Sequence[str] | None = None,
    modules: Sequence[str] = ("crm",),
    role: Role = Role.MEMBER,
    password_hash: str = "x",
) -> dict[str, uuid.UUID]:
    """Give ``tenant`` ``count`` members (``Member 0001`` … unless ``names`` says), in two bulk
    inserts; returns name → user id."""
    chosen = list(names) if names is not None else [member_name(n) for n in range(1, count + 1)]
    run = uuid.uuid4().hex[:8]
    users = [
        {
            "id": uuid.uuid4(),
            "email": f"m{n:04d}-{run}@example.com",
            "name": name,
            "password_hash": password_hash,
        }
        for n, name in enumerate(chosen, start=1)
    ]
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        await session.execute(insert(User), users)
        await session.execute(
            insert(Membership),
            [
                {"tenant_id": tenant.id, "user_id": u["id"], "role": role, "module_grants": list(modules)}
                for u in users
            ],
        )
    return {str(u["name"]): u["id"] for u in users}  # type: ignore[misc]


async def add_person(
    engine: AsyncEngine, tenant: TenantHandle, name: str, role: Role, modules: Sequence[str] = ()
) -> tuple[uuid.UUID, str]:
    """One member who can sign in (password ``PASSWORD``); returns their id and email."""
    from bizsuite.core.identity import security

    from tests.conftest import PASSWORD

    email = f"{uuid.uuid4().hex[:10]}@example.com"
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        user = User(email=email, name=name, password_hash=await security.hash_password(PASSWORD))
        session.add(user)
        await session.flush()
        session.add(Membership(user_id=user.id, role=role, module_grants=list(modules)))
        return user.id, email
