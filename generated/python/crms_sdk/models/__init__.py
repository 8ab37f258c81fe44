"""Contains all the data models used in inputs/outputs"""

from .add_note_request import AddNoteRequest
from .auth_sync import AuthSync
from .auth_sync_desired_state import AuthSyncDesiredState
from .auth_sync_status import AuthSyncStatus
from .breaker_state import BreakerState
from .breaker_state_breaker import BreakerStateBreaker
from .bulk_item_result import BulkItemResult
from .bulk_item_result_auth_sync import BulkItemResultAuthSync
from .bulk_item_result_error import BulkItemResultError
from .bulk_operation_request import BulkOperationRequest
from .bulk_operation_request_action import BulkOperationRequestAction
from .bulk_operation_response import BulkOperationResponse
from .bulk_operation_result import BulkOperationResult
from .bulk_operation_result_action import BulkOperationResultAction
from .complaint_count_request import ComplaintCountRequest
from .complaint_history import ComplaintHistory
from .complaint_history_item import ComplaintHistoryItem
from .complaint_history_response import ComplaintHistoryResponse
from .create_customer_request import CreateCustomerRequest
from .create_webhook_subscription_request import CreateWebhookSubscriptionRequest
from .created_customer import CreatedCustomer
from .created_customer_response import CreatedCustomerResponse
from .customer_analytics import CustomerAnalytics
from .customer_analytics_by_status import CustomerAnalyticsByStatus
from .customer_analytics_by_type import CustomerAnalyticsByType
from .customer_analytics_complaints import CustomerAnalyticsComplaints
from .customer_analytics_new_customers import CustomerAnalyticsNewCustomers
from .customer_analytics_orders import CustomerAnalyticsOrders
from .customer_analytics_response import CustomerAnalyticsResponse
from .customer_data_export import CustomerDataExport
from .customer_data_export_response import CustomerDataExportResponse
from .customer_deletion import CustomerDeletion
from .customer_deletion_response import CustomerDeletionResponse
from .customer_detail import CustomerDetail
from .customer_detail_response import CustomerDetailResponse
from .customer_erasure import CustomerErasure
from .customer_erasure_auth_sync import CustomerErasureAuthSync
from .customer_erasure_response import CustomerErasureResponse
from .customer_list import CustomerList
from .customer_list_response import CustomerListResponse
from .customer_profile import CustomerProfile
from .customer_profile_response import CustomerProfileResponse
from .customer_statistics import CustomerStatistics
from .customer_statistics_response import CustomerStatisticsResponse
from .customer_status import CustomerStatus
from .customer_summary import CustomerSummary
from .customer_type import CustomerType
from .customer_update import CustomerUpdate
from .customer_update_response import CustomerUpdateResponse
from .erase_customer_request import EraseCustomerRequest
from .error_detail import ErrorDetail
from .error_envelope import ErrorEnvelope
from .get_open_api_json_response_200 import GetOpenApiJsonResponse200
from .get_open_api_json_response_200_info import GetOpenApiJsonResponse200Info
from .get_open_api_json_response_200_paths import GetOpenApiJsonResponse200Paths
from .health_response import HealthResponse
from .health_status import HealthStatus
from .history_pagination import HistoryPagination
from .list_customers_sort_by import ListCustomersSortBy
from .list_customers_sort_order import ListCustomersSortOrder
from .metadata import Metadata
from .note import Note
from .note_added import NoteAdded
from .note_added_response import NoteAddedResponse
from .order_history import OrderHistory
from .order_history_item import OrderHistoryItem
from .order_history_response import OrderHistoryResponse
from .order_status import OrderStatus
from .pagination import Pagination
from .preferences import Preferences
from .readiness_response import ReadinessResponse
from .readiness_status import ReadinessStatus
from .readiness_status_checks import ReadinessStatusChecks
from .readiness_status_checks_database import ReadinessStatusChecksDatabase
from .readiness_status_checks_database_status import ReadinessStatusChecksDatabaseStatus
from .readiness_status_checks_records import ReadinessStatusChecksRecords
from .readiness_status_checks_services import ReadinessStatusChecksServices
from .redeliver_request import RedeliverRequest
from .redelivery_response import RedeliveryResponse
from .redelivery_response_data import RedeliveryResponseData
from .search_result import SearchResult
from .search_results import SearchResults
from .search_results_response import SearchResultsResponse
from .statistics_increment import StatisticsIncrement
from .statistics_update import StatisticsUpdate
from .statistics_update_response import StatisticsUpdateResponse
from .status_change import StatusChange
from .status_update import StatusUpdate
from .status_update_auth_sync import StatusUpdateAuthSync
from .status_update_response import StatusUpdateResponse
from .top_customer import TopCustomer
from .type_change import TypeChange
from .type_update import TypeUpdate
from .type_update_response import TypeUpdateResponse
from .update_customer_request import UpdateCustomerRequest
from .update_statistics_request import UpdateStatisticsRequest
from .update_status_request import UpdateStatusRequest
from .update_type_request import UpdateTypeRequest
from .update_webhook_subscription_request import UpdateWebhookSubscriptionRequest
from .update_webhook_subscription_request_status import UpdateWebhookSubscriptionRequestStatus
from .webhook_attempt import WebhookAttempt
from .webhook_attempt_outcome import WebhookAttemptOutcome
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_list_response import WebhookDeliveryListResponse
from .webhook_delivery_list_response_data import WebhookDeliveryListResponseData
from .webhook_delivery_status import WebhookDeliveryStatus
from .webhook_event import WebhookEvent
from .webhook_event_actor import WebhookEventActor
from .webhook_event_actor_type import WebhookEventActorType
from .webhook_event_change import WebhookEventChange
from .webhook_event_change_auth_sync import WebhookEventChangeAuthSync
from .webhook_event_change_increment import WebhookEventChangeIncrement
from .webhook_event_data import WebhookEventData
from .webhook_event_type import WebhookEventType
from .webhook_subscription import WebhookSubscription
from .webhook_subscription_deletion_response import WebhookSubscriptionDeletionResponse
from .webhook_subscription_deletion_response_data import WebhookSubscriptionDeletionResponseData
from .webhook_subscription_list_response import WebhookSubscriptionListResponse
from .webhook_subscription_list_response_data import WebhookSubscriptionListResponseData
from .webhook_subscription_response import WebhookSubscriptionResponse
from .webhook_subscription_status import WebhookSubscriptionStatus
from .webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from .webhook_subscription_with_secret_response import WebhookSubscriptionWithSecretResponse
from .webhook_test_response import WebhookTestResponse
from .webhook_test_response_data import WebhookTestResponseData

