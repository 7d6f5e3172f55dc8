"""The module kit: what an area brings to the platform, and the one registry the kernel reads.

Every area declares itself with a :class:`ModuleSpec`: the kernel's own areas (identity, org
units, approvals, alerts, files, jobs, webhooks, audit...) in ``bizsuite/core/<area>/area.py``
as ``AREA``, and each business module in its package ``__init__`` as ``MODULE``.
:func:`load_modules` imports the installed areas in dependency order and builds the
:class:`Registry`; the app, the web shell, the approval engine, the blueprint loader, the
webhook catalogue and the worker read only that. No central file lists what an area brings.

This file imports nothing of the kernel at import time, so every kernel part can read the
registry without an import cycle.
"""

from __future__ import annotations

import importlib
import importlib.util
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from bizsuite.web.i18n import N_

if TYPE_CHECKING:
    from litestar import Controller
    from litestar.handlers import HTTPRouteHandler
    from sqlalchemy.ext.asyncio import AsyncSession

    from bizsuite.core.blueprints import BlueprintSection
    from bizsuite.core.context import Context, Principal
    from bizsuite.core.identity.models import Role
    from bizsuite.core.imports.spec import ImportSpec
    from bizsuite.core.unit_of_work import UnitOfWork

T = TypeVar("T")

#: The kernel's areas, in load order (each is ``bizsuite.core.<name>`` with an ``area.py``); their
#: blueprint tables apply in this order too: org units, then the users, then what refers to both.
KERNEL_AREAS = (
    "system",
    "tenants",
    "org_units",
    "identity",
    "audit",
    "alerts",
    "approvals",
    "files",
    "jobs",
    "webhooks",
    "sandbox",
    "chatter",
    "activities",
    "imports",
    "views",
    "numbering",
    "billing",
    "resellers",
)

#: The side bar's shared sections, by rank; a business module's own section sits between them.
SECTION_WORK = N_("Work")
SECTION_ORGANISATION = N_("Organisation")
SECTION_ADMINISTRATION = N_("Administration")
_SECTION_RANK = {SECTION_WORK: 0, SECTION_ORGANISATION: 80, SECTION_ADMINISTRATION: 90}
_MODULE_SECTION_RANK = 50


class ModuleLoadError(RuntimeError):
    """An installed area cannot be loaded (a missing dependency, a cycle, a clash)."""


@dataclass(frozen=True, slots=True)
class NavItem:
    """A link in the shell's navigation."""

    label: str
    href: str
    min_role: Role | None = None
    #: Set by the loader for a business module's entries: the tenant must have it, the user its grant.
    module: str | None = None
    #: A count shown next to the entry, from the page's ``badges`` (e.g. approvals waiting for me).
    badge: str | None = None
    #: The side bar's group the entry belongs to.
    section: str = SECTION_WORK
    #: Position inside the section (ties keep load order).
    order: int = 100


@dataclass(frozen=True, slots=True)
class Panel:
    """A panel an area adds to another area's record page, loaded lazily from ``url``.

    ``target`` names the record page (``crm.account``); ``url`` is formatted with ``id``.
    """

    target: str
    key: str
    url: str
    order: int = 100
    module: str | None = None


#: ``(ctx, record_ids)`` → each record's value for a list column, for one page of records at once.
ColumnValues = Callable[["Context", list[uuid.UUID]], Awaitable[Mapping[uuid.UUID, Any]]]


@dataclass(frozen=True, slots=True)
class ListColumn:
    """A column an area adds to another area's list page (``target``: ``crm.churn``).

    The page calls ``values(ctx, ids)`` once with its page of record ids (so the area reads a
    page in a constant number of queries) and renders each row's cell with ``template`` (the
    area's own, given ``value``: the record's entry, absent for none); ``label`` is the header's
    msgid (``N_()``).
    """

    target: str
    key: str
    label: str
    values: ColumnValues
    template: str
    order: int = 100
    module: str | None = None


#: ``(ctx, record_id, before, fetch_count)`` → at most ``fetch_count`` keyed entries up to ``before``;
#: the record page's owner defines the key and entry types of its timeline.
TimelineEvents = Callable[["Context", uuid.UUID, Any, int], Awaitable[list[Any]]]


