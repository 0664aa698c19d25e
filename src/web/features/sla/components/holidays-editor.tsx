import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { PointerErrors } from './field-errors.ts';

interface HolidaysEditorProps {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  errors: PointerErrors;
  readOnly: boolean;
}

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Thu, 25 Dec 2026": a holiday is a date in the calendar's zone, so it is shown as a date, not an instant. */
function formatHoliday(date: string): string {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(parsed) ? date : longDate.format(parsed);
}

/** Whole days the calendar is closed, in date order, added one at a time. */
export function HolidaysEditor({ holidays, onChange, errors, readOnly }: HolidaysEditorProps) {
  const [adding, setAdding] = useState('');
  const listError = errors.get('/holidays');
  const add = () => {
    if (!adding || holidays.includes(adding)) return;
    onChange([...holidays, adding].sort());
    setAdding('');
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Holidays
      </Text>
      {holidays.length === 0 && (
        <Text size="sm" c="dimmed">
          No holidays.
        </Text>
      )}
      <Stack
        gap={2}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Holidays"
      >
        {holidays.map((date, index) => {
          const error = errors.get(`/holidays/${index}`);
          return (
            <li key={date}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" ff="monospace" c={error ? 'red' : undefined}>
                  {date}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatHoliday(date)}
                </Text>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Remove holiday ${date}`}
                    onClick={() => onChange(holidays.filter((day) => day !== date))}
                  >
                    <IconX size={12} />
                  </ActionIcon>
                )}
              </Group>
              {error && (
                <Text size="xs" c="red" role="alert">
                  {error}
                </Text>
              )}
            </li>
          );
        })}
      </Stack>
      {listError && (
        <Text size="xs" c="red" role="alert">
          {listError}
        </Text>
      )}
      {!readOnly && (
        <Group gap={6} align="flex-end">
          <TextInput
            type="date"
            size="xs"
            aria-label="Holiday date"
            value={adding}
            onChange={(event) => setAdding(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPlus size={12} />}
            onClick={add}
            disabled={!adding}
          >
            Add holiday
          </Button>
        </Group>
      )}
    </Stack>
  );
}
