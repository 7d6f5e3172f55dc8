"""Accounts with contacts, imported through the kernel import component (``core/imports``).

One row per account: accounts are matched by code (created, or updated with the row's non-empty
cells), owners by email or name (a member of this tenant), zones by code; the optional contact
columns add the account's contact (or update the contact of that name). Every row is checked
before anything is written, and the import writes all rows or none.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.identity.models import Membership, User
from bizsuite.core.imports.spec import FieldProblem, Figure, ImportField, ImportSpec, Link, Parsed, RowError
from bizsuite.modules.crm.accounts.services import ACCOUNTS_LIMIT
from bizsuite.modules.crm.models import Account, AccountKind, Contact, Zone
from bizsuite.web.i18n import N_, SUPPORTED, translations

KIND = "crm.accounts"
#: Text limits of the columns (the tables').
LIMITS = {
    "code": 50,
    "name": 200,
    "industry": 100,
    "phone": 50,
    "email": 320,
    "address": 500,
    "contact_name": 200,
    "contact_title": 100,
    "contact_phone": 50,
    "contact_email": 320,
}
KIND_LABELS = {
    AccountKind.END_CUSTOMER: N_("End customer"),
    AccountKind.DISTRIBUTOR: N_("Distributor"),
    AccountKind.PARTNER: N_("Partner"),
}
MESSAGES = (
    N_("must be an email address like name@example.com"),
    N_("must be one of: end customer, distributor, partner"),
    N_("no person of this tenant has this email or name"),
    N_("several people have this name: use the email"),
    N_("no zone with this code"),
    N_("a new account needs a name"),
    N_("contact details need the contact's name"),
)


@dataclass(frozen=True, slots=True)
class AccountRow:
    """A valid row: the account's values (``None``: keep what is stored) and its contact."""

    code: str
    name: str | None
    kind: AccountKind | None
    owner: str | None
    zone: str | None
    industry: str | None
    phone: str | None
    email: str | None
    address: str | None
    contact_name: str | None
    contact_title: str | None
    contact_phone: str | None
    contact_email: str | None


def _kind_names() -> dict[str, AccountKind]:
    names: dict[str, AccountKind] = {}
    for kind, label in KIND_LABELS.items():
        names[kind.value] = kind
        for locale in SUPPORTED:
            names[translations(locale).gettext(label).strip().lower()] = kind
    return names


def _email_ok(text: str) -> bool:
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain and " " not in text


def parse_row(cells: Mapping[str, str]) -> AccountRow | list[FieldProblem]:
    """One row's values: a code, lengths within the limits, emails that look like emails, a kind
    by its value or its name (en or zh-CN), contact details only with a contact name."""
    problems: list[FieldProblem] = []
    if not cells["code"]:
        problems.append(FieldProblem("code", "is empty"))
    for name, limit in LIMITS.items():
        if len(cells[name]) > limit:
            problems.append(FieldProblem(name, f"at most {limit} characters"))
    for name in ("email", "contact_email"):
        if cells[name] and not _email_ok(cells[name]):
            problems.append(FieldProblem(name, "must be an email address like name@example.com"))
    kind: AccountKind | None = None
    if cells["kind"]:
        kind = _kind_names().get(cells["kind"].strip().lower())
        if kind is None:
            problems.append(FieldProblem("kind", "must be one of: end customer, distributor, partner"))
    if not cells["contact_name"]:
        for name in ("contact_title", "contact_phone", "contact_email"):
            if cells[name]:
                problems.append(FieldProblem(name, "contact details need the contact's name"))
                break
    if problems:
        return problems
    return AccountRow(
        code=cells["code"],
        name=cells["name"] or None,
        kind=kind,
        owner=cells["owner"] or None,
        zone=cells["zone"] or None,
        industry=cells["industry"] or None,
        phone=cells["phone"] or None,
        email=cells["email"] or None,
        address=cells["address"] or None,
        contact_name=cells["contact_name"] or None,
        contact_title=cells["contact_title"] or None,
        contact_phone=cells["contact_phone"] or None,
        contact_email=cells["contact_email"] or None,
    )


