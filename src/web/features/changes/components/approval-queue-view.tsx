import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Change } from '../api/change-types.ts';
import { useDecideChange } from '../api/decide-change.ts';
import { useChanges } from '../api/list-changes.ts';
import { approvalDue } from './approval-due.ts';
import { ChangeTable } from './change-table.tsx';
import { ReasonModal } from './reason-modal.tsx';

interface ApprovalQueueViewProps {
  engagementId: string;
  hrefOf: (change: Change) => string;
  onOpen: (change: Change) => void;
}

/** Changes waiting for this manager's decision, each one click from approved. */
export function ApprovalQueueView({ engagementId, hrefOf, onOpen }: ApprovalQueueViewProps) {
  const query = useChanges(engagementId, { awaitingMyApproval: true });
  const decide = useDecideChange(engagementId);
  const [rejecting, setRejecting] = useState<Change | null>(null);
  const changes = query.data?.pages.flatMap((page) => page.items);
  const busy = (change: Change, decision: 'approve' | 'reject') =>
    decide.isPending && decide.variables?.changeId === change.id && decide.variables.decision === decision;

  function decided(change: Change, decision: 'approve' | 'reject') {
    notifications.show({
      color: decision === 'approve' ? 'green' : 'gray',
      message: `${change.number} ${decision === 'approve' ? 'approved' : 'rejected'}`,
    });
  }

  return (
    <Stack gap="sm">
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <ChangeTable
          changes={changes}
          hrefOf={hrefOf}
          onOpen={onOpen}
          emptyText="Nothing waiting for your approval"
          actions={(change) => {
            const due = approvalDue(change);
            return (
              <Stack gap={4}>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    color="green"
                    leftSection={<IconCheck size={14} />}
                    aria-label={`Approve ${change.number}`}
                    loading={busy(change, 'approve')}
                    disabled={decide.isPending && !busy(change, 'approve')}
                    onClick={() =>
                      decide.mutate(
                        { changeId: change.id, decision: 'approve' },
                        { onSuccess: () => decided(change, 'approve') },
                      )
                    }
                  >
                    Approve
                  </Button>
                  <Button
                    size="compact-sm"
                    color="red"
                    variant="light"
                    leftSection={<IconX size={14} />}
                    aria-label={`Reject ${change.number}`}
                    disabled={decide.isPending}
                    onClick={() => setRejecting(change)}
                  >
                    Reject
                  </Button>
                </Group>
                {due && (
                  <Text size="xs" c={due.color === 'gray' ? 'dimmed' : due.color}>
                    {due.text}
                  </Text>
                )}
              </Stack>
            );
          }}
        />
      )}
      {query.hasNextPage && (
        <Group justify="flex-end">
          <Button
            variant="default"
            size="xs"
            loading={query.isFetchingNextPage}
            onClick={() => query.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
      <ReasonModal
        subject={rejecting ? `${rejecting.number} · ${rejecting.title}` : null}
        title="Reject change"
        description="The requester sees this and revises the change from it."
        confirmLabel="Reject"
        loading={decide.isPending}
        onClose={() => setRejecting(null)}
        onConfirm={(reason) => {
          const change = rejecting;
          if (!change) return;
          decide.mutate(
            { changeId: change.id, decision: 'reject', reason },
            {
              onSuccess: () => {
                setRejecting(null);
                decided(change, 'reject');
              },
            },
          );
        }}
      />
    </Stack>
  );
}
