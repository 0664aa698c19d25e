import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorUnder, pointerErrors, unplacedErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import {
  type FieldMapping,
  INTEGRATION_TYPES,
  type IntegrationDefaults,
  type IntegrationWithKey,
  type NewIntegration,
  TYPE_LABELS,
} from '../api/integration-types.ts';
import { useCreateIntegration } from '../api/integrations.ts';
import { DEFAULT_SEVERITY_PRIORITY, type IntegrationChoices } from './defaults-fields.tsx';
import { definedDefaults, RoutingFields } from './routing-fields.tsx';

interface CreateIntegrationModalProps {
  opened: boolean;
  onClose: () => void;
  engagementId: string;
  choices: IntegrationChoices;
  onCreated: (integration: IntegrationWithKey) => void;
}

/** A new inbound source: its type, name and routing defaults. The key comes back once. */
export function CreateIntegrationModal({
  opened,
  onClose,
  engagementId,
  choices,
  onCreated,
}: CreateIntegrationModalProps) {
  const create = useCreateIntegration(engagementId);
  const [name, setName] = useState('');
  const [type, setType] = useState<NewIntegration['type']>('pagerduty_v2');
  const [rate, setRate] = useState<number | ''>('');
  const [mapping, setMapping] = useState<FieldMapping>({});
  const [defaults, setDefaults] = useState<IntegrationDefaults>({
    track: 'operations',
    severityPriority: DEFAULT_SEVERITY_PRIORITY,
  });
  const errors = pointerErrors(create.error);
  const others = unplacedErrors(errors, (path) => /^\/(name|type|defaults|mapping|ratePerMinute)/.test(path));

  function submit() {
    create.mutate(
      {
        name: name.trim(),
        type,
        defaults: definedDefaults(defaults),
        ...(type === 'generic_json' && Object.keys(mapping).length ? { mapping } : {}),
        ...(typeof rate === 'number' ? { ratePerMinute: rate } : {}),
      },
      {
        onSuccess: (integration) => {
          setName('');
          onCreated(integration);
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title="New integration" size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group grow align="flex-start">
          <Select
            label="Type"
            allowDeselect={false}
            data={INTEGRATION_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }))}
            value={type}
            onChange={(value) => value && setType(value as NewIntegration['type'])}
            error={errorUnder(errors, '/type')}
          />
          <TextInput
            label="Name"
            placeholder="Prometheus production"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorUnder(errors, '/name')}
            data-autofocus
          />
        </Group>
        <RoutingFields
          type={type}
          defaults={defaults}
          onDefaults={setDefaults}
          mapping={mapping}
          onMapping={setMapping}
          rate={rate}
          onRate={setRate}
          choices={choices}
          errorAt={(pointer) => errorUnder(errors, pointer)}
        />
        {(others.length > 0 || (create.isError && errors.size === 0)) && (
          <Alert color="red" variant="light">
            {others.length ? others.join('; ') : describeError(create.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Create integration
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
