import { Button, Group, Kbd, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Page, Ticket } from '../../../lib/api-types.ts';
import type { TicketListSearch } from './ticket-list-search.ts';
import classes from './tickets.module.css';
import { ViewsSidebar } from './views-sidebar.tsx';

interface TicketListFrameProps {
  search: TicketListSearch;
  onSearchChange: (search: TicketListSearch) => void;
  engagementId: string | null;
  query: UseInfiniteQueryResult<InfiniteData<Page<Ticket>>>;
  filters: ReactNode;
  bulkBar?: ReactNode;
  children: ReactNode;
}

/** Views on the left; filters, the table and "Load more" on the right. */
export function TicketListFrame({
  search,
  onSearchChange,
  engagementId,
  query,
  filters,
  bulkBar,
  children,
}: TicketListFrameProps) {
  const count = query.data?.pages.reduce((sum, page) => sum + page.items.length, 0) ?? 0;
  return (
    <div className={classes.layout}>
      <ViewsSidebar search={search} onChange={onSearchChange} engagementId={engagementId} />
      <Stack gap="sm" miw={0}>
        {filters}
        {bulkBar}
        {query.isError ? <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} /> : children}
        <Group justify="space-between" gap="md" py="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> move · <Kbd size="xs">Enter</Kbd> open ·{' '}
            <Kbd size="xs">c</Kbd> create · <Kbd size="xs">/</Kbd> search
          </Text>
          {query.data && count > 0 && (
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {count} {count === 1 ? 'ticket' : 'tickets'}
                {query.hasNextPage ? ' shown' : ''}
              </Text>
              {query.hasNextPage && (
                <Button
                  variant="default"
                  size="xs"
                  loading={query.isFetchingNextPage}
                  onClick={() => query.fetchNextPage()}
                >
                  Load more
                </Button>
              )}
            </Group>
          )}
        </Group>
      </Stack>
    </div>
  );
}
