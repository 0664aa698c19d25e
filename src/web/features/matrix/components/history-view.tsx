import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { Instant } from '../../../components/instant.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useMatrixVersions } from '../api/list-matrix-versions.ts';
import type { Matrix } from '../api/matrix-types.ts';
import { ChangeList } from './draft-changes.tsx';

interface HistoryViewProps {
  engagementId: string;
  /** Names rows by key (the draft's); a row since removed shows as its key. */
  names: Matrix;
  onView: (versionId: string) => void;
}

/** Every version that took effect, newest first: who signed it, when, and what it changed. */
export function HistoryView({ engagementId, names, onView }: HistoryViewProps) {
  const versions = useMatrixVersions(engagementId);
  if (versions.isError) return <QueryErrorAlert error={versions.error} onRetry={() => versions.refetch()} />;
  if (!versions.data) return <Text c="dimmed">Loading…</Text>;
  if (versions.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No version has taken effect yet: a version needs the signature of a manager of each party.
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="matrix-history">
      {versions.data.map((version, i) => (
        <Paper key={version.id} withBorder p="md" radius="md" data-version={version.number}>
          <Group justify="space-between" align="flex-start" mb="xs">
            <Stack gap={2}>
              <Group gap="xs">
                <Title order={3} size="h5">
                  Version {version.number}
                </Title>
                {i === 0 && (
                  <Text size="xs" c="teal.7" fw={600}>
                    in effect
                  </Text>
                )}
              </Group>
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  Took effect
                </Text>
                <Instant iso={version.effectiveAt} size="xs" c="dimmed" />
              </Group>
            </Stack>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEye size={14} />}
              onClick={() => onView(version.id)}
            >
              View version {version.number}
            </Button>
          </Group>
          <Group gap="lg" mb="xs">
            {version.signatures.map((signature) => (
              <Group key={signature.party} gap={6}>
                <PartyBadge party={signature.party} size="sm" />
                <Text size="sm">Signed by {signature.userName}</Text>
                <Instant iso={signature.signedAt} size="sm" c="dimmed" />
              </Group>
            ))}
          </Group>
          <ChangeList changes={version.changes} names={names} />
        </Paper>
      ))}
    </Stack>
  );
}
