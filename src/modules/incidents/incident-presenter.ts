import type { PolicySnapshot, Target } from '../../domain/escalation/policy.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { ChecklistStep } from './checklist.ts';
import type { Incident } from './incident-schema.ts';
import type { Directory } from './people.ts';
import { namedTarget } from './people.ts';
import type { EscalationRow, GapRow, IncidentRow, PageRow } from './tables.ts';

type Roles = Record<'commander' | 'communications' | 'scribe', string | null>;
type NamedTarget = Target & { name: string };

/** What a reader of the incident sees: its facts, escalation, pages, gaps, roles and checklist. */
export function presentIncident(
  incident: IncidentRow,
  escalation: { row: EscalationRow; pages: (PageRow & { user_name: string })[]; gaps: GapRow[] } | null,
  dir: Directory,
): Incident {
  const person = (userId: string | null, name?: string) =>
    userId === null
      ? null
      : {
          userId,
          name: dir.staff.get(userId)?.name ?? name ?? 'a former member',
          party: (dir.staff.get(userId)?.party ?? null) as Party | null,
        };
  const roles = JSON.parse(incident.roles) as Roles;
  const checklist = incident.checklist ? (JSON.parse(incident.checklist) as ChecklistStep[]) : null;
  const pages = escalation?.pages ?? [];
  const everyone = new Map<string, string>();
  for (const page of pages) everyone.set(page.user_id, page.user_name);
  for (const id of Object.values(roles))
    if (id) everyone.set(id, dir.staff.get(id)?.name ?? 'a former member');
  const byParty = (party: Party) =>
    [...everyone]
      .filter(([id]) => dir.staff.get(id)?.party === party)
      .map(([userId, name]) => ({ userId, name }));
  return {
    ticketId: incident.ticket_id,
    severity: incident.severity,
    track: incident.track,
    security: incident.security === 1,
    takenOver: incident.taken_over === 1,
    routeReasons: JSON.parse(incident.route_reasons) as string[],
    roles: {
      commander: person(roles.commander),
      communications: person(roles.communications),
      scribe: person(roles.scribe),
    },
    escalation: escalation ? presentEscalation(escalation, dir, person) : null,
    checklist:
      checklist?.map((entry) => ({
        ...entry,
        doneBy: entry.doneBy && person(entry.doneBy.userId, entry.doneBy.name),
      })) ?? null,
    responders: { internal: byParty('internal'), provider: byParty('provider') },
  };
}

function presentEscalation(
  { row, pages, gaps }: { row: EscalationRow; pages: (PageRow & { user_name: string })[]; gaps: GapRow[] },
  dir: Directory,
  person: (
    userId: string | null,
    name?: string,
  ) => { userId: string; name: string; party: Party | null } | null,
): NonNullable<Incident['escalation']> {
  const snapshot = JSON.parse(row.snapshot) as PolicySnapshot;
  return {
    id: row.id,
    policyId: row.policy_id,
    policyName: row.policy_name,
    state: row.state === 'completed' ? 'ended' : row.state,
    level: row.level,
    round: row.round,
    nextAt: row.state === 'running' ? row.next_at : null,
    startedAt: row.started_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: person(row.acknowledged_by),
    levels: snapshot.levels.map((level) => ({
      delayMinutes: level.delayMinutes,
      targets: level.targets.map((t) => namedTarget(dir, t)),
    })),
    pages: pages.map((page) => presentPage(page, dir)),
    gaps: gaps.map((gap) => ({
      level: gap.level,
      target: JSON.parse(gap.target) as NamedTarget,
      at: gap.at,
      reason: gap.reason,
    })),
  };
}

export function presentPage(page: PageRow & { user_name: string }, dir: Directory) {
  return {
    id: page.id,
    level: page.level,
    round: page.round,
    userId: page.user_id,
    userName: page.user_name,
    party: (dir.staff.get(page.user_id)?.party ?? null) as Party | null,
    target: JSON.parse(page.target) as NamedTarget,
    pagedAt: page.paged_at,
    acknowledgedAt: page.acknowledged_at,
  };
}
