from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.clock_run_view import ClockRunView
    from ..models.sandbox_clock_view import SandboxClockView


T = TypeVar("T", bound="ClockAdvanceView")


@_attrs_define
class ClockAdvanceView:
    """
    Attributes:
        clock (SandboxClockView):
        previous_now (datetime.datetime):
        ran (list[ClockRunView]):
    """

    clock: SandboxClockView
    previous_now: datetime.datetime
    ran: list[ClockRunView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock = self.clock.to_dict()

        previous_now = self.previous_now.isoformat()

        ran = []
        for ran_item_data in self.ran:
            ran_item = ran_item_data.to_dict()
            ran.append(ran_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clock": clock,
                "previous_now": previous_now,
                "ran": ran,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clock_run_view import ClockRunView  # noqa: PLC0415
        from ..models.sandbox_clock_view import SandboxClockView  # noqa: PLC0415

        d = dict(src_dict)
        clock = SandboxClockView.from_dict(d.pop("clock"))

        previous_now = datetime.datetime.fromisoformat(d.pop("previous_now"))

        ran = []
        _ran = d.pop("ran")
        for ran_item_data in _ran:
            ran_item = ClockRunView.from_dict(ran_item_data)

            ran.append(ran_item)

        clock_advance_view = cls(
            clock=clock,
            previous_now=previous_now,
            ran=ran,
        )

        clock_advance_view.additional_properties = d
        return clock_advance_view

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
