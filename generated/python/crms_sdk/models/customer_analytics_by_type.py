from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerAnalyticsByType")


@_attrs_define
class CustomerAnalyticsByType:
    """Number of customers per type.

    Attributes:
        regular (int):
        premium (int):
        vip (int):
    """

    regular: int
    premium: int
    vip: int

    def to_dict(self) -> dict[str, Any]:
        regular = self.regular

        premium = self.premium

        vip = self.vip

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "Regular": regular,
                "Premium": premium,
                "VIP": vip,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        regular = d.pop("Regular")

        premium = d.pop("Premium")

        vip = d.pop("VIP")

        customer_analytics_by_type = cls(
            regular=regular,
            premium=premium,
            vip=vip,
        )

        return customer_analytics_by_type
