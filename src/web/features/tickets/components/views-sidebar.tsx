import { ActionIcon, Button, Group, NavLink, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBookmark,
  IconBookmarkPlus,
  IconClockHour4,
  IconInbox,
  IconList,
  IconTrash,
  IconUser,
  IconUserQuestion,
} from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../lib/problem.ts';
import { useCreateSavedView, useDeleteSavedView, useSavedViews } from '../api/saved-views.ts';
import {
  fromTicketQuery,
  type ListView,
  type TicketListSearch,
  toTicketQuery,
} from './ticket-list-search.ts';

const ICON = { size: 16, stroke: 1.6 } as const;

const BUILT_IN: { view: ListView; label: string; icon: React.ReactNode }[] = [
  { view: 'assigned_to_me', label: 'Assigned to me', icon: <IconUser {...ICON} /> },
  { view: 'our_move', label: 'Our move', icon: <IconArrowBackUp {...ICON} /> },
  { view: 'their_move', label: 'Their move', icon: <IconArrowForwardUp {...ICON} /> },
  { view: 'unassigned', label: 'Unassigned', icon: <IconUserQuestion {...ICON} /> },
  { view: 'recently_updated', label: 'Recently updated', icon: <IconClockHour4 {...ICON} /> },
  { view: 'all_open', label: 'All open', icon: <IconInbox {...ICON} /> },
  { view: 'all', label: 'All tickets', icon: <IconList {...ICON} /> },
];

interface ViewsSidebarProps {
  search: TicketListSearch;
  onChange: (search: TicketListSearch) => void;
  /** The engagement the list shows; null for the one queue. */
  engagementId: string | null;
}

/** Built-in views first, then the user's saved views. */
export function ViewsSidebar({ search, onChange, engagementId }: ViewsSidebarProps) {
  const current = search.view ?? 'all_open';
  const saved = useSavedViews();
  const deleteView = useDeleteSavedView();
  const mine = (saved.data ?? []).filter((view) => view.engagementId === engagementId);

  return (
    <Stack gap={2} component="nav" aria-label="Ticket views">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4} style={{ letterSpacing: '0.05em' }}>
        Views
      </Text>
      {BUILT_IN.map(({ view, label, icon }) => (
        <NavLink
          key={view}
          component="button"
          label={label}
          leftSection={icon}
          active={!search.saved && current === view}
          aria-current={!search.saved && current === view ? 'page' : undefined}
          onClick={() => onChange({ view: view === 'all_open' ? undefined : view, sort: search.sort })}
          py={6}
        />
      ))}
      <Group justify="space-between" mt="md" px="sm" pb={4} wrap="nowrap">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.05em' }}>
          Saved views
        </Text>
        <SaveViewButton search={search} engagementId={engagementId} />
      </Group>
      {(saved.isPending || saved.isError) && (
        <Text size="xs" c="dimmed" px="sm">
          {saved.isPending ? 'Loading…' : 'Could not load your saved views.'}
        </Text>
      )}
      {saved.isSuccess && mine.length === 0 && (
        <Text size="xs" c="dimmed" px="sm">
          Filter the list, then save it here.
        </Text>
      )}
      {mine.map((view) => (
        <Group key={view.id} gap={0} wrap="nowrap">
          <NavLink
            component="button"
            label={view.name}
            leftSection={<IconBookmark {...ICON} />}
            active={search.saved === view.id}
            onClick={() => onChange({ ...fromTicketQuery(view.query), saved: view.id })}
            py={6}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`Delete saved view ${view.name}`}
            loading={deleteView.isPending && deleteView.variables === view.id}
            onClick={() => deleteView.mutate(view.id)}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

function SaveViewButton({ search, engagementId }: { search: TicketListSearch; engagementId: string | null }) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const create = useCreateSavedView();

  function submit(event: FormEvent) {
    event.preventDefault();
    const { engagementId: _scope, ...query } = toTicketQuery({ ...search, saved: undefined });
    create.mutate(
      {
        name: name.trim(),
        engagementId,
        query: engagementId ? query : { ...query, engagementId: search.engagementId },
      },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'green', message: `Saved view “${view.name}”` });
          setName('');
          setOpened(false);
        },
      },
    );
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label="Save this view"
          onClick={() => setOpened((o) => !o)}
        >
          <IconBookmarkPlus size={14} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs" w={220}>
            <TextInput
              label="Name of the view"
              size="xs"
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={create.isError ? describeError(create.error) : undefined}
            />
            <Button type="submit" size="xs" disabled={!name.trim()} loading={create.isPending}>
              Save view
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
