import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarPlus, IconCheck, IconCopy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Instant } from '../../../components/instant.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import {
  type CalendarFeed,
  type CreatedCalendarFeed,
  useCalendarFeeds,
  useCreateCalendarFeed,
  useRevokeCalendarFeed,
} from '../api/calendar-feeds.ts';
import { useSchedules } from '../api/list-schedules.ts';
import { TrackBadge } from './track-badge.tsx';

const feedLabel = (feed: { scheduleId: string | null; scheduleName: string | null }) =>
  feed.scheduleId === null ? 'My shifts' : (feed.scheduleName ?? 'Schedule');

/** Secret iCalendar URLs of the caller's shifts or of a schedule's rota, for Google, Outlook or Apple Calendar. */
export function CalendarFeedsPanel({ engagementId }: { engagementId: string }) {
  const feeds = useCalendarFeeds(engagementId);
  const schedules = useSchedules(engagementId);
  const create = useCreateCalendarFeed(engagementId);
  const revoke = useRevokeCalendarFeed(engagementId);
  const [scheduleId, setScheduleId] = useState<string | null>(null);
  const [created, setCreated] = useState<{ feed: CreatedCalendarFeed; label: string } | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const scheduleList = schedules.data ?? [];
  const scheduleById = new Map(scheduleList.map((schedule) => [schedule.id, schedule]));

  function subscribe(id: string | null) {
    const label = id === null ? 'My shifts' : (scheduleById.get(id)?.name ?? 'Schedule');
    create.mutate(id, {
      onSuccess: (feed) => {
        setCreated({ feed, label });
        setScheduleId(null);
      },
    });
  }

  function confirmRevoke() {
    if (!revoking) return;
    const feed = revoking;
    revoke.mutate(feed.id, {
      onSuccess: () => {
        notifications.show({ message: `Calendar feed for ${feedLabel(feed)} revoked` });
        if (created?.feed.id === feed.id) setCreated(null);
      },
      onSettled: () => setRevoking(null),
    });
  }

  const list = feeds.data ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Calendar feeds">
      <Title order={2} size="h4" mb={4}>
        Calendar feeds
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Follow shifts in your own calendar app. Each feed has a secret address; anyone who has it can read the
        shifts, so revoke any you no longer use.
      </Text>
      <Stack gap="sm">
        <Group gap="xs">
          <Button
            leftSection={<IconCalendarPlus size={16} />}
            onClick={() => subscribe(null)}
            loading={create.isPending && create.variables === null}
            disabled={create.isPending}
          >
            Subscribe to my shifts
          </Button>
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label="Schedule"
              placeholder="Pick a schedule"
              data={scheduleList.map((schedule) => ({ value: schedule.id, label: schedule.name }))}
              value={scheduleId}
              onChange={setScheduleId}
              searchable
              w={200}
            />
            <Button
              variant="default"
              onClick={() => scheduleId && subscribe(scheduleId)}
              disabled={!scheduleId || create.isPending}
              loading={create.isPending && create.variables !== null}
            >
              Subscribe to a schedule
            </Button>
          </Group>
        </Group>
        {create.isError && <QueryErrorAlert error={create.error} />}
        {created && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={`Feed for ${created.label} created`}
            withCloseButton
            closeButtonLabel="Hide the address"
            onClose={() => setCreated(null)}
          >
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap">
                <TextInput
                  aria-label="Calendar feed address"
                  data-testid="new-calendar-feed-url"
                  value={created.feed.url}
                  readOnly
                  onFocus={(event) => event.currentTarget.select()}
                  style={{ flex: 1 }}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                />
                <CopyButton value={created.feed.url}>
                  {({ copied, copy }) => (
                    <Button
                      variant={copied ? 'light' : 'filled'}
                      color={copied ? 'green' : undefined}
                      leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      onClick={copy}
                      miw={108}
                    >
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">
                Paste it into Google Calendar (From URL), Outlook (Subscribe from web) or Apple Calendar (New
                Calendar Subscription). It is shown only now.
              </Text>
            </Stack>
          </Alert>
        )}
        {feeds.isError && <QueryErrorAlert error={feeds.error} onRetry={() => feeds.refetch()} />}
        {feeds.isSuccess && list.length === 0 && (
          <Text size="sm" c="dimmed">
            You have no calendar feeds.
          </Text>
        )}
        {list.length > 0 && (
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feed</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th w={48} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((feed) => {
                const schedule = feed.scheduleId ? scheduleById.get(feed.scheduleId) : undefined;
                return (
                  <Table.Tr key={feed.id} data-feed={feedLabel(feed)}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {feedLabel(feed)}
                        </Text>
                        {schedule && <TrackBadge track={schedule.track} size="xs" />}
                        {feed.scheduleId === null && (
                          <Text size="xs" c="dimmed">
                            all schedules
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Instant iso={feed.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label="Revoke" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke the feed for ${feedLabel(feed)}`}
                          onClick={() => setRevoking(feed)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke calendar feed"
        confirmLabel="Revoke feed"
        danger
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        Calendars subscribed to the {revoking ? feedLabel(revoking) : ''} feed stop updating at once. This
        cannot be undone.
      </ConfirmDialog>
    </Paper>
  );
}
