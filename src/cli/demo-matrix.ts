import type { CoverageRule, Matrix, MatrixCell, RaciEntry } from '../domain/matrix/matrix.ts';
import { emptyMatrix } from '../domain/matrix/starting.ts';
import { TRACKS } from '../domain/oncall/schedule.ts';
import type { createTandem } from '../main.ts';
import { type Actor, SYSTEM } from '../platform/access/actor.ts';
import { loadActor } from '../platform/auth/actor-loader.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoClock } from './demo-clock.ts';
import { CLIENT_PEOPLE, CLIENTS, PROVIDER_PEOPLE } from './demo-data.ts';

type Services = Awaited<ReturnType<typeof createTandem>>['services'];
type MatrixBody = Parameters<Services['matrix']['saveDraft']>[2];

const DAY_MS = 86_400_000;
/** The internal desk's hours, which its on-call schedule keeps; the NOC covers the rest. */
const DESK: [string, string][] = [['08:00', '17:00']];
const HOUR_MS = 3_600_000;

/**
 * Team aliases of a cell plan: `in` / `pr` is the party as a whole; `in-infra` and `in-desk` the
 * client's teams (one team stands for both at a small client); `pr-desk`, `pr-soc`, `pr-noc` the MSP's.
 */
type Alias = 'in' | 'in-infra' | 'in-desk' | 'pr' | 'pr-desk' | 'pr-soc' | 'pr-noc';

/**
 * Who covers a cell: `split` is the client in desk hours and the MSP after them, both paging the
 * SOC on the security track; `split-gap` the same with no operations schedule after hours (the
 * gap the coverage map shows until someone names one); `soc` the MSP's SOC around the clock; and
 * `owner` the named team at all times, paging nobody (routine work); `inactive` work not done here.
 */
type Cover =
  | `split:${Alias}/${Alias}`
  | `split-gap:${Alias}/${Alias}`
  | 'soc'
  | `owner:${Alias}`
  | 'inactive';

/** "function scenario | RACI as A:in-infra R:pr-noc … | coverage", one cell per line. */
const CELLS: readonly string[] = [
  'service-desk routine | A:in-desk R:in-desk R:pr-desk | split:in-desk/pr-desk',
  'service-desk incident | A:in-desk R:in-desk R:pr-desk I:pr-noc | split:in-desk/pr-desk',
  'endpoint-patching routine | A:pr-desk R:pr-desk C:in-infra | owner:pr-desk',
  'endpoint-patching incident | A:in-infra R:pr-desk | split:in-infra/pr-noc',
  'security-monitoring routine | A:pr-soc R:pr-soc I:in-infra | owner:pr-soc',
  'security-monitoring incident | A:pr-soc R:pr-soc I:in-infra | soc',
  'incident-response incident | A:in-infra R:pr-soc C:in-infra I:pr-noc | split:in-infra/pr-soc',
  'network routine | A:in-infra R:in-infra C:pr-noc | owner:in-infra',
  'network incident | A:in-infra R:in-infra R:pr-noc | split-gap:in-infra/pr-noc',
  'network project | A:in-infra R:pr-desk | owner:in-infra',
  'servers routine | A:in-infra R:pr-desk | owner:pr-desk',
  'servers incident | A:in-infra R:in-infra R:pr-noc | split:in-infra/pr-noc',
  'cloud-operations incident | A:in-infra R:pr-noc | split:in-infra/pr-noc',
  'cloud-operations vendor | A:in R:in | inactive',
  'backup-recovery routine | A:pr-noc R:pr-noc I:in-infra | owner:pr-noc',
  'backup-recovery incident | A:in-infra R:pr-noc | split:in-infra/pr-noc',
  'identity-access routine | A:in-infra R:pr-desk | owner:pr-desk',
  'identity-access incident | A:in-infra R:pr-soc R:in-infra | split:in-infra/pr-soc',
  'line-of-business-apps incident | A:in-infra R:in-infra C:pr-desk | split:in-infra/pr-noc',
  'line-of-business-apps compliance | A:in R:in | inactive',
  'vendor-management vendor | A:in R:in-desk I:pr-desk | owner:in-desk',
  'vendor-management incident | A:in-infra R:pr-desk | split:in-infra/pr-desk',
  'compliance-audit compliance | A:in R:in-infra C:pr-soc | owner:in-infra',
  'compliance-audit incident | A:in R:in-infra C:pr-soc | split:in-infra/pr-soc',
  'projects project | A:in-infra R:pr-desk C:in-desk | owner:in-infra',
  'projects incident | A:in-infra R:pr-desk | split:in-infra/pr-noc',
  'asset-management routine | A:in-infra R:pr-desk | owner:pr-desk',
  'asset-management incident | A:in-infra R:pr-desk | split:in-infra/pr-desk',
];

