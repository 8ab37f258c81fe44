from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Note")


@_attrs_define
class Note:
    """One administrative note of a customer's note history.

    Attributes:
        note_id (str): Identifier of an administrative note (a MongoDB ObjectId, 24 hexadecimal characters).
        note (str): Text of the note.
        added_by (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque
            string of 1 to 64 letters, digits, `_` or `-`.
        added_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z` suffix
            and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
    """

    note_id: str
    note: str
    added_by: str
    added_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        note_id = self.note_id

        note = self.note

        added_by = self.added_by

        added_at = self.added_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "noteId": note_id,
                "note": note,
                "addedBy": added_by,
                "addedAt": added_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note_id = d.pop("noteId")

        note = d.pop("note")

        added_by = d.pop("addedBy")

        added_at = datetime.datetime.fromisoformat(d.pop("addedAt"))

        note = cls(
            note_id=note_id,
            note=note,
            added_by=added_by,
            added_at=added_at,
        )

        return note
