import { Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBigUpLines,
  IconArrowsExchange,
  IconBell,
  IconCheck,
  IconChecklist,
  IconClock,
  IconEdit,
  IconGavel,
  IconLock,
  IconMessage,
  IconMessageQuestion,
  IconPlus,
  IconSwitchHorizontal,
  IconUserStar,
} from '@tabler/icons-react';
import { Markdown } from '../../../components/markdown.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import type { TicketActivity, TicketComment, TicketStatus } from '../../../lib/api-types.ts';
import { formatRelative, formatUtc } from '../../../lib/time-format.ts';
import { describeChangeEntry, describeClockEntry, describeQuestionEntry } from './activity-sentences.ts';
import { describeIncidentEntry } from './incident-sentences.ts';
import { STATUS_LABELS, VISIBILITY_LABELS } from './ticket-labels.ts';
import classes from './tickets.module.css';

type Entry =
  | { type: 'comment'; at: string; id: string; comment: TicketComment }
  | { type: 'activity'; at: string; id: string; activity: TicketActivity };

interface TicketTimelineProps {
  comments: TicketComment[];
  /** Empty in the requester portal, which shows the conversation only. */
  activity: TicketActivity[];
  nameOf: (userId: string) => string | undefined;
}

/** Comments and changes in one stream, oldest first. Shows only what the API returned to this user. */
export function TicketTimeline({ comments, activity, nameOf }: TicketTimelineProps) {
  const entries: Entry[] = [
    ...comments.map((comment) => ({
      type: 'comment' as const,
      at: comment.createdAt,
      id: comment.id,
      comment,
    })),
    ...activity
      .filter((item) => item.kind !== 'commented')
      .map((item) => ({ type: 'activity' as const, at: item.at, id: item.id, activity: item })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {activity.length === 0 ? 'No replies yet.' : 'Nothing on the timeline yet.'}
      </Text>
    );
  }

  return (
    <Timeline bulletSize={22} lineWidth={2} aria-label="Timeline">
      {entries.map((entry) =>
        entry.type === 'comment' ? (
          <Timeline.Item
            key={`c-${entry.id}`}
            bullet={
              entry.comment.visibility === 'shared' ? <IconMessage size={12} /> : <IconLock size={12} />
            }
            color={entry.comment.visibility === 'shared' ? undefined : 'yellow'}
          >
            <CommentCard comment={entry.comment} />
          </Timeline.Item>
        ) : (
          <Timeline.Item
            key={`a-${entry.id}`}
            bullet={activityIcon(entry.activity.kind)}
            color={
              describeClockEntry(entry.activity)?.color ??
              describeIncidentEntry(entry.activity)?.color ??
              'gray'
            }
          >
            <ActivityLine activity={entry.activity} nameOf={nameOf} />
          </Timeline.Item>
        ),
      )}
    </Timeline>
  );
}

/** Clock and change entries are Tandem's own doing and read as sentences; the rest name who acted. */
function ActivityLine({
  activity,
  nameOf,
}: {
  activity: TicketActivity;
  nameOf: (userId: string) => string | undefined;
}) {
  const clock = describeClockEntry(activity);
  const incident = describeIncidentEntry(activity);
  const change = describeChangeEntry(activity) ?? incident?.text ?? null;
  const party = clock?.party ?? incident?.party ?? activity.party;
  return (
    <Group gap={6} wrap="wrap" data-activity-kind={activity.kind}>
      {clock || change ? (
        <Text size="sm">
          {clock?.text ?? change}
          {change && activity.actor && (
            <Text span c="dimmed" size="sm">
              {' '}
              · {activity.actor.name}
            </Text>
          )}
        </Text>
      ) : (
        <Text size="sm">
          <Text span fw={500}>
            {activity.actor?.name ?? 'Tandem'}
          </Text>{' '}
          {describeActivity(activity, nameOf)}
        </Text>
      )}
      {party && <PartyBadge party={party} size="xs" />}
      <When iso={activity.at} />
    </Group>
  );
}

function CommentCard({ comment }: { comment: TicketComment }) {
  const isPrivate = comment.visibility !== 'shared';
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={isPrivate ? classes.privateNote : undefined}
      data-testid="comment"
      data-visibility={comment.visibility}
    >
      <Stack gap={6}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {comment.authorName}
          </Text>
          <PartyBadge party={comment.authorParty} size="xs" />
          {isPrivate && (
            <Badge color="yellow" variant="filled" size="xs" radius="sm" leftSection={<IconLock size={10} />}>
              {VISIBILITY_LABELS[comment.visibility]}
            </Badge>
          )}
          <When iso={comment.createdAt} />
        </Group>
        <Markdown>{comment.body}</Markdown>
      </Stack>
    </Paper>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Text size="xs" c="dimmed" component="time" dateTime={iso} title={formatUtc(iso)}>
      {formatRelative(iso)}
    </Text>
  );
}

function activityIcon(kind: string) {
  if (kind === 'created') return <IconPlus size={12} />;
  if (kind === 'status_changed') return <IconSwitchHorizontal size={12} />;
  if (kind === 'sla') return <IconClock size={12} />;
  if (kind.startsWith('info_request')) return <IconMessageQuestion size={12} />;
  if (kind === 'change_state' || kind === 'change_approval') return <IconArrowsExchange size={12} />;
  if (kind.startsWith('alert_')) return <IconAlertTriangle size={12} />;
  if (kind === 'paged' || kind === 'page_delivery') return <IconBell size={12} />;
  if (kind.startsWith('escalat') || kind === 'coverage_gap') return <IconArrowBigUpLines size={12} />;
  if (kind === 'acknowledged') return <IconCheck size={12} />;
  if (kind === 'decision') return <IconGavel size={12} />;
  if (kind === 'checklist') return <IconChecklist size={12} />;
  if (kind === 'role_assigned') return <IconUserStar size={12} />;
  return <IconEdit size={12} />;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  priority: 'priority',
  status: 'status',
  ownerParty: 'owner party',
  teamId: 'team',
  assigneeId: 'assignee',
  functionKey: 'function',
  tags: 'tags',
  dueAt: 'due date',
};

function show(field: string, value: unknown, nameOf: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as TicketStatus] ?? value;
  if (field === 'assigneeId' && typeof value === 'string') return nameOf(value) ?? 'someone';
  if (field === 'teamId' && typeof value === 'string') return nameOf(value) ?? 'a team';
  if (field === 'description') return 'a new text';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

/** "changed status from New to In progress", from `{field: {from, to}}`. */
function describeActivity(activity: TicketActivity, nameOf: (id: string) => string | undefined): string {
  if (activity.kind === 'created') return 'created the ticket';
  const question = describeQuestionEntry(activity);
  if (question) return question;
  const data = activity.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const parts = Object.entries(data as Record<string, unknown>)
      .filter(([, change]) => change && typeof change === 'object' && ('from' in change || 'to' in change))
      .map(([field, change]) => {
        const { from, to } = change as { from?: unknown; to?: unknown };
        const label = FIELD_LABELS[field] ?? field;
        return field === 'description'
          ? 'edited the description'
          : `changed ${label} from ${show(field, from, nameOf)} to ${show(field, to, nameOf)}`;
      });
    if (parts.length) return parts.join('; ');
  }
  return activity.kind === 'status_changed' ? 'changed the status' : 'updated the ticket';
}
