import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, type MouseEvent, useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { useSchedules } from '../api/list-schedules.ts';
import { useScheduleEvents } from '../api/schedule-events.ts';
import { type Schedule, TRACK_LABELS, TRACKS } from '../api/schedule-types.ts';
import { CalendarFeedsPanel } from './calendar-feeds-panel.tsx';
import type { OncallDirectory } from './directory.ts';
import { MyShiftsPanel } from './my-shifts-panel.tsx';
import { OnCallNowText } from './on-call-now-text.tsx';
import { turnLabel } from './schedule-draft.ts';
import { ScheduleForm } from './schedule-form.tsx';
import { TrackBadge } from './track-badge.tsx';

interface SchedulesPageProps {
  engagementId: string;
  viewerParty: Party;
  canManage: boolean;
  directory: OncallDirectory;
  hrefOf: (scheduleId: string) => string;
  onOpen: (scheduleId: string) => void;
  /** The coverage map across every schedule. */
  coverage: { href: string; onOpen: () => void };
}

const PARTIES: readonly Party[] = ['provider', 'internal'];

/** Both parties' schedules, by track — the SOC's security track and the operations on-call — then party. */
export function SchedulesPage(props: SchedulesPageProps) {
  const { engagementId, directory } = props;
  const schedules = useSchedules(engagementId);
  const [creating, setCreating] = useState(false);
  useScheduleEvents(engagementId);
  const names = new Map(directory.members.map((member) => [member.userId, member.name]));
  const teams = new Map(directory.teams.map((team) => [team.id, team.name]));
  const list = schedules.data ?? [];
  const follow = (event: MouseEvent, go: () => void) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go();
  };

  return (
    <Stack gap={0}>
      <PageHeader
        title="On-call"
        description="Who is on duty on each track, from both parties. The SOC's security track and the operations on-call are never merged."
        actions={
          <>
            <Button
              variant="default"
              component="a"
              href={props.coverage.href}
              onClick={(e: MouseEvent) => follow(e, props.coverage.onOpen)}
            >
              Coverage map
            </Button>
            {props.canManage && (
              <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
                New schedule
              </Button>
            )}
          </>
        }
      />
      {schedules.isError && <QueryErrorAlert error={schedules.error} onRetry={() => schedules.refetch()} />}
      {schedules.isSuccess && list.length === 0 && (
        <Text c="dimmed" size="sm">
          No schedules yet.{props.canManage ? ' Create one to say who is on call.' : ''}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="lg">
        <MyShiftsPanel engagementId={engagementId} />
        <CalendarFeedsPanel engagementId={engagementId} />
      </SimpleGrid>
      <Stack gap="lg">
        {TRACKS.map((track) => {
          const onTrack = list.filter((schedule) => schedule.track === track);
          if (onTrack.length === 0) return null;
          return (
            <Paper
              key={track}
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-label={TRACK_LABELS[track]}
            >
              <Group gap="xs" mb="sm">
                <TrackBadge track={track} />
                <Title order={2} size="h4">
                  {TRACK_LABELS[track]}
                </Title>
              </Group>
              <Table verticalSpacing={6} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Schedule</Table.Th>
                    <Table.Th>Team</Table.Th>
                    <Table.Th>Rotation</Table.Th>
                    <Table.Th>Zone</Table.Th>
                    <Table.Th>On call now</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {PARTIES.map((party) => {
                    const ofParty = onTrack.filter((schedule) => schedule.party === party);
                    if (ofParty.length === 0) return null;
                    return (
                      <Fragment key={party}>
                        <Table.Tr>
                          <Table.Td colSpan={5} bg="var(--mantine-color-default-hover)" py={4}>
                            <PartyBadge party={party} size="sm" />
                          </Table.Td>
                        </Table.Tr>
                        {ofParty.map((schedule) => (
                          <Table.Tr key={schedule.id} data-schedule={schedule.name}>
                            <Table.Td>
                              <Anchor
                                href={props.hrefOf(schedule.id)}
                                onClick={(e: MouseEvent) => follow(e, () => props.onOpen(schedule.id))}
                                fw={600}
                                size="sm"
                              >
                                {schedule.name}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" c="dimmed">
                                {schedule.teamId ? (teams.get(schedule.teamId) ?? '') : '—'}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{rotationOf(schedule, (id) => names.get(id) ?? '…')}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" c="dimmed">
                                {schedule.timeZone}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <OnCallNowText engagementId={engagementId} scheduleId={schedule.id} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          );
        })}
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New schedule" size="xl">
        {creating && (
          <ScheduleForm
            engagementId={engagementId}
            schedule={null}
            defaultParty={props.viewerParty}
            directory={directory}
            onSaved={(schedule) => {
              setCreating(false);
              props.onOpen(schedule.id);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** "Dana Reyes → Kim Nguyen · weekly; …", one entry per layer. */
function rotationOf(schedule: Schedule, nameOf: (userId: string) => string): string {
  return schedule.layers
    .map(
      (layer) =>
        `${layer.users.map(nameOf).join(' → ')} · ${turnLabel(layer.turn)}${layer.restrictions?.length ? ', restricted hours' : ''}`,
    )
    .join('; ');
}
