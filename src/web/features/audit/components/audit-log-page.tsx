import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { browserZone } from '../../../lib/time-format.ts';
import { type AuditQuery, useAuditEvents } from '../api/list-audit-events.ts';
import { type AuditFilters, AuditFiltersBar } from './audit-filters-bar.tsx';
import { AuditTable } from './audit-table.tsx';

interface AuditLogPageProps {
  engagementId: string;
  /** From the engagement's `allowedActions` (`audit.read`). */
  canRead: boolean;
  filters: AuditFilters;
  onFiltersChange: (filters: AuditFilters) => void;
  /** People who can appear as actors, for the actor filter. */
  actors: readonly { id: string; name: string }[];
  /** Names of records the page knows (members, teams), shown for targets that carry only an id. */
  targetNames: ReadonlyMap<string, string>;
}

/** Every change in the engagement, who made it and for which party, newest first. */
export function AuditLogPage({ canRead, ...log }: AuditLogPageProps) {
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change to this engagement: who, for which party, when, and what it was before and after. ${zoneNote()}`}
      />
      {canRead ? (
        <AuditLog {...log} />
      ) : (
        <Alert icon={<IconLock size={18} />} color="gray" variant="light" title="Not available to your role">
          Reading the audit log takes a role with audit access in this engagement. Ask a manager of your
          party.
        </Alert>
      )}
    </>
  );
}

function AuditLog({
  engagementId,
  filters,
  onFiltersChange,
  actors,
  targetNames,
}: Omit<AuditLogPageProps, 'canRead'>) {
  const events = useAuditEvents(engagementId, toAuditQuery(filters));
  const items = events.data?.pages.flatMap((page) => page.items);

  return (
    <Stack gap="sm">
      <AuditFiltersBar filters={filters} onChange={onFiltersChange} actors={actors} events={items ?? []} />
      {events.isError ? (
        <QueryErrorAlert error={events.error} onRetry={() => events.refetch()} />
      ) : (
        <AuditTable
          events={items}
          filtered={Object.values(filters).some(Boolean)}
          targetNames={targetNames}
        />
      )}
      {items && items.length > 0 && (
        <Group justify="center" gap="md" py="xs">
          <Text size="sm" c="dimmed">
            {items.length} {items.length === 1 ? 'event' : 'events'}
            {events.hasNextPage ? ' shown' : ', the whole log for these filters'}
          </Text>
          {events.hasNextPage && (
            <Button
              variant="default"
              loading={events.isFetchingNextPage}
              onClick={() => events.fetchNextPage()}
            >
              Load more
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function zoneNote(): string {
  const zone = browserZone();
  return zone === 'UTC' || zone === 'Etc/UTC' ? 'Times in UTC.' : `Times in ${zone}; hover a time for UTC.`;
}

/** Dates in the filters are whole local days; the API takes instants, `until` exclusive of the next day. */
function toAuditQuery(filters: AuditFilters): AuditQuery {
  return {
    action: filters.action,
    actorId: filters.actorId,
    targetType: filters.targetType,
    since: filters.from ? localMidnight(filters.from, 0) : undefined,
    until: filters.to ? localMidnight(filters.to, 1) : undefined,
  };
}

function localMidnight(day: string, plusDays: number): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return undefined;
  return new Date(year, month - 1, date + plusDays).toISOString();
}
