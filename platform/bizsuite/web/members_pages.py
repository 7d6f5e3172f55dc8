"""The options of a member picker beyond the inline limit (``member_picker`` in
``partials/macros.html``, ``members.js``): a few of the caller's tenant's members matching what
was typed, as JSON, for any signed-in member of the tenant."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.members import MAX_EXCLUDED, MemberOptions, find_members
from bizsuite.core.identity.models import Role
from bizsuite.web.support import signed_in


class MemberOptionPages(Controller):
    """Members matching typed text, for the pickers of large tenants."""

    path = "/members"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    @get("/options")
    async def options(
        self,
        ctx: Ctx,
        q: Annotated[str, Parameter(max_length=200)] = "",
        module: Annotated[str | None, Parameter(max_length=32)] = None,
        exclude: Annotated[list[uuid.UUID] | None, Parameter(max_items=MAX_EXCLUDED)] = None,
    ) -> MemberOptions:
        """At most 20 members whose name or email contains every word of ``q``, by name; with
        ``module``, only those who may see its records (owners, admins, members granted it); none
        of ``exclude`` (those a field may not name: a request's author and approver)."""
        return await find_members(ctx, q, module=module or None, exclude=exclude or ())


PAGES = [MemberOptionPages]
