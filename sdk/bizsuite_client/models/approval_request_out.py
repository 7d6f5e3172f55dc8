from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_status import RequestStatus, check_request_status

if TYPE_CHECKING:
    from ..models.approval_step_out import ApprovalStepOut


T = TypeVar("T", bound="ApprovalRequestOut")


@_attrs_define
class ApprovalRequestOut:
    """
    Attributes:
        amount (None | str):
        author_id (UUID):
        category (None | str):
        created_at (datetime.datetime):
        currency (None | str):
        current_approver_id (None | UUID):
        current_position (int | None):
        decided_at (datetime.datetime | None):
        document_id (UUID):
        document_type (str):
        flow_id (UUID):
        id (UUID):
        org_unit_id (UUID):
        round_ (int):
        status (RequestStatus): Where an approval request stands.
        steps (list[ApprovalStepOut]):
        submitted_at (datetime.datetime):
        title (str):
        updated_at (datetime.datetime):
        version (int):
    """

    amount: None | str
    author_id: UUID
    category: None | str
    created_at: datetime.datetime
    currency: None | str
    current_approver_id: None | UUID
    current_position: int | None
    decided_at: datetime.datetime | None
    document_id: UUID
    document_type: str
    flow_id: UUID
    id: UUID
    org_unit_id: UUID
    round_: int
    status: RequestStatus
    steps: list[ApprovalStepOut]
    submitted_at: datetime.datetime
    title: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: None | str
        amount = self.amount

        author_id = str(self.author_id)

        category: None | str
        category = self.category

        created_at = self.created_at.isoformat()

        currency: None | str
        currency = self.currency

        current_approver_id: None | str
        if isinstance(self.current_approver_id, UUID):
            current_approver_id = str(self.current_approver_id)
        else:
            current_approver_id = self.current_approver_id

        current_position: int | None
        current_position = self.current_position

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        document_id = str(self.document_id)

        document_type = self.document_type

        flow_id = str(self.flow_id)

        id = str(self.id)

        org_unit_id = str(self.org_unit_id)

        round_ = self.round_

        status: str = self.status

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        submitted_at = self.submitted_at.isoformat()

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "author_id": author_id,
                "category": category,
                "created_at": created_at,
                "currency": currency,
                "current_approver_id": current_approver_id,
                "current_position": current_position,
                "decided_at": decided_at,
                "document_id": document_id,
                "document_type": document_type,
                "flow_id": flow_id,
                "id": id,
                "org_unit_id": org_unit_id,
                "round": round_,
                "status": status,
                "steps": steps,
                "submitted_at": submitted_at,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_step_out import ApprovalStepOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        author_id = UUID(d.pop("author_id"))

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        def _parse_current_approver_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_approver_id_type_0 = UUID(data)

                return current_approver_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        current_approver_id = _parse_current_approver_id(d.pop("current_approver_id"))

        def _parse_current_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        current_position = _parse_current_position(d.pop("current_position"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        document_id = UUID(d.pop("document_id"))

        document_type = d.pop("document_type")

        flow_id = UUID(d.pop("flow_id"))

        id = UUID(d.pop("id"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        round_ = d.pop("round")

        status = check_request_status(d.pop("status"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = ApprovalStepOut.from_dict(steps_item_data)

            steps.append(steps_item)

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        approval_request_out = cls(
            amount=amount,
            author_id=author_id,
            category=category,
            created_at=created_at,
            currency=currency,
            current_approver_id=current_approver_id,
            current_position=current_position,
            decided_at=decided_at,
            document_id=document_id,
            document_type=document_type,
            flow_id=flow_id,
            id=id,
            org_unit_id=org_unit_id,
            round_=round_,
            status=status,
            steps=steps,
            submitted_at=submitted_at,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        approval_request_out.additional_properties = d
        return approval_request_out

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
