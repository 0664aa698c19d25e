import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PartyBadge } from '../../../components/party-badge.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { describeError } from '../../../lib/problem.ts';
import { useIncident } from '../api/get-incident.ts';
import { INCIDENT_ROLES, type IncidentDetail, ROLE_LABELS } from '../api/incident-types.ts';
import { useIncidentWrite } from '../api/incident-writes.ts';

/** Staff of either party who may take a role. */
export interface Staff {
  id: string;
  name: string;
  party: Party;
}

/** The sidebar panel of an incident ticket: loads the incident, then shows its people. */
export function IncidentPeoplePanel(props: Omit<IncidentPeopleProps, 'incident'> & { ticketId: string }) {
  const incident = useIncident(props.engagementId, props.ticketId);
  return incident.data ? <IncidentPeople {...props} incident={incident.data} /> : null;
}

interface IncidentPeopleProps {
  engagementId: string;
  incident: IncidentDetail;
  staff: readonly Staff[];
  canRespond: boolean;
}

/** The roles (commander, communications, scribe) from either party, and who responded for each side. */
export function IncidentPeople({ engagementId, incident, staff, canRespond }: IncidentPeopleProps) {
  const write = useIncidentWrite(engagementId, incident.ticketId);
  const options = (['provider', 'internal'] as const).map((party) => ({
    group: party === 'provider' ? 'Provider' : 'Internal',
    items: staff
      .filter((person) => person.party === party)
      .map((person) => ({ value: person.id, label: person.name })),
  }));
  return (
    <Paper withBorder p="md" radius="md" data-testid="incident-people">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Roles
        </Title>
        {INCIDENT_ROLES.map((role) => {
          const holder = incident.roles[role];
          return canRespond ? (
            <Select
              key={role}
              label={ROLE_LABELS[role]}
              size="xs"
              placeholder="Nobody yet"
              searchable
              clearable
              data={
                holder && !staff.some((person) => person.id === holder.userId)
                  ? [...options, { group: 'Current', items: [{ value: holder.userId, label: holder.name }] }]
                  : options
              }
              value={holder?.userId ?? null}
              onChange={(value) => write.mutate({ kind: 'roles', roles: { [role]: value } })}
              error={
                write.isError && write.variables?.kind === 'roles' && role in write.variables.roles
                  ? describeError(write.error)
                  : undefined
              }
            />
          ) : (
            <Group key={role} gap={6}>
              <Text size="xs" c="dimmed" fw={600} w={150}>
                {ROLE_LABELS[role]}
              </Text>
              <Text size="sm">{holder?.name ?? '—'}</Text>
              {holder?.party && <PartyBadge party={holder.party} size="xs" />}
            </Group>
          );
        })}
        <Title order={3} size="h6" mt="xs">
          Responders
        </Title>
        <SimpleGrid cols={2} spacing="xs">
          {(['provider', 'internal'] as const).map((party) => (
            <Stack key={party} gap={4} data-testid={`responders-${party}`}>
              <PartyBadge party={party} size="sm" />
              {incident.responders[party].length === 0 ? (
                <Text size="xs" c="dimmed">
                  Nobody yet
                </Text>
              ) : (
                incident.responders[party].map((person) => (
                  <Text key={person.userId} size="sm">
                    {person.name}
                  </Text>
                ))
              )}
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
