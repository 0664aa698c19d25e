/**
 * The responsibility matrix: functions × scenarios, each cell saying which party (and team) is
 * Responsible, Accountable, Consulted and Informed, who covers it at which times, and how work
 * is handed over. Pure data and rules; versions and signatures are kept by the matrix module.
 */
import type { Track } from '../oncall/schedule.ts';

export type MatrixParty = 'internal' | 'provider';
export type Raci = 'R' | 'A' | 'C' | 'I';

export interface MatrixRow {
  readonly key: string;
  readonly name: string;
}

export interface RaciEntry {
  readonly party: MatrixParty;
  /** A team of that party, or null for the party as a whole. */
  readonly teamId: string | null;
  readonly role: Raci;
}

/**
 * Who covers the cell when. `business_hours` / `after_hours` are read on the named calendar
 * (usually the client's); `always` needs none. Each track may name the schedule that pages.
 */
export interface CoverageRule {
  readonly when: 'always' | 'business_hours' | 'after_hours';
  readonly calendarId: string | null;
  readonly party: MatrixParty;
  readonly teamId: string | null;
  readonly schedules: Readonly<Partial<Record<Track, string>>>;
}

export interface MatrixCell {
  readonly functionKey: string;
  readonly scenarioKey: string;
  /** An inactive cell is work nobody does under this engagement; it needs no owner. */
  readonly active: boolean;
  readonly raci: readonly RaciEntry[];
  /** Earlier rules win where several apply at the same instant. */
  readonly coverage: readonly CoverageRule[];
  readonly handoff: string;
  /** A name until escalation policies exist. */
  readonly escalationPolicy: string | null;
  /** A URL until documents exist. */
  readonly runbookUrl: string | null;
}

export interface Matrix {
  readonly functions: readonly MatrixRow[];
  readonly scenarios: readonly MatrixRow[];
  readonly cells: readonly MatrixCell[];
}

/** DESIGN.md §2's starting catalogue; both lists are editable per engagement. */
export const STARTING_FUNCTIONS: readonly MatrixRow[] = [
  { key: 'service-desk', name: 'Service desk' },
  { key: 'endpoint-patching', name: 'Endpoint patching' },
  { key: 'security-monitoring', name: 'Security monitoring' },
  { key: 'incident-response', name: 'Incident response' },
  { key: 'network', name: 'Network' },
  { key: 'servers', name: 'Servers' },
  { key: 'cloud-operations', name: 'Cloud operations' },
  { key: 'backup-recovery', name: 'Backup and recovery' },
  { key: 'identity-access', name: 'Identity and access' },
  { key: 'line-of-business-apps', name: 'Line-of-business apps' },
  { key: 'vendor-management', name: 'Vendor management' },
  { key: 'compliance-audit', name: 'Compliance and audit' },
  { key: 'projects', name: 'Projects' },
  { key: 'asset-management', name: 'Asset management' },
];

export const STARTING_SCENARIOS: readonly MatrixRow[] = [
  { key: 'routine', name: 'Routine operations' },
  { key: 'project', name: 'Project work' },
  { key: 'incident', name: 'Incident response' },
  { key: 'compliance', name: 'Compliance activities' },
  { key: 'vendor', name: 'Vendor management' },
];
