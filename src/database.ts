import type { CalendarsTable } from './modules/calendars/tables.ts';
import type {
  ChangeApprovalsTable,
  ChangeRequestsTable,
  ChangeTemplatesTable,
  FreezeWindowsTable,
} from './modules/changes/tables.ts';
import type {
  EngagementsTable,
  MembershipsTable,
  PartiesTable,
  TeamMembersTable,
  TeamsTable,
} from './modules/engagements/tables.ts';
import type { IncidentsModuleTables } from './modules/incidents/tables.ts';
import type { InfoRequestsTable } from './modules/info-requests/tables.ts';
import type { AlertsModuleTables } from './modules/integrations/tables.ts';
import type { MatrixSignaturesTable, MatrixVersionsTable } from './modules/matrix/tables.ts';
import type { NotificationsModuleTables } from './modules/notifications/tables.ts';
import type { OrganizationsTable, UsersTable } from './modules/organizations/tables.ts';
import type {
  CalendarFeedsTable,
  ScheduleOverridesTable,
  SchedulesTable,
  TimeOffTable,
} from './modules/schedules/tables.ts';
import type { SlaClockEventsTable, SlaClocksTable, SlaPoliciesTable } from './modules/sla/tables.ts';
import type { TicketAttachmentsTable } from './modules/tickets/attachment-tables.ts';
import type {
  TicketActivityTable,
  TicketCommentsTable,
  TicketCountersTable,
  TicketSearchTable,
  TicketsTable,
  TicketTagsTable,
  TicketWatchersTable,
} from './modules/tickets/tables.ts';
import type { SavedViewsTable } from './modules/views/tables.ts';
import type { AuditCheckpointsTable, AuditEventsTable } from './platform/audit/tables.ts';
import type { ApiTokenEngagementsTable, ApiTokensTable, SessionsTable } from './platform/auth/tables.ts';
import type { IdempotencyKeysTable } from './platform/http/tables.ts';
import type { JobsTable } from './platform/jobs/tables.ts';

/** Every table Tandem stores, composed from each module's and platform part's tables.ts. */
export interface Database extends AlertsModuleTables, IncidentsModuleTables, NotificationsModuleTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  engagements: EngagementsTable;
  parties: PartiesTable;
  memberships: MembershipsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  api_token_engagements: ApiTokenEngagementsTable;
  audit_events: AuditEventsTable;
  audit_checkpoints: AuditCheckpointsTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_tags: TicketTagsTable;
  ticket_watchers: TicketWatchersTable;
  ticket_comments: TicketCommentsTable;
  ticket_activity: TicketActivityTable;
  ticket_search: TicketSearchTable;
  ticket_attachments: TicketAttachmentsTable;
  saved_views: SavedViewsTable;
  calendars: CalendarsTable;
  sla_policies: SlaPoliciesTable;
  sla_clocks: SlaClocksTable;
  sla_clock_events: SlaClockEventsTable;
  info_requests: InfoRequestsTable;
  matrix_versions: MatrixVersionsTable;
  matrix_signatures: MatrixSignaturesTable;
  schedules: SchedulesTable;
  schedule_overrides: ScheduleOverridesTable;
  time_off: TimeOffTable;
  calendar_feeds: CalendarFeedsTable;
  change_requests: ChangeRequestsTable;
  change_approvals: ChangeApprovalsTable;
  change_templates: ChangeTemplatesTable;
  freeze_windows: FreezeWindowsTable;
}
