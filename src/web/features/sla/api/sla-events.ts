import { useQueryClient } from '@tanstack/react-query';
import type { Party } from '../../../lib/api-types.ts';
import {
  type EngagementEvent,
  STREAM_REOPENED,
  useEngagementEvents,
} from '../../../lib/engagement-events.ts';
import type { ClockKind } from '../../../lib/sla-types.ts';
import { atRiskKey, policiesKey, slaScope, ticketSlaKey } from './sla-keys.ts';

/** What `sla.warning` and `sla.breached` say: which clock, on which ticket. */
export interface SlaAlert {
  type: 'sla.warning' | 'sla.breached';
  engagementId: string;
  ticketId: string;
  clockId: string;
  party: Party;
  kind: ClockKind;
  number: string;
  title: string;
}

const SLA_EVENTS = ['sla.warning', 'sla.breached'] as const;
/** Anything that can start, pause or stop a clock. */
const CLOCK_MOVERS = ['ticket.created', 'ticket.updated', 'ticket.commented', ...SLA_EVENTS] as const;
const SETUP_EVENTS = [
  'calendar.created',
  'calendar.updated',
  'sla_policy.created',
  'sla_policy.updated',
  STREAM_REOPENED,
] as const;

function toAlert(engagementId: string, event: EngagementEvent): SlaAlert | null {
  const data = event.data as Partial<Omit<SlaAlert, 'type' | 'engagementId' | 'ticketId'>> | null;
  if (!event.id || !data?.clockId || !data.party || !data.kind) return null;
  return {
    type: event.type as SlaAlert['type'],
    engagementId,
    ticketId: event.id,
    clockId: data.clockId,
    party: data.party,
    kind: data.kind,
    number: data.number ?? '',
    title: data.title ?? '',
  };
}

/**
 * Keeps clock histories, the at-risk lists, calendars and policies current, and hands each warning or breach to
 * `onAlert`. The stream only carries events the viewer's party may receive.
 */
export function useSlaEvents(engagementIds: readonly string[], onAlert?: (alert: SlaAlert) => void) {
  const queryClient = useQueryClient();
  useEngagementEvents(engagementIds, SETUP_EVENTS, (engagementId, event) => {
    // A calendar's new hours move every due time computed on it, previews included; after a
    // dropped stream anything may have moved.
    const key = event.type.startsWith('sla_policy.') ? policiesKey(engagementId) : slaScope(engagementId);
    void queryClient.invalidateQueries({ queryKey: key });
  });
  useEngagementEvents(engagementIds, CLOCK_MOVERS, (engagementId, event) => {
    void queryClient.invalidateQueries({ queryKey: atRiskKey(engagementId) });
    if (event.id) void queryClient.invalidateQueries({ queryKey: ticketSlaKey(engagementId, event.id) });
    if (event.type === 'sla.warning' || event.type === 'sla.breached') {
      const alert = toAlert(engagementId, event);
      if (alert && onAlert) onAlert(alert);
    }
  });
}
