import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { pointerErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import { utcToZonedWall, zonedWallToUtc } from '../../../lib/zoned-time.ts';
import { useAddTimeOff } from '../api/add-time-off.ts';
import { useDeleteTimeOff } from '../api/delete-time-off.ts';
import { useTimeOff } from '../api/list-time-off.ts';
import { formatRange } from './week-in-zone.ts';

interface TimeOffPanelProps {
  engagementId: string;
  range: { from: string; to: string };
  /** Where a new entry starts: the next local midnight in the week shown. */
  defaultStart: string;
  zone: string;
  /** The schedule's people, by id. */
  people: { value: string; label: string }[];
  viewerId: string;
  canOverride: boolean;
  /** Managers enter anyone's time off; staff their own. */
  canManage: boolean;
}

/** Time off this week of the schedule's people: their turns in every schedule are empty for it. */
export function TimeOffPanel(props: TimeOffPanelProps) {
  const { engagementId, range, zone, people, viewerId, canManage } = props;
  const timeOff = useTimeOff(engagementId, range);
  const remove = useDeleteTimeOff(engagementId);
  const [adding, setAdding] = useState(false);
  const ids = new Set(people.map((person) => person.value));
  const mine = (userId: string) => canManage || userId === viewerId;
  const choosable = people.filter((person) => mine(person.value));
  const items = (timeOff.data ?? []).filter((entry) => ids.has(entry.userId));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Time off this week">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Time off this week
        </Title>
        {props.canOverride && choosable.length > 0 && !adding && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            Add time off
          </Button>
        )}
      </Group>
      {items.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          Nobody on this schedule is away this week.
        </Text>
      )}
      {items.length > 0 && (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="time-off-row">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {entry.userName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatRange(entry.start, entry.end, zone)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {entry.reason}
                  </Text>
                </Table.Td>
                {props.canOverride && (
                  <Table.Td w={40}>
                    {mine(entry.userId) && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${entry.userName}'s time off`}
                        loading={remove.isPending && remove.variables === entry.id}
                        onClick={() => remove.mutate(entry.id)}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && (
        <TimeOffForm
          engagementId={engagementId}
          zone={zone}
          people={choosable}
          start={props.defaultStart}
          onDone={() => setAdding(false)}
        />
      )}
    </Paper>
  );
}

interface TimeOffFormProps {
  engagementId: string;
  zone: string;
  people: { value: string; label: string }[];
  start: string;
  onDone: () => void;
}

function TimeOffForm({ engagementId, zone, people, start, onDone }: TimeOffFormProps) {
  const add = useAddTimeOff(engagementId);
  const [userId, setUserId] = useState<string | null>(
    people.length === 1 ? (people[0]?.value ?? null) : null,
  );
  const [from, setFrom] = useState(() => utcToZonedWall(start, zone));
  const [until, setUntil] = useState(() =>
    utcToZonedWall(new Date(Date.parse(start) + 86_400_000).toISOString(), zone),
  );
  const [reason, setReason] = useState('');
  const errors = pointerErrors(add.error);
  return (
    <form
      aria-label="New time off"
      onSubmit={(event) => {
        event.preventDefault();
        const startIso = zonedWallToUtc(from, zone);
        const endIso = zonedWallToUtc(until, zone);
        if (!userId || !startIso || !endIso) return;
        add.mutate(
          { userId, start: startIso, end: endIso, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs" mt="xs">
        <Group grow gap="xs" align="flex-start">
          <Select
            label="Who"
            data={people}
            value={userId}
            onChange={setUserId}
            error={errors.get('/userId')}
            required
          />
          <TextInput
            label="Reason"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </Group>
        <Group grow gap="xs" align="flex-start">
          <TextInput
            type="datetime-local"
            label="From"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={errors.get('/start')}
            required
          />
          <TextInput
            type="datetime-local"
            label="Until"
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={errors.get('/end')}
            required
          />
        </Group>
        {add.isError && errors.size === 0 && (
          <Alert color="red" variant="light" p="xs" role="alert">
            {describeError(add.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={add.isPending}>
            Add time off
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
