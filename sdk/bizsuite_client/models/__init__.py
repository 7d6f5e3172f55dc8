"""Contains all the data models used in inputs/outputs"""

from .account_create import AccountCreate
from .account_kind import AccountKind
from .account_out import AccountOut
from .account_page import AccountPage
from .account_revenue_out import AccountRevenueOut
from .account_status import AccountStatus
from .account_summary import AccountSummary
from .account_update import AccountUpdate
from .activity_create import ActivityCreate
from .activity_kind import ActivityKind
from .activity_out import ActivityOut
from .activity_page import ActivityPage
from .activity_update import ActivityUpdate
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
from .business_calendar import BusinessCalendar
from .business_calendar_hours import BusinessCalendarHours
from .channel import Channel
from .churn_risk_out import ChurnRiskOut
from .churn_risk_page import ChurnRiskPage
from .clock_advance import ClockAdvance
from .clock_advance_view import ClockAdvanceView
from .clock_run_view import ClockRunView
from .contact_create import ContactCreate
from .contact_out import ContactOut
from .contact_page import ContactPage
from .contact_update import ContactUpdate
from .crm_dashboard import CrmDashboard
from .crm_settings_out import CrmSettingsOut
from .crm_settings_update import CrmSettingsUpdate
from .dashboard_at_risk import DashboardAtRisk
from .dashboard_revenue_month import DashboardRevenueMonth
from .dashboard_sla_attainment import DashboardSlaAttainment
from .dashboard_tier_figures import DashboardTierFigures
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
from .export_audit_entries_format import ExportAuditEntriesFormat
from .field_error import FieldError
from .file_out import FileOut
from .file_page import FilePage
from .file_update import FileUpdate
from .flow_step_in import FlowStepIn
from .flow_step_out import FlowStepOut
from .health import Health
from .import_row_error import ImportRowError
from .import_status import ImportStatus
from .inbox_item_out import InboxItemOut
from .inbox_page import InboxPage
from .invitation_accept import InvitationAccept
from .invitation_create import InvitationCreate
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
from .key_account_out import KeyAccountOut
from .key_account_page import KeyAccountPage
from .locale import Locale
from .login_request import LoginRequest
from .marked_read import MarkedRead
from .member_out import MemberOut
from .member_page import MemberPage
from .member_update import MemberUpdate
from .milestone_completion import MilestoneCompletion
from .milestone_state import MilestoneState
from .module_name import ModuleName
from .monthly_revenue_out import MonthlyRevenueOut
from .monthly_revenue_page import MonthlyRevenuePage
from .opportunity_create import OpportunityCreate
from .opportunity_out import OpportunityOut
from .opportunity_page import OpportunityPage
from .opportunity_stage_move import OpportunityStageMove
from .opportunity_status import OpportunityStatus
from .opportunity_update import OpportunityUpdate
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
from .pipeline_forecast import PipelineForecast
from .pipeline_forecast_month import PipelineForecastMonth
from .pipeline_stage_create import PipelineStageCreate
from .pipeline_stage_list import PipelineStageList
from .pipeline_stage_order import PipelineStageOrder
from .pipeline_stage_out import PipelineStageOut
from .pipeline_stage_summary import PipelineStageSummary
from .pipeline_stage_update import PipelineStageUpdate
from .preferences_out import PreferencesOut
from .preferences_update import PreferencesUpdate
from .problem_details import ProblemDetails
from .recompute_out import RecomputeOut
from .rejection_in import RejectionIn
from .request_status import RequestStatus
from .resubmit_in import ResubmitIn
from .revenue_amount import RevenueAmount
from .revenue_import_out import RevenueImportOut
from .revenue_import_page import RevenueImportPage
from .revenue_month import RevenueMonth
from .role import Role
from .route_preview import RoutePreview
from .route_preview_step import RoutePreviewStep
from .sandbox_clock_view import SandboxClockView
from .search_group import SearchGroup
from .search_hit_out import SearchHitOut
from .search_results import SearchResults
from .secret_rotation import SecretRotation
from .session_out import SessionOut
from .severity import Severity
from .sla_anchor import SlaAnchor
from .sla_milestone_in import SlaMilestoneIn
from .sla_milestone_out import SlaMilestoneOut
from .sla_policy_in import SlaPolicyIn
from .sla_policy_out import SlaPolicyOut
from .sla_policy_page import SlaPolicyPage
from .stage_kind import StageKind
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
from .ticket_category import TicketCategory
from .ticket_close import TicketClose
from .ticket_create import TicketCreate
from .ticket_event_kind import TicketEventKind
from .ticket_event_out import TicketEventOut
from .ticket_event_page import TicketEventPage
from .ticket_milestone_out import TicketMilestoneOut
from .ticket_out import TicketOut
from .ticket_page import TicketPage
from .ticket_priority import TicketPriority
from .ticket_status import TicketStatus
from .ticket_status_change import TicketStatusChange
from .ticket_update import TicketUpdate
from .tier import Tier
from .timeline_event import TimelineEvent
from .timeline_page import TimelinePage
from .totp_code_in import TotpCodeIn
from .totp_setup import TotpSetup
from .unread_count import UnreadCount
from .withdrawal_in import WithdrawalIn
from .zone_create import ZoneCreate
from .zone_out import ZoneOut
from .zone_page import ZonePage
from .zone_update import ZoneUpdate

