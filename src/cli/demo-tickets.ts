import type { TicketStatus } from '../domain/tickets/status.ts';
import type { createTandem } from '../main.ts';
import type { Ticket } from '../modules/tickets/schema.ts';
import type { Actor } from '../platform/access/actor.ts';
import { SYSTEM } from '../platform/access/actor.ts';
import type { Party } from '../platform/access/roles.ts';
import { loadActor } from '../platform/auth/actor-loader.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoClock } from './demo-clock.ts';
import { type ClientCatalogue, type FunctionKey, PRIVATE, SHARED } from './demo-ticket-catalogue.ts';
import { HARBORLINE } from './demo-tickets-harborline.ts';
import { MAPLEGROVE } from './demo-tickets-maplegrove.ts';

type Services = Awaited<ReturnType<typeof createTandem>>['services'];

/** Tickets per engagement: enough for a realistic queue, small enough to load in seconds. */
const TICKETS_PER_ENGAGEMENT = 250;
const HISTORY_DAYS = 7;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const CATALOGUES: Readonly<Record<string, ClientCatalogue>> = {
  harborline: HARBORLINE,
  maplegrove: MAPLEGROVE,
};

/** Where each status ends up, in percent: most work is open, a good share done. */
const FINAL_STATUS: readonly [TicketStatus, number][] = [
  ['new', 10],
  ['triaged', 8],
  ['in_progress', 20],
  ['waiting_on_internal', 12],
  ['waiting_on_provider', 10],
  ['waiting_on_requester', 5],
  ['resolved', 15],
  ['closed', 20],
];

const PRIORITY_WEIGHTS = {
  high: [
    ['P1', 35],
    ['P2', 45],
    ['P3', 20],
  ],
  normal: [
    ['P1', 3],
    ['P2', 22],
    ['P3', 55],
    ['P4', 20],
  ],
  low: [
    ['P2', 5],
    ['P3', 45],
    ['P4', 50],
  ],
} as const;

/** The team of each party that usually works a function, by team name. */
const PROVIDER_TEAM_OF: Readonly<Record<FunctionKey, string>> = {
  'service-desk': 'Service Desk',
  'endpoint-patching': 'Service Desk',
  'security-monitoring': 'Security Operations (SOC)',
  network: 'NOC On-call',
  servers: 'NOC On-call',
  'backup-recovery': 'NOC On-call',
  'identity-access': 'Service Desk',
  'line-of-business-apps': 'Service Desk',
};
const INTERNAL_DESK_FUNCTIONS: readonly FunctionKey[] = [
  'service-desk',
  'identity-access',
  'line-of-business-apps',
];

interface Person {
  readonly actor: Actor;
  readonly party: Party;
  readonly role: string;
  readonly teamIds: readonly string[];
}

interface Cast {
  readonly staff: Readonly<Record<Party, readonly Person[]>>;
  readonly requesters: readonly Person[];
  readonly teams: readonly { id: string; name: string; party: Party }[];
}

/**
 * Loads a few hundred tickets per engagement with their history: opened by end users or either
 * party, triaged, bounced between the parties, discussed in shared comments and private notes,
 * resolved and closed. Everything goes through the ticket services as real users, so the
 * timeline, audit log and live events are the real ones. Deterministic: the same seed gives
 * the same tickets (timestamps are the load time; the services read the clock themselves).
 */
export async function loadDemoTickets(
  services: Services,
  { db, clock }: { db: Db; clock?: DemoClock },
  ...engagementIds: string[]
): Promise<void> {
  for (const engagementId of engagementIds) {
    // Each engagement's history starts a week ago; its tickets follow one another to today.
    const start = Date.now() - HISTORY_DAYS * DAY_MS;
    clock?.set(new Date(start));
    const engagement = await db
      .selectFrom('engagements')
      .select('slug')
      .where('id', '=', engagementId)
      .executeTakeFirstOrThrow();
    const catalogue = CATALOGUES[engagement.slug] ?? HARBORLINE;
    const cast = await castOf(services, db, engagementId);
    const random = seeded(hash(engagement.slug));
    for (let i = 0; i < TICKETS_PER_ENGAGEMENT; i++) {
      clock?.set(new Date(start + ((i + random()) * HISTORY_DAYS * DAY_MS) / TICKETS_PER_ENGAGEMENT));
      await playTicket(services, engagementId, catalogue, cast, random, clock);
    }
  }
  clock?.release();
}

