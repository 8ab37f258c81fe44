from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerAnalyticsNewCustomers")


@_attrs_define
class CustomerAnalyticsNewCustomers:
    """Customers whose `customerSince` falls in the last 7 and 30 days before `generatedAt`.

    Attributes:
        last_7_days (int):
        last_30_days (int):
    """

    last_7_days: int
    last_30_days: int

    def to_dict(self) -> dict[str, Any]:
        last_7_days = self.last_7_days

        last_30_days = self.last_30_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "last7Days": last_7_days,
                "last30Days": last_30_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_7_days = d.pop("last7Days")

        last_30_days = d.pop("last30Days")

        customer_analytics_new_customers = cls(
            last_7_days=last_7_days,
            last_30_days=last_30_days,
        )

        return customer_analytics_new_customers
