from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_profile import CustomerProfile


T = TypeVar("T", bound="CustomerProfileResponse")


@_attrs_define
class CustomerProfileResponse:
    """Success envelope whose `data` is a CustomerProfile.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CustomerProfile): A customer's own profile with its statistics (guide §4.1). Optional properties
            (`contactNumber`, `lastOrderDate`, `lastComplaintDate`) are omitted when they are not set.
    """

    success: bool
    message: str
    data: CustomerProfile

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
        from ..models.customer_profile import CustomerProfile  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CustomerProfile.from_dict(d.pop("data"))

        customer_profile_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return customer_profile_response
