import type { createTandem } from '../main.ts';
import { SYSTEM } from '../platform/access/actor.ts';
import { loadActor } from '../platform/auth/actor-loader.ts';
import type { Db } from '../platform/db/database.ts';

type Services = Awaited<ReturnType<typeof createTandem>>['services'];
type Target = { type: 'user' | 'schedule' | 'team'; id: string };

/** The internal IT manager of each demo client, named in the policies that cross to them. */
const CLIENT_MANAGER: Readonly<Record<string, string>> = {
  harborline: 'priya.sharma@harborline.example',
  maplegrove: 'dr.hale@maplegrove.example',
};

/**
 * Escalation policies named as the demo matrix names them, the monitoring that feeds each
 * client, and two alerts that arrived just now: an operational one and a security one, each
 * routed by the signed matrix and paging its first level (the steps after it fire once
 * `tandem start` runs).
 */
export async function loadDemoIncidents(
  services: Services,
  db: Db,
  engagementId: string,
  clientSlug: string,
) {
  const { policies, integrations, enqueue } = {
    ...services.paging.incidents,
    ...services.paging.alerts,
  };
  const user = async (email: string): Promise<Target> => ({ type: 'user', id: await userId(db, email) });
  const schedule = async (name: string): Promise<Target> => ({
    type: 'schedule',
    id: (
      await db
        .selectFrom('schedules')
        .select('id')
        .where('engagement_id', '=', engagementId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id,
  });
  const internalManager = await user(CLIENT_MANAGER[clientSlug] ?? '');
  const providerManager = await user('maria.chen@northwind.example');
  const save = (
    name: string,
    description: string,
    repeat: number,
    levels: Target[][],
    fallback: Target[] = [],
  ) =>
    policies.createPolicy(SYSTEM, engagementId, {
      name,
      description,
      repeat,
      levels: levels.map((targets, i) => ({ delayMinutes: i === 0 ? 10 : 15, targets })),
      fallback,
    });
  await save(
    'Major incident (P1)',
    'The internal desk in business hours or the NOC on call after, then a senior engineer, then both managers.',
    1,
    [
      [await schedule('Internal desk'), await schedule('NOC on-call')],
      [await user('sam.patel@northwind.example')],
      [providerManager, internalManager],
    ],
  );
  const security = await save(
    'Security P1',
    'The SOC triages; a confirmed incident pages the internal infrastructure lead.',
    0,
    [[await schedule('SOC')], [providerManager], [internalManager]],
  );
  await save(
    'Service desk P1',
    'Business hours first, the MSP after.',
    0,
    [[await schedule('Internal desk')], [internalManager]],
    [await schedule('NOC on-call')],
  );

  const maria = await loadActor(db, providerManager.id, null);
  if (!maria) throw new Error('The demo needs Maria Chen, the provider manager.');
  await integrations.createIntegration(maria, engagementId, {
    name: 'Prometheus',
    type: 'alertmanager',
    defaults: { functionKey: 'servers', track: 'operations' },
  });
  const uptime = await integrations.createIntegration(maria, engagementId, {
    name: 'Uptime checks',
    type: 'pagerduty_v2',
    defaults: {
      functionKey: 'network',
      track: 'operations',
      grouping: { by: ['source'], windowMinutes: 30 },
    },
  });
  const edr = await integrations.createIntegration(maria, engagementId, {
    name: 'Microsoft Defender for Endpoint',
    type: 'pagerduty_v2',
    defaults: { functionKey: 'security-monitoring', security: true, escalationPolicyId: security.id },
  });
  await trigger(enqueue, uptime.key, `${clientSlug}-vpn-gw-01`, {
    summary: 'vpn-gw-01 is not answering health checks from two regions',
    source: 'vpn-gw-01',
    severity: 'critical',
  });
  await trigger(enqueue, edr.key, `${clientSlug}-edr-ws-0142`, {
    summary: 'Suspicious PowerShell download cradle on WS-0142',
    source: 'WS-0142',
    severity: 'error',
    class: 'security.execution',
  });
}

async function trigger(
  enqueue: Services['paging']['alerts']['enqueue'],
  routingKey: string,
  dedupKey: string,
  payload: Record<string, string>,
) {
  const answer = await enqueue({
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload,
  });
  if (answer.status !== 202) throw new Error(`The demo alert was refused: ${JSON.stringify(answer.body)}`);
}

async function userId(db: Db, email: string): Promise<string> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}
