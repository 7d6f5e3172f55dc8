"""The sign-in form flow the tenant sign-in (``/login``) and the reseller portal's
(``/reseller/login``) share: the form token, the decoded body, the lockout and the answers."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from litestar import Request, Response
from litestar.response import Template
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Context
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity import lockout
from bizsuite.web import i18n
from bizsuite.web.forms import FormErrors, decode_form
from bizsuite.web.templating import expired_form, page

B = TypeVar("B")
U = TypeVar("U")
B_in = TypeVar("B_in", contravariant=True)
U_out = TypeVar("U_out", covariant=True)


class CheckCredentials(Protocol[B_in, U_out]):
    """A service that checks a sign-in's credentials under the lockout and names the user
    (``identity.verify_credentials``, the portal's ``users.verify_sign_in``)."""

    def __call__(
        self, session: AsyncSession, data: B_in, *, guard: lockout.SignInGuard, ip: str | None
    ) -> Awaitable[U_out]: ...


def sign_in_locked_message(locked: lockout.SignInLockedProblem) -> str:
    """What a sign-in form says when the account or the address is locked (in minutes)."""
    minutes = max(1, math.ceil(locked.retry_after / 60))
    if locked.scope == "account":
        return i18n.ngettext(
            "Too many failed sign-ins for this account. Try again in %(num)s minute.",
            "Too many failed sign-ins for this account. Try again in %(num)s minutes.",
            minutes,
        )
    return i18n.ngettext(
        "Too many failed sign-ins from your network. Try again in %(num)s minute.",
        "Too many failed sign-ins from your network. Try again in %(num)s minutes.",
        minutes,
    )


@dataclass(frozen=True)
class SignInRefusal:
    """How a sign-in page answers a refused sign-in: the status, the form's errors and what else
    the page shows (``show_totp``, the problem's ``problem`` slug)."""

    status: int
    errors: FormErrors
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SignInForm(Generic[B]):
    """A sign-in page: its template and the schema its form decodes into (email and password,
    and whatever else that sign-in asks)."""

    template: str
    schema: type[B]

    def show(
        self,
        request: Request[Any, Any, Any],
        target: str,
        *,
        status_code: int = 200,
        values: dict[str, Any] | None = None,
        errors: FormErrors | None = None,
        **context: Any,
    ) -> Template:
        """The sign-in form (again, with ``values`` and ``errors``); ``target`` is where it leads."""
        return page(
            request,
            self.template,
            status_code=status_code,
            values={} if values is None else values,
            errors=FormErrors() if errors is None else errors,
            next=target,
            **context,
        )

    async def submit(
        self,
        ctx: Context,
        request: Request[Any, Any, Any],
        data: dict[str, Any],
        *,
        target: str,
        verify: CheckCredentials[B, U],
        refused: Callable[[ProblemError, B], SignInRefusal | None],
        signed_in: Callable[[U], Awaitable[Response[Any]]],
    ) -> Response[Any]:
        """Answer a posted sign-in form: a form not from our own page is refused (403, login
        CSRF); a malformed one shows each field's error (422); ``verify`` checks the credentials
        under the app's lockout guard: a locked account or address answers 429 with
        ``Retry-After`` and the minutes to wait; another problem is answered as ``refused`` says
        (``None``: it is raised); else ``signed_in(user)`` opens the session. The form shows the
        user's typing again, never the password."""
        values = {k: v for k, v in data.items() if k != "password"}

        def again(status: int, errors: FormErrors, **context: Any) -> Template:
            return self.show(request, target, status_code=status, values=values, errors=errors, **context)

        if (expired := expired_form(request, data)) is not None:
            return again(403, expired)
        body, errors = decode_form({k: v for k, v in data.items() if k != "next"}, self.schema)
        if body is None:
            return again(422, errors)
        try:
            user = await verify(ctx.session, body, guard=lockout.guard_for(request.app), ip=ctx.ip)
        except lockout.SignInLockedProblem as locked:
            locked_page = again(
                429, FormErrors({"__all__": sign_in_locked_message(locked)}), problem=locked.slug
            )
            locked_page.headers["Retry-After"] = str(locked.retry_after)
            return locked_page
        except ProblemError as problem:
            refusal = refused(problem, body)
            if refusal is None:
                raise
            return again(refusal.status, refusal.errors, **refusal.context)
        return await signed_in(user)
