import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { SecretRevealModal } from '../../../components/secret-reveal-modal.tsx';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import {
  type ContactMethodType,
  type CreatedContactMethod,
  useAddContactMethod,
  useContactMethods,
  useRemoveContactMethod,
  useTestContactMethod,
  type WebhookFormat,
} from '../api/notification-settings.ts';

const FORMAT_LABELS: Record<WebhookFormat, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  standard: 'Standard Webhooks JSON',
};

/** Where pages reach the user: e-mail addresses and webhooks, each testable. */
export function ContactMethodsPanel() {
  const methods = useContactMethods();
  const remove = useRemoveContactMethod();
  const test = useTestContactMethod();
  const [created, setCreated] = useState<CreatedContactMethod | null>(null);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Contact methods
        </Title>
        {methods.isError && <Text c="red">{describeError(methods.error)}</Text>}
        {methods.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet: pages e-mail your login address.
          </Text>
        )}
        {!!methods.data?.length && (
          <Table fz="sm" verticalSpacing={4} data-testid="contact-methods">
            <Table.Tbody>
              {methods.data.map((method) => {
                const outcome = test.variables === method.id ? test.data : undefined;
                return (
                  <Table.Tr key={method.id}>
                    <Table.Td w={104}>
                      <Badge variant="light" radius="sm" color={method.type === 'email' ? 'blue' : 'grape'}>
                        {method.type === 'email' ? 'E-mail' : 'Webhook'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {method.label || method.address}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {method.address}
                        {method.format ? ` · ${FORMAT_LABELS[method.format]}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td w={220}>
                      {outcome && (
                        <Text size="xs" c={outcome.outcome === 'sent' ? 'green' : 'red'}>
                          {outcome.outcome === 'sent' ? 'Test sent' : `Test failed: ${outcome.error ?? ''}`}
                        </Text>
                      )}
                      {test.isError && test.variables === method.id && (
                        <Text size="xs" c="red">
                          {describeError(test.error)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={90}>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Send a test message">
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Test ${method.label || method.address}`}
                            loading={test.isPending && test.variables === method.id}
                            onClick={() => test.mutate(method.id)}
                          >
                            <IconSend size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${method.label || method.address}`}
                          loading={remove.isPending && remove.variables === method.id}
                          onClick={() => remove.mutate(method.id)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <AddContactMethod onCreated={(method) => method.secret && setCreated(method)} />
      </Stack>
      <SecretModal method={created} onClose={() => setCreated(null)} />
    </Paper>
  );
}

function AddContactMethod({ onCreated }: { onCreated: (method: CreatedContactMethod) => void }) {
  const add = useAddContactMethod();
  const [type, setType] = useState<ContactMethodType>('email');
  const [address, setAddress] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('slack');
  const [label, setLabel] = useState('');
  const errors = fieldErrors(add.error);
  return (
    <Group
      component="form"
      align="flex-start"
      gap="xs"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(
          {
            type,
            address: address.trim(),
            ...(type === 'webhook' ? { format } : {}),
            ...(label.trim() ? { label: label.trim() } : {}),
          },
          {
            onSuccess: (method) => {
              setAddress('');
              setLabel('');
              onCreated(method);
            },
          },
        );
      }}
    >
      <Select
        aria-label="Type"
        size="xs"
        w={110}
        allowDeselect={false}
        data={[
          { value: 'email', label: 'E-mail' },
          { value: 'webhook', label: 'Webhook' },
        ]}
        value={type}
        onChange={(value) => value && setType(value as ContactMethodType)}
      />
      <TextInput
        aria-label={type === 'email' ? 'E-mail address' : 'Webhook URL'}
        placeholder={type === 'email' ? 'you@example.com' : 'https://hooks.slack.com/services/…'}
        size="xs"
        style={{ flex: 1 }}
        value={address}
        onChange={(event) => setAddress(event.currentTarget.value)}
        error={
          errors.address ??
          (add.isError && !errors.label && !errors.format ? describeError(add.error) : undefined)
        }
      />
      {type === 'webhook' && (
        <Select
          aria-label="Format"
          size="xs"
          w={190}
          allowDeselect={false}
          data={Object.entries(FORMAT_LABELS).map(([value, text]) => ({ value, label: text }))}
          value={format}
          onChange={(value) => value && setFormat(value as WebhookFormat)}
          error={errors.format}
        />
      )}
      <TextInput
        aria-label="Label"
        placeholder="Label (optional)"
        size="xs"
        w={150}
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
        error={errors.label}
      />
      <Button type="submit" size="xs" loading={add.isPending} disabled={!address.trim()}>
        Add
      </Button>
    </Group>
  );
}

/** A webhook's signing secret, the one time the server sends it. */
function SecretModal({ method, onClose }: { method: CreatedContactMethod | null; onClose: () => void }) {
  return (
    <SecretRevealModal
      secret={method?.secret ?? null}
      title="Webhook added"
      label="Webhook signing secret"
      onClose={onClose}
      warning={
        <>
          It is shown only this once. Your receiver verifies the <Code>webhook-signature</Code> header with it
          (Standard Webhooks, HMAC-SHA256). Lost it? Remove the webhook and add it again.
        </>
      }
    />
  );
}
