from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerAnalyticsByStatus")


@_attrs_define
class CustomerAnalyticsByStatus:
    """Number of customers per status.

    Attributes:
        active (int):
        inactive (int):
        suspended (int):
    """

    active: int
    inactive: int
    suspended: int

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        inactive = self.inactive

        suspended = self.suspended

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "Active": active,
                "Inactive": inactive,
                "Suspended": suspended,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("Active")

        inactive = d.pop("Inactive")

        suspended = d.pop("Suspended")

        customer_analytics_by_status = cls(
            active=active,
            inactive=inactive,
            suspended=suspended,
        )

        return customer_analytics_by_status
