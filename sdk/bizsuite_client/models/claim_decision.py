from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_status import ClaimStatus, check_claim_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimDecision")


@_attrs_define
class ClaimDecision:
    """
    Attributes:
        status (ClaimStatus): Where a claim or delay stands.
        agreed_amount (None | str | Unset): A decimal string, at most 2 decimals.
        agreed_days (int | None | Unset):
        resolution (None | str | Unset):
    """

    status: ClaimStatus
    agreed_amount: None | str | Unset = UNSET
    agreed_days: int | None | Unset = UNSET
    resolution: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        agreed_amount: None | str | Unset
        if isinstance(self.agreed_amount, Unset):
            agreed_amount = UNSET
        else:
            agreed_amount = self.agreed_amount

        agreed_days: int | None | Unset
        if isinstance(self.agreed_days, Unset):
            agreed_days = UNSET
        else:
            agreed_days = self.agreed_days

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if agreed_amount is not UNSET:
            field_dict["agreed_amount"] = agreed_amount
        if agreed_days is not UNSET:
            field_dict["agreed_days"] = agreed_days
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_claim_status(d.pop("status"))

        def _parse_agreed_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agreed_amount = _parse_agreed_amount(d.pop("agreed_amount", UNSET))

        def _parse_agreed_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agreed_days = _parse_agreed_days(d.pop("agreed_days", UNSET))

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        claim_decision = cls(
            status=status,
            agreed_amount=agreed_amount,
            agreed_days=agreed_days,
            resolution=resolution,
        )

        claim_decision.additional_properties = d
        return claim_decision

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
