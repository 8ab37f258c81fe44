from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.breaker_state import BreakerState


T = TypeVar("T", bound="ReadinessStatusChecksServices")


@_attrs_define
class ReadinessStatusChecksServices:
    """
    Attributes:
        auth (BreakerState): State of the circuit breaker guarding calls to a sibling service: `closed` (calls flow),
            `open` (calls short-circuit to 502), `halfOpen` (a trial call is allowed), `isolated` (manually isolated).
        order (BreakerState): State of the circuit breaker guarding calls to a sibling service: `closed` (calls flow),
            `open` (calls short-circuit to 502), `halfOpen` (a trial call is allowed), `isolated` (manually isolated).
        complaint (BreakerState): State of the circuit breaker guarding calls to a sibling service: `closed` (calls
            flow), `open` (calls short-circuit to 502), `halfOpen` (a trial call is allowed), `isolated` (manually
            isolated).
    """

    auth: BreakerState
    order: BreakerState
    complaint: BreakerState

    def to_dict(self) -> dict[str, Any]:
        auth = self.auth.to_dict()

        order = self.order.to_dict()

        complaint = self.complaint.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "auth": auth,
                "order": order,
                "complaint": complaint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breaker_state import BreakerState  # noqa: PLC0415

        d = dict(src_dict)
        auth = BreakerState.from_dict(d.pop("auth"))

        order = BreakerState.from_dict(d.pop("order"))

        complaint = BreakerState.from_dict(d.pop("complaint"))

        readiness_status_checks_services = cls(
            auth=auth,
            order=order,
            complaint=complaint,
        )

        return readiness_status_checks_services