const RUNBOOKS = 'https://runbooks.northwind.example';
const MAJOR = 'Major incident (P1)';
const CALL = 'Call the on-call engineer, then post in the shared incident channel.';

/** Handoff protocol, escalation policy and runbook, where a cell has them. */
const DETAILS: Readonly<Record<string, { handoff?: string; policy?: string; runbook?: string }>> = {
  'service-desk incident': {
    handoff:
      'At 17:00 the internal desk hands open P1/P2 tickets to Northwind with a **status note** on each.',
    policy: 'Service desk P1',
  },
  'endpoint-patching routine': { runbook: `${RUNBOOKS}/patching` },
  'security-monitoring incident': {
    handoff:
      'The SOC triages; a confirmed incident pages the internal infrastructure lead within 15 minutes.',
    policy: 'Security P1',
    runbook: `${RUNBOOKS}/soc-triage`,
  },
  'incident-response incident': { handoff: CALL, policy: MAJOR },
  'network incident': { handoff: CALL, policy: MAJOR, runbook: `${RUNBOOKS}/network-outage` },
  'servers incident': { handoff: CALL, policy: MAJOR },
  'backup-recovery routine': { runbook: `${RUNBOOKS}/restore-test` },
  'backup-recovery incident': { runbook: `${RUNBOOKS}/restore` },
  'identity-access incident': { policy: 'Security P1' },
};

/** Ids a plan names, by alias and by schedule name; a missing schedule is left out of the cell. */
interface Ids {
  teams: Record<Alias, string | null>;
  schedules: Map<string, string>;
  deskHours: string;
}

/**
 * The demo's responsibility matrix of each engagement: version 1, signed by the client's IT
 * manager and the MSP's account manager eight days ago, and a draft with one change nobody has
 * signed yet. The coverage rules read the client's IT desk hours (not the SLA calendar with its
 * lunch break), matching the demo's on-call schedules; network incidents after hours page nobody.
 */
export async function loadDemoMatrix(
  services: Services,
  { db, clock }: { db: Db; clock?: DemoClock },
  ...engagementIds: string[]
): Promise<void> {
  for (const engagementId of engagementIds) {
    const { slug } = await db
      .selectFrom('engagements')
      .select('slug')
      .where('id', '=', engagementId)
      .executeTakeFirstOrThrow();
    clock?.set(new Date(Date.now() - 8 * DAY_MS));
    const internal = await actorOf(db, CLIENT_PEOPLE[slug]?.find((p) => p.roles[slug] === 'manager')?.email);
    const provider = await actorOf(db, PROVIDER_PEOPLE.find((p) => p.roles['*'] === 'manager')?.email);
    const ids = await idsOf(services, engagementId, CLIENTS.find((c) => c.slug === slug)!);
    const version1 = await services.matrix.saveDraft(internal, engagementId, matrixOf(ids) as MatrixBody);
    clock?.advance(HOUR_MS);
    await services.matrix.sign(internal, engagementId, version1.contentHash);
    clock?.advance(2 * HOUR_MS);
    await services.matrix.sign(provider, engagementId, version1.contentHash);

    // A day later the MSP proposes to take over vendor renewals: drafted, not yet signed.
    clock?.advance(DAY_MS);
    const proposed = withVendorRenewals(version1.matrix as Matrix, ids);
    await services.matrix.saveDraft(provider, engagementId, proposed as MatrixBody);
  }
  clock?.release();
}

/** A demo manager, to sign as them. */
async function actorOf(db: Db, email: string | undefined): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email ?? '')
    .executeTakeFirst();
  const actor = user && (await loadActor(db, user.id, null));
  if (!actor) throw new Error(`no demo manager ${email ?? ''}`);
  return actor;
}

