import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type TicketKind,
  type TicketPriority,
} from '../../../lib/api-types.ts';
import { describeError, isApiError } from '../../../lib/problem.ts';
import type { Calendar, SlaPolicy, SlaPolicyInput } from '../../../lib/sla-types.ts';
import { browserZone } from '../../../lib/time-format.ts';
import { nextWeekdayAt } from '../../../lib/zoned-time.ts';
import { useCreateSlaPolicy } from '../api/create-sla-policy.ts';
import { useUpdateSlaPolicy } from '../api/update-sla-policy.ts';
import { pointerErrors, unplacedErrors } from './field-errors.ts';
import { TargetsGrid } from './targets-grid.tsx';

const KIND_NAMES: Record<TicketKind, string> = {
  incident: 'Incidents',
  request: 'Requests',
  problem: 'Problems',
  change: 'Changes',
  info_request: 'Information requests',
  task: 'Tasks',
};

function inputOf(policy: SlaPolicy | null): SlaPolicyInput {
  if (!policy) return { name: '', ticketKinds: [], warnPercent: 75, targets: [] };
  const { name, ticketKinds, warnPercent, targets } = policy;
  return { name, ticketKinds, warnPercent, targets };
}

interface SlaPolicyFormProps {
  engagementId: string;
  /** null: a new policy. */
  policy: SlaPolicy | null;
  calendars: readonly Calendar[];
  canManage: boolean;
  onSaved: (policy: SlaPolicy) => void;
}

/** A policy's name, the ticket kinds it covers, its warning share and every party's targets. */
export function SlaPolicyForm({ engagementId, policy, calendars, canManage, onSaved }: SlaPolicyFormProps) {
  const saved = inputOf(policy);
  const [draft, setDraft] = useState<SlaPolicyInput>(saved);
  const [previewPriority, setPreviewPriority] = useState<TicketPriority>('P2');
  const [opened, setOpened] = useState(() => nextWeekdayAt(5, '16:30', browserZone()));
  const create = useCreateSlaPolicy(engagementId);
  const update = useUpdateSlaPolicy(engagementId, policy?.id ?? '');
  const save = policy ? update : create;
  const errors = pointerErrors(save.error);
  // A conflict is a name already taken, or ticket kinds another policy covers: say it beside
  // the field it is about (the answer names no field, so its wording tells).
  const conflict = isApiError(save.error, 409) ? describeError(save.error) : undefined;
  const nameTaken = conflict && /this name/.test(conflict) ? conflict : undefined;
  const kindsTaken = conflict && !nameTaken ? conflict : undefined;
  const general = unplacedErrors(errors, ['/name', '/ticketKinds', '/warnPercent', '/targets']);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const readOnly = !canManage;
  const openedIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(opened) ? new Date(opened).toISOString() : null;

  return (
    <Paper withBorder p="md" radius="md">
      <form
        aria-label={policy ? `Policy ${policy.name}` : 'New policy'}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ ...draft, name: draft.name.trim() }, { onSuccess: onSaved });
        }}
      >
        <Stack gap="md">
          <Group align="flex-start" gap="md">
            <TextInput
              label="Name"
              placeholder="Standard"
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              error={errors.get('/name') ?? nameTaken}
              readOnly={readOnly}
              w={260}
            />
            <MultiSelect
              label="Ticket kinds"
              description="None: every kind no other policy names."
              placeholder={draft.ticketKinds.length ? undefined : 'All other kinds'}
              data={TICKET_KINDS.map((kind) => ({ value: kind, label: KIND_NAMES[kind] }))}
              value={draft.ticketKinds}
              onChange={(kinds) => setDraft({ ...draft, ticketKinds: kinds as TicketKind[] })}
              error={errors.get('/ticketKinds') ?? kindsTaken}
              disabled={readOnly}
              w={340}
            />
            <NumberInput
              label="Warn at"
              description="Share of the target used"
              suffix="%"
              min={1}
              max={99}
              value={draft.warnPercent}
              onChange={(value) =>
                setDraft({ ...draft, warnPercent: typeof value === 'number' ? value : 75 })
              }
              error={errors.get('/warnPercent')}
              readOnly={readOnly}
              w={140}
            />
          </Group>
          <Group gap="xs" align="center">
            <Text size="sm" fw={500}>
              Targets
            </Text>
            <Text size="xs" c="dimmed">
              Business time such as 4h, 90m or 2d; leave a cell empty for no clock. Preview a
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Preview priority"
              data={[...TICKET_PRIORITIES]}
              value={previewPriority}
              onChange={(value) => setPreviewPriority(value as TicketPriority)}
            />
            <Text size="xs" c="dimmed">
              opened at
            </Text>
            <TextInput
              type="datetime-local"
              size="xs"
              aria-label="Preview opened at, your time"
              value={opened}
              onChange={(event) => setOpened(event.currentTarget.value)}
            />
          </Group>
          <TargetsGrid
            engagementId={engagementId}
            targets={draft.targets}
            onChange={(targets) => setDraft({ ...draft, targets })}
            calendars={calendars}
            errors={errors}
            readOnly={readOnly}
            preview={{ priority: previewPriority, openedIso }}
          />
          {save.isError && !conflict && (
            <Alert color="red" variant="light" title={describeError(save.error)} role="alert">
              {general.length > 0 && general.join('; ')}
            </Alert>
          )}
          {canManage && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={policy !== null && !dirty}>
                {policy ? 'Save policy' : 'Create policy'}
              </Button>
              {policy && dirty && (
                <Button variant="default" onClick={() => setDraft(saved)}>
                  Discard changes
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
