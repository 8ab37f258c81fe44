from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateStatusRequest")


@_attrs_define
class UpdateStatusRequest:
    """New status of a customer (guide §4.6).

    Attributes:
        status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate the user in
            the Auth Service; `Active` re-activates it.
        reason (str | Unset): Why the status changes; recommended for `Suspended`. Recorded in the status history.
    """

    status: CustomerStatus
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = CustomerStatus(d.pop("status"))

        reason = d.pop("reason", UNSET)

        update_status_request = cls(
            status=status,
            reason=reason,
        )

        return update_status_request
