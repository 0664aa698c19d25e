import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { describeError, isApiError } from '../../../lib/problem.ts';
import type { Calendar, CalendarInput } from '../../../lib/sla-types.ts';
import { browserZone } from '../../../lib/time-format.ts';
import { useCreateCalendar } from '../api/create-calendar.ts';
import { useUpdateCalendar } from '../api/update-calendar.ts';
import { CalendarPreview } from './calendar-preview.tsx';
import { pointerErrors, unplacedErrors } from './field-errors.ts';
import { HolidaysEditor } from './holidays-editor.tsx';
import { TimeZoneSelect } from './time-zone-select.tsx';
import { WeeklyHoursEditor } from './weekly-hours-editor.tsx';

const OFFICE_DAY: [string, string][] = [['09:00', '17:00']];

/** A new calendar starts as Monday to Friday, 09:00–17:00, in the browser's zone. */
function blankCalendar(): CalendarInput {
  const weekday = () => OFFICE_DAY.map(([from, until]) => [from, until] as [string, string]);
  return {
    name: '',
    timeZone: browserZone(),
    hours: {
      mon: weekday(),
      tue: weekday(),
      wed: weekday(),
      thu: weekday(),
      fri: weekday(),
      sat: [],
      sun: [],
    },
    holidays: [],
  };
}

function inputOf(calendar: Calendar): CalendarInput {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    hours: calendar.hours,
    holidays: calendar.holidays,
  };
}

interface CalendarFormProps {
  engagementId: string;
  /** null: a new calendar. */
  calendar: Calendar | null;
  canManage: boolean;
  onSaved: (calendar: Calendar) => void;
}

/** A calendar's name, zone, weekly hours and holidays; each server complaint shows beside its input. */
export function CalendarForm({ engagementId, calendar, canManage, onSaved }: CalendarFormProps) {
  const saved = calendar ? inputOf(calendar) : blankCalendar();
  const [draft, setDraft] = useState<CalendarInput>(saved);
  const create = useCreateCalendar(engagementId);
  const update = useUpdateCalendar(engagementId, calendar?.id ?? '');
  const save = calendar ? update : create;
  const errors = pointerErrors(save.error);
  // The one conflict a save can meet is a name already taken: say so beside the name.
  const nameTaken = isApiError(save.error, 409) ? describeError(save.error) : undefined;
  const general = unplacedErrors(errors, ['/name', '/timeZone', '/hours', '/holidays']);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const readOnly = !canManage;

  function submit() {
    save.mutate({ ...draft, name: draft.name.trim() }, { onSuccess: (result) => onSaved(result) });
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={calendar ? `Calendar ${calendar.name}` : 'New calendar'}
        >
          <Stack gap="md">
            <TextInput
              label="Name"
              placeholder="Harborline business hours"
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              error={errors.get('/name') ?? nameTaken}
              readOnly={readOnly}
              maw={420}
              data-autofocus
            />
            <TimeZoneSelect
              value={draft.timeZone}
              onChange={(timeZone) => setDraft({ ...draft, timeZone })}
              error={errors.get('/timeZone')}
              disabled={readOnly}
            />
            <WeeklyHoursEditor
              hours={draft.hours}
              onChange={(hours) => setDraft({ ...draft, hours })}
              errors={errors}
              readOnly={readOnly}
            />
            <HolidaysEditor
              holidays={draft.holidays}
              onChange={(holidays) => setDraft({ ...draft, holidays })}
              errors={errors}
              readOnly={readOnly}
            />
            {save.isError && !nameTaken && (
              <Alert color="red" variant="light" title={describeError(save.error)} role="alert">
                {general.length > 0 && general.join('; ')}
              </Alert>
            )}
            {canManage && (
              <Group>
                <Button type="submit" loading={save.isPending} disabled={calendar !== null && !dirty}>
                  {calendar ? 'Save calendar' : 'Create calendar'}
                </Button>
                {calendar && dirty && (
                  <Button variant="default" onClick={() => setDraft(saved)}>
                    Discard changes
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      {calendar && <CalendarPreview engagementId={engagementId} calendar={calendar} dirty={dirty} />}
    </Stack>
  );
}
