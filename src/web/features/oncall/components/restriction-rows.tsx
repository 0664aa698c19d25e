import { ActionIcon, Button, Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { errorUnder, type PointerErrors } from '../../../lib/pointer-errors.ts';
import { type Restriction, WEEKDAYS, type Weekday } from '../api/schedule-types.ts';

interface RestrictionRowsProps {
  restrictions: Restriction[];
  onChange: (restrictions: Restriction[]) => void;
  errors: PointerErrors;
  /** `/layers/0/restrictions`. */
  path: string;
  readOnly: boolean;
}

const DAY_LABELS: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** Weekly windows the layer is limited to; none means always. A window from 17:00 to 08:00 runs overnight. */
export function RestrictionRows({ restrictions, onChange, errors, path, readOnly }: RestrictionRowsProps) {
  const set = (index: number, next: Restriction) =>
    onChange(restrictions.map((restriction, i) => (i === index ? next : restriction)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Restrictions
      </Text>
      {restrictions.length === 0 && (
        <Text size="xs" c="dimmed">
          None: the layer is on call around the clock.
        </Text>
      )}
      {restrictions.map((restriction, index) => {
        const at = `${path}/${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Chip.Group
                multiple
                value={restriction.days}
                onChange={(days) =>
                  set(index, { ...restriction, days: WEEKDAYS.filter((day) => days.includes(day)) })
                }
              >
                <Group gap={4} aria-label={`Restriction ${index + 1} days`} role="group">
                  {WEEKDAYS.map((day) => (
                    <Chip key={day} value={day} size="xs" disabled={readOnly}>
                      {DAY_LABELS[day]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {errorUnder(errors, `${at}/days`) && (
                <Text size="xs" c="red">
                  Days {errorUnder(errors, `${at}/days`)}
                </Text>
              )}
            </Stack>
            <TextInput
              size="xs"
              aria-label={`Restriction ${index + 1} from`}
              placeholder="HH:MM"
              value={restriction.from}
              onChange={(event) => set(index, { ...restriction, from: event.currentTarget.value })}
              error={errors.get(`${at}/from`)}
              readOnly={readOnly}
              w={96}
            />
            <Text size="xs" mt={6}>
              to
            </Text>
            <TextInput
              size="xs"
              aria-label={`Restriction ${index + 1} to`}
              placeholder="HH:MM or 24:00"
              value={restriction.to}
              onChange={(event) => set(index, { ...restriction, to: event.currentTarget.value })}
              error={errors.get(`${at}/to`)}
              readOnly={readOnly}
              w={96}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={2}
                aria-label={`Remove restriction ${index + 1}`}
                onClick={() => onChange(restrictions.filter((_, i) => i !== index))}
              >
                <IconTrash size={14} />
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
          w="fit-content"
          onClick={() =>
            onChange([
              ...restrictions,
              { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' },
            ])
          }
        >
          Add restriction
        </Button>
      )}
    </Stack>
  );
}
