import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import {
  type NewTicket,
  type Party,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type Ticket,
  type TicketKind,
  type TicketPriority,
} from '../../../lib/api-types.ts';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import { useCreateTicket } from '../api/create-ticket.ts';
import { KIND_LABELS, PRIORITY_LABELS } from './ticket-labels.ts';

interface CreateTicketModalProps {
  engagementId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (ticket: Ticket) => void;
  /** The creator's party: the default owner. */
  party: Party;
  people: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
  /** The requester portal asks only for a title and a description. */
  simple?: boolean;
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export function CreateTicketModal({
  engagementId,
  opened,
  onClose,
  onCreated,
  party,
  people,
  teams,
  simple = false,
}: CreateTicketModalProps) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<TicketKind>(simple ? 'request' : 'incident');
  const [priority, setPriority] = useState<TicketPriority>('P3');
  const [ownerParty, setOwnerParty] = useState<Party>(party);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const create = useCreateTicket(engagementId);
  const errors = fieldErrors(create.error);
  const formError = create.isError && Object.keys(errors).length === 0 ? describeError(create.error) : null;

  function close() {
    setTitle('');
    setDescription('');
    setAssigneeId(null);
    setTeamId(null);
    setTags([]);
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const ticket: NewTicket = simple
      ? { title: title.trim(), description }
      : { title: title.trim(), description, kind, priority, ownerParty, assigneeId, teamId, tags };
    create.mutate(ticket, {
      onSuccess: (created) => {
        notifications.show({ color: 'green', message: `${created.number} created` });
        close();
        onCreated(created);
      },
    });
  }

  const label = simple ? 'New request' : 'New ticket';
  return (
    <Modal opened={opened} onClose={close} title={label} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Title"
            required
            data-autofocus
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Description"
            description="Markdown"
            autosize
            minRows={4}
            maxRows={14}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          {!simple && (
            <>
              <SimpleGrid cols={3} spacing="sm">
                <Select
                  label="Kind"
                  allowDeselect={false}
                  data={options(TICKET_KINDS, KIND_LABELS)}
                  value={kind}
                  onChange={(value) => value && setKind(value as TicketKind)}
                  error={errors.kind}
                />
                <Select
                  label="Priority"
                  allowDeselect={false}
                  data={options(TICKET_PRIORITIES, PRIORITY_LABELS)}
                  value={priority}
                  onChange={(value) => value && setPriority(value as TicketPriority)}
                  error={errors.priority}
                />
                <Select
                  label="Owner party"
                  allowDeselect={false}
                  data={[
                    { value: 'internal', label: 'Internal' },
                    { value: 'provider', label: 'Provider' },
                  ]}
                  value={ownerParty}
                  onChange={(value) => value && setOwnerParty(value as Party)}
                  error={errors.ownerParty}
                />
              </SimpleGrid>
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label="Assignee"
                  placeholder="Unassigned"
                  searchable
                  clearable
                  data={people.map((person) => ({ value: person.id, label: person.name }))}
                  value={assigneeId}
                  onChange={setAssigneeId}
                  error={errors.assigneeId}
                />
                <Select
                  label="Team"
                  placeholder="No team"
                  searchable
                  clearable
                  data={teams.map((team) => ({ value: team.id, label: team.name }))}
                  value={teamId}
                  onChange={setTeamId}
                  error={errors.teamId}
                />
              </SimpleGrid>
              <TagsInput
                label="Tags"
                description="Press Enter after each tag; no spaces."
                value={tags}
                onChange={(values) =>
                  setTags(values.map((tag) => tag.trim().replace(/[\s,]+/g, '-')).filter(Boolean))
                }
                error={errors.tags}
              />
            </>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {simple ? 'Send request' : 'Create ticket'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
