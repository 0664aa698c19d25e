/**
 * `tandem incidents list|ack|resolve`: the on-call person's commands, over the HTTP API with an
 * API token (TANDEM_URL, TANDEM_TOKEN), so they work against any running Tandem.
 */

export interface IncidentsCliOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** The HTTP client; tests pass their own. */
  readonly fetch?: typeof fetch;
}

interface Engagement {
  readonly id: string;
  readonly slug: string;
  readonly ticketPrefix: string;
}
interface IncidentTicket {
  readonly id: string;
  readonly engagementId: string;
  readonly number: string;
  readonly title: string;
  readonly priority: string;
  readonly status: string;
  readonly alertCount: number;
  readonly escalation: { readonly level: number; readonly nextAt: string | null } | null;
}

const OPEN = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_internal',
  'waiting_on_provider',
  'waiting_on_requester',
];

class CliError extends Error {}

function client(options: IncidentsCliOptions) {
  const url = options.env.TANDEM_URL?.replace(/\/+$/, '');
  const token = options.env.TANDEM_TOKEN;
  if (!url || !token)
    throw new CliError('Set TANDEM_URL (e.g. https://tandem.example.com) and TANDEM_TOKEN (an API token).');
  const send = options.fetch ?? fetch;
  return async <T>(method: 'GET' | 'POST', path: string): Promise<T> => {
    let response: Response;
    try {
      response = await send(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
    } catch (error) {
      throw new CliError(`Cannot reach ${url}: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    if (!response.ok) {
      throw new CliError(
        `${response.status} ${body?.title ?? response.statusText}: ${body?.detail ?? 'no detail'}`,
      );
    }
    return body as T;
  };
}

type Api = ReturnType<typeof client>;

async function engagements(api: Api): Promise<Engagement[]> {
  return (await api<{ items: Engagement[] }>('GET', '/api/v1/engagements')).items;
}

async function openIncidents(api: Api, engagementId?: string): Promise<IncidentTicket[]> {
  const filter = `kind=incident&limit=200&${OPEN.map((s) => `status=${s}`).join('&')}`;
  const path = engagementId
    ? `/api/v1/engagements/${engagementId}/tickets?${filter}`
    : `/api/v1/tickets?${filter}&sort=priority`;
  return (await api<{ items: IncidentTicket[] }>('GET', path)).items;
}

export async function runIncidentsList(options: IncidentsCliOptions, slug?: string): Promise<number> {
  return guarded(options, async (api) => {
    const known = await engagements(api);
    const engagement = slug ? known.find((e) => e.slug === slug) : undefined;
    if (slug && !engagement)
      throw new CliError(`No engagement "${slug}" among yours: ${known.map((e) => e.slug).join(', ')}.`);
    const incidents = await openIncidents(api, engagement?.id);
    if (incidents.length === 0) return options.out('No open incidents.');
    for (const incident of incidents) {
      const escalation = incident.escalation
        ? `level ${incident.escalation.level}${incident.escalation.nextAt ? ` (next ${incident.escalation.nextAt})` : ''}`
        : '-';
      options.out(
        [
          incident.number.padEnd(10),
          incident.priority,
          incident.status.padEnd(20),
          escalation.padEnd(38),
          incident.title,
        ].join('  '),
      );
    }
  });
}

/** Acknowledges or resolves an incident named by its number (LOGI-42) or id. */
export async function runIncidentAction(
  options: IncidentsCliOptions,
  action: 'acknowledge' | 'resolve',
  ref: string,
): Promise<number> {
  return guarded(options, async (api) => {
    const incident = await find(api, ref);
    const done = await api<IncidentTicket>(
      'POST',
      `/api/v1/engagements/${incident.engagementId}/tickets/${incident.id}/${action}`,
    );
    options.out(
      `${done.number} ${action === 'acknowledge' ? 'acknowledged' : 'resolved'}: ${done.status} — ${done.title}`,
    );
  });
}

async function find(api: Api, ref: string): Promise<IncidentTicket> {
  const wanted = ref.trim().toUpperCase();
  const incidents = await openIncidents(api);
  const found = incidents.find((i) => i.id.toUpperCase() === wanted || i.number.toUpperCase() === wanted);
  if (!found) throw new CliError(`No open incident ${ref} that you can see.`);
  return found;
}

async function guarded(options: IncidentsCliOptions, work: (api: Api) => Promise<void>): Promise<number> {
  try {
    await work(client(options));
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    options.err(`tandem incidents: ${error.message}`);
    return 1;
  }
}
