from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EraseCustomerRequest")


@_attrs_define
class EraseCustomerRequest:
    """Why the customer's personal data is erased (recorded with the erasure and in the status history).

    Attributes:
        reason (str): The legal ground or request reference, e.g. a GDPR art. 17 request id.
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        erase_customer_request = cls(
            reason=reason,
        )

        return erase_customer_request
