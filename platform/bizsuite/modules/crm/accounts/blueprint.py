"""CRM accounts: the blueprint parts (`[crm]` table) and how they are applied."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, SectionError
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.identity.blueprint import emails_in
from bizsuite.core.identity.services import find_user_by_email
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.crm.accounts.schemas import Address, Code, Email, Industry, Name, Notes, Phone
from bizsuite.modules.crm.models import Account, AccountKind, AccountStatus, Zone


class SettingsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[crm.settings]``: churn months (2..24), tier shares (0 < A < B <= 1), zone routing.

    Applied by the revenue area (``revenue/blueprint.py``), which recomputes tiers and churn.
    """

    churn_months: int = 3
    tier_a_share: Decimal = Decimal("0.8")
    tier_b_share: Decimal = Decimal("0.95")
    route_by_zone: bool = False


class ZoneSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A service zone (片区): ``org_unit`` is an org unit code, ``owner`` (片区管家) a user's email."""

    code: Code
    name: Name
    org_unit: str | None = None
    owner: str | None = None


class AccountSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An account: ``owner`` is a user's email, ``org_unit`` and ``zone`` are codes."""

    code: Code
    name: Name
    kind: AccountKind = AccountKind.END_CUSTOMER
    status: AccountStatus = AccountStatus.ACTIVE
    org_unit: str | None = None
    owner: str | None = None
    zone: str | None = None
    industry: Industry | None = None
    phone: Phone | None = None
    email: Email | None = None
    address: Address | None = None
    notes: Notes | None = None


def check(blueprint: Blueprint, section: Any) -> None:
    """Zones and accounts refer to the blueprint's users, org units and zones; codes are unique."""
    emails = emails_in(blueprint)
    units = {unit.code for unit in org_units_in(blueprint)}
    zone_codes: set[str] = set()
    for i, zone in enumerate(section.zones):
        if zone.code in zone_codes:
            raise SectionError(f"zones[{i}].code", f"duplicate code {zone.code!r}")
        zone_codes.add(zone.code)
        if zone.owner is not None and zone.owner.lower() not in emails:
            raise SectionError(f"zones[{i}].owner", f"no user with email {zone.owner!r}")
        if zone.org_unit is not None and zone.org_unit not in units:
            raise SectionError(f"zones[{i}].org_unit", f"no org unit with code {zone.org_unit!r}")
    account_codes: set[str] = set()
    for i, account in enumerate(section.accounts):
        if account.code in account_codes:
            raise SectionError(f"accounts[{i}].code", f"duplicate code {account.code!r}")
        account_codes.add(account.code)
        if account.owner is not None and account.owner.lower() not in emails:
            raise SectionError(f"accounts[{i}].owner", f"no user with email {account.owner!r}")
        if account.org_unit is not None and account.org_unit not in units:
            raise SectionError(f"accounts[{i}].org_unit", f"no org unit with code {account.org_unit!r}")
        if account.zone is not None and account.zone not in zone_codes:
            raise SectionError(f"accounts[{i}].zone", f"no zone with code {account.zone!r}")


class _Lookups:
    """Ids by code or email, read once per apply."""

    def __init__(self, units: dict[str, uuid.UUID]):
        self.units = units
        self.users: dict[str, uuid.UUID] = {}

    async def user(self, ctx: Context, email: str | None) -> uuid.UUID | None:
        if email is None:
            return None
        if email.lower() not in self.users:
            user = await find_user_by_email(ctx.session, email)
            assert user is not None  # checked when parsing, created with the blueprint's users
            self.users[email.lower()] = user.id
        return self.users[email.lower()]


def _assign(row: Any, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


async def _upsert(
    ctx: Context,
    model: type[Any],
    existing: dict[str, Any],
    code: str,
    values: dict[str, Any],
    report: ApplyReport,
) -> Any:
    label = "crm.zone" if model is Zone else "crm.account"
    what = "zone" if model is Zone else "account"
    row = existing.get(code)
    if row is None:
        row = model(code=code, **values)
        ctx.session.add(row)
        await ctx.session.flush()
        ctx.audit(f"{label}.created", row, after=snapshot(row))
        report.created.append(f"crm {what} {code}")
        existing[code] = row
        return row
    before = snapshot(row)
    if _assign(row, values):
        row.updated_at = utcnow()
        await ctx.session.flush()
        ctx.audit(f"{label}.updated", row, before=before, after=snapshot(row))
        report.updated.append(f"crm {what} {code}")
    return row


async def apply(ctx: Context, section: Any, report: ApplyReport) -> None:
    """Create or update this area's parts of the tenant from the blueprint's `[crm]` table."""
    if not section.zones and not section.accounts:
        return
    lookups = _Lookups({unit.code: unit.id for unit in await ctx.session.scalars(select(OrgUnit))})
    zones = {zone.code: zone for zone in await ctx.session.scalars(select(Zone))}
    for spec in section.zones:
        values = {
            "name": spec.name,
            "org_unit_id": lookups.units[spec.org_unit] if spec.org_unit else None,
            "owner_user_id": await lookups.user(ctx, spec.owner),
        }
        await _upsert(ctx, Zone, zones, spec.code, values, report)
    wanted = {spec.code for spec in section.accounts}
    accounts = {
        account.code: account
        for account in await ctx.session.scalars(select(Account).where(Account.code.in_(wanted)))
    }
    for spec in section.accounts:
        values = {
            "name": spec.name,
            "kind": spec.kind,
            "status": spec.status,
            "org_unit_id": lookups.units[spec.org_unit] if spec.org_unit else None,
            "owner_user_id": await lookups.user(ctx, spec.owner),
            "zone_id": zones[spec.zone].id if spec.zone else None,
            "industry": spec.industry,
            "phone": spec.phone,
            "email": spec.email,
            "address": spec.address,
            "notes": spec.notes,
        }
        if spec.code not in accounts:
            values["trailing_revenue"] = Decimal("0.00")
        await _upsert(ctx, Account, accounts, spec.code, values, report)
