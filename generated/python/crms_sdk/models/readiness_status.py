from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.readiness_status_checks import ReadinessStatusChecks


T = TypeVar("T", bound="ReadinessStatus")


@_attrs_define
class ReadinessStatus:
    """Readiness of the service. Only the database decides readiness; the sibling services' breaker states and the records
    still below the current schema version are reported for information.

        Attributes:
            status (Literal['ready']):
            checks (ReadinessStatusChecks):
    """

    status: Literal["ready"]
    checks: ReadinessStatusChecks

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        checks = self.checks.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "checks": checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_status_checks import ReadinessStatusChecks  # noqa: PLC0415

        d = dict(src_dict)
        status = cast(Literal["ready"], d.pop("status"))
        if status != "ready":
            raise ValueError(f"status must match const 'ready', got '{status}'")

        checks = ReadinessStatusChecks.from_dict(d.pop("checks"))

        readiness_status = cls(
            status=status,
            checks=checks,
        )

        return readiness_status
