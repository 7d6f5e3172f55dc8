"""The one list component every module's list pages use.

A module describes a list once as a :class:`ListSpec` (its columns: label, export kind, the SQL
it sorts and groups on; its filters; its bulk actions). This module then:

- reads the list's state from the query string (:func:`list_state`): sort (``sort=-name``),
  chosen columns (``col=code&col=name``), grouping (``group=owner``), paging (``cursor`` for the
  next page, ``before`` for the previous one, ``at`` the first row's number), leniently on a page
  and strictly (a 400-class problem naming the parameter) for the API;
- builds the list's SQL on the request's connection (:class:`SqlWhere`, :func:`fetch_page`,
  :func:`count_rows`, :func:`group_totals`): keyset pagination on the sort key with the id as
  tiebreak (deep pages cost what the first does), the total count, group subtotals (count and
  sums of money columns) over the whole filtered list, not only the page;
- gives the template what ``partials/list.html`` draws (:func:`list_context`);
- exports the view (its columns, sort, filters, or the selected rows) through the one export path
  of :mod:`bizsuite.web.exports`: a list declares its rows once with :func:`list_export_source`
  and its export route answers with ``exports.export_view(ctx, request, source,
  list_export(spec, query, filters))``, so up to the inline limit the file comes back at once and
  beyond it a background job writes the whole view (never a cut file). The selection (``ids``)
  is a condition of the list's SQL (:func:`fetch_page`), never a filter over fetched rows.

Search anywhere in a text (:func:`contains_pattern`) is a lower-cased ``LIKE '%text%'`` that a
``pg_trgm`` GIN index on the same lower-cased expression answers (see docs/lists.md).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import urlencode

import msgspec
from sqlalchemy import ColumnElement, func, or_

from bizsuite.core.errors import ProblemError, ValidationProblem
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.web import exports
from bizsuite.web.i18n import gettext as _

if TYPE_CHECKING:
    from bizsuite.core.context import Context
    from bizsuite.core.identity.models import Role

RowT = TypeVar("RowT")
FiltersT = TypeVar("FiltersT", bound=msgspec.Struct)

#: Query parameters the list component owns (a module's filters are its own).
SORT, COLUMNS, GROUP, CURSOR, BEFORE, AT, VIEW = "sort", "col", "group", "cursor", "before", "at", "view"
#: Parameters that describe a place in the list, not the view: left out of saved views and exports.
PAGING = (CURSOR, BEFORE, AT)
_LIKE_ESCAPE = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})


@dataclass(frozen=True, slots=True)
class ListColumn:
    """One column of a list.

    ``kind`` is the export's cell type (text, int, money, decimal, percent, date, datetime).
    ``sort`` is the SQL expression the column sorts on (never NULL; ``None``: not sortable) and
    ``sort_type`` its Python type (for the cursor); ``group`` the SQL expression it groups on.
    """

    key: str
    #: A msgid (``N_()``), translated when shown.
    label: str
    kind: str = "text"
    sort: str | None = None
    sort_type: type = str
    group: str | None = None
    #: Shown until the user chooses columns; other columns are offered in the chooser.
    default: bool = True

    @property
    def numeric(self) -> bool:
        """Whether the column holds a number (right-aligned, summed in group rows when money)."""
        return self.kind in ("int", "money", "decimal", "percent")


@dataclass(frozen=True, slots=True)
class BulkAction:
    """An action on the selected rows (``assign``, ``archive``, ``export``)."""

    key: str
    label: str
    min_role: Role | None = None


@dataclass(frozen=True)
class ListSpec:
    """A list as a module declares it once: its key (saved views), page path, columns, filters."""

    key: str
    path: str
    columns: tuple[ListColumn, ...]
    #: The default order: a sortable column's key, ``-`` first for descending.
    default_sort: str
    #: The module's own filter parameters (kept in links, saved views and exports).
    filters: tuple[str, ...] = ()
    bulk_actions: tuple[BulkAction, ...] = ()
    page_size: int = 50
    #: The SQL expression of the row id (the keyset tiebreak).
    id_sql: str = "id"

    def column(self, key: str) -> ListColumn | None:
        """The column named ``key``, if the list has it."""
        return next((c for c in self.columns if c.key == key), None)

    @property
    def sortable(self) -> list[ListColumn]:
        """Columns a header click sorts by."""
        return [c for c in self.columns if c.sort is not None]

    @property
    def groupable(self) -> list[ListColumn]:
        """Columns the list can be grouped by."""
        return [c for c in self.columns if c.group is not None]


@dataclass(frozen=True, slots=True)
class ListState:
    """Where the user is in a list: the sort, the columns shown, the grouping and the page."""

    sort: str
    descending: bool
    columns: tuple[str, ...]
    group: str | None = None
    cursor: str | None = None
    before: str | None = None
    #: The number of the page's first row (1 on the first page).
    at: int = 1
    #: Only these rows (the selection an export or a page was asked for); ``None``: every row.
    ids: frozenset[uuid.UUID] | None = None

    @property
    def sort_param(self) -> str:
        """The sort as the query string writes it (``-name``)."""
        return ("-" if self.descending else "") + self.sort


def _problem(name: str, message: str) -> ProblemError:
    return ValidationProblem.for_field(name, message, source="query")


def _values(query: Mapping[str, Any], name: str) -> list[str]:
    getall = getattr(query, "getall", None)
    if getall is not None:
        return [str(v) for v in getall(name, [])]
    value = query.get(name)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def list_state(spec: ListSpec, query: Mapping[str, Any], *, strict: bool = False) -> ListState:
    """Read the list's state from ``query``: a page ignores what it cannot use (a stale link still
    shows the list); the API (``strict``) answers 400 naming the parameter. A page's ``ids``
    (the selected rows, :func:`selected_ids`) narrow the list in its SQL."""
    sort = (query.get(SORT) or spec.default_sort).strip()
    descending = sort.startswith("-")
    column = spec.column(sort.lstrip("-"))
    if column is None or column.sort is None:
        if strict and query.get(SORT):
            choices = ", ".join(c.key for c in spec.sortable)
            raise _problem(SORT, f"must be one of {choices}, with '-' first for descending")
        sort = spec.default_sort
        descending = sort.startswith("-")
        column = spec.column(sort.lstrip("-"))
    assert column is not None, f"{spec.key}: the default sort is not a sortable column"
    chosen = tuple(key for key in _values(query, COLUMNS) for c in spec.columns if c.key == key)
    columns = chosen or tuple(c.key for c in spec.columns if c.default)
    group = query.get(GROUP) or None
    if group is not None and (spec.column(group) is None or spec.column(group).group is None):  # type: ignore[union-attr]
        if strict:
            raise _problem(GROUP, "must be one of " + ", ".join(c.key for c in spec.groupable))
        group = None
    try:
        at = max(1, int(query.get(AT) or 1))
    except ValueError:
        at = 1
    return ListState(
        sort=column.key,
        descending=descending,
        columns=columns,
        group=group,
        cursor=query.get(CURSOR) or None,
        before=query.get(BEFORE) or None,
        at=at,
        ids=None if strict or (chosen_ids := selected_ids(query)) is None else frozenset(chosen_ids),
    )


def selected_ids(query: Mapping[str, Any]) -> set[uuid.UUID] | None:
    """The ``ids`` of the selected rows (an export of the selection; ids that are not UUIDs are
    left out), or None for the whole view."""
    raw = _values(query, "ids")
    if not raw:
        return None
    ids = set()
    for value in raw:
        try:
            ids.add(uuid.UUID(value))
        except ValueError:
            continue
    return ids


def contains_pattern(text: str) -> str:
    """``text`` as a case-insensitive ``LIKE`` pattern matching it anywhere (``\\`` escapes)."""
    return "%" + text.replace("\x00", "").strip().lower().translate(_LIKE_ESCAPE) + "%"


def anywhere(text: str, *columns: Any) -> ColumnElement[bool]:
    """``text`` anywhere in one of the columns, any case (:func:`contains_pattern`), for an ORM
    query; a list's SQL uses :func:`contains_pattern` on its search expression instead."""
    pattern = contains_pattern(text)
    return or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))


