import { Alert, Anchor, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useCalendars } from '../api/list-calendars.ts';
import { useSlaPolicies } from '../api/list-sla-policies.ts';
import { SlaPolicyForm } from './sla-policy-form.tsx';

interface SlaPoliciesPageProps {
  engagementId: string;
  canManage: boolean;
  /** The policy open in the editor, `new`, or none (the first one). */
  selected: string | undefined;
  onSelect: (policyId: string | undefined) => void;
  calendarsHref: string;
  onOpenCalendars: () => void;
}

/** The engagement's SLA policies: what each party owes, per ticket kind and priority. */
export function SlaPoliciesPage({
  engagementId,
  canManage,
  selected,
  onSelect,
  calendarsHref,
  onOpenCalendars,
}: SlaPoliciesPageProps) {
  const policies = useSlaPolicies(engagementId);
  const calendars = useCalendars(engagementId);
  const list = policies.data ?? [];
  const creating = selected === 'new' && canManage;
  const current = creating ? null : (list.find((policy) => policy.id === selected) ?? list[0] ?? null);
  const tab = creating ? 'new' : (current?.id ?? null);
  const error = policies.error ?? calendars.error;

  return (
    <Stack gap={0}>
      <PageHeader
        title="SLA policies"
        description="Targets for both parties: the provider's response, resolution and updates; the internal team's answers, approvals and joins."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => onSelect('new')} disabled={creating}>
              New policy
            </Button>
          )
        }
      />
      {error ? (
        <QueryErrorAlert
          error={error}
          onRetry={() => void Promise.all([policies.refetch(), calendars.refetch()])}
        />
      ) : !policies.data || !calendars.data ? (
        <Text c="dimmed">Loading…</Text>
      ) : (
        <Stack gap="md">
          {calendars.data.length === 0 && (
            <Alert color="yellow" variant="light" title="No calendars yet">
              Every target counts on a calendar.{' '}
              <Anchor
                href={calendarsHref}
                onClick={(event) => {
                  event.preventDefault();
                  onOpenCalendars();
                }}
              >
                Create a calendar
              </Anchor>{' '}
              first.
            </Alert>
          )}
          {list.length === 0 && !creating && (
            <Paper withBorder p="md" radius="md">
              <Text size="sm" c="dimmed">
                No SLA policies yet: no clock runs on any ticket.
              </Text>
            </Paper>
          )}
          {(list.length > 0 || creating) && (
            <Tabs value={tab} onChange={(value) => value && onSelect(value)} keepMounted={false}>
              <Tabs.List>
                {list.map((policy) => (
                  <Tabs.Tab key={policy.id} value={policy.id}>
                    <Group gap={6} wrap="nowrap">
                      {policy.name}
                      <Text span size="xs" c="dimmed">
                        {policy.ticketKinds.length ? policy.ticketKinds.join(', ') : 'all other kinds'}
                      </Text>
                    </Group>
                  </Tabs.Tab>
                ))}
                {creating && <Tabs.Tab value="new">New policy</Tabs.Tab>}
              </Tabs.List>
            </Tabs>
          )}
          {(creating || current) && (
            <SlaPolicyForm
              key={current?.id ?? 'new'}
              engagementId={engagementId}
              policy={current}
              calendars={calendars.data}
              canManage={canManage}
              onSaved={(policy) => onSelect(policy.id)}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
