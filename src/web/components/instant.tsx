import { Text, type TextProps, Tooltip } from '@mantine/core';
import { formatDateTime, formatDateTimeSeconds, formatUtc } from '../lib/time-format.ts';

interface InstantProps extends TextProps {
  iso: string;
  /** Show seconds, for records where order within a minute matters. */
  seconds?: boolean;
}

/** A point in time in the browser's zone; hovering shows it in UTC. */
export function Instant({ iso, seconds, ...props }: InstantProps) {
  return (
    <Tooltip label={formatUtc(iso)} openDelay={300}>
      <Text size="sm" component="time" dateTime={iso} style={{ whiteSpace: 'nowrap' }} {...props}>
        {seconds ? formatDateTimeSeconds(iso) : formatDateTime(iso)}
      </Text>
    </Tooltip>
  );
}
