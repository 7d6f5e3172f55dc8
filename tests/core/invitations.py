"""Invitations reach the invitee only by email: tests read the token from the (recorded) outbox."""

from __future__ import annotations

import re
from typing import Any

import httpx

_LINK = re.compile(r"(https?://\S+/invitations/accept\?token=([A-Za-z0-9_-]+))")


async def invite(
    client: httpx.AsyncClient, headers: dict[str, str], **body: Any
) -> tuple[dict[str, Any], str]:
    """Invite someone through the API; return the answer and the token from the invitation email."""
    created = await client.post("/api/v1/invitations", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert "token" not in created.text  # the inviter never sees it
    return created.json(), (await emailed_link(client, headers, body["email"]))[1]


async def emailed_link(client: httpx.AsyncClient, headers: dict[str, str], email: str) -> tuple[str, str]:
    """The newest invitation link emailed to ``email`` (the accept URL and its token)."""
    messages = (
        await client.get("/api/v1/outbox", params={"channel": "email", "limit": 100}, headers=headers)
    ).json()["items"]
    for message in messages:
        found = _LINK.search(message["body"])
        if message["recipient"] == email and found:
            return found.group(1), found.group(2)
    raise AssertionError(f"no invitation email to {email}")
