import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorUnder, pointerErrors, unplacedErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import type { FieldMapping, Integration, IntegrationDefaults } from '../api/integration-types.ts';
import { useUpdateIntegration } from '../api/integrations.ts';
import { DEFAULT_SEVERITY_PRIORITY, type IntegrationChoices } from './defaults-fields.tsx';
import { definedDefaults, RoutingFields } from './routing-fields.tsx';

interface EditIntegrationModalProps {
  opened: boolean;
  onClose: () => void;
  engagementId: string;
  integration: Integration;
  choices: IntegrationChoices;
}

/** An integration's name and routing defaults; alerts already raised keep theirs. */
export function EditIntegrationModal({ opened, onClose, ...props }: EditIntegrationModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${props.integration.name}`} size="lg">
      {/* Mounted per opening, so each edit starts from what is saved now. */}
      {opened && <EditIntegrationForm {...props} onDone={onClose} />}
    </Modal>
  );
}

function EditIntegrationForm({
  engagementId,
  integration,
  choices,
  onDone,
}: Omit<EditIntegrationModalProps, 'opened' | 'onClose'> & { onDone: () => void }) {
  const update = useUpdateIntegration(engagementId, integration.id);
  const [name, setName] = useState(integration.name);
  const [rate, setRate] = useState<number | ''>(integration.ratePerMinute);
  const [mapping, setMapping] = useState<FieldMapping>(integration.mapping ?? {});
  const [defaults, setDefaults] = useState<IntegrationDefaults>({
    track: 'operations',
    severityPriority: DEFAULT_SEVERITY_PRIORITY,
    ...integration.defaults,
  });
  const errors = pointerErrors(update.error);
  const others = unplacedErrors(errors, (path) => /^\/(name|defaults|mapping|ratePerMinute)/.test(path));

  function submit() {
    update.mutate(
      {
        name: name.trim(),
        defaults: definedDefaults(defaults),
        ...(integration.type === 'generic_json' ? { mapping } : {}),
        ...(typeof rate === 'number' ? { ratePerMinute: rate } : {}),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextInput
        label="Name"
        required
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={errorUnder(errors, '/name')}
        data-autofocus
      />
      <RoutingFields
        type={integration.type}
        defaults={defaults}
        onDefaults={setDefaults}
        mapping={mapping}
        onMapping={setMapping}
        rate={rate}
        onRate={setRate}
        choices={choices}
        errorAt={(pointer) => errorUnder(errors, pointer)}
      />
      {(others.length > 0 || (update.isError && errors.size === 0)) && (
        <Alert color="red" variant="light">
          {others.length ? others.join('; ') : describeError(update.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={update.isPending} disabled={!name.trim()}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
