"""Business modules: each package declares a :class:`ModuleSpec` and the app plugs it in.

The kernel never imports a module. ``load_modules()`` imports every installed module and
registers what it brings with the kernel's registries (task modules, webhook event types,
blueprint sections, navigation and templates); ``create_app`` adds its API controllers and
pages. A module's spec lives in its package ``__init__``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from litestar import Controller

from bizsuite.core.blueprints import BlueprintSection, register_section
from bizsuite.core.jobs.queue import register_task_modules
from bizsuite.core.webhooks.rules import register_event_type
from bizsuite.web.templating import NavItem, register_module_ui

#: Installed business modules, by package name under ``bizsuite.modules``.
INSTALLED = ("crm",)


@dataclass(frozen=True)
class ModuleSpec:
    """What a business module brings to the platform."""

    #: The module's name (a ``ModuleName`` value: tenants enable it, members are granted it).
    name: str
    #: Other modules whose public names this one imports.
    depends: tuple[str, ...] = ()
    #: API controllers (tag: the module's name) and web page controllers.
    controllers: Sequence[type[Controller]] = ()
    pages: Sequence[type[Controller]] = ()
    navigation: Sequence[NavItem] = ()
    #: Folder with ``<module>/*.html`` templates.
    templates: Path | None = None
    #: Dotted names of modules that register the module's background tasks.
    task_modules: Sequence[str] = ()
    #: Webhook event types the module emits, with what each means.
    event_types: Mapping[str, str] = field(default_factory=dict)
    #: Blueprint sections (top-level TOML tables) the module reads.
    blueprint_sections: Mapping[str, BlueprintSection] = field(default_factory=dict)


_LOADED: dict[str, ModuleSpec] = {}


def load_modules() -> list[ModuleSpec]:
    """Import every installed module and register it with the kernel (idempotent)."""
    for package in INSTALLED:
        if package in _LOADED:
            continue
        spec: ModuleSpec = importlib.import_module(f"{__name__}.{package}").MODULE
        register_task_modules(spec.task_modules)
        for name, description in spec.event_types.items():
            register_event_type(name, description)
        for key, section in spec.blueprint_sections.items():
            register_section(key, section)
        register_module_ui(list(spec.navigation), spec.templates)
        _LOADED[package] = spec
    return list(_LOADED.values())
