from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_erasure_auth_sync import CustomerErasureAuthSync
from ..models.customer_status import CustomerStatus

T = TypeVar("T", bound="CustomerErasure")


@_attrs_define
class CustomerErasure:
    """Outcome of an erasure.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        erased_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z` suffix
            and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        erased_by (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque
            string of 1 to 64 letters, digits, `_` or `-`.
        customer_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        previous_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        auth_sync (CustomerErasureAuthSync): Whether the Auth Service has confirmed the deactivation of the user
            (`pending`: saved, a background worker delivers it).
    """

    customer_id: str
    erased_at: datetime.datetime
    erased_by: str
    customer_status: CustomerStatus
    previous_status: CustomerStatus
    auth_sync: CustomerErasureAuthSync

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        erased_at = self.erased_at.isoformat()

        erased_by = self.erased_by

        customer_status = self.customer_status.value

        previous_status = self.previous_status.value

        auth_sync = self.auth_sync.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "erasedAt": erased_at,
                "erasedBy": erased_by,
                "customerStatus": customer_status,
                "previousStatus": previous_status,
                "authSync": auth_sync,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        erased_at = datetime.datetime.fromisoformat(d.pop("erasedAt"))

        erased_by = d.pop("erasedBy")

        customer_status = CustomerStatus(d.pop("customerStatus"))

        previous_status = CustomerStatus(d.pop("previousStatus"))

        auth_sync = CustomerErasureAuthSync(d.pop("authSync"))

        customer_erasure = cls(
            customer_id=customer_id,
            erased_at=erased_at,
            erased_by=erased_by,
            customer_status=customer_status,
            previous_status=previous_status,
            auth_sync=auth_sync,
        )

        return customer_erasure
