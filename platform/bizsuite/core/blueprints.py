"""Tenant blueprints: a TOML file describing a tenant, applied idempotently in one transaction."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.approvals.models import ApprovalFlow, ApprovalFlowStep, ApproverAssignment, ApproverKind
from bizsuite.core.approvals.rules import amount_error
from bizsuite.core.approvals.schemas import Amount, ApproverRole, Category, DocumentType, Priority
from bizsuite.core.approvals.schemas import Currency as MoneyCurrency
from bizsuite.core.approvals.services import FlowWithSteps, flow_snapshot
from bizsuite.core.context import Context, Principal, PrincipalKind, snapshot
from bizsuite.core.db import bind_tenant, utcnow
from bizsuite.core.identity import security
from bizsuite.core.identity.models import Membership, Role
from bizsuite.core.identity.services import create_user, find_user_by_email
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.rules import creates_cycle
from bizsuite.core.org_units.schemas import Code, Name
from bizsuite.core.tenants.models import Locale, ModuleName, Tenant
from bizsuite.core.tenants.schemas import Currency, Slug, TenantName, TimeZone
from bizsuite.core.tenants.services import validate_time_zone
from bizsuite.kit import registry


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


class ApproverAssignmentSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A member (``user`` is an email of ``users``) holds an approver role at an org unit (a code)."""

    user: str
    org_unit: str
    role: ApproverRole


class ApprovalFlowStepSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A flow step; ``org_unit`` is an org unit code, ``user`` an email of ``users``."""

    label: Name
    approver: ApproverKind
    role: ApproverRole | None = None
    levels_up: Annotated[int, msgspec.Meta(ge=0, le=20)] = 0
    org_unit_kind: OrgUnitKind | None = None
    org_unit: str | None = None
    user: str | None = None
    optional: bool = False


class ApprovalFlowSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An approval flow; amounts are written as strings (``"5000.00"``)."""

    code: Code
    name: Name
    steps: Annotated[list[ApprovalFlowStepSpec], msgspec.Meta(min_length=1, max_length=20)]
    priority: Priority = 100
    active: bool = True
    document_types: list[DocumentType] = msgspec.field(default_factory=list)
    categories: list[Category] = msgspec.field(default_factory=list)
    org_unit_kinds: list[OrgUnitKind] = msgspec.field(default_factory=list)
    min_amount: Amount | None = None
    max_amount: Amount | None = None
    currency: MoneyCurrency | None = None


