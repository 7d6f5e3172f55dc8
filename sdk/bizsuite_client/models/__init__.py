"""Contains all the data models used in inputs/outputs"""

from .ability import Ability
from .account_bulk import AccountBulk
from .account_bulk_action import AccountBulkAction
from .account_bulk_result import AccountBulkResult
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
from .activity_status import ActivityStatus
from .activity_type import ActivityType
from .activity_update import ActivityUpdate
from .addon_create import AddonCreate
from .addon_kind import AddonKind
from .addon_list import AddonList
from .addon_out import AddonOut
from .addon_quantity import AddonQuantity
from .adjustment_kind import AdjustmentKind
from .adjustment_status import AdjustmentStatus
from .ageing_bucket import AgeingBucket
from .ageing_item import AgeingItem
from .ageing_report import AgeingReport
from .alert_create import AlertCreate
from .alert_out import AlertOut
from .alert_page import AlertPage
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_out import ApiKeyOut
from .api_key_page import ApiKeyPage
from .appraisal_cycle_create import AppraisalCycleCreate
from .appraisal_cycle_move import AppraisalCycleMove
from .appraisal_cycle_page import AppraisalCyclePage
from .appraisal_cycle_update import AppraisalCycleUpdate
from .appraisal_cycle_view import AppraisalCycleView
from .appraisal_duty import AppraisalDuty
from .appraisal_level import AppraisalLevel
from .appraisal_list import AppraisalList
from .appraisal_summary import AppraisalSummary
from .appraisal_view import AppraisalView
from .appraisal_view_level_points import AppraisalViewLevelPoints
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
from .asset_create import AssetCreate
from .asset_create_purpose import AssetCreatePurpose
from .asset_page import AssetPage
from .asset_view import AssetView
from .assignment_create import AssignmentCreate
from .assignment_end import AssignmentEnd
from .assignment_list import AssignmentList
from .assignment_view import AssignmentView
from .attachment_ref import AttachmentRef
from .attempt_out import AttemptOut
from .attempt_outcome import AttemptOutcome
from .attempt_page import AttemptPage
from .audio_zone_create import AudioZoneCreate
from .audio_zone_page import AudioZonePage
from .audio_zone_update import AudioZoneUpdate
from .audio_zone_view import AudioZoneView
from .audit_entry_out import AuditEntryOut
from .audit_page import AuditPage
from .billing_interval import BillingInterval
from .billing_provider import BillingProvider
from .broadcast_close import BroadcastClose
from .broadcast_kind import BroadcastKind
from .broadcast_page import BroadcastPage
from .broadcast_view import BroadcastView
from .budget_adjustment_create import BudgetAdjustmentCreate
from .budget_adjustment_page import BudgetAdjustmentPage
from .budget_adjustment_view import BudgetAdjustmentView
from .budget_analysis import BudgetAnalysis
from .budget_analysis_row import BudgetAnalysisRow
from .budget_category_create import BudgetCategoryCreate
from .budget_category_list import BudgetCategoryList
from .budget_category_update import BudgetCategoryUpdate
from .budget_category_view import BudgetCategoryView
from .budget_compile import BudgetCompile
from .budget_control_view import BudgetControlView
from .budget_expense_create import BudgetExpenseCreate
from .budget_expense_page import BudgetExpensePage
from .budget_expense_pay import BudgetExpensePay
from .budget_expense_view import BudgetExpenseView
from .budget_explanation import BudgetExplanation
from .budget_forecast_page import BudgetForecastPage
from .budget_forecast_set import BudgetForecastSet
from .budget_forecast_view import BudgetForecastView
from .budget_line_change_view import BudgetLineChangeView
from .budget_line_create import BudgetLineCreate
from .budget_line_detail import BudgetLineDetail
from .budget_line_view import BudgetLineView
from .budget_plan_create import BudgetPlanCreate
from .budget_plan_detail import BudgetPlanDetail
from .budget_plan_page import BudgetPlanPage
from .budget_plan_version_line import BudgetPlanVersionLine
from .budget_plan_version_view import BudgetPlanVersionView
from .budget_plan_view import BudgetPlanView
from .budgets_settings_update import BudgetsSettingsUpdate
from .budgets_settings_view import BudgetsSettingsView
from .business_calendar import BusinessCalendar
from .business_calendar_hours import BusinessCalendarHours
from .calibration import Calibration
from .calibration_distribution import CalibrationDistribution
from .calibration_group import CalibrationGroup
from .calibration_level_points import CalibrationLevelPoints
from .calibration_outlier import CalibrationOutlier
from .campaign_create import CampaignCreate
from .campaign_page import CampaignPage
from .campaign_result import CampaignResult
from .campaign_status import CampaignStatus
from .campaign_view import CampaignView
from .change_order_create import ChangeOrderCreate
from .change_order_list import ChangeOrderList
from .change_order_status import ChangeOrderStatus
from .change_order_view import ChangeOrderView
from .channel import Channel
from .chatter_attachment import ChatterAttachment
from .chatter_change import ChatterChange
from .chatter_feed_entry import ChatterFeedEntry
from .chatter_feed_entry_kind import ChatterFeedEntryKind
from .chatter_feed_page import ChatterFeedPage
from .chatter_follower_create import ChatterFollowerCreate
from .chatter_follower_list import ChatterFollowerList
from .chatter_follower_out import ChatterFollowerOut
from .chatter_message_out import ChatterMessageOut
from .chatter_note_create import ChatterNoteCreate
from .chatter_note_update import ChatterNoteUpdate
from .chatter_person import ChatterPerson
from .check_scope import CheckScope
from .churn_risk_out import ChurnRiskOut
from .churn_risk_page import ChurnRiskPage
from .claim_create import ClaimCreate
from .claim_decision import ClaimDecision
from .claim_kind import ClaimKind
from .claim_list import ClaimList
from .claim_status import ClaimStatus
from .claim_view import ClaimView
from .clause_create import ClauseCreate
from .clause_page import ClausePage
from .clause_update import ClauseUpdate
from .clause_view import ClauseView
from .clock_advance import ClockAdvance
from .clock_advance_view import ClockAdvanceView
from .clock_run_view import ClockRunView
from .component_kind import ComponentKind
from .contact_create import ContactCreate
from .contact_out import ContactOut
from .contact_page import ContactPage
from .contact_update import ContactUpdate
from .contract_create import ContractCreate
from .contract_detail import ContractDetail
from .contract_page import ContractPage
from .contract_status import ContractStatus
from .contract_update import ContractUpdate
from .contract_view import ContractView
from .contracts_dashboard import ContractsDashboard
from .contracts_dashboard_formulas import ContractsDashboardFormulas
from .contracts_settings_update import ContractsSettingsUpdate
from .contracts_settings_view import ContractsSettingsView
from .contracts_settings_view_risk_weights import ContractsSettingsViewRiskWeights
from .control_mode import ControlMode
from .counterparty_create import CounterpartyCreate
from .counterparty_kind import CounterpartyKind
from .counterparty_page import CounterpartyPage
from .counterparty_update import CounterpartyUpdate
from .counterparty_view import CounterpartyView
from .crm_dashboard import CrmDashboard
from .crm_settings_out import CrmSettingsOut
from .crm_settings_update import CrmSettingsUpdate
from .customer_risk import CustomerRisk
from .customer_risk_page import CustomerRiskPage
from .customer_risk_weights import CustomerRiskWeights
from .customs_direction import CustomsDirection
from .cycle_status import CycleStatus
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
from .description_status import DescriptionStatus
from .device_create import DeviceCreate
from .device_health import DeviceHealth
from .device_key_created import DeviceKeyCreated
from .device_key_page import DeviceKeyPage
from .device_key_view import DeviceKeyView
from .device_kind import DeviceKind
from .device_page import DevicePage
from .device_update import DeviceUpdate
from .device_view import DeviceView
from .dimension import Dimension
from .direction import Direction
from .direction_totals import DirectionTotals
from .document_in import DocumentIn
from .download_link import DownloadLink
from .due_state import DueState
from .duty_create import DutyCreate
from .duty_score import DutyScore
from .duty_update import DutyUpdate
from .duty_view import DutyView
from .emergency_begin import EmergencyBegin
from .emergency_policy_name import EmergencyPolicyName
from .employee_create import EmployeeCreate
from .employee_page import EmployeePage
from .employee_update import EmployeeUpdate
from .employee_view import EmployeeView
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_page import EndpointPage
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .event_type_list import EventTypeList
from .event_type_out import EventTypeOut
from .expense_kind import ExpenseKind
from .expense_status import ExpenseStatus
from .expiring_contract import ExpiringContract
from .export_audit_entries_format import ExportAuditEntriesFormat
from .fee_adjustment_create import FeeAdjustmentCreate
from .fee_collection_row import FeeCollectionRow
from .fee_collection_row_ageing import FeeCollectionRowAgeing
from .fee_component_create import FeeComponentCreate
from .fee_component_view import FeeComponentView
from .fee_customs_record_create import FeeCustomsRecordCreate
from .fee_customs_record_page import FeeCustomsRecordPage
from .fee_customs_record_view import FeeCustomsRecordView
from .fee_figures import FeeFigures
from .fee_income_entry_create import FeeIncomeEntryCreate
from .fee_income_entry_list import FeeIncomeEntryList
from .fee_income_entry_view import FeeIncomeEntryView
from .fee_line_view import FeeLineView
from .fee_line_view_inputs import FeeLineViewInputs
from .fee_payer_list import FeePayerList
from .fee_payer_update import FeePayerUpdate
from .fee_payer_view import FeePayerView
from .fee_payment_create import FeePaymentCreate
from .fee_payment_view import FeePaymentView
from .fee_profit_audit import FeeProfitAudit
from .fee_profit_figure_create import FeeProfitFigureCreate
from .fee_profit_figure_list import FeeProfitFigureList
from .fee_profit_figure_view import FeeProfitFigureView
from .fee_reconciliation_decision import FeeReconciliationDecision
from .fee_reconciliation_decision_side import FeeReconciliationDecisionSide
from .fee_reconciliation_event import FeeReconciliationEvent
from .fee_reconciliation_open import FeeReconciliationOpen
from .fee_reconciliation_page import FeeReconciliationPage
from .fee_reconciliation_view import FeeReconciliationView
from .fee_report import FeeReport
from .fee_report_row import FeeReportRow
from .fee_schedule_create import FeeScheduleCreate
from .fee_schedule_page import FeeSchedulePage
from .fee_schedule_update import FeeScheduleUpdate
from .fee_schedule_view import FeeScheduleView
from .fee_source_view import FeeSourceView
from .fee_statement_detail import FeeStatementDetail
from .fee_statement_generate import FeeStatementGenerate
from .fee_statement_page import FeeStatementPage
from .fee_statement_view import FeeStatementView
from .fees_settings_update import FeesSettingsUpdate
from .fees_settings_view import FeesSettingsView
from .field_error import FieldError
from .figure_out import FigureOut
from .figure_out_inputs import FigureOutInputs
from .file_out import FileOut
from .file_page import FilePage
from .file_update import FileUpdate
from .final_level_change import FinalLevelChange
from .flow_step_in import FlowStepIn
from .flow_step_out import FlowStepOut
from .get_budgets_analysis_group_by import GetBudgetsAnalysisGroupBy
from .get_contracts_ageing_side import GetContractsAgeingSide
from .get_contracts_ledger_by import GetContractsLedgerBy
from .grade_band_input import GradeBandInput
from .grade_table import GradeTable
from .grade_table_update import GradeTableUpdate
from .granularity import Granularity
from .headcount_line import HeadcountLine
from .headcount_report import HeadcountReport
from .headcount_unit import HeadcountUnit
from .health import Health
from .holder_view import HolderView
from .hr_settings_update import HrSettingsUpdate
from .hr_settings_view import HrSettingsView
from .import_error_out import ImportErrorOut
from .import_field_out import ImportFieldOut
from .import_mapping import ImportMapping
from .import_mapping_mapping import ImportMappingMapping
from .import_out import ImportOut
from .import_page import ImportPage
from .import_row_error import ImportRowError
from .import_status import ImportStatus
from .inbox_item_out import InboxItemOut
from .inbox_items_read import InboxItemsRead
from .inbox_page import InboxPage
from .income_kind import IncomeKind
from .invitation_accept import InvitationAccept
from .invitation_create import InvitationCreate
from .invitation_out import InvitationOut
from .invitation_page import InvitationPage
from .invoice_create import InvoiceCreate
from .invoice_kind import InvoiceKind
from .invoice_out import InvoiceOut
from .invoice_page import InvoicePage
from .invoice_status import InvoiceStatus
from .invoice_view import InvoiceView
from .job_description_create import JobDescriptionCreate
from .job_description_page import JobDescriptionPage
from .job_description_update import JobDescriptionUpdate
from .job_description_view import JobDescriptionView
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
from .ledger_report import LedgerReport
from .ledger_row import LedgerRow
from .line_kind import LineKind
from .line_method import LineMethod
from .locale import Locale
from .login_request import LoginRequest
from .marked_read import MarkedRead
from .member_out import MemberOut
from .member_page import MemberPage
from .member_update import MemberUpdate
from .message_kind import MessageKind
from .milestone_change import MilestoneChange
from .milestone_change_view import MilestoneChangeView
from .milestone_completion import MilestoneCompletion
from .milestone_create import MilestoneCreate
from .milestone_state import MilestoneState
from .module_name import ModuleName
from .monthly_revenue_out import MonthlyRevenueOut
from .monthly_revenue_page import MonthlyRevenuePage
from .opportunity_bulk import OpportunityBulk
from .opportunity_bulk_result import OpportunityBulkResult
from .opportunity_create import OpportunityCreate
from .opportunity_out import OpportunityOut
from .opportunity_page import OpportunityPage
from .opportunity_stage_move import OpportunityStageMove
from .opportunity_status import OpportunityStatus
from .opportunity_update import OpportunityUpdate
from .org_chart import OrgChart
from .org_chart_node import OrgChartNode
from .org_unit_create import OrgUnitCreate
from .org_unit_kind import OrgUnitKind
from .org_unit_move import OrgUnitMove
from .org_unit_out import OrgUnitOut
from .org_unit_page import OrgUnitPage
from .org_unit_update import OrgUnitUpdate
from .outbox_message_out import OutboxMessageOut
from .outbox_page import OutboxPage
from .outbox_status import OutboxStatus
from .paging_begin import PagingBegin
from .password_change import PasswordChange
from .payer_status import PayerStatus
from .payment_retry import PaymentRetry
from .personal_access import PersonalAccess
from .personal_data import PersonalData
from .personal_data_update import PersonalDataUpdate
from .phase import Phase
from .pipeline_forecast import PipelineForecast
from .pipeline_forecast_month import PipelineForecastMonth
from .pipeline_owner_summary import PipelineOwnerSummary
from .pipeline_stage_create import PipelineStageCreate
from .pipeline_stage_list import PipelineStageList
from .pipeline_stage_order import PipelineStageOrder
from .pipeline_stage_out import PipelineStageOut
from .pipeline_stage_summary import PipelineStageSummary
from .pipeline_stage_update import PipelineStageUpdate
from .placeholder_definition import PlaceholderDefinition
from .placeholder_value import PlaceholderValue
from .placeholder_view import PlaceholderView
from .plan_assignment import PlanAssignment
from .plan_change import PlanChange
from .plan_create import PlanCreate
from .plan_list import PlanList
from .plan_milestone_view import PlanMilestoneView
from .plan_out import PlanOut
from .plan_status import PlanStatus
from .plan_version_create import PlanVersionCreate
from .player_ack import PlayerAck
from .player_command_page import PlayerCommandPage
from .player_command_view import PlayerCommandView
from .player_state import PlayerState
from .player_state_state import PlayerStateState
from .position_category import PositionCategory
from .position_create import PositionCreate
from .position_page import PositionPage
from .position_paths_update import PositionPathsUpdate
from .position_ref import PositionRef
from .position_rollup import PositionRollup
from .position_update import PositionUpdate
from .position_view import PositionView
from .preferences_out import PreferencesOut
from .preferences_update import PreferencesUpdate
from .problem_details import ProblemDetails
from .profile_dimension import ProfileDimension
from .program_kind_name import ProgramKindName
from .project_create import ProjectCreate
from .project_page import ProjectPage
from .project_update import ProjectUpdate
from .project_view import ProjectView
from .provision_request import ProvisionRequest
from .provision_result import ProvisionResult
from .qualification_create import QualificationCreate
from .qualification_view import QualificationView
from .question_create import QuestionCreate
from .question_list import QuestionList
from .question_result import QuestionResult
from .question_view import QuestionView
from .questionnaire_list import QuestionnaireList
from .questionnaire_view import QuestionnaireView
from .rater_input import RaterInput
from .rater_role import RaterRole
from .rater_view import RaterView
from .rating_input import RatingInput
from .ratings_update import RatingsUpdate
from .recompute_out import RecomputeOut
from .reconcile_result import ReconcileResult
from .reconciliation_status import ReconciliationStatus
from .rejection_in import RejectionIn
from .request_status import RequestStatus
from .reseller_create import ResellerCreate
from .reseller_invoice_list import ResellerInvoiceList
from .reseller_invoice_out import ResellerInvoiceOut
from .reseller_key_create import ResellerKeyCreate
from .reseller_key_out import ResellerKeyOut
from .reseller_list import ResellerList
from .reseller_out import ResellerOut
from .reseller_plan_change import ResellerPlanChange
from .reseller_plan_list import ResellerPlanList
from .reseller_plan_out import ResellerPlanOut
from .reseller_status import ResellerStatus
from .reseller_tenant_list import ResellerTenantList
from .reseller_tenant_out import ResellerTenantOut
from .reseller_user_create import ResellerUserCreate
from .reseller_user_list import ResellerUserList
from .reseller_user_out import ResellerUserOut
from .resubmit_in import ResubmitIn
from .revenue_amount import RevenueAmount
from .revenue_import_out import RevenueImportOut
from .revenue_import_page import RevenueImportPage
from .revenue_month import RevenueMonth
from .review_flag import ReviewFlag
from .risk_link import RiskLink
from .risk_reason_view import RiskReasonView
from .risk_weights import RiskWeights
from .role import Role
from .role_means import RoleMeans
from .rollup_view import RollupView
from .route_preview import RoutePreview
from .route_preview_step import RoutePreviewStep
from .sandbox_clock_view import SandboxClockView
from .saved_view_create import SavedViewCreate
from .saved_view_out import SavedViewOut
from .saved_view_page import SavedViewPage
from .schedule_create import ScheduleCreate
from .schedule_kind import ScheduleKind
from .schedule_page import SchedulePage
from .schedule_update import ScheduleUpdate
from .schedule_view import ScheduleView
from .scheduled_activity_create import ScheduledActivityCreate
from .scheduled_activity_done import ScheduledActivityDone
from .scheduled_activity_out import ScheduledActivityOut
from .scheduled_activity_page import ScheduledActivityPage
from .scheduled_activity_update import ScheduledActivityUpdate
from .score_input import ScoreInput
from .scores_update import ScoresUpdate
from .search_group import SearchGroup
from .search_hit_out import SearchHitOut
from .search_results import SearchResults
from .seat_change import SeatChange
from .secret_rotation import SecretRotation
from .session_out import SessionOut
from .settlement_create import SettlementCreate
from .settlement_kind import SettlementKind
from .settlement_status import SettlementStatus
from .settlement_view import SettlementView
from .severity import Severity
from .sla_anchor import SlaAnchor
from .sla_milestone_in import SlaMilestoneIn
from .sla_milestone_out import SlaMilestoneOut
from .sla_policy_in import SlaPolicyIn
from .sla_policy_out import SlaPolicyOut
from .sla_policy_page import SlaPolicyPage
from .spend_check_view import SpendCheckView
from .spend_position import SpendPosition
from .spend_rule import SpendRule
from .staffing_view import StaffingView
from .stage_kind import StageKind
from .statement_status import StatementStatus
from .status_change import StatusChange
from .status_count import StatusCount
from .step_status import StepStatus
from .subscription_addon_list import SubscriptionAddonList
from .subscription_addon_out import SubscriptionAddonOut
from .subscription_out import SubscriptionOut
from .subscription_status import SubscriptionStatus
from .subscription_status_change import SubscriptionStatusChange
from .switch_tenant_request import SwitchTenantRequest
from .task_list import TaskList
from .task_out import TaskOut
from .template_clause_ref import TemplateClauseRef
from .template_clause_view import TemplateClauseView
from .template_create import TemplateCreate
from .template_page import TemplatePage
from .template_update import TemplateUpdate
from .template_view import TemplateView
from .tenant_choice import TenantChoice
from .tenant_create import TenantCreate
from .tenant_out import TenantOut
from .tenant_page import TenantPage
from .tenant_provision import TenantProvision
from .tenant_provisioned import TenantProvisioned
from .tenant_status import TenantStatus
from .tenant_update import TenantUpdate
from .ticket_bulk import TicketBulk
from .ticket_bulk_action import TicketBulkAction
from .ticket_bulk_result import TicketBulkResult
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
from .usage_out import UsageOut
from .venue_board import VenueBoard
from .venue_create import VenueCreate
from .venue_page import VenuePage
from .venue_update import VenueUpdate
from .venue_view import VenueView
from .waiting_program import WaitingProgram
from .withdrawal_in import WithdrawalIn
from .zone_create import ZoneCreate
from .zone_group_create import ZoneGroupCreate
from .zone_group_page import ZoneGroupPage
from .zone_group_update import ZoneGroupUpdate
from .zone_group_view import ZoneGroupView
from .zone_out import ZoneOut
from .zone_page import ZonePage
from .zone_status import ZoneStatus
from .zone_update import ZoneUpdate

