import type { BusinessCalendar } from '../../domain/calendars/calendar.ts';
import type { Matrix } from '../../domain/matrix/matrix.ts';
import type { Track } from '../../domain/oncall/schedule.ts';
import { cellFor, resolveRoute } from '../../domain/routing/resolve.ts';
import { type Principal, SYSTEM } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid } from '../../platform/errors.ts';

interface RoutingDeps {
  matrix: {
    inEffectVersion(reader: Db, engagementId: string): Promise<{ number: number; matrix: Matrix } | null>;
  };
  calendars: {
    compiled(db: Db, engagementId: string, calendarId: string): Promise<BusinessCalendar>;
    byIds(db: Db, engagementId: string, ids: Iterable<string>): Promise<Map<string, { name: string }>>;
  };
  schedules: {
    onCallIn(reader: Db, engagementId: string, scheduleId: string, at: Date): Promise<string[]>;
    scheduleTracks(reader: Db, engagementId: string): Promise<Map<string, { name: string; track: Track }>>;
  };
  teams: { listTeams(actor: Principal, engagementId: string): Promise<{ id: string; name: string }[]> };
  userNames(reader: Db, ids: readonly string[]): Promise<Map<string, string>>;
}

export type RoutingService = ReturnType<typeof createRoutingService>;

export interface ResolveRequest {
  functionKey: string;
  scenario: string;
  track?: Track;
  at?: string;
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
}

/**
 * "Who would get this, now or at a chosen time, and why": the signed matrix in effect, the
 * calendars its cell reads and the schedules it pages, handed to the domain's resolver.
 */
export function createRoutingService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, deps: RoutingDeps) {
  async function resolve(actor: Principal, engagementId: string, request: ResolveRequest) {
    authorize(actor, 'routing.resolve', engagementId);
    const at = request.at ? new Date(request.at) : now();
    const effective = await deps.matrix.inEffectVersion(db, engagementId);
    if (!effective) {
      throw new Conflict('No responsibility matrix is in effect yet: a manager of each party must sign one.');
    }
    const cell = cellFor(effective.matrix, request.functionKey, request.scenario);
    const calendarIds = new Set(
      (cell?.coverage ?? []).flatMap((rule) => (rule.calendarId ? [rule.calendarId] : [])),
    );
    const scheduleIds = new Set(
      (cell?.coverage ?? []).flatMap((rule) =>
        Object.values(rule.schedules).filter((id): id is string => !!id),
      ),
    );
    const [calendars, calendarNames, schedules, teams] = await Promise.all([
      Promise.all(
        [...calendarIds].map(
          async (id) => [id, await deps.calendars.compiled(db, engagementId, id)] as const,
        ),
      ),
      deps.calendars.byIds(db, engagementId, calendarIds),
      deps.schedules.scheduleTracks(db, engagementId),
      deps.teams.listTeams(SYSTEM, engagementId),
    ]);
    const onCall = new Map(
      await Promise.all(
        [...scheduleIds]
          .filter((id) => schedules.has(id))
          .map(async (id) => [id, await deps.schedules.onCallIn(db, engagementId, id, at)] as const),
      ),
    );
    const names = await deps.userNames(db, [...onCall.values()].flat());
    const compiled = new Map(calendars);
    const result = resolveRoute(
      effective.matrix,
      {
        functionKey: request.functionKey,
        scenario: request.scenario,
        track: request.track,
        at,
        priority: request.priority,
      },
      {
        calendars: {
          isOpen: (id, instant) => compiled.get(id)?.isOpen(instant) ?? false,
          name: (id) => calendarNames.get(id)?.name ?? 'a deleted calendar',
        },
        schedules: {
          onCallAt: (id) => onCall.get(id) ?? [],
          name: (id) => schedules.get(id)?.name ?? 'a deleted schedule',
          track: (id) => schedules.get(id)?.track ?? 'operations',
        },
        userName: (id) => names.get(id) ?? 'someone',
        teamName: (id) => teams.find((team) => team.id === id)?.name ?? 'a deleted team',
      },
    );
    if (!result.ok)
      throw new Invalid(`Nobody owns this: ${result.reason}.`, [
        { path: '/functionKey', message: result.reason },
      ]);
    const { route } = result;
    return {
      at: at.toISOString(),
      matrixVersion: effective.number,
      party: route.party,
      teamId: route.teamId,
      scheduleId: route.scheduleId,
      users: route.users.map((id) => ({ id, name: names.get(id) ?? 'someone' })),
      escalationPolicy: route.escalationPolicy,
      runbookUrl: route.runbookUrl,
      reasons: route.reasons,
    };
  }

  /**
   * Where a new ticket with a function goes: owner party, team and the person on call, by the
   * matrix in effect. Undefined when no version is signed or nobody owns that cell.
   */
  async function routeNewTicket(
    engagementId: string,
    ticket: { functionKey: string; kind: string; priority?: 'P1' | 'P2' | 'P3' | 'P4' },
    at: Date,
  ) {
    const request = {
      functionKey: ticket.functionKey,
      scenario: SCENARIO_OF_KIND[ticket.kind] ?? 'routine',
      track: ticket.functionKey === 'security-monitoring' ? ('security' as const) : ('operations' as const),
      at: at.toISOString(),
      priority: ticket.priority,
    };
    const route = await resolve(SYSTEM, engagementId, request).catch((error: unknown) => {
      if (error instanceof Conflict || error instanceof Invalid) return undefined;
      throw error;
    });
    if (!route) return undefined;
    return {
      party: route.party,
      teamId: route.teamId,
      assigneeId: route.users[0]?.id ?? null,
      reasons: [`routed by matrix version ${route.matrixVersion}`, ...route.reasons],
    };
  }

  return { resolve, routeNewTicket };
}

/** The matrix column a ticket of each kind is read in. */
const SCENARIO_OF_KIND: Readonly<Record<string, string>> = {
  incident: 'incident',
  problem: 'incident',
  request: 'routine',
  info_request: 'routine',
  change: 'routine',
  task: 'project',
};