class SqlWhere:
    """The conditions of a list query with their bound parameters (``$1`` is the tenant id: the
    explicit tenant condition, besides row-level security, lets the planner use tenant indexes)."""

    def __init__(self, tenant_id: uuid.UUID) -> None:
        self.params: list[Any] = [tenant_id]
        self.conditions: list[str] = []

    def bind(self, value: Any) -> str:
        """Add a parameter; return its placeholder."""
        self.params.append(value)
        return f"${len(self.params)}"

    def where(self, condition: str, *values: Any) -> None:
        """Add a condition; its ``{}`` placeholders take ``values`` in order."""
        self.conditions.append(condition.format(*(self.bind(v) for v in values)))

    def sql(self, tenant_column: str = "tenant_id") -> str:
        """The ``WHERE`` clause."""
        return " WHERE " + " AND ".join([f"{tenant_column} = $1", *self.conditions])

    def copy(self) -> SqlWhere:
        """An independent copy (a page query adds its keyset condition to its own)."""
        other = SqlWhere(self.params[0])
        other.params, other.conditions = list(self.params), list(self.conditions)
        return other


@dataclass(slots=True)
class ListPage(Generic[RowT]):
    """A page of a list: its rows, cursors both ways and the number of its first row."""

    items: list[RowT]
    next_cursor: str | None
    previous_cursor: str | None
    at: int = 1


