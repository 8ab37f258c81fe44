from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTypeRequest")


@_attrs_define
class UpdateTypeRequest:
    """New type of a customer.

    Attributes:
        customer_type (CustomerType): Commercial tier of the customer.
        reason (str | Unset): Why the type changes. Recorded in the type history.
    """

    customer_type: CustomerType
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_type = self.customer_type.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerType": customer_type,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_type = CustomerType(d.pop("customerType"))

        reason = d.pop("reason", UNSET)

        update_type_request = cls(
            customer_type=customer_type,
            reason=reason,
        )

        return update_type_request