@dataclass(frozen=True, slots=True)
class TimelineSource:
    """Entries an area adds to a record's timeline (``target``), with their kinds' labels."""

    target: str
    events: TimelineEvents
    #: Entry kind → label msgid (``N_()``), shown by the timeline.
    labels: Mapping[str, str] = field(default_factory=dict)
    module: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result of the global search."""

    title: str
    href: str
    detail: str = ""


#: ``(ctx, text, limit)`` → at most ``limit`` hits. The kernel hands every provider the same
#: clean text (no NUL, stripped, at most 200 characters, never empty).
SearchFunction = Callable[["Context", str, int], Awaitable[list[SearchHit]]]


@dataclass(frozen=True, slots=True)
class SearchProvider:
    """A kind of record the global search looks through."""

    key: str
    #: Label msgid of the result group.
    label: str
    search: SearchFunction
    module: str | None = None


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Where a record of ``target_type`` (an alert's or audit entry's target) is shown: ``url`` with ``id``."""

    target_type: str
    url: str
    module: str | None = None


@dataclass(frozen=True, slots=True)
class RecordInfo:
    """What the chatter and activities need of one record: its name and who follows it by default."""

    label: str
    #: The record's owner (and such): they follow it unless they unfollow.
    followers: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordType:
    """A kind of record that carries the chatter and activities (``core/chatter``, ``core/activities``).

    ``target_type`` is the record's table, as the audit log names it (``crm_accounts``); ``url``
    its page (with ``id``); ``load(ctx, id)`` reads it (404 when it is not this tenant's).
    ``tracked`` maps the fields whose changes the chatter shows to their label msgids,
    ``choices`` a choice field's stored values to theirs.
    """

    target_type: str
    url: str
    load: Callable[[Context, uuid.UUID], Awaitable[RecordInfo]]
    tracked: Mapping[str, str] = field(default_factory=dict)
    choices: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    module: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentType:
    """A document type the approval engine routes, and where its decisions go.

    ``on_decided(ctx, request)`` runs once when a round ends, in the deciding transaction: if it
    raises, the decision is not saved either.
    """

    name: str
    on_decided: Callable[[Context, Any], Awaitable[None]]
    #: Label msgid (``N_()``) the approval pages show for the type; the name shows when it has none.
    label: str = ""
    #: Whether ``POST /api/v1/approvals/requests`` may submit it (generic documents only).
    api_submittable: bool = False