@dataclass(frozen=True, slots=True)
class _Lookups:
    """This tenant's people (by lowercased email and by name), zones and the accounts of the file."""

    by_email: dict[str, Any]
    by_name: dict[str, list[Any]]
    zones: dict[str, Any]
    accounts: dict[str, Account]

    def owner(self, text: str) -> tuple[Any, str | None]:
        """The person's id, or why not."""
        if (found := self.by_email.get(text.lower())) is not None:
            return found, None
        named = self.by_name.get(text.strip(), [])
        if len(named) == 1:
            return named[0], None
        if named:
            return None, "several people have this name: use the email"
        return None, "no person of this tenant has this email or name"


async def _lookups(ctx: Context, codes: set[str]) -> _Lookups:
    people = (
        await ctx.session.execute(
            select(User.id, User.email, User.name).join(Membership, Membership.user_id == User.id)
        )
    ).all()
    by_name: dict[str, list[Any]] = {}
    for person in people:
        by_name.setdefault(person.name.strip(), []).append(person.id)
    zones = {zone.code: zone.id for zone in await ctx.session.scalars(select(Zone))}
    accounts = {
        a.code: a for a in await ctx.session.scalars(select(Account).where(Account.code.in_(sorted(codes))))
    }
    return _Lookups({p.email.lower(): p.id for p in people}, by_name, zones, accounts)


async def validate(ctx: Context, rows: Sequence[Parsed[AccountRow]]) -> list[RowError]:
    """Owners and zones must be this tenant's, a new account needs a name, a code appears once,
    and the new accounts must fit the plan's ``accounts`` limit: the rows that would pass it are
    refused, each naming the limit and the usage (so the file imports nothing)."""
    lookups = await _lookups(ctx, {p.value.code for p in rows})
    limit = await ctx.limit_use(ACCOUNTS_LIMIT)
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    new = 0
    for parsed in rows:
        value, number = parsed.value, parsed.row
        first = seen.setdefault(value.code, number)
        if first != number:
            errors.append(RowError(number, "code", f"duplicate of row {first}", value.code))
        if value.code not in lookups.accounts and first == number:
            new += 1
            if limit is not None and new > limit.left:
                errors.append(RowError(number, "code", limit.beyond(), value.code))
        if value.code not in lookups.accounts and value.name is None:
            errors.append(RowError(number, "name", "a new account needs a name", ""))
        if value.owner is not None:
            _found, why = lookups.owner(value.owner)
            if why:
                errors.append(RowError(number, "owner", why, value.owner))
        if value.zone is not None and value.zone not in lookups.zones:
            errors.append(RowError(number, "zone", "no zone with this code", value.zone))
    return errors


def summarize(rows: Sequence[AccountRow]) -> dict[str, Any]:
    """How many accounts and contacts the file holds."""
    return {"accounts": len(rows), "contacts": sum(1 for r in rows if r.contact_name)}


