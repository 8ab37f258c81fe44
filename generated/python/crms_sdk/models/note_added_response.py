from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.note_added import NoteAdded


T = TypeVar("T", bound="NoteAddedResponse")


@_attrs_define
class NoteAddedResponse:
    """Success envelope whose `data` is a NoteAdded.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (NoteAdded): The note that was added and the new number of notes.
    """

    success: bool
    message: str
    data: NoteAdded

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "success": success,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.note_added import NoteAdded  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = NoteAdded.from_dict(d.pop("data"))

        note_added_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return note_added_response
