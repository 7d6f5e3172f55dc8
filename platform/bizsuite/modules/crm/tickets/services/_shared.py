"""What the tickets aggregates share: who acts (shown by name, never by email)."""

from __future__ import annotations

from bizsuite.core.context import Context


def actor_name(ctx: Context) -> str:
    """The name recorded as a ticket's opener or an event's actor: the person's name (never their
    email), the API key's name, or the operator's label."""
    principal = ctx.principal
    name = principal.user.name if principal.user is not None else principal.label
    return (name or principal.kind.value)[:200]
