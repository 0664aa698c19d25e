import { Anchor, Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { SecretRevealModal } from '../../../components/secret-reveal-modal.tsx';
import { TableLoadingRows } from '../../../components/table-loading-rows.tsx';
import { formatDateTime } from '../../../lib/time-format.ts';
import { type Integration, type IntegrationWithKey, TYPE_LABELS } from '../api/integration-types.ts';
import { useIntegrationEvents, useIntegrations } from '../api/integrations.ts';
import { CreateIntegrationModal } from './create-integration-modal.tsx';
import type { IntegrationChoices } from './defaults-fields.tsx';

interface IntegrationsPageProps {
  engagementId: string;
  canManage: boolean;
  choices: IntegrationChoices;
  hrefOf: (integrationId: string) => string;
  onOpen: (integrationId: string) => void;
}

/** The monitoring tools that send this engagement alerts, each with its own key. */
export function IntegrationsPage({
  engagementId,
  canManage,
  choices,
  hrefOf,
  onOpen,
}: IntegrationsPageProps) {
  const integrations = useIntegrations(engagementId);
  useIntegrationEvents(engagementId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<IntegrationWithKey | null>(null);
  const policyName = new Map(choices.policies.map((p) => [p.id, p.name]));

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Monitoring tools send events here: PagerDuty Events v2, Alertmanager, Grafana, any JSON webhook, or e-mail."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              New integration
            </Button>
          )
        }
      />
      {integrations.isError ? (
        <QueryErrorAlert error={integrations.error} onRetry={() => integrations.refetch()} />
      ) : (
        <Table highlightOnHover withTableBorder fz="sm" verticalSpacing={6} data-testid="integrations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th w={200}>Type</Table.Th>
              <Table.Th w={110}>Track</Table.Th>
              <Table.Th w={180}>Policy</Table.Th>
              <Table.Th w={100}>Key</Table.Th>
              <Table.Th w={170}>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!integrations.data && <TableLoadingRows columns={6} rows={3} />}
            {integrations.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    No integrations yet. Create one and point your monitoring at its URL.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {integrations.data?.map((integration: Integration) => (
              <Table.Tr key={integration.id} opacity={integration.disabled ? 0.55 : 1}>
                <Table.Td>
                  <Group gap={6}>
                    <Anchor
                      href={hrefOf(integration.id)}
                      size="sm"
                      fw={500}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpen(integration.id);
                      }}
                    >
                      {integration.name}
                    </Anchor>
                    {integration.disabled && (
                      <Badge size="xs" color="gray" variant="outline">
                        disabled
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{TYPE_LABELS[integration.type]}</Table.Td>
                <Table.Td>
                  {integration.defaults.security || integration.defaults.track === 'security' ? (
                    <Badge color="red" variant="outline" size="sm" radius="sm">
                      Security
                    </Badge>
                  ) : (
                    <Badge color="blue" variant="outline" size="sm" radius="sm">
                      Operations
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {integration.defaults.escalationPolicyId
                    ? (policyName.get(integration.defaults.escalationPolicyId) ?? 'A policy')
                    : 'As routed'}
                </Table.Td>
                <Table.Td>
                  <Code>{integration.keyHint}</Code>
                </Table.Td>
                <Table.Td>{formatDateTime(integration.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CreateIntegrationModal
        opened={creating}
        onClose={() => setCreating(false)}
        engagementId={engagementId}
        choices={choices}
        onCreated={(integration) => {
          setCreating(false);
          setCreated(integration);
        }}
      />
      <SecretRevealModal
        secret={created?.key ?? null}
        title={created ? `Integration “${created.name}” created` : 'Integration created'}
        label="Integration key"
        warning="This key is shown only now; Tandem keeps only a hash of it. Anyone holding it can raise alerts here. Lost it? Rotate the key on the integration's page."
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) onOpen(id);
        }}
      >
        {created?.ingestUrl && (
          <Text size="sm" c="dimmed">
            Send events to <Code>{created.ingestUrl}</Code>
            {created.type === 'pagerduty_v2' ? ' with the key as routing_key.' : '.'}
          </Text>
        )}
      </SecretRevealModal>
    </>
  );
}
