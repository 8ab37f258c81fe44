from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReadinessStatusChecksRecords")


@_attrs_define
class ReadinessStatusChecksRecords:
    """The stored customer records against the schema version this CRMS writes. Records below it (written by the previous
    implementation) are served, and upgraded when written to; `make migrate` upgrades them all. Omitted when the count
    could not be made in time.

        Attributes:
            schema_version (int): The schema version of the records this CRMS writes.
            below_schema_version (int): How many stored records are below it (an index-served count).
    """

    schema_version: int
    below_schema_version: int

    def to_dict(self) -> dict[str, Any]:
        schema_version = self.schema_version

        below_schema_version = self.below_schema_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "schemaVersion": schema_version,
                "belowSchemaVersion": below_schema_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        schema_version = d.pop("schemaVersion")

        below_schema_version = d.pop("belowSchemaVersion")

        readiness_status_checks_records = cls(
            schema_version=schema_version,
            below_schema_version=below_schema_version,
        )

        return readiness_status_checks_records
