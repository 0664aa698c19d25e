import { Alert, Button, Group, List, Paper, Select, Stack, Text } from '@mantine/core';
import { IconArrowBigUpLines, IconCheck, IconCircleCheck, IconGavel, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Party, Ticket } from '../../../lib/api-types.ts';
import { useIncident } from '../api/get-incident.ts';
import { type AlertSeverity, SEVERITIES } from '../api/incident-types.ts';
import { useIncidentWrite } from '../api/incident-writes.ts';
import { useRespond } from '../api/respond.ts';
import { DecisionModal } from './decision-modal.tsx';
import { EscalateModal } from './escalate-modal.tsx';
import { EscalationCountdown } from './escalation-countdown.tsx';
import { EscalationProgress } from './escalation-progress.tsx';
import { IncidentAlerts } from './incident-alerts.tsx';
import { SeverityBadge, StateBadge, TrackBadge } from './incident-badges.tsx';
import { incidentState } from './incident-state.ts';
import { IrChecklist } from './ir-checklist.tsx';

interface IncidentOverviewProps {
  engagementId: string;
  ticket: Ticket;
  /** The viewer's party, for "escalate to the other party". */
  party: Party;
  canRespond: boolean;
}

/**
 * The incident part of an incident ticket: where it stands and the quick actions, why it was
 * routed where it was, the escalation level by level, its alerts and, for security incidents,
 * the IR checklist.
 */
export function IncidentOverview({ engagementId, ticket, party, canRespond }: IncidentOverviewProps) {
  const incident = useIncident(engagementId, ticket.id);
  const respond = useRespond(engagementId);
  const severity = useIncidentWrite(engagementId, ticket.id);
  const [dialog, setDialog] = useState<'escalate' | 'decision' | null>(null);
  const state = incidentState(ticket);
  const pending = respond.isPending ? respond.variables?.action : undefined;
  const detail = incident.data;

  return (
    <Stack gap="md" data-testid="incident-overview" data-state={state}>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Group gap="xs">
              <StateBadge state={state} size="md" />
              {detail && <TrackBadge track={detail.track} size="md" />}
              {detail && !canRespond && <SeverityBadge severity={detail.severity} size="md" />}
              <EscalationCountdown ticket={ticket} />
            </Group>
            {canRespond && state !== 'resolved' && (
              <Group gap="xs">
                {state === 'triggered' && (
                  <Button
                    size="xs"
                    color="red"
                    leftSection={<IconCheck size={14} />}
                    loading={pending === 'acknowledge'}
                    onClick={() => respond.mutate({ action: 'acknowledge', ticketId: ticket.id })}
                  >
                    Acknowledge
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconCircleCheck size={14} />}
                  loading={pending === 'resolve'}
                  onClick={() => respond.mutate({ action: 'resolve', ticketId: ticket.id })}
                >
                  Resolve
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowBigUpLines size={14} />}
                  onClick={() => setDialog('escalate')}
                >
                  Escalate
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconGavel size={14} />}
                  onClick={() => setDialog('decision')}
                >
                  Log decision
                </Button>
              </Group>
            )}
          </Group>
          {detail && canRespond && (
            <Group gap="xs">
              <Text size="xs" c="dimmed" fw={600}>
                Severity
              </Text>
              <Select
                aria-label="Severity"
                size="xs"
                w={130}
                allowDeselect={false}
                data={SEVERITIES.map((value) => ({ value, label: value }))}
                value={detail.severity}
                onChange={(value) =>
                  value &&
                  value !== detail.severity &&
                  severity.mutate({ kind: 'severity', severity: value as AlertSeverity })
                }
                error={severity.isError ? severity.error.message : undefined}
              />
              {detail.takenOver && (
                <Text size="xs" c="dimmed">
                  Taken over by a person: resolving its alerts no longer resolves it.
                </Text>
              )}
            </Group>
          )}
          {detail && detail.routeReasons.length > 0 && (
            <Alert
              variant="light"
              color="gray"
              icon={<IconRoute size={16} />}
              p="xs"
              title="Why it went here"
            >
              <List size="sm" spacing={2}>
                {detail.routeReasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>
      {incident.isError && (
        <QueryErrorAlert
          error={incident.error}
          title="Could not load the incident"
          onRetry={() => incident.refetch()}
        />
      )}
      {detail?.escalation && <EscalationProgress escalation={detail.escalation} />}
      <IncidentAlerts engagementId={engagementId} ticketId={ticket.id} />
      {detail?.checklist && (
        <IrChecklist
          engagementId={engagementId}
          ticketId={ticket.id}
          checklist={detail.checklist}
          canRespond={canRespond}
        />
      )}
      <EscalateModal
        opened={dialog === 'escalate'}
        onClose={() => setDialog(null)}
        engagementId={engagementId}
        ticketId={ticket.id}
        party={party}
        level={detail?.escalation?.level ?? ticket.escalation?.level ?? null}
        levelCount={detail?.escalation?.levels.length ?? 0}
      />
      <DecisionModal
        opened={dialog === 'decision'}
        onClose={() => setDialog(null)}
        engagementId={engagementId}
        ticketId={ticket.id}
      />
    </Stack>
  );
}
