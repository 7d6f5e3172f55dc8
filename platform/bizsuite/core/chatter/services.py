"""Chatter workflows: the feed of a record (notes and tracked changes), notes with mentions and
attachments, followers, and the inbox entries they cause.

A record is named by its type (its table, as the audit log names it: ``crm_accounts``) and id;
the type must be declared by an area (``ModuleSpec.record_types``) and the record must be the
caller's tenant's (404 otherwise, as for any other id).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec
from sqlalchemy import and_, or_, select, true

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.chatter import rules
from bizsuite.core.chatter.models import ChatterFollower, ChatterMessage, MessageKind
from bizsuite.core.chatter.schemas import (
    ChatterAttachment,
    ChatterChange,
    ChatterFeedEntry,
    ChatterFeedPage,
    ChatterFollowerList,
    ChatterFollowerOut,
    ChatterMessageOut,
    ChatterNoteCreate,
    ChatterNoteUpdate,
    ChatterPerson,
)
from bizsuite.core.clock import real_now
from bizsuite.core.context import Context, PrincipalKind, snapshot
from bizsuite.core.errors import ForbiddenProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.files import access
from bizsuite.core.files.models import StoredFile
from bizsuite.core.identity.members import granted_clause, members_named_in
from bizsuite.core.identity.models import Membership, Role
from bizsuite.core.identity.services import require_member, user_names
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.kit import RecordInfo, RecordType, registry
from bizsuite.web.i18n import N_, pgettext, service_messages
from bizsuite.web.i18n import gettext as _

#: Alert types of the chatter (their labels: the area's ``alert_kinds``).
MENTION_ALERT = "chatter.mention"
NOTE_ALERT = "chatter.note"
CHANGE_ALERT = "chatter.change"
#: Files attached to a note name it as their document.
ATTACHMENT_DOCUMENT = access.CHATTER_DOCUMENT
#: How far back the change announcer looks (it runs every minute; a worker stopped longer than
#: this loses announcements of changes, never their chatter entries).
ANNOUNCE_WINDOW = dt.timedelta(minutes=30)


# ---------------------------------------------------------------------------------------------
# Records


async def record_of(
    ctx: Context, target_type: str, target_id: uuid.UUID, *, field: str | None = None
) -> tuple[RecordType, RecordInfo]:
    """The declared record type and the record (404, or 422 naming ``field`` for a body reference,
    when the type is unknown, its module not the caller's, or the record not this tenant's)."""
    declared = registry().record_types.get(target_type)
    principal = ctx.principal
    system = principal.kind is PrincipalKind.OPERATOR  # background work for the tenant
    try:
        if declared is None or (
            declared.module and not system and not principal.can_use_module(declared.module)
        ):
            raise NotFoundProblem(f"No record of type {target_type!r} with id {target_id}.")
        return declared, await declared.load(ctx, target_id)
    except NotFoundProblem:
        if field is None:
            raise
        raise ValidationProblem.for_field(field, "no such record") from None


def _author(ctx: Context) -> tuple[uuid.UUID | None, str]:
    principal = ctx.principal
    name = principal.user.name if principal.user is not None else principal.label
    return principal.user_id, (name or principal.kind.value)[:200]


async def _creator(ctx: Context, target_type: str, target_id: uuid.UUID) -> uuid.UUID | None:
    """The person who created the record, from its audit entry (None for an API key or the system)."""
    return await ctx.session.scalar(
        select(AuditEntry.actor_id)
        .where(
            AuditEntry.target_type == target_type,
            AuditEntry.target_id == target_id,
            AuditEntry.action.like("%.created"),
            AuditEntry.actor_type == PrincipalKind.USER.value,
        )
        .order_by(AuditEntry.created_at)
        .limit(1)
    )


#: Why a member cannot be mentioned, follow or be assigned on a record.
NOT_GRANTED = N_("cannot see this record: its module is not granted to them")


def module_of_type(target_type: str) -> str | None:
    """The business module whose records ``target_type`` names (``None``: a kernel record)."""
    declared = registry().record_types.get(target_type)
    return declared.module if declared is not None else None


async def granted_members(
    ctx: Context, module: str | None, user_ids: Iterable[uuid.UUID | None]
) -> set[uuid.UUID]:
    """Of ``user_ids``, the tenant's members who may see a record of ``module``: owners and admins,
    or members granted it (every member for a kernel record; nobody when the tenant lacks it)."""
    wanted = [u for u in dict.fromkeys(user_ids) if u is not None]
    if not wanted or (module is not None and module not in ctx.tenant.modules):
        return set()
    statement = select(Membership.user_id).where(Membership.user_id.in_(wanted))
    if module is not None:
        statement = statement.where(granted_clause(module))
    return set((await ctx.session.scalars(statement)).all())


async def require_record_member(
    ctx: Context, target_type: str, user_id: uuid.UUID, *, field: str, source: str = "body"
) -> uuid.UUID:
    """A member named on a record (mentioned, added as a follower, assigned an activity) must be
    able to see it: 422 naming ``field`` for a non-member or a member without its module."""
    await require_member(ctx, user_id, field=field, source=source)
    if user_id not in await granted_members(ctx, module_of_type(target_type), [user_id]):
        raise ValidationProblem.for_field(field, NOT_GRANTED, source=source)
    return user_id


async def _default_followers(
    ctx: Context, target_type: str, target_id: uuid.UUID, info: RecordInfo
) -> list[uuid.UUID]:
    creator = await _creator(ctx, target_type, target_id)
    wanted = [*info.followers, *([creator] if creator else [])]
    members = set(
        (await ctx.session.scalars(select(Membership.user_id).where(Membership.user_id.in_(wanted)))).all()
    )
    return [u for u in dict.fromkeys(wanted) if u in members]


async def _choices(ctx: Context, target_type: str, target_id: uuid.UUID) -> dict[uuid.UUID, bool]:
    rows = await ctx.session.execute(
        select(ChatterFollower.user_id, ChatterFollower.following).where(
            ChatterFollower.target_type == target_type, ChatterFollower.target_id == target_id
        )
    )
    return {row.user_id: row.following for row in rows}


async def followers_of(
    ctx: Context, target_type: str, target_id: uuid.UUID, info: RecordInfo
) -> list[uuid.UUID]:
    """Who follows the record now (its owner and creator unless they unfollowed, and the rest),
    leaving out whoever may not see it (its module not granted to them, or no longer)."""
    defaults = await _default_followers(ctx, target_type, target_id, info)
    following = rules.effective_followers(defaults, await _choices(ctx, target_type, target_id))
    granted = await granted_members(ctx, module_of_type(target_type), following)
    return [u for u in following if u in granted]


# ---------------------------------------------------------------------------------------------
# Messages


async def _attachments(
    ctx: Context, message_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[ChatterAttachment]]:
    ids = list(message_ids)
    if not ids:
        return {}
    rows = (
        await ctx.session.scalars(
            select(StoredFile)
            .where(StoredFile.document_type == ATTACHMENT_DOCUMENT, StoredFile.document_id.in_(ids))
            .order_by(StoredFile.created_at, StoredFile.id)
        )
    ).all()
    found: dict[uuid.UUID, list[ChatterAttachment]] = {}
    for row in rows:
        assert row.document_id is not None
        found.setdefault(row.document_id, []).append(
            ChatterAttachment(id=row.id, name=row.name, content_type=row.content_type, size=row.size)
        )
    return found


async def message_views(ctx: Context, messages: Sequence[ChatterMessage]) -> list[ChatterMessageOut]:
    """Messages as views, with their mentioned members' names and attachments (two queries)."""
    names = await user_names(ctx, [u for m in messages for u in m.mentioned_user_ids])
    files = await _attachments(ctx, [m.id for m in messages])
    return [
        ChatterMessageOut(
            id=m.id,
            target_type=m.target_type,
            target_id=m.target_id,
            kind=m.kind,
            body=m.body,
            author_user_id=m.author_user_id,
            author=m.author_label,
            mentions=[ChatterPerson(id=u, name=names.get(u, "—")) for u in m.mentioned_user_ids],
            attachments=files.get(m.id, []),
            created_at=m.created_at,
            updated_at=m.updated_at,
            version=m.version,
        )
        for m in messages
    ]


