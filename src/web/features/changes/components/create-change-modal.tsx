import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import type { Change } from '../api/change-types.ts';
import { useCreateChange } from '../api/create-change.ts';
import { type ChangeDraft, draftErrors, EMPTY_DRAFT, toChangeBody } from './change-draft.ts';
import { ChangeFormFields } from './change-form-fields.tsx';

interface CreateChangeModalProps {
  engagementId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (change: Change) => void;
}

/** "New change": saved as a draft, or saved and submitted for approval in one go. */
export function CreateChangeModal({ engagementId, opened, onClose, onCreated }: CreateChangeModalProps) {
  const [draft, setDraft] = useState<ChangeDraft>(EMPTY_DRAFT);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const create = useCreateChange(engagementId);
  const serverErrors = fieldErrors(create.error);
  const errors = { ...serverErrors, ...checked };
  // Problems the form has no field for (or none at all) go in the alert on top.
  const unplaced = Object.keys(serverErrors).some((field) => !(field in EMPTY_DRAFT));
  const formError =
    create.isError && (unplaced || Object.keys(serverErrors).length === 0)
      ? describeError(create.error)
      : null;

  function close() {
    setDraft(EMPTY_DRAFT);
    setChecked({});
    create.reset();
    onClose();
  }

  function save(submit: boolean) {
    const problems = draftErrors(draft);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    setSubmitting(submit);
    create.mutate(
      { change: toChangeBody(draft), submit },
      {
        onSuccess: ({ change, submitError }) => {
          if (submitError) {
            // The draft is safe; its page shows what still stops it from going out.
            notifications.show({
              color: 'yellow',
              title: `${change.number} saved as a draft, not submitted`,
              message: describeError(submitError),
            });
          } else {
            notifications.show({
              color: 'green',
              message: submit
                ? `${change.number} submitted for approval`
                : `${change.number} saved as a draft`,
            });
          }
          close();
          onCreated(change);
        },
      },
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(true);
  };

  return (
    <Modal opened={opened} onClose={close} title="New change" size="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <ChangeFormFields engagementId={engagementId} draft={draft} onChange={setDraft} errors={errors} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              variant="default"
              loading={create.isPending && !submitting}
              disabled={!draft.title.trim() || (create.isPending && submitting)}
              onClick={() => save(false)}
            >
              Save draft
            </Button>
            <Button
              type="submit"
              loading={create.isPending && submitting}
              disabled={!draft.title.trim() || (create.isPending && !submitting)}
            >
              Submit for approval
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
