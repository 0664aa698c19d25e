import { type PolicySnapshot, snapshotOf, type Target } from '../../domain/escalation/policy.ts';
import { SYSTEM } from '../../platform/access/actor.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid } from '../../platform/errors.ts';
import type { CalendarService } from '../calendars/service.ts';
import type { MatrixService } from '../matrix/service.ts';
import { createRoutingService } from '../routing/service.ts';
import type { ScheduleService } from '../schedules/service.ts';
import type { OpenIncident } from './desk.ts';
import type { Directory } from './people.ts';
import { policyOf } from './policy-presenter.ts';
import * as store from './store.ts';

/** Where a new incident goes and why, in the words its timeline shows. */
export interface IncidentRoute {
  readonly party: Party;
  readonly teamId: string | null;
  readonly assigneeId: string | null;
  readonly scheduleId: string | null;
  /** The matrix cell's escalation policy, by name. */
  readonly policyName: string | null;
  readonly reasons: string[];
}

export interface RouteDeps {
  readonly matrix: Pick<MatrixService, 'inEffectVersion'>;
  readonly calendars: Pick<CalendarService, 'compiled' | 'byIds'>;
  readonly schedules: Pick<ScheduleService, 'onCallIn' | 'scheduleTracks' | 'userNames'>;
}

/** Minutes before the next round of a policy made up from one on-call schedule. */
const ON_CALL_DELAY_MINUTES = 15;
const ON_CALL_REPEAT = 2;

/**
 * Routes the incident through the signed matrix and the schedules. The resolver reads through
 * the caller's transaction (built here on it): on SQLite a read outside the transaction would
 * wait for the one connection the transaction holds. Without a signed matrix (or a cell for
 * the function) the provider's on-call schedule of the track takes it.
 */
export async function routeIncident(
  trx: Trx,
  { now }: Pick<PlatformDeps, 'now'>,
  deps: RouteDeps,
  request: OpenIncident,
  dir: Directory,
): Promise<IncidentRoute> {
  const routing = createRoutingService(
    { db: trx, now },
    {
      ...deps,
      teams: { listTeams: (_actor, engagementId) => store.teamsOf(trx, engagementId) },
      userNames: deps.schedules.userNames,
    },
  );
  if (request.functionKey) {
    const route = await routing
      .resolve(SYSTEM, request.engagementId, {
        functionKey: request.functionKey,
        scenario: 'incident',
        track: request.track,
        at: request.at.toISOString(),
      })
      .catch((error: unknown) => {
        if (error instanceof Conflict || error instanceof Invalid) return undefined;
        throw error;
      });
    if (route) {
      return {
        party: route.party,
        teamId: route.teamId,
        assigneeId: route.users[0]?.id ?? null,
        scheduleId: route.scheduleId,
        policyName: route.escalationPolicy,
        reasons: [`routed by matrix version ${route.matrixVersion}`, ...route.reasons],
      };
    }
  }
  return providerOnCall(trx, deps, request, dir);
}

async function providerOnCall(
  trx: Trx,
  deps: RouteDeps,
  request: OpenIncident,
  dir: Directory,
): Promise<IncidentRoute> {
  const why = request.functionKey
    ? `no signed matrix cell routes ${request.functionKey} → provider`
    : 'no function named → provider';
  const found = [...dir.schedules].find(([, s]) => s.party === 'provider' && s.track === request.track);
  if (!found) {
    return {
      party: 'provider',
      teamId: null,
      assigneeId: null,
      scheduleId: null,
      policyName: null,
      reasons: [why, `no provider ${request.track} schedule → the provider's managers`],
    };
  }
  const [scheduleId, schedule] = found;
  const users = await deps.schedules.onCallIn(trx, request.engagementId, scheduleId, request.at);
  const names = await deps.schedules.userNames(trx, users);
  return {
    party: 'provider',
    teamId: schedule.teamId,
    assigneeId: users[0] ?? null,
    scheduleId,
    policyName: null,
    reasons: [
      why,
      `${request.track} track → ${schedule.name}`,
      users.length === 0
        ? `nobody on call on ${schedule.name}`
        : `${users.map((id) => names.get(id) ?? 'someone').join(', ')} on call`,
    ],
  };
}

/**
 * The policy the incident runs: the integration's, else the matrix cell's (by name), else one
 * level paging the route's schedule — snapshotted, so later edits never reach it.
 */
export async function policyFor(
  trx: Trx,
  request: OpenIncident,
  route: IncidentRoute,
  dir: Directory,
  now: Date,
): Promise<{ snapshot: PolicySnapshot; why: string }> {
  const { engagementId } = request;
  const chosen = request.integration.escalationPolicyId
    ? await store.findPolicy(trx, engagementId, request.integration.escalationPolicyId)
    : undefined;
  if (chosen) {
    return { snapshot: snapshotOf(policyOf(chosen), now), why: `${request.integration.name}'s policy` };
  }
  const named = route.policyName
    ? await store.findPolicyByName(trx, engagementId, route.policyName)
    : undefined;
  if (named) return { snapshot: snapshotOf(policyOf(named), now), why: 'the matrix cell’s policy' };
  const targets: Target[] = route.scheduleId ? [{ type: 'schedule', id: route.scheduleId }] : [];
  const scheduleName = route.scheduleId ? dir.schedules.get(route.scheduleId)?.name : undefined;
  return {
    snapshot: snapshotOf(
      {
        policyId: null,
        name: scheduleName ? `On call: ${scheduleName}` : 'Managers of the owning party',
        repeat: ON_CALL_REPEAT,
        fallback: [],
        levels: [{ delayMinutes: ON_CALL_DELAY_MINUTES, targets }],
      },
      now,
    ),
    why: scheduleName ? `no escalation policy named → ${scheduleName}` : 'no escalation policy or schedule',
  };
}
