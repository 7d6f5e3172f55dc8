"""Every foundation endpoint through the generated client (sync), against a live server."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from bizsuite_client import AuthenticatedClient, Client
from bizsuite_client.api.api_keys import create_api_key, get_api_key, list_api_keys, revoke_api_key
from bizsuite_client.api.audit import get_audit_entry, list_audit_entries
from bizsuite_client.api.members import (
    create_invitation,
    get_member,
    list_invitations,
    list_members,
    revoke_invitation,
    update_member,
)
from bizsuite_client.api.org_units import (
    archive_org_unit,
    create_org_unit,
    delete_org_unit,
    get_org_unit,
    list_org_units,
    move_org_unit,
    restore_org_unit,
    update_org_unit,
)
from bizsuite_client.api.system import get_health, get_readiness
from bizsuite_client.api.tenants import (
    create_tenant,
    get_current_tenant,
    get_tenant,
    list_tenants,
    resume_tenant,
    suspend_tenant,
    update_current_tenant,
    update_tenant,
)
from bizsuite_client.models import (
    ApiKeyCreate,
    InvitationCreate,
    JsonObject,
    MemberUpdate,
    OrgUnitCreate,
    OrgUnitKind,
    OrgUnitMove,
    OrgUnitOut,
    OrgUnitUpdate,
    ProblemDetails,
    TenantCreate,
    TenantUpdate,
)
from bizsuite_client.types import Response
from bizsuite_sdk import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    StaleVersionError,
    ValidationError,
    paginate,
    unwrap,
)

from tests.conftest import TenantHandle
from tests.sdk.conftest import sdk_client


def new_unit(
    client: AuthenticatedClient, code: str, kind: OrgUnitKind = "department", parent: OrgUnitOut | None = None
) -> OrgUnitOut:
    body = OrgUnitCreate(name=f"Unit {code}", code=code, kind=kind)
    if parent is not None:
        body.parent_id = parent.id
    return unwrap(create_org_unit.sync_detailed(client=client, body=body))


def test_create_get_and_list_org_units_across_several_pages(client_a: AuthenticatedClient) -> None:
    root = new_unit(client_a, "HQ", "group")
    codes = [f"S{i:02d}" for i in range(7)]
    for code in codes:
        new_unit(client_a, code, "store", parent=root)

    fetched = unwrap(get_org_unit.sync_detailed(root.id, client=client_a))
    assert (fetched.code, fetched.kind, fetched.version, fetched.parent_id) == ("HQ", "group", 1, None)

    pages: list[Any] = []

    def counted(**kwargs: Any) -> Response[Any]:
        response = list_org_units.sync_detailed(**kwargs)
        pages.append(response.parsed)
        return response

    listed = [unit.code for unit in paginate(counted, client=client_a, limit=3, parent_id=root.id)]
    assert listed == codes
    assert [len(page.items) for page in pages] == [3, 3, 1]
    # The module itself works as the operation too, with filters passed through.
    assert [u.code for u in paginate(list_org_units, client=client_a, kind="group")] == ["HQ"]


def test_update_with_a_stale_version_raises_a_typed_412(client_a: AuthenticatedClient) -> None:
    unit = new_unit(client_a, "OPS")
    renamed = unwrap(
        update_org_unit.sync_detailed(
            unit.id, client=client_a, body=OrgUnitUpdate(name="Operations"), if_match=str(unit.version)
        )
    )
    assert (renamed.name, renamed.version) == ("Operations", unit.version + 1)

    with pytest.raises(StaleVersionError) as stale:
        unwrap(
            update_org_unit.sync_detailed(
                unit.id, client=client_a, body=OrgUnitUpdate(name="Lost edit"), if_match=str(unit.version)
            )
        )
    assert stale.value.status == 412
    assert isinstance(stale.value.problem, ProblemDetails)
    assert stale.value.type == "https://bizsuite.dev/problems/precondition-failed"
    assert unwrap(get_org_unit.sync_detailed(unit.id, client=client_a)).name == "Operations"


def test_invalid_input_raises_a_typed_422_naming_the_field(client_a: AuthenticatedClient) -> None:
    with pytest.raises(ValidationError) as invalid:
        unwrap(
            create_org_unit.sync_detailed(
                client=client_a, body=OrgUnitCreate(name="Bad", code="not a code!", kind="store")
            )
        )
    assert invalid.value.status == 422
    assert [error.field for error in invalid.value.errors] == ["code"]
    assert "code" in str(invalid.value)
    assert invalid.value.request_id


def test_an_unknown_key_or_no_key_is_a_typed_401(live_server: str) -> None:
    with sdk_client(live_server, "bsk_" + "0" * 40) as stranger, pytest.raises(AuthenticationError) as denied:
        unwrap(list_org_units.sync_detailed(client=stranger))
    assert denied.value.status == 401
    with Client(base_url=live_server) as anonymous, pytest.raises(AuthenticationError):
        unwrap(get_current_tenant.sync_detailed(client=anonymous))


def test_another_tenants_id_is_a_typed_404(
    client_a: AuthenticatedClient, client_b: AuthenticatedClient
) -> None:
    theirs = new_unit(client_b, "THEIRS")
    with pytest.raises(NotFoundError) as missing:
        unwrap(get_org_unit.sync_detailed(theirs.id, client=client_a))
    assert missing.value.status == 404
    with pytest.raises(NotFoundError):
        unwrap(delete_org_unit.sync_detailed(theirs.id, client=client_a, if_match="1"))
    assert unwrap(get_org_unit.sync_detailed(theirs.id, client=client_b)).code == "THEIRS"
    assert "THEIRS" not in [u.code for u in paginate(list_org_units, client=client_a)]


def test_move_archive_restore_and_delete(client_a: AuthenticatedClient) -> None:
    region = new_unit(client_a, "EAST", "region")
    store = new_unit(client_a, "STORE-1", "store")
    moved = unwrap(
        move_org_unit.sync_detailed(
            store.id, client=client_a, body=OrgUnitMove(parent_id=region.id), if_match=str(store.version)
        )
    )
    assert moved.parent_id == region.id
    archived = unwrap(archive_org_unit.sync_detailed(store.id, client=client_a, if_match=str(moved.version)))
    assert archived.archived_at is not None
    assert [u.code for u in paginate(list_org_units, client=client_a, parent_id=region.id)] == []
    restored = unwrap(
        restore_org_unit.sync_detailed(store.id, client=client_a, if_match=str(archived.version))
    )
    assert restored.archived_at is None
    assert (
        unwrap(delete_org_unit.sync_detailed(store.id, client=client_a, if_match=str(restored.version)))
        is None
    )
    with pytest.raises(NotFoundError):
        unwrap(get_org_unit.sync_detailed(store.id, client=client_a))


def test_members_and_invitations(client_a: AuthenticatedClient, tenant_a: TenantHandle) -> None:
    members = list(paginate(list_members, client=client_a))
    assert [m.email for m in members] == [tenant_a.owner.email]
    owner = unwrap(get_member.sync_detailed(members[0].id, client=client_a))
    assert owner.role == "owner"
    with pytest.raises(StaleVersionError):
        unwrap(
            update_member.sync_detailed(
                owner.id,
                client=client_a,
                body=MemberUpdate(module_grants=[]),
                if_match=str(owner.version + 5),
            )
        )

    email = f"new-{uuid.uuid4().hex[:8]}@example.com"
    created = unwrap(
        create_invitation.sync_detailed(client=client_a, body=InvitationCreate(email=email, role="member"))
    )
    # The invitation's token is e-mailed, never returned by the API.
    assert created.email == email and not hasattr(created, "token")
    assert email in [i.email for i in paginate(list_invitations, client=client_a)]
    revoked = unwrap(revoke_invitation.sync_detailed(created.id, client=client_a))
    assert revoked.revoked_at is not None


def test_api_keys_create_use_list_and_revoke(live_server: str, client_a: AuthenticatedClient) -> None:
    created = unwrap(
        create_api_key.sync_detailed(client=client_a, body=ApiKeyCreate(name="reporting", role="viewer"))
    )
    assert created.secret.startswith(created.api_key.prefix)
    with sdk_client(live_server, created.secret) as reporting:
        assert unwrap(get_current_tenant.sync_detailed(client=reporting)).id
        with pytest.raises(PermissionDeniedError) as forbidden:
            unwrap(
                create_org_unit.sync_detailed(
                    client=reporting, body=OrgUnitCreate(name="X", code="X", kind="store")
                )
            )
        assert forbidden.value.status == 403

        assert "reporting" in [key.name for key in paginate(list_api_keys, client=client_a)]
        assert unwrap(get_api_key.sync_detailed(created.api_key.id, client=client_a)).role == "viewer"
        assert (
            unwrap(revoke_api_key.sync_detailed(created.api_key.id, client=client_a)).revoked_at is not None
        )
        with pytest.raises(AuthenticationError):
            unwrap(get_current_tenant.sync_detailed(client=reporting))


def test_audit_log_lists_and_reads_entries(client_a: AuthenticatedClient) -> None:
    unit = new_unit(client_a, "AUDITED")
    entries = list(paginate(list_audit_entries, client=client_a, target_id=unit.id))
    assert [e.action for e in entries] == ["org_unit.created"]
    entry = unwrap(get_audit_entry.sync_detailed(entries[0].id, client=client_a))
    assert isinstance(entry.after, JsonObject)
    assert entry.after["code"] == "AUDITED"
    assert entry.before is None


def test_current_tenant_settings_need_the_current_version(
    client_a: AuthenticatedClient, tenant_a: TenantHandle
) -> None:
    tenant = unwrap(get_current_tenant.sync_detailed(client=client_a))
    assert tenant.id == tenant_a.id
    updated = unwrap(
        update_current_tenant.sync_detailed(
            client=client_a, body=TenantUpdate(time_zone="Europe/Paris"), if_match=str(tenant.version)
        )
    )
    assert updated.time_zone == "Europe/Paris"
    with pytest.raises(StaleVersionError):
        unwrap(
            update_current_tenant.sync_detailed(
                client=client_a, body=TenantUpdate(name="Stale"), if_match=str(tenant.version)
            )
        )


def test_operator_manages_tenants(
    operator_client: AuthenticatedClient, client_a: AuthenticatedClient
) -> None:
    slug = f"sdk-{uuid.uuid4().hex[:8]}"
    tenant = unwrap(
        create_tenant.sync_detailed(
            client=operator_client, body=TenantCreate(name="SDK Ltd", slug=slug, modules=["crm"])
        )
    )
    assert (tenant.slug, tenant.status, tenant.modules) == (slug, "active", ["crm"])
    assert unwrap(get_tenant.sync_detailed(tenant.id, client=operator_client)).name == "SDK Ltd"
    assert slug in [t.slug for t in paginate(list_tenants, client=operator_client, limit=2)]

    renamed = unwrap(
        update_tenant.sync_detailed(
            tenant.id,
            client=operator_client,
            body=TenantUpdate(name="SDK Group"),
            if_match=str(tenant.version),
        )
    )
    assert renamed.name == "SDK Group"
    assert unwrap(suspend_tenant.sync_detailed(tenant.id, client=operator_client)).status == "suspended"
    assert unwrap(resume_tenant.sync_detailed(tenant.id, client=operator_client)).status == "active"
    with pytest.raises(ValidationError) as duplicate_or_invalid:
        unwrap(
            create_tenant.sync_detailed(
                client=operator_client, body=TenantCreate(name="X", slug="Not A Slug")
            )
        )
    assert [e.field for e in duplicate_or_invalid.value.errors] == ["slug"]
    # A tenant's key is not the operator's.
    with pytest.raises((AuthenticationError, PermissionDeniedError)):
        unwrap(list_tenants.sync_detailed(client=client_a))


def test_suspending_a_tenant_locks_its_keys_out(
    operator_client: AuthenticatedClient, client_a: AuthenticatedClient, tenant_a: TenantHandle
) -> None:
    unwrap(suspend_tenant.sync_detailed(tenant_a.id, client=operator_client))
    try:
        with pytest.raises(PermissionDeniedError):
            unwrap(get_current_tenant.sync_detailed(client=client_a))
    finally:
        unwrap(resume_tenant.sync_detailed(tenant_a.id, client=operator_client))
    assert unwrap(get_current_tenant.sync_detailed(client=client_a)).status == "active"


def test_health_and_readiness(live_server: str) -> None:
    with Client(base_url=live_server) as anonymous:
        assert unwrap(get_health.sync_detailed(client=anonymous)).status == "ok"
        assert unwrap(get_readiness.sync_detailed(client=anonymous)).status == "ready"
