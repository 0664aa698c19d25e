import { Anchor, Button, Group, Menu, Paper, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconChevronDown } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Markdown } from '../../../components/markdown.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { SlaBadge } from '../../../components/sla-badge.tsx';
import {
  type Party,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type Ticket,
  type TicketChanges,
  type TicketKind,
  type TicketPriority,
} from '../../../lib/api-types.ts';
import { mostUrgentClock } from '../../../lib/sla-clock.ts';
import type { SlaClock } from '../../../lib/sla-types.ts';
import { formatDateTime } from '../../../lib/time-format.ts';
import { useTicket } from '../api/get-ticket.ts';
import { useActivity, useComments } from '../api/ticket-comments.ts';
import { useUpdateTicket } from '../api/update-ticket.ts';
import { CommentComposer } from './comment-composer.tsx';
import { FollowButton } from './follow-button.tsx';
import { TicketAttachmentsPanel } from './ticket-attachments-panel.tsx';
import { MoveIndicator, PriorityBadge, StatusBadge } from './ticket-badges.tsx';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from './ticket-labels.ts';
import { TicketTimeline } from './ticket-timeline.tsx';
import classes from './tickets.module.css';

interface TicketDetailPageProps {
  /** The signed-in user, for following the ticket. */
  userId: string;
  engagementId: string;
  ticketId: string;
  party: Party;
  canUpdate: boolean;
  canComment: boolean;
  people: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
  backHref: string;
  onBack: () => void;
  /** The requester portal: shared conversation and a plain reply box, no internal fields. */
  portal?: boolean;
  /** The ticket's SLA clocks, at the top of the sidebar; composed by the app from the SLA feature. */
  renderClocks?: ((ticket: Ticket) => ReactNode) | undefined;
  /** Panels above the timeline, e.g. the questions between the parties. */
  panels?: ReactNode;
  /** Above the description, e.g. an incident's escalation; composed by the app. */
  renderLead?: ((ticket: Ticket) => ReactNode) | undefined;
}

export function TicketDetailPage(props: TicketDetailPageProps) {
  const { engagementId, ticketId } = props;
  const ticket = useTicket(engagementId, ticketId);
  if (ticket.isError) {
    return (
      <QueryErrorAlert
        error={ticket.error}
        title="Could not load this ticket"
        onRetry={() => ticket.refetch()}
      />
    );
  }
  if (!ticket.data) return <Text c="dimmed">Loading…</Text>;
  return <TicketDetail {...props} ticket={ticket.data} />;
}

