import type { Party, TicketActivity } from '../../../lib/api-types.ts';

/** An incident timeline entry as one sentence, with its colour and the party it concerns. */
export interface IncidentLine {
  text: string;
  color: string;
  party: Party | null;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const party = (value: unknown): Party | null => (value === 'internal' || value === 'provider' ? value : null);
const partyWords = (value: unknown) =>
  value === 'internal' ? 'the internal team' : value === 'provider' ? 'the provider' : 'the other party';

/** `{type, name}` or a plain string: "on call in SOC", "team NOC On-call", "Sam Ortiz". */
function target(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const { type, name } = value as { type?: unknown; name?: unknown };
    const label = str(name) || 'a target';
    if (type === 'schedule') return `on call in ${label}`;
    if (type === 'team') return `team ${label}`;
    return label;
  }
  return 'a target';
}

/** A name given as a string or `{name}`. */
function who(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'name' in value) return str((value as { name: unknown }).name);
  return '';
}

const ALERT_VERBS: Record<string, [string, string]> = {
  alert_joined: ['Alert joined', 'gray'],
  alert_retriggered: ['Alert re-triggered', 'orange'],
  alert_acknowledged: ['Alert acknowledged by its source', 'yellow'],
  alert_resolved: ['Alert resolved', 'green'],
  alert_flapping: ['Alert is flapping (damped)', 'orange'],
};

const CHANNEL_WORDS: Record<string, string> = {
  email: 'e-mail',
  webhook: 'webhook',
  in_app: 'in-app notice',
};

const ROLE_WORDS: Record<string, string> = {
  commander: 'incident commander',
  communications: 'communications lead',
  scribe: 'scribe',
};

const STEP_WORDS: Record<string, string> = {
  contain: 'Contain',
  eradicate: 'Eradicate',
  recover: 'Recover',
  lessons_learned: 'Lessons learned',
};

/** Reads the incident entries (alerts, pages, escalations, decisions…); null for any other entry. */
export function describeIncidentEntry(activity: TicketActivity): IncidentLine | null {
  const data = (activity.data ?? {}) as Record<string, unknown>;
  const alertVerb = ALERT_VERBS[activity.kind];
  if (alertVerb) {
    const source = str(data.source) ? ` from ${str(data.source)}` : '';
    return { text: `${alertVerb[0]}: “${str(data.summary)}”${source}`, color: alertVerb[1], party: null };
  }
  switch (activity.kind) {
    case 'escalation_started': {
      const reasons = Array.isArray(data.reasons) ? data.reasons.filter((r) => typeof r === 'string') : [];
      const policy = str(data.policyName) || 'no policy';
      return {
        text: `Escalation started on ${policy}${reasons.length ? ` — ${reasons.join('; ')}` : ''}`,
        color: 'red',
        party: null,
      };
    }
    case 'paged': {
      const round = typeof data.round === 'number' && data.round > 1 ? `, round ${data.round}` : '';
      const via =
        data.target && (data.target as { type?: unknown }).type !== 'user'
          ? ` via ${target(data.target)}`
          : '';
      return {
        text: `Paged ${str(data.userName) || 'someone'} (level ${String(data.level ?? '?')}${round})${via}`,
        color: 'red',
        party: party(data.party),
      };
    }
    case 'page_delivery': {
      const failed = data.outcome === 'failed';
      const channel = CHANNEL_WORDS[str(data.channel)] ?? (str(data.channel) || 'a channel');
      const address = data.channel !== 'in_app' && str(data.target) ? ` (${str(data.target)})` : '';
      const outcome =
        data.outcome === 'sent' ? 'delivered' : data.outcome === 'retrying' ? 'failed, retrying' : 'failed';
      const error = str(data.error) ? ` — ${str(data.error)}` : '';
      return {
        text: `Page to ${str(data.userName) || 'someone'} by ${channel}${address} ${outcome}${error}`,
        color: failed ? 'red' : data.outcome === 'retrying' ? 'orange' : 'gray',
        party: null,
      };
    }
    case 'coverage_gap':
      return {
        text: `Coverage gap at level ${String(data.level ?? '?')}: nobody reachable for ${target(data.target)} — ${str(data.reason)}`,
        color: 'orange',
        party: null,
      };
    case 'escalated': {
      const to = data.toParty ? `to ${partyWords(data.toParty)}` : `to level ${String(data.toLevel ?? '?')}`;
      return {
        text: `Escalated ${to}${str(data.reason) ? ` — ${str(data.reason)}` : ''}`,
        color: 'orange',
        party: party(data.toParty),
      };
    }
    case 'acknowledged': {
      const via = str(data.via) ? ` via ${str(data.via).replace('_', ' ')}` : '';
      return {
        text: `Acknowledged by ${who(data.by) || 'a responder'}${via}`,
        color: 'yellow',
        party: party(data.party),
      };
    }
    case 'escalation_ended':
      return {
        text: `Escalation ended${str(data.reason) ? ` — ${str(data.reason)}` : ''}`,
        color: 'green',
        party: null,
      };
    case 'escalation_stalled':
      return { text: `Escalation stalled — ${str(data.reason) || 'no step ran'}`, color: 'red', party: null };
    case 'role_assigned':
      return {
        text: data.userId
          ? `${str(data.userName)} is ${ROLE_WORDS[str(data.role)] ?? str(data.role)}`
          : `No ${ROLE_WORDS[str(data.role)] ?? str(data.role)} any more`,
        color: 'blue',
        party: party(data.party),
      };
    case 'decision':
      return {
        text: `Decision by ${who(data.by) || 'a responder'}: “${str(data.decision)}”${str(data.rationale) ? ` — ${str(data.rationale)}` : ''}`,
        color: 'violet',
        party: party(data.party),
      };
    case 'checklist':
      return {
        text: `${STEP_WORDS[str(data.step)] ?? str(data.step)} ${data.done ? 'done' : 'reopened'}${str(data.evidence) ? ` — evidence: ${str(data.evidence)}` : ''}`,
        color: data.done ? 'green' : 'gray',
        party: null,
      };
    default:
      return null;
  }
}
