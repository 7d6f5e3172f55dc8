from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_kind_name import ProgramKindName, check_program_kind_name

T = TypeVar("T", bound="WaitingProgram")


@_attrs_define
class WaitingProgram:
    """
    Attributes:
        kind (ProgramKindName): What a zone can play, lowest priority first (music 1 ... emergency 4).
        name (str):
        priority (int):
        program_id (str):
    """

    kind: ProgramKindName
    name: str
    priority: int
    program_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        name = self.name

        priority = self.priority

        program_id = self.program_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "priority": priority,
                "program_id": program_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_program_kind_name(d.pop("kind"))

        name = d.pop("name")

        priority = d.pop("priority")

        program_id = d.pop("program_id")

        waiting_program = cls(
            kind=kind,
            name=name,
            priority=priority,
            program_id=program_id,
        )

        waiting_program.additional_properties = d
        return waiting_program

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
