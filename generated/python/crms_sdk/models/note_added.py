from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.note import Note


T = TypeVar("T", bound="NoteAdded")


@_attrs_define
class NoteAdded:
    """The note that was added and the new number of notes.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        note (Note): One administrative note of a customer's note history.
        note_count (int): Number of notes in the customer's note history, including this one.
    """

    customer_id: str
    note: Note
    note_count: int

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        note = self.note.to_dict()

        note_count = self.note_count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "note": note,
                "noteCount": note_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.note import Note  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        note = Note.from_dict(d.pop("note"))

        note_count = d.pop("noteCount")

        note_added = cls(
            customer_id=customer_id,
            note=note,
            note_count=note_count,
        )

        return note_added
