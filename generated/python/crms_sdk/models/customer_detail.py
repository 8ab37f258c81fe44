from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_sync import AuthSync
    from ..models.metadata import Metadata
    from ..models.note import Note
    from ..models.preferences import Preferences
    from ..models.status_change import StatusChange
    from ..models.type_change import TypeChange


T = TypeVar("T", bound="CustomerDetail")


@_attrs_define
class CustomerDetail:
    """The full customer record as seen by an administrator (guide §4.4), with the note, status and type histories.
    Optional properties are omitted when they are not set.

        Attributes:
            customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
            user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque string
                of 1 to 64 letters, digits, `_` or `-`.
            email (str): E-mail address (lower-case), denormalised from the Auth Service.
            full_name (str): Full name, denormalised from the Auth Service.
            customer_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
                the user in the Auth Service; `Active` re-activates it.
            customer_type (CustomerType): Commercial tier of the customer.
            total_orders (int): Number of orders placed.
            total_order_value (float): Total monetary value of all orders.
            total_complaints (int): Number of complaints raised.
            open_complaints (int): Number of complaints not resolved yet.
            customer_since (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
                suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
            tags (list[str]): Free-form labels. At most 50 tags of 1 to 50 characters each; they are trimmed and de-
                duplicated (exact match after trimming, first occurrence kept, order preserved) before they are stored.
            preferences (Preferences): Communication preferences of the customer. In `PUT /api/customers/{customerId}` the
                object is merged into the stored preferences: properties that are omitted keep their stored values.
            note_history (list[Note]): Notes added through `POST /api/customers/{customerId}/notes`, oldest first.
            status_history (list[StatusChange]): Every status change, oldest first.
            type_history (list[TypeChange]): Every type change, oldest first.
            created_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
                suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
            updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
                suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
            contact_number (str | Unset): Contact number as registered in the Auth Service.
            last_order_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with
                the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
                `null`).
            last_complaint_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC
                with the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response
                (never `null`).
            notes (str | Unset): Free-text administrative summary set through `PUT`; omitted when empty.
            metadata (Metadata | Unset): Activity metadata of the customer. Properties that are not known yet are omitted.
            auth_sync (AuthSync | Unset): State of the propagation of the customer's status to the Auth Service (`isActive`
                of the user). `pending` means CRMS has saved the status but the Auth Service has not confirmed it yet; a
                background worker retries until it does. Omitted when the status has never been changed.
            created_by (str | Unset): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an
                opaque string of 1 to 64 letters, digits, `_` or `-`.
            updated_by (str | Unset): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an
                opaque string of 1 to 64 letters, digits, `_` or `-`.
            erased_at (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the
                `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
                `null`).
            erased_by (str | Unset): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an
                opaque string of 1 to 64 letters, digits, `_` or `-`.
            erasure_reason (str | Unset): The reason given for the erasure; omitted unless erased.
    """

    customer_id: str
    user_id: str
    email: str
    full_name: str
    customer_status: CustomerStatus
    customer_type: CustomerType
    total_orders: int
    total_order_value: float
    total_complaints: int
    open_complaints: int
    customer_since: datetime.datetime
    tags: list[str]
    preferences: Preferences
    note_history: list[Note]
    status_history: list[StatusChange]
    type_history: list[TypeChange]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    contact_number: str | Unset = UNSET
    last_order_date: datetime.datetime | Unset = UNSET
    last_complaint_date: datetime.datetime | Unset = UNSET
    notes: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    auth_sync: AuthSync | Unset = UNSET
    created_by: str | Unset = UNSET
    updated_by: str | Unset = UNSET
    erased_at: datetime.datetime | Unset = UNSET
    erased_by: str | Unset = UNSET
    erasure_reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        user_id = self.user_id

        email = self.email

        full_name = self.full_name

        customer_status = self.customer_status.value

        customer_type = self.customer_type.value

        total_orders = self.total_orders

        total_order_value = self.total_order_value

        total_complaints = self.total_complaints

        open_complaints = self.open_complaints

        customer_since = self.customer_since.isoformat()

        tags = self.tags

        preferences = self.preferences.to_dict()

        note_history = []
        for note_history_item_data in self.note_history:
            note_history_item = note_history_item_data.to_dict()
            note_history.append(note_history_item)

        status_history = []
        for status_history_item_data in self.status_history:
            status_history_item = status_history_item_data.to_dict()
            status_history.append(status_history_item)

        type_history = []
        for type_history_item_data in self.type_history:
            type_history_item = type_history_item_data.to_dict()
            type_history.append(type_history_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        contact_number = self.contact_number

        last_order_date: str | Unset = UNSET
        if not isinstance(self.last_order_date, Unset):
            last_order_date = self.last_order_date.isoformat()

        last_complaint_date: str | Unset = UNSET
        if not isinstance(self.last_complaint_date, Unset):
            last_complaint_date = self.last_complaint_date.isoformat()

        notes = self.notes

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        auth_sync: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_sync, Unset):
            auth_sync = self.auth_sync.to_dict()

        created_by = self.created_by

        updated_by = self.updated_by

        erased_at: str | Unset = UNSET
        if not isinstance(self.erased_at, Unset):
            erased_at = self.erased_at.isoformat()

        erased_by = self.erased_by

        erasure_reason = self.erasure_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "userId": user_id,
                "email": email,
                "fullName": full_name,
                "customerStatus": customer_status,
                "customerType": customer_type,
                "totalOrders": total_orders,
                "totalOrderValue": total_order_value,
                "totalComplaints": total_complaints,
                "openComplaints": open_complaints,
                "customerSince": customer_since,
                "tags": tags,
                "preferences": preferences,
                "noteHistory": note_history,
                "statusHistory": status_history,
                "typeHistory": type_history,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if contact_number is not UNSET:
            field_dict["contactNumber"] = contact_number
        if last_order_date is not UNSET:
            field_dict["lastOrderDate"] = last_order_date
        if last_complaint_date is not UNSET:
            field_dict["lastComplaintDate"] = last_complaint_date
        if notes is not UNSET:
            field_dict["notes"] = notes
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if auth_sync is not UNSET:
            field_dict["authSync"] = auth_sync
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if updated_by is not UNSET:
            field_dict["updatedBy"] = updated_by
        if erased_at is not UNSET:
            field_dict["erasedAt"] = erased_at
        if erased_by is not UNSET:
            field_dict["erasedBy"] = erased_by
        if erasure_reason is not UNSET:
            field_dict["erasureReason"] = erasure_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auth_sync import AuthSync  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.note import Note  # noqa: PLC0415
        from ..models.preferences import Preferences  # noqa: PLC0415
        from ..models.status_change import StatusChange  # noqa: PLC0415
        from ..models.type_change import TypeChange  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        user_id = d.pop("userId")

        email = d.pop("email")

        full_name = d.pop("fullName")

        customer_status = CustomerStatus(d.pop("customerStatus"))

        customer_type = CustomerType(d.pop("customerType"))

        total_orders = d.pop("totalOrders")

        total_order_value = d.pop("totalOrderValue")

        total_complaints = d.pop("totalComplaints")

        open_complaints = d.pop("openComplaints")

        customer_since = datetime.datetime.fromisoformat(d.pop("customerSince"))

        tags = cast(list[str], d.pop("tags"))

        preferences = Preferences.from_dict(d.pop("preferences"))

        note_history = []
        _note_history = d.pop("noteHistory")
        for note_history_item_data in _note_history:
            note_history_item = Note.from_dict(note_history_item_data)

            note_history.append(note_history_item)

        status_history = []
        _status_history = d.pop("statusHistory")
        for status_history_item_data in _status_history:
            status_history_item = StatusChange.from_dict(status_history_item_data)

            status_history.append(status_history_item)

        type_history = []
        _type_history = d.pop("typeHistory")
        for type_history_item_data in _type_history:
            type_history_item = TypeChange.from_dict(type_history_item_data)

            type_history.append(type_history_item)

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        contact_number = d.pop("contactNumber", UNSET)

        _last_order_date = d.pop("lastOrderDate", UNSET)
        last_order_date: datetime.datetime | Unset
        if isinstance(_last_order_date, Unset):
            last_order_date = UNSET
        else:
            last_order_date = datetime.datetime.fromisoformat(_last_order_date)

        _last_complaint_date = d.pop("lastComplaintDate", UNSET)
        last_complaint_date: datetime.datetime | Unset
        if isinstance(_last_complaint_date, Unset):
            last_complaint_date = UNSET
        else:
            last_complaint_date = datetime.datetime.fromisoformat(_last_complaint_date)

        notes = d.pop("notes", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        _auth_sync = d.pop("authSync", UNSET)
        auth_sync: AuthSync | Unset
        if isinstance(_auth_sync, Unset):
            auth_sync = UNSET
        else:
            auth_sync = AuthSync.from_dict(_auth_sync)

        created_by = d.pop("createdBy", UNSET)

        updated_by = d.pop("updatedBy", UNSET)

        _erased_at = d.pop("erasedAt", UNSET)
        erased_at: datetime.datetime | Unset
        if isinstance(_erased_at, Unset):
            erased_at = UNSET
        else:
            erased_at = datetime.datetime.fromisoformat(_erased_at)

        erased_by = d.pop("erasedBy", UNSET)

        erasure_reason = d.pop("erasureReason", UNSET)

        customer_detail = cls(
            customer_id=customer_id,
            user_id=user_id,
            email=email,
            full_name=full_name,
            customer_status=customer_status,
            customer_type=customer_type,
            total_orders=total_orders,
            total_order_value=total_order_value,
            total_complaints=total_complaints,
            open_complaints=open_complaints,
            customer_since=customer_since,
            tags=tags,
            preferences=preferences,
            note_history=note_history,
            status_history=status_history,
            type_history=type_history,
            created_at=created_at,
            updated_at=updated_at,
            contact_number=contact_number,
            last_order_date=last_order_date,
            last_complaint_date=last_complaint_date,
            notes=notes,
            metadata=metadata,
            auth_sync=auth_sync,
            created_by=created_by,
            updated_by=updated_by,
            erased_at=erased_at,
            erased_by=erased_by,
            erasure_reason=erasure_reason,
        )

        return customer_detail
