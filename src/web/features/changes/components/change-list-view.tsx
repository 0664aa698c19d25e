import { Button, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import {
  CHANGE_STATES,
  CHANGE_TYPES,
  type Change,
  type ChangeState,
  type ChangeType,
} from '../api/change-types.ts';
import { useChanges } from '../api/list-changes.ts';
import { options, STATE_LABELS, TYPE_LABELS } from './change-labels.ts';
import { ChangeTable } from './change-table.tsx';
import type { ChangesSearch } from './changes-search.ts';

interface ChangeListViewProps {
  engagementId: string;
  search: ChangesSearch;
  onSearchChange: (search: ChangesSearch) => void;
  hrefOf: (change: Change) => string;
  onOpen: (change: Change) => void;
}

/** Every change of the engagement, newest first, filtered by state and type. */
export function ChangeListView({
  engagementId,
  search,
  onSearchChange,
  hrefOf,
  onOpen,
}: ChangeListViewProps) {
  const query = useChanges(engagementId, { state: search.state, type: search.type });
  const changes = query.data?.pages.flatMap((page) => page.items);
  const filtered = !!search.state?.length || !!search.type;
  const count = changes?.length ?? 0;
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <MultiSelect
          aria-label="State"
          placeholder={search.state?.length ? undefined : 'State'}
          size="xs"
          w={260}
          clearable
          data={options(CHANGE_STATES, STATE_LABELS)}
          value={search.state ?? []}
          onChange={(values) =>
            onSearchChange({ ...search, state: values.length ? (values as ChangeState[]) : undefined })
          }
        />
        <Select
          aria-label="Type"
          placeholder="Type"
          size="xs"
          w={150}
          clearable
          data={options(CHANGE_TYPES, TYPE_LABELS)}
          value={search.type ?? null}
          onChange={(value) => onSearchChange({ ...search, type: (value as ChangeType | null) ?? undefined })}
        />
        {filtered && (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            leftSection={<IconFilterOff size={14} />}
            onClick={() => onSearchChange({ ...search, state: undefined, type: undefined })}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <ChangeTable
          changes={changes}
          hrefOf={hrefOf}
          onOpen={onOpen}
          emptyText={filtered ? 'No change matches these filters.' : 'No changes yet.'}
        />
      )}
      {count > 0 && (
        <Group justify="flex-end" gap="sm">
          <Text size="sm" c="dimmed">
            {count} {count === 1 ? 'change' : 'changes'}
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
    </Stack>
  );
}
