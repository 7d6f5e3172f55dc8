"""Sandbox clock endpoints: read the tenant clock, advance a sandbox's."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import JSONBody

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.core.sandbox import services
from bizsuite.core.sandbox.schemas import ClockAdvance, ClockAdvanceView, SandboxClockView


class SandboxClockController(Controller):
    """The tenant's clock; a sandbox tenant's can be advanced."""

    path = "/api/v1/sandbox/clock"
    tags = ["sandbox"]
    guards = [tenant_guard]

    @get(operation_id="get_sandbox_clock", summary="Read the tenant's clock")
    async def get_sandbox_clock(self, ctx: Ctx) -> SandboxClockView:
        """ "Now" as the tenant's time rules read it: real time, or a sandbox's test clock."""
        return await services.get_clock(ctx)

    @post(
        "/advance",
        operation_id="advance_sandbox_clock",
        summary="Advance a sandbox tenant's clock",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def advance_sandbox_clock(self, ctx: Ctx, data: JSONBody[ClockAdvance]) -> ClockAdvanceView:
        """Move the sandbox's clock forward (never back) and run, in order, what fell due on the
        way: SLA breaches and their alerts, schedule firings. Production tenants get 403."""
        return await services.advance_clock(ctx, data)
