import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERTMANAGER_BINARY,
  type Alertmanager,
  alertmanagerInstalled,
  startAlertmanager,
} from '../../../test/alertmanager.ts';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { until } from '../../../test/server-process.ts';

/**
 * The real Prometheus Alertmanager (Debian's `prometheus-alertmanager`) sends its webhook to a
 * Tandem listening on a real port: a firing alert becomes an incident, its resolution resolves it.
 */

const installed = alertmanagerInstalled();
if (!installed) {
  if (process.env.CI === 'true')
    throw new Error(`Alertmanager must be installed in CI (${ALERTMANAGER_BINARY}); see .ci/run`);
  console.warn(
    `alertmanager.test.ts: ${ALERTMANAGER_BINARY} is not installed (apt-get install prometheus-alertmanager), so the Alertmanager test is skipped.`,
  );
}
const databases = await testDatabases();

interface Alert {
  id: string;
  dedupKey: string;
  status: string;
  summary: string;
  incidentId: string | null;
}
interface Ticket {
  id: string;
  kind: string;
  status: string;
  title: string;
}

describe.skipIf(!installed).each(databases)('Prometheus Alertmanager paging Tandem on $name', (database) => {
  let t: TestTandem;
  let alertmanager: Alertmanager | undefined;
  let maria: Client; // provider manager: creates the integration
  let base: string;
  let integrationId: string;

  beforeAll(async () => {
    t = await startTestTandem(database, { background: true });
    const origin = await t.tandem.app.listen({ port: 0, host: '127.0.0.1' });
    maria = await t.as('maria.chen@northwind.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
    const created = await maria.post(`${base}/integrations`, { name: 'Prometheus', type: 'alertmanager' });
    expect(created.statusCode, created.body).toBe(201);
    const integration = created.json() as { id: string; key: string };
    integrationId = integration.id;
    alertmanager = await startAlertmanager({
      webhookUrl: `${origin.replace('localhost', '127.0.0.1')}/integrations/alertmanager/${integration.key}`,
    });
  });

  afterAll(async () => {
    await alertmanager?.stop();
    await t?.close();
  });

  const alerts = async () =>
    ((await maria.get(`${base}/alerts?integrationId=${integrationId}`)).json() as { items: Alert[] }).items;
  const diagnostics = () => alertmanager?.process.output() ?? '';

  it('opens an incident for a firing alert and resolves it when the alert resolves', async () => {
    if (!alertmanager) throw new Error('Alertmanager did not start');
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const labels = { alertname: 'DiskFull', instance: 'db-1:9100', severity: 'critical', job: 'node' };
    const annotations = { summary: 'Disk full on db-1', description: '/var is 99% used' };
    await alertmanager.post([{ labels, annotations, startsAt }]);

    const [alert] = await until(
      'the firing alert in Tandem',
      async () => {
        const items = await alerts();
        return items.length > 0 && items.every((a) => a.incidentId) && items;
      },
      30_000,
      diagnostics,
    );
    expect(alert).toMatchObject({ status: 'triggered' });
    const incidentId = alert?.incidentId ?? '';
    const incidents = (await maria.get(`${base}/tickets?kind=incident`)).json() as { items: Ticket[] };
    const incident = incidents.items.find((i) => i.id === incidentId);
    expect(incident, JSON.stringify(incidents.items)).toMatchObject({ kind: 'incident' });
    expect(incident?.status).not.toMatch(/resolved|closed/);

    // Alertmanager notices the resolution at its next group interval and sends it with send_resolved.
    await alertmanager.post([
      { labels, annotations, startsAt, endsAt: new Date(Date.now() - 1_000).toISOString() },
    ]);
    const resolved = await until(
      'the incident to resolve',
      async () => {
        const ticket = (await maria.get(`${base}/tickets/${incidentId}`)).json() as Ticket;
        return ticket.status === 'resolved' && ticket;
      },
      30_000,
      diagnostics,
    );
    expect(resolved.kind).toBe('incident');
    const after = await alerts();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: alert?.id, status: 'resolved', incidentId });
  }, 90_000);
});
