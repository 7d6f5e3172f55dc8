from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ability import Ability
    from ..models.duty_create import DutyCreate


T = TypeVar("T", bound="JobDescriptionCreate")


@_attrs_define
class JobDescriptionCreate:
    """
    Attributes:
        position_id (UUID):
        abilities (list[Ability] | Unset):
        certificates (None | str | Unset):
        duties (list[DutyCreate] | Unset):
        experience (None | str | Unset):
        leadership (None | str | Unset):
        management (None | str | Unset):
        min_education (None | str | Unset):
        professional_title (None | str | Unset):
        summary (None | str | Unset):
        training (None | str | Unset):
    """

    position_id: UUID
    abilities: list[Ability] | Unset = UNSET
    certificates: None | str | Unset = UNSET
    duties: list[DutyCreate] | Unset = UNSET
    experience: None | str | Unset = UNSET
    leadership: None | str | Unset = UNSET
    management: None | str | Unset = UNSET
    min_education: None | str | Unset = UNSET
    professional_title: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    training: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position_id = str(self.position_id)

        abilities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.abilities, Unset):
            abilities = []
            for abilities_item_data in self.abilities:
                abilities_item = abilities_item_data.to_dict()
                abilities.append(abilities_item)

        certificates: None | str | Unset
        if isinstance(self.certificates, Unset):
            certificates = UNSET
        else:
            certificates = self.certificates

        duties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.duties, Unset):
            duties = []
            for duties_item_data in self.duties:
                duties_item = duties_item_data.to_dict()
                duties.append(duties_item)

        experience: None | str | Unset
        if isinstance(self.experience, Unset):
            experience = UNSET
        else:
            experience = self.experience

        leadership: None | str | Unset
        if isinstance(self.leadership, Unset):
            leadership = UNSET
        else:
            leadership = self.leadership

        management: None | str | Unset
        if isinstance(self.management, Unset):
            management = UNSET
        else:
            management = self.management

        min_education: None | str | Unset
        if isinstance(self.min_education, Unset):
            min_education = UNSET
        else:
            min_education = self.min_education

        professional_title: None | str | Unset
        if isinstance(self.professional_title, Unset):
            professional_title = UNSET
        else:
            professional_title = self.professional_title

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        training: None | str | Unset
        if isinstance(self.training, Unset):
            training = UNSET
        else:
            training = self.training

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position_id": position_id,
            }
        )
        if abilities is not UNSET:
            field_dict["abilities"] = abilities
        if certificates is not UNSET:
            field_dict["certificates"] = certificates
        if duties is not UNSET:
            field_dict["duties"] = duties
        if experience is not UNSET:
            field_dict["experience"] = experience
        if leadership is not UNSET:
            field_dict["leadership"] = leadership
        if management is not UNSET:
            field_dict["management"] = management
        if min_education is not UNSET:
            field_dict["min_education"] = min_education
        if professional_title is not UNSET:
            field_dict["professional_title"] = professional_title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if training is not UNSET:
            field_dict["training"] = training

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ability import Ability  # noqa: PLC0415
        from ..models.duty_create import DutyCreate  # noqa: PLC0415

        d = dict(src_dict)
        position_id = UUID(d.pop("position_id"))

        _abilities = d.pop("abilities", UNSET)
        abilities: list[Ability] | Unset = UNSET
        if _abilities is not UNSET:
            abilities = []
            for abilities_item_data in _abilities:
                abilities_item = Ability.from_dict(abilities_item_data)

                abilities.append(abilities_item)

        def _parse_certificates(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        certificates = _parse_certificates(d.pop("certificates", UNSET))

        _duties = d.pop("duties", UNSET)
        duties: list[DutyCreate] | Unset = UNSET
        if _duties is not UNSET:
            duties = []
            for duties_item_data in _duties:
                duties_item = DutyCreate.from_dict(duties_item_data)

                duties.append(duties_item)

        def _parse_experience(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        experience = _parse_experience(d.pop("experience", UNSET))

        def _parse_leadership(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        leadership = _parse_leadership(d.pop("leadership", UNSET))

        def _parse_management(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        management = _parse_management(d.pop("management", UNSET))

        def _parse_min_education(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_education = _parse_min_education(d.pop("min_education", UNSET))

        def _parse_professional_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        professional_title = _parse_professional_title(d.pop("professional_title", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_training(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        training = _parse_training(d.pop("training", UNSET))

        job_description_create = cls(
            position_id=position_id,
            abilities=abilities,
            certificates=certificates,
            duties=duties,
            experience=experience,
            leadership=leadership,
            management=management,
            min_education=min_education,
            professional_title=professional_title,
            summary=summary,
            training=training,
        )

        job_description_create.additional_properties = d
        return job_description_create

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
