"""The live CRMS the tests talk to, from the environment test/sdk/python-sdk.test.ts sets."""

import os
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

# the generated package, as committed (generated/python)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "generated" / "python"))

from crms_sdk.api.internal import create_customer_record  # noqa: E402
from crms_sdk.client import AuthenticatedClient  # noqa: E402
from crms_sdk.helpers import crms_client, unwrap  # noqa: E402
from crms_sdk.models.create_customer_request import CreateCustomerRequest  # noqa: E402

T = TypeVar("T")


def eventually(probe: Callable[[], T | None], what: str, timeout: float = 10.0, interval: float = 0.025) -> T:
    """Polls ``probe`` until it returns something other than ``None``/``False`` (the tests' ``eventually()`` of
    test/support): a bounded wait for a state, never a fixed sleep; the timeout is a ceiling, not a claim."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value is not None and value is not False:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what} not reached within {timeout} s")
        time.sleep(interval)


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run these tests through test/sdk/python-sdk.test.ts")
    return value


@pytest.fixture
def base_url() -> str:
    return env("CRMS_URL")


@pytest.fixture
def service(base_url: str) -> AuthenticatedClient:
    """What the Order, Complaint and Auth services use: the service API key."""
    return crms_client(base_url, api_key=env("CRMS_API_KEY"))


@pytest.fixture
def admin(base_url: str) -> AuthenticatedClient:
    return crms_client(base_url, token=env("CRMS_ADMIN_TOKEN"))


def new_user_id() -> str:
    return f"py-{uuid.uuid4().hex}"


@pytest.fixture
def customer(service: AuthenticatedClient) -> tuple[str, str]:
    """A new customer record, as the Auth Service creates it after a registration: (user id, customer id)."""
    user_id = new_user_id()
    body = CreateCustomerRequest(user_id=user_id, email=f"{user_id}@example.com", full_name="Python Consumer")
    created = unwrap(create_customer_record.sync_detailed(client=service, body=body))
    return user_id, created.data.customer_id
