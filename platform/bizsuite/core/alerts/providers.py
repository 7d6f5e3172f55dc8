"""Email and SMS provider interfaces; the default providers record messages instead of sending.

Every message is written to the outbox first (so the UI and API show what went out); the
provider then delivers it and says how that went. A real provider (SMTP, an SMS gateway)
registers under a name and is chosen with ``BIZSUITE_EMAIL_PROVIDER`` / ``BIZSUITE_SMS_PROVIDER``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bizsuite.core.alerts.models import Channel, OutboxStatus
from bizsuite.settings import Settings


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """What a provider is asked to deliver."""

    channel: Channel
    recipient: str
    subject: str | None
    body: str


class MessageProvider(Protocol):
    """Delivers one channel's messages."""

    name: str

    async def send(self, message: OutgoingMessage) -> OutboxStatus:
        """Deliver ``message``; return ``sent`` (or ``recorded`` when it is only kept)."""
        ...


class RecordingProvider:
    """Sends nothing: the outbox row is the message (the default; shown in the UI and API)."""

    name = "record"

    async def send(self, message: OutgoingMessage) -> OutboxStatus:
        """Keep the message in the outbox only."""
        return OutboxStatus.RECORDED


ProviderFactory = Callable[[Settings], MessageProvider]

#: Provider factories by channel and name.
PROVIDERS: dict[Channel, dict[str, ProviderFactory]] = {
    Channel.EMAIL: {"record": lambda settings: RecordingProvider()},
    Channel.SMS: {"record": lambda settings: RecordingProvider()},
}


def register_provider(channel: Channel, name: str, factory: ProviderFactory) -> None:
    """Make a provider choosable by name for a channel."""
    PROVIDERS[channel][name] = factory


def provider_for(settings: Settings, channel: Channel) -> MessageProvider:
    """The configured provider of ``channel``."""
    name = settings.email_provider if channel is Channel.EMAIL else settings.sms_provider
    try:
        factory = PROVIDERS[channel][name]
    except KeyError:
        raise LookupError(f"no {channel.value} provider named {name!r}") from None
    return factory(settings)
