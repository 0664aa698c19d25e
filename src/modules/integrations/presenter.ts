import type { FieldMapping } from '../../domain/alerts/generic.ts';
import type { IntegrationDefaults } from '../../domain/alerts/routing-defaults.ts';
import type { Alert, AlertDetail, Integration } from './schema.ts';
import type { AlertListRow } from './store.ts';
import type { IntegrationRow } from './tables.ts';

export interface Addresses {
  readonly baseUrl: string;
  readonly mailDomain: string;
}

/** Where the key goes in a URL or snippet when the key itself is not being shown. */
const KEY_PLACEHOLDER = '<integration key>';

const INGEST_PATHS: Readonly<Record<string, string | undefined>> = {
  pagerduty_v2: '/v2/enqueue',
  alertmanager: '/integrations/alertmanager/{key}',
  grafana: '/integrations/grafana/{key}',
  generic_json: '/integrations/generic/{key}',
};

export function ingestUrlOf(row: IntegrationRow, at: Addresses, key = KEY_PLACEHOLDER): string | null {
  const path = INGEST_PATHS[row.type];
  return path ? `${at.baseUrl}${path.replace('{key}', key)}` : null;
}

export function toIntegration(row: IntegrationRow, at: Addresses, key?: string): Integration {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    keyHint: row.key_hint,
    defaults: JSON.parse(row.defaults) as IntegrationDefaults as Integration['defaults'],
    mapping: row.mapping ? (JSON.parse(row.mapping) as FieldMapping) : null,
    ratePerMinute: row.rate_per_minute,
    emailAddress: row.email_token ? `${row.email_token}@${at.mailDomain}` : null,
    ingestUrl: ingestUrlOf(row, at, key),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Ready-to-paste configuration for the sender, the key left as a placeholder. */
export function snippetsOf(row: IntegrationRow, at: Addresses) {
  const url = ingestUrlOf(row, at);
  const curl =
    row.type === 'pagerduty_v2'
      ? [
          `curl -sS -X POST ${url} \\`,
          `  -H 'Content-Type: application/json' \\`,
          `  -d '{"routing_key": "${KEY_PLACEHOLDER}", "event_action": "trigger", "dedup_key": "disk-db-1",`,
          `       "payload": {"summary": "Disk 95% full on db-1", "source": "db-1", "severity": "critical"}}'`,
        ].join('\n')
      : row.type === 'tandem'
        ? '# Tandem raises these alerts itself (a stalled escalation, an undeliverable page).'
        : row.type === 'email'
          ? `printf 'Subject: Disk 95%% full on db-1\\n\\nDetails…\\n' | sendmail ${row.email_token}@${at.mailDomain}`
          : [
              `curl -sS -X POST '${url}' \\`,
              `  -H 'Content-Type: application/json' \\`,
              `  -d '${JSON.stringify(sampleBody(row.type))}'`,
            ].join('\n');
  return {
    curl,
    ...(row.type === 'alertmanager'
      ? {
          alertmanager: [
            'receivers:',
            '  - name: tandem',
            '    webhook_configs:',
            `      - url: '${url}'`,
            '        send_resolved: true',
            'route:',
            '  receiver: tandem',
          ].join('\n'),
        }
      : {}),
    ...(row.type === 'grafana'
      ? {
          grafana: [
            'apiVersion: 1',
            'contactPoints:',
            '  - orgId: 1',
            '    name: Tandem',
            '    receivers:',
            '      - uid: tandem',
            '        type: webhook',
            '        settings:',
            `          url: '${url}'`,
            '          httpMethod: POST',
          ].join('\n'),
        }
      : {}),
  };
}

function sampleBody(type: string) {
  if (type === 'generic_json')
    return { title: 'Disk 95% full on db-1', severity: 'critical', id: 'disk-db-1' };
  return {
    version: '4',
    status: 'firing',
    receiver: 'tandem',
    groupKey: '{}:{alertname="DiskFull"}',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'DiskFull', instance: 'db-1', severity: 'critical' },
        annotations: { summary: 'Disk 95% full on db-1' },
        startsAt: '2026-01-01T00:00:00Z',
        fingerprint: 'disk-db-1',
      },
    ],
  };
}

export function toAlert(row: NonNullable<AlertListRow>): Alert {
  return {
    id: row.id,
    integrationId: row.integration_id,
    integrationName: row.integration_name,
    dedupKey: row.dedup_key,
    status: row.status,
    summary: row.summary,
    severity: row.severity,
    source: row.source,
    component: row.component,
    group: row.alert_group,
    class: row.class,
    track: row.track === 'security' ? 'security' : 'operations',
    incidentId: row.incident_id,
    eventCount: row.event_count,
    flapping: row.flapping === 1,
    firstAt: row.first_at,
    lastAt: row.last_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
  };
}

export function toAlertDetail(
  row: NonNullable<AlertListRow>,
  events: readonly {
    id: string;
    action: string;
    received_at: string;
    outcome: string;
    reason: string | null;
    payload: string;
  }[],
): AlertDetail {
  return {
    ...toAlert(row),
    customDetails: JSON.parse(row.custom_details) as unknown,
    links: JSON.parse(row.links) as AlertDetail['links'],
    images: JSON.parse(row.images) as AlertDetail['images'],
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.received_at,
      outcome: e.outcome as AlertDetail['events'][number]['outcome'],
      reason: e.reason,
      payload: JSON.parse(e.payload) as unknown,
    })),
  };
}
