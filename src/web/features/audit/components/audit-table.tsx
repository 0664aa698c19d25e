import { Table, Text } from '@mantine/core';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import type { AuditEvent } from '../../../lib/api-types.ts';
import { AUDIT_COLUMNS, AuditEventRow } from './audit-event-row.tsx';

interface AuditTableProps {
  events: readonly AuditEvent[] | undefined;
  filtered: boolean;
  targetNames: ReadonlyMap<string, string>;
}

export function AuditTable({ events, filtered, targetNames }: AuditTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={6} withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} aria-label="Details" />
            <Table.Th w={70}>Seq</Table.Th>
            <Table.Th w={190}>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th w={100}>Party</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!events && <TableLoadingRows columns={AUDIT_COLUMNS} rows={6} />}
          {events?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={AUDIT_COLUMNS}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {events?.map((event) => (
            <AuditEventRow key={event.seq} event={event} targetNames={targetNames} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