def _group_sql(expression: str) -> str:
    return f"COALESCE(({expression})::text, '')"


def _key_sql(spec: ListSpec, state: ListState) -> tuple[list[str], list[type]]:
    column = spec.column(state.sort)
    assert column is not None and column.sort is not None
    keys, kinds = [column.sort, spec.id_sql], [column.sort_type, uuid.UUID]
    if state.group is not None:
        group = spec.column(state.group)
        assert group is not None and group.group is not None
        keys, kinds = [_group_sql(group.group), *keys], [str, *kinds]
    return keys, kinds


async def fetch_page(
    ctx: Context,
    spec: ListSpec,
    state: ListState,
    *,
    select: str,
    source: str,
    where: SqlWhere,
    row: Callable[[Any], RowT],
    limit: int | None = None,
) -> ListPage[RowT]:
    """One page of ``SELECT <select>, <sort key...> FROM <source> WHERE ...`` in the state's
    order, keyset on (group, sort, id): ``cursor`` pages forward, ``before`` back.

    ``row`` builds an item from a result row's ``select`` columns (the sort key's values, which
    follow them, make the cursors).
    """
    limit = limit or spec.page_size
    keys, kinds = _key_sql(spec, state)
    scoped = where.copy()
    if state.ids is not None:
        scoped.where(f"{spec.id_sql} = ANY({{}})", sorted(state.ids))
    backwards = state.before is not None and state.cursor is None
    descending = state.descending != backwards  # read backwards: the reverse order, then flip
    cursor = state.before if backwards else state.cursor
    if cursor:
        values = decode_cursor(cursor, *kinds)
        placeholders = ", ".join(scoped.bind(v) for v in values)
        scoped.conditions.append(f"({', '.join(keys)}) {'<' if descending else '>'} ({placeholders})")
    direction = " DESC" if descending else ""
    order = ", ".join(k + direction for k in keys)
    # The SQL text comes from the module's ListSpec only; every value is a bound parameter.
    limit_placeholder = scoped.bind(limit + 1)
    sql = "".join(
        ("SELECT ", select, ", ", ", ".join(keys), " FROM ", source, scoped.sql()),
    ) + "".join((" ORDER BY ", order, " LIMIT ", limit_placeholder))
    rows = await ctx.work.fetch(sql, scoped.params)
    more = len(rows) > limit
    rows = list(rows[:limit])
    if backwards:
        rows.reverse()
    width = len(keys)
    items = [row(r[:-width]) for r in rows]
    first = encode_cursor(*rows[0][-width:]) if rows else None
    last = encode_cursor(*rows[-1][-width:]) if rows else None
    if backwards:
        next_cursor, previous_cursor = last, first if more else None
        at = max(1, state.at - len(items)) if more else 1
    else:
        next_cursor, previous_cursor = last if more else None, first if state.cursor else None
        at = state.at if state.cursor else 1
    return ListPage(items, next_cursor, previous_cursor, at)


