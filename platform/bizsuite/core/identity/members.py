"""Member pickers that stay small whatever the tenant's size.

Every form field that names a member (an owner, an assignee, a steward, a filter by person, a
mention) is built from one :class:`MemberChoices`, made by :func:`member_choices` with one bounded
query: a tenant of at most :data:`INLINE_MEMBERS` people gets them all (the page shows a plain
select), a larger one gets none but the names of the members the page shows as chosen, and the
field asks :func:`find_members` (``GET /members/options``) for a few matches as the user types.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import msgspec
from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select

from bizsuite.core.context import Context
from bizsuite.core.identity.models import Membership, Role, User
from bizsuite.core.identity.services import user_names

#: Up to this many members a picker lists them all (a plain select, no script needed); beyond,
#: it is a combobox asking the server as one types.
INLINE_MEMBERS = 100
#: How many matches one question returns.
OPTION_LIMIT = 20
#: A question is cut to this many words of at most this many characters.
MAX_WORDS = 5
MAX_WORD = 100
#: At most this many members a picker leaves out of its choices (a request's author and approver).
MAX_EXCLUDED = 10


class MemberOption(msgspec.Struct, frozen=True):
    """One member offered by a picker."""

    id: uuid.UUID
    name: str
    email: str


class MemberOptions(msgspec.Struct, frozen=True):
    """The members matching what was typed, by name (``more``: others match too, type more)."""

    items: list[MemberOption]
    more: bool


@dataclass(frozen=True, slots=True)
class MemberChoices:
    """What a member field renders: every member (``inline``, by name) in a small tenant, else
    ``None`` and the names of the members the page shows as chosen (``named``, by id as text)."""

    inline: list[tuple[uuid.UUID, str]] | None
    named: Mapping[str, str] = field(default_factory=dict)
    #: The business module the chosen member must be granted (``None``: any member).
    module: str | None = None
    #: The inline members' emails, by id as text (a field that shows them: ``offered``).
    emails: Mapping[str, str] = field(default_factory=dict)

    def name(self, user_id: Any) -> str:
        """The name of a chosen member (``""`` for none or an unknown id)."""
        key = str(user_id) if user_id not in (None, "") else ""
        if not key:
            return ""
        if key in self.named:
            return self.named[key]
        return next((name for uid, name in self.inline or () if str(uid) == key), "")

    def pairs(self, blank: str | None = None) -> list[tuple[str, str]]:
        """``(id, name)`` pairs to label values with (a conflict's saved value): every member in a
        small tenant, the named ones in a large one; ``blank`` labels the empty value."""
        known = self.inline if self.inline is not None else list(self.named.items())
        return [*([("", blank)] if blank is not None else []), *((str(u), n) for u, n in known)]

    def offered(self, exclude: Iterable[Any] = (), *, emails: bool = False) -> list[tuple[uuid.UUID, str]]:
        """The inline members a field offers (``[]`` in a large tenant): all but ``exclude`` (ids),
        labelled ``name · email`` with ``emails`` (where two people may share a name)."""
        left_out = {str(v) for v in exclude if v not in (None, "")}
        return [
            (uid, f"{name} · {self.emails.get(str(uid), '')}" if emails else name)
            for uid, name in self.inline or ()
            if str(uid) not in left_out
        ]


def granted_clause(module: str) -> ColumnElement[bool]:
    """Memberships that may see a record of ``module``: owners and admins, or granted it."""
    return or_(Membership.role.in_([Role.OWNER, Role.ADMIN]), Membership.module_grants.contains([module]))


def _members(ctx: Context, module: str | None) -> Select[uuid.UUID, str, str] | None:
    """The tenant's members (granted ``module``, if named) as ``id, name, email``; ``None`` when
    nobody can be: the tenant lacks the module."""
    if module is not None and module not in ctx.tenant.modules:
        return None
    statement = select(User.id, User.name, User.email).join(Membership, Membership.user_id == User.id)
    return statement.where(granted_clause(module)) if module is not None else statement


def _uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


async def member_choices(
    ctx: Context, *, module: str | None = None, selected: Iterable[Any] = ()
) -> MemberChoices:
    """The members a page's member fields offer (granted ``module`` when the field is for one of
    its records): all of them when there are at most :data:`INLINE_MEMBERS`, else only the names
    of ``selected`` (the ids the page shows as chosen). Two bounded queries at most."""
    statement = _members(ctx, module)
    if statement is None:
        return MemberChoices(inline=[], module=module)
    rows = (await ctx.session.execute(statement.order_by(User.name, User.id).limit(INLINE_MEMBERS + 1))).all()
    if len(rows) <= INLINE_MEMBERS:
        return MemberChoices(
            inline=[(row.id, row.name) for row in rows],
            module=module,
            emails={str(row.id): row.email for row in rows},
        )
    wanted = {u for u in (_uuid(v) for v in selected) if u is not None}
    names = await user_names(ctx, wanted)
    return MemberChoices(inline=None, named={str(k): v for k, v in names.items()}, module=module)


def search_words(text: str) -> list[str]:
    """The words of a typed question, lower-cased (at most :data:`MAX_WORDS`, each cut to
    :data:`MAX_WORD` characters); every one must match."""
    return [w[:MAX_WORD] for w in text.casefold().split()[:MAX_WORDS]]


def like_escaped(word: str) -> str:
    """``word`` for a LIKE pattern, its wildcards taken literally (escape character ``\\``)."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def find_members(
    ctx: Context,
    text: str,
    *,
    module: str | None = None,
    exclude: Iterable[uuid.UUID] = (),
    limit: int = OPTION_LIMIT,
) -> MemberOptions:
    """The tenant's members whose name or email contains every word typed (case-insensitive),
    those starting with the first word first, then by name; at most ``limit``, none of
    ``exclude`` (the first :data:`MAX_EXCLUDED` ids)."""
    statement = _members(ctx, module)
    if statement is None:
        return MemberOptions(items=[], more=False)
    left_out = list(exclude)[:MAX_EXCLUDED]
    if left_out:
        statement = statement.where(User.id.not_in(left_out))
    words = search_words(text)
    for word in words:
        pattern = f"%{like_escaped(word)}%"
        statement = statement.where(
            or_(User.name.ilike(pattern, escape="\\"), User.email.ilike(pattern, escape="\\"))
        )
    rank: ColumnElement[int] = literal(0)
    if words:
        first = like_escaped(words[0])
        rank = case(
            (
                or_(
                    User.name.ilike(f"{first}%", escape="\\"),
                    User.name.ilike(f"% {first}%", escape="\\"),
                    User.email.ilike(f"{first}%", escape="\\"),
                ),
                0,
            ),
            else_=1,
        )
    rows = (await ctx.session.execute(statement.order_by(rank, User.name, User.id).limit(limit + 1))).all()
    return MemberOptions(
        items=[MemberOption(id=row.id, name=row.name, email=row.email) for row in rows[:limit]],
        more=len(rows) > limit,
    )


async def members_named_in(ctx: Context, body: str) -> dict[uuid.UUID, str]:
    """The members whose name follows an ``@`` somewhere in ``body`` (case-insensitive): the only
    ones a note can mention, found without reading every member."""
    if "@" not in body:
        return {}
    rows = await ctx.session.execute(
        select(User.id, User.name)
        .join(Membership, Membership.user_id == User.id)
        .where(
            User.name != "",
            func.strpos(func.lower(literal(body)), func.concat("@", func.lower(User.name))) > 0,
        )
    )
    return {row.id: row.name for row in rows}
