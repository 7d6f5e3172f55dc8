"""Tenant blueprints: a TOML file describing a tenant, applied idempotently in one transaction."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Context, Principal, PrincipalKind, snapshot
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import Membership, Role
from bizsuite.core.identity.services import create_user, find_user_by_email
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.rules import creates_cycle
from bizsuite.core.org_units.schemas import Code, Name
from bizsuite.core.tenants.models import Locale, ModuleName, Tenant
from bizsuite.core.tenants.schemas import Currency, Slug, TenantName, TimeZone
from bizsuite.core.tenants.services import validate_time_zone


class BlueprintError(ValueError):
    """A blueprint that cannot be applied, with the line and field at fault."""

    def __init__(self, path: Path | str, message: str, *, line: int | None = None, field: str | None = None):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")
        self.line = line
        self.field = field


class TenantSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The tenant itself."""

    slug: Slug
    name: TenantName
    locale: Locale = Locale.ZH_CN
    time_zone: TimeZone = "Asia/Shanghai"
    currency: Currency = "CNY"
    modules: list[ModuleName] = msgspec.field(default_factory=list)


class OrgUnitSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An org unit; ``parent`` is another unit's code."""

    code: Code
    name: Name
    kind: OrgUnitKind
    parent: str | None = None


class UserSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A member; ``password`` is set only when the account is created (demo data)."""

    email: Annotated[str, msgspec.Meta(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)]
    name: Name
    role: Role
    password: Annotated[str, msgspec.Meta(min_length=10, max_length=200)] | None = None
    module_grants: list[ModuleName] = msgspec.field(default_factory=list)


class Blueprint(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A whole blueprint file."""

    tenant: TenantSpec
    org_units: list[OrgUnitSpec] = msgspec.field(default_factory=list)
    users: list[UserSpec] = msgspec.field(default_factory=list)


# --- parsing with line numbers --------------------------------------------------------------

_PATH_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _split_path(path: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _PATH_PART.findall(path.removeprefix("$"))]