def _changed(row: Any, values: Mapping[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if value is not None and getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


async def apply(
    ctx: Context, rows: Sequence[AccountRow], progress: Callable[[int], Awaitable[None]]
) -> dict[str, Any]:
    """Create or update every account and its contact (in the job's one transaction); the new
    accounts are checked against the plan's limit first (402: nothing is imported)."""
    lookups = await _lookups(ctx, {r.code for r in rows})
    if new := len({r.code for r in rows if r.code not in lookups.accounts}):
        await ctx.check_limit(ACCOUNTS_LIMIT, adding=new)
    created = updated = contacts = 0
    for done, row in enumerate(rows, start=1):
        values: dict[str, Any] = {
            "name": row.name,
            "kind": row.kind,
            "owner_user_id": lookups.owner(row.owner)[0] if row.owner else None,
            "zone_id": lookups.zones[row.zone] if row.zone else None,
            "industry": row.industry,
            "phone": row.phone,
            "email": row.email,
            "address": row.address,
        }
        account = lookups.accounts.get(row.code)
        if account is None:
            account = Account(code=row.code, trailing_revenue=Decimal("0.00"))
            account.kind = AccountKind.END_CUSTOMER
            _changed(account, values)
            ctx.session.add(account)
            await ctx.session.flush()
            ctx.audit("crm.account.created", account, after=snapshot(account))
            lookups.accounts[row.code] = account
            created += 1
        else:
            before = snapshot(account)
            if _changed(account, values):
                account.updated_at = utcnow()
                await ctx.session.flush()
                ctx.audit("crm.account.updated", account, before=before, after=snapshot(account))
                updated += 1
        if row.contact_name:
            contacts += await _contact(ctx, account, row)
        if done % 500 == 0 or done == len(rows):
            await progress(done)
    return {"created": created, "updated": updated, "contacts_saved": contacts}


async def _contact(ctx: Context, account: Account, row: AccountRow) -> int:
    """Add the row's contact to the account, or update the contact of that name; 1 if saved."""
    existing = await ctx.session.scalar(
        select(Contact)
        .where(Contact.account_id == account.id, func.lower(Contact.name) == (row.contact_name or "").lower())
        .limit(1)
    )
    values = {"title": row.contact_title, "phone": row.contact_phone, "email": row.contact_email}
    if existing is None:
        has_primary = await ctx.session.scalar(
            select(func.count())
            .select_from(Contact)
            .where(Contact.account_id == account.id, Contact.is_primary)
        )
        contact = Contact(account_id=account.id, name=row.contact_name, is_primary=not has_primary, **values)
        ctx.session.add(contact)
        await ctx.session.flush()
        ctx.audit("crm.contact.created", contact, after=snapshot(contact))
        return 1
    before = snapshot(existing)
    if _changed(existing, values):
        existing.updated_at = utcnow()
        await ctx.session.flush()
        ctx.audit("crm.contact.updated", existing, before=before, after=snapshot(existing))
        return 1
    return 0


ACCOUNTS: ImportSpec[AccountRow] = ImportSpec(
    key=KIND,
    label=N_("Import accounts"),
    description=N_(
        "Customers with their contacts from a CSV or Excel file, one row per account. Accounts are "
        "matched by code: a new code creates an account, a known one is updated with the row's "
        "filled cells. Owners are found by email or name, zones by code. A file with any bad row "
        "imports nothing."
    ),
    fields=(
        ImportField(
            "code", N_("Account code"), ("account code", "客户编码", "客户代码", "编码"), required=True
        ),
        ImportField(
            "name",
            N_("Account name"),
            ("name", "account", "客户名称", "名称", "客户"),
            hint=N_("required for a new account"),
        ),
        ImportField(
            "kind", N_("Kind"), ("type", "类型", "客户类型"), hint=N_("end customer, distributor or partner")
        ),
        ImportField(
            "owner",
            N_("Owner"),
            ("owner email", "负责人", "客户经理", "负责人邮箱"),
            hint=N_("email or name"),
        ),
        ImportField("zone", N_("Zone code"), ("zone", "片区", "片区编码"), hint=N_("a zone's code")),
        ImportField("industry", N_("Industry"), ("行业",)),
        ImportField("phone", N_("Phone"), ("telephone", "电话")),
        ImportField("email", N_("Email"), ("邮箱", "电子邮件")),
        ImportField("address", N_("Address"), ("地址",)),
        ImportField("contact_name", N_("Contact name"), ("contact", "联系人", "联系人姓名")),
        ImportField("contact_title", N_("Contact title"), ("title", "职务", "联系人职务")),
        ImportField("contact_phone", N_("Contact phone"), ("联系人电话", "联系电话", "手机")),
        ImportField("contact_email", N_("Contact email"), ("联系人邮箱",)),
    ),
    parse=parse_row,
    validate=validate,
    apply=apply,
    summarize=summarize,
    figures=(Figure("accounts", N_("Accounts")), Figure("contacts", N_("Contacts"))),
    links=(Link(N_("Accounts"), "/crm/accounts", "goto-accounts"),),
)