async def _attach(ctx: Context, message: ChatterMessage, file_ids: Sequence[uuid.UUID]) -> None:
    for file_id in dict.fromkeys(file_ids):
        stored = await fetch_reference(ctx.session, StoredFile, file_id, field="file_ids")
        if stored.document_type is not None and (
            stored.document_type != ATTACHMENT_DOCUMENT or stored.document_id != message.id
        ):
            raise ValidationProblem.for_field("file_ids", "the file is attached to another record")
        stored.document_type = ATTACHMENT_DOCUMENT
        stored.document_id = message.id


async def _set_following(
    ctx: Context, target_type: str, target_id: uuid.UUID, user_id: uuid.UUID, following: bool
) -> None:
    row = await ctx.session.scalar(
        select(ChatterFollower).where(
            ChatterFollower.target_type == target_type,
            ChatterFollower.target_id == target_id,
            ChatterFollower.user_id == user_id,
        )
    )
    if row is None:
        ctx.session.add(
            ChatterFollower(
                target_type=target_type,
                target_id=target_id,
                user_id=user_id,
                following=following,
            )
        )
    else:
        row.following = following
    await ctx.session.flush()


async def post_message(
    ctx: Context,
    target_type: str,
    target_id: uuid.UUID,
    body: str,
    *,
    kind: MessageKind = MessageKind.NOTE,
    mention_ids: Sequence[uuid.UUID] = (),
    file_ids: Sequence[uuid.UUID] = (),
) -> ChatterMessageOut:
    """Post a message on a record (checked), tell the mentioned members and the followers through
    their inbox with a link to the record, and make its author a follower."""
    declared, info = await record_of(ctx, target_type, target_id)
    for user_id in dict.fromkeys(mention_ids):
        await require_record_member(ctx, target_type, user_id, field="mention_ids")
    named = rules.mentioned_in(body, await members_named_in(ctx, body)) if "@" in body else []
    if set(named) - await granted_members(ctx, declared.module, named):
        # Telling someone about a record they may not open would show them its name and the note.
        raise ValidationProblem.for_field("body", NOT_GRANTED)
    mentioned = list(dict.fromkeys([*mention_ids, *named]))
    author_user_id, author_label = _author(ctx)
    message = ChatterMessage(
        target_type=target_type,
        target_id=target_id,
        kind=kind,
        body=body,
        author_user_id=author_user_id,
        author_label=author_label,
        mentioned_user_ids=mentioned,
    )
    ctx.session.add(message)
    await ctx.session.flush()
    await _attach(ctx, message, file_ids)
    ctx.audit("chatter_message.created", message, after=snapshot(message))
    followers = await followers_of(ctx, target_type, target_id, info)
    if author_user_id is not None and author_user_id not in followers:
        await _set_following(ctx, target_type, target_id, author_user_id, True)
    to_mention, to_follow = rules.note_audiences(
        author=author_user_id, mentioned=mentioned, followers=followers
    )
    params = {"author": author_label, "record": info.label}
    excerpt = body if len(body) <= 300 else body[:299] + "…"
    if to_mention:
        await raise_alert(
            ctx,
            alert_type=MENTION_ALERT,
            severity=Severity.INFO,
            title_msgid=N_("%(author)s mentioned you on %(record)s"),
            body=excerpt,
            target_type=declared.target_type,
            target_id=target_id,
            dedup_key=f"{MENTION_ALERT}:{message.id}",
            recipients=to_mention,
            params=params,
        )
    if to_follow:
        await raise_alert(
            ctx,
            alert_type=NOTE_ALERT,
            severity=Severity.INFO,
            title_msgid=(
                N_("%(author)s wrote a note on %(record)s")
                if kind is MessageKind.NOTE
                else N_("%(author)s finished an activity on %(record)s")
            ),
            body=excerpt,
            target_type=declared.target_type,
            target_id=target_id,
            dedup_key=f"{NOTE_ALERT}:{message.id}",
            recipients=to_follow,
            params=params,
        )
    return (await message_views(ctx, [message]))[0]


