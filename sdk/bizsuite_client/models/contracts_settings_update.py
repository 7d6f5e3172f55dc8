from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.spend_rule import SpendRule, check_spend_rule
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.risk_weights import RiskWeights


T = TypeVar("T", bound="ContractsSettingsUpdate")


@_attrs_define
class ContractsSettingsUpdate:
    """
    Attributes:
        expiry_alert_days (list[int] | Unset):
        milestone_alert_days (int | Unset):
        number_pattern (str | Unset): Contract numbers: `{year}` and `{seq}` (e.g. `{seq:04d}`).
        qualification_alert_days (int | Unset):
        risk_weights (RiskWeights | Unset):
        spend_rule (SpendRule | Unset): 以收定支: how a payment beyond what the project received is treated.
    """

    expiry_alert_days: list[int] | Unset = UNSET
    milestone_alert_days: int | Unset = UNSET
    number_pattern: str | Unset = UNSET
    qualification_alert_days: int | Unset = UNSET
    risk_weights: RiskWeights | Unset = UNSET
    spend_rule: SpendRule | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expiry_alert_days: list[int] | Unset
        if isinstance(self.expiry_alert_days, Unset):
            expiry_alert_days = UNSET
        else:
            expiry_alert_days = self.expiry_alert_days

        milestone_alert_days: int | Unset
        if isinstance(self.milestone_alert_days, Unset):
            milestone_alert_days = UNSET
        else:
            milestone_alert_days = self.milestone_alert_days

        number_pattern: str | Unset
        if isinstance(self.number_pattern, Unset):
            number_pattern = UNSET
        else:
            number_pattern = self.number_pattern

        qualification_alert_days: int | Unset
        if isinstance(self.qualification_alert_days, Unset):
            qualification_alert_days = UNSET
        else:
            qualification_alert_days = self.qualification_alert_days

        risk_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.risk_weights, Unset):
            risk_weights = self.risk_weights.to_dict()

        spend_rule: str | Unset = UNSET
        if not isinstance(self.spend_rule, Unset):
            spend_rule = self.spend_rule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if expiry_alert_days is not UNSET:
            field_dict["expiry_alert_days"] = expiry_alert_days
        if milestone_alert_days is not UNSET:
            field_dict["milestone_alert_days"] = milestone_alert_days
        if number_pattern is not UNSET:
            field_dict["number_pattern"] = number_pattern
        if qualification_alert_days is not UNSET:
            field_dict["qualification_alert_days"] = qualification_alert_days
        if risk_weights is not UNSET:
            field_dict["risk_weights"] = risk_weights
        if spend_rule is not UNSET:
            field_dict["spend_rule"] = spend_rule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_weights import RiskWeights  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_expiry_alert_days(data: object) -> list[int] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            expiry_alert_days_type_0 = cast(list[int], data)

            return expiry_alert_days_type_0

        expiry_alert_days = _parse_expiry_alert_days(d.pop("expiry_alert_days", UNSET))

        def _parse_milestone_alert_days(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        milestone_alert_days = _parse_milestone_alert_days(d.pop("milestone_alert_days", UNSET))

        def _parse_number_pattern(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        number_pattern = _parse_number_pattern(d.pop("number_pattern", UNSET))

        def _parse_qualification_alert_days(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        qualification_alert_days = _parse_qualification_alert_days(d.pop("qualification_alert_days", UNSET))

        _risk_weights = d.pop("risk_weights", UNSET)
        risk_weights: RiskWeights | Unset
        if isinstance(_risk_weights, Unset):
            risk_weights = UNSET
        else:
            risk_weights = RiskWeights.from_dict(_risk_weights)

        _spend_rule = d.pop("spend_rule", UNSET)
        spend_rule: SpendRule | Unset
        if isinstance(_spend_rule, Unset):
            spend_rule = UNSET
        else:
            spend_rule = check_spend_rule(_spend_rule)

        contracts_settings_update = cls(
            expiry_alert_days=expiry_alert_days,
            milestone_alert_days=milestone_alert_days,
            number_pattern=number_pattern,
            qualification_alert_days=qualification_alert_days,
            risk_weights=risk_weights,
            spend_rule=spend_rule,
        )

        contracts_settings_update.additional_properties = d
        return contracts_settings_update

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