#: ``(session)`` → how much of a plan limit the session's tenant uses now (one count query).
UsageCount = Callable[["AsyncSession"], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class UsageMeter:
    """A plan limit an area measures: ``limit`` names it (``accounts``, ``venues``: a key of the
    plan's limits) and ``count(session)`` counts what the session's tenant uses now (its records,
    under the tenant scope). The kernel shows it against the limit wherever usage is shown, and
    ``ctx.check_limit(limit)`` refuses a creation beyond the plan with it (402)."""

    limit: str
    count: UsageCount
    module: str | None = None


@dataclass(frozen=True, slots=True)
class SettingsSpec(Generic[T]):
    """An area's typed settings: ``load(ctx)`` reads them; ``ctx.settings(spec)`` memoises per request."""

    key: str
    load: Callable[[Context], Awaitable[T]]


@dataclass(frozen=True, slots=True)
class DemoCompanion:
    """A process ``make demo`` runs beside the server for an area (a venue's players, say)."""

    name: str
    command: list[str]
    #: The line the demo prints about it.
    note: str
    env: Mapping[str, str] = field(default_factory=dict)


#: Called by ``make demo`` in the demo tenant's transaction with its data folder and base URL.
DemoHook = Callable[["Context", Path, str], Awaitable[list[DemoCompanion]]]
#: A path run once as each server process starts, in a unit of work the kernel rolls back.
WarmUp = Callable[["UnitOfWork"], Awaitable[None]]


@dataclass(frozen=True)
class ModuleSpec:
    """What an area (a kernel area or a business module) brings to the platform."""

    #: The area's name; for a business module, the ``ModuleName`` tenants enable and members are granted.
    name: str
    #: Kernel areas serve every tenant; a business module's routes need it enabled and granted.
    kernel: bool = False
    #: Business modules whose public names this one imports (loaded first; missing ones stop startup).
    depends: tuple[str, ...] = ()
    #: API controllers or route handlers (tag: the area's name) and web page controllers.
    controllers: Sequence[type[Controller] | HTTPRouteHandler] = ()
    pages: Sequence[type[Controller] | HTTPRouteHandler] = ()
    navigation: Sequence[NavItem] = ()
    #: Folder with ``<area>/*.html`` templates.
    templates: Path | None = None
    #: Dotted names of the modules holding the area's tables (imported so the metadata is complete).
    models: Sequence[str] = ()
    #: Toasts shown after a redirect (``?notice=<code>``): code → msgid.
    notices: Mapping[str, str] = field(default_factory=dict)
    #: Dotted names of modules that register the area's background tasks.
    task_modules: Sequence[str] = ()
    #: Webhook event types the area emits, with what each means.
    event_types: Mapping[str, str] = field(default_factory=dict)
    #: Blueprint sections (top-level TOML tables) the area reads, applied in load order.
    blueprint_sections: Mapping[str, BlueprintSection] = field(default_factory=dict)
    document_types: Sequence[DocumentType] = ()
    settings: SettingsSpec[Any] | None = None
    #: Contributions to other areas' record pages and to the shell.
    panels: Sequence[Panel] = ()
    #: Columns added to other areas' list pages.
    list_columns: Sequence[ListColumn] = ()
    timeline_sources: Sequence[TimelineSource] = ()
    search_providers: Sequence[SearchProvider] = ()
    link_targets: Sequence[LinkTarget] = ()
    #: The kinds of alert the area raises: type (``crm.churn_risk``) → label msgid shown in the inbox.
    alert_kinds: Mapping[str, str] = field(default_factory=dict)
    #: What the area's audit actions act on: the action's subject (``crm.account`` of
    #: ``crm.account.created``) → label msgid; the audit log shows the label and the verb's.
    audit_subjects: Mapping[str, str] = field(default_factory=dict)
    #: What users may bulk-import through the kernel import component (``core/imports``).
    importers: Sequence[ImportSpec[Any]] = ()
    #: Records with a chatter and activities (also link targets of their alerts and audit entries).
    record_types: Sequence[RecordType] = ()
    #: Bearer tokens the area issues itself (a device's key, say), by their prefix (``bzd_``):
    #: the function names the caller or raises 401. Such callers have no role, so they reach only
    #: the routes that accept their kind.
    credentials: Mapping[str, Callable[[AsyncSession, str], Awaitable[Principal]]] = field(
        default_factory=dict
    )
    #: What ``make demo`` also starts for the demo tenant.
    demo_companions: DemoHook | None = None
    #: The plan limits the area counts (``accounts``: its count query), read by billing.
    usage_meters: Sequence[UsageMeter] = ()
    #: A path that must be fast the first time it runs (a fire alarm), run once as each server
    #: process starts (``core/warm_up.py``): its statements are then compiled before a real call
    #: needs them. It runs in a unit of work that is rolled back, so nothing of it is ever seen.
    warm_up: WarmUp | None = None


def _usable(principal: Principal, module: str | None) -> bool:
    return module is None or principal.can_use_module(module)


@dataclass
class Registry:
    """Everything the loaded areas bring, merged; the kernel's one source for extension points."""

    specs: list[ModuleSpec] = field(default_factory=list)
    navigation: list[NavItem] = field(default_factory=list)
    notices: dict[str, str] = field(default_factory=dict)
    template_dirs: list[Path] = field(default_factory=list)
    models: list[str] = field(default_factory=list)
    task_modules: list[str] = field(default_factory=list)
    event_types: dict[str, str] = field(default_factory=dict)
    blueprint_sections: dict[str, BlueprintSection] = field(default_factory=dict)
    document_types: dict[str, DocumentType] = field(default_factory=dict)
    settings: dict[str, SettingsSpec[Any]] = field(default_factory=dict)
    panels: list[Panel] = field(default_factory=list)
    list_columns: list[ListColumn] = field(default_factory=list)
    timeline_sources: list[TimelineSource] = field(default_factory=list)
    search_providers: list[SearchProvider] = field(default_factory=list)
    link_targets: dict[str, LinkTarget] = field(default_factory=dict)
    alert_kinds: dict[str, str] = field(default_factory=dict)
    audit_subjects: dict[str, str] = field(default_factory=dict)
    importers: dict[str, ImportSpec[Any]] = field(default_factory=dict)
    record_types: dict[str, RecordType] = field(default_factory=dict)
    credentials: dict[str, Callable[[AsyncSession, str], Awaitable[Principal]]] = field(default_factory=dict)
    usage_meters: dict[str, UsageMeter] = field(default_factory=dict)
    warm_ups: dict[str, WarmUp] = field(default_factory=dict)

    @property
    def modules(self) -> list[ModuleSpec]:
        """The business modules (not the kernel's areas), in load order."""
        return [spec for spec in self.specs if not spec.kernel]

    def add(self, spec: ModuleSpec) -> None:
        """Merge one area's contributions; a name two areas claim is a startup error."""
        module = None if spec.kernel else spec.name
        self.specs.append(spec)
        self.navigation.extend(
            item if item.module or module is None else _replace(item, module=module)
            for item in spec.navigation
        )
        self._merge(self.notices, spec.notices, spec, "notice")
        if spec.templates is not None and spec.templates not in self.template_dirs:
            self.template_dirs.append(spec.templates)
        self.models.extend(m for m in spec.models if m not in self.models)
        self.task_modules.extend(m for m in spec.task_modules if m not in self.task_modules)
        self._merge(self.event_types, spec.event_types, spec, "event type")
        self._merge(self.blueprint_sections, spec.blueprint_sections, spec, "blueprint section")
        self._merge(self.document_types, {d.name: d for d in spec.document_types}, spec, "document type")
        if spec.settings is not None:
            self._merge(self.settings, {spec.settings.key: spec.settings}, spec, "settings")
        self.panels.extend(_replace(p, module=p.module or module) for p in spec.panels)
        self.list_columns.extend(_replace(c, module=c.module or module) for c in spec.list_columns)
        self.timeline_sources.extend(_replace(t, module=t.module or module) for t in spec.timeline_sources)
        self.search_providers.extend(_replace(s, module=s.module or module) for s in spec.search_providers)
        self._merge(
            self.link_targets,
            {t.target_type: _replace(t, module=t.module or module) for t in spec.link_targets},
            spec,
            "link target",
        )
        self._merge(
            self.importers,
            {i.key: _replace(i, module=i.module or module) for i in spec.importers},
            spec,
            "importer",
        )
        self._merge(
            self.record_types,
            {t.target_type: _replace(t, module=t.module or module) for t in spec.record_types},
            spec,
            "record type",
        )
        self._merge(self.alert_kinds, spec.alert_kinds, spec, "alert kind")
        self._merge(self.audit_subjects, spec.audit_subjects, spec, "audit subject")
        self._merge(self.credentials, spec.credentials, spec, "credential prefix")
        self._merge(
            self.usage_meters,
            {m.limit: _replace(m, module=m.module or module) for m in spec.usage_meters},
            spec,
            "usage meter",
        )
        if spec.warm_up is not None:
            self.warm_ups[spec.name] = spec.warm_up

    @staticmethod
    def _merge(into: dict[str, Any], new: Mapping[str, Any], spec: ModuleSpec, what: str) -> None:
        for key, value in new.items():
            if key in into and into[key] is not value:
                raise ModuleLoadError(f"{spec.name}: {what} {key!r} is already declared by another area")
            into[key] = value

    @cached_property
    def sorted_navigation(self) -> list[NavItem]:
        """Entries by section (shared work, the modules', organisation, administration), then order."""
        modules_seen = {spec.name: i for i, spec in enumerate(self.specs)}
        section_first: dict[str, int] = {}
        for item in self.navigation:
            section_first.setdefault(item.section, modules_seen.get(item.module or "", 0))

        def key(indexed: tuple[int, NavItem]) -> tuple[int, int, int, int]:
            index, item = indexed
            rank = _SECTION_RANK.get(item.section, _MODULE_SECTION_RANK)
            return rank, section_first[item.section], item.order, index

        return [item for _, item in sorted(enumerate(self.navigation), key=key)]

    def panels_for(self, target: str, principal: Principal) -> list[Panel]:
        """The panels on ``target``'s record page this caller may see, in order."""
        found = [p for p in self.panels if p.target == target and _usable(principal, p.module)]
        return sorted(found, key=lambda p: p.order)

    def columns_for(self, target: str, principal: Principal) -> list[ListColumn]:
        """The columns other areas add to ``target``'s list page that this caller may see, in order."""
        found = [c for c in self.list_columns if c.target == target and _usable(principal, c.module)]
        return sorted(found, key=lambda c: c.order)

    def timeline_for(self, target: str, principal: Principal) -> list[TimelineSource]:
        """The sources of ``target``'s timeline this caller may see."""
        return [t for t in self.timeline_sources if t.target == target and _usable(principal, t.module)]

    def searchable(self, principal: Principal) -> list[SearchProvider]:
        """The global search's providers this caller may use."""
        return [s for s in self.search_providers if _usable(principal, s.module)]

    def link_for(
        self, target_type: str | None, target_id: uuid.UUID | None, principal: Principal
    ) -> str | None:
        """The page showing a record (an alert's or audit entry's target), if there is one for this caller."""
        target = self.link_targets.get(target_type or "") or self.record_types.get(target_type or "")
        if target is None or target_id is None or not _usable(principal, target.module):
            return None
        return target.url.format(id=target_id)


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)


