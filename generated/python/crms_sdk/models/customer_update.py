from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preferences import Preferences


T = TypeVar("T", bound="CustomerUpdate")


@_attrs_define
class CustomerUpdate:
    """The administrative settings of a customer after an update.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        customer_type (CustomerType): Commercial tier of the customer.
        tags (list[str]): Free-form labels. At most 50 tags of 1 to 50 characters each; they are trimmed and de-
            duplicated (exact match after trimming, first occurrence kept, order preserved) before they are stored.
        preferences (Preferences): Communication preferences of the customer. In `PUT /api/customers/{customerId}` the
            object is merged into the stored preferences: properties that are omitted keep their stored values.
        updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        updated_by (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque
            string of 1 to 64 letters, digits, `_` or `-`.
        notes (str | Unset): Omitted when empty.
    """

    customer_id: str
    customer_type: CustomerType
    tags: list[str]
    preferences: Preferences
    updated_at: datetime.datetime
    updated_by: str
    notes: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        customer_type = self.customer_type.value

        tags = self.tags

        preferences = self.preferences.to_dict()

        updated_at = self.updated_at.isoformat()

        updated_by = self.updated_by

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "customerType": customer_type,
                "tags": tags,
                "preferences": preferences,
                "updatedAt": updated_at,
                "updatedBy": updated_by,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preferences import Preferences  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        customer_type = CustomerType(d.pop("customerType"))

        tags = cast(list[str], d.pop("tags"))

        preferences = Preferences.from_dict(d.pop("preferences"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        updated_by = d.pop("updatedBy")

        notes = d.pop("notes", UNSET)

        customer_update = cls(
            customer_id=customer_id,
            customer_type=customer_type,
            tags=tags,
            preferences=preferences,
            updated_at=updated_at,
            updated_by=updated_by,
            notes=notes,
        )

        return customer_update
