import type { Selectable } from 'kysely';
import type { Track } from '../../domain/oncall/schedule.ts';
import type { AlertSeverity } from './desk.ts';

/** An engagement's escalation policy; levels and fallback are JSON text (the domain's types). */
export interface EscalationPoliciesTable {
  engagement_id: string;
  id: string;
  name: string;
  description: string;
  repeat: number;
  levels: string;
  fallback: string;
  created_at: string;
  updated_at: string;
}

/** What an incident ticket carries beyond a ticket. */
export interface IncidentsTable {
  engagement_id: string;
  ticket_id: string;
  severity: AlertSeverity;
  track: Track;
  /** 1 for a security incident (the SOC's track, an IR checklist). */
  security: number;
  /** 1 once a person acknowledged it or changed its status or assignee: alerts no longer resolve it. */
  taken_over: number;
  integration_id: string | null;
  /** JSON text: string[]. */
  route_reasons: string;
  /** JSON text: {commander, communications, scribe} user ids or null. */
  roles: string;
  /** JSON text: ChecklistStep[]; null for an operations incident. */
  checklist: string | null;
  created_at: string;
  updated_at: string;
}

export type EscalationState = 'running' | 'acknowledged' | 'ended' | 'exhausted' | 'completed';

/** One run of a policy: an incident's escalation, or a drill (ticket_id null, drill 1). */
export interface EscalationsTable {
  engagement_id: string;
  id: string;
  ticket_id: string | null;
  drill: number;
  policy_id: string | null;
  policy_name: string;
  /** JSON text: the domain's PolicySnapshot. */
  snapshot: string;
  /** The level paged last (1-based) and its round. */
  level: number;
  round: number;
  state: EscalationState;
  /** When the next level fires; null once it stops. */
  next_at: string | null;
  started_at: string;
  started_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  ended_at: string | null;
}

/** One person paged at one step. */
export interface PagesTable {
  engagement_id: string;
  id: string;
  escalation_id: string;
  level: number;
  round: number;
  user_id: string;
  /** JSON text: {type, id, name}. */
  target: string;
  paged_at: string;
  acknowledged_at: string | null;
}

/** A target that reached nobody when paged. */
export interface EscalationGapsTable {
  engagement_id: string;
  id: string;
  escalation_id: string;
  ticket_id: string | null;
  drill: number;
  track: Track | null;
  level: number;
  /** JSON text: {type, id, name}. */
  target: string;
  reason: string;
  at: string;
}

/** The tables this module owns, merged into the Database type. */
export interface IncidentsModuleTables {
  escalation_policies: EscalationPoliciesTable;
  incidents: IncidentsTable;
  escalations: EscalationsTable;
  pages: PagesTable;
  escalation_gaps: EscalationGapsTable;
}

export type PolicyRow = Selectable<EscalationPoliciesTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type PageRow = Selectable<PagesTable>;
export type GapRow = Selectable<EscalationGapsTable>;
