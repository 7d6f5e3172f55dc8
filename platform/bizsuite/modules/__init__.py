"""Business modules: one package each, declaring a :class:`bizsuite.kit.ModuleSpec` as ``MODULE``.

Installing a module is one line here (its package name under ``bizsuite.modules``, or a full
dotted name); ``bizsuite.kit.load_modules`` imports them in dependency order. The kernel never
imports a module.
"""

from __future__ import annotations

#: Installed business modules.
INSTALLED: tuple[str, ...] = ("crm", "contracts", "fees", "budgets", "hr", "venue_audio")
