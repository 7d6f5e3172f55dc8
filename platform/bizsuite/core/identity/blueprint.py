"""Identity's part of a tenant blueprint: the ``[[users]]`` tables (members and their roles)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError, assign
from bizsuite.core.context import Context, snapshot
from bizsuite.core.identity import security
from bizsuite.core.identity.models import Membership, Role
from bizsuite.core.identity.schemas import Password, PersonName
from bizsuite.core.identity.services import create_user, find_user_by_email
from bizsuite.core.tenants.models import ModuleName

KEY = "users"


class UserSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A member; ``password`` is set only when the account is created (demo data)."""

    email: Annotated[str, msgspec.Meta(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)]
    name: PersonName
    role: Role
    password: Password | None = None
    module_grants: list[ModuleName] = msgspec.field(default_factory=list)


def users_in(blueprint: Blueprint) -> list[UserSpec]:
    """The blueprint's members (empty when it has none)."""
    users: list[UserSpec] = blueprint.sections.get(KEY, [])
    return users


def emails_in(blueprint: Blueprint) -> set[str]:
    """The members' emails, lower-cased: what other tables may refer to a person by."""
    return {user.email.lower() for user in users_in(blueprint)}


def check(blueprint: Blueprint, specs: list[UserSpec]) -> None:
    """An email appears once."""
    emails: set[str] = set()
    for i, user in enumerate(specs):
        if user.email.lower() in emails:
            raise SectionError(f"[{i}].email", f"duplicate email {user.email!r}")
        emails.add(user.email.lower())


async def apply(ctx: Context, specs: list[UserSpec], report: ApplyReport) -> None:
    """Create missing accounts and make each a member with the blueprint's role and grants."""
    for spec in specs:
        user = await find_user_by_email(ctx.session, spec.email)
        if user is None:
            user = await create_user(ctx.session, email=spec.email, name=spec.name, password=spec.password)
            report.created.append(f"user {spec.email}")
        elif user.password_hash is None and spec.password:
            user.password_hash = await security.hash_password(spec.password)
        membership = await ctx.session.scalar(select(Membership).where(Membership.user_id == user.id))
        grants = sorted({m.value for m in spec.module_grants})
        if membership is None:
            membership = Membership(user_id=user.id, role=spec.role, module_grants=grants)
            ctx.session.add(membership)
            await ctx.session.flush()
            ctx.audit("member.added", membership, after=snapshot(membership))
            report.created.append(f"membership {spec.email}")
        else:
            before = snapshot(membership)
            if assign(membership, {"role": spec.role, "module_grants": grants}):
                await ctx.session.flush()
                ctx.audit("member.updated", membership, before=before, after=snapshot(membership))
                report.updated.append(f"membership {spec.email}")


SECTION = BlueprintSection(spec=list[UserSpec], apply=apply, check=check, empty=list)
