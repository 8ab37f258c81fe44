from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_actor_type import WebhookEventActorType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEventActor")


@_attrs_define
class WebhookEventActor:
    """Who made the change: a signed-in user (`user`: an administrator, or the customer on their own record; `id` is the
    user id), a sibling service through the internal routes (`service`), or CRMS itself (`system`).

        Attributes:
            type_ (WebhookEventActorType):
            id (str | Unset): The user's id; absent for services and the system.
    """

    type_: WebhookEventActorType
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WebhookEventActorType(d.pop("type"))

        id = d.pop("id", UNSET)

        webhook_event_actor = cls(
            type_=type_,
            id=id,
        )

        return webhook_event_actor
