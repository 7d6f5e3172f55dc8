"""Sandbox: the test clock of sandbox tenants."""

from __future__ import annotations

from bizsuite.core.sandbox.api import SandboxClockController
from bizsuite.kit import ModuleSpec

AREA = ModuleSpec(
    name="sandbox",
    kernel=True,
    controllers=[SandboxClockController],
    task_modules=["bizsuite.core.sandbox.tasks"],
)
