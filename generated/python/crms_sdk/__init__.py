"""A client library for accessing Customer Management Service (CRMS) API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
