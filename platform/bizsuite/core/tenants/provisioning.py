"""Provisioning: a new tenant from a blueprint in ``tenants/``, on a plan, with a way in.

One function for every provisioner (the operator's CLI and API, a reseller's API and portal):
the blueprint is applied under the new slug and name, the tenant is put on the plan (optional for
the operator: no plan is unrestricted), the first owner is invited by email (recorded in the
outbox by default), and a first API key can be minted, its secret returned this once.
Blueprints meant for provisioning carry no passwords: people come in through the invitation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import msgspec
from sqlalchemy import select

from bizsuite.core.billing.schemas import PlanCode, Seats
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, load_blueprint
from bizsuite.core.context import Context
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.schemas import ApiKeyCreate, Email, InvitationCreate
from bizsuite.core.identity.services import create_api_key, create_invitation
from bizsuite.core.tenants.models import Tenant
from bizsuite.core.tenants.schemas import BlueprintName, Slug, TenantName, TenantOut
from bizsuite.settings import REPO_ROOT, Settings


class TenantProvision(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new tenant from a blueprint in `tenants/`, optionally on a plan, with a way in: the first
    owner invited by email and/or a first API key (role admin) shown once in the answer."""

    blueprint: BlueprintName
    slug: Slug
    name: TenantName
    #: A plan code (its current version); none leaves the tenant unrestricted.
    plan: PlanCode | None = None
    seats: Seats = 1
    trial: bool = True
    owner_email: Email | None = None
    api_key: bool = False


class TenantProvisioned(msgspec.Struct, kw_only=True):
    """The provisioned tenant, what its blueprint created, where the invitation went and the first
    API key's secret (this once; null unless asked for)."""

    tenant: TenantOut
    created: list[str]
    invitation_sent_to: str | None
    api_key: str | None


#: Where blueprints are looked for (``tenants/<name>.toml``).
BLUEPRINTS = REPO_ROOT / "tenants"
#: The name of a first API key minted at provisioning.
FIRST_KEY_NAME = "First key (provisioning)"


@dataclass(frozen=True, slots=True)
class Order:
    """What to provision."""

    blueprint: str
    slug: str
    name: str
    plan: str | None = None
    seats: int = 1
    trial: bool = True
    owner_email: str | None = None
    api_key: bool = False
    #: Who the invitation email says invited the owner (else the provisioner's label).
    inviter: str | None = None


@dataclass(slots=True)
class Provisioned:
    """The new tenant, what the blueprint created, where the invitation went, the key's secret."""

    tenant: Tenant
    created: list[str] = field(default_factory=list)
    invitation_sent_to: str | None = None
    #: The first API key's secret (role admin), shown this once; ``None`` unless asked for.
    api_key: str | None = None


def as_owner(ctx: Context, tenant: Tenant, *, label: str | None = None) -> Context:
    """The caller (operator, reseller) acting in ``tenant`` as its owner would: for what only a
    tenant's owner may do there (invite its first owner, mint its first key). The session must
    be bound to the tenant."""
    principal = dataclasses.replace(
        ctx.principal, tenant=tenant, role=Role.OWNER, label=label or ctx.principal.label
    )
    return Context(session=ctx.session, principal=principal, request_id=ctx.request_id, ip=ctx.ip)


def blueprint_names() -> list[str]:
    """The blueprints a tenant can be provisioned from (``tenants/*.toml``), sorted."""
    return sorted(path.stem for path in BLUEPRINTS.glob("*.toml"))


async def provision(
    ctx: Context, settings: Settings, order: Order, *, source: str, site_url: str
) -> Provisioned:
    """Create the tenant; 422 naming ``blueprint`` or ``plan``, 409 naming ``slug`` when taken
    (a provisioner can never update an existing tenant by naming its slug)."""
    from bizsuite.core.billing.schemas import PlanAssignment
    from bizsuite.core.billing.services import plans, subscriptions

    path = BLUEPRINTS / f"{order.blueprint}.toml"
    if not path.is_file():
        raise ValidationProblem.for_field("blueprint", f"no blueprint {order.blueprint!r} in tenants/")
    if await ctx.session.scalar(select(Tenant.id).where(Tenant.slug == order.slug)):
        raise ConflictProblem.for_field("slug", "this slug is already used")
    if order.plan is not None:
        await plans.current_plan(ctx, order.plan)
    try:
        blueprint = load_blueprint(path)
    except BlueprintError as exc:
        raise ValidationProblem.for_field("blueprint", str(exc)) from exc
    blueprint.tenant = msgspec.structs.replace(blueprint.tenant, slug=order.slug, name=order.name)
    report = await apply_blueprint(ctx.session, blueprint, source=f"{source}:{order.blueprint}")
    tenant = report.tenant
    assert tenant is not None
    if order.plan is not None:
        await subscriptions.assign_plan(
            ctx, settings, tenant.id, PlanAssignment(plan=order.plan, seats=order.seats, trial=order.trial)
        )
    made = Provisioned(tenant=tenant, created=list(report.created))
    # The provisioner acts in the new tenant as its owner would, for the invitation and the key.
    in_tenant = as_owner(ctx, tenant, label=order.inviter)
    if order.owner_email:
        await create_invitation(
            in_tenant,
            InvitationCreate(email=order.owner_email, role=Role.OWNER),
            site_url=site_url,
            settings=settings,
        )
        made.invitation_sent_to = order.owner_email
    if order.api_key:
        _key, made.api_key = await create_api_key(
            in_tenant, ApiKeyCreate(name=FIRST_KEY_NAME, role=Role.ADMIN)
        )
    return made
