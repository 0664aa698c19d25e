import type { Client, TestTandem } from '../../../test/app.ts';
import { startJobWorker } from '../../platform/jobs/worker.ts';
import { createLogger } from '../../platform/log/logger.ts';
import type { OpenIncident } from './desk.ts';

/**
 * The escalation tests' own world in Harborline, apart from the demo's schedules: a rota with
 * one person always on call, one with nobody on call on weekdays, and a policy built on them.
 */
export async function escalationWorld(t: TestTandem, admin: Client, tag: string) {
  const base = `/api/v1/engagements/${t.engagements.harborline}`;
  const person = (email: string) => t.userId(email);
  const rota = async (name: string, users: string[], restrictions?: unknown) => {
    const created = await admin.post(`${base}/schedules`, {
      name: `${tag} ${name}`,
      timeZone: 'UTC',
      track: 'operations',
      party: 'provider',
      layers: [
        {
          name: 'Always',
          start: '2026-10-05T00:00',
          turn: { unit: 'weeks', length: 1 },
          users,
          ...(restrictions ? { restrictions } : {}),
        },
      ],
    });
    if (created.statusCode !== 201) throw new Error(`schedule: ${created.body}`);
    return created.json().id as string;
  };
  const ids = {
    sam: await person('sam.patel@northwind.example'),
    lee: await person('lee.okafor@northwind.example'),
    jordan: await person('jordan.blake@northwind.example'),
    tom: await person('tom.eriksen@harborline.example'),
  };
  const samRota = await rota('primary', [ids.sam]);
  // Only on Sunday night: nobody is on call on the weekdays the tests run.
  const emptyRota = await rota('weekend', [ids.jordan], [{ days: ['sun'], from: '22:00', to: '23:00' }]);
  const policy = async (name: string, levels: { delayMinutes: number; targets: unknown[] }[], repeat = 0) => {
    const created = await admin.post(`${base}/escalation-policies`, {
      name: `${tag} ${name}`,
      repeat,
      levels,
    });
    if (created.statusCode !== 201) throw new Error(`policy: ${created.body}`);
    return created.json().id as string;
  };
  return { base, ids, samRota, emptyRota, policy };
}

/** Opens an incident the way the alerts pipeline does: through the desk, in a transaction. */
export function openIncident(
  t: TestTandem,
  at: Date,
  overrides: Partial<OpenIncident> & { policyId?: string },
) {
  const { policyId, ...rest } = overrides;
  const request: OpenIncident = {
    engagementId: t.engagements.harborline!,
    title: 'Disk full on db-1',
    description: 'Free space below 2%.',
    priority: 'P1',
    severity: 'critical',
    track: 'operations',
    functionKey: null,
    integration: { id: 'test-integration', name: 'Test monitor', escalationPolicyId: policyId ?? null },
    alert: { id: 'alert-1', dedupKey: 'disk-db-1', source: 'db-1', summary: 'Disk full' },
    at,
    ...rest,
  };
  return t.tandem.handle.db
    .transaction()
    .execute((trx) => t.tandem.services.paging.incidents.desk.openIncident(trx, request));
}

/** Runs every due incidents job once, as a worker of its own would. */
export async function runDueSteps(t: TestTandem, now: () => Date, workerId = 'test') {
  const worker = startJobWorker({
    handle: t.tandem.handle,
    handlers: t.tandem.services.paging.incidents.jobHandlers,
    log: createLogger('silent'),
    now,
    polling: false,
    workerId,
  });
  const ran = await worker.runDue();
  await worker.stop();
  return ran;
}

export interface IncidentView {
  escalation: {
    state: string;
    level: number;
    round: number;
    nextAt: string | null;
    pages: {
      userId: string;
      level: number;
      round: number;
      acknowledgedAt: string | null;
      target: { name: string };
    }[];
    gaps: { level: number; target: { type: string; name: string }; reason: string }[];
  };
}
