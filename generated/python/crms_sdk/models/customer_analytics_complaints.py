from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerAnalyticsComplaints")


@_attrs_define
class CustomerAnalyticsComplaints:
    """
    Attributes:
        total_complaints (int):
        open_complaints (int):
        customers_with_open_complaints (int): Number of customers with `openComplaints > 0`.
    """

    total_complaints: int
    open_complaints: int
    customers_with_open_complaints: int

    def to_dict(self) -> dict[str, Any]:
        total_complaints = self.total_complaints

        open_complaints = self.open_complaints

        customers_with_open_complaints = self.customers_with_open_complaints

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "totalComplaints": total_complaints,
                "openComplaints": open_complaints,
                "customersWithOpenComplaints": customers_with_open_complaints,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_complaints = d.pop("totalComplaints")

        open_complaints = d.pop("openComplaints")

        customers_with_open_complaints = d.pop("customersWithOpenComplaints")

        customer_analytics_complaints = cls(
            total_complaints=total_complaints,
            open_complaints=open_complaints,
            customers_with_open_complaints=customers_with_open_complaints,
        )

        return customer_analytics_complaints
