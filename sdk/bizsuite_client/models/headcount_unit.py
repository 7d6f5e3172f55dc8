from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.headcount_line import HeadcountLine
    from ..models.staffing_view import StaffingView


T = TypeVar("T", bound="HeadcountUnit")


@_attrs_define
class HeadcountUnit:
    """
    Attributes:
        org_unit_id (UUID):
        org_unit_name (str):
        positions (list[HeadcountLine]):
        total (StaffingView):
    """

    org_unit_id: UUID
    org_unit_name: str
    positions: list[HeadcountLine]
    total: StaffingView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "positions": positions,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.headcount_line import HeadcountLine  # noqa: PLC0415
        from ..models.staffing_view import StaffingView  # noqa: PLC0415

        d = dict(src_dict)
        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = HeadcountLine.from_dict(positions_item_data)

            positions.append(positions_item)

        total = StaffingView.from_dict(d.pop("total"))

        headcount_unit = cls(
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            positions=positions,
            total=total,
        )

        headcount_unit.additional_properties = d
        return headcount_unit

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
