from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.addon_out import AddonOut
    from ..models.figure_out import FigureOut


T = TypeVar("T", bound="SubscriptionAddonOut")


@_attrs_define
class SubscriptionAddonOut:
    """
    Attributes:
        addon (AddonOut):
        price (FigureOut):
        quantity (int):
    """

    addon: AddonOut
    price: FigureOut
    quantity: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        addon = self.addon.to_dict()

        price = self.price.to_dict()

        quantity = self.quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "addon": addon,
                "price": price,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.addon_out import AddonOut  # noqa: PLC0415
        from ..models.figure_out import FigureOut  # noqa: PLC0415

        d = dict(src_dict)
        addon = AddonOut.from_dict(d.pop("addon"))

        price = FigureOut.from_dict(d.pop("price"))

        quantity = d.pop("quantity")

        subscription_addon_out = cls(
            addon=addon,
            price=price,
            quantity=quantity,
        )

        subscription_addon_out.additional_properties = d
        return subscription_addon_out

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
