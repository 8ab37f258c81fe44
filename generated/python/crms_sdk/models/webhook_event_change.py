from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_event_change_auth_sync import WebhookEventChangeAuthSync
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_event_change_increment import WebhookEventChangeIncrement


T = TypeVar("T", bound="WebhookEventChange")


@_attrs_define
class WebhookEventChange:
    """What the change was, beyond the state after it: the fields it touched, and for a status or type change the values
    before and after with the reason; for a note the note; for statistics the increments.

        Attributes:
            fields (list[str] | Unset): Names of the customer's fields the change wrote.
            from_ (str | Unset): The status or type before the change.
            to (str | Unset): The status or type after the change.
            reason (str | Unset): The reason given for a status or type change or an erasure.
            auth_sync (WebhookEventChangeAuthSync | Unset): For a status change: the Auth Service sync state when the event
                was recorded (`pending`: the user's activation is still being delivered to the Auth Service).
            note_id (str | Unset): Identifier of an administrative note (a MongoDB ObjectId, 24 hexadecimal characters).
            increment (WebhookEventChangeIncrement | Unset): For a statistics change, the counters added to (negative values
                subtract).
    """

    fields: list[str] | Unset = UNSET
    from_: str | Unset = UNSET
    to: str | Unset = UNSET
    reason: str | Unset = UNSET
    auth_sync: WebhookEventChangeAuthSync | Unset = UNSET
    note_id: str | Unset = UNSET
    increment: WebhookEventChangeIncrement | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fields: list[str] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields

        from_ = self.from_

        to = self.to

        reason = self.reason

        auth_sync: str | Unset = UNSET
        if not isinstance(self.auth_sync, Unset):
            auth_sync = self.auth_sync.value

        note_id = self.note_id

        increment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.increment, Unset):
            increment = self.increment.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fields is not UNSET:
            field_dict["fields"] = fields
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if reason is not UNSET:
            field_dict["reason"] = reason
        if auth_sync is not UNSET:
            field_dict["authSync"] = auth_sync
        if note_id is not UNSET:
            field_dict["noteId"] = note_id
        if increment is not UNSET:
            field_dict["increment"] = increment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_change_increment import WebhookEventChangeIncrement  # noqa: PLC0415

        d = dict(src_dict)
        fields = cast(list[str], d.pop("fields", UNSET))

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        reason = d.pop("reason", UNSET)

        _auth_sync = d.pop("authSync", UNSET)
        auth_sync: WebhookEventChangeAuthSync | Unset
        if isinstance(_auth_sync, Unset):
            auth_sync = UNSET
        else:
            auth_sync = WebhookEventChangeAuthSync(_auth_sync)

        note_id = d.pop("noteId", UNSET)

        _increment = d.pop("increment", UNSET)
        increment: WebhookEventChangeIncrement | Unset
        if isinstance(_increment, Unset):
            increment = UNSET
        else:
            increment = WebhookEventChangeIncrement.from_dict(_increment)

        webhook_event_change = cls(
            fields=fields,
            from_=from_,
            to=to,
            reason=reason,
            auth_sync=auth_sync,
            note_id=note_id,
            increment=increment,
        )

        return webhook_event_change
