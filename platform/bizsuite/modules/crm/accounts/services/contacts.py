"""Contacts: the people at an account, one of them primary."""

from __future__ import annotations

import uuid

import msgspec
from sqlalchemy import select, update

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.modules.crm.accounts.schemas import ContactCreate, ContactOut, ContactUpdate
from bizsuite.modules.crm.accounts.services.accounts import require_account
from bizsuite.modules.crm.models import Activity, Contact


def contact_view(contact: Contact) -> ContactOut:
    """A contact row as the view the API and the pages show."""
    return msgspec.convert(contact, ContactOut, from_attributes=True)


async def _contact(ctx: Context, contact_id: uuid.UUID) -> Contact:
    return await fetch(ctx.session, Contact, contact_id, what="contact")


async def list_contacts(
    ctx: Context, account_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ContactOut], str | None]:
    """Return a page of an account's contacts, oldest first."""
    await require_account(ctx, account_id)
    statement = select(Contact).where(Contact.account_id == account_id)
    contacts, next_cursor = await list_page(ctx.session, statement, Contact, limit=limit, cursor=cursor)
    return [contact_view(c) for c in contacts], next_cursor


async def get_contact(ctx: Context, contact_id: uuid.UUID) -> ContactOut:
    """Return one contact or 404."""
    return contact_view(await _contact(ctx, contact_id))


async def _demote_primary(ctx: Context, account_id: uuid.UUID, *, keep: uuid.UUID | None) -> None:
    """One primary contact per account: the others lose the flag (their version moves on)."""
    others = await ctx.session.scalars(
        select(Contact).where(Contact.account_id == account_id, Contact.is_primary.is_(True))
    )
    for contact in others:
        if contact.id != keep:
            contact.is_primary = False
    await ctx.session.flush()


async def create_contact(ctx: Context, account_id: uuid.UUID, data: ContactCreate) -> ContactOut:
    """Add a contact to an account."""
    await require_account(ctx, account_id)
    if data.is_primary:
        await _demote_primary(ctx, account_id, keep=None)
    contact = Contact(account_id=account_id, **msgspec.structs.asdict(data))
    ctx.session.add(contact)
    await ctx.session.flush()
    ctx.audit("crm.contact.created", contact, after=snapshot(contact))
    return contact_view(contact)


async def update_contact(
    ctx: Context, contact_id: uuid.UUID, data: ContactUpdate, if_match: str | None
) -> ContactOut:
    """Change a contact (``null`` clears an optional field); making it primary demotes the
    account's previous primary contact."""
    contact = await _contact(ctx, contact_id)
    check_version(contact, if_match)
    before = snapshot(contact)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if changes.get("is_primary") is True and not contact.is_primary:
        await _demote_primary(ctx, contact.account_id, keep=contact.id)
    for name, value in changes.items():
        setattr(contact, name, value)
    contact.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("crm.contact.updated", contact, before=before, after=snapshot(contact))
    return contact_view(contact)


async def delete_contact(ctx: Context, contact_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a contact; its activities stay on the account, no longer naming it."""
    contact = await _contact(ctx, contact_id)
    check_version(contact, if_match)
    before = snapshot(contact)
    # There is no ON DELETE SET NULL on the composite key: detach the activities first.
    await ctx.session.execute(
        update(Activity)
        .where(Activity.contact_id == contact.id)
        .values(contact_id=None, version=Activity.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    await ctx.session.delete(contact)
    await ctx.session.flush()
    ctx.audit("crm.contact.deleted", contact, before=before, target_id=contact_id)


async def contact_names(ctx: Context, contact_ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Names of the given contacts (one query)."""
    wanted = {c for c in contact_ids if c is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(wanted)))
    return {row.id: row.name for row in rows}
