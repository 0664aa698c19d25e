import type { Party } from '../../../lib/api-types.ts';

/**
 * The shapes of the incident API (`…/tickets/{id}/incident`, `…/alerts`), written by hand from
 * the issue 6 contract until the OpenAPI types are generated.
 */

export type AlertSeverity = 'critical' | 'error' | 'warning' | 'info';
export const SEVERITIES: readonly AlertSeverity[] = ['critical', 'error', 'warning', 'info'];
export const SEVERITY_COLORS: Record<AlertSeverity, string> = {
  critical: 'red',
  error: 'orange',
  warning: 'yellow',
  info: 'gray',
};

export type IncidentTrack = 'security' | 'operations';

/** A person with the party they act for. */
export interface PartyPerson {
  userId: string;
  name: string;
  /** Null for someone no longer in the engagement. */
  party: Party | null;
}

export type EscalationTargetType = 'user' | 'schedule' | 'team';

export interface NamedTarget {
  type: EscalationTargetType;
  id: string;
  name: string;
}

export type EscalationState = 'running' | 'acknowledged' | 'ended' | 'exhausted';

export interface IncidentPage {
  id: string;
  level: number;
  round: number;
  userId: string;
  userName: string;
  party: Party | null;
  target: NamedTarget;
  pagedAt: string;
  acknowledgedAt: string | null;
}

export interface CoverageGap {
  level: number;
  target: NamedTarget;
  at: string;
  reason: string;
}

export interface IncidentEscalation {
  id: string;
  policyId: string | null;
  policyName: string | null;
  state: EscalationState;
  /** 1-based. */
  level: number;
  round: number;
  nextAt: string | null;
  startedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: PartyPerson | null;
  levels: { delayMinutes: number; targets: NamedTarget[] }[];
  pages: IncidentPage[];
  gaps: CoverageGap[];
}

export const CHECKLIST_STEPS = ['contain', 'eradicate', 'recover', 'lessons_learned'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export interface ChecklistItem {
  step: ChecklistStep;
  done: boolean;
  doneAt: string | null;
  doneBy: string | { userId: string; name: string } | null;
  evidence: string | null;
}

export const INCIDENT_ROLES = ['commander', 'communications', 'scribe'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];
export const ROLE_LABELS: Record<IncidentRole, string> = {
  commander: 'Incident commander',
  communications: 'Communications lead',
  scribe: 'Scribe',
};

/** `GET …/tickets/{ticketId}/incident`. */
export interface IncidentDetail {
  ticketId: string;
  severity: AlertSeverity;
  track: IncidentTrack;
  security: boolean;
  takenOver: boolean;
  routeReasons: string[];
  roles: Record<IncidentRole, PartyPerson | null>;
  escalation: IncidentEscalation | null;
  checklist: ChecklistItem[] | null;
  responders: { internal: { userId: string; name: string }[]; provider: { userId: string; name: string }[] };
}

export type AlertStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  integrationId: string;
  integrationName: string;
  dedupKey: string;
  status: AlertStatus;
  summary: string;
  severity: AlertSeverity;
  source: string | null;
  component: string | null;
  group: string | null;
  class: string | null;
  incidentId: string | null;
  eventCount: number;
  flapping: boolean;
  firstAt: string;
  lastAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

/** What `POST …/escalate` sends. */
export interface EscalateRequest {
  toParty?: Party;
  level?: number;
  reason?: string;
}
