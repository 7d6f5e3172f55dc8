"""Tenant blueprints: a TOML file describing a tenant, applied idempotently in one transaction."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Context, Principal, PrincipalKind, snapshot
from bizsuite.core.db import bind_tenant
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
    #: A sandbox tenant (its clock can be advanced); chosen when the tenant is created.
    sandbox: bool = False


class Blueprint(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A whole blueprint file: the tenant, and every area's tables by their top-level key.

    ``blueprint.sections["org_units"]`` (or ``blueprint.org_units``) is that table as its
    section's spec decoded it; each area offers a typed accessor for its own
    (``org_units_in(blueprint)``, ``users_in(blueprint)``...).
    """

    tenant: TenantSpec
    #: The areas' tables (``org_units``, ``users``, ``crm``...), decoded by their registered
    #: sections, in load order; a table the file leaves out holds its section's ``empty`` value.
    sections: dict[str, Any] = msgspec.field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        """A section by its key: ``blueprint.users`` is ``blueprint.sections["users"]``."""
        if name.startswith("__") or name == "sections":
            raise AttributeError(name)
        try:
            return self.sections[name]
        except KeyError:
            raise AttributeError(f"the blueprint has no {name!r} table") from None


@dataclass(frozen=True)
class BlueprintSection:
    """An area's part of a blueprint: a top-level TOML table and how to check and apply it.

    ``spec`` decodes the table (a Struct for ``[crm]``, ``list[OrgUnitSpec]`` for
    ``[[org_units]]``). ``check(blueprint, section)`` validates references, also to other areas'
    tables (``blueprint.sections["users"]``), raising :class:`SectionError`; ``apply`` runs in
    the same transaction as every other section, in load order. ``empty`` makes the value a file
    without the table holds (``list``): such a section is then always checked and applied;
    without it, a missing table is skipped.
    """

    spec: Any
    apply: Callable[[Context, Any, ApplyReport], Awaitable[None]]
    check: Callable[[Blueprint, Any], None] | None = None
    empty: Callable[[], Any] | None = None


class SectionError(ValueError):
    """A section's check failed at ``field``: a path inside the section (``zones[1].owner`` in
    ``[crm]``, ``[2].parent`` in ``[[org_units]]``), or ``""`` for the whole table."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def sections() -> dict[str, BlueprintSection]:
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
    registered = sections()
    area_raw = {key: raw.pop(key) for key in list(raw) if key in registered}
    try:
        blueprint = msgspec.convert(raw, Blueprint)
        for key, section in registered.items():
            if key not in area_raw:
                if section.empty is not None:
                    blueprint.sections[key] = section.empty()
                continue
            try:
                blueprint.sections[key] = msgspec.convert(area_raw[key], section.spec)
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
        label = _label(parts)
        if missing and not unknown:
            label = f"{label}.{missing.group(1)}" if label else missing.group(1)
        raise BlueprintError(path, message.split(" - at ")[0], line=line, field=label or None) from exc
    try:
        validate_time_zone(blueprint.tenant.time_zone)
    except Exception as exc:
        raise BlueprintError(
            path, "unknown time zone", line=locate(text, ["tenant", "time_zone"]), field="tenant.time_zone"
        ) from exc
    for key, value in blueprint.sections.items():
        checker = registered[key].check
        if checker is None:
            continue
        try:
            checker(blueprint, value)
        except SectionError as exc:
            parts = _split_path(f"{key}.{exc.field}" if exc.field else key)
            raise BlueprintError(path, str(exc), line=locate(text, parts), field=_label(parts)) from exc
    return blueprint


def _label(parts: list[str | int]) -> str:
    """``["org_units", 1, "kind"]`` → ``org_units[1].kind``."""
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in parts).replace(".[", "[")


def _prefixed(message: str, key: str) -> str:
    """Put a section's key in front of the field path msgspec reports."""
    if " - at `$" in message:
        return message.replace(" - at `$", f" - at `$.{key}", 1)
    return f"{message} - at `$.{key}`"


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


def assign(obj: Any, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; whether any did (so an unchanged row writes nothing)."""
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
        tenant = Tenant(slug=spec.slug, sandbox=spec.sandbox, **values)
        session.add(tenant)
        await session.flush()
        report.created.append(f"tenant {spec.slug}")
        created_tenant = True
    else:
        created_tenant = False
        if tenant.sandbox != spec.sandbox:
            raise BlueprintError(
                source, "a tenant cannot become or stop being a sandbox", field="tenant.sandbox"
            )
    await bind_tenant(session, tenant.id)
    ctx = Context(
        session=session, principal=Principal(kind=PrincipalKind.OPERATOR, label=f"blueprint:{source}")
    )
    if created_tenant:
        ctx.audit("tenant.created", tenant, after=snapshot(tenant), target_type="tenant")
    else:
        before = snapshot(tenant)
        if assign(tenant, values):
            await session.flush()
            ctx.audit("tenant.updated", tenant, before=before, after=snapshot(tenant), target_type="tenant")
            report.updated.append(f"tenant {spec.slug}")
    report.tenant = tenant
    registered = sections()
    for key, value in blueprint.sections.items():
        await registered[key].apply(ctx, value, report)
    await session.flush()
    return report
