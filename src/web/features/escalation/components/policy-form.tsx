import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorUnder, pointerErrors, unplacedErrors } from '../../../lib/pointer-errors.ts';
import { describeError } from '../../../lib/problem.ts';
import type { EscalationPolicy, PolicyInput, PolicyLevel, TargetRef } from '../api/escalation-types.ts';
import { useSavePolicy } from '../api/policies.ts';
import { type EscalationDirectory, TargetPicker } from './target-picker.tsx';

interface PolicyFormProps {
  engagementId: string;
  policy: EscalationPolicy | null;
  directory: EscalationDirectory;
  canManage: boolean;
  onSaved: (policy: EscalationPolicy) => void;
}

/** Schema wording ("must NOT have fewer than 1 items") in the form's words. */
function readable(errors: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return new Map(
    [...errors].map(([path, message]) => [
      path,
      /fewer than 1 items/.test(message)
        ? path.endsWith('/targets')
          ? 'Pick at least one person, schedule or team'
          : 'Add at least one'
        : message,
    ]),
  );
}

interface Draft {
  name: string;
  description: string;
  repeat: number;
  levels: PolicyLevel[];
  fallback: TargetRef[];
}

function toDraft(policy: EscalationPolicy | null): Draft {
  return {
    name: policy?.name ?? '',
    description: policy?.description ?? '',
    repeat: policy?.repeat ?? 0,
    levels: policy?.levels.map((level) => ({ ...level, targets: [...level.targets] })) ?? [
      { delayMinutes: 15, targets: [] },
    ],
    fallback: policy?.fallback ?? [],
  };
}

function toInput(draft: Draft): PolicyInput {
  const strip = (targets: readonly TargetRef[]) => targets.map(({ type, id }) => ({ type, id }));
  return {
    name: draft.name.trim(),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    repeat: draft.repeat,
    levels: draft.levels.map((level) => ({
      delayMinutes: level.delayMinutes,
      targets: strip(level.targets),
    })),
    ...(draft.fallback.length ? { fallback: strip(draft.fallback) } : {}),
  };
}

/**
 * The policy editor: ordered levels, each naming whom to page and how long to wait before the
 * next; how often to run again when nobody answers; and the fallback for coverage gaps. The
 * server checks it, and each of its complaints shows at the field it concerns.
 */
export function PolicyForm({ engagementId, policy, directory, canManage, onSaved }: PolicyFormProps) {
  const [draft, setDraft] = useState(() => toDraft(policy));
  const save = useSavePolicy(engagementId);
  const errors = readable(pointerErrors(save.error));
  const placed = (path: string) => /^\/(name|description|repeat|fallback|levels\/\d+)/.test(path);
  const others = unplacedErrors(errors, placed);
  const readOnly = !canManage;
  const setLevel = (index: number, level: Partial<PolicyLevel>) =>
    setDraft((d) => ({ ...d, levels: d.levels.map((l, i) => (i === index ? { ...l, ...level } : l)) }));
  const move = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const levels = [...d.levels];
      const [item] = levels.splice(index, 1);
      if (item) levels.splice(index + by, 0, item);
      return { ...d, levels };
    });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: policy?.id ?? null, input: toInput(draft) }, { onSuccess: onSaved });
      }}
    >
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            required
            value={draft.name}
            readOnly={readOnly}
            onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
            error={errorUnder(errors, '/name')}
          />
          <NumberInput
            label="Repeat the whole policy"
            description="More rounds when nobody answers"
            min={0}
            max={9}
            value={draft.repeat}
            readOnly={readOnly}
            onChange={(value) => setDraft({ ...draft, repeat: typeof value === 'number' ? value : 0 })}
            error={errorUnder(errors, '/repeat')}
          />
        </Group>
        <Textarea
          label="Description"
          autosize
          minRows={1}
          value={draft.description}
          readOnly={readOnly}
          onChange={(event) => setDraft({ ...draft, description: event.currentTarget.value })}
          error={errorUnder(errors, '/description')}
        />
        <Title order={3} size="h6">
          Levels
        </Title>
        {errorUnder(errors, '/levels') &&
          !draft.levels.some((_, i) => errorUnder(errors, `/levels/${i}`)) && (
            <Text size="sm" c="red">
              {errorUnder(errors, '/levels')}
            </Text>
          )}
        {draft.levels.map((level, index) => (
          <Paper
            // biome-ignore lint/suspicious/noArrayIndexKey: levels are positional; their order is the meaning
            key={index}
            withBorder
            p="sm"
            radius="sm"
            data-testid="policy-level"
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <Text fw={700} size="sm" mt={26} w={24}>
                {index + 1}
              </Text>
              <Stack gap={6} style={{ flex: 1 }}>
                <TargetPicker
                  label={`Level ${index + 1} pages`}
                  value={level.targets}
                  directory={directory}
                  disabled={readOnly}
                  onChange={(targets) => setLevel(index, { targets })}
                  error={errorUnder(errors, `/levels/${index}/targets`)}
                />
              </Stack>
              <NumberInput
                label="Wait (minutes)"
                size="xs"
                w={120}
                min={1}
                max={1440}
                value={level.delayMinutes}
                readOnly={readOnly}
                onChange={(value) => setLevel(index, { delayMinutes: typeof value === 'number' ? value : 0 })}
                error={errorUnder(errors, `/levels/${index}/delayMinutes`)}
              />
              {canManage && (
                <Group gap={2} mt={24} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move level ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move level ${index + 1} down`}
                    disabled={index === draft.levels.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <IconArrowDown size={14} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove level ${index + 1}`}
                    disabled={draft.levels.length === 1}
                    onClick={() =>
                      setDraft((d) => ({ ...d, levels: d.levels.filter((_, i) => i !== index) }))
                    }
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            {errorUnder(errors, `/levels/${index}`) &&
              !errorUnder(errors, `/levels/${index}/targets`) &&
              !errorUnder(errors, `/levels/${index}/delayMinutes`) && (
                <Text size="xs" c="red" mt={4} pl={36}>
                  {errorUnder(errors, `/levels/${index}`)}
                </Text>
              )}
          </Paper>
        ))}
        {canManage && (
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            disabled={draft.levels.length >= 10}
            onClick={() =>
              setDraft((d) => ({ ...d, levels: [...d.levels, { delayMinutes: 15, targets: [] }] }))
            }
          >
            Add level
          </Button>
        )}
        <TargetPicker
          label="Fallback when a level finds nobody on call"
          placeholder="Nobody: a gap falls through to the next level"
          value={draft.fallback}
          directory={directory}
          disabled={readOnly}
          onChange={(fallback) => setDraft({ ...draft, fallback })}
          error={errorUnder(errors, '/fallback')}
        />
        {(others.length > 0 || (save.isError && errors.size === 0)) && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title="The policy was not saved"
          >
            {others.length ? others.join('; ') : describeError(save.error)}
          </Alert>
        )}
        {canManage && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {policy ? 'Save policy' : 'Create policy'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
