import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClockHour4, IconMessages, IconPencil } from '@tabler/icons-react';
import { type MouseEvent, useState } from 'react';
import { Markdown } from '../../../components/markdown.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { formatUtc } from '../../../lib/time-format.ts';
import { useChangeEvents } from '../api/change-events.ts';
import type { ChangeState } from '../api/change-types.ts';
import { useChange } from '../api/get-change.ts';
import { approvalDue } from './approval-due.ts';
import { ChangeActions } from './change-actions.tsx';
import { ChangeStateBadge, ChangeTypeBadge } from './change-badges.tsx';
import classes from './change-detail.module.css';
import { ChangeFacts } from './change-facts.tsx';
import { EditChangeModal } from './edit-change-modal.tsx';

/** A link the route builds: where it goes, and how to get there without a reload. */
export interface PageLink {
  href: string;
  onOpen: () => void;
}

interface ChangeDetailPageProps {
  engagementId: string;
  changeId: string;
  canUpdate: boolean;
  back: PageLink;
  /** The change's ticket: its timeline and comments. */
  ticket: PageLink;
}

/** States in which the server still lets the window move; only a draft's other fields may change. */
const WINDOW_OPEN: readonly ChangeState[] = ['draft', 'submitted', 'approved', 'rejected', 'scheduled'];

export function ChangeDetailPage({ engagementId, changeId, canUpdate, back, ticket }: ChangeDetailPageProps) {
  const change = useChange(engagementId, changeId);
  const [editing, setEditing] = useState(false);
  useChangeEvents(engagementId);
  if (change.isError)
    return (
      <QueryErrorAlert
        error={change.error}
        title="Could not load this change"
        onRetry={() => change.refetch()}
      />
    );
  if (!change.data) return <Text c="dimmed">Loading…</Text>;
  const data = change.data;
  const due = approvalDue(data);

  return (
    <Stack gap="md">
      <Anchor href={back.href} size="sm" onClick={follow(back)}>
        <Group gap={4}>
          <IconArrowLeft size={14} /> Changes
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <Text ff="monospace" c="dimmed" size="sm" data-testid="change-number">
            {data.number}
          </Text>
          <ChangeTypeBadge type={data.type} />
          <ChangeStateBadge state={data.state} />
          {due && (
            <Badge
              variant="light"
              color={due.color}
              radius="sm"
              size="sm"
              leftSection={<IconClockHour4 size={12} />}
              title={formatUtc(due.dueAt)}
              data-testid="approval-due"
            >
              {due.text}
            </Badge>
          )}
        </Group>
        <Title order={1} size="h3">
          {data.title}
        </Title>
        <Group gap="md">
          <Anchor href={ticket.href} size="sm" onClick={follow(ticket)}>
            <Group gap={4}>
              <IconMessages size={14} /> Timeline and comments
            </Group>
          </Anchor>
          {canUpdate && WINDOW_OPEN.includes(data.state) && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
            >
              {data.state === 'draft' ? 'Edit' : 'Move window'}
            </Button>
          )}
        </Group>
      </Stack>
      <ChangeActions engagementId={engagementId} change={data} />
      <div className={classes.detail}>
        <Stack gap="md" miw={0}>
          <Section title="Description" text={data.description} empty="No description." />
          <Section
            title="Implementation plan"
            text={data.implementationPlan}
            empty="No implementation plan yet."
          />
          <Section title="Backout plan" text={data.backoutPlan} empty="No backout plan yet." />
          <Section title="Test plan" text={data.testPlan} empty="No test plan yet." />
        </Stack>
        <ChangeFacts change={data} />
      </div>
      {editing && (
        <EditChangeModal engagementId={engagementId} change={data} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
}

function follow(link: PageLink) {
  return (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    link.onOpen();
  };
}

function Section({ title, text, empty }: { title: string; text: string; empty: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {text.trim() ? (
        <Markdown>{text}</Markdown>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}
