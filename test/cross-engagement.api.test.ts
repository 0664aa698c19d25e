import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from './app.ts';
import { pagingRecordsOf } from './cross-engagement.paging.ts';
import { testDatabases } from './databases.ts';

/**
 * Every engagement-scoped operation in the OpenAPI document, walked as a member of another
 * engagement. The walk reads the live document, so a route added later is walked too.
 */

/** Engagement-scoped operations the app serves today; the walk must find at least these. */
const OPERATIONS_TODAY = 103;
/**
 * (operation, non-engagement id parameter) pairs today: members, teams, team members, tickets and
 * their comments, watchers, attachments, SLA history and call-ins, calendars, SLA policies,
 * information requests, changes and freeze windows, matrix versions, schedules, overrides,
 * time off and calendar feeds, integrations, alerts, escalation policies and drills.
 */
const SUB_ID_PROBES_TODAY = 66;

/** A UUIDv7-shaped id that names nothing. */
const RANDOM_ID = '01999999-0000-7000-8000-000000000000';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Operation {
  readonly method: Method;
  readonly path: string;
  /** The smallest body its schema accepts; undefined when it takes none. */
  readonly validBody: unknown;
}

/** Fills `{engagementId}` with one value and every other `{…}` parameter from `ids`. */
function urlFor(path: string, engagementId: string, ids: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'engagementId') return engagementId;
    const id = ids[name];
    if (id === undefined)
      throw new Error(`the walk has no id for {${name}} in ${path}; give it one from engagement B`);
    return id;
  });
}

type JsonSchema = {
  type?: string;
  items?: JsonSchema;
  minItems?: number;
  examples?: unknown[];
  format?: string;
  minLength?: number;
  minimum?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
};

/** The smallest value a JSON Schema accepts, so a write reaches the service instead of stopping at validation. */
function sample(schema: JsonSchema): unknown {
  if (schema.anyOf) {
    // A manager may not grant admin; a harmless role keeps that rule from answering first.
    const values = schema.anyOf.map(sample);
    return values.find((v) => v !== 'admin') ?? values[0];
  }
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sample(schema.properties?.[name] ?? {})]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (schema.examples?.[0] !== undefined) return schema.examples[0];
      if (schema.format === 'email') return 'nobody@example.com';
      if (schema.format === 'date-time') return '2026-01-05T12:00:00.000Z';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

