from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_category import PositionCategory, check_position_category
from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionCreate")


@_attrs_define
class PositionCreate:
    """
    Attributes:
        category (PositionCategory): A position's category (职务类别).
        code (str):
        headcount (int): 定员: how many people the position has.
        org_unit_id (UUID):
        title (str):
        notes (None | str | Unset):
        pay_grade (None | str | Unset):
        pay_level (None | str | Unset):
        reports_to_id (None | Unset | UUID):
    """

    category: PositionCategory
    code: str
    headcount: int
    org_unit_id: UUID
    title: str
    notes: None | str | Unset = UNSET
    pay_grade: None | str | Unset = UNSET
    pay_level: None | str | Unset = UNSET
    reports_to_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category: str = self.category

        code = self.code

        headcount = self.headcount

        org_unit_id = str(self.org_unit_id)

        title = self.title

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        pay_grade: None | str | Unset
        if isinstance(self.pay_grade, Unset):
            pay_grade = UNSET
        else:
            pay_grade = self.pay_grade

        pay_level: None | str | Unset
        if isinstance(self.pay_level, Unset):
            pay_level = UNSET
        else:
            pay_level = self.pay_level

        reports_to_id: None | str | Unset
        if isinstance(self.reports_to_id, Unset):
            reports_to_id = UNSET
        elif isinstance(self.reports_to_id, UUID):
            reports_to_id = str(self.reports_to_id)
        else:
            reports_to_id = self.reports_to_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "code": code,
                "headcount": headcount,
                "org_unit_id": org_unit_id,
                "title": title,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if pay_grade is not UNSET:
            field_dict["pay_grade"] = pay_grade
        if pay_level is not UNSET:
            field_dict["pay_level"] = pay_level
        if reports_to_id is not UNSET:
            field_dict["reports_to_id"] = reports_to_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = check_position_category(d.pop("category"))

        code = d.pop("code")

        headcount = d.pop("headcount")

        org_unit_id = UUID(d.pop("org_unit_id"))

        title = d.pop("title")

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_pay_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_grade = _parse_pay_grade(d.pop("pay_grade", UNSET))

        def _parse_pay_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_level = _parse_pay_level(d.pop("pay_level", UNSET))

        def _parse_reports_to_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reports_to_id_type_0 = UUID(data)

                return reports_to_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reports_to_id = _parse_reports_to_id(d.pop("reports_to_id", UNSET))

        position_create = cls(
            category=category,
            code=code,
            headcount=headcount,
            org_unit_id=org_unit_id,
            title=title,
            notes=notes,
            pay_grade=pay_grade,
            pay_level=pay_level,
            reports_to_id=reports_to_id,
        )

        position_create.additional_properties = d
        return position_create

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