async function idsOf(
  services: Services,
  engagementId: string,
  client: (typeof CLIENTS)[number],
): Promise<Ids> {
  const internalTeams = client.internalTeams.map((team) => team.name);
  const teams = await services.teams.listTeams(SYSTEM, engagementId);
  const team = (name: string | undefined) => teams.find((t) => t.name === name)?.id ?? null;
  const schedules = new Map(
    (await services.schedules.listSchedules(SYSTEM, engagementId)).items.map((s) => [s.name, s.id] as const),
  );
  const calendars = await services.calendars.listCalendars(SYSTEM, engagementId);
  // The SLA's business-hours calendar: the one in the client's own zone.
  const office = calendars.find((calendar) => calendar.timeZone !== 'UTC') ?? calendars[0]!;
  const desk = await services.calendars.createCalendar(SYSTEM, engagementId, {
    name: `${office.name.split(' ')[0]} IT desk hours`,
    timeZone: office.timeZone,
    hours: { mon: DESK, tue: DESK, wed: DESK, thu: DESK, fri: DESK, sat: [], sun: [] },
    holidays: [...office.holidays],
  });
  return {
    teams: {
      in: null,
      'in-infra': team(internalTeams[0]),
      'in-desk': team(internalTeams[1] ?? internalTeams[0]),
      pr: null,
      'pr-desk': team('Service Desk'),
      'pr-soc': team('Security Operations (SOC)'),
      'pr-noc': team('NOC On-call'),
    },
    schedules,
    deskHours: desk.id,
  };
}

function matrixOf(ids: Ids): Matrix {
  return { ...emptyMatrix(), cells: CELLS.map((plan) => cellOf(plan, ids)) };
}

function cellOf(plan: string, ids: Ids): MatrixCell {
  const [pair, raci, cover] = plan.split(' | ') as [string, string, Cover];
  const [functionKey, scenarioKey] = pair.split(' ') as [string, string];
  const details = DETAILS[pair] ?? {};
  return {
    functionKey,
    scenarioKey,
    active: cover !== 'inactive',
    raci: raci.split(' ').map((token) => {
      const [role, alias] = token.split(':') as [RaciEntry['role'], Alias];
      return { party: partyOf(alias), teamId: ids.teams[alias], role };
    }),
    coverage: cover === 'inactive' ? [] : coverageOf(cover, ids),
    handoff: details.handoff ?? '',
    escalationPolicy: details.policy ?? null,
    runbookUrl: details.runbook ?? null,
  };
}

function coverageOf(cover: Exclude<Cover, 'inactive'>, ids: Ids): CoverageRule[] {
  const pages = (...names: [security: string, operations?: string]) => {
    const found = names.map((name) => (name ? ids.schedules.get(name) : undefined));
    return Object.fromEntries(TRACKS.flatMap((track, i) => (found[i] ? [[track, found[i]]] : [])));
  };
  const rule = (when: CoverageRule['when'], alias: Alias, schedules: CoverageRule['schedules']) => ({
    when,
    calendarId: when === 'always' ? null : ids.deskHours,
    party: partyOf(alias),
    teamId: ids.teams[alias],
    schedules,
  });
  if (cover === 'soc') return [rule('always', 'pr-soc', pages('SOC', 'NOC on-call'))];
  const [kind, teams] = cover.split(':') as [string, string];
  if (kind === 'owner') return [rule('always', teams as Alias, {})];
  const [day, night] = teams.split('/') as [Alias, Alias];
  return [
    rule('business_hours', day, pages('SOC', 'Internal desk')),
    rule('after_hours', night, pages('SOC', kind === 'split-gap' ? undefined : 'NOC on-call')),
  ];
}

function partyOf(alias: Alias): 'internal' | 'provider' {
  return alias.startsWith('in') ? 'internal' : 'provider';
}

/** The draft's one change: the MSP's desk becomes Responsible for vendor renewals too. */
function withVendorRenewals(matrix: Matrix, ids: Ids): Matrix {
  return {
    ...matrix,
    cells: matrix.cells.map((cell) =>
      cell.functionKey === 'vendor-management' && cell.scenarioKey === 'vendor'
        ? {
            ...cell,
            raci: [...cell.raci, { party: 'provider', teamId: ids.teams['pr-desk'], role: 'R' }],
            handoff:
              'Northwind tracks renewal dates and raises a request 60 days ahead; the client approves the spend.',
          }
        : cell,
    ),
  };
}
