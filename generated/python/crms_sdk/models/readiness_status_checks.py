from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.readiness_status_checks_database import ReadinessStatusChecksDatabase
    from ..models.readiness_status_checks_records import ReadinessStatusChecksRecords
    from ..models.readiness_status_checks_services import ReadinessStatusChecksServices


T = TypeVar("T", bound="ReadinessStatusChecks")


@_attrs_define
class ReadinessStatusChecks:
    """
    Attributes:
        database (ReadinessStatusChecksDatabase):
        services (ReadinessStatusChecksServices):
        records (ReadinessStatusChecksRecords | Unset): The stored customer records against the schema version this CRMS
            writes. Records below it (written by the previous implementation) are served, and upgraded when written to;
            `make migrate` upgrades them all. Omitted when the count could not be made in time.
    """

    database: ReadinessStatusChecksDatabase
    services: ReadinessStatusChecksServices
    records: ReadinessStatusChecksRecords | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        database = self.database.to_dict()

        services = self.services.to_dict()

        records: dict[str, Any] | Unset = UNSET
        if not isinstance(self.records, Unset):
            records = self.records.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "database": database,
                "services": services,
            }
        )
        if records is not UNSET:
            field_dict["records"] = records

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_status_checks_database import ReadinessStatusChecksDatabase  # noqa: PLC0415
        from ..models.readiness_status_checks_records import ReadinessStatusChecksRecords  # noqa: PLC0415
        from ..models.readiness_status_checks_services import ReadinessStatusChecksServices  # noqa: PLC0415

        d = dict(src_dict)
        database = ReadinessStatusChecksDatabase.from_dict(d.pop("database"))

        services = ReadinessStatusChecksServices.from_dict(d.pop("services"))

        _records = d.pop("records", UNSET)
        records: ReadinessStatusChecksRecords | Unset
        if isinstance(_records, Unset):
            records = UNSET
        else:
            records = ReadinessStatusChecksRecords.from_dict(_records)

        readiness_status_checks = cls(
            database=database,
            services=services,
            records=records,
        )

        return readiness_status_checks
