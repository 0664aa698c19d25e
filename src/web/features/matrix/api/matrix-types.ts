/**
 * The shapes of the matrix and routing API (`…/matrix`, `…/matrix/versions`, `…/matrix/gaps`,
 * `…/routing/resolve`), written by hand from the contract until the web app generates its
 * types from `/openapi.json`.
 */
import type { Party } from '../../../lib/api-types.ts';

export type Raci = 'R' | 'A' | 'C' | 'I';
export const RACI_ROLES: readonly Raci[] = ['A', 'R', 'C', 'I'];
export const RACI_LABELS: Record<Raci, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

export const TRACKS = ['security', 'operations'] as const;
/** After hours the SOC covers `security` and the on-call rota `operations`; never merged. */
export type Track = (typeof TRACKS)[number];

export type CoverageWhen = 'always' | 'business_hours' | 'after_hours';

/** A row or a column: a function (service area) or a scenario. */
export interface MatrixRow {
  key: string;
  name: string;
}

export interface RaciEntry {
  party: Party;
  /** A team of that party, or null for the party as a whole. */
  teamId: string | null;
  role: Raci;
}

/** Who covers a cell when; earlier rules win. */
export interface CoverageRule {
  when: CoverageWhen;
  /** Required for business_hours / after_hours; null for always. */
  calendarId: string | null;
  party: Party;
  teamId: string | null;
  /** The schedule that pages, per track. */
  schedules: Partial<Record<Track, string>>;
}

export interface MatrixCell {
  functionKey: string;
  scenarioKey: string;
  /** An inactive cell is work nobody does under this engagement. */
  active: boolean;
  raci: RaciEntry[];
  coverage: CoverageRule[];
  /** The handoff protocol, Markdown. */
  handoff: string;
  escalationPolicy: string | null;
  runbookUrl: string | null;
}

export interface Matrix {
  functions: MatrixRow[];
  scenarios: MatrixRow[];
  cells: MatrixCell[];
}

/** Something to fix before signing (or a coverage gap): a JSON pointer into the matrix. */
export interface MatrixProblem {
  path: string;
  message: string;
  functionKey?: string;
  scenarioKey?: string;
}

export interface MatrixSignature {
  party: Party;
  userId: string;
  userName: string;
  signedAt: string;
}

/** The draft (or the version in effect when nobody has edited since). */
export interface MatrixDraft {
  matrix: Matrix;
  /** What a signature approves. */
  contentHash: string;
  basedOn: number | null;
  /** null: there is no draft; this is the version in effect unchanged. */
  updatedAt: string | null;
  signatures: MatrixSignature[];
  problems: MatrixProblem[];
  inEffect: number | null;
}

export interface MatrixChange {
  kind:
    | 'function_added'
    | 'function_removed'
    | 'function_renamed'
    | 'scenario_added'
    | 'scenario_removed'
    | 'scenario_renamed'
    | 'cell_added'
    | 'cell_removed'
    | 'cell_changed';
  key?: string;
  functionKey?: string;
  scenarioKey?: string;
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface MatrixVersionSummary {
  id: string;
  number: number;
  effectiveAt: string;
  signatures: MatrixSignature[];
  changes: MatrixChange[];
}

export interface MatrixVersion {
  id: string;
  number: number;
  effectiveAt: string;
  matrix: Matrix;
}

export interface RouteQuestion {
  functionKey: string;
  scenario: string;
  track: Track;
  /** ISO instant; absent for now. */
  at?: string;
}

export interface ResolvedRoute {
  at: string;
  matrixVersion: number;
  party: Party;
  teamId: string | null;
  scheduleId: string | null;
  users: { id: string; name: string }[];
  escalationPolicy: string | null;
  runbookUrl: string | null;
  reasons: string[];
}

/** What the cell editor offers: the engagement's teams, calendars and schedules. */
export interface TeamRef {
  id: string;
  name: string;
  party: Party;
}
export interface CalendarRef {
  id: string;
  name: string;
  timeZone: string;
}
export interface ScheduleRef {
  id: string;
  name: string;
  track: Track;
  party: Party;
  timeZone: string;
}
