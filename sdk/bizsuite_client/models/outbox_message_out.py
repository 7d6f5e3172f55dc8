from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel, check_channel
from ..models.outbox_status import OutboxStatus, check_outbox_status

T = TypeVar("T", bound="OutboxMessageOut")


@_attrs_define
class OutboxMessageOut:
    """
    Attributes:
        alert_id (None | UUID):
        body (str):
        channel (Channel): A way to reach a user outside the in-app inbox.
        created_at (datetime.datetime):
        error (None | str):
        id (UUID):
        provider (str):
        recipient (str):
        sent_at (datetime.datetime | None):
        status (OutboxStatus): What became of an outgoing message.
        subject (None | str):
        user_id (None | UUID):
    """

    alert_id: None | UUID
    body: str
    channel: Channel
    created_at: datetime.datetime
    error: None | str
    id: UUID
    provider: str
    recipient: str
    sent_at: datetime.datetime | None
    status: OutboxStatus
    subject: None | str
    user_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_id: None | str
        if isinstance(self.alert_id, UUID):
            alert_id = str(self.alert_id)
        else:
            alert_id = self.alert_id

        body = self.body

        channel: str = self.channel

        created_at = self.created_at.isoformat()

        error: None | str
        error = self.error

        id = str(self.id)

        provider = self.provider

        recipient = self.recipient

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status: str = self.status

        subject: None | str
        subject = self.subject

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert_id": alert_id,
                "body": body,
                "channel": channel,
                "created_at": created_at,
                "error": error,
                "id": id,
                "provider": provider,
                "recipient": recipient,
                "sent_at": sent_at,
                "status": status,
                "subject": subject,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_alert_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                alert_id_type_0 = UUID(data)

                return alert_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        alert_id = _parse_alert_id(d.pop("alert_id"))

        body = d.pop("body")

        channel = check_channel(d.pop("channel"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        id = UUID(d.pop("id"))

        provider = d.pop("provider")

        recipient = d.pop("recipient")

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        status = check_outbox_status(d.pop("status"))

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        outbox_message_out = cls(
            alert_id=alert_id,
            body=body,
            channel=channel,
            created_at=created_at,
            error=error,
            id=id,
            provider=provider,
            recipient=recipient,
            sent_at=sent_at,
            status=status,
            subject=subject,
            user_id=user_id,
        )

        outbox_message_out.additional_properties = d
        return outbox_message_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
