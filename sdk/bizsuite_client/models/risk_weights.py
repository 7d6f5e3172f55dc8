from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskWeights")


@_attrs_define
class RiskWeights:
    """
    Attributes:
        expiring_without_renewal (int | None | Unset):
        overdue_receivables (int | None | Unset):
        revenue_decline (int | None | Unset):
        sla_breaches (int | None | Unset):
    """

    expiring_without_renewal: int | None | Unset = UNSET
    overdue_receivables: int | None | Unset = UNSET
    revenue_decline: int | None | Unset = UNSET
    sla_breaches: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expiring_without_renewal: int | None | Unset
        if isinstance(self.expiring_without_renewal, Unset):
            expiring_without_renewal = UNSET
        else:
            expiring_without_renewal = self.expiring_without_renewal

        overdue_receivables: int | None | Unset
        if isinstance(self.overdue_receivables, Unset):
            overdue_receivables = UNSET
        else:
            overdue_receivables = self.overdue_receivables

        revenue_decline: int | None | Unset
        if isinstance(self.revenue_decline, Unset):
            revenue_decline = UNSET
        else:
            revenue_decline = self.revenue_decline

        sla_breaches: int | None | Unset
        if isinstance(self.sla_breaches, Unset):
            sla_breaches = UNSET
        else:
            sla_breaches = self.sla_breaches

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if expiring_without_renewal is not UNSET:
            field_dict["expiring_without_renewal"] = expiring_without_renewal
        if overdue_receivables is not UNSET:
            field_dict["overdue_receivables"] = overdue_receivables
        if revenue_decline is not UNSET:
            field_dict["revenue_decline"] = revenue_decline
        if sla_breaches is not UNSET:
            field_dict["sla_breaches"] = sla_breaches

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_expiring_without_renewal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expiring_without_renewal = _parse_expiring_without_renewal(d.pop("expiring_without_renewal", UNSET))

        def _parse_overdue_receivables(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        overdue_receivables = _parse_overdue_receivables(d.pop("overdue_receivables", UNSET))

        def _parse_revenue_decline(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revenue_decline = _parse_revenue_decline(d.pop("revenue_decline", UNSET))

        def _parse_sla_breaches(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sla_breaches = _parse_sla_breaches(d.pop("sla_breaches", UNSET))

        risk_weights = cls(
            expiring_without_renewal=expiring_without_renewal,
            overdue_receivables=overdue_receivables,
            revenue_decline=revenue_decline,
            sla_breaches=sla_breaches,
        )

        risk_weights.additional_properties = d
        return risk_weights

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