function send(client: Client, op: Operation, url: string, body: unknown) {
  return client.request({
    method: op.method.toUpperCase() as Uppercase<Method>,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

describe.each(await testDatabases())('engagement isolation on $name', (database) => {
  let t: TestTandem;
  let operations: Operation[];
  /** Ids that live in maplegrove (engagement B), by path parameter name. */
  let idsOfB: Record<string, string>;
  /** Ids that live in harborline (engagement A), by path parameter name. */
  let idsOfA: Record<string, string>;
  let priya: Client;

  beforeAll(async () => {
    t = await startTestTandem(database);
    const document = (await t.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Partial<Record<Method, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>
      >;
    };
    operations = Object.entries(document.paths)
      .filter(([path]) => path.includes('{engagementId}'))
      .flatMap(([path, item]) =>
        METHODS.flatMap((method) => {
          const op = item[method];
          if (op === undefined) return [];
          const schema = op.requestBody?.content?.['application/json']?.schema;
          return [{ method, path, validBody: schema ? sample(schema) : undefined }];
        }),
      );

    const admin = await t.as('admin@northwind.example');
    const team = await admin.post(`/api/v1/engagements/${t.engagements.maplegrove}/teams`, {
      name: 'Clinic Night Shift',
      party: 'internal',
    });
    expect(team.statusCode).toBe(201);
    const db = t.tandem.handle.db;
    const userId = (email: string) => t.userId(email);
    const deskOfA = await db
      .selectFrom('teams')
      .select('id')
      .where('engagement_id', '=', t.engagements.harborline ?? '')
      .where('name', '=', 'Internal Service Desk')
      .executeTakeFirstOrThrow();
    const ticketOf = async (engagementId: string) => {
      const created = await admin.post(`/api/v1/engagements/${engagementId}/tickets`, {
        title: 'Walk target',
      });
      expect(created.statusCode).toBe(201);
      return created.json().id as string;
    };
    const demoRecordOf = async (table: 'calendars' | 'sla_policies', engagementId: string, name: string) =>
      (
        await db
          .selectFrom(table)
          .select('id')
          .where('engagement_id', '=', engagementId)
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id;
    const maplegrove = t.engagements.maplegrove ?? '';
    const harborline = t.engagements.harborline ?? '';
    idsOfB = {
      teamId: team.json().id,
      calendarId: await demoRecordOf('calendars', maplegrove, 'Maplegrove clinic hours'),
      policyId: await demoRecordOf('sla_policies', maplegrove, 'Standard'),
      userId: await userId('dr.hale@maplegrove.example'),
      ticketId: await ticketOf(t.engagements.maplegrove ?? ''),
    };
    // Tom is not on the service desk, so no request of the walk can succeed in A by accident.
    idsOfA = {
      teamId: deskOfA.id,
      calendarId: await demoRecordOf('calendars', harborline, 'Harborline business hours'),
      policyId: await demoRecordOf('sla_policies', harborline, 'Standard'),
      userId: await userId('tom.eriksen@harborline.example'),
      ticketId: await ticketOf(t.engagements.harborline ?? ''),
    };
    const attachmentOf = async (engagementId: string, ticketId: string) => {
      const boundary = 'tandem-walk';
      const uploaded = await admin.request({
        method: 'POST',
        url: `/api/v1/engagements/${engagementId}/tickets/${ticketId}/attachments`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="walk.txt"\r\nContent-Type: text/plain\r\n\r\nwalk\r\n--${boundary}--\r\n`,
      });
      expect(uploaded.statusCode).toBe(201);
      return uploaded.json().id as string;
    };
    idsOfB.attachmentId = await attachmentOf(t.engagements.maplegrove ?? '', idsOfB.ticketId ?? '');
    idsOfA.attachmentId = await attachmentOf(t.engagements.harborline ?? '', idsOfA.ticketId ?? '');
    const changeRecordsOf = async (engagementId: string) => {
      const base = `/api/v1/engagements/${engagementId}`;
      const change = await admin.post(`${base}/changes`, { title: 'Walk target change' });
      const freeze = await admin.post(`${base}/freeze-windows`, {
        name: 'Walk freeze',
        startsAt: '2027-03-01T00:00:00Z',
        endsAt: '2027-03-02T00:00:00Z',
      });
      expect([change.statusCode, freeze.statusCode]).toEqual([201, 201]);
      return { changeId: change.json().id as string, freezeWindowId: freeze.json().id as string };
    };
    Object.assign(idsOfB, await changeRecordsOf(t.engagements.maplegrove ?? ''));
    Object.assign(idsOfA, await changeRecordsOf(t.engagements.harborline ?? ''));
    const questionOf = async (engagementId: string, ticketId: string) => {
      const asked = await admin.post(`/api/v1/engagements/${engagementId}/info-requests`, {
        ticketId,
        question: 'Walk question?',
      });
      expect(asked.statusCode).toBe(201);
      return asked.json().id as string;
    };
    idsOfB.infoRequestId = await questionOf(t.engagements.maplegrove ?? '', idsOfB.ticketId ?? '');
    idsOfA.infoRequestId = await questionOf(t.engagements.harborline ?? '', idsOfA.ticketId ?? '');
    const onCallRecordsOf = async (engagementId: string, managerEmail: string) => {
      const base = `/api/v1/engagements/${engagementId}`;
      const manager = await t.as(managerEmail);
      const userId = await t.userId(managerEmail);
      const schedule = await admin.post(`${base}/schedules`, {
        name: 'Walk rota',
        timeZone: 'UTC',
        track: 'operations',
        party: 'provider',
        layers: [
          {
            name: 'Days',
            start: '2026-11-02T09:00',
            turn: { unit: 'days', length: 1 },
            users: [await t.userId('admin@northwind.example')],
          },
        ],
      });
      expect(schedule.statusCode, schedule.body).toBe(201);
      const span = {
        userId: await t.userId('admin@northwind.example'),
        start: '2027-01-04T00:00:00Z',
        end: '2027-01-05T00:00:00Z',
      };
      const override = await admin.post(`${base}/schedules/${schedule.json().id}/overrides`, span);
      const timeOff = await manager.post(`${base}/time-off`, { ...span, userId });
      expect([override.statusCode, timeOff.statusCode]).toEqual([201, 201]);
      // A signed matrix version: each party's manager signs the same (empty) draft.
      const catalogue = (await manager.get(`${base}/matrix`)).json().matrix;
      await admin.put(`${base}/matrix`, { ...catalogue, scenarios: catalogue.scenarios.slice(0, 4) });
      for (const signer of [manager, admin]) {
        const hash = (await signer.get(`${base}/matrix`)).json().contentHash;
        expect((await signer.post(`${base}/matrix/sign`, { contentHash: hash })).statusCode).toBe(200);
      }
      const versions = (await admin.get(`${base}/matrix/versions`)).json().items;
      const feed = await manager.post(`${base}/calendar-feeds`, { scheduleId: null });
      expect(feed.statusCode).toBe(201);
      return {
        feedId: feed.json().id as string,
        scheduleId: schedule.json().id as string,
        overrideId: override.json().id as string,
        timeOffId: timeOff.json().id as string,
        versionId: versions[0].id as string,
      };
    };
    Object.assign(
      idsOfB,
      await onCallRecordsOf(t.engagements.maplegrove ?? '', 'dr.hale@maplegrove.example'),
    );
    Object.assign(
      idsOfA,
      await onCallRecordsOf(t.engagements.harborline ?? '', 'priya.sharma@harborline.example'),
    );
    Object.assign(idsOfB, await pagingRecordsOf(t, admin, t.engagements.maplegrove ?? ''));
    Object.assign(idsOfA, await pagingRecordsOf(t, admin, t.engagements.harborline ?? ''));
    priya = await t.as('priya.sharma@harborline.example');
  });
  afterAll(() => t?.close());

  it('walks every engagement-scoped operation the API describes', () => {
    expect(operations.length).toBeGreaterThanOrEqual(OPERATIONS_TODAY);
    expect(operations.filter((op) => op.method !== 'get').length).toBeGreaterThan(0);
  });

  it('answers a manager of one engagement on every operation of another exactly as for a random id', async () => {
    const randomIds = Object.fromEntries(Object.keys(idsOfB).map((name) => [name, RANDOM_ID]));
    const leaks: string[] = [];
    for (const op of operations) {
      // `{}` for every write: the engagement check must answer before the body is validated.
      const body = op.method === 'get' || op.method === 'delete' ? undefined : {};
      const stranger = await send(priya, op, urlFor(op.path, t.engagements.maplegrove ?? '', idsOfB), body);
      const nothing = await send(priya, op, urlFor(op.path, RANDOM_ID, randomIds), body);
      if (stranger.statusCode !== 404 || stranger.body !== nothing.body) {
        leaks.push(
          `${op.method.toUpperCase()} ${op.path}: ${stranger.statusCode} ${stranger.body} (random: ${nothing.statusCode} ${nothing.body})`,
        );
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers ids of another engagement inside the caller’s own engagement as not found', async () => {
    const harborline = t.engagements.harborline ?? '';
    const probes: string[] = [];
    const leaks: string[] = [];
    for (const op of operations) {
      const subIds = [...op.path.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1] ?? '')
        // {step} names an IR checklist step, the same word in every engagement, not a record.
        .filter((name) => name !== 'engagementId' && name !== 'step');
      // One id of B at a time, the others real ids of A, so no earlier lookup hides a later one.
      for (const name of subIds) {
        const foreign = await send(
          priya,
          op,
          urlFor(op.path, harborline, { ...idsOfA, [name]: idsOfB[name] ?? '' }),
          op.validBody,
        );
        const nothing = await send(
          priya,
          op,
          urlFor(op.path, harborline, { ...idsOfA, [name]: RANDOM_ID }),
          op.validBody,
        );
        probes.push(`${op.method} ${op.path} {${name}}`);
        if (foreign.statusCode !== 404 || foreign.body !== nothing.body) {
          leaks.push(
            `${op.method.toUpperCase()} ${op.path} with B's {${name}}: ${foreign.statusCode} ${foreign.body} (random: ${nothing.statusCode} ${nothing.body})`,
          );
        }
      }
    }
    expect(probes.length).toBeGreaterThanOrEqual(SUB_ID_PROBES_TODAY);
    expect(leaks).toEqual([]);
  });

  it('leaves both engagements as they were after the walk', async () => {
    const admin = await t.as('admin@northwind.example');
    const teamsOfB = (await admin.get(`/api/v1/engagements/${t.engagements.maplegrove}/teams`)).json()
      .items as { id: string }[];
    expect(teamsOfB.map((team) => team.id)).toContain(idsOfB.teamId);
    const membersOfB = (await admin.get(`/api/v1/engagements/${t.engagements.maplegrove}/members`)).json()
      .items as { userId: string; role: string }[];
    expect(membersOfB.find((m) => m.userId === idsOfB.userId)?.role).toBe('manager');
    const membersOfA = (await admin.get(`/api/v1/engagements/${t.engagements.harborline}/members`)).json()
      .items as { userId: string }[];
    expect(membersOfA.map((m) => m.userId)).not.toContain(idsOfB.userId);
    for (const path of [`calendars/${idsOfB.calendarId}`, `sla-policies/${idsOfB.policyId}`]) {
      const record = (await admin.get(`/api/v1/engagements/${t.engagements.maplegrove}/${path}`)).json();
      expect(record.updatedAt, path).toBe(record.createdAt);
    }
  });
});
