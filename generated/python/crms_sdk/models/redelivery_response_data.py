from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RedeliveryResponseData")


@_attrs_define
class RedeliveryResponseData:
    """
    Attributes:
        scheduled (int): Deliveries due again now (each keeps its event id; receivers deduplicate).
    """

    scheduled: int

    def to_dict(self) -> dict[str, Any]:
        scheduled = self.scheduled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scheduled": scheduled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled = d.pop("scheduled")

        redelivery_response_data = cls(
            scheduled=scheduled,
        )

        return redelivery_response_data
