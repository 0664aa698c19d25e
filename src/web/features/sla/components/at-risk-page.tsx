import { Group, Stack, Switch, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import type { Party } from '../../../lib/api-types.ts';
import type { Risk } from '../../../lib/sla-types.ts';
import { AtRiskTable } from './at-risk-table.tsx';

/** Whose clocks the page shows, relative to the viewer. */
export type AtRiskSide = 'ours' | 'theirs';

interface AtRiskPageProps {
  engagementId: string;
  party: Party;
  side: AtRiskSide;
  showOnTrack: boolean;
  onChange: (next: { side: AtRiskSide; showOnTrack: boolean }) => void;
  nameOf: (userId: string) => string | undefined;
  ticketHref: (ticketId: string) => string;
  onOpenTicket: (ticketId: string) => void;
  /** Further panels the app composes below the table, e.g. the questions waiting for us. */
  children?: ReactNode;
}

const OTHER: Record<Party, Party> = { internal: 'provider', provider: 'internal' };

/** Clocks that are breached or about to be, soonest due first: ours to act on, theirs to chase. */
export function AtRiskPage({ party, side, showOnTrack, onChange, children, ...table }: AtRiskPageProps) {
  const risk: Risk[] = showOnTrack ? ['breached', 'warning', 'on_track'] : ['breached', 'warning'];
  return (
    <Stack gap="lg">
      <PageHeader
        title="At risk"
        description="SLA clocks that have breached or passed their warning point, soonest due first."
      />
      <Tabs
        value={side}
        onChange={(value) => value && onChange({ side: value as AtRiskSide, showOnTrack })}
        keepMounted={false}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-end">
          <Tabs.List style={{ flex: 1 }}>
            <Tabs.Tab value="ours">Our clocks</Tabs.Tab>
            <Tabs.Tab value="theirs">Their clocks</Tabs.Tab>
          </Tabs.List>
          <Switch
            label="Include clocks on track"
            checked={showOnTrack}
            onChange={(event) => onChange({ side, showOnTrack: event.currentTarget.checked })}
            pb={6}
          />
        </Group>
        <Tabs.Panel value={side} pt="md">
          <AtRiskTable
            {...table}
            clockParty={side === 'ours' ? party : OTHER[party]}
            risk={risk}
            emptyText={showOnTrack ? 'No running clocks.' : 'Nothing at risk: every clock is on track.'}
          />
        </Tabs.Panel>
      </Tabs>
      {children}
    </Stack>
  );
}
