import { Button, Group, MultiSelect, Select, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { type Ref, useEffect, useState } from 'react';
import {
  type Party,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type TicketKind,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
} from '../../../lib/api-types.ts';
import { KIND_LABELS, PRIORITY_LABELS, SORT_LABELS, STATUS_LABELS } from './ticket-labels.ts';
import { hasFilters, type TicketListSearch } from './ticket-list-search.ts';

interface TicketFiltersBarProps {
  search: TicketListSearch;
  onChange: (search: TicketListSearch) => void;
  /** People who can be assignees; empty hides the assignee filter except "Me" and "Unassigned". */
  people: readonly { id: string; name: string }[];
  /** The one queue: narrow to engagements. */
  engagements?: readonly { id: string; name: string }[] | undefined;
  searchRef?: Ref<HTMLInputElement> | undefined;
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export function TicketFiltersBar({
  search,
  onChange,
  people,
  engagements,
  searchRef,
}: TicketFiltersBarProps) {
  const set = (patch: Partial<TicketListSearch>) => onChange({ ...search, ...patch, saved: undefined });
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const commitQ = useDebouncedCallback((next: string) => set({ q: next.trim() || undefined }), 300);
  const none = (values: string[]) => (values.length ? values : undefined);

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Tooltip label="Press / to search" openDelay={500}>
        <TextInput
          ref={searchRef}
          aria-label="Search tickets"
          placeholder="Search title, description, comments…"
          leftSection={<IconSearch size={14} />}
          w={280}
          size="xs"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            commitQ(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
            if (event.key === 'Enter') set({ q: event.currentTarget.value.trim() || undefined });
          }}
        />
      </Tooltip>
      {engagements && engagements.length > 1 && (
        <MultiSelect
          aria-label="Engagement"
          placeholder={search.engagementId?.length ? undefined : 'All engagements'}
          size="xs"
          w={220}
          clearable
          data={engagements.map((engagement) => ({ value: engagement.id, label: engagement.name }))}
          value={search.engagementId ?? []}
          onChange={(values) => set({ engagementId: none(values) })}
        />
      )}
      <MultiSelect
        aria-label="Status"
        placeholder={search.status?.length ? undefined : 'Status'}
        size="xs"
        w={200}
        clearable
        data={options(TICKET_STATUSES, STATUS_LABELS)}
        value={search.status ?? []}
        onChange={(values) => set({ status: none(values) as TicketStatus[] | undefined })}
      />
      <MultiSelect
        aria-label="Kind"
        placeholder={search.kind?.length ? undefined : 'Kind'}
        size="xs"
        w={160}
        clearable
        data={options(TICKET_KINDS, KIND_LABELS)}
        value={search.kind ?? []}
        onChange={(values) => set({ kind: none(values) as TicketKind[] | undefined })}
      />
      <MultiSelect
        aria-label="Priority"
        placeholder={search.priority?.length ? undefined : 'Priority'}
        size="xs"
        w={140}
        clearable
        data={options(TICKET_PRIORITIES, PRIORITY_LABELS)}
        value={search.priority ?? []}
        onChange={(values) => set({ priority: none(values) as TicketPriority[] | undefined })}
      />
      <Select
        aria-label="Owner party"
        placeholder="Owner"
        size="xs"
        w={120}
        clearable
        data={[
          { value: 'internal', label: 'Internal' },
          { value: 'provider', label: 'Provider' },
        ]}
        value={search.ownerParty ?? null}
        onChange={(value) => set({ ownerParty: (value as Party | null) ?? undefined })}
      />
      <Select
        aria-label="Assignee"
        placeholder="Assignee"
        size="xs"
        w={160}
        clearable
        searchable
        data={[
          { value: 'me', label: 'Me' },
          { value: 'none', label: 'Unassigned' },
          ...people.map((person) => ({ value: person.id, label: person.name })),
        ]}
        value={search.assigneeId ?? null}
        onChange={(value) => set({ assigneeId: value ?? undefined })}
      />
      <TagsInput
        aria-label="Tags"
        placeholder={search.tag?.length ? undefined : 'Tags'}
        size="xs"
        w={160}
        clearable
        value={search.tag ?? []}
        onChange={(values) => set({ tag: none(values.map((tag) => tag.trim()).filter(Boolean)) })}
      />
      <Select
        aria-label="Sort"
        size="xs"
        w={170}
        allowDeselect={false}
        data={options(TICKET_SORTS, SORT_LABELS)}
        value={search.sort ?? 'updated_desc'}
        onChange={(value) =>
          set({ sort: value === 'updated_desc' ? undefined : ((value as TicketSort) ?? undefined) })
        }
      />
      {hasFilters(search) && (
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => onChange({ view: search.view, sort: search.sort })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
