from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    """Communication preferences of the customer. In `PUT /api/customers/{customerId}` the object is merged into the stored
    preferences: properties that are omitted keep their stored values.

        Attributes:
            newsletter (bool | Unset): Whether the customer receives the newsletter.
            notifications (bool | Unset): Whether the customer receives notifications.
            language (str | Unset): Preferred language as a BCP 47 language tag (lower-case primary subtag).
    """

    newsletter: bool | Unset = UNSET
    notifications: bool | Unset = UNSET
    language: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        newsletter = self.newsletter

        notifications = self.notifications

        language = self.language

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if newsletter is not UNSET:
            field_dict["newsletter"] = newsletter
        if notifications is not UNSET:
            field_dict["notifications"] = notifications
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        newsletter = d.pop("newsletter", UNSET)

        notifications = d.pop("notifications", UNSET)

        language = d.pop("language", UNSET)

        preferences = cls(
            newsletter=newsletter,
            notifications=notifications,
            language=language,
        )

        return preferences
