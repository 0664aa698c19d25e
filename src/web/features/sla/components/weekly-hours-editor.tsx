import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { WEEKDAYS, type Weekday, type WeeklyHours } from '../../../lib/sla-types.ts';
import { errorUnder, type PointerErrors } from './field-errors.ts';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

interface WeeklyHoursEditorProps {
  hours: WeeklyHours;
  onChange: (hours: WeeklyHours) => void;
  errors: PointerErrors;
  readOnly: boolean;
}

/** One row per weekday, each with its open intervals; a day without intervals is closed. */
export function WeeklyHoursEditor({ hours, onChange, errors, readOnly }: WeeklyHoursEditorProps) {
  const setDay = (day: Weekday, intervals: [string, string][]) => onChange({ ...hours, [day]: intervals });
  const copyToWeekdays = () => {
    const monday = hours.mon.map(([from, until]) => [from, until] as [string, string]);
    onChange({ ...hours, tue: monday, wed: monday, thu: monday, fri: monday });
  };
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Open hours
        </Text>
        {!readOnly && (
          <Button variant="subtle" size="compact-xs" onClick={copyToWeekdays}>
            Copy Monday to Tuesday–Friday
          </Button>
        )}
      </Group>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {WEEKDAYS.map((day) => (
            <Table.Tr key={day} data-day={day}>
              <Table.Td w={110} style={{ verticalAlign: 'top', paddingTop: 9 }}>
                {DAY_NAMES[day]}
              </Table.Td>
              <Table.Td>
                <DayIntervals
                  day={day}
                  intervals={hours[day]}
                  onChange={(intervals) => setDay(day, intervals)}
                  errors={errors}
                  readOnly={readOnly}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

interface DayIntervalsProps {
  day: Weekday;
  intervals: [string, string][];
  onChange: (intervals: [string, string][]) => void;
  errors: PointerErrors;
  readOnly: boolean;
}

function DayIntervals({ day, intervals, onChange, errors, readOnly }: DayIntervalsProps) {
  const set = (index: number, end: 0 | 1, value: string) =>
    onChange(
      intervals.map((interval, i) =>
        i === index ? (end === 0 ? [value, interval[1]] : [interval[0], value]) : interval,
      ),
    );
  // A first interval gets the usual office day; a further one is left for the person to fill in.
  const add = () => onChange([...intervals, intervals.length ? ['', ''] : ['09:00', '17:00']]);
  const problems = [
    errors.get(`/hours/${day}`),
    ...intervals.map((_, index) => {
      const error = errorUnder(errors, `/hours/${day}/${index}`);
      return error && intervals.length > 1 ? `Interval ${index + 1}: ${error}` : error;
    }),
  ].filter(Boolean);

  return (
    <Stack gap={2}>
      <Group gap="md" wrap="wrap">
        {intervals.length === 0 && (
          <Text size="sm" c="dimmed" w={60}>
            Closed
          </Text>
        )}
        {intervals.map(([from, until], index) => {
          const at = `/hours/${day}/${index}`;
          const name = `${DAY_NAMES[day]} interval ${index + 1}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place in the day
            <Group key={index} gap={4} wrap="nowrap">
              <TimeField
                label={`${name} opens`}
                value={from}
                onChange={(value) => set(index, 0, value)}
                error={!!errors.get(`${at}/0`) || !!errors.get(at)}
                readOnly={readOnly}
              />
              <Text size="sm" c="dimmed">
                –
              </Text>
              <TimeField
                label={`${name} closes`}
                value={until}
                onChange={(value) => set(index, 1, value)}
                error={!!errors.get(`${at}/1`) || !!errors.get(at)}
                readOnly={readOnly}
              />
              {!readOnly && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Remove ${name}`}
                  onClick={() => onChange(intervals.filter((_, i) => i !== index))}
                >
                  <IconX size={12} />
                </ActionIcon>
              )}
            </Group>
          );
        })}
        {!readOnly && (
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={12} />}
            onClick={add}
            aria-label={`Add an interval on ${DAY_NAMES[day]}`}
          >
            Add
          </Button>
        )}
      </Group>
      {problems.map((problem) => (
        <Text key={problem} size="xs" c="red" role="alert">
          {problem}
        </Text>
      ))}
    </Stack>
  );
}

interface TimeFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: boolean;
  readOnly: boolean;
}

/** HH:MM as text: a native time input cannot say 24:00, the end of a day open until midnight. */
function TimeField({ label, value, onChange, error, readOnly }: TimeFieldProps) {
  return (
    <TextInput
      aria-label={label}
      size="xs"
      w={72}
      maxLength={5}
      placeholder="09:00"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      readOnly={readOnly}
      ff="monospace"
    />
  );
}
