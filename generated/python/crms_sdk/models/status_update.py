from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..models.status_update_auth_sync import StatusUpdateAuthSync

T = TypeVar("T", bound="StatusUpdate")


@_attrs_define
class StatusUpdate:
    """Result of a status change.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        customer_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        previous_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        updated_by (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque
            string of 1 to 64 letters, digits, `_` or `-`.
        auth_sync (StatusUpdateAuthSync): `synced` when the Auth Service confirmed the user's new active state during
            the request; `pending` when it could not be reached and the change will be delivered by the background worker.
    """

    customer_id: str
    customer_status: CustomerStatus
    previous_status: CustomerStatus
    updated_at: datetime.datetime
    updated_by: str
    auth_sync: StatusUpdateAuthSync

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        customer_status = self.customer_status.value

        previous_status = self.previous_status.value

        updated_at = self.updated_at.isoformat()

        updated_by = self.updated_by

        auth_sync = self.auth_sync.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "customerStatus": customer_status,
                "previousStatus": previous_status,
                "updatedAt": updated_at,
                "updatedBy": updated_by,
                "authSync": auth_sync,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        customer_status = CustomerStatus(d.pop("customerStatus"))

        previous_status = CustomerStatus(d.pop("previousStatus"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        updated_by = d.pop("updatedBy")

        auth_sync = StatusUpdateAuthSync(d.pop("authSync"))

        status_update = cls(
            customer_id=customer_id,
            customer_status=customer_status,
            previous_status=previous_status,
            updated_at=updated_at,
            updated_by=updated_by,
            auth_sync=auth_sync,
        )

        return status_update
