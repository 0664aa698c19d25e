import {
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Instant } from '../../../components/instant.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { SecretRevealModal } from '../../../components/secret-reveal-modal.tsx';
import { type EventOutcome, type IntegrationDetail, TYPE_LABELS } from '../api/integration-types.ts';
import {
  useIntegration,
  useIntegrationEvents,
  useRotateKey,
  useUpdateIntegration,
} from '../api/integrations.ts';
import type { IntegrationChoices } from './defaults-fields.tsx';
import { EditIntegrationModal } from './edit-integration-modal.tsx';
import { RoutingSummary } from './routing-summary.tsx';

const OUTCOME_COLORS: Record<EventOutcome, string> = {
  accepted: 'green',
  deduplicated: 'blue',
  dropped: 'gray',
  rejected: 'red',
};

interface IntegrationPageProps {
  engagementId: string;
  integrationId: string;
  canManage: boolean;
  choices: IntegrationChoices;
  back: { href: string; onOpen: () => void };
}

/** One integration: where to send events, ready-made configuration, and what arrived lately. */
export function IntegrationPage({
  engagementId,
  integrationId,
  canManage,
  choices,
  back,
}: IntegrationPageProps) {
  const integration = useIntegration(engagementId, integrationId);
  useIntegrationEvents(engagementId);
  return (
    <Stack gap="md">
      <Anchor
        href={back.href}
        size="sm"
        onClick={(event) => {
          event.preventDefault();
          back.onOpen();
        }}
      >
        <Group gap={4}>
          <IconArrowLeft size={14} /> Integrations
        </Group>
      </Anchor>
      {integration.isError ? (
        <QueryErrorAlert error={integration.error} onRetry={() => integration.refetch()} />
      ) : !integration.data ? (
        <Text c="dimmed">Loading…</Text>
      ) : (
        <IntegrationBody
          engagementId={engagementId}
          integration={integration.data}
          canManage={canManage}
          choices={choices}
        />
      )}
    </Stack>
  );
}

function IntegrationBody({
  engagementId,
  integration,
  canManage,
  choices,
}: {
  engagementId: string;
  integration: IntegrationDetail;
  canManage: boolean;
  choices: IntegrationChoices;
}) {
  const rotate = useRotateKey(engagementId, integration.id);
  const update = useUpdateIntegration(engagementId, integration.id);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [editing, setEditing] = useState(false);
  const snippets = Object.entries(integration.snippets).filter(([, text]) => !!text) as [string, string][];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h3">
            {integration.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light" radius="sm">
              {TYPE_LABELS[integration.type]}
            </Badge>
            {(integration.defaults.security || integration.defaults.track === 'security') && (
              <Badge color="red" variant="outline" radius="sm">
                Security
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              Key <Code>{integration.keyHint}</Code> · {integration.ratePerMinute} events a minute
            </Text>
          </Group>
        </Stack>
        {canManage && (
          <Group gap="sm">
            <Switch
              label="Enabled"
              checked={!integration.disabled}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ disabled: !event.currentTarget.checked })}
            />
            <Button
              variant="default"
              leftSection={<IconKey size={14} />}
              onClick={() => setConfirmRotate(true)}
            >
              Rotate key
            </Button>
          </Group>
        )}
      </Group>
      <RoutingSummary
        integration={integration}
        choices={choices}
        onEdit={canManage ? () => setEditing(true) : undefined}
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h5">
            Send events
          </Title>
          {integration.ingestUrl && <CopyLine label="URL" value={integration.ingestUrl} />}
          {integration.emailAddress && <CopyLine label="E-mail to" value={integration.emailAddress} />}
          {snippets.length > 0 && (
            <Tabs defaultValue={snippets[0]?.[0]}>
              <Tabs.List>
                {snippets.map(([name]) => (
                  <Tabs.Tab key={name} value={name}>
                    {name === 'curl' ? 'curl' : name === 'alertmanager' ? 'Alertmanager' : 'Grafana'}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {snippets.map(([name, text]) => (
                <Tabs.Panel key={name} value={name} pt="xs">
                  <Stack gap={4}>
                    <Code
                      block
                      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                      data-testid={`snippet-${name}`}
                    >
                      {text}
                    </Code>
                    <Group justify="flex-end">
                      <CopyButton value={text}>
                        {({ copied, copy }) => (
                          <Button size="compact-xs" variant="subtle" onClick={copy}>
                            {copied ? 'Copied' : 'Copy'}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                  </Stack>
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h5">
            Last events received
          </Title>
          <Table fz="sm" verticalSpacing={4} data-testid="recent-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>Received</Table.Th>
                <Table.Th w={110}>Action</Table.Th>
                <Table.Th w={130}>Outcome</Table.Th>
                <Table.Th>Dedup key / why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {integration.recentEvents.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" ta="center" py="sm">
                      Nothing received yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {integration.recentEvents.map((event) => (
                <Table.Tr key={event.id} data-outcome={event.outcome}>
                  <Table.Td>
                    <Instant iso={event.receivedAt} seconds />
                  </Table.Td>
                  <Table.Td>{event.action}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[event.outcome]} variant="light" size="sm" radius="sm">
                      {event.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      ff="monospace"
                      c={event.reason ? 'red' : undefined}
                      style={{ wordBreak: 'break-word' }}
                    >
                      {event.reason ?? event.dedupKey ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <ConfirmDialog
        opened={confirmRotate}
        title="Rotate the key?"
        confirmLabel="Rotate key"
        danger
        loading={rotate.isPending}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setConfirmRotate(false) })}
        onClose={() => setConfirmRotate(false)}
      >
        The current key stops working at once: every tool sending with it gets 404 until it has the new key.
      </ConfirmDialog>
      <EditIntegrationModal
        opened={editing}
        onClose={() => setEditing(false)}
        engagementId={engagementId}
        integration={integration}
        choices={choices}
      />
      <SecretRevealModal
        secret={rotate.data?.key ?? null}
        title="New key"
        label="Integration key"
        warning="The old key no longer works. This new key is shown only now; put it in your monitoring tool's configuration."
        onClose={() => rotate.reset()}
      />
    </>
  );
}

function CopyLine({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={500} w={70}>
        {label}
      </Text>
      <Code style={{ flex: 1, wordBreak: 'break-all' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
