"""Webhook rules: subscriptions, secrets during a rotation, signatures receivers can verify."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from bizsuite.core.webhooks.rules import (
    address_allowed,
    is_valid_subscription,
    message_id,
    new_secret,
    overlap_until,
    payload_body,
    signed_headers,
    signing_secrets,
    subscribes,
    url_problem,
)
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

NOW = datetime.now(UTC)


def test_subscriptions_match_exact_types_prefixes_and_everything() -> None:
    assert subscribes(["org_unit.created"], "org_unit.created")
    assert not subscribes(["org_unit.created"], "org_unit.deleted")
    assert subscribes(["org_unit.*"], "org_unit.deleted")
    assert not subscribes(["org_unit.*"], "alert.raised")
    assert subscribes(["*"], "alert.raised")
    assert is_valid_subscription("org_unit.*")
    assert is_valid_subscription("*")
    assert not is_valid_subscription("org_unit.exploded")
    assert not is_valid_subscription("nothing.*")


def test_the_previous_secret_signs_only_during_the_overlap() -> None:
    assert signing_secrets("new", "old", NOW + timedelta(hours=1), NOW) == ["new", "old"]
    assert signing_secrets("new", "old", NOW - timedelta(seconds=1), NOW) == ["new"]
    assert signing_secrets("new", None, None, NOW) == ["new"]
    assert overlap_until(NOW, timedelta(days=30)) == NOW + timedelta(days=7)


def test_a_delivery_signed_with_two_secrets_verifies_with_either() -> None:
    # Receivers reject timestamps more than five minutes off, so sign with the real clock.
    now = datetime.now(UTC)
    old, new = new_secret(), new_secret()
    assert old.startswith("whsec_") and old != new
    body = payload_body("org_unit.created", now, {"code": "FIN"})
    headers = signed_headers([new, old], message_id(uuid.uuid4()), now, body)
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert Webhook(new).verify(body, headers)["data"] == {"code": "FIN"}
    assert Webhook(old).verify(body, headers)["type"] == "org_unit.created"
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new).verify(body.replace("FIN", "HR"), headers)


def test_endpoint_urls_and_target_addresses() -> None:
    assert url_problem("https://example.com/hook") is None
    assert url_problem("ftp://example.com/") is not None
    assert url_problem("https://user:pw@example.com/") is not None
    assert address_allowed("93.184.215.14", allow_private=False)
    for private in ("127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "192.168.0.9"):
        assert not address_allowed(private, allow_private=False), private
    assert address_allowed("127.0.0.1", allow_private=True)