def locate(text: str, parts: list[str | int]) -> int | None:
    """Return the 1-based line of a field path like ``org_units[2].kind`` in TOML text."""
    if not parts:
        return None
    lines = text.splitlines()
    table, rest = parts[0], parts[1:]
    index = rest.pop(0) if rest and isinstance(rest[0], int) else None
    key = next((p for p in rest if isinstance(p, str)), None)
    header = re.compile(rf"^\s*\[\[?\s*{re.escape(str(table))}\s*\]\]?\s*(#.*)?$")
    seen, start = -1, None
    for number, line in enumerate(lines):
        if header.match(line):
            seen += 1
            if index is None or seen == index:
                start = number
                break
    if start is None:
        top = re.compile(rf"^\s*{re.escape(str(table))}\s*=")
        return next((n + 1 for n, line in enumerate(lines) if top.match(line)), None)
    if key is None:
        return start + 1
    key_line = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number in range(start + 1, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if key_line.match(lines[number]):
            return number + 1
    return start + 1


def parse_blueprint(text: str, path: Path | str = "<blueprint>") -> Blueprint:
    """Parse and validate a blueprint, or raise :class:`BlueprintError` naming line and field."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        raise BlueprintError(
            path, f"not valid TOML ({exc})", line=int(found.group(1)) if found else None
        ) from exc
    try:
        blueprint = msgspec.convert(raw, Blueprint)
    except msgspec.ValidationError as exc:
        message = str(exc)
        match = re.search(r"at `([^`]*)`", message)
        field_path = match.group(1) if match else ""
        parts = _split_path(field_path)
        unknown = re.search(r"unknown field `([^`]*)`", message)
        if unknown:
            parts = [*parts, unknown.group(1)]
        missing = re.search(r"missing required field `([^`]*)`", message)
        line = locate(text, parts) if parts else None
        label = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in parts).replace(".[", "[")
        if missing and not unknown:
            label = f"{label}.{missing.group(1)}" if label else missing.group(1)
        raise BlueprintError(path, message.split(" - at ")[0], line=line, field=label or None) from exc
    _check_references(blueprint, text, path)
    return blueprint


def _check_references(blueprint: Blueprint, text: str, path: Path | str) -> None:
    codes: dict[str, int] = {}
    for i, unit in enumerate(blueprint.org_units):
        if unit.code in codes:
            raise BlueprintError(
                path,
                f"duplicate code {unit.code!r}",
                line=locate(text, ["org_units", i, "code"]),
                field=f"org_units[{i}].code",
            )
        codes[unit.code] = i
    for i, unit in enumerate(blueprint.org_units):
        if unit.parent is not None and unit.parent not in codes:
            raise BlueprintError(
                path,
                f"no org unit with code {unit.parent!r}",
                line=locate(text, ["org_units", i, "parent"]),
                field=f"org_units[{i}].parent",
            )
    emails: set[str] = set()
    for i, user in enumerate(blueprint.users):
        if user.email.lower() in emails:
            raise BlueprintError(
                path,
                f"duplicate email {user.email!r}",
                line=locate(text, ["users", i, "email"]),
                field=f"users[{i}].email",
            )
        emails.add(user.email.lower())
    try:
        validate_time_zone(blueprint.tenant.time_zone)
    except Exception as exc:
        raise BlueprintError(
            path, "unknown time zone", line=locate(text, ["tenant", "time_zone"]), field="tenant.time_zone"
        ) from exc


def load_blueprint(path: Path) -> Blueprint:
    """Read and validate a blueprint file."""
    return parse_blueprint(path.read_text(encoding="utf-8"), path)


# --- applying ---------------------------------------------------------------------------------


@dataclass
class ApplyReport:
    """What applying a blueprint changed."""

    tenant: Tenant | None = None
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything changed."""
        return bool(self.created or self.updated)


def _assign(obj: Any, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


async def apply_blueprint(session: AsyncSession, blueprint: Blueprint, *, source: str) -> ApplyReport:
    """Create or update the tenant to match the blueprint (the caller commits or rolls back)."""
    report = ApplyReport()
    spec = blueprint.tenant
    tenant = await session.scalar(select(Tenant).where(Tenant.slug == spec.slug))
    values = {
        "name": spec.name,
        "locale": spec.locale.value,
        "time_zone": spec.time_zone,
        "currency": spec.currency,
        "modules": sorted({m.value for m in spec.modules}),
    }
    if tenant is None:
        tenant = Tenant(slug=spec.slug, **values)
        session.add(tenant)
        await session.flush()
        report.created.append(f"tenant {spec.slug}")
        created_tenant = True
    else:
        created_tenant = False
    await bind_tenant(session, tenant.id)
    ctx = Context(
        session=session, principal=Principal(kind=PrincipalKind.OPERATOR, label=f"blueprint:{source}")
    )
    if created_tenant:
        ctx.audit("tenant.created", tenant, after=snapshot(tenant), target_type="tenant")
    else:
        before = snapshot(tenant)
        if _assign(tenant, values):
            await session.flush()
            ctx.audit("tenant.updated", tenant, before=before, after=snapshot(tenant), target_type="tenant")
            report.updated.append(f"tenant {spec.slug}")
    report.tenant = tenant
    await _apply_org_units(ctx, blueprint.org_units, report)
    await _apply_users(ctx, blueprint.users, report)
    await session.flush()
    return report


async def _apply_org_units(ctx: Context, specs: list[OrgUnitSpec], report: ApplyReport) -> None:
    existing = {u.code: u for u in await ctx.session.scalars(select(OrgUnit))}
    pending = list(specs)
    # Parents first: repeat passes until every unit whose parent exists is placed.
    while pending:
        progressed = False
        for spec in list(pending):
            if spec.parent is not None and spec.parent not in existing:
                continue
            parent_id = existing[spec.parent].id if spec.parent else None
            unit = existing.get(spec.code)
            values = {"name": spec.name, "kind": spec.kind, "parent_id": parent_id, "archived_at": None}
            if unit is None:
                unit = OrgUnit(code=spec.code, **values)
                ctx.session.add(unit)
                await ctx.session.flush()
                ctx.audit("org_unit.created", unit, after=snapshot(unit))
                report.created.append(f"org unit {spec.code}")
                existing[spec.code] = unit
            else:
                chain = _chain(existing, parent_id)
                if creates_cycle(unit.id, parent_id, chain):
                    raise BlueprintError(
                        "<blueprint>", f"moving {spec.code!r} would make a cycle", field="parent"
                    )
                before = snapshot(unit)
                if _assign(unit, values):
                    await ctx.session.flush()
                    ctx.audit("org_unit.updated", unit, before=before, after=snapshot(unit))
                    report.updated.append(f"org unit {spec.code}")
            pending.remove(spec)
            progressed = True
        if not progressed:
            raise BlueprintError("<blueprint>", "org units form a cycle", field="org_units")


def _chain(units: dict[str, OrgUnit], parent_id: Any) -> list[Any]:
    by_id = {u.id: u for u in units.values()}
    chain: list[Any] = []
    while parent_id is not None and parent_id in by_id and len(chain) <= len(by_id):
        chain.append(parent_id)
        parent_id = by_id[parent_id].parent_id
    return chain


async def _apply_users(ctx: Context, specs: list[UserSpec], report: ApplyReport) -> None:
    for spec in specs:
        user = await find_user_by_email(ctx.session, spec.email)
        if user is None:
            user = await create_user(ctx.session, email=spec.email, name=spec.name, password=spec.password)
            report.created.append(f"user {spec.email}")
        elif user.password_hash is None and spec.password:
            user.password_hash = security.hash_password(spec.password)
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
            if _assign(membership, {"role": spec.role, "module_grants": grants}):
                await ctx.session.flush()
                ctx.audit("member.updated", membership, before=before, after=snapshot(membership))
                report.updated.append(f"membership {spec.email}")
