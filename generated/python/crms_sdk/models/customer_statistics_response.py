from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_statistics import CustomerStatistics


T = TypeVar("T", bound="CustomerStatisticsResponse")


@_attrs_define
class CustomerStatisticsResponse:
    """Success envelope whose `data` is a CustomerStatistics.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CustomerStatistics): Order and complaint statistics of the authenticated customer.
    """

    success: bool
    message: str
    data: CustomerStatistics

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
        from ..models.customer_statistics import CustomerStatistics  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CustomerStatistics.from_dict(d.pop("data"))

        customer_statistics_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return customer_statistics_response
