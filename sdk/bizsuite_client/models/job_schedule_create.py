from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="JobScheduleCreate")


@_attrs_define
class JobScheduleCreate:
    """
    Attributes:
        cron (str): Five cron fields (minute hour day month weekday) in the tenant's time zone.
        name (str):
        task_name (str):
        args (JsonObject | Unset): A JSON object with free-form keys.
        enabled (bool | Unset):  Default: True.
    """

    cron: str
    name: str
    task_name: str
    args: JsonObject | Unset = UNSET
    enabled: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cron = self.cron

        name = self.name

        task_name = self.task_name

        args: dict[str, Any] | Unset = UNSET
        if not isinstance(self.args, Unset):
            args = self.args.to_dict()

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cron": cron,
                "name": name,
                "task_name": task_name,
            }
        )
        if args is not UNSET:
            field_dict["args"] = args
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_object import JsonObject  # noqa: PLC0415

        d = dict(src_dict)
        cron = d.pop("cron")

        name = d.pop("name")

        task_name = d.pop("task_name")

        _args = d.pop("args", UNSET)
        args: JsonObject | Unset
        if isinstance(_args, Unset):
            args = UNSET
        else:
            args = JsonObject.from_dict(_args)

        enabled = d.pop("enabled", UNSET)

        job_schedule_create = cls(
            cron=cron,
            name=name,
            task_name=task_name,
            args=args,
            enabled=enabled,
        )

        job_schedule_create.additional_properties = d
        return job_schedule_create

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
