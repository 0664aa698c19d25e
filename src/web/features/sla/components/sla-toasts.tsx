import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { clockName } from '../../../lib/sla-clock.ts';
import { type SlaAlert, useSlaEvents } from '../api/sla-events.ts';

interface SlaToastsOptions {
  /** Requesters see no clocks, so they get no clock toasts either. */
  enabled: boolean;
  hrefOf: (alert: SlaAlert) => string;
  onOpen: (alert: SlaAlert) => void;
}

/**
 * Follows clock changes live, and says so when a clock the viewer may see nears or passes its
 * target: "LOGI-57 · Provider resolution clock breached", linking to the ticket.
 */
export function useSlaToasts(
  engagementIds: readonly string[],
  { enabled, hrefOf, onOpen }: SlaToastsOptions,
) {
  useSlaEvents(engagementIds, (alert) => {
    if (!enabled) return;
    const breached = alert.type === 'sla.breached';
    notifications.show({
      // One toast per clock and event, however many times the event arrives.
      id: `${alert.type}:${alert.clockId}`,
      color: breached ? 'red' : 'orange',
      autoClose: breached ? false : 10_000,
      title: `${clockName(alert)} ${breached ? 'breached' : 'nearing its target'}`,
      message: (
        <Text size="sm" component="span">
          <Anchor
            href={hrefOf(alert)}
            size="sm"
            onClick={(event) => {
              event.preventDefault();
              notifications.hide(`${alert.type}:${alert.clockId}`);
              onOpen(alert);
            }}
          >
            {alert.number}
          </Anchor>{' '}
          {alert.title}
        </Text>
      ),
    });
  });
}
