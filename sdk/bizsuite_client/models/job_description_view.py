from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.description_status import DescriptionStatus, check_description_status

if TYPE_CHECKING:
    from ..models.ability import Ability
    from ..models.duty_view import DutyView
    from ..models.review_flag import ReviewFlag


T = TypeVar("T", bound="JobDescriptionView")


@_attrs_define
class JobDescriptionView:
    """
    Attributes:
        abilities (list[Ability]):
        approved_at (datetime.datetime | None):
        certificates (None | str):
        created_at (datetime.datetime):
        duties (list[DutyView]):
        experience (None | str):
        id (UUID):
        leadership (None | str):
        management (None | str):
        min_education (None | str):
        number (int):
        position_code (str):
        position_id (UUID):
        position_title (str):
        professional_title (None | str):
        review_flags (list[ReviewFlag]):
        status (DescriptionStatus): Where a job description version stands.
        summary (None | str):
        training (None | str):
        updated_at (datetime.datetime):
        version (int):
    """

    abilities: list[Ability]
    approved_at: datetime.datetime | None
    certificates: None | str
    created_at: datetime.datetime
    duties: list[DutyView]
    experience: None | str
    id: UUID
    leadership: None | str
    management: None | str
    min_education: None | str
    number: int
    position_code: str
    position_id: UUID
    position_title: str
    professional_title: None | str
    review_flags: list[ReviewFlag]
    status: DescriptionStatus
    summary: None | str
    training: None | str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        abilities = []
        for abilities_item_data in self.abilities:
            abilities_item = abilities_item_data.to_dict()
            abilities.append(abilities_item)

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        certificates: None | str
        certificates = self.certificates

        created_at = self.created_at.isoformat()

        duties = []
        for duties_item_data in self.duties:
            duties_item = duties_item_data.to_dict()
            duties.append(duties_item)

        experience: None | str
        experience = self.experience

        id = str(self.id)

        leadership: None | str
        leadership = self.leadership

        management: None | str
        management = self.management

        min_education: None | str
        min_education = self.min_education

        number = self.number

        position_code = self.position_code

        position_id = str(self.position_id)

        position_title = self.position_title

        professional_title: None | str
        professional_title = self.professional_title

        review_flags = []
        for review_flags_item_data in self.review_flags:
            review_flags_item = review_flags_item_data.to_dict()
            review_flags.append(review_flags_item)

        status: str = self.status

        summary: None | str
        summary = self.summary

        training: None | str
        training = self.training

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "abilities": abilities,
                "approved_at": approved_at,
                "certificates": certificates,
                "created_at": created_at,
                "duties": duties,
                "experience": experience,
                "id": id,
                "leadership": leadership,
                "management": management,
                "min_education": min_education,
                "number": number,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "professional_title": professional_title,
                "review_flags": review_flags,
                "status": status,
                "summary": summary,
                "training": training,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ability import Ability  # noqa: PLC0415
        from ..models.duty_view import DutyView  # noqa: PLC0415
        from ..models.review_flag import ReviewFlag  # noqa: PLC0415

        d = dict(src_dict)
        abilities = []
        _abilities = d.pop("abilities")
        for abilities_item_data in _abilities:
            abilities_item = Ability.from_dict(abilities_item_data)

            abilities.append(abilities_item)

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_certificates(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        certificates = _parse_certificates(d.pop("certificates"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duties = []
        _duties = d.pop("duties")
        for duties_item_data in _duties:
            duties_item = DutyView.from_dict(duties_item_data)

            duties.append(duties_item)

        def _parse_experience(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        experience = _parse_experience(d.pop("experience"))

        id = UUID(d.pop("id"))

        def _parse_leadership(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        leadership = _parse_leadership(d.pop("leadership"))

        def _parse_management(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        management = _parse_management(d.pop("management"))

        def _parse_min_education(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_education = _parse_min_education(d.pop("min_education"))

        number = d.pop("number")

        position_code = d.pop("position_code")

        position_id = UUID(d.pop("position_id"))

        position_title = d.pop("position_title")

        def _parse_professional_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        professional_title = _parse_professional_title(d.pop("professional_title"))

        review_flags = []
        _review_flags = d.pop("review_flags")
        for review_flags_item_data in _review_flags:
            review_flags_item = ReviewFlag.from_dict(review_flags_item_data)

            review_flags.append(review_flags_item)

        status = check_description_status(d.pop("status"))

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        def _parse_training(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        training = _parse_training(d.pop("training"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        job_description_view = cls(
            abilities=abilities,
            approved_at=approved_at,
            certificates=certificates,
            created_at=created_at,
            duties=duties,
            experience=experience,
            id=id,
            leadership=leadership,
            management=management,
            min_education=min_education,
            number=number,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            professional_title=professional_title,
            review_flags=review_flags,
            status=status,
            summary=summary,
            training=training,
            updated_at=updated_at,
            version=version,
        )

        job_description_view.additional_properties = d
        return job_description_view

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
