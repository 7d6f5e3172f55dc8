"""Operator commands: ``bizsuite resellers ...`` (accounts and their API keys)."""

from __future__ import annotations

from typing import Any

import click

from bizsuite.core.billing.cli import run_as_operator
from bizsuite.settings import Settings


@click.group()
def resellers() -> None:
    """Reseller accounts."""


@resellers.command("list")
def resellers_list() -> None:
    """List resellers with their tenant counts."""
    from bizsuite.core.resellers.services import list_resellers, tenant_count

    async def work(ctx: Any) -> list[str]:
        return [
            f"{r.slug}\t{r.name}\t{r.status.value}\t{await tenant_count(ctx, r.id)}/{r.max_tenants or '∞'}"
            for r in await list_resellers(ctx)
        ]

    for line in run_as_operator(work):
        click.echo(line)


@resellers.command("create")
@click.argument("slug")
@click.argument("name")
@click.option("--max-tenants", type=int, default=None, help="The allowance (default: unlimited).")
def resellers_create(slug: str, name: str, max_tenants: int | None) -> None:
    """Create a reseller account and print its first API key (shown once)."""
    from bizsuite.core.errors import ProblemError
    from bizsuite.core.resellers.schemas import ResellerCreate
    from bizsuite.core.resellers.services import create_key, create_reseller

    async def work(ctx: Any) -> str:
        reseller = await create_reseller(ctx, ResellerCreate(slug=slug, name=name, max_tenants=max_tenants))
        _key, secret = await create_key(ctx, reseller.id, "first key")
        return secret

    try:
        secret = run_as_operator(work)
    except ProblemError as exc:
        raise click.ClickException(exc.detail or exc.title) from exc
    click.echo(f"created reseller {slug}")
    click.echo(f"API key (shown once): {secret}")


@resellers.group("users")
def resellers_users() -> None:
    """People who sign in to the reseller portal (/reseller)."""


@resellers_users.command("add")
@click.argument("slug")
@click.argument("email")
@click.option("--name", default=None, help="Their name (default: the part of the email before @).")
@click.option(
    "--password",
    default=None,
    help="Their password (10 characters or more); without it, a one-time set-password link is printed.",
)
@click.option(
    "--locale", type=click.Choice(["zh-CN", "en"]), default=None, help="The portal's language for them."
)
def resellers_users_add(
    slug: str, email: str, name: str | None, password: str | None, locale: str | None
) -> None:
    """Create a reseller portal user for the reseller SLUG."""
    import msgspec
    from sqlalchemy import select

    from bizsuite.core.errors import ProblemError
    from bizsuite.core.resellers.models import Reseller
    from bizsuite.core.resellers.schemas import ResellerUserCreate
    from bizsuite.core.resellers.users import create_user

    settings = Settings.from_env()
    site = f"http://{settings.host}:{settings.port}"
    try:
        data = msgspec.convert(
            {
                "email": email,
                "name": name or email.partition("@")[0],
                "password": password,
                "locale": locale,
            },
            ResellerUserCreate,
        )
    except msgspec.ValidationError as exc:
        raise click.ClickException(str(exc)) from exc

    async def work(ctx: Any) -> str | None:
        reseller_id = await ctx.session.scalar(select(Reseller.id).where(Reseller.slug == slug))
        if reseller_id is None:
            raise click.ClickException(f"no reseller with slug {slug!r}")
        _user, link = await create_user(ctx, settings, reseller_id, data, site_url=site)
        return link

    try:
        link = run_as_operator(work)
    except ProblemError as exc:
        raise click.ClickException(exc.detail or exc.title) from exc
    click.echo(f"created reseller portal user {email} ({slug})")
    if link is None:
        click.echo(f"Sign in at {site}/reseller/login")
    else:
        click.echo(f"Set-password link (shown once, valid 7 days): {link}")
