import { Alert, Button, Group, Input, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PARTY_LABELS, type Party } from '../../../lib/api-types.ts';
import { pointerErrors, unplacedErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import { useCreateSchedule } from '../api/create-schedule.ts';
import type { Schedule, ScheduleInput, Track } from '../api/schedule-types.ts';
import { TRACK_LABELS, TRACKS } from '../api/schedule-types.ts';
import { useUpdateSchedule } from '../api/update-schedule.ts';
import { type OncallDirectory, staffOptions } from './directory.ts';
import { LayerFields } from './layer-fields.tsx';
import { blankLayer, blankSchedule, bodyOf, inputOf, swapped, without } from './schedule-draft.ts';
import { ZoneSelect } from './zone-select.tsx';

interface ScheduleFormProps {
  engagementId: string;
  /** null: a new schedule. */
  schedule: Schedule | null;
  /** A new schedule's party: the viewer's. */
  defaultParty: Party;
  directory: OncallDirectory;
  onSaved: (schedule: Schedule) => void;
  onCancel: () => void;
}

const TOP_FIELDS = ['/name', '/timeZone', '/track', '/party', '/teamId', '/holidayCalendarId'];
/** Layer fields with an input of their own; anything else under a layer goes in the alert. */
const LAYER_FIELD = /^\/layers\/\d+\/(name|start|turn|users|restrictions|timeZone)(\/|$)/;

/** A schedule's settings and layers; each server complaint shows beside the input it is about. */
export function ScheduleForm(props: ScheduleFormProps) {
  const { engagementId, schedule, directory } = props;
  const [draft, setDraft] = useState<ScheduleInput>(() =>
    schedule ? inputOf(schedule) : blankSchedule(props.defaultParty),
  );
  const create = useCreateSchedule(engagementId);
  const update = useUpdateSchedule(engagementId, schedule?.id ?? '');
  const save = schedule ? update : create;
  const errors = pointerErrors(save.error);
  const general = unplacedErrors(errors, (path) => TOP_FIELDS.includes(path) || LAYER_FIELD.test(path));
  const names = new Map(directory.members.map((member) => [member.userId, member.name]));
  const nameOf = (userId: string) => names.get(userId) ?? 'someone no longer here';
  const options = staffOptions(directory, draft.party);
  const teams = directory.teams.filter((team) => team.party === draft.party);

  function setParty(party: Party) {
    const keepTeam = directory.teams.some((team) => team.id === draft.teamId && team.party === party);
    setDraft({ ...draft, party, teamId: keepTeam ? draft.teamId : null });
  }

  return (
    <form
      aria-label={schedule ? `Schedule ${schedule.name}` : 'New schedule'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(bodyOf(draft), { onSuccess: props.onSaved });
      }}
    >
      <Stack gap="md">
        <Group align="flex-start" gap="md">
          <TextInput
            label="Name"
            placeholder="NOC on-call"
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
            error={errors.get('/name')}
            w={300}
            data-autofocus
          />
          <ZoneSelect
            label="Time zone"
            description="Handoffs and restrictions are read on this wall clock."
            value={draft.timeZone}
            onChange={(timeZone) => setDraft({ ...draft, timeZone })}
            error={errors.get('/timeZone')}
          />
        </Group>
        <Group align="flex-start" gap="md">
          <Input.Wrapper label="Track" error={errors.get('/track')}>
            <SegmentedControl
              display="flex"
              aria-label="Track"
              data={TRACKS.map((track) => ({ value: track, label: TRACK_LABELS[track] }))}
              value={draft.track}
              onChange={(track) => setDraft({ ...draft, track: track as Track })}
            />
          </Input.Wrapper>
          <Input.Wrapper label="Party" error={errors.get('/party')}>
            <SegmentedControl
              display="flex"
              aria-label="Party"
              data={(['internal', 'provider'] as const).map((party) => ({
                value: party,
                label: PARTY_LABELS[party],
              }))}
              value={draft.party}
              onChange={(party) => setParty(party as Party)}
            />
          </Input.Wrapper>
        </Group>
        <Group align="flex-start" gap="md">
          <Select
            label="Team"
            placeholder="No team"
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={draft.teamId}
            onChange={(teamId) => setDraft({ ...draft, teamId })}
            clearable
            error={errors.get('/teamId')}
            w={300}
          />
          <Select
            label="Holiday calendar"
            description="Layers that are off on holidays skip this calendar's."
            placeholder="No holidays"
            data={directory.calendars.map((calendar) => ({ value: calendar.id, label: calendar.name }))}
            value={draft.holidayCalendarId}
            onChange={(holidayCalendarId) => setDraft({ ...draft, holidayCalendarId })}
            clearable
            error={errors.get('/holidayCalendarId')}
            w={300}
          />
        </Group>
        <Input.Wrapper
          label="Layers"
          description="Each layer is a rotation; a later layer wins wherever it has someone on call."
          error={errors.get('/layers')}
        >
          <Stack gap="sm" mt={6}>
            {draft.layers.map((layer, index) => (
              <LayerFields
                // biome-ignore lint/suspicious/noArrayIndexKey: a layer's place is its identity in the draft
                key={index}
                layer={layer}
                index={index}
                count={draft.layers.length}
                scheduleZone={draft.timeZone}
                options={options}
                nameOf={nameOf}
                errors={errors}
                readOnly={false}
                onChange={(next) =>
                  setDraft({ ...draft, layers: draft.layers.map((l, i) => (i === index ? next : l)) })
                }
                onRemove={() => setDraft({ ...draft, layers: without(draft.layers, index) })}
                onMove={(step) => setDraft({ ...draft, layers: swapped(draft.layers, index, index + step) })}
              />
            ))}
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                setDraft({
                  ...draft,
                  layers: [...draft.layers, blankLayer(draft.timeZone, draft.layers.length)],
                })
              }
            >
              Add layer
            </Button>
          </Stack>
        </Input.Wrapper>
        {save.isError && (
          <Alert color="red" variant="light" title={describeError(save.error)} role="alert">
            {general.length > 0 ? general.join('; ') : 'See the fields marked in red.'}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {schedule ? 'Save schedule' : 'Create schedule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
