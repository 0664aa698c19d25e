import { Anchor, Table, Text } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { formatUtc } from '../../../lib/time-format.ts';
import type { Change } from '../api/change-types.ts';
import { ChangeStateBadge, ChangeTypeBadge, LevelBadge } from './change-badges.tsx';
import { formatWindow } from './local-time.ts';

interface ChangeTableProps {
  changes: Change[] | undefined;
  hrefOf: (change: Change) => string;
  onOpen: (change: Change) => void;
  emptyText: string;
  /** Buttons at the end of each row, e.g. Approve / Reject in the approval queue. */
  actions?: ((change: Change) => ReactNode) | undefined;
}

/** One line per change: number, title, type, state, risk and its window in the viewer's zone. */
export function ChangeTable({ changes, hrefOf, onOpen, emptyText, actions }: ChangeTableProps) {
  const columns = 7 + (actions ? 1 : 0);
  function open(event: MouseEvent, change: Change) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(change);
  }
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing={6} horizontalSpacing="xs" highlightOnHover withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>Number</Table.Th>
            <Table.Th miw={200}>Title</Table.Th>
            <Table.Th miw={90}>Type</Table.Th>
            <Table.Th miw={140}>State</Table.Th>
            <Table.Th miw={80}>Risk</Table.Th>
            <Table.Th miw={90}>Impact</Table.Th>
            <Table.Th miw={170}>Window</Table.Th>
            {actions && <Table.Th miw={210}>Decision</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!changes && <TableLoadingRows columns={columns} rows={6} />}
          {changes?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {changes?.map((change) => (
            <Table.Tr key={change.id} data-change-number={change.number}>
              <Table.Td>
                <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {change.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor
                  href={hrefOf(change)}
                  onClick={(event) => open(event, change)}
                  size="sm"
                  c="inherit"
                  fw={500}
                  lineClamp={1}
                >
                  {change.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <ChangeTypeBadge type={change.type} />
              </Table.Td>
              <Table.Td>
                <ChangeStateBadge state={change.state} />
              </Table.Td>
              <Table.Td>
                <LevelBadge level={change.risk} />
              </Table.Td>
              <Table.Td>
                <LevelBadge level={change.impact} />
              </Table.Td>
              <Table.Td>
                <WindowText change={change} />
              </Table.Td>
              {actions && <Table.Td>{actions(change)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WindowText({ change }: { change: Change }) {
  if (!change.windowStart || !change.windowEnd)
    return (
      <Text size="sm" c="dimmed">
        No window yet
      </Text>
    );
  return (
    <Text size="sm" title={`${formatUtc(change.windowStart)} – ${formatUtc(change.windowEnd)}`}>
      {formatWindow(change.windowStart, change.windowEnd)}
    </Text>
  );
}
