from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjustment_kind import AdjustmentKind, check_adjustment_kind
from ..models.adjustment_status import AdjustmentStatus, check_adjustment_status

T = TypeVar("T", bound="BudgetAdjustmentView")


@_attrs_define
class BudgetAdjustmentView:
    """
    Attributes:
        amount (str):
        created_at (datetime.datetime):
        from_line_id (None | UUID):
        id (UUID):
        kind (AdjustmentKind): 调剂 (transfer between lines) or 追加 (increase of a line).
        plan_id (UUID):
        reason (str):
        revision (int | None):
        status (AdjustmentStatus): An adjustment waits for approval, then is applied or returned.
        to_line_id (UUID):
        version (int):
    """

    amount: str
    created_at: datetime.datetime
    from_line_id: None | UUID
    id: UUID
    kind: AdjustmentKind
    plan_id: UUID
    reason: str
    revision: int | None
    status: AdjustmentStatus
    to_line_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        from_line_id: None | str
        if isinstance(self.from_line_id, UUID):
            from_line_id = str(self.from_line_id)
        else:
            from_line_id = self.from_line_id

        id = str(self.id)

        kind: str = self.kind

        plan_id = str(self.plan_id)

        reason = self.reason

        revision: int | None
        revision = self.revision

        status: str = self.status

        to_line_id = str(self.to_line_id)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "from_line_id": from_line_id,
                "id": id,
                "kind": kind,
                "plan_id": plan_id,
                "reason": reason,
                "revision": revision,
                "status": status,
                "to_line_id": to_line_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_from_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_line_id_type_0 = UUID(data)

                return from_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        from_line_id = _parse_from_line_id(d.pop("from_line_id"))

        id = UUID(d.pop("id"))

        kind = check_adjustment_kind(d.pop("kind"))

        plan_id = UUID(d.pop("plan_id"))

        reason = d.pop("reason")

        def _parse_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revision = _parse_revision(d.pop("revision"))

        status = check_adjustment_status(d.pop("status"))

        to_line_id = UUID(d.pop("to_line_id"))

        version = d.pop("version")

        budget_adjustment_view = cls(
            amount=amount,
            created_at=created_at,
            from_line_id=from_line_id,
            id=id,
            kind=kind,
            plan_id=plan_id,
            reason=reason,
            revision=revision,
            status=status,
            to_line_id=to_line_id,
            version=version,
        )

        budget_adjustment_view.additional_properties = d
        return budget_adjustment_view

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