def _import_spec(name: str, *, kernel: bool) -> ModuleSpec:
    if kernel:
        spec = importlib.import_module(f"bizsuite.core.{name}.area").AREA
    else:
        inside = f"bizsuite.modules.{name}"
        package = inside if "." not in name and importlib.util.find_spec(inside) is not None else name
        spec = importlib.import_module(package).MODULE
    if not isinstance(spec, ModuleSpec):
        raise ModuleLoadError(f"{name}: its spec is not a ModuleSpec")
    return spec


def _dependency_order(specs: dict[str, ModuleSpec]) -> list[ModuleSpec]:
    """Business modules ordered so each comes after what it depends on."""
    ordered: list[ModuleSpec] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise ModuleLoadError("modules depend on each other in a cycle: " + " → ".join((*chain, name)))
        state[name] = "visiting"
        for needed in specs[name].depends:
            if needed not in specs:
                raise ModuleLoadError(
                    f"module {name!r} depends on {needed!r}, which is not installed "
                    f"(add it to INSTALLED in bizsuite/modules/__init__.py)"
                )
            visit(needed, (*chain, name))
        state[name] = "done"
        ordered.append(specs[name])

    for name in specs:
        visit(name, ())
    return ordered


def build_registry(modules: Sequence[str]) -> Registry:
    """Import the kernel's areas and the given business modules and merge what they bring."""
    registry = Registry()
    for area in KERNEL_AREAS:
        registry.add(_import_spec(area, kernel=True))
    specs: dict[str, ModuleSpec] = {}
    for name in modules:
        spec = _import_spec(name, kernel=False)
        if spec.kernel:
            raise ModuleLoadError(f"{name}: a business module's spec must not be a kernel area")
        if spec.name in specs:
            raise ModuleLoadError(f"module {spec.name!r} is installed twice")
        specs[spec.name] = spec
    for spec in _dependency_order(specs):
        registry.add(spec)
    for dotted in registry.models:
        importlib.import_module(dotted)
    return registry


_ACTIVE: Registry | None = None


def load_modules(modules: Sequence[str] | None = None) -> Registry:
    """Build the registry of the kernel and ``modules`` (default: the installed list) and make it
    the active one. Without arguments, a registry already loaded is reused."""
    global _ACTIVE
    if modules is None:
        if _ACTIVE is not None:
            return _ACTIVE
        from bizsuite.modules import INSTALLED

        modules = INSTALLED
    _ACTIVE = build_registry(modules)
    return _ACTIVE


def activate(registry: Registry) -> Registry | None:
    """Make ``registry`` the active one and return the previous (tests that load a scratch module)."""
    global _ACTIVE
    previous, _ACTIVE = _ACTIVE, registry
    return previous


def registry() -> Registry:
    """The active registry (the installed areas, loaded on first use)."""
    return _ACTIVE if _ACTIVE is not None else load_modules()
