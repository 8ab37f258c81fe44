from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """The one error body of the service. Every non-2xx answer (validation errors, authentication and authorization
    failures, unknown ids, business rule violations, sibling-service and database failures, unknown routes) carries this
    envelope and never an HTML page or a stack trace.

        Attributes:
            success (bool): Always `false` for an error.
            message (str): Human-readable summary of the failure.
            errors (list[ErrorDetail]): Details, usually one entry per problem. For validation errors `field` is the
                offending parameter name or the dotted path of the offending body property (for example `limit` or
                `preferences.language`).
    """

    success: bool
    message: str
    errors: list[ErrorDetail]

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "success": success,
                "message": message,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ErrorDetail.from_dict(errors_item_data)

            errors.append(errors_item)

        error_envelope = cls(
            success=success,
            message=message,
            errors=errors,
        )

        return error_envelope
