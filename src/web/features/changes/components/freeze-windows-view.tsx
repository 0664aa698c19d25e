import { ActionIcon, Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { browserZone, formatUtc } from '../../../lib/time-format.ts';
import type { FreezeWindow } from '../api/change-types.ts';
import { useCreateFreezeWindow } from '../api/create-freeze-window.ts';
import { useDeleteFreezeWindow } from '../api/delete-freeze-window.ts';
import { useFreezeWindows } from '../api/list-freeze-windows.ts';
import { formatWindow, fromLocalInput } from './local-time.ts';

interface FreezeWindowsViewProps {
  engagementId: string;
  /** `freeze.manage`: may add and delete. */
  canManage: boolean;
}

/** Periods in which no change may be scheduled, e.g. the year-end freeze. */
export function FreezeWindowsView({ engagementId, canManage }: FreezeWindowsViewProps) {
  const windows = useFreezeWindows(engagementId);
  const remove = useDeleteFreezeWindow(engagementId);
  const [deleting, setDeleting] = useState<FreezeWindow | null>(null);
  const columns = canManage ? 4 : 3;
  const sorted = windows.data
    ? [...windows.data].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    : undefined;

  return (
    <Stack gap="md">
      {canManage && <AddFreezeWindowForm engagementId={engagementId} />}
      {windows.isError ? (
        <QueryErrorAlert error={windows.error} onRetry={() => windows.refetch()} />
      ) : (
        <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="freeze-windows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>Name</Table.Th>
              <Table.Th w={360}>When ({browserZone()})</Table.Th>
              <Table.Th>Reason</Table.Th>
              {canManage && <Table.Th w={48} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!sorted && <TableLoadingRows columns={columns} rows={3} />}
            {sorted?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    No freeze windows: changes may be scheduled at any time.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {sorted?.map((window) => (
              <Table.Tr key={window.id}>
                <Table.Td fw={500}>{window.name}</Table.Td>
                <Table.Td title={`${formatUtc(window.startsAt)} – ${formatUtc(window.endsAt)}`}>
                  {formatWindow(window.startsAt, window.endsAt)}
                </Table.Td>
                <Table.Td>
                  {window.reason || (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${window.name}`}
                      onClick={() => setDeleting(window)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete freeze window"
        confirmLabel="Delete"
        danger
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        Changes may then be scheduled during “{deleting?.name}”.
      </ConfirmDialog>
    </Stack>
  );
}

function AddFreezeWindowForm({ engagementId }: { engagementId: string }) {
  const titleId = useId();
  const create = useCreateFreezeWindow(engagementId);
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(create.error);
  const startIso = fromLocalInput(start);
  const endIso = fromLocalInput(end);
  const backwards = startIso !== null && endIso !== null && endIso <= startIso;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!startIso || !endIso || backwards) return;
    const body = {
      name: name.trim(),
      startsAt: startIso,
      endsAt: endIso,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: () => {
        setName('');
        setStart('');
        setEnd('');
        setReason('');
      },
    });
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
    >
      <Title order={2} size="h5" mb="sm" id={titleId}>
        Add a freeze window
      </Title>
      {create.isError && Object.keys(errors).length === 0 && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {describeError(create.error)}
        </Alert>
      )}
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Name"
          required
          w={220}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          type="datetime-local"
          label="Start"
          required
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={errors.startsAt}
        />
        <TextInput
          type="datetime-local"
          label="End"
          required
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          error={errors.endsAt ?? (backwards ? 'Must end after it starts.' : undefined)}
        />
        <TextInput
          label="Reason"
          w={280}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Button
          type="submit"
          mt={25}
          loading={create.isPending}
          disabled={!name.trim() || !startIso || !endIso || backwards}
        >
          Add
        </Button>
      </Group>
    </Paper>
  );
}
