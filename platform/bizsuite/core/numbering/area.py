"""Numbering: the kernel's gap-free counters (no routes or pages: modules call its services)."""

from __future__ import annotations

from bizsuite.kit import ModuleSpec

AREA = ModuleSpec(
    name="numbering",
    kernel=True,
    models=["bizsuite.core.numbering.models"],
)