async def count_rows(ctx: Context, *, source: str, where: SqlWhere) -> int:
    """How many rows the filters leave (the "of 1,234" of the page range)."""
    sql = "".join(("SELECT count(*) FROM ", source, where.sql()))
    rows = await ctx.work.fetch(sql, where.params)
    return int(rows[0][0])


@dataclass(frozen=True, slots=True)
class GroupTotal:
    """One group of a grouped list: its value (as text, ``""`` for none), row count and sums."""

    value: str
    count: int
    sums: dict[str, Decimal] = field(default_factory=dict)


async def group_totals(
    ctx: Context, spec: ListSpec, state: ListState, *, source: str, where: SqlWhere, sums: Mapping[str, str]
) -> list[GroupTotal]:
    """Each group's count and the sums of ``sums`` (column key → SQL), over the whole filtered
    list, in the list's group order."""
    if state.group is None:
        return []
    group = spec.column(state.group)
    assert group is not None and group.group is not None
    key = _group_sql(group.group)
    summed = "".join(f", COALESCE(sum({expression}), 0)" for expression in sums.values())
    direction = " DESC" if state.descending else ""
    sql = "".join(
        (
            "SELECT ",
            key,
            ", count(*)",
            summed,
            " FROM ",
            source,
            where.sql(),
            " GROUP BY 1 ORDER BY 1",
            direction,
        )
    )
    found: list[Any] = [tuple(r) for r in await ctx.work.fetch(sql, where.params)]
    return [GroupTotal(r[0], int(r[1]), dict(zip(sums, r[2:], strict=True))) for r in found]


# --- What the template draws ------------------------------------------------------------------


