from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_order_status import ChangeOrderStatus, check_change_order_status

if TYPE_CHECKING:
    from ..models.file_out import FileOut
    from ..models.milestone_change_view import MilestoneChangeView


T = TypeVar("T", bound="ChangeOrderView")


@_attrs_define
class ChangeOrderView:
    """
    Attributes:
        amount_after (None | str):
        amount_before (None | str):
        attachments (list[FileOut]):
        contract_id (UUID):
        cost_impact (str):
        created_at (datetime.datetime):
        ends_on_after (datetime.date | None):
        ends_on_before (datetime.date | None):
        id (UUID):
        milestone_changes (list[MilestoneChangeView]):
        proposer (str):
        reason (str):
        schedule_impact_days (int):
        seq (int):
        status (ChangeOrderStatus): Where a change order (变更/洽商) stands in its approval.
        updated_at (datetime.datetime):
        version (int):
    """

    amount_after: None | str
    amount_before: None | str
    attachments: list[FileOut]
    contract_id: UUID
    cost_impact: str
    created_at: datetime.datetime
    ends_on_after: datetime.date | None
    ends_on_before: datetime.date | None
    id: UUID
    milestone_changes: list[MilestoneChangeView]
    proposer: str
    reason: str
    schedule_impact_days: int
    seq: int
    status: ChangeOrderStatus
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_after: None | str
        amount_after = self.amount_after

        amount_before: None | str
        amount_before = self.amount_before

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        contract_id = str(self.contract_id)

        cost_impact = self.cost_impact

        created_at = self.created_at.isoformat()

        ends_on_after: None | str
        if isinstance(self.ends_on_after, datetime.date):
            ends_on_after = self.ends_on_after.isoformat()
        else:
            ends_on_after = self.ends_on_after

        ends_on_before: None | str
        if isinstance(self.ends_on_before, datetime.date):
            ends_on_before = self.ends_on_before.isoformat()
        else:
            ends_on_before = self.ends_on_before

        id = str(self.id)

        milestone_changes = []
        for milestone_changes_item_data in self.milestone_changes:
            milestone_changes_item = milestone_changes_item_data.to_dict()
            milestone_changes.append(milestone_changes_item)

        proposer = self.proposer

        reason = self.reason

        schedule_impact_days = self.schedule_impact_days

        seq = self.seq

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_after": amount_after,
                "amount_before": amount_before,
                "attachments": attachments,
                "contract_id": contract_id,
                "cost_impact": cost_impact,
                "created_at": created_at,
                "ends_on_after": ends_on_after,
                "ends_on_before": ends_on_before,
                "id": id,
                "milestone_changes": milestone_changes,
                "proposer": proposer,
                "reason": reason,
                "schedule_impact_days": schedule_impact_days,
                "seq": seq,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_out import FileOut  # noqa: PLC0415
        from ..models.milestone_change_view import MilestoneChangeView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_amount_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount_after = _parse_amount_after(d.pop("amount_after"))

        def _parse_amount_before(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount_before = _parse_amount_before(d.pop("amount_before"))

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = FileOut.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        contract_id = UUID(d.pop("contract_id"))

        cost_impact = d.pop("cost_impact")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_ends_on_after(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_after_type_0 = datetime.date.fromisoformat(data)

                return ends_on_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on_after = _parse_ends_on_after(d.pop("ends_on_after"))

        def _parse_ends_on_before(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_before_type_0 = datetime.date.fromisoformat(data)

                return ends_on_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on_before = _parse_ends_on_before(d.pop("ends_on_before"))

        id = UUID(d.pop("id"))

        milestone_changes = []
        _milestone_changes = d.pop("milestone_changes")
        for milestone_changes_item_data in _milestone_changes:
            milestone_changes_item = MilestoneChangeView.from_dict(milestone_changes_item_data)

            milestone_changes.append(milestone_changes_item)

        proposer = d.pop("proposer")

        reason = d.pop("reason")

        schedule_impact_days = d.pop("schedule_impact_days")

        seq = d.pop("seq")

        status = check_change_order_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        change_order_view = cls(
            amount_after=amount_after,
            amount_before=amount_before,
            attachments=attachments,
            contract_id=contract_id,
            cost_impact=cost_impact,
            created_at=created_at,
            ends_on_after=ends_on_after,
            ends_on_before=ends_on_before,
            id=id,
            milestone_changes=milestone_changes,
            proposer=proposer,
            reason=reason,
            schedule_impact_days=schedule_impact_days,
            seq=seq,
            status=status,
            updated_at=updated_at,
            version=version,
        )

        change_order_view.additional_properties = d
        return change_order_view

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
