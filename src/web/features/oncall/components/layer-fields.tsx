import {
  ActionIcon,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { errorUnder, type PointerErrors } from '../../../lib/pointer-errors.ts';
import type { Layer, TurnUnit } from '../api/schedule-types.ts';
import { RestrictionRows } from './restriction-rows.tsx';
import { RotationUsers } from './rotation-users.tsx';
import { ZoneSelect } from './zone-select.tsx';

interface LayerFieldsProps {
  layer: Layer;
  index: number;
  count: number;
  scheduleZone: string;
  options: { value: string; label: string }[];
  nameOf: (userId: string) => string;
  errors: PointerErrors;
  readOnly: boolean;
  onChange: (layer: Layer) => void;
  onRemove: () => void;
  onMove: (step: -1 | 1) => void;
}

const UNITS: { value: TurnUnit; label: string }[] = [
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
];

/** One rotation: who takes turns, how long a turn lasts, when the first starts and when it may page. */
export function LayerFields(props: LayerFieldsProps) {
  const { layer, index, count, scheduleZone, errors, readOnly, onChange } = props;
  const path = `/layers/${index}`;
  const name = layer.name || `Layer ${index + 1}`;
  return (
    <Paper withBorder radius="md" p="sm" component="fieldset" aria-label={`Layer ${index + 1}`} m={0}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h6">
            Layer {index + 1}
            {index === count - 1 && count > 1 ? ' · wins where it has someone' : ''}
          </Title>
          {!readOnly && (
            <Group gap={0}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move ${name} earlier`}
                disabled={index === 0}
                onClick={() => props.onMove(-1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move ${name} later`}
                disabled={index === count - 1}
                onClick={() => props.onMove(1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove ${name}`}
                disabled={count === 1}
                onClick={props.onRemove}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Layer name"
            value={layer.name}
            onChange={(event) => onChange({ ...layer, name: event.currentTarget.value })}
            error={errors.get(`${path}/name`)}
            readOnly={readOnly}
            w={200}
          />
          <TextInput
            type="datetime-local"
            label="First handoff"
            description={`Local time in ${layer.timeZone ?? scheduleZone}`}
            value={layer.start}
            onChange={(event) => onChange({ ...layer, start: event.currentTarget.value.slice(0, 16) })}
            error={errors.get(`${path}/start`)}
            readOnly={readOnly}
            w={260}
          />
          <NumberInput
            label="Turn length"
            min={1}
            max={1000}
            value={layer.turn.length}
            onChange={(value) => onChange({ ...layer, turn: { ...layer.turn, length: Number(value) || 1 } })}
            error={errorUnder(errors, `${path}/turn`)}
            readOnly={readOnly}
            w={110}
          />
          <Select
            label="Unit"
            data={UNITS}
            value={layer.turn.unit}
            allowDeselect={false}
            onChange={(unit) =>
              unit && onChange({ ...layer, turn: { ...layer.turn, unit: unit as TurnUnit } })
            }
            disabled={readOnly}
            w={110}
          />
        </Group>
        <RotationUsers
          users={layer.users}
          onChange={(users) => onChange({ ...layer, users })}
          options={props.options}
          nameOf={props.nameOf}
          errors={errors}
          path={`${path}/users`}
          layerName={name}
          readOnly={readOnly}
        />
        <RestrictionRows
          restrictions={layer.restrictions ?? []}
          onChange={(restrictions) => onChange({ ...layer, restrictions })}
          errors={errors}
          path={`${path}/restrictions`}
          readOnly={readOnly}
        />
        <Group gap="lg" align="flex-end">
          <Switch
            label="Off on holidays"
            checked={layer.offOnHolidays ?? false}
            onChange={(event) => onChange({ ...layer, offOnHolidays: event.currentTarget.checked })}
            disabled={readOnly}
          />
          <Switch
            label="Own time zone (follow the sun)"
            checked={layer.timeZone !== undefined}
            onChange={(event) => {
              const { timeZone: _dropped, ...rest } = layer;
              onChange(event.currentTarget.checked ? { ...rest, timeZone: scheduleZone } : rest);
            }}
            disabled={readOnly}
          />
        </Group>
        {layer.timeZone !== undefined && (
          <ZoneSelect
            label="Layer time zone"
            value={layer.timeZone}
            onChange={(timeZone) => onChange({ ...layer, timeZone })}
            error={errors.get(`${path}/timeZone`)}
            disabled={readOnly}
          />
        )}
      </Stack>
    </Paper>
  );
}
