import {
  Alert,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../lib/api-types.ts';
import { browserZone } from '../../../lib/time-format.ts';
import { CHANGE_LEVELS, CHANGE_TYPES, type ChangeLevel, type ChangeType } from '../api/change-types.ts';
import { useChangeTemplates } from '../api/list-change-templates.ts';
import { applyTemplate, type ChangeDraft } from './change-draft.ts';
import { LEVEL_LABELS, options, TYPE_DESCRIPTIONS, TYPE_LABELS } from './change-labels.ts';

interface ChangeFormFieldsProps {
  engagementId: string;
  draft: ChangeDraft;
  onChange: (draft: ChangeDraft) => void;
  /** Field errors, from the form's own checks or the server's 400. */
  errors: Record<string, string>;
  /** Editing a saved change: a change cannot become standard or stop being one, nor swap templates. */
  editing?: boolean;
}

const PLAN_ROWS = { autosize: true, minRows: 3, maxRows: 12 } as const;

/** Every field of a change request; the caller owns the values and the buttons. */
export function ChangeFormFields({
  engagementId,
  draft,
  onChange,
  errors,
  editing = false,
}: ChangeFormFieldsProps) {
  const set = (patch: Partial<ChangeDraft>) => onChange({ ...draft, ...patch });
  const pickTemplate = draft.type === 'standard' && !editing;
  const templates = useChangeTemplates(engagementId, pickTemplate);
  const text = (field: keyof ChangeDraft) => ({
    value: draft[field] as string,
    onChange: (event: { currentTarget: { value: string } }) => set({ [field]: event.currentTarget.value }),
    error: errors[field],
  });

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="change-type-label">
          Type
        </Text>
        <SegmentedControl
          aria-labelledby="change-type-label"
          data={CHANGE_TYPES.map((value) => ({
            value,
            label: TYPE_LABELS[value],
            disabled: editing && (value === 'standard') !== (draft.type === 'standard'),
          }))}
          value={draft.type}
          onChange={(value) =>
            set({ type: value as ChangeType, templateId: value === 'standard' ? draft.templateId : null })
          }
        />
        <Text size="xs" c="dimmed">
          {TYPE_DESCRIPTIONS[draft.type]}
        </Text>
      </Stack>
      {pickTemplate && (
        <Select
          label="Template"
          description="Fills risk, impact and the plans"
          placeholder={templates.isLoading ? 'Loading…' : 'Pick a template'}
          searchable
          data={(templates.data ?? []).map((template) => ({ value: template.id, label: template.name }))}
          value={draft.templateId}
          onChange={(id) => {
            const template = templates.data?.find((item) => item.id === id);
            onChange(template ? applyTemplate(draft, template) : { ...draft, templateId: null });
          }}
          error={errors.templateId}
          nothingFoundMessage="No templates yet"
        />
      )}
      {templates.isError && (
        <Alert color="yellow" variant="light">
          The templates could not be loaded; fill in the plans yourself.
        </Alert>
      )}
      <TextInput label="Title" required data-autofocus maxLength={200} {...text('title')} />
      <Textarea
        label="Description"
        description="Markdown"
        autosize
        minRows={2}
        maxRows={8}
        {...text('description')}
      />
      <SimpleGrid cols={3} spacing="sm">
        <Select
          label="Risk"
          allowDeselect={false}
          data={options(CHANGE_LEVELS, LEVEL_LABELS)}
          value={draft.risk}
          onChange={(value) => value && set({ risk: value as ChangeLevel })}
          error={errors.risk}
        />
        <Select
          label="Impact"
          allowDeselect={false}
          data={options(CHANGE_LEVELS, LEVEL_LABELS)}
          value={draft.impact}
          onChange={(value) => value && set({ impact: value as ChangeLevel })}
          error={errors.impact}
        />
        <Select
          label="Priority"
          allowDeselect={false}
          data={TICKET_PRIORITIES.map((value) => ({ value, label: value }))}
          value={draft.priority}
          onChange={(value) => value && set({ priority: value as TicketPriority })}
          error={errors.priority}
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput type="datetime-local" label="Window start" {...text('windowStart')} />
        <TextInput type="datetime-local" label="Window end" {...text('windowEnd')} />
        {draft.type !== 'standard' && (
          <NumberInput
            label="Approvals needed"
            placeholder="Default"
            min={1}
            max={10}
            allowDecimal={false}
            value={draft.quorum}
            onChange={(value) => set({ quorum: typeof value === 'number' ? value : '' })}
            error={errors.quorum}
          />
        )}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-6}>
        Window times are in your zone, {browserZone()}.
      </Text>
      <Textarea
        label="Implementation plan"
        description="Markdown"
        {...PLAN_ROWS}
        {...text('implementationPlan')}
      />
      <Textarea label="Backout plan" description="Markdown" {...PLAN_ROWS} {...text('backoutPlan')} />
      <Textarea label="Test plan" description="Markdown" {...PLAN_ROWS} {...text('testPlan')} />
      <TextInput
        label="Affected assets"
        placeholder="e.g. wms-db-01, warehouse Wi-Fi"
        {...text('affectedAssets')}
      />
    </Stack>
  );
}
