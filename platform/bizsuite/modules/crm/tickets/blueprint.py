"""CRM tickets: the blueprint parts (`[crm]` table) and how they are applied."""

from __future__ import annotations

from typing import Any

import msgspec

from bizsuite.core.blueprints import ApplyReport
from bizsuite.core.context import Context


class SlaPolicySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """(to be defined)"""

    code: str


async def apply(ctx: Context, section: Any, report: ApplyReport) -> None:
    """Create or update this area's parts of the tenant from the blueprint's `[crm]` table."""
