from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_update import CustomerUpdate


T = TypeVar("T", bound="CustomerUpdateResponse")


@_attrs_define
class CustomerUpdateResponse:
    """Success envelope whose `data` is a CustomerUpdate.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CustomerUpdate): The administrative settings of a customer after an update.
    """

    success: bool
    message: str
    data: CustomerUpdate

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
        from ..models.customer_update import CustomerUpdate  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CustomerUpdate.from_dict(d.pop("data"))

        customer_update_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return customer_update_response
