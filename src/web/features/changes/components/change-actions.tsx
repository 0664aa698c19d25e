import { Alert, Button, Group } from '@mantine/core';
import { IconCheck, IconSnowflake, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError, isApiError } from '../../../lib/problem.ts';
import type { Change, ChangeState } from '../api/change-types.ts';
import { useDecideChange } from '../api/decide-change.ts';
import { useUpdateChange } from '../api/update-change.ts';
import { MOVE_LABELS } from './change-labels.ts';
import { ReasonModal } from './reason-modal.tsx';

/** Moves made by an approval decision, not by a state button. */
const DECIDED: readonly ChangeState[] = ['approved', 'rejected'];
/** Moves that end a change badly: a warning colour, and the person says what happened. */
const BAD: readonly ChangeState[] = ['failed', 'rolled_back'];

/** What each reason prompt says, by the move or decision it is for. */
const PROMPTS = {
  reject: { title: 'Reject change', description: 'The requester sees this and revises the change from it.' },
  failed: {
    title: 'Mark the change failed',
    description: 'What went wrong; shown on the change’s timeline.',
  },
  rolled_back: {
    title: 'Mark the change rolled back',
    description: 'Why it was backed out; shown on the timeline.',
  },
} as const;
type Prompt = keyof typeof PROMPTS;

interface ChangeActionsProps {
  engagementId: string;
  change: Change;
}

/**
 * The moves this viewer may make now (from `allowedStates`), and approve / reject for approvers.
 * A refused move stays on screen as an alert; a refused decision is a notification.
 */
export function ChangeActions({ engagementId, change }: ChangeActionsProps) {
  const update = useUpdateChange(engagementId, change.id);
  const decide = useDecideChange(engagementId);
  const [asking, setAsking] = useState<Prompt | null>(null);
  const moves = change.allowedStates.filter((state) => !DECIDED.includes(state));

  function move(state: ChangeState, reason?: string) {
    decide.reset();
    update.mutate(reason ? { state, reason } : { state }, { onSuccess: () => setAsking(null) });
  }

  function confirm(reason: string) {
    if (asking === 'reject') {
      decide.mutate(
        { changeId: change.id, decision: 'reject', reason },
        { onSuccess: () => setAsking(null) },
      );
    } else if (asking) {
      move(asking, reason);
    }
  }

  function approve() {
    update.reset();
    decide.mutate({ changeId: change.id, decision: 'approve' });
  }

  return (
    <>
      {(moves.length > 0 || change.canApprove) && (
        <Group gap="xs" data-testid="change-actions">
          {change.canApprove && (
            <>
              <Button
                color="green"
                leftSection={<IconCheck size={16} />}
                loading={decide.isPending && decide.variables?.decision === 'approve'}
                onClick={approve}
              >
                Approve
              </Button>
              <Button
                color="red"
                variant="light"
                leftSection={<IconX size={16} />}
                onClick={() => {
                  update.reset();
                  setAsking('reject');
                }}
              >
                Reject
              </Button>
            </>
          )}
          {moves.map((state) => (
            <Button
              key={state}
              variant={state === moves[0] && !change.canApprove ? 'filled' : 'default'}
              color={BAD.includes(state) ? 'red' : undefined}
              loading={update.isPending && update.variables?.state === state}
              disabled={update.isPending && update.variables?.state !== state}
              onClick={() => (state === 'failed' || state === 'rolled_back' ? setAsking(state) : move(state))}
            >
              {MOVE_LABELS[state]}
            </Button>
          ))}
        </Group>
      )}
      {update.isError && <MoveRefused error={update.error} />}
      <ReasonModal
        subject={asking ? `${change.number} · ${change.title}` : null}
        title={asking ? PROMPTS[asking].title : ''}
        description={asking ? PROMPTS[asking].description : ''}
        confirmLabel={asking === 'reject' ? 'Reject' : asking ? MOVE_LABELS[asking] : ''}
        loading={decide.isPending || update.isPending}
        onClose={() => setAsking(null)}
        onConfirm={confirm}
      />
    </>
  );
}

/** A refused move, in words: a freeze window conflict names the window the server named. */
function MoveRefused({ error }: { error: unknown }) {
  const detail = describeError(error);
  const freeze = isApiError(error, 409) && /freeze/i.test(detail);
  const title = freeze
    ? 'This window falls in a freeze window'
    : isApiError(error, 409)
      ? 'This move is not possible now'
      : 'The change could not be updated';
  return (
    <Alert
      color={freeze ? 'cyan' : 'red'}
      variant="light"
      role="alert"
      title={title}
      icon={freeze ? <IconSnowflake size={18} /> : undefined}
      data-testid="change-refused"
    >
      {detail}
      {freeze && ' Move the window and schedule again.'}
    </Alert>
  );
}
