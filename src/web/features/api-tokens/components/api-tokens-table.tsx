import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Instant } from '../../../components/instant.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { type ApiToken, ROLE_LABELS } from '../../../lib/api-types.ts';
import { formatDateTime, formatUtc } from '../../../lib/time-format.ts';
import { useRevokeApiToken } from '../api/revoke-api-token.ts';
import type { EngagementChoice } from './api-tokens-page.tsx';

interface ApiTokensTableProps {
  tokens: ApiToken[] | undefined;
  engagements: readonly EngagementChoice[];
}

export function ApiTokensTable({ tokens, engagements }: ApiTokensTableProps) {
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useRevokeApiToken();
  const engagementName = (id: string) => engagements.find((e) => e.id === id)?.name ?? 'Engagement you left';

  function confirmRevoke() {
    if (!revoking) return;
    const { name, id } = revoking;
    revoke.mutate(id, {
      onSuccess: () => notifications.show({ message: `Token ${name} revoked` }),
      onSettled: () => setRevoking(null),
    });
  }

  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table highlightOnHover verticalSpacing={6} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Engagements</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th w={48} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!tokens && <TableLoadingRows columns={7} rows={3} />}
            {tokens?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm" ta="center" py="md">
                    You have no API tokens. Create one to script Tandem or connect a tool to its API.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {tokens?.map((token) => (
              <Table.Tr key={token.id} c={token.revokedAt ? 'dimmed' : undefined}>
                <Table.Td>
                  <Text size="sm" fw={500} td={token.revokedAt ? 'line-through' : undefined}>
                    {token.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={token.role ? undefined : 'dimmed'}>
                    {token.role ? ROLE_LABELS[token.role] : 'Your role'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {token.engagementIds?.length ? (
                    <Group gap={4}>
                      {token.engagementIds.map((id) => (
                        <Badge key={id} size="sm" variant="default" radius="sm">
                          {engagementName(id)}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      All your engagements
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Instant iso={token.createdAt} />
                </Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? (
                    <Instant iso={token.lastUsedAt} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Tooltip label={formatUtc(token.revokedAt)}>
                      <Badge size="sm" color="gray" radius="sm">
                        Revoked {formatDateTime(token.revokedAt)}
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge size="sm" color="green" variant="light" radius="sm">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!token.revokedAt && (
                    <Tooltip label="Revoke" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke ${token.name}`}
                        onClick={() => setRevoking(token)}
                      >
                        <IconBan size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke token"
        confirmLabel="Revoke token"
        danger
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        Anything using {revoking?.name} stops working immediately. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
