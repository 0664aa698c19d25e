import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { browserZone } from '../../../lib/time-format.ts';
import type { Change } from '../api/change-types.ts';
import { useUpdateChange } from '../api/update-change.ts';
import { type ChangeDraft, draftErrors, draftOf, editOf } from './change-draft.ts';
import { ChangeFormFields } from './change-form-fields.tsx';

interface EditChangeModalProps {
  engagementId: string;
  change: Change;
  onClose: () => void;
}

/**
 * Edits a draft change; once it is submitted only its window may move (until it starts), so
 * then the form asks for the window alone.
 */
export function EditChangeModal({ engagementId, change, onClose }: EditChangeModalProps) {
  const [original] = useState<ChangeDraft>(() => draftOf(change));
  const [draft, setDraft] = useState<ChangeDraft>(original);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const update = useUpdateChange(engagementId, change.id);
  const serverErrors = fieldErrors(update.error);
  const errors = { ...serverErrors, ...checked };
  const formError =
    update.isError && Object.keys(serverErrors).length === 0 ? describeError(update.error) : null;
  const windowOnly = change.state !== 'draft';

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = draftErrors(draft);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const edit = editOf(original, draft);
    if (Object.keys(edit).length === 0) return onClose();
    update.mutate(edit, { onSuccess: onClose });
  }

  const window = (field: 'windowStart' | 'windowEnd', label: string) => (
    <TextInput
      type="datetime-local"
      label={label}
      data-autofocus={field === 'windowStart' || undefined}
      value={draft[field]}
      onChange={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={windowOnly ? `Move the window of ${change.number}` : `Edit ${change.number}`}
      size={windowOnly ? 'md' : 'xl'}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          {windowOnly ? (
            <>
              <Text size="sm" c="dimmed">
                Once a change is submitted only its window can move. Times are in your zone, {browserZone()}.
              </Text>
              <SimpleGrid cols={2} spacing="sm">
                {window('windowStart', 'Window start')}
                {window('windowEnd', 'Window end')}
              </SimpleGrid>
            </>
          ) : (
            <ChangeFormFields
              engagementId={engagementId}
              draft={draft}
              onChange={setDraft}
              errors={errors}
              editing
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!draft.title.trim()}>
              {windowOnly ? 'Move window' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
