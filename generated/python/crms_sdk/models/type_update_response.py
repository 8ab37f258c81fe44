from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.type_update import TypeUpdate


T = TypeVar("T", bound="TypeUpdateResponse")


@_attrs_define
class TypeUpdateResponse:
    """Success envelope whose `data` is a TypeUpdate.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (TypeUpdate): Result of a type change.
    """

    success: bool
    message: str
    data: TypeUpdate

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
        from ..models.type_update import TypeUpdate  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = TypeUpdate.from_dict(d.pop("data"))

        type_update_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return type_update_response
