from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_profile import CustomerProfile
    from ..models.webhook_event_change import WebhookEventChange


T = TypeVar("T", bound="WebhookEventData")


@_attrs_define
class WebhookEventData:
    """The customer's state after the change (`customer`, absent for `customer.deleted`), its version as an `ETag` (usable
    as `If-Match` on the customer's write operations) and what changed.

        Attributes:
            customer (CustomerProfile | Unset): A customer's own profile with its statistics (guide §4.1). Optional
                properties (`contactNumber`, `lastOrderDate`, `lastComplaintDate`) are omitted when they are not set.
            version (int | Unset): The record's version after the change.
            etag (str | Unset): The record's `ETag` after the change.
            change (WebhookEventChange | Unset): What the change was, beyond the state after it: the fields it touched, and
                for a status or type change the values before and after with the reason; for a note the note; for statistics the
                increments.
    """

    customer: CustomerProfile | Unset = UNSET
    version: int | Unset = UNSET
    etag: str | Unset = UNSET
    change: WebhookEventChange | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        version = self.version

        etag = self.etag

        change: dict[str, Any] | Unset = UNSET
        if not isinstance(self.change, Unset):
            change = self.change.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if customer is not UNSET:
            field_dict["customer"] = customer
        if version is not UNSET:
            field_dict["version"] = version
        if etag is not UNSET:
            field_dict["etag"] = etag
        if change is not UNSET:
            field_dict["change"] = change

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_profile import CustomerProfile  # noqa: PLC0415
        from ..models.webhook_event_change import WebhookEventChange  # noqa: PLC0415

        d = dict(src_dict)
        _customer = d.pop("customer", UNSET)
        customer: CustomerProfile | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerProfile.from_dict(_customer)

        version = d.pop("version", UNSET)

        etag = d.pop("etag", UNSET)

        _change = d.pop("change", UNSET)
        change: WebhookEventChange | Unset
        if isinstance(_change, Unset):
            change = UNSET
        else:
            change = WebhookEventChange.from_dict(_change)

        webhook_event_data = cls(
            customer=customer,
            version=version,
            etag=etag,
            change=change,
        )

        return webhook_event_data
