import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../lib/api-types.ts';

/** The filters as the page's URL holds them; `from` and `to` are local dates (YYYY-MM-DD), both included. */
export interface AuditFilters {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface AuditFiltersBarProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  actors: readonly { id: string; name: string }[];
  /** Events loaded so far, whose actions and target types become suggestions. */
  events: readonly AuditEvent[];
}

export function AuditFiltersBar({ filters, onChange, actors, events }: AuditFiltersBarProps) {
  const set = (patch: AuditFilters) => onChange({ ...filters, ...patch });
  const [action, setAction] = useDraft(filters.action, (value) => set({ action: value }));
  const [targetType, setTargetType] = useDraft(filters.targetType, (value) => set({ targetType: value }));
  const active = Object.values(filters).some(Boolean);

  return (
    <Group gap="sm" align="flex-end">
      <Autocomplete
        label="Action"
        placeholder="e.g. member.role_changed"
        leftSection={<IconSearch size={14} />}
        w={220}
        data={distinct(events.map((event) => event.action))}
        value={action}
        onChange={setAction}
      />
      <Select
        label="Actor"
        placeholder="Anyone"
        w={200}
        searchable
        clearable
        data={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        value={filters.actorId ?? null}
        onChange={(actorId) => set({ actorId: actorId ?? undefined })}
      />
      <Autocomplete
        label="Target type"
        placeholder="e.g. team"
        w={160}
        data={distinct(events.map((event) => event.targetType))}
        value={targetType}
        onChange={setTargetType}
      />
      <TextInput
        label="From"
        type="date"
        w={150}
        max={filters.to}
        value={filters.from ?? ''}
        onChange={(event) => set({ from: event.currentTarget.value || undefined })}
      />
      <TextInput
        label="To"
        type="date"
        w={150}
        min={filters.from}
        value={filters.to ?? ''}
        onChange={(event) => set({ to: event.currentTarget.value || undefined })}
      />
      {active && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({})}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}

/** A text filter that follows every keystroke on screen but reaches the URL (and the API) after a pause. */
function useDraft(value: string | undefined, commit: (value: string | undefined) => void) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const debouncedCommit = useDebouncedCallback((next: string) => commit(next.trim() || undefined), 350);
  return [
    draft,
    (next: string) => {
      setDraft(next);
      debouncedCommit(next);
    },
  ] as const;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