async function castOf(services: Services, db: Db, engagementId: string): Promise<Cast> {
  const members = await services.members.listMembers(SYSTEM, engagementId);
  const people: Person[] = [];
  for (const member of members) {
    if (member.role === 'viewer' || member.disabled) continue;
    const actor = await loadActor(db, member.userId, null);
    if (actor)
      people.push({ actor, party: member.party, role: member.role, teamIds: member.teams.map((t) => t.id) });
  }
  const staff = people.filter((p) => p.role !== 'requester');
  return {
    staff: {
      internal: staff.filter((p) => p.party === 'internal'),
      provider: staff.filter((p) => p.party === 'provider'),
    },
    requesters: people.filter((p) => p.role === 'requester'),
    teams: (await services.teams.listTeams(SYSTEM, engagementId)).map(({ id, name, party }) => ({
      id,
      name,
      party,
    })),
  };
}

async function playTicket(
  services: Services,
  engagementId: string,
  catalogue: ClientCatalogue,
  cast: Cast,
  random: () => number,
  clock: DemoClock | undefined,
) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // People take a few minutes between one step and the next.
  const pause = () => clock?.advance((1 + random() * 9) * MINUTE_MS);
  const chance = (p: number) => random() < p;
  const template = pick(catalogue.templates);
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => pick(catalogue.places[key] ?? [key]));
  const owner: Party = template.owner === 'either' ? (chance(0.5) ? 'internal' : 'provider') : template.owner;
  const team = teamFor(cast, owner, template.functionKey);
  const assignee = chance(0.8) ? staffOf(cast, owner, team?.id, pick) : undefined;
  const requester =
    cast.requesters.length && template.fromRequester && chance(0.7) ? pick(cast.requesters) : undefined;
  const title = fill(template.title);
  const fields = {
    // Change requests come with approvals and windows (demo-changes.ts); here they are requests.
    kind: template.kind === 'change' ? 'request' : template.kind,
    priority: weighted(PRIORITY_WEIGHTS[template.urgency ?? 'normal'], random),
    functionKey: template.functionKey,
    tags: [...template.tags],
  };
  const assignment = {
    ownerParty: owner,
    teamId: team?.id ?? null,
    assigneeId: assignee?.actor.userId ?? null,
  };

  let ticket: Ticket;
  if (requester && chance(0.6)) {
    // Opened by the end user through the portal, then triaged by the internal desk.
    ticket = await services.tickets.createTicket(requester.actor, engagementId, {
      title,
      description: fill(template.description),
      ...fields,
    });
    const desk = pick(cast.staff.internal);
    ticket = await services.tickets.updateTicket(desk.actor, engagementId, ticket.id, assignment);
  } else {
    const opener = pick(cast.staff[chance(0.75) ? owner : other(owner)]);
    ticket = await services.tickets.createTicket(opener.actor, engagementId, {
      title,
      description: fill(template.description),
      ...fields,
      ...assignment,
      requesterId: requester?.actor.userId ?? null,
      ...(template.kind === 'change' || chance(0.1)
        ? { dueAt: new Date(Date.now() + (1 + Math.floor(random() * 21)) * 86_400_000).toISOString() }
        : {}),
    });
  }

  const worker = assignee ?? pick(cast.staff[owner]);
  const speaker = (party: Party) => (party === owner ? worker : pick(cast.staff[party]));
  const say = async (
    who: Person,
    body: string,
    visibility: 'shared' | 'provider_only' | 'internal_only' = 'shared',
  ) => {
    pause();
    await services.ticketComments.addComment(who.actor, engagementId, ticket.id, { body, visibility });
  };
  const move = async (who: Person, status: TicketStatus) => {
    pause();
    ticket = await services.tickets.updateTicket(who.actor, engagementId, ticket.id, { status });
  };

  const final = weighted(FINAL_STATUS, random);
  // Only a ticket with a requester can wait on one.
  const target = final === 'waiting_on_requester' && !requester ? 'waiting_on_internal' : final;
  for (const status of pathTo(target, random)) {
    if (status === 'waiting_on_internal' || status === 'waiting_on_provider') {
      // The party handing over says what it needs, then the ball is in the other court.
      const asker = speaker(status === 'waiting_on_internal' ? 'provider' : 'internal');
      await say(asker, pick(SHARED[asker.party]));
      await move(asker, status);
    } else if (status === 'waiting_on_requester') {
      await say(worker, 'Could you try again and tell us if the problem is still there?');
      await move(worker, status);
    } else {
      if (ticket.status.startsWith('waiting_on_')) {
        const answering = ticket.status === 'waiting_on_requester' ? requester : undefined;
        const answer =
          answering ?? speaker(ticket.status === 'waiting_on_internal' ? 'internal' : 'provider');
        await say(answer, pick(answering ? SHARED.requester : SHARED[answer.party]));
      } else if (chance(0.4)) {
        await say(worker, pick(SHARED[worker.party]));
      }
      await move(status === 'closed' ? pick(cast.staff[owner]) : worker, status);
    }
    if (chance(0.15)) {
      const party: Party = chance(0.55) ? 'provider' : 'internal';
      const visibility = party === 'provider' ? 'provider_only' : 'internal_only';
      await say(speaker(party), pick(PRIVATE[visibility]), visibility);
    }
  }
  if (requester && ticket.status !== 'closed' && chance(0.2)) {
    await say(requester, pick(SHARED.requester));
  }
}

