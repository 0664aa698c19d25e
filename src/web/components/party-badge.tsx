import { Badge, type BadgeProps } from '@mantine/core';
import { PARTY_LABELS, type Party } from '../lib/api-types.ts';

/** One colour per party everywhere in the app, so "whose side" reads at a glance. */
export const PARTY_COLORS: Record<Party, string> = { internal: 'teal', provider: 'grape' };

export function PartyBadge({ party, ...props }: { party: Party } & BadgeProps) {
  return (
    <Badge variant="light" color={PARTY_COLORS[party]} radius="sm" {...props}>
      {PARTY_LABELS[party]}
    </Badge>
  );
}
