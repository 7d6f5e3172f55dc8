from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementCreate")


@_attrs_define
class SettlementCreate:
    """
    Attributes:
        amount (str): A decimal string, at most 2 decimals.
        milestone_id (None | Unset | UUID):
        reference (None | str | Unset):
        settled_on (datetime.date | None | Unset):
    """

    amount: str
    milestone_id: None | Unset | UUID = UNSET
    reference: None | str | Unset = UNSET
    settled_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        milestone_id: None | str | Unset
        if isinstance(self.milestone_id, Unset):
            milestone_id = UNSET
        elif isinstance(self.milestone_id, UUID):
            milestone_id = str(self.milestone_id)
        else:
            milestone_id = self.milestone_id

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        settled_on: None | str | Unset
        if isinstance(self.settled_on, Unset):
            settled_on = UNSET
        elif isinstance(self.settled_on, datetime.date):
            settled_on = self.settled_on.isoformat()
        else:
            settled_on = self.settled_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if milestone_id is not UNSET:
            field_dict["milestone_id"] = milestone_id
        if reference is not UNSET:
            field_dict["reference"] = reference
        if settled_on is not UNSET:
            field_dict["settled_on"] = settled_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_milestone_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                milestone_id_type_0 = UUID(data)

                return milestone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_settled_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_on_type_0 = datetime.date.fromisoformat(data)

                return settled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        settled_on = _parse_settled_on(d.pop("settled_on", UNSET))

        settlement_create = cls(
            amount=amount,
            milestone_id=milestone_id,
            reference=reference,
            settled_on=settled_on,
        )

        settlement_create.additional_properties = d
        return settlement_create

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
