from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figure_out import FigureOut


T = TypeVar("T", bound="ResellerPlanOut")


@_attrs_define
class ResellerPlanOut:
    """
    Attributes:
        code (str):
        currency (str):
        margin_month (FigureOut | None):
        modules (list[str]):
        name (str):
        price_month (str):
        seats (int | None):
        trial_days (int):
        version (int):
        wholesale_price_month (None | str):
    """

    code: str
    currency: str
    margin_month: FigureOut | None
    modules: list[str]
    name: str
    price_month: str
    seats: int | None
    trial_days: int
    version: int
    wholesale_price_month: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.figure_out import FigureOut  # noqa: PLC0415

        code = self.code

        currency = self.currency

        margin_month: dict[str, Any] | None
        if isinstance(self.margin_month, FigureOut):
            margin_month = self.margin_month.to_dict()
        else:
            margin_month = self.margin_month

        modules = self.modules

        name = self.name

        price_month = self.price_month

        seats: int | None
        seats = self.seats

        trial_days = self.trial_days

        version = self.version

        wholesale_price_month: None | str
        wholesale_price_month = self.wholesale_price_month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "currency": currency,
                "margin_month": margin_month,
                "modules": modules,
                "name": name,
                "price_month": price_month,
                "seats": seats,
                "trial_days": trial_days,
                "version": version,
                "wholesale_price_month": wholesale_price_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_out import FigureOut  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        currency = d.pop("currency")

        def _parse_margin_month(data: object) -> FigureOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                margin_month_type_0 = FigureOut.from_dict(data)

                return margin_month_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FigureOut | None, data)

        margin_month = _parse_margin_month(d.pop("margin_month"))

        modules = cast(list[str], d.pop("modules"))

        name = d.pop("name")

        price_month = d.pop("price_month")

        def _parse_seats(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats = _parse_seats(d.pop("seats"))

        trial_days = d.pop("trial_days")

        version = d.pop("version")

        def _parse_wholesale_price_month(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wholesale_price_month = _parse_wholesale_price_month(d.pop("wholesale_price_month"))

        reseller_plan_out = cls(
            code=code,
            currency=currency,
            margin_month=margin_month,
            modules=modules,
            name=name,
            price_month=price_month,
            seats=seats,
            trial_days=trial_days,
            version=version,
            wholesale_price_month=wholesale_price_month,
        )

        reseller_plan_out.additional_properties = d
        return reseller_plan_out

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
