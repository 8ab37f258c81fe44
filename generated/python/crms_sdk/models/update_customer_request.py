from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preferences import Preferences


T = TypeVar("T", bound="UpdateCustomerRequest")


@_attrs_define
class UpdateCustomerRequest:
    """Administrative settings of a customer (guide §4.5). At least one property is required; any other property (for
    example `totalOrders`) is rejected with 400.

        Attributes:
            customer_type (CustomerType | Unset): Commercial tier of the customer.
            notes (str | Unset): Free-text administrative summary. An empty string clears it.
            tags (list[str] | Unset): Free-form labels. At most 50 tags of 1 to 50 characters each; they are trimmed and de-
                duplicated (exact match after trimming, first occurrence kept, order preserved) before they are stored.
            preferences (Preferences | Unset): Communication preferences of the customer. In `PUT
                /api/customers/{customerId}` the object is merged into the stored preferences: properties that are omitted keep
                their stored values.
    """

    customer_type: CustomerType | Unset = UNSET
    notes: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    preferences: Preferences | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_type: str | Unset = UNSET
        if not isinstance(self.customer_type, Unset):
            customer_type = self.customer_type.value

        notes = self.notes

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if customer_type is not UNSET:
            field_dict["customerType"] = customer_type
        if notes is not UNSET:
            field_dict["notes"] = notes
        if tags is not UNSET:
            field_dict["tags"] = tags
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preferences import Preferences  # noqa: PLC0415

        d = dict(src_dict)
        _customer_type = d.pop("customerType", UNSET)
        customer_type: CustomerType | Unset
        if isinstance(_customer_type, Unset):
            customer_type = UNSET
        else:
            customer_type = CustomerType(_customer_type)

        notes = d.pop("notes", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _preferences = d.pop("preferences", UNSET)
        preferences: Preferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = Preferences.from_dict(_preferences)

        update_customer_request = cls(
            customer_type=customer_type,
            notes=notes,
            tags=tags,
            preferences=preferences,
        )

        return update_customer_request
