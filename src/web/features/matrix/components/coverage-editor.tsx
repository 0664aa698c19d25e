import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { PARTY_LABELS, type Party } from '../../../lib/api-types.ts';
import {
  type CalendarRef,
  type CoverageRule,
  type CoverageWhen,
  type ScheduleRef,
  type TeamRef,
  TRACKS,
  type Track,
} from '../api/matrix-types.ts';
import { messageUnder } from './matrix-edits.ts';
import { PARTY_OPTIONS, teamOptions } from './raci-editor.tsx';

const WHEN_OPTIONS: { value: CoverageWhen; label: string }[] = [
  { value: 'business_hours', label: 'In business hours' },
  { value: 'after_hours', label: 'After hours' },
  { value: 'always', label: 'Always' },
];

const TRACK_LABELS: Record<Track, string> = {
  security: 'Security schedule',
  operations: 'Operations schedule',
};

interface CoverageEditorProps {
  coverage: CoverageRule[];
  onChange: (coverage: CoverageRule[]) => void;
  teams: readonly TeamRef[];
  calendars: readonly CalendarRef[];
  schedules: readonly ScheduleRef[];
  errors: ReadonlyMap<string, string>;
  readOnly: boolean;
}

/** Who covers the cell when, and the schedule each track pages; the first rule that applies wins. */
export function CoverageEditor(props: CoverageEditorProps) {
  const { coverage, onChange, teams, calendars, schedules, errors, readOnly } = props;
  const set = (index: number, next: Partial<CoverageRule>) =>
    onChange(coverage.map((rule, i) => (i === index ? { ...rule, ...next } : rule)));
  const whole = errors.get('/coverage');
  const firstCalendar = calendars[0]?.id ?? null;

  return (
    <Stack gap="xs">
      {whole && (
        <Text size="sm" c="red.7" role="alert">
          {whole}
        </Text>
      )}
      {coverage.length === 0 && (
        <Text size="sm" c="dimmed">
          No rules: the Accountable party owns the work at every hour, and nobody is paged.
        </Text>
      )}
      {coverage.map((rule, index) => {
        const at = `/coverage/${index}`;
        const name = `Rule ${index + 1}`;
        const trackOptions = (track: Track) => [
          { value: '', label: `No ${track} schedule` },
          ...schedules
            .filter((schedule) => schedule.track === track)
            .map((schedule) => ({
              value: schedule.id,
              label: `${schedule.name} (${PARTY_LABELS[schedule.party]})`,
            })),
        ];
        return (
          <Paper
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are ordered and have no identity of their own
            key={index}
            withBorder
            p="xs"
            radius="sm"
            data-testid="coverage-rule"
            role="group"
            aria-label={name}
          >
            <Stack gap={6}>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <Text size="xs" fw={600} c="dimmed" w={44} pb={6}>
                  {name}
                </Text>
                <Select
                  size="xs"
                  w={150}
                  label="When"
                  data={WHEN_OPTIONS}
                  value={rule.when}
                  allowDeselect={false}
                  onChange={(when) =>
                    when &&
                    set(index, {
                      when: when as CoverageWhen,
                      calendarId: when === 'always' ? null : (rule.calendarId ?? firstCalendar),
                    })
                  }
                  disabled={readOnly}
                />
                <Select
                  size="xs"
                  style={{ flex: 1 }}
                  label="Calendar"
                  placeholder={rule.when === 'always' ? 'Not needed' : 'Pick a calendar'}
                  data={calendars.map((calendar) => ({ value: calendar.id, label: calendar.name }))}
                  value={rule.calendarId}
                  allowDeselect={false}
                  onChange={(calendarId) => set(index, { calendarId })}
                  disabled={readOnly || rule.when === 'always'}
                  error={messageUnder(errors, `${at}/calendarId`)}
                />
                {!readOnly && (
                  <Group gap={2} wrap="nowrap" pb={2}>
                    <Tooltip label="Move up: earlier rules win">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Move ${name} up`}
                        disabled={index === 0}
                        onClick={() => onChange(moved(coverage, index))}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Remove">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove ${name}`}
                        onClick={() => onChange(coverage.filter((_, i) => i !== index))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
              <Group gap="xs" wrap="nowrap" pl={52}>
                <Select
                  size="xs"
                  w={120}
                  label="Party"
                  data={PARTY_OPTIONS}
                  value={rule.party}
                  allowDeselect={false}
                  onChange={(party) => party && set(index, { party: party as Party, teamId: null })}
                  disabled={readOnly}
                />
                <Select
                  size="xs"
                  style={{ flex: 1 }}
                  label="Team"
                  data={teamOptions(teams, rule.party)}
                  value={rule.teamId ?? ''}
                  allowDeselect={false}
                  onChange={(teamId) => set(index, { teamId: teamId || null })}
                  disabled={readOnly}
                  error={messageUnder(errors, `${at}/teamId`)}
                />
              </Group>
              <Group gap="xs" wrap="nowrap" pl={52}>
                {TRACKS.map((track) => (
                  <Select
                    key={track}
                    size="xs"
                    style={{ flex: 1 }}
                    label={TRACK_LABELS[track]}
                    data={trackOptions(track)}
                    value={rule.schedules[track] ?? ''}
                    allowDeselect={false}
                    onChange={(id) => set(index, { schedules: withSchedule(rule.schedules, track, id) })}
                    disabled={readOnly}
                    error={messageUnder(errors, `${at}/schedules/${track}`)}
                  />
                ))}
              </Group>
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...coverage, nextRule(coverage, firstCalendar)])}
          >
            Add coverage rule
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function withSchedule(schedules: CoverageRule['schedules'], track: Track, id: string | null) {
  const next = { ...schedules };
  if (id) next[track] = id;
  else delete next[track];
  return next;
}

function moved(coverage: CoverageRule[], index: number): CoverageRule[] {
  const next = [...coverage];
  [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
  return next;
}

/** The usual split: internal in business hours first, then the provider after hours. */
function nextRule(coverage: CoverageRule[], calendarId: string | null): CoverageRule {
  const first = coverage.length === 0;
  return {
    when: calendarId ? (first ? 'business_hours' : 'after_hours') : 'always',
    calendarId,
    party: first ? 'internal' : 'provider',
    teamId: null,
    schedules: {},
  };
}
