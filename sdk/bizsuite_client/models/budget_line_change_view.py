from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetLineChangeView")


@_attrs_define
class BudgetLineChangeView:
    """
    Attributes:
        adjustment_id (None | UUID):
        after (str):
        before (str):
        created_at (datetime.datetime):
        delta (str):
        reason (str):
        revision (int):
    """

    adjustment_id: None | UUID
    after: str
    before: str
    created_at: datetime.datetime
    delta: str
    reason: str
    revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustment_id: None | str
        if isinstance(self.adjustment_id, UUID):
            adjustment_id = str(self.adjustment_id)
        else:
            adjustment_id = self.adjustment_id

        after = self.after

        before = self.before

        created_at = self.created_at.isoformat()

        delta = self.delta

        reason = self.reason

        revision = self.revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustment_id": adjustment_id,
                "after": after,
                "before": before,
                "created_at": created_at,
                "delta": delta,
                "reason": reason,
                "revision": revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_adjustment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjustment_id_type_0 = UUID(data)

                return adjustment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id"))

        after = d.pop("after")

        before = d.pop("before")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delta = d.pop("delta")

        reason = d.pop("reason")

        revision = d.pop("revision")

        budget_line_change_view = cls(
            adjustment_id=adjustment_id,
            after=after,
            before=before,
            created_at=created_at,
            delta=delta,
            reason=reason,
            revision=revision,
        )

        budget_line_change_view.additional_properties = d
        return budget_line_change_view

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