__all__ = (
    "AccountCreate",
    "AccountKind",
    "AccountOut",
    "AccountPage",
    "AccountRevenueOut",
    "AccountStatus",
    "AccountSummary",
    "AccountUpdate",
    "ActivityCreate",
    "ActivityKind",
    "ActivityOut",
    "ActivityPage",
    "ActivityUpdate",
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
    "BusinessCalendar",
    "BusinessCalendarHours",
    "Channel",
    "ChurnRiskOut",
    "ChurnRiskPage",
    "ClockAdvance",
    "ClockAdvanceView",
    "ClockRunView",
    "ContactCreate",
    "ContactOut",
    "ContactPage",
    "ContactUpdate",
    "CrmDashboard",
    "CrmSettingsOut",
    "CrmSettingsUpdate",
    "DashboardAtRisk",
    "DashboardRevenueMonth",
    "DashboardSlaAttainment",
    "DashboardTierFigures",
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
    "ExportAuditEntriesFormat",
    "FieldError",
    "FileOut",
    "FilePage",
    "FileUpdate",
    "FlowStepIn",
    "FlowStepOut",
    "Health",
    "ImportRowError",
    "ImportStatus",
    "InboxItemOut",
    "InboxPage",
    "InvitationAccept",
    "InvitationCreate",
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
    "KeyAccountOut",
    "KeyAccountPage",
    "Locale",
    "LoginRequest",
    "MarkedRead",
    "MemberOut",
    "MemberPage",
    "MemberUpdate",
    "MilestoneCompletion",
    "MilestoneState",
    "ModuleName",
    "MonthlyRevenueOut",
    "MonthlyRevenuePage",
    "OpportunityCreate",
    "OpportunityOut",
    "OpportunityPage",
    "OpportunityStageMove",
    "OpportunityStatus",
    "OpportunityUpdate",
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
    "PipelineForecast",
    "PipelineForecastMonth",
    "PipelineStageCreate",
    "PipelineStageList",
    "PipelineStageOrder",
    "PipelineStageOut",
    "PipelineStageSummary",
    "PipelineStageUpdate",
    "PreferencesOut",
    "PreferencesUpdate",
    "ProblemDetails",
    "RecomputeOut",
    "RejectionIn",
    "RequestStatus",
    "ResubmitIn",
    "RevenueAmount",
    "RevenueImportOut",
    "RevenueImportPage",
    "RevenueMonth",
    "Role",
    "RoutePreview",
    "RoutePreviewStep",
    "SandboxClockView",
    "SearchGroup",
    "SearchHitOut",
    "SearchResults",
    "SecretRotation",
    "SessionOut",
    "Severity",
    "SlaAnchor",
    "SlaMilestoneIn",
    "SlaMilestoneOut",
    "SlaPolicyIn",
    "SlaPolicyOut",
    "SlaPolicyPage",
    "StageKind",
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
    "TicketCategory",
    "TicketClose",
    "TicketCreate",
    "TicketEventKind",
    "TicketEventOut",
    "TicketEventPage",
    "TicketMilestoneOut",
    "TicketOut",
    "TicketPage",
    "TicketPriority",
    "TicketStatus",
    "TicketStatusChange",
    "TicketUpdate",
    "Tier",
    "TimelineEvent",
    "TimelinePage",
    "TotpCodeIn",
    "TotpSetup",
    "UnreadCount",
    "WithdrawalIn",
    "ZoneCreate",
    "ZoneOut",
    "ZonePage",
    "ZoneUpdate",
)