__all__ = (
    "AddNoteRequest",
    "AuthSync",
    "AuthSyncDesiredState",
    "AuthSyncStatus",
    "BreakerState",
    "BreakerStateBreaker",
    "BulkItemResult",
    "BulkItemResultAuthSync",
    "BulkItemResultError",
    "BulkOperationRequest",
    "BulkOperationRequestAction",
    "BulkOperationResponse",
    "BulkOperationResult",
    "BulkOperationResultAction",
    "ComplaintCountRequest",
    "ComplaintHistory",
    "ComplaintHistoryItem",
    "ComplaintHistoryResponse",
    "CreateCustomerRequest",
    "CreatedCustomer",
    "CreatedCustomerResponse",
    "CreateWebhookSubscriptionRequest",
    "CustomerAnalytics",
    "CustomerAnalyticsByStatus",
    "CustomerAnalyticsByType",
    "CustomerAnalyticsComplaints",
    "CustomerAnalyticsNewCustomers",
    "CustomerAnalyticsOrders",
    "CustomerAnalyticsResponse",
    "CustomerDataExport",
    "CustomerDataExportResponse",
    "CustomerDeletion",
    "CustomerDeletionResponse",
    "CustomerDetail",
    "CustomerDetailResponse",
    "CustomerErasure",
    "CustomerErasureAuthSync",
    "CustomerErasureResponse",
    "CustomerList",
    "CustomerListResponse",
    "CustomerProfile",
    "CustomerProfileResponse",
    "CustomerStatistics",
    "CustomerStatisticsResponse",
    "CustomerStatus",
    "CustomerSummary",
    "CustomerType",
    "CustomerUpdate",
    "CustomerUpdateResponse",
    "EraseCustomerRequest",
    "ErrorDetail",
    "ErrorEnvelope",
    "GetOpenApiJsonResponse200",
    "GetOpenApiJsonResponse200Info",
    "GetOpenApiJsonResponse200Paths",
    "HealthResponse",
    "HealthStatus",
    "HistoryPagination",
    "ListCustomersSortBy",
    "ListCustomersSortOrder",
    "Metadata",
    "Note",
    "NoteAdded",
    "NoteAddedResponse",
    "OrderHistory",
    "OrderHistoryItem",
    "OrderHistoryResponse",
    "OrderStatus",
    "Pagination",
    "Preferences",
    "ReadinessResponse",
    "ReadinessStatus",
    "ReadinessStatusChecks",
    "ReadinessStatusChecksDatabase",
    "ReadinessStatusChecksDatabaseStatus",
    "ReadinessStatusChecksRecords",
    "ReadinessStatusChecksServices",
    "RedeliverRequest",
    "RedeliveryResponse",
    "RedeliveryResponseData",
    "SearchResult",
    "SearchResults",
    "SearchResultsResponse",
    "StatisticsIncrement",
    "StatisticsUpdate",
    "StatisticsUpdateResponse",
    "StatusChange",
    "StatusUpdate",
    "StatusUpdateAuthSync",
    "StatusUpdateResponse",
    "TopCustomer",
    "TypeChange",
    "TypeUpdate",
    "TypeUpdateResponse",
    "UpdateCustomerRequest",
    "UpdateStatisticsRequest",
    "UpdateStatusRequest",
    "UpdateTypeRequest",
    "UpdateWebhookSubscriptionRequest",
    "UpdateWebhookSubscriptionRequestStatus",
    "WebhookAttempt",
    "WebhookAttemptOutcome",
    "WebhookDelivery",
    "WebhookDeliveryListResponse",
    "WebhookDeliveryListResponseData",
    "WebhookDeliveryStatus",
    "WebhookEvent",
    "WebhookEventActor",
    "WebhookEventActorType",
    "WebhookEventChange",
    "WebhookEventChangeAuthSync",
    "WebhookEventChangeIncrement",
    "WebhookEventData",
    "WebhookEventType",
    "WebhookSubscription",
    "WebhookSubscriptionDeletionResponse",
    "WebhookSubscriptionDeletionResponseData",
    "WebhookSubscriptionListResponse",
    "WebhookSubscriptionListResponseData",
    "WebhookSubscriptionResponse",
    "WebhookSubscriptionStatus",
    "WebhookSubscriptionWithSecret",
    "WebhookSubscriptionWithSecretResponse",
    "WebhookTestResponse",
    "WebhookTestResponseData",
)
