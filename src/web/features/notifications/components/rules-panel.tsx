import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { errorUnder, pointerErrors, unplacedErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import {
  type NotificationRule,
  useContactMethods,
  useNotificationRules,
  useSaveRules,
} from '../api/notification-settings.ts';

/** When a page reaches each contact method: at once, or again after N minutes unanswered. */
export function RulesPanel() {
  const methods = useContactMethods();
  const rules = useNotificationRules();
  const save = useSaveRules();
  const [draft, setDraft] = useState<NotificationRule[] | null>(null);
  useEffect(() => {
    if (rules.data && draft === null) setDraft(rules.data);
  }, [rules.data, draft]);
  const errors = pointerErrors(save.error);
  const others = unplacedErrors(errors, (path) => /^\/rules\/\d+/.test(path));
  const options = (methods.data ?? []).map((method) => ({
    value: method.id,
    label: `${method.type === 'email' ? 'E-mail' : 'Webhook'}: ${method.label || method.address}`,
  }));
  const list = draft ?? [];
  const dirty = JSON.stringify(list) !== JSON.stringify(rules.data ?? []);
  const set = (index: number, rule: Partial<NotificationRule>) =>
    setDraft(list.map((item, i) => (i === index ? { ...item, ...rule } : item)));

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Notification rules
        </Title>
        <Text size="sm" c="dimmed">
          When you are paged, each rule notifies one contact method after its delay unless you have answered
          by then. With no rules, a page e-mails your login address at once.
        </Text>
        {rules.isError && <Text c="red">{describeError(rules.error)}</Text>}
        {list.map((rule, index) => (
          <Group
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are positional rows of a form
            key={index}
            gap="xs"
            align="flex-start"
            data-testid="notification-rule"
          >
            <Text size="sm" mt={6} w={64}>
              {index === 0 ? 'Notify' : 'then'}
            </Text>
            <Select
              aria-label={`Rule ${index + 1} contact method`}
              size="xs"
              w={320}
              allowDeselect={false}
              data={options}
              value={rule.contactMethodId || null}
              onChange={(value) => value && set(index, { contactMethodId: value })}
              error={errorUnder(errors, `/rules/${index}/contactMethodId`)}
            />
            <NumberInput
              aria-label={`Rule ${index + 1} delay in minutes`}
              size="xs"
              w={90}
              min={0}
              max={1440}
              value={rule.delayMinutes}
              onChange={(value) => set(index, { delayMinutes: typeof value === 'number' ? value : 0 })}
              error={errorUnder(errors, `/rules/${index}/delayMinutes`)}
            />
            <Text size="sm" mt={6}>
              {rule.delayMinutes === 0 ? 'minutes: at once' : 'minutes after the page'}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={2}
              aria-label={`Remove rule ${index + 1}`}
              onClick={() => setDraft(list.filter((_, i) => i !== index))}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        {others.length > 0 && (
          <Alert color="red" variant="light">
            {others.join('; ')}
          </Alert>
        )}
        {save.isError && errors.size === 0 && (
          <Alert color="red" variant="light">
            {describeError(save.error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={options.length === 0}
            onClick={() =>
              setDraft([
                ...list,
                { contactMethodId: options[0]?.value ?? '', delayMinutes: list.length === 0 ? 0 : 5 },
              ])
            }
          >
            Add rule
          </Button>
          <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(list)}>
            Save rules
          </Button>
        </Group>
        {options.length === 0 && (
          <Text size="xs" c="dimmed">
            Add a contact method first.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
