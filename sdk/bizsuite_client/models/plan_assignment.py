from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_interval import BillingInterval, check_billing_interval
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanAssignment")


@_attrs_define
class PlanAssignment:
    """
    Attributes:
        plan (str):
        interval (BillingInterval | Unset): How often a subscription is billed.
        payment_method (None | str | Unset):
        seats (int | Unset):  Default: 1.
        trial (bool | Unset):  Default: True.
    """

    plan: str
    interval: BillingInterval | Unset = UNSET
    payment_method: None | str | Unset = UNSET
    seats: int | Unset = 1
    trial: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan

        interval: str | Unset = UNSET
        if not isinstance(self.interval, Unset):
            interval = self.interval

        payment_method: None | str | Unset
        if isinstance(self.payment_method, Unset):
            payment_method = UNSET
        else:
            payment_method = self.payment_method

        seats = self.seats

        trial = self.trial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
            }
        )
        if interval is not UNSET:
            field_dict["interval"] = interval
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if seats is not UNSET:
            field_dict["seats"] = seats
        if trial is not UNSET:
            field_dict["trial"] = trial

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan = d.pop("plan")

        _interval = d.pop("interval", UNSET)
        interval: BillingInterval | Unset
        if isinstance(_interval, Unset):
            interval = UNSET
        else:
            interval = check_billing_interval(_interval)

        def _parse_payment_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_method = _parse_payment_method(d.pop("payment_method", UNSET))

        seats = d.pop("seats", UNSET)

        trial = d.pop("trial", UNSET)

        plan_assignment = cls(
            plan=plan,
            interval=interval,
            payment_method=payment_method,
            seats=seats,
            trial=trial,
        )

        plan_assignment.additional_properties = d
        return plan_assignment

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