class Blueprint(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A whole blueprint file."""

    tenant: TenantSpec
    org_units: list[OrgUnitSpec] = msgspec.field(default_factory=list)
    users: list[UserSpec] = msgspec.field(default_factory=list)
    approver_assignments: list[ApproverAssignmentSpec] = msgspec.field(default_factory=list)
    approval_flows: list[ApprovalFlowSpec] = msgspec.field(default_factory=list)
    #: Business modules' own tables (``[crm]``...), decoded by their registered section types.
    sections: dict[str, Any] = msgspec.field(default_factory=dict)


@dataclass(frozen=True)
class BlueprintSection:
    """A business module's part of a blueprint: a top-level TOML table and how to apply it.

    ``check`` validates cross-references (raising ``ValueError(field, message)`` pairs via
    :class:`SectionError`); ``apply`` runs after the kernel parts, in the same transaction.
    """

    spec: type[msgspec.Struct]
    apply: Callable[[Context, Any, ApplyReport], Awaitable[None]]
    check: Callable[[Blueprint, Any], None] | None = None


class SectionError(ValueError):
    """A module section's reference check failed at ``field`` (a dotted path in the section)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def module_sections() -> dict[str, BlueprintSection]:
    """Areas' sections by top-level key (``ModuleSpec.blueprint_sections``), in load order."""
    return registry().blueprint_sections


# --- parsing with line numbers --------------------------------------------------------------

_PATH_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _split_path(path: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _PATH_PART.findall(path.removeprefix("$"))]


def locate(text: str, parts: list[str | int]) -> int | None:
    """Return the 1-based line of a field path like ``org_units[2].kind`` in TOML text."""
    if not parts:
        return None
    if sum(isinstance(part, int) for part in parts) > 1:
        return _locate_nested(text, parts)
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


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?\s*(#.*)?$")


def _locate_nested(text: str, parts: list[str | int]) -> int | None:
    """Line of a path inside nested arrays of tables, e.g. ``approval_flows[1].steps[0].role``."""
    lines = text.splitlines()
    start, end, prefix, found_line = 0, len(lines), "", None
    position = 0
    while position < len(parts):
        name = parts[position]
        if not isinstance(name, str):
            return found_line
        index = parts[position + 1] if position + 1 < len(parts) else None
        if not isinstance(index, int):
            key_line = re.compile(rf"^\s*{re.escape(name)}\s*=")
            for number in range(start, end):
                if lines[number].lstrip().startswith("["):
                    break
                if key_line.match(lines[number]):
                    return number + 1
            return found_line
        table = prefix + name
        matches = [n for n in range(start, end) if (m := _HEADER.match(lines[n])) and m.group(1) == table]
        if index >= len(matches):
            return found_line
        begin = matches[index]
        found_line = begin + 1
        stop = next(
            (
                n
                for n in range(begin + 1, end)
                if (m := _HEADER.match(lines[n])) and not m.group(1).startswith(table + ".")
            ),
            end,
        )
        start, end, prefix = begin + 1, stop, table + "."
        position += 2
    return found_line


def parse_blueprint(text: str, path: Path | str = "<blueprint>") -> Blueprint:
    """Parse and validate a blueprint, or raise :class:`BlueprintError` naming line and field."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        raise BlueprintError(
            path, f"not valid TOML ({exc})", line=int(found.group(1)) if found else None
        ) from exc
    if "sections" in raw:
        raise BlueprintError(path, "unknown table", line=locate(text, ["sections"]), field="sections")
    sections = module_sections()
    module_raw = {key: raw.pop(key) for key in list(raw) if key in sections}
    try:
        blueprint = msgspec.convert(raw, Blueprint)
        for key, value in module_raw.items():
            try:
                blueprint.sections[key] = msgspec.convert(value, sections[key].spec)
            except msgspec.ValidationError as exc:
                raise msgspec.ValidationError(_prefixed(str(exc), key)) from exc
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
    _check_approvals(blueprint, text, path)
    for key, section in blueprint.sections.items():
        checker = module_sections()[key].check
        if checker is None:
            continue
        try:
            checker(blueprint, section)
        except SectionError as exc:
            parts = _split_path(f"{key}.{exc.field}")
            raise BlueprintError(
                path, str(exc), line=locate(text, parts), field=f"{key}.{exc.field}"
            ) from exc
    return blueprint


def _prefixed(message: str, key: str) -> str:
    """Put a module section's key in front of the field path msgspec reports."""
    if " - at `$" in message:
        return message.replace(" - at `$", f" - at `$.{key}", 1)
    return f"{message} - at `$.{key}`"


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


def _check_approvals(blueprint: Blueprint, text: str, path: Path | str) -> None:
    """Approver assignments and flows refer to units and users of the blueprint, and make sense."""
    codes = {unit.code for unit in blueprint.org_units}
    emails = {user.email.lower() for user in blueprint.users}

    def fail(parts: list[str | int], message: str) -> BlueprintError:
        label = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in parts).replace(".[", "[")
        return BlueprintError(path, message, line=locate(text, parts), field=label)

    seen: set[tuple[str, str, str]] = set()
    for i, assignment in enumerate(blueprint.approver_assignments):
        if assignment.user.lower() not in emails:
            raise fail(["approver_assignments", i, "user"], f"no user with email {assignment.user!r}")
        if assignment.org_unit not in codes:
            raise fail(
                ["approver_assignments", i, "org_unit"], f"no org unit with code {assignment.org_unit!r}"
            )
        key = (assignment.user.lower(), assignment.org_unit, assignment.role)
        if key in seen:
            raise fail(["approver_assignments", i, "role"], "duplicate assignment")
        seen.add(key)
    flow_codes: set[str] = set()
    for i, flow in enumerate(blueprint.approval_flows):
        if flow.code in flow_codes:
            raise fail(["approval_flows", i, "code"], f"duplicate code {flow.code!r}")
        flow_codes.add(flow.code)
        for bound in ("min_amount", "max_amount"):
            value = getattr(flow, bound)
            if value is not None and (message := amount_error(value)):
                raise fail(["approval_flows", i, bound], message)
        if flow.min_amount is not None and flow.max_amount is not None and flow.max_amount <= flow.min_amount:
            raise fail(["approval_flows", i, "max_amount"], "must be greater than min_amount")
        for j, step in enumerate(flow.steps):
            at: list[str | int] = ["approval_flows", i, "steps", j]
            if step.approver is ApproverKind.USER:
                if step.user is None or step.user.lower() not in emails:
                    raise fail([*at, "user"], f"no user with email {step.user!r}")
            elif step.role is None:
                raise fail([*at, "role"], f"required for a {step.approver.value} step")
            if step.approver is ApproverKind.ROLE_AT_ANCESTOR_KIND and step.org_unit_kind is None:
                raise fail([*at, "org_unit_kind"], "required for this step")
            if step.approver is ApproverKind.ROLE_AT_NAMED_UNIT and step.org_unit not in codes:
                raise fail([*at, "org_unit"], f"no org unit with code {step.org_unit!r}")
            if step.approver is not ApproverKind.ROLE_AT_NAMED_UNIT and step.org_unit is not None:
                raise fail([*at, "org_unit"], "only for role_at_named_unit steps")
            if step.approver is not ApproverKind.USER and step.user is not None:
                raise fail([*at, "user"], "only for user steps")


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
    await _apply_approver_assignments(ctx, blueprint.approver_assignments, report)
    await _apply_approval_flows(ctx, blueprint.approval_flows, report)
    for key, section in blueprint.sections.items():
        await module_sections()[key].apply(ctx, section, report)
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


async def _ids_by_code(ctx: Context) -> dict[str, Any]:
    return {unit.code: unit.id for unit in await ctx.session.scalars(select(OrgUnit))}


async def _apply_approver_assignments(
    ctx: Context, specs: list[ApproverAssignmentSpec], report: ApplyReport
) -> None:
    if not specs:
        return
    units = await _ids_by_code(ctx)
    existing = {
        (a.user_id, a.org_unit_id, a.approver_role)
        for a in await ctx.session.scalars(select(ApproverAssignment))
    }
    for spec in specs:
        user = await find_user_by_email(ctx.session, spec.user)
        assert user is not None  # checked when parsing, created by _apply_users
        if (user.id, units[spec.org_unit], spec.role) in existing:
            continue
        assignment = ApproverAssignment(
            user_id=user.id, org_unit_id=units[spec.org_unit], approver_role=spec.role
        )
        ctx.session.add(assignment)
        await ctx.session.flush()
        ctx.audit("approver_assignment.created", assignment, after=snapshot(assignment))
        report.created.append(f"approver {spec.role} {spec.user} at {spec.org_unit}")
        existing.add((user.id, units[spec.org_unit], spec.role))


async def _step_values(
    ctx: Context, units: dict[str, Any], spec: ApprovalFlowStepSpec, position: int
) -> dict[str, Any]:
    user = await find_user_by_email(ctx.session, spec.user) if spec.user else None
    return {
        "position": position,
        "label": spec.label,
        "approver_kind": spec.approver,
        "approver_role": spec.role,
        "levels_up": spec.levels_up,
        "org_unit_kind": spec.org_unit_kind.value if spec.org_unit_kind else None,
        "org_unit_id": units[spec.org_unit] if spec.org_unit else None,
        "user_id": user.id if user else None,
        "optional": spec.optional,
    }


async def _apply_approval_flows(ctx: Context, specs: list[ApprovalFlowSpec], report: ApplyReport) -> None:
    if not specs:
        return
    units = await _ids_by_code(ctx)
    flows = {flow.code: flow for flow in await ctx.session.scalars(select(ApprovalFlow))}
    for spec in specs:
        values = {
            "name": spec.name,
            "priority": spec.priority,
            "is_active": spec.active,
            "document_types": sorted(set(spec.document_types)),
            "categories": sorted(set(spec.categories)),
            "org_unit_kinds": sorted({k.value for k in spec.org_unit_kinds}),
            "min_amount": spec.min_amount,
            "max_amount": spec.max_amount,
            "currency": spec.currency,
        }
        wanted = [await _step_values(ctx, units, step, i + 1) for i, step in enumerate(spec.steps)]
        flow = flows.get(spec.code)
        if flow is None:
            flow = ApprovalFlow(code=spec.code, **values)
            ctx.session.add(flow)
            await ctx.session.flush()
            steps = [ApprovalFlowStep(flow_id=flow.id, **step) for step in wanted]
            ctx.session.add_all(steps)
            await ctx.session.flush()
            ctx.audit("approval_flow.created", flow, after=flow_snapshot(FlowWithSteps(flow, steps)))
            report.created.append(f"approval flow {spec.code}")
            continue
        current = list(
            await ctx.session.scalars(
                select(ApprovalFlowStep)
                .where(ApprovalFlowStep.flow_id == flow.id)
                .order_by(ApprovalFlowStep.position)
            )
        )
        before = flow_snapshot(FlowWithSteps(flow, current))
        have = [{name: getattr(step, name) for name in wanted[0]} for step in current]
        steps_changed = have != wanted
        if steps_changed or any(getattr(flow, name) != value for name, value in values.items()):
            if steps_changed:
                # Old steps go first (their positions are unique), before the flow changes once.
                for step in current:
                    await ctx.session.delete(step)
                await ctx.session.flush()
                current = [ApprovalFlowStep(flow_id=flow.id, **step) for step in wanted]
                ctx.session.add_all(current)
            _assign(flow, values)
            flow.updated_at = utcnow()
            await ctx.session.flush()
            ctx.audit(
                "approval_flow.updated",
                flow,
                before=before,
                after=flow_snapshot(FlowWithSteps(flow, current)),
            )
            report.updated.append(f"approval flow {spec.code}")
