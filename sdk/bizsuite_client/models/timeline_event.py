from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_kind import ActivityKind, check_activity_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimelineEvent")


@_attrs_define
class TimelineEvent:
    """
    Attributes:
        kind (str):
        occurred_at (datetime.datetime):
        source_id (UUID):
        title (str):
        activity_kind (ActivityKind | None | Unset):
        actor (None | str | Unset):
        amount (None | str | Unset):
        currency (None | str | Unset):
        detail (None | str | Unset):
    """

    kind: str
    occurred_at: datetime.datetime
    source_id: UUID
    title: str
    activity_kind: ActivityKind | None | Unset = UNSET
    actor: None | str | Unset = UNSET
    amount: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        occurred_at = self.occurred_at.isoformat()

        source_id = str(self.source_id)

        title = self.title

        activity_kind: None | str | Unset
        if isinstance(self.activity_kind, Unset):
            activity_kind = UNSET
        elif isinstance(self.activity_kind, str):
            activity_kind = self.activity_kind
        else:
            activity_kind = self.activity_kind

        actor: None | str | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        else:
            actor = self.actor

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "occurred_at": occurred_at,
                "source_id": source_id,
                "title": title,
            }
        )
        if activity_kind is not UNSET:
            field_dict["activity_kind"] = activity_kind
        if actor is not UNSET:
            field_dict["actor"] = actor
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        source_id = UUID(d.pop("source_id"))

        title = d.pop("title")

        def _parse_activity_kind(data: object) -> ActivityKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_kind_type_0 = check_activity_kind(data)

                return activity_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityKind | None | Unset, data)

        activity_kind = _parse_activity_kind(d.pop("activity_kind", UNSET))

        def _parse_actor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        timeline_event = cls(
            kind=kind,
            occurred_at=occurred_at,
            source_id=source_id,
            title=title,
            activity_kind=activity_kind,
            actor=actor,
            amount=amount,
            currency=currency,
            detail=detail,
        )

        timeline_event.additional_properties = d
        return timeline_event

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
