"""Alert rules: dedup keys, severities and which channels reach a user."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from bizsuite.core.alerts.models import Channel, Severity
from bizsuite.core.alerts.rules import (
    ChannelPreferences,
    alert_dedup_key,
    at_least,
    channels_for,
    email_message,
    outbox_dedup_key,
    sms_message,
)

CONTRACT = uuid.UUID("01900000-0000-7000-8000-000000000001")


def test_the_same_type_target_and_due_time_make_the_same_key() -> None:
    due = datetime(2026, 6, 30, tzinfo=UTC)
    first = alert_dedup_key("contract.expiry", target_type="contracts", target_id=CONTRACT, due_at=due)
    again = alert_dedup_key("contract.expiry", target_type="contracts", target_id=CONTRACT, due_at=due)
    assert first == again
    renewed = alert_dedup_key(
        "contract.expiry",
        target_type="contracts",
        target_id=CONTRACT,
        due_at=datetime(2027, 6, 30, tzinfo=UTC),
    )
    assert renewed != first
    assert alert_dedup_key("budget.overrun", target_type="contracts", target_id=CONTRACT, due_at=due) != first


def test_a_module_key_wins_and_long_keys_stay_unique_within_the_column() -> None:
    assert alert_dedup_key("sla.breach", key="ticket:42:milestone:onsite") == "ticket:42:milestone:onsite"
    long_a = alert_dedup_key("x.y", key="k" * 400 + "a")
    long_b = alert_dedup_key("x.y", key="k" * 400 + "b")
    assert len(long_a) <= 255 and len(long_b) <= 255
    assert long_a != long_b


def test_severity_order() -> None:
    assert at_least(Severity.CRITICAL, Severity.WARNING)
    assert at_least(Severity.WARNING, Severity.WARNING)
    assert not at_least(Severity.INFO, Severity.WARNING)


def test_default_preferences_email_from_warning_and_no_sms() -> None:
    defaults = ChannelPreferences()
    assert channels_for(defaults, Severity.INFO, "contract.expiry") == []
    assert channels_for(defaults, Severity.WARNING, "contract.expiry") == [Channel.EMAIL]
    assert channels_for(defaults, Severity.CRITICAL, "contract.expiry") == [Channel.EMAIL]


def test_sms_needs_a_number_and_muted_types_stay_in_the_inbox() -> None:
    no_number = ChannelPreferences(sms_enabled=True)
    assert channels_for(no_number, Severity.CRITICAL, "device.fault") == [Channel.EMAIL]
    sms = ChannelPreferences(email_enabled=False, sms_enabled=True, sms_number="+86 138 0000 0000")
    assert channels_for(sms, Severity.CRITICAL, "device.fault") == [Channel.SMS]
    assert channels_for(sms, Severity.WARNING, "device.fault") == []
    muted = ChannelPreferences(sms_enabled=True, sms_number="123", muted_types=frozenset({"device.fault"}))
    assert channels_for(muted, Severity.CRITICAL, "device.fault") == []


def test_one_message_per_alert_user_and_channel() -> None:
    user = uuid.UUID("01900000-0000-7000-8000-0000000000aa")
    assert outbox_dedup_key(CONTRACT, user, Channel.EMAIL) != outbox_dedup_key(CONTRACT, user, Channel.SMS)
    assert outbox_dedup_key(CONTRACT, user, Channel.EMAIL) == outbox_dedup_key(CONTRACT, user, Channel.EMAIL)


def test_messages_carry_severity_and_fit_an_sms() -> None:
    subject, body = email_message(Severity.WARNING, "Contract C-7 expires", "Renew or close it.", None)
    assert subject == "[WARNING] Contract C-7 expires"
    assert "Renew or close it." in body
    assert len(sms_message(Severity.CRITICAL, "x" * 500)) == 140
