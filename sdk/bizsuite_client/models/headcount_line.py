from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.staffing_view import StaffingView


T = TypeVar("T", bound="HeadcountLine")


@_attrs_define
class HeadcountLine:
    """
    Attributes:
        code (str):
        position_id (UUID):
        staffing (StaffingView):
        title (str):
    """

    code: str
    position_id: UUID
    staffing: StaffingView
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        position_id = str(self.position_id)

        staffing = self.staffing.to_dict()

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "position_id": position_id,
                "staffing": staffing,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.staffing_view import StaffingView  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        position_id = UUID(d.pop("position_id"))

        staffing = StaffingView.from_dict(d.pop("staffing"))

        title = d.pop("title")

        headcount_line = cls(
            code=code,
            position_id=position_id,
            staffing=staffing,
            title=title,
        )

        headcount_line.additional_properties = d
        return headcount_line

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
