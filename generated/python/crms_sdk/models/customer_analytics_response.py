from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_analytics import CustomerAnalytics


T = TypeVar("T", bound="CustomerAnalyticsResponse")


@_attrs_define
class CustomerAnalyticsResponse:
    """Success envelope whose `data` is a CustomerAnalytics.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CustomerAnalytics): Figures over all customer records. All figures are exact at `generatedAt`.
    """

    success: bool
    message: str
    data: CustomerAnalytics

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "success": success,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_analytics import CustomerAnalytics  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CustomerAnalytics.from_dict(d.pop("data"))

        customer_analytics_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return customer_analytics_response