/** A plausible walk through the transition table from `new` to the final status. */
function pathTo(final: TicketStatus, random: () => number): TicketStatus[] {
  if (final === 'new') return [];
  const path: TicketStatus[] = random() < 0.5 ? ['triaged'] : [];
  if (final === 'triaged') return ['triaged'];
  path.push('in_progress');
  // Most work crosses the seam at least once before it settles.
  const bounces = Math.floor(random() * 3);
  for (let i = 0; i < bounces; i++) {
    path.push(random() < 0.55 ? 'waiting_on_internal' : 'waiting_on_provider', 'in_progress');
  }
  if (final === 'in_progress') return path;
  if (final.startsWith('waiting_on_')) return [...path, final];
  path.push('resolved');
  if (final === 'closed') path.push('closed');
  return path;
}

function teamFor(cast: Cast, party: Party, functionKey: FunctionKey) {
  const teams = cast.teams.filter((t) => t.party === party);
  if (party === 'provider') return teams.find((t) => t.name === PROVIDER_TEAM_OF[functionKey]);
  const desk = teams.find((t) => /service desk/i.test(t.name));
  return INTERNAL_DESK_FUNCTIONS.includes(functionKey) && desk ? desk : (teams[0] ?? undefined);
}

function staffOf(cast: Cast, party: Party, teamId: string | undefined, pick: <T>(items: readonly T[]) => T) {
  const inTeam = cast.staff[party].filter((p) => teamId && p.teamIds.includes(teamId));
  return pick(inTeam.length ? inTeam : cast.staff[party]);
}

function other(party: Party): Party {
  return party === 'internal' ? 'provider' : 'internal';
}

function weighted<T>(table: readonly (readonly [T, number])[], random: () => number): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]![0];
}

/** mulberry32: a small, fast, seeded generator, so the demo is the same on every load. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash(text: string): number {
  let h = 2_166_136_261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16_777_619);
  return h >>> 0;
}
