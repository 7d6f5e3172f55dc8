"""Service tickets through the generated SDK against a live server: define a policy, open a
ticket, reach its milestones, pause it, read the states, close a complaint."""

from __future__ import annotations

import pytest
from bizsuite.settings import REPO_ROOT
from bizsuite_client.api.crm import (
    change_crm_ticket_status,
    close_crm_ticket,
    complete_crm_ticket_milestone,
    create_crm_sla_policy,
    create_crm_ticket,
    get_crm_ticket,
    list_crm_tickets,
)
from bizsuite_client.models import (
    MilestoneCompletion,
    SlaMilestoneIn,
    SlaPolicyIn,
    TicketClose,
    TicketCreate,
    TicketStatusChange,
)
from bizsuite_sdk import ValidationError, create_client, paginate, unwrap
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.sdk.conftest import examples, run_example, user_env


async def test_open_a_ticket_reach_milestones_and_read_their_states(
    live_server: str, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account_id = await make_account(app_engine, tenant_a)
    with create_client(tenant_a.api_key, live_server) as client:
        policy = unwrap(
            create_crm_sla_policy.sync_detailed(
                client=client,
                body=SlaPolicyIn(
                    code="engineer",
                    name="工程师维修",
                    category="repair",
                    milestones=[
                        SlaMilestoneIn(key="accepted", name="接单", target_minutes=10),
                        SlaMilestoneIn(key="started", name="开工", target_minutes=15, anchor="previous"),
                        SlaMilestoneIn(
                            key="completed",
                            name="完工或说明原因",
                            target_minutes=1440,
                            anchor="previous",
                            reason_allowed=True,
                        ),
                        SlaMilestoneIn(key="callback", name="当天回访", same_day=True, anchor="previous"),
                    ],
                ),
            )
        )
        ticket = unwrap(
            create_crm_ticket.sync_detailed(
                client=client,
                body=TicketCreate(
                    account_id=account_id, title="空调不制冷", category="repair", priority="high"
                ),
            )
        )
        assert ticket.policy_id == policy.id
        assert [m.state for m in ticket.milestones] == ["due", "not_started", "not_started", "not_started"]

        ticket = unwrap(
            complete_crm_ticket_milestone.sync_detailed(
                ticket.id, "accepted", client=client, body=MilestoneCompletion(), if_match=str(ticket.version)
            )
        )
        assert [m.state for m in ticket.milestones][:2] == ["met", "due"]
        started = ticket.milestones[1]
        assert isinstance(started.due_in_seconds, int) and 0 < started.due_in_seconds <= 15 * 60

        ticket = unwrap(
            change_crm_ticket_status.sync_detailed(
                ticket.id,
                client=client,
                body=TicketStatusChange(status="waiting"),
                if_match=str(ticket.version),
            )
        )
        assert ticket.milestones[1].state == "paused"
        read = unwrap(get_crm_ticket.sync_detailed(ticket.id, client=client))
        assert (read.status, read.number) == ("waiting", "T-000001")

        waiting = list(paginate(list_crm_tickets, client=client, status="waiting"))
        assert [t.id for t in waiting] == [ticket.id]


async def test_a_complaint_needs_its_satisfaction_to_close(
    live_server: str, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account_id = await make_account(app_engine, tenant_a)
    with create_client(tenant_a.api_key, live_server) as client:
        complaint = unwrap(
            create_crm_ticket.sync_detailed(
                client=client, body=TicketCreate(account_id=account_id, title="投诉", category="complaint")
            )
        )
        with pytest.raises(ValidationError) as refused:
            unwrap(
                close_crm_ticket.sync_detailed(
                    complaint.id, client=client, body=TicketClose(), if_match=str(complaint.version)
                )
            )
        assert refused.value.status == 422
        assert "satisfaction" in str(refused.value.problem.to_dict())
        closed = unwrap(
            close_crm_ticket.sync_detailed(
                complaint.id, client=client, body=TicketClose(satisfaction=5), if_match=str(complaint.version)
            )
        )
        assert (closed.status, closed.satisfaction) == ("closed", 5)


GUIDE = REPO_ROOT / "docs" / "crm" / "tickets.md"


def test_the_guides_python_example_runs(live_server: str, tenant_a: TenantHandle) -> None:
    python = [e for e in examples(GUIDE) if e.language == "python"]
    assert python
    for example in python:
        result = run_example(example.code, user_env(live_server, tenant_a.api_key))
        assert result.returncode == 0, f"{example.name} failed:\n{result.stderr}"
        assert "T-000001 on_site met None" in result.stdout
        assert "T-000001 fixed due" in result.stdout
