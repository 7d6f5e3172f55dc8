from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expense_kind import ExpenseKind, check_expense_kind
from ..models.expense_status import ExpenseStatus, check_expense_status

if TYPE_CHECKING:
    from ..models.budget_control_view import BudgetControlView


T = TypeVar("T", bound="BudgetExpenseView")


@_attrs_define
class BudgetExpenseView:
    """
    Attributes:
        actual (str):
        advance_id (None | UUID):
        amount (str):
        author_id (None | UUID):
        category_id (UUID):
        category_name (str):
        committed (str):
        control (BudgetControlView | None):
        covered (str):
        created_at (datetime.datetime):
        id (UUID):
        kind (ExpenseKind): 费用申请 (request), 借款 (advance), 报销 (reimbursement).
        line_id (UUID):
        notes (None | str):
        org_unit_id (UUID):
        over_budget (bool):
        paid_on (datetime.date | None):
        pending (str):
        period (str):
        plan_id (UUID):
        spent_on (datetime.date):
        status (ExpenseStatus): An expense's life: in approval, approved (committed), paid (actual; an advance stays
                committed until settled), settled (an advance its reimbursement was paid for), returned.
        title (str):
        version (int):
        warning (None | str):
    """

    actual: str
    advance_id: None | UUID
    amount: str
    author_id: None | UUID
    category_id: UUID
    category_name: str
    committed: str
    control: BudgetControlView | None
    covered: str
    created_at: datetime.datetime
    id: UUID
    kind: ExpenseKind
    line_id: UUID
    notes: None | str
    org_unit_id: UUID
    over_budget: bool
    paid_on: datetime.date | None
    pending: str
    period: str
    plan_id: UUID
    spent_on: datetime.date
    status: ExpenseStatus
    title: str
    version: int
    warning: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_control_view import BudgetControlView  # noqa: PLC0415

        actual = self.actual

        advance_id: None | str
        if isinstance(self.advance_id, UUID):
            advance_id = str(self.advance_id)
        else:
            advance_id = self.advance_id

        amount = self.amount

        author_id: None | str
        if isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        category_id = str(self.category_id)

        category_name = self.category_name

        committed = self.committed

        control: dict[str, Any] | None
        if isinstance(self.control, BudgetControlView):
            control = self.control.to_dict()
        else:
            control = self.control

        covered = self.covered

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: str = self.kind

        line_id = str(self.line_id)

        notes: None | str
        notes = self.notes

        org_unit_id = str(self.org_unit_id)

        over_budget = self.over_budget

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        pending = self.pending

        period = self.period

        plan_id = str(self.plan_id)

        spent_on = self.spent_on.isoformat()

        status: str = self.status

        title = self.title

        version = self.version

        warning: None | str
        warning = self.warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "advance_id": advance_id,
                "amount": amount,
                "author_id": author_id,
                "category_id": category_id,
                "category_name": category_name,
                "committed": committed,
                "control": control,
                "covered": covered,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "line_id": line_id,
                "notes": notes,
                "org_unit_id": org_unit_id,
                "over_budget": over_budget,
                "paid_on": paid_on,
                "pending": pending,
                "period": period,
                "plan_id": plan_id,
                "spent_on": spent_on,
                "status": status,
                "title": title,
                "version": version,
                "warning": warning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_control_view import BudgetControlView  # noqa: PLC0415

        d = dict(src_dict)
        actual = d.pop("actual")

        def _parse_advance_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                advance_id_type_0 = UUID(data)

                return advance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        advance_id = _parse_advance_id(d.pop("advance_id"))

        amount = d.pop("amount")

        def _parse_author_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_id_type_0 = UUID(data)

                return author_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_id = _parse_author_id(d.pop("author_id"))

        category_id = UUID(d.pop("category_id"))

        category_name = d.pop("category_name")

        committed = d.pop("committed")

        def _parse_control(data: object) -> BudgetControlView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                control_type_0 = BudgetControlView.from_dict(data)

                return control_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BudgetControlView | None, data)

        control = _parse_control(d.pop("control"))

        covered = d.pop("covered")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = check_expense_kind(d.pop("kind"))

        line_id = UUID(d.pop("line_id"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        over_budget = d.pop("over_budget")

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        pending = d.pop("pending")

        period = d.pop("period")

        plan_id = UUID(d.pop("plan_id"))

        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        status = check_expense_status(d.pop("status"))

        title = d.pop("title")

        version = d.pop("version")

        def _parse_warning(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        warning = _parse_warning(d.pop("warning"))

        budget_expense_view = cls(
            actual=actual,
            advance_id=advance_id,
            amount=amount,
            author_id=author_id,
            category_id=category_id,
            category_name=category_name,
            committed=committed,
            control=control,
            covered=covered,
            created_at=created_at,
            id=id,
            kind=kind,
            line_id=line_id,
            notes=notes,
            org_unit_id=org_unit_id,
            over_budget=over_budget,
            paid_on=paid_on,
            pending=pending,
            period=period,
            plan_id=plan_id,
            spent_on=spent_on,
            status=status,
            title=title,
            version=version,
            warning=warning,
        )

        budget_expense_view.additional_properties = d
        return budget_expense_view

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
