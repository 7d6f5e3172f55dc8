"""Operator commands: ``bizsuite resellers ...`` (accounts and their API keys)."""

from __future__ import annotations

from typing import Any

import click

from bizsuite.core.billing.cli import run_as_operator


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
