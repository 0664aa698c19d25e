import { Alert, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconSignature } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Instant } from '../../../components/instant.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { PARTY_LABELS, type Party } from '../../../lib/api-types.ts';
import { describeError, isApiError } from '../../../lib/problem.ts';
import { useMatrixVersions } from '../api/list-matrix-versions.ts';
import type { MatrixDraft } from '../api/matrix-types.ts';
import { useSignMatrix } from '../api/sign-matrix.ts';
import { ChangeList, useDraftChanges } from './draft-changes.tsx';

interface SignOffPanelProps {
  engagementId: string;
  draft: MatrixDraft;
  /** The viewer's party: a manager signs for it. */
  party: Party;
  canSign: boolean;
}

const PARTIES: readonly Party[] = ['internal', 'provider'];

/** Which version routing uses, whether the draft differs, and each party's signature on it. */
export function SignOffPanel({ engagementId, draft, party, canSign }: SignOffPanelProps) {
  const sign = useSignMatrix(engagementId);
  const [confirming, setConfirming] = useState(false);
  const tookEffect = useTookEffect(draft.inEffect);
  const changes = useDraftChanges(engagementId, draft);
  // A draft edited back to the version in effect holds nothing to sign.
  const hasDraft = draft.updatedAt !== null && changes?.length !== 0;
  const ours = draft.signatures.find((s) => s.party === party);
  // With no draft, the signatures shown are those that put the version in effect.
  const versions = useMatrixVersions(engagementId);
  const signatures = hasDraft ? draft.signatures : (versions.data?.[0]?.signatures ?? []);
  const status =
    draft.inEffect === null
      ? hasDraft
        ? 'No version in effect yet · the first draft awaits both signatures'
        : 'No version in effect yet · nothing drafted'
      : hasDraft
        ? `Version ${draft.inEffect} in effect · draft differs`
        : `Version ${draft.inEffect} in effect · the draft matches it`;
  const blocked = draft.problems.length > 0;

  const confirm = () =>
    sign.mutate(draft.contentHash, {
      onSuccess: (next) => {
        setConfirming(false);
        if (next.inEffect === draft.inEffect)
          notifications.show({
            color: 'teal',
            message: `Signed for the ${PARTY_LABELS[party].toLowerCase()} party; the other party's manager signs next.`,
          });
      },
      onError: () => setConfirming(false),
    });

  return (
    <Paper withBorder p="md" radius="md" data-testid="sign-off" aria-label="Sign-off">
      <Stack gap="sm">
        {tookEffect !== null && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="took-effect">
            Version {tookEffect} is now in effect: both parties have signed it, and routing follows it.
          </Alert>
        )}
        {sign.isError && (
          <Alert color={isApiError(sign.error, 409) ? 'yellow' : 'red'} variant="light" role="alert">
            {isApiError(sign.error, 409)
              ? `${describeError(sign.error)} The page now shows the new draft.`
              : describeError(sign.error)}
          </Alert>
        )}
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text fw={600} data-testid="matrix-status">
              {status}
            </Text>
            {hasDraft && draft.updatedAt && (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  Draft last edited
                </Text>
                <Instant iso={draft.updatedAt} size="xs" c="dimmed" />
              </Group>
            )}
          </Stack>
          {canSign && hasDraft && !ours && (
            <Tooltip label="Fix the problems below first" disabled={!blocked}>
              <Button
                leftSection={<IconSignature size={16} />}
                onClick={() => setConfirming(true)}
                disabled={blocked}
                loading={sign.isPending}
              >
                Sign for the {PARTY_LABELS[party].toLowerCase()} party
              </Button>
            </Tooltip>
          )}
        </Group>
        {(hasDraft || draft.inEffect !== null) && (
          <Group gap="xl" align="flex-start" data-testid="signatures">
            {PARTIES.map((p) => {
              const signature = signatures.find((s) => s.party === p);
              return (
                <Group key={p} gap={6} data-party={p} data-signed={!!signature}>
                  <PartyBadge party={p} size="sm" />
                  {signature ? (
                    <>
                      <Text size="sm">Signed by {signature.userName}</Text>
                      <Instant iso={signature.signedAt} size="sm" c="dimmed" />
                    </>
                  ) : (
                    <Badge variant="outline" color="gray" size="sm">
                      Not signed
                    </Badge>
                  )}
                </Group>
              );
            })}
          </Group>
        )}
        {hasDraft && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {draft.inEffect === null
                ? 'What the first version holds'
                : `Changes since version ${draft.inEffect}`}
            </Text>
            {changes && <ChangeList changes={changes} names={draft.matrix} testId="draft-changes" />}
          </Stack>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={`Sign for the ${PARTY_LABELS[party].toLowerCase()} party`}
        confirmLabel="Sign"
        loading={sign.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      >
        You approve the draft exactly as this page shows it. When a manager of each party has signed it, it
        becomes version {(draft.inEffect ?? 0) + 1} and routing follows it. Any later edit clears the
        signatures.
      </ConfirmDialog>
    </Paper>
  );
}

/** The version that took effect while this page was open (by our signature or, live, by theirs). */
function useTookEffect(inEffect: number | null): number | null {
  const first = useRef(inEffect);
  const [took, setTook] = useState<number | null>(null);
  useEffect(() => {
    if (inEffect !== null && inEffect !== first.current) {
      first.current = inEffect;
      setTook(inEffect);
      notifications.show({ color: 'teal', message: `Version ${inEffect} is now in effect.` });
    }
  }, [inEffect]);
  return took;
}
