import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../lib/api-types.ts';
import { CLOCK_KIND_LABELS } from '../../../lib/sla-clock.ts';
import type { Calendar, SlaTarget } from '../../../lib/sla-types.ts';
import { errorUnder, type PointerErrors } from './field-errors.ts';
import { MinutesInput } from './minutes-input.tsx';
import { TargetPreview } from './target-preview.tsx';
import { findTarget, setTarget, type TargetRow, targetRows } from './target-rows.ts';

interface TargetsGridProps {
  engagementId: string;
  targets: SlaTarget[];
  onChange: (targets: SlaTarget[]) => void;
  calendars: readonly Calendar[];
  errors: PointerErrors;
  readOnly: boolean;
  /** The preview line of each row: this priority, opened at this instant. */
  preview: { priority: TicketPriority; openedIso: string | null };
}

/** Rows: each party's clocks. Columns: P1–P4. A cell: the business time allowed and the calendar it counts on. */
export function TargetsGrid({
  engagementId,
  targets,
  onChange,
  calendars,
  errors,
  readOnly,
  preview,
}: TargetsGridProps) {
  const calendarOptions = calendars.map((calendar) => ({ value: calendar.id, label: calendar.name }));
  const fallback = calendars[0]?.id ?? '';
  const rowName = (row: TargetRow) =>
    `${row.party === 'provider' ? 'Provider' : 'Internal'} ${CLOCK_KIND_LABELS[row.kind].toLowerCase()}`;

  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" aria-label="Targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>Clock</Table.Th>
            {TICKET_PRIORITIES.map((priority) => (
              <Table.Th key={priority} w={166}>
                {priority}
              </Table.Th>
            ))}
            <Table.Th>Preview</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targetRows(targets).map((row) => {
            const previewTarget = targets[findTarget(targets, row, preview.priority)];
            return (
              <Table.Tr key={`${row.party}:${row.kind}`} data-row={`${row.party}:${row.kind}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <PartyBadge party={row.party} size="xs" style={{ flexShrink: 0 }} />
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {CLOCK_KIND_LABELS[row.kind]}
                    </Text>
                  </Group>
                </Table.Td>
                {TICKET_PRIORITIES.map((priority) => {
                  const index = findTarget(targets, row, priority);
                  const target = targets[index];
                  const at = `/targets/${index}`;
                  const label = `${rowName(row)}, ${priority}`;
                  const change = (next: { minutes?: number | null; calendarId?: string }) =>
                    onChange(setTarget(targets, row, priority, next, fallback));
                  return (
                    <Table.Td key={priority} style={{ verticalAlign: 'top' }}>
                      <Stack gap={4}>
                        <MinutesInput
                          label={`${label}: business time`}
                          value={target?.minutes ?? null}
                          onChange={(minutes) => change({ minutes })}
                          error={index >= 0 ? (errors.get(`${at}/minutes`) ?? errors.get(at)) : undefined}
                          readOnly={readOnly}
                        />
                        {target && (
                          <Select
                            aria-label={`${label}: calendar`}
                            size="xs"
                            w={150}
                            data={calendarOptions}
                            value={target.calendarId}
                            allowDeselect={false}
                            onChange={(calendarId) => calendarId && change({ calendarId })}
                            error={errorUnder(errors, `${at}/calendarId`)}
                            disabled={readOnly}
                          />
                        )}
                      </Stack>
                    </Table.Td>
                  );
                })}
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <TargetPreview
                    engagementId={engagementId}
                    target={previewTarget}
                    priority={preview.priority}
                    openedIso={preview.openedIso}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
