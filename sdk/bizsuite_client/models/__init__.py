"""Contains all the data models used in inputs/outputs"""

from .alert_create import AlertCreate
from .alert_out import AlertOut
from .alert_page import AlertPage
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_out import ApiKeyOut
from .api_key_page import ApiKeyPage
from .approval_decision_out import ApprovalDecisionOut
from .approval_decision_page import ApprovalDecisionPage
from .approval_flow_create import ApprovalFlowCreate
from .approval_flow_out import ApprovalFlowOut
from .approval_flow_page import ApprovalFlowPage
from .approval_flow_update import ApprovalFlowUpdate
from .approval_request_out import ApprovalRequestOut
from .approval_request_page import ApprovalRequestPage
from .approval_request_summary import ApprovalRequestSummary
from .approval_step_out import ApprovalStepOut
from .approver_assignment_create import ApproverAssignmentCreate
from .approver_assignment_out import ApproverAssignmentOut
from .approver_assignment_page import ApproverAssignmentPage
from .approver_assignment_update import ApproverAssignmentUpdate
from .approver_kind import ApproverKind
from .attempt_out import AttemptOut
from .attempt_outcome import AttemptOutcome
from .attempt_page import AttemptPage
from .audit_entry_out import AuditEntryOut
from .audit_page import AuditPage
from .channel import Channel
from .decision_action import DecisionAction
from .decision_in import DecisionIn
from .delegation_in import DelegationIn
from .delivery_out import DeliveryOut
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .document_in import DocumentIn
from .download_link import DownloadLink
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_page import EndpointPage
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .event_type_list import EventTypeList
from .event_type_out import EventTypeOut
from .field_error import FieldError
from .file_out import FileOut
from .file_page import FilePage
from .file_update import FileUpdate
from .flow_step_in import FlowStepIn
from .flow_step_out import FlowStepOut
from .health import Health
from .inbox_item_out import InboxItemOut
from .inbox_page import InboxPage
from .invitation_accept import InvitationAccept
from .invitation_create import InvitationCreate
from .invitation_created import InvitationCreated
from .invitation_out import InvitationOut
from .invitation_page import InvitationPage
from .job_out import JobOut
from .job_page import JobPage
from .job_schedule_create import JobScheduleCreate
from .job_schedule_out import JobScheduleOut
from .job_schedule_page import JobSchedulePage
from .job_schedule_update import JobScheduleUpdate
from .job_status import JobStatus
from .json_object import JsonObject
from .locale import Locale
from .login_request import LoginRequest
from .marked_read import MarkedRead
from .member_out import MemberOut
from .member_page import MemberPage
from .member_update import MemberUpdate
from .module_name import ModuleName
from .org_unit_create import OrgUnitCreate
from .org_unit_kind import OrgUnitKind
from .org_unit_move import OrgUnitMove
from .org_unit_out import OrgUnitOut
from .org_unit_page import OrgUnitPage
from .org_unit_update import OrgUnitUpdate
from .outbox_message_out import OutboxMessageOut
from .outbox_page import OutboxPage
from .outbox_status import OutboxStatus
from .password_change import PasswordChange
from .preferences_out import PreferencesOut
from .preferences_update import PreferencesUpdate
from .problem_details import ProblemDetails
from .rejection_in import RejectionIn
from .request_status import RequestStatus
from .resubmit_in import ResubmitIn
from .role import Role
from .route_preview import RoutePreview
from .route_preview_step import RoutePreviewStep
from .secret_rotation import SecretRotation
from .session_out import SessionOut
from .severity import Severity
from .step_status import StepStatus
from .switch_tenant_request import SwitchTenantRequest
from .task_list import TaskList
from .task_out import TaskOut
from .tenant_choice import TenantChoice
from .tenant_create import TenantCreate
from .tenant_out import TenantOut
from .tenant_page import TenantPage
from .tenant_status import TenantStatus
from .tenant_update import TenantUpdate
from .totp_code_in import TotpCodeIn
from .totp_setup import TotpSetup
from .unread_count import UnreadCount
from .withdrawal_in import WithdrawalIn

__all__ = (
    "AlertCreate",
    "AlertOut",
    "AlertPage",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyOut",
    "ApiKeyPage",
    "ApprovalDecisionOut",
    "ApprovalDecisionPage",
    "ApprovalFlowCreate",
    "ApprovalFlowOut",
    "ApprovalFlowPage",
    "ApprovalFlowUpdate",
    "ApprovalRequestOut",
    "ApprovalRequestPage",
    "ApprovalRequestSummary",
    "ApprovalStepOut",
    "ApproverAssignmentCreate",
    "ApproverAssignmentOut",
    "ApproverAssignmentPage",
    "ApproverAssignmentUpdate",
    "ApproverKind",
    "AttemptOut",
    "AttemptOutcome",
    "AttemptPage",
    "AuditEntryOut",
    "AuditPage",
    "Channel",
    "DecisionAction",
    "DecisionIn",
    "DelegationIn",
    "DeliveryOut",
    "DeliveryPage",
    "DeliveryStatus",
    "DocumentIn",
    "DownloadLink",
    "EndpointCreate",
    "EndpointOut",
    "EndpointPage",
    "EndpointUpdate",
    "EndpointWithSecret",
    "EventTypeList",
    "EventTypeOut",
    "FieldError",
    "FileOut",
    "FilePage",
    "FileUpdate",
    "FlowStepIn",
    "FlowStepOut",
    "Health",
    "InboxItemOut",
    "InboxPage",
    "InvitationAccept",
    "InvitationCreate",
    "InvitationCreated",
    "InvitationOut",
    "InvitationPage",
    "JobOut",
    "JobPage",
    "JobScheduleCreate",
    "JobScheduleOut",
    "JobSchedulePage",
    "JobScheduleUpdate",
    "JobStatus",
    "JsonObject",
    "Locale",
    "LoginRequest",
    "MarkedRead",
    "MemberOut",
    "MemberPage",
    "MemberUpdate",
    "ModuleName",
    "OrgUnitCreate",
    "OrgUnitKind",
    "OrgUnitMove",
    "OrgUnitOut",
    "OrgUnitPage",
    "OrgUnitUpdate",
    "OutboxMessageOut",
    "OutboxPage",
    "OutboxStatus",
    "PasswordChange",
    "PreferencesOut",
    "PreferencesUpdate",
    "ProblemDetails",
    "RejectionIn",
    "RequestStatus",
    "ResubmitIn",
    "Role",
    "RoutePreview",
    "RoutePreviewStep",
    "SecretRotation",
    "SessionOut",
    "Severity",
    "StepStatus",
    "SwitchTenantRequest",
    "TaskList",
    "TaskOut",
    "TenantChoice",
    "TenantCreate",
    "TenantOut",
    "TenantPage",
    "TenantStatus",
    "TenantUpdate",
    "TotpCodeIn",
    "TotpSetup",
    "UnreadCount",
    "WithdrawalIn",
)