async def create_note(
    ctx: Context, target_type: str, target_id: uuid.UUID, data: ChatterNoteCreate
) -> ChatterMessageOut:
    """Write a note on a record, mentioning members and attaching uploaded files."""
    return await post_message(
        ctx, target_type, target_id, data.body, mention_ids=data.mention_ids, file_ids=data.file_ids
    )


async def _message(ctx: Context, message_id: uuid.UUID) -> ChatterMessage:
    message = await fetch(ctx.session, ChatterMessage, message_id, what="chatter message")
    await record_of(ctx, message.target_type, message.target_id)  # the record's module must be the caller's
    return message


async def get_message(ctx: Context, message_id: uuid.UUID) -> ChatterMessageOut:
    """One message or 404."""
    return (await message_views(ctx, [await _message(ctx, message_id)]))[0]


def _is_author(ctx: Context, message: ChatterMessage) -> bool:
    if message.author_user_id is not None:
        return ctx.principal.user_id == message.author_user_id
    return (
        ctx.principal.user_id is None
        and bool(ctx.principal.label)
        and ctx.principal.label == message.author_label
    )


async def update_message(
    ctx: Context, message_id: uuid.UUID, data: ChatterNoteUpdate, if_match: str | None
) -> ChatterMessageOut:
    """Change a note's text (its author only; mentions are told once, when it is written)."""
    message = await _message(ctx, message_id)
    if message.kind is not MessageKind.NOTE or not _is_author(ctx, message):
        raise ForbiddenProblem("Only the author can change this note.")
    check_version(message, if_match)
    before = snapshot(message)
    if data.body is not msgspec.UNSET:
        message.body = data.body
    await ctx.session.flush()
    ctx.audit("chatter_message.updated", message, before=before, after=snapshot(message))
    return (await message_views(ctx, [message]))[0]