__all__ = (
    "Ability",
    "AccountBulk",
    "AccountBulkAction",
    "AccountBulkResult",
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
    "ActivityStatus",
    "ActivityType",
    "ActivityUpdate",
    "AddonCreate",
    "AddonKind",
    "AddonList",
    "AddonOut",
    "AddonQuantity",
    "AdjustmentKind",
    "AdjustmentStatus",
    "AgeingBucket",
    "AgeingItem",
    "AgeingReport",
    "AlertCreate",
    "AlertOut",
    "AlertPage",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyOut",
    "ApiKeyPage",
    "AppraisalCycleCreate",
    "AppraisalCycleMove",
    "AppraisalCyclePage",
    "AppraisalCycleUpdate",
    "AppraisalCycleView",
    "AppraisalDuty",
    "AppraisalLevel",
    "AppraisalList",
    "AppraisalSummary",
    "AppraisalView",
    "AppraisalViewLevelPoints",
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
    "AssetCreate",
    "AssetCreatePurpose",
    "AssetPage",
    "AssetView",
    "AssignmentCreate",
    "AssignmentEnd",
    "AssignmentList",
    "AssignmentView",
    "AttachmentRef",
    "AttemptOut",
    "AttemptOutcome",
    "AttemptPage",
    "AudioZoneCreate",
    "AudioZonePage",
    "AudioZoneUpdate",
    "AudioZoneView",
    "AuditEntryOut",
    "AuditPage",
    "BillingInterval",
    "BillingProvider",
    "BroadcastClose",
    "BroadcastKind",
    "BroadcastPage",
    "BroadcastView",
    "BudgetAdjustmentCreate",
    "BudgetAdjustmentPage",
    "BudgetAdjustmentView",
    "BudgetAnalysis",
    "BudgetAnalysisRow",
    "BudgetCategoryCreate",
    "BudgetCategoryList",
    "BudgetCategoryUpdate",
    "BudgetCategoryView",
    "BudgetCompile",
    "BudgetControlView",
    "BudgetExpenseCreate",
    "BudgetExpensePage",
    "BudgetExpensePay",
    "BudgetExpenseView",
    "BudgetExplanation",
    "BudgetForecastPage",
    "BudgetForecastSet",
    "BudgetForecastView",
    "BudgetLineChangeView",
    "BudgetLineCreate",
    "BudgetLineDetail",
    "BudgetLineView",
    "BudgetPlanCreate",
    "BudgetPlanDetail",
    "BudgetPlanPage",
    "BudgetPlanVersionLine",
    "BudgetPlanVersionView",
    "BudgetPlanView",
    "BudgetsSettingsUpdate",
    "BudgetsSettingsView",
    "BusinessCalendar",
    "BusinessCalendarHours",
    "Calibration",
    "CalibrationDistribution",
    "CalibrationGroup",
    "CalibrationLevelPoints",
    "CalibrationOutlier",
    "CampaignCreate",
    "CampaignPage",
    "CampaignResult",
    "CampaignStatus",
    "CampaignView",
    "ChangeOrderCreate",
    "ChangeOrderList",
    "ChangeOrderStatus",
    "ChangeOrderView",
    "Channel",
    "ChatterAttachment",
    "ChatterChange",
    "ChatterFeedEntry",
    "ChatterFeedEntryKind",
    "ChatterFeedPage",
    "ChatterFollowerCreate",
    "ChatterFollowerList",
    "ChatterFollowerOut",
    "ChatterMessageOut",
    "ChatterNoteCreate",
    "ChatterNoteUpdate",
    "ChatterPerson",
    "CheckScope",
    "ChurnRiskOut",
    "ChurnRiskPage",
    "ClaimCreate",
    "ClaimDecision",
    "ClaimKind",
    "ClaimList",
    "ClaimStatus",
    "ClaimView",
    "ClauseCreate",
    "ClausePage",
    "ClauseUpdate",
    "ClauseView",
    "ClockAdvance",
    "ClockAdvanceView",
    "ClockRunView",
    "ComponentKind",
    "ContactCreate",
    "ContactOut",
    "ContactPage",
    "ContactUpdate",
    "ContractCreate",
    "ContractDetail",
    "ContractPage",
    "ContractsDashboard",
    "ContractsDashboardFormulas",
    "ContractsSettingsUpdate",
    "ContractsSettingsView",
    "ContractsSettingsViewRiskWeights",
    "ContractStatus",
    "ContractUpdate",
    "ContractView",
    "ControlMode",
    "CounterpartyCreate",
    "CounterpartyKind",
    "CounterpartyPage",
    "CounterpartyUpdate",
    "CounterpartyView",
    "CrmDashboard",
    "CrmSettingsOut",
    "CrmSettingsUpdate",
    "CustomerRisk",
    "CustomerRiskPage",
    "CustomerRiskWeights",
    "CustomsDirection",
    "CycleStatus",
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
    "DescriptionStatus",
    "DeviceCreate",
    "DeviceHealth",
    "DeviceKeyCreated",
    "DeviceKeyPage",
    "DeviceKeyView",
    "DeviceKind",
    "DevicePage",
    "DeviceUpdate",
    "DeviceView",
    "Dimension",
    "Direction",
    "DirectionTotals",
    "DocumentIn",
    "DownloadLink",
    "DueState",
    "DutyCreate",
    "DutyScore",
    "DutyUpdate",
    "DutyView",
    "EmergencyBegin",
    "EmergencyPolicyName",
    "EmployeeCreate",
    "EmployeePage",
    "EmployeeUpdate",
    "EmployeeView",
    "EndpointCreate",
    "EndpointOut",
    "EndpointPage",
    "EndpointUpdate",
    "EndpointWithSecret",
    "EventTypeList",
    "EventTypeOut",
    "ExpenseKind",
    "ExpenseStatus",
    "ExpiringContract",
    "ExportAuditEntriesFormat",
    "FeeAdjustmentCreate",
    "FeeCollectionRow",
    "FeeCollectionRowAgeing",
    "FeeComponentCreate",
    "FeeComponentView",
    "FeeCustomsRecordCreate",
    "FeeCustomsRecordPage",
    "FeeCustomsRecordView",
    "FeeFigures",
    "FeeIncomeEntryCreate",
    "FeeIncomeEntryList",
    "FeeIncomeEntryView",
    "FeeLineView",
    "FeeLineViewInputs",
    "FeePayerList",
    "FeePayerUpdate",
    "FeePayerView",
    "FeePaymentCreate",
    "FeePaymentView",
    "FeeProfitAudit",
    "FeeProfitFigureCreate",
    "FeeProfitFigureList",
    "FeeProfitFigureView",
    "FeeReconciliationDecision",
    "FeeReconciliationDecisionSide",
    "FeeReconciliationEvent",
    "FeeReconciliationOpen",
    "FeeReconciliationPage",
    "FeeReconciliationView",
    "FeeReport",
    "FeeReportRow",
    "FeeScheduleCreate",
    "FeeSchedulePage",
    "FeeScheduleUpdate",
    "FeeScheduleView",
    "FeeSourceView",
    "FeesSettingsUpdate",
    "FeesSettingsView",
    "FeeStatementDetail",
    "FeeStatementGenerate",
    "FeeStatementPage",
    "FeeStatementView",
    "FieldError",
    "FigureOut",
    "FigureOutInputs",
    "FileOut",
    "FilePage",
    "FileUpdate",
    "FinalLevelChange",
    "FlowStepIn",
    "FlowStepOut",
    "GetBudgetsAnalysisGroupBy",
    "GetContractsAgeingSide",
    "GetContractsLedgerBy",
    "GradeBandInput",
    "GradeTable",
    "GradeTableUpdate",
    "Granularity",
    "HeadcountLine",
    "HeadcountReport",
    "HeadcountUnit",
    "Health",
    "HolderView",
    "HrSettingsUpdate",
    "HrSettingsView",
    "ImportErrorOut",
    "ImportFieldOut",
    "ImportMapping",
    "ImportMappingMapping",
    "ImportOut",
    "ImportPage",
    "ImportRowError",
    "ImportStatus",
    "InboxItemOut",
    "InboxItemsRead",
    "InboxPage",
    "IncomeKind",
    "InvitationAccept",
    "InvitationCreate",
    "InvitationOut",
    "InvitationPage",
    "InvoiceCreate",
    "InvoiceKind",
    "InvoiceOut",
    "InvoicePage",
    "InvoiceStatus",
    "InvoiceView",
    "JobDescriptionCreate",
    "JobDescriptionPage",
    "JobDescriptionUpdate",
    "JobDescriptionView",
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
    "LedgerReport",
    "LedgerRow",
    "LineKind",
    "LineMethod",
    "Locale",
    "LoginRequest",
    "MarkedRead",
    "MemberOut",
    "MemberPage",
    "MemberUpdate",
    "MessageKind",
    "MilestoneChange",
    "MilestoneChangeView",
    "MilestoneCompletion",
    "MilestoneCreate",
    "MilestoneState",
    "ModuleName",
    "MonthlyRevenueOut",
    "MonthlyRevenuePage",
    "OpportunityBulk",
    "OpportunityBulkResult",
    "OpportunityCreate",
    "OpportunityOut",
    "OpportunityPage",
    "OpportunityStageMove",
    "OpportunityStatus",
    "OpportunityUpdate",
    "OrgChart",
    "OrgChartNode",
    "OrgUnitCreate",
    "OrgUnitKind",
    "OrgUnitMove",
    "OrgUnitOut",
    "OrgUnitPage",
    "OrgUnitUpdate",
    "OutboxMessageOut",
    "OutboxPage",
    "OutboxStatus",
    "PagingBegin",
    "PasswordChange",
    "PayerStatus",
    "PaymentRetry",
    "PersonalAccess",
    "PersonalData",
    "PersonalDataUpdate",
    "Phase",
    "PipelineForecast",
    "PipelineForecastMonth",
    "PipelineOwnerSummary",
    "PipelineStageCreate",
    "PipelineStageList",
    "PipelineStageOrder",
    "PipelineStageOut",
    "PipelineStageSummary",
    "PipelineStageUpdate",
    "PlaceholderDefinition",
    "PlaceholderValue",
    "PlaceholderView",
    "PlanAssignment",
    "PlanChange",
    "PlanCreate",
    "PlanList",
    "PlanMilestoneView",
    "PlanOut",
    "PlanStatus",
    "PlanVersionCreate",
    "PlayerAck",
    "PlayerCommandPage",
    "PlayerCommandView",
    "PlayerState",
    "PlayerStateState",
    "PositionCategory",
    "PositionCreate",
    "PositionPage",
    "PositionPathsUpdate",
    "PositionRef",
    "PositionRollup",
    "PositionUpdate",
    "PositionView",
    "PreferencesOut",
    "PreferencesUpdate",
    "ProblemDetails",
    "ProfileDimension",
    "ProgramKindName",
    "ProjectCreate",
    "ProjectPage",
    "ProjectUpdate",
    "ProjectView",
    "ProvisionRequest",
    "ProvisionResult",
    "QualificationCreate",
    "QualificationView",
    "QuestionCreate",
    "QuestionList",
    "QuestionnaireList",
    "QuestionnaireView",
    "QuestionResult",
    "QuestionView",
    "RaterInput",
    "RaterRole",
    "RaterView",
    "RatingInput",
    "RatingsUpdate",
    "RecomputeOut",
    "ReconcileResult",
    "ReconciliationStatus",
    "RejectionIn",
    "RequestStatus",
    "ResellerCreate",
    "ResellerInvoiceList",
    "ResellerInvoiceOut",
    "ResellerKeyCreate",
    "ResellerKeyOut",
    "ResellerList",
    "ResellerOut",
    "ResellerPlanChange",
    "ResellerPlanList",
    "ResellerPlanOut",
    "ResellerStatus",
    "ResellerTenantList",
    "ResellerTenantOut",
    "ResellerUserCreate",
    "ResellerUserList",
    "ResellerUserOut",
    "ResubmitIn",
    "RevenueAmount",
    "RevenueImportOut",
    "RevenueImportPage",
    "RevenueMonth",
    "ReviewFlag",
    "RiskLink",
    "RiskReasonView",
    "RiskWeights",
    "Role",
    "RoleMeans",
    "RollupView",
    "RoutePreview",
    "RoutePreviewStep",
    "SandboxClockView",
    "SavedViewCreate",
    "SavedViewOut",
    "SavedViewPage",
    "ScheduleCreate",
    "ScheduledActivityCreate",
    "ScheduledActivityDone",
    "ScheduledActivityOut",
    "ScheduledActivityPage",
    "ScheduledActivityUpdate",
    "ScheduleKind",
    "SchedulePage",
    "ScheduleUpdate",
    "ScheduleView",
    "ScoreInput",
    "ScoresUpdate",
    "SearchGroup",
    "SearchHitOut",
    "SearchResults",
    "SeatChange",
    "SecretRotation",
    "SessionOut",
    "SettlementCreate",
    "SettlementKind",
    "SettlementStatus",
    "SettlementView",
    "Severity",
    "SlaAnchor",
    "SlaMilestoneIn",
    "SlaMilestoneOut",
    "SlaPolicyIn",
    "SlaPolicyOut",
    "SlaPolicyPage",
    "SpendCheckView",
    "SpendPosition",
    "SpendRule",
    "StaffingView",
    "StageKind",
    "StatementStatus",
    "StatusChange",
    "StatusCount",
    "StepStatus",
    "SubscriptionAddonList",
    "SubscriptionAddonOut",
    "SubscriptionOut",
    "SubscriptionStatus",
    "SubscriptionStatusChange",
    "SwitchTenantRequest",
    "TaskList",
    "TaskOut",
    "TemplateClauseRef",
    "TemplateClauseView",
    "TemplateCreate",
    "TemplatePage",
    "TemplateUpdate",
    "TemplateView",
    "TenantChoice",
    "TenantCreate",
    "TenantOut",
    "TenantPage",
    "TenantProvision",
    "TenantProvisioned",
    "TenantStatus",
    "TenantUpdate",
    "TicketBulk",
    "TicketBulkAction",
    "TicketBulkResult",
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
    "UsageOut",
    "VenueBoard",
    "VenueCreate",
    "VenuePage",
    "VenueUpdate",
    "VenueView",
    "WaitingProgram",
    "WithdrawalIn",
    "ZoneCreate",
    "ZoneGroupCreate",
    "ZoneGroupPage",
    "ZoneGroupUpdate",
    "ZoneGroupView",
    "ZoneOut",
    "ZonePage",
    "ZoneStatus",
    "ZoneUpdate",
)
