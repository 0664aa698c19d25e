import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { pointerErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import { utcToZonedWall, zonedWallToUtc } from '../../../lib/zoned-time.ts';
import { useCreateOverride } from '../api/create-override.ts';
import type { Override } from '../api/schedule-types.ts';

interface OverrideFormProps {
  engagementId: string;
  scheduleId: string;
  zone: string;
  /** Who may cover: the schedule's party's staff. */
  people: { value: string; label: string }[];
  /** The span chosen (by a drag, or a default), epoch ms. */
  start: number;
  end: number;
  onDone: (override: Override | null) => void;
}

/** Who covers a span, and the span itself to adjust: read on the schedule's wall clock. */
export function OverrideForm({
  engagementId,
  scheduleId,
  zone,
  people,
  start,
  end,
  onDone,
}: OverrideFormProps) {
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState(() => utcToZonedWall(new Date(start).toISOString(), zone));
  const [until, setUntil] = useState(() => utcToZonedWall(new Date(end).toISOString(), zone));
  const [missing, setMissing] = useState<string | null>(null);
  const create = useCreateOverride(engagementId, scheduleId);
  const errors = pointerErrors(create.error);

  function submit() {
    const startIso = zonedWallToUtc(from, zone);
    const endIso = zonedWallToUtc(until, zone);
    if (!userId) return setMissing('Choose who covers');
    if (!startIso || !endIso) return setMissing('Give a start and an end');
    setMissing(null);
    create.mutate({ userId, start: startIso, end: endIso }, { onSuccess: (override) => onDone(override) });
  }

  return (
    <form
      aria-label="New override"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Select
          label="Who covers"
          placeholder="Pick a person"
          data={people}
          value={userId}
          onChange={setUserId}
          searchable
          error={errors.get('/userId') ?? (missing === 'Choose who covers' ? missing : undefined)}
          comboboxProps={{ withinPortal: false }}
          // The popover focuses this first; a list popping open would hide the span below it.
          openOnFocus={false}
          data-autofocus
        />
        <Group grow gap="xs">
          <TextInput
            type="datetime-local"
            label="From"
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={errors.get('/start')}
          />
          <TextInput
            type="datetime-local"
            label="Until"
            value={until}
            onChange={(event) => setUntil(event.currentTarget.value)}
            error={errors.get('/end')}
          />
        </Group>
        {missing && missing !== 'Choose who covers' && (
          <Alert color="red" variant="light" p="xs">
            {missing}
          </Alert>
        )}
        {create.isError && errors.size === 0 && (
          <Alert color="red" variant="light" p="xs" role="alert">
            {describeError(create.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={() => onDone(null)}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={create.isPending}>
            Add override
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