async def delete_message(ctx: Context, message_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a message (its author, or a manager and above); its attachments are detached."""
    message = await _message(ctx, message_id)
    manager = ctx.principal.role is not None and ctx.principal.role.at_least(Role.MANAGER)
    if not (manager or _is_author(ctx, message)):
        raise ForbiddenProblem("Only the author or a manager can delete this note.")
    check_version(message, if_match)
    before = snapshot(message)
    files = (
        await ctx.session.scalars(
            select(StoredFile).where(
                StoredFile.document_type == ATTACHMENT_DOCUMENT, StoredFile.document_id == message.id
            )
        )
    ).all()
    for stored in files:
        stored.document_type = None
        stored.document_id = None
    await ctx.session.delete(message)
    await ctx.session.flush()
    ctx.audit("chatter_message.deleted", message, before=before, target_id=message_id)


# ---------------------------------------------------------------------------------------------
# The feed


def _label(msgid: str) -> str:
    """A declared label in the reader's language (``"context\\x04msgid"`` uses the context)."""
    if "\x04" in msgid:
        context, message = msgid.split("\x04", 1)
        return pgettext(context, message)
    return _(msgid)


def _shown(value: Any, choices: dict[str, str], names: dict[uuid.UUID, str]) -> str:
    """A stored value as a reader sees it: a choice's label, a person's name, yes/no, or the value."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    text = str(value)
    if text in choices:
        return _label(choices[text])
    try:
        person = names.get(uuid.UUID(text))
    except ValueError:
        person = None
    return person or text


def _uuid_values(changes: Iterable[rules.FieldChange]) -> set[uuid.UUID]:
    found = set()
    for change in changes:
        for value in (change.old, change.new):
            try:
                found.add(uuid.UUID(str(value)))
            except ValueError:
                continue
    return found


async def change_views(
    ctx: Context, declared: RecordType, entries: Sequence[AuditEntry]
) -> dict[uuid.UUID, list[ChatterChange]]:
    """Each audit entry's tracked changes as ``field: old → new``, labelled in the reader's language."""
    raw = {e.id: rules.tracked_changes(e.before, e.after, declared.tracked) for e in entries}
    names = await user_names(ctx, {u for changes in raw.values() for u in _uuid_values(changes)})
    return {
        entry_id: [
            ChatterChange(
                field=c.field,
                label=_label(declared.tracked[c.field]),
                old=_shown(c.old, dict(declared.choices.get(c.field, {})), names),
                new=_shown(c.new, dict(declared.choices.get(c.field, {})), names),
                old_value=c.old,
                new_value=c.new,
            )
            for c in changes
        ]
        for entry_id, changes in raw.items()
    }


async def list_feed(
    ctx: Context, target_type: str, target_id: uuid.UUID, *, limit: int, cursor: str | None
) -> ChatterFeedPage:
    """A page of the record's chatter, newest first: notes, finished activities, tracked changes
    and its creation (the last two read from the audit log)."""
    declared, _info = await record_of(ctx, target_type, target_id)
    after = decode_cursor(cursor, dt.datetime, uuid.UUID) if cursor else None

    def below(time_column: Any, id_column: Any) -> Any:
        if after is None:
            return true()
        return or_(time_column < after[0], and_(time_column == after[0], id_column < after[1]))

    messages = (
        await ctx.session.scalars(
            select(ChatterMessage)
            .where(
                ChatterMessage.target_type == target_type,
                ChatterMessage.target_id == target_id,
                below(ChatterMessage.created_at, ChatterMessage.id),
            )
            .order_by(ChatterMessage.created_at.desc(), ChatterMessage.id.desc())
            .limit(limit + 1)
        )
    ).all()
    audited = (
        await ctx.session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.target_type == target_type,
                AuditEntry.target_id == target_id,
                or_(
                    and_(AuditEntry.before.is_not(None), AuditEntry.after.is_not(None)),
                    AuditEntry.action.like("%.created"),
                ),
                below(AuditEntry.created_at, AuditEntry.id),
            )
            .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
            .limit(limit + 1)
        )
    ).all()
    changes = await change_views(ctx, declared, audited)
    actors = await _actor_names(ctx, audited)
    views = {v.id: v for v in await message_views(ctx, messages)}
    message_entries = [
        (
            (m.created_at, m.id),
            ChatterFeedEntry(
                kind=m.kind.value,
                id=m.id,
                occurred_at=m.created_at,
                author=m.author_label,
                message=views[m.id],
            ),
        )
        for m in messages
    ]
    audit_entries = [
        (
            (e.created_at, e.id),
            ChatterFeedEntry(
                kind="created" if e.before is None else "change",
                id=e.id,
                occurred_at=e.created_at,
                author=actors.get(e.id),
                changes=changes[e.id],
            ),
        )
        for e in audited
        if e.before is None or changes[e.id]
    ]
    items, next_key = rules.merge_page(
        [
            rules.Source(
                [(m.created_at, m.id) for m in messages], message_entries, full=len(messages) > limit
            ),
            rules.Source([(e.created_at, e.id) for e in audited], audit_entries, full=len(audited) > limit),
        ],
        limit=limit,
    )
    return ChatterFeedPage(items=items, next_cursor=encode_cursor(*next_key) if next_key else None)


async def _actor_names(ctx: Context, entries: Sequence[AuditEntry]) -> dict[uuid.UUID, str]:
    from bizsuite.core.audit.services import actor_names

    return await actor_names(ctx, entries)


# ---------------------------------------------------------------------------------------------
# Followers


async def list_followers(ctx: Context, target_type: str, target_id: uuid.UUID) -> ChatterFollowerList:
    """Who follows the record (owner and creator by default), and whether the caller does."""
    _declared, info = await record_of(ctx, target_type, target_id)
    defaults = await _default_followers(ctx, target_type, target_id, info)
    following = await followers_of(ctx, target_type, target_id, info)
    names = await user_names(ctx, following)
    return ChatterFollowerList(
        items=[
            ChatterFollowerOut(user_id=u, name=names.get(u, "—"), by_default=u in defaults) for u in following
        ],
        following=ctx.principal.user_id in following,
    )


def _whom(ctx: Context, user_id: uuid.UUID | None) -> uuid.UUID:
    if user_id is not None:
        return user_id
    if ctx.principal.user_id is None:
        raise ValidationProblem.for_field("user_id", "an API key must name the member")
    return ctx.principal.user_id


async def follow(
    ctx: Context, target_type: str, target_id: uuid.UUID, user_id: uuid.UUID | None
) -> ChatterFollowerList:
    """Follow the record (the caller, or a member they add)."""
    await record_of(ctx, target_type, target_id)
    whom = await require_record_member(ctx, target_type, _whom(ctx, user_id), field="user_id")
    await _set_following(ctx, target_type, target_id, whom, True)
    ctx.audit(
        "chatter_follower.created",
        None,
        target_type=target_type,
        target_id=target_id,
        after={"user_id": str(whom)},
    )
    return await list_followers(ctx, target_type, target_id)


async def unfollow(
    ctx: Context, target_type: str, target_id: uuid.UUID, user_id: uuid.UUID
) -> ChatterFollowerList:
    """Stop following the record (yourself; a manager and above may remove anyone)."""
    await record_of(ctx, target_type, target_id)
    manager = ctx.principal.role is not None and ctx.principal.role.at_least(Role.MANAGER)
    if user_id != ctx.principal.user_id and not manager:
        raise ForbiddenProblem("Only a manager can remove another member from the followers.")
    await require_member(ctx, user_id, field="user_id", source="path")
    await _set_following(ctx, target_type, target_id, user_id, False)
    ctx.audit(
        "chatter_follower.deleted",
        None,
        target_type=target_type,
        target_id=target_id,
        before={"user_id": str(user_id)},
    )
    return await list_followers(ctx, target_type, target_id)


# ---------------------------------------------------------------------------------------------
# Announcing tracked changes to followers (a periodic job)


async def announce_changes(ctx: Context) -> int:
    """Tell the followers of each record of a declared type about its recent tracked changes
    (everyone but the person who made them), each change once; returns how many it announced."""
    declared = registry().record_types
    if not declared:
        return 0
    since = real_now() - ANNOUNCE_WINDOW
    entries = (
        await ctx.session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.created_at >= since,
                AuditEntry.target_type.in_(list(declared)),
                AuditEntry.before.is_not(None),
                AuditEntry.after.is_not(None),
            )
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
    ).all()
    from bizsuite.core.alerts.models import Alert

    keys = {f"{CHANGE_ALERT}:{e.id}" for e in entries}
    done = set((await ctx.session.scalars(select(Alert.dedup_key).where(Alert.dedup_key.in_(keys)))).all())
    announced = 0
    for entry in entries:
        record_type = declared[entry.target_type]
        if f"{CHANGE_ALERT}:{entry.id}" in done or entry.target_id is None:
            continue
        changes = (await change_views(ctx, record_type, [entry]))[entry.id]
        if not changes:
            continue
        try:
            info = await record_type.load(ctx, entry.target_id)
        except NotFoundProblem:
            continue  # deleted since
        followers = await followers_of(ctx, entry.target_type, entry.target_id, info)
        recipients = [u for u in followers if u != entry.actor_id]
        if not recipients:
            continue
        await raise_alert(
            ctx,
            alert_type=CHANGE_ALERT,
            severity=Severity.INFO,
            title_msgid=N_("%(record)s changed: %(fields)s"),
            body="\n".join(f"{c.label}: {c.old} → {c.new}" for c in changes),
            target_type=entry.target_type,
            target_id=entry.target_id,
            dedup_key=f"{CHANGE_ALERT}:{entry.id}",
            recipients=recipients,
            params={"record": info.label, "fields": ", ".join(c.label for c in changes)},
        )
        announced += 1
    return announced


#: Field messages of the chatter and activities services, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    NOT_GRANTED,
    N_("the file is attached to another record"),
    N_("an API key must name the member"),
)