def view_query(spec: ListSpec, query: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The view's parameters as sent (filters, sort, columns, group), without paging: what a
    saved view stores and the export and sort links carry."""
    names = (*spec.filters, SORT, COLUMNS, GROUP)
    items = query.multi_items() if hasattr(query, "multi_items") else list(query.items())
    return [(k, str(v)) for k, v in items if k in names and str(v) != ""]


def _link(pairs: Sequence[tuple[str, str]], **changes: str | None) -> str:
    kept = [(k, v) for k, v in pairs if k not in changes]
    kept += [(k, v) for k, v in changes.items() if v is not None]
    return "?" + urlencode(kept)


def list_context(
    spec: ListSpec,
    state: ListState,
    query: Mapping[str, Any],
    page: ListPage[Any],
    *,
    total: int | None,
    groups: Sequence[GroupTotal] = (),
    group_labels: Mapping[str, str] | None = None,
    views: Sequence[Any] = (),
) -> dict[str, Any]:
    """What ``partials/list.html`` needs: the columns shown, sort links, the page range and pager
    links, group rows, the column chooser, the saved views and the current view's query."""
    pairs = view_query(spec, query)
    shown = [c for key in state.columns if (c := spec.column(key)) is not None]
    sort_links = {}
    for column in spec.sortable:
        ascending_next = not (state.sort == column.key and not state.descending)
        sort_links[column.key] = _link(pairs, sort=("" if ascending_next else "-") + column.key)
    first = page.at
    last = page.at + len(page.items) - 1
    labels = dict(group_labels or {})
    return {
        "spec": spec,
        "state": state,
        "shown": shown,
        "sort_links": sort_links,
        "range_first": first,
        "range_last": last,
        "total": total,
        "next_link": _link(pairs, cursor=page.next_cursor, at=str(last + 1)) if page.next_cursor else None,
        "previous_link": (
            _link(pairs, before=page.previous_cursor, at=str(first)) if page.previous_cursor else None
        ),
        "first_link": _link(pairs) if page.previous_cursor else None,
        "groups": {g.value: g for g in groups},
        "group_labels": {g.value: labels.get(g.value) or _("(none)") for g in groups},
        "view_query": urlencode(pairs),
        "views": views,
    }


# --- Exports ------------------------------------------------------------------------------------


class ListExport(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What a list export writes, as its background job keeps it: the list's own filters (as
    builtins of its filter struct), the view's sort and columns, and the selected ids (``None``:
    the whole view)."""

    filters: dict[str, Any] = msgspec.field(default_factory=dict)
    sort: str
    descending: bool = False
    columns: list[str] = msgspec.field(default_factory=list)
    ids: list[uuid.UUID] | None = None


def list_export(spec: ListSpec, query: Mapping[str, Any], filters: msgspec.Struct) -> ListExport:
    """The export of the view ``query`` describes (sort, columns, ``ids``) under the list's
    ``filters``; paging and grouping are left out (an export is the whole view, ungrouped)."""
    state = list_state(spec, query)
    return ListExport(
        filters=msgspec.to_builtins(filters),
        sort=state.sort,
        descending=state.descending,
        columns=list(state.columns),
        ids=sorted(state.ids) if state.ids is not None else None,
    )


def export_state(spec: ListSpec, view: ListExport) -> ListState:
    """The list state an export pages through: the view's sort, columns and selection."""
    column = spec.column(view.sort)
    sortable = column is not None and column.sort is not None
    default = spec.default_sort.lstrip("-")
    return ListState(
        sort=view.sort if sortable else default,
        descending=view.descending if sortable else spec.default_sort.startswith("-"),
        columns=tuple(k for k in view.columns if spec.column(k) is not None)
        or tuple(c.key for c in spec.columns if c.default),
        ids=frozenset(view.ids) if view.ids is not None else None,
    )


#: ``async def rows(ctx, filters, state)`` yields batches of rows (cells by column key), the list
#: paged in ``state``'s order with its selection (``state.ids``, applied by :func:`fetch_page`).
ListRows = Callable[["Context", Any, ListState], AsyncIterator[Sequence[Mapping[str, Any]]]]


def list_export_source(
    name: str,
    *,
    module: str,
    spec: ListSpec,
    filters: type[FiltersT],
    sheet: Callable[[], str],
) -> Callable[[ListRows], exports.ExportSource[ListExport]]:
    """Declare the decorated ``async def rows(ctx, filters, state)`` as the export of list
    ``spec`` (``name`` is the file name; declare it at module level, ``module=__name__``).

    The export writes the view's columns in its order, typed by their ``kind``, and runs in the
    request up to the inline limit, else as a background job (see :mod:`bizsuite.web.exports`)."""

    def declare(rows: ListRows) -> exports.ExportSource[ListExport]:
        def columns(view: ListExport) -> list[exports.Column]:
            state = export_state(spec, view)
            shown = [c for key in state.columns if (c := spec.column(key)) is not None]
            return [exports.Column(c.key, _(c.label), c.kind) for c in shown]  # type: ignore[arg-type]

        async def batches(ctx: Context, view: ListExport) -> AsyncIterator[list[list[Any]]]:
            state = export_state(spec, view)
            wanted = msgspec.convert(view.filters, filters)
            async for batch in rows(ctx, wanted, state):
                yield [[row.get(key) for key in state.columns] for row in batch]

        return exports.export_source(name, module=module, filters=ListExport, columns=columns, sheet=sheet)(
            batches
        )

    return declare
