import { ActionIcon, Button, Group, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { PARTY_LABELS, type Party } from '../../../lib/api-types.ts';
import { RACI_LABELS, RACI_ROLES, type Raci, type RaciEntry, type TeamRef } from '../api/matrix-types.ts';
import { messageUnder } from './matrix-edits.ts';

interface RaciEditorProps {
  raci: RaciEntry[];
  onChange: (raci: RaciEntry[]) => void;
  teams: readonly TeamRef[];
  /** Within-cell pointers: `/raci`, `/raci/1/teamId`. */
  errors: ReadonlyMap<string, string>;
  readOnly: boolean;
}

export const PARTY_OPTIONS = (['internal', 'provider'] as const).map((party) => ({
  value: party,
  label: PARTY_LABELS[party],
}));

/** "Whole party" and the teams of that party; a team of the other party is never offered. */
export function teamOptions(teams: readonly TeamRef[], party: Party) {
  return [
    { value: '', label: `Whole ${PARTY_LABELS[party].toLowerCase()} party` },
    ...teams.filter((team) => team.party === party).map((team) => ({ value: team.id, label: team.name })),
  ];
}

/** Who is Accountable, Responsible, Consulted and Informed: one row per party (or team) and role. */
export function RaciEditor({ raci, onChange, teams, errors, readOnly }: RaciEditorProps) {
  const set = (index: number, next: Partial<RaciEntry>) =>
    onChange(raci.map((entry, i) => (i === index ? { ...entry, ...next } : entry)));
  const whole = errors.get('/raci');
  return (
    <Stack gap={6} data-testid="raci-editor">
      {whole && (
        <Text size="sm" c="red.7" role="alert">
          {whole}
        </Text>
      )}
      {raci.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody yet. An active cell needs exactly one Accountable and at least one Responsible.
        </Text>
      )}
      {raci.map((entry, index) => {
        const error = messageUnder(errors, `/raci/${index}`);
        const row = `RACI entry ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity of their own
          <Stack key={index} gap={2} data-testid="raci-row">
            <Group gap="xs" wrap="nowrap" align="center">
              <SegmentedControl
                size="xs"
                aria-label={`${row} role`}
                data={RACI_ROLES.map((role) => ({ value: role, label: role }))}
                value={entry.role}
                onChange={(role) => set(index, { role: role as Raci })}
                disabled={readOnly}
              />
              <Select
                size="xs"
                w={120}
                aria-label={`${row} party`}
                data={PARTY_OPTIONS}
                value={entry.party}
                allowDeselect={false}
                onChange={(party) => party && set(index, { party: party as Party, teamId: null })}
                disabled={readOnly}
              />
              <Select
                size="xs"
                style={{ flex: 1 }}
                aria-label={`${row} team`}
                data={teamOptions(teams, entry.party)}
                value={entry.teamId ?? ''}
                allowDeselect={false}
                onChange={(teamId) => set(index, { teamId: teamId || null })}
                disabled={readOnly}
                error={!!error}
              />
              <Text size="xs" c="dimmed" w={86}>
                {RACI_LABELS[entry.role]}
              </Text>
              {!readOnly && (
                <Tooltip label="Remove">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${row}`}
                    onClick={() => onChange(raci.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            {error && (
              <Text size="xs" c="red.7">
                {error}
              </Text>
            )}
          </Stack>
        );
      })}
      {!readOnly && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              onChange([
                ...raci,
                {
                  party: 'internal',
                  teamId: null,
                  role: raci.some((e) => e.role === 'A') ? 'R' : 'A',
                },
              ])
            }
          >
            Add RACI entry
          </Button>
        </Group>
      )}
    </Stack>
  );
}
