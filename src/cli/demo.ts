import { createTandem } from '../main.ts';
import { SYSTEM } from '../platform/access/actor.ts';
import type { Config } from '../platform/config/config.ts';
import type { Db } from '../platform/db/database.ts';
import { loadDemoChanges } from './demo-changes.ts';
import { createDemoClock, type DemoClock } from './demo-clock.ts';
import {
  CLIENT_PEOPLE,
  CLIENTS,
  type DemoPerson,
  PROVIDER,
  PROVIDER_PEOPLE,
  PROVIDER_TEAMS,
} from './demo-data.ts';
import { loadDemoIncidents } from './demo-incidents.ts';
import { loadDemoMatrix } from './demo-matrix.ts';
import { loadDemoOncall } from './demo-oncall.ts';
import { loadDemoSla } from './demo-sla.ts';
import { loadDemoTickets } from './demo-tickets.ts';

export const DEMO_ADMIN_EMAIL = 'admin@northwind.example';

/** Every demo account's password: TANDEM_DEMO_PASSWORD, or tandem-demo. */
export function demoPassword(): string {
  return process.env.TANDEM_DEMO_PASSWORD || 'tandem-demo';
}

/** `tandem demo`: loads the demo once into the configured database and prints every login. */
export async function runDemo(config: Config, out: (line: string) => void): Promise<number> {
  const clock = createDemoClock();
  const tandem = await createTandem(config, {
    log: (await import('../platform/log/logger.ts')).createLogger('warn'),
    now: clock.now,
  });
  try {
    const loaded = await tandem.handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', PROVIDER.slug)
      .executeTakeFirst();
    if (loaded) out('The demo is already loaded.');
    else await loadDemo(tandem.services, demoPassword(), { tickets: { db: tandem.handle.db, clock } });
    printLogins(out);
    return 0;
  } finally {
    await tandem.close();
  }
}

type Services = Awaited<ReturnType<typeof createTandem>>['services'];

/**
 * What the demo holds besides people and engagements. Demo tickets are worked by real users,
 * whose actors are loaded from `db`; API tests and the benchmark leave them out.
 */
export interface DemoOptions {
  /** With `clock`, ticket history is written over the past days (see demo-clock.ts). */
  readonly tickets?: { readonly db: Db; readonly clock?: DemoClock } | false;
}

export async function loadDemo(
  services: Services,
  password: string,
  options: DemoOptions = {},
): Promise<void> {
  const engagementIds: string[] = [];
  const provider = await services.organizations.createOrganization(SYSTEM, { ...PROVIDER, kind: 'provider' });
  const providerUsers = await createPeople(services, provider.id, PROVIDER_PEOPLE, password);
  for (const client of CLIENTS) {
    const organization = await services.organizations.createOrganization(SYSTEM, {
      slug: client.slug,
      name: client.name,
    });
    const clientUsers = await createPeople(
      services,
      organization.id,
      CLIENT_PEOPLE[client.slug] ?? [],
      password,
    );
    const { id: engagementId } = await services.engagements.createEngagement(SYSTEM, {
      ...client.engagement,
      clientOrganizationId: organization.id,
    });
    engagementIds.push(engagementId);
    await loadDemoSla(services, engagementId, client.slug);
    const teams = new Map<string, string>();
    for (const team of PROVIDER_TEAMS)
      teams.set(
        team.name,
        (await services.teams.createTeam(SYSTEM, engagementId, { ...team, party: 'provider' })).id,
      );
    for (const team of client.internalTeams)
      teams.set(
        team.name,
        (await services.teams.createTeam(SYSTEM, engagementId, { ...team, party: 'internal' })).id,
      );
    for (const [person, userId] of [...providerUsers, ...clientUsers]) {
      const role = person.roles[client.slug] ?? person.roles['*'];
      if (!role) continue;
      await services.members.addMember(SYSTEM, engagementId, { email: person.email, role });
      for (const team of person.teams ?? [])
        await services.teams.addTeamMember(SYSTEM, engagementId, teams.get(team)!, userId);
    }
    await loadDemoOncall(services, engagementId, client.slug, [...providerUsers, ...clientUsers], teams);
  }
  if (options.tickets) {
    await loadDemoMatrix(services, options.tickets, ...engagementIds);
    await loadDemoTickets(services, options.tickets, ...engagementIds);
    await loadDemoChanges(services, options.tickets.db, ...engagementIds);
    for (const [i, client] of CLIENTS.entries()) {
      await loadDemoIncidents(services, options.tickets.db, engagementIds[i] ?? '', client.slug);
    }
  }
}

async function createPeople(
  services: Services,
  organizationId: string,
  people: readonly DemoPerson[],
  password: string,
) {
  const created: Array<[DemoPerson, string]> = [];
  for (const person of people) {
    const user = await services.organizations.createUser(SYSTEM, {
      email: person.email,
      name: person.name,
      password,
      organizationId,
      orgRole: person.orgAdmin ? 'admin' : 'member',
    });
    created.push([person, user.id]);
  }
  return created;
}

function printLogins(out: (line: string) => void): void {
  out(`\nDemo logins (password "${demoPassword()}"):`);
  for (const person of [...PROVIDER_PEOPLE, ...Object.values(CLIENT_PEOPLE).flat()]) {
    const roles = Object.entries(person.roles).map(
      ([engagement, role]) => `${role}${engagement === '*' ? ' in every engagement' : ` in ${engagement}`}`,
    );
    out(
      `  ${person.email.padEnd(36)} ${person.name.padEnd(16)} ${roles.join(', ')}${person.orgAdmin ? ' (organization admin)' : ''}`,
    );
  }
}
