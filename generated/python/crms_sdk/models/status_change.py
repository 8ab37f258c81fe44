from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusChange")


@_attrs_define
class StatusChange:
    """One entry of a customer's status history.

    Attributes:
        to (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate the user in the
            Auth Service; `Active` re-activates it.
        changed_by (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque
            string of 1 to 64 letters, digits, `_` or `-`.
        changed_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        from_ (CustomerStatus | Unset): Business status of the customer. `Inactive` and `Suspended` also deactivate the
            user in the Auth Service; `Active` re-activates it.
        reason (str | Unset): Reason given by the administrator, if any.
    """

    to: CustomerStatus
    changed_by: str
    changed_at: datetime.datetime
    from_: CustomerStatus | Unset = UNSET
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        changed_by = self.changed_by

        changed_at = self.changed_at.isoformat()

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
                "changedBy": changed_by,
                "changedAt": changed_at,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = CustomerStatus(d.pop("to"))

        changed_by = d.pop("changedBy")

        changed_at = datetime.datetime.fromisoformat(d.pop("changedAt"))

        _from_ = d.pop("from", UNSET)
        from_: CustomerStatus | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = CustomerStatus(_from_)

        reason = d.pop("reason", UNSET)

        status_change = cls(
            to=to,
            changed_by=changed_by,
            changed_at=changed_at,
            from_=from_,
            reason=reason,
        )

        return status_change
