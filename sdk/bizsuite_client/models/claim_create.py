from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_kind import ClaimKind, check_claim_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimCreate")


@_attrs_define
class ClaimCreate:
    """
    Attributes:
        kind (ClaimKind): A claim for money (索赔) or a claim for time (延期).
        raised_by (str): `us` or `counterparty`.
        reason (str):
        amount (None | str | Unset): A decimal string, at most 2 decimals.
        days (int | None | Unset):
        raised_on (datetime.date | None | Unset):
    """

    kind: ClaimKind
    raised_by: str
    reason: str
    amount: None | str | Unset = UNSET
    days: int | None | Unset = UNSET
    raised_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        raised_by = self.raised_by

        reason = self.reason

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        days: int | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        else:
            days = self.days

        raised_on: None | str | Unset
        if isinstance(self.raised_on, Unset):
            raised_on = UNSET
        elif isinstance(self.raised_on, datetime.date):
            raised_on = self.raised_on.isoformat()
        else:
            raised_on = self.raised_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "raised_by": raised_by,
                "reason": reason,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if days is not UNSET:
            field_dict["days"] = days
        if raised_on is not UNSET:
            field_dict["raised_on"] = raised_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_claim_kind(d.pop("kind"))

        raised_by = d.pop("raised_by")

        reason = d.pop("reason")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))

        def _parse_raised_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                raised_on_type_0 = datetime.date.fromisoformat(data)

                return raised_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        raised_on = _parse_raised_on(d.pop("raised_on", UNSET))

        claim_create = cls(
            kind=kind,
            raised_by=raised_by,
            reason=reason,
            amount=amount,
            days=days,
            raised_on=raised_on,
        )

        claim_create.additional_properties = d
        return claim_create

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
