from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.created_customer import CreatedCustomer


T = TypeVar("T", bound="CreatedCustomerResponse")


@_attrs_define
class CreatedCustomerResponse:
    """Success envelope whose `data` is a CreatedCustomer.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CreatedCustomer): The customer record that was created.
    """

    success: bool
    message: str
    data: CreatedCustomer

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
        from ..models.created_customer import CreatedCustomer  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CreatedCustomer.from_dict(d.pop("data"))

        created_customer_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return created_customer_response