function TicketDetail({
  userId,
  engagementId,
  ticketId,
  ticket,
  party,
  canUpdate,
  canComment,
  people,
  teams,
  backHref,
  onBack,
  portal = false,
  renderClocks,
  panels,
  renderLead,
}: TicketDetailPageProps & { ticket: Ticket }) {
  const comments = useComments(engagementId, ticketId);
  const activity = useActivity(engagementId, ticketId, !portal);
  const update = useUpdateTicket(engagementId, ticketId);
  const names = new Map([...people, ...teams].map((item) => [item.id, item.name]));
  const change = (changes: TicketChanges) => update.mutate(changes);
  const editable = canUpdate && !portal;

  return (
    <Stack gap="md">
      <Anchor
        href={backHref}
        size="sm"
        onClick={(event) => {
          event.preventDefault();
          onBack();
        }}
      >
        <Group gap={4}>
          <IconArrowLeft size={14} /> {portal ? 'My requests' : 'Tickets'}
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <Text ff="monospace" c="dimmed" size="sm">
            {ticket.number}
          </Text>
          {!portal && <PriorityBadge priority={ticket.priority} />}
          {!portal && <MoveIndicator move={ticket.whoseMove} viewerParty={party} />}
          {!portal && <UrgentClock clocks={ticket.slaClocks} />}
        </Group>
        <Title order={1} size="h3">
          {ticket.title}
        </Title>
        <Group gap="xs">
          {editable ? (
            <Menu position="bottom-start">
              <Menu.Target>
                <Button
                  size="compact-sm"
                  variant="default"
                  rightSection={<IconChevronDown size={12} />}
                  loading={update.isPending && update.variables?.status !== undefined}
                  aria-label={`Status: ${STATUS_LABELS[ticket.status]}`}
                >
                  <StatusBadge status={ticket.status} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Move to</Menu.Label>
                {ticket.allowedStatuses.length === 0 && <Menu.Item disabled>No further status</Menu.Item>}
                {ticket.allowedStatuses.map((status) => (
                  <Menu.Item key={status} onClick={() => change({ status })}>
                    {STATUS_LABELS[status]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : (
            <StatusBadge status={ticket.status} />
          )}
          <FollowButton
            engagementId={engagementId}
            ticketId={ticketId}
            userId={userId}
            watcherIds={ticket.watcherIds}
          />
          <Text size="xs" c="dimmed">
            Opened {formatDateTime(ticket.createdAt)} · updated {formatDateTime(ticket.updatedAt)}
          </Text>
        </Group>
      </Stack>

      <div className={portal ? undefined : classes.detail}>
        <Stack gap="lg" miw={0}>
          {!portal && renderLead?.(ticket)}
          <Paper withBorder p="md" radius="md" data-testid="ticket-description">
            {ticket.description.trim() ? (
              <Markdown>{ticket.description}</Markdown>
            ) : (
              <Text size="sm" c="dimmed">
                No description.
              </Text>
            )}
          </Paper>
          {!portal && (
            <TicketAttachmentsPanel engagementId={engagementId} ticketId={ticketId} canUpload={canComment} />
          )}
          {!portal && panels}
          <Stack gap="sm">
            <Title order={2} size="h5">
              {portal ? 'Conversation' : 'Timeline'}
            </Title>
            {comments.isError ? (
              <QueryErrorAlert error={comments.error} onRetry={() => comments.refetch()} />
            ) : (
              <TicketTimeline
                comments={comments.data ?? []}
                activity={portal ? [] : (activity.data ?? [])}
                nameOf={(id) => names.get(id)}
              />
            )}
          </Stack>
          {canComment && (
            <CommentComposer engagementId={engagementId} ticketId={ticketId} party={party} plain={portal} />
          )}
        </Stack>
        {!portal && (
          <Stack gap="md">
            {renderClocks?.(ticket)}
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Field label="Priority">
                  {editable ? (
                    <Select
                      aria-label="Priority"
                      size="xs"
                      allowDeselect={false}
                      data={TICKET_PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }))}
                      value={ticket.priority}
                      onChange={(value) =>
                        value && value !== ticket.priority && change({ priority: value as TicketPriority })
                      }
                    />
                  ) : (
                    <PriorityBadge priority={ticket.priority} />
                  )}
                </Field>
                <Field label="Kind">
                  {editable ? (
                    <Select
                      aria-label="Kind"
                      size="xs"
                      allowDeselect={false}
                      data={TICKET_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
                      value={ticket.kind}
                      onChange={(value) =>
                        value && value !== ticket.kind && change({ kind: value as TicketKind })
                      }
                    />
                  ) : (
                    <Text size="sm">{KIND_LABELS[ticket.kind]}</Text>
                  )}
                </Field>
                <Field label="Owner party">
                  {editable ? (
                    <Select
                      aria-label="Owner party"
                      size="xs"
                      allowDeselect={false}
                      data={[
                        { value: 'internal', label: 'Internal' },
                        { value: 'provider', label: 'Provider' },
                      ]}
                      value={ticket.ownerParty}
                      onChange={(value) =>
                        value && value !== ticket.ownerParty && change({ ownerParty: value as Party })
                      }
                    />
                  ) : (
                    <PartyBadge party={ticket.ownerParty} size="sm" />
                  )}
                </Field>
                <Field label="Assignee">
                  {editable ? (
                    <Select
                      aria-label="Assignee"
                      size="xs"
                      placeholder="Unassigned"
                      searchable
                      clearable
                      data={withCurrent(people, ticket.assigneeId)}
                      value={ticket.assigneeId}
                      onChange={(value) => value !== ticket.assigneeId && change({ assigneeId: value })}
                    />
                  ) : (
                    <Text size="sm">
                      {ticket.assigneeId ? (names.get(ticket.assigneeId) ?? 'Assigned') : 'Unassigned'}
                    </Text>
                  )}
                </Field>
                <Field label="Team">
                  {editable ? (
                    <Select
                      aria-label="Team"
                      size="xs"
                      placeholder="No team"
                      searchable
                      clearable
                      data={withCurrent(teams, ticket.teamId)}
                      value={ticket.teamId}
                      onChange={(value) => value !== ticket.teamId && change({ teamId: value })}
                    />
                  ) : (
                    <Text size="sm">
                      {ticket.teamId ? (names.get(ticket.teamId) ?? 'A team') : 'No team'}
                    </Text>
                  )}
                </Field>
                <Field label="Tags">
                  {editable ? (
                    <TagsInput
                      aria-label="Tags"
                      size="xs"
                      placeholder="Add a tag"
                      value={ticket.tags}
                      onChange={(tags) =>
                        change({
                          tags: [
                            ...new Set(tags.map((tag) => tag.trim().replace(/[\s,]+/g, '-')).filter(Boolean)),
                          ],
                        })
                      }
                    />
                  ) : (
                    <Text size="sm">{ticket.tags.length ? ticket.tags.join(', ') : '—'}</Text>
                  )}
                </Field>
                {ticket.functionKey && (
                  <Field label="Function">
                    <Text size="sm">{ticket.functionKey}</Text>
                  </Field>
                )}
                {ticket.dueAt && (
                  <Field label="Due">
                    <Text size="sm">{formatDateTime(ticket.dueAt)}</Text>
                  </Field>
                )}
              </Stack>
            </Paper>
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Options, keeping the current value selectable even if the list does not hold it. */
function withCurrent(items: readonly { id: string; name: string }[], current: string | null) {
  const options = items.map((item) => ({ value: item.id, label: item.name }));
  if (current && !items.some((item) => item.id === current))
    options.unshift({ value: current, label: 'Current' });
  return options;
}

/** The clock to watch, beside whose move it is; every clock is in the sidebar. */
function UrgentClock({ clocks }: { clocks: readonly SlaClock[] }) {
  const clock = mostUrgentClock(clocks);
  return clock ? <SlaBadge clock={clock} /> : null;
}
