from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.component_kind import ComponentKind, check_component_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeComponentCreate")


@_attrs_define
class FeeComponentCreate:
    """
    Attributes:
        kind (ComponentKind): The four kinds of fee a schedule is made of.
        label (str):
        band_high (None | str | Unset): A decimal string, at most 6 decimals.
        band_low (None | str | Unset): A decimal string, at most 6 decimals.
        metric_currency (str | Unset): ISO 4217 code, e.g. `CNY`. Default: 'USD'.
        per (None | str | Unset): A decimal string, at most 2 decimals.
        quarters (list[int] | None | Unset):
        rate (None | str | Unset): A decimal string, at most 6 decimals.
    """

    kind: ComponentKind
    label: str
    band_high: None | str | Unset = UNSET
    band_low: None | str | Unset = UNSET
    metric_currency: str | Unset = "USD"
    per: None | str | Unset = UNSET
    quarters: list[int] | None | Unset = UNSET
    rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        label = self.label

        band_high: None | str | Unset
        if isinstance(self.band_high, Unset):
            band_high = UNSET
        else:
            band_high = self.band_high

        band_low: None | str | Unset
        if isinstance(self.band_low, Unset):
            band_low = UNSET
        else:
            band_low = self.band_low

        metric_currency = self.metric_currency

        per: None | str | Unset
        if isinstance(self.per, Unset):
            per = UNSET
        else:
            per = self.per

        quarters: list[int] | None | Unset
        if isinstance(self.quarters, Unset):
            quarters = UNSET
        elif isinstance(self.quarters, list):
            quarters = self.quarters

        else:
            quarters = self.quarters

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "label": label,
            }
        )
        if band_high is not UNSET:
            field_dict["band_high"] = band_high
        if band_low is not UNSET:
            field_dict["band_low"] = band_low
        if metric_currency is not UNSET:
            field_dict["metric_currency"] = metric_currency
        if per is not UNSET:
            field_dict["per"] = per
        if quarters is not UNSET:
            field_dict["quarters"] = quarters
        if rate is not UNSET:
            field_dict["rate"] = rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_component_kind(d.pop("kind"))

        label = d.pop("label")

        def _parse_band_high(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        band_high = _parse_band_high(d.pop("band_high", UNSET))

        def _parse_band_low(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        band_low = _parse_band_low(d.pop("band_low", UNSET))

        metric_currency = d.pop("metric_currency", UNSET)

        def _parse_per(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        per = _parse_per(d.pop("per", UNSET))

        def _parse_quarters(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                quarters_type_0 = cast(list[int], data)

                return quarters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        quarters = _parse_quarters(d.pop("quarters", UNSET))

        def _parse_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        fee_component_create = cls(
            kind=kind,
            label=label,
            band_high=band_high,
            band_low=band_low,
            metric_currency=metric_currency,
            per=per,
            quarters=quarters,
            rate=rate,
        )

        fee_component_create.additional_properties = d
        return fee_component_create

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
