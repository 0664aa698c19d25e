import { ActionIcon, Button, Code, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Instant } from '../../../components/instant.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { errorUnder, pointerErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import { type AllowlistEntry, useAllowlist, useAllowTarget, useDisallowTarget } from '../api/allowlist.ts';

/** Administration: the private webhook targets the whole installation may send to. */
export function WebhookAllowlistPage() {
  const entries = useAllowlist();
  const disallow = useDisallowTarget();
  const [removing, setRemoving] = useState<AllowlistEntry | null>(null);

  return (
    <>
      <PageHeader
        title="Webhook allowlist"
        description="Webhooks are never sent to private, loopback or link-local addresses unless the target is listed here, so a webhook URL cannot reach into the network Tandem runs in."
      />
      <AddTargetForm />
      {entries.isError ? (
        <QueryErrorAlert error={entries.error} onRetry={() => entries.refetch()} />
      ) : (
        <Table highlightOnHover withTableBorder fz="sm" verticalSpacing={6} data-testid="webhook-allowlist">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Target</Table.Th>
              <Table.Th w={200}>Added</Table.Th>
              <Table.Th w={60} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!entries.data && <TableLoadingRows columns={3} rows={2} />}
            {entries.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    Nothing listed: webhooks go to public addresses only.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {entries.data?.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Code>{entry.target}</Code>
                </Table.Td>
                <Table.Td>
                  <Instant iso={entry.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={`Remove ${entry.target}`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${entry.target}`}
                      onClick={() => setRemoving(entry)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove from the allowlist?"
        confirmLabel="Remove"
        danger
        loading={disallow.isPending}
        onConfirm={() =>
          removing &&
          disallow.mutate(removing.id, {
            onSuccess: () => notifications.show({ message: `${removing.target} is no longer allowed` }),
            onSettled: () => setRemoving(null),
          })
        }
        onClose={() => setRemoving(null)}
      >
        Webhooks to {removing?.target} are refused from the next delivery on: contact methods pointing there
        stop receiving pages.
      </ConfirmDialog>
    </>
  );
}

/** One input: the API says at the field when the target is malformed (422) or already listed (409). */
function AddTargetForm() {
  const allow = useAllowTarget();
  const [target, setTarget] = useState('');
  const errors = pointerErrors(allow.error);
  const error = allow.isError ? (errorUnder(errors, '/target') ?? describeError(allow.error)) : undefined;

  return (
    <Group
      component="form"
      align="flex-start"
      gap="xs"
      mb="md"
      onSubmit={(event) => {
        event.preventDefault();
        allow.mutate(target.trim(), { onSuccess: () => setTarget('') });
      }}
    >
      <TextInput
        aria-label="Target"
        placeholder="hooks.internal, 10.0.0.5:8443 or 10.20.0.0/16"
        w={360}
        value={target}
        onChange={(event) => {
          setTarget(event.currentTarget.value);
          if (allow.isError) allow.reset();
        }}
        error={error}
      />
      <Button
        type="submit"
        leftSection={<IconPlus size={14} />}
        loading={allow.isPending}
        disabled={!target.trim()}
      >
        Allow
      </Button>
    </Group>
  );
}
