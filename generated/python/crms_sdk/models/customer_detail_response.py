from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_detail import CustomerDetail


T = TypeVar("T", bound="CustomerDetailResponse")


@_attrs_define
class CustomerDetailResponse:
    """Success envelope whose `data` is a CustomerDetail.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CustomerDetail): The full customer record as seen by an administrator (guide §4.4), with the note, status
            and type histories. Optional properties are omitted when they are not set.
    """

    success: bool
    message: str
    data: CustomerDetail

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
        from ..models.customer_detail import CustomerDetail  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CustomerDetail.from_dict(d.pop("data"))

        customer_detail_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return customer_detail_response
