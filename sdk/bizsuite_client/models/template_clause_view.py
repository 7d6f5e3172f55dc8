from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TemplateClauseView")


@_attrs_define
class TemplateClauseView:
    """
    Attributes:
        body (str):
        clause_id (UUID):
        code (str):
        required (bool):
        title (str):
    """

    body: str
    clause_id: UUID
    code: str
    required: bool
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        clause_id = str(self.clause_id)

        code = self.code

        required = self.required

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "clause_id": clause_id,
                "code": code,
                "required": required,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        clause_id = UUID(d.pop("clause_id"))

        code = d.pop("code")

        required = d.pop("required")

        title = d.pop("title")

        template_clause_view = cls(
            body=body,
            clause_id=clause_id,
            code=code,
            required=required,
            title=title,
        )

        template_clause_view.additional_properties = d
        return template_clause_view

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
