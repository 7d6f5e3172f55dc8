"""Saving and deleting a list's view from the list page (the view picker of ``partials/list.html``)."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar import Controller, Response, post
from litestar.params import FromPath

from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity.models import Role
from bizsuite.core.views import services
from bizsuite.core.views.schemas import SavedViewCreate
from bizsuite.web.pages import Form
from bizsuite.web.support import redirect, run_action, signed_in


def _back(data: Form) -> str:
    """The list page to return to: a path of this site only."""
    back = str(data.get("back") or "/")
    return back if back.startswith("/") and not back.startswith("//") and "\\" not in back else "/"


class SavedViewPages(Controller):
    """The view picker's two forms."""

    path = "/lists/views"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    @post()
    async def save(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Save the list's current view under a name and show it."""
        back = _back(data)
        fields = {
            "list_key": str(data.get("list_key") or ""),
            "name": str(data.get("name") or "").strip(),
            "query": str(data.get("query") or ""),
            "shared": str(data.get("shared") or "") in ("on", "true", "1"),
        }
        try:
            body = msgspec.convert(fields, SavedViewCreate)
        except msgspec.ValidationError:
            return redirect(back, notice="error.saved-view-name")
        try:
            view = await services.create_saved_view(ctx, body)
        except ProblemError as problem:
            return redirect(
                back, notice="error.saved-view-taken" if problem.status == 409 else f"error.{problem.slug}"
            )
        target = back.split("?", 1)[0] + (f"?{view.query}&" if view.query else "?") + f"view={view.id}"
        return redirect(target, notice="saved_view.created")

    @post("/{view_id:uuid}/delete")
    async def delete(self, ctx: Ctx, view_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete a saved view and go back to the list."""
        back = _back(data)
        return await run_action(
            lambda: services.delete_saved_view(ctx, view_id),
            back=back,
            notice="saved_view.deleted",
        )
