"""The global search: every search provider the caller may use, one group of hits each."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.params import QueryParameter

from bizsuite.core.context import Context, tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.kit import registry

#: The longest search text (the API refuses more; the pages and providers keep this much).
SEARCH_MAX = 200


def clean_search_text(raw: object) -> str:
    """The search text as typed, without what the API's parameter refuses (NUL, beyond
    :data:`SEARCH_MAX` characters) and the spaces around it."""
    return str(raw or "").replace("\x00", "").strip()[:SEARCH_MAX]


SearchText = Annotated[
    str,
    QueryParameter(
        min_length=1,
        max_length=SEARCH_MAX,
        pattern=r"^[^\x00]*$",
        description="What to look for (a name, a code...).",
    ),
]
SearchLimit = Annotated[int, QueryParameter(ge=1, le=50, description="At most this many hits per group.")]
SearchKind = Annotated[
    str | None,
    QueryParameter(max_length=64, description="Only this kind of record (a group's key, e.g. crm.accounts)."),
]
DEFAULT_SEARCH_LIMIT = 5


class SearchHitOut(msgspec.Struct, kw_only=True):
    """One record found: its title, its page and a short detail."""

    title: str
    href: str
    detail: str


class SearchGroup(msgspec.Struct, kw_only=True):
    """The hits of one kind of record."""

    key: str
    label: str
    hits: list[SearchHitOut]
    #: Whether this kind has more hits than the limit (search it alone with ``kind`` to see more).
    more: bool = False


class SearchResults(msgspec.Struct, kw_only=True):
    """The groups that found something, in the order the areas are loaded."""

    q: str
    groups: list[SearchGroup]


async def run_search(ctx: Context, text: str, limit: int, *, kind: str | None = None) -> SearchResults:
    """Ask each provider the caller may use (or only ``kind``'s) for at most ``limit`` hits, and
    whether there are more; groups without hits are left out."""
    text = clean_search_text(text)
    groups: list[SearchGroup] = []
    if text:
        for provider in registry().searchable(ctx.principal):
            if kind is not None and provider.key != kind:
                continue
            hits = await provider.search(ctx, text, limit + 1)
            if hits:
                groups.append(
                    SearchGroup(
                        key=provider.key,
                        label=provider.label,
                        hits=[
                            SearchHitOut(title=h.title, href=h.href, detail=h.detail) for h in hits[:limit]
                        ],
                        more=len(hits) > limit,
                    )
                )
    return SearchResults(q=text, groups=groups)


class SearchController(Controller):
    """One search over the records of every area the caller may use."""

    path = "/api/v1/search"
    tags = ["system"]
    guards = [tenant_guard]
    opt = {"min_role": Role.VIEWER}

    @get(operation_id="search", summary="Search")
    async def search(
        self, ctx: Ctx, q: SearchText, limit: SearchLimit = DEFAULT_SEARCH_LIMIT, kind: SearchKind = None
    ) -> SearchResults:
        """Search the records of every area the caller may use (anywhere in names and codes, any
        case), grouped by kind of record; ``more`` says a group has more than ``limit`` hits."""
        return await run_search(ctx, q, limit, kind=kind)
