import { Badge, Button, Group, NavLink, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useEscalationEvents, useRunDrill } from '../api/drills.ts';
import type { EscalationPolicy } from '../api/escalation-types.ts';
import { useDeletePolicy, usePolicies } from '../api/policies.ts';
import { DrillsView } from './drills-view.tsx';
import { PolicyForm } from './policy-form.tsx';
import type { EscalationDirectory } from './target-picker.tsx';

export type EscalationTab = 'policies' | 'drills';

interface EscalationPoliciesPageProps {
  engagementId: string;
  userId: string;
  can: { manage: boolean; drill: boolean };
  directory: EscalationDirectory;
  tab: EscalationTab;
  /** A policy id or `new` on the policies tab; a drill id on the drills tab. */
  selected: string | undefined;
  onChange: (next: { tab: EscalationTab; selected?: string | undefined }) => void;
}

/** Escalation policies of both parties, their editor, and the drills that prove them. */
export function EscalationPoliciesPage({
  engagementId,
  userId,
  can,
  directory,
  tab,
  selected,
  onChange,
}: EscalationPoliciesPageProps) {
  const policies = usePolicies(engagementId);
  const runDrill = useRunDrill(engagementId);
  const remove = useDeletePolicy(engagementId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEscalationEvents(engagementId);
  const list = policies.data ?? [];
  const creating = tab === 'policies' && selected === 'new' && can.manage;
  const current: EscalationPolicy | null = creating
    ? null
    : (list.find((policy) => policy.id === selected) ?? list[0] ?? null);

  return (
    <Stack gap={0}>
      <PageHeader
        title="Escalation policies"
        description="Who is paged, in what order, and how long each level has to answer — across both parties."
        actions={
          tab === 'policies' && (
            <>
              {can.drill && current && (
                <Button
                  variant="default"
                  leftSection={<IconPlayerPlay size={14} />}
                  loading={runDrill.isPending}
                  onClick={() =>
                    runDrill.mutate(current.id, {
                      onSuccess: (drill) => onChange({ tab: 'drills', selected: drill.id }),
                    })
                  }
                >
                  Run drill
                </Button>
              )}
              {can.manage && (
                <Button
                  leftSection={<IconPlus size={14} />}
                  onClick={() => onChange({ tab, selected: 'new' })}
                  disabled={creating}
                >
                  New policy
                </Button>
              )}
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => onChange({ tab: (value as EscalationTab) ?? 'policies' })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="policies">Policies</Tabs.Tab>
          <Tabs.Tab value="drills">Drills</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="policies">
          {policies.isError ? (
            <QueryErrorAlert error={policies.error} onRetry={() => policies.refetch()} />
          ) : !policies.data ? (
            <Text c="dimmed">Loading…</Text>
          ) : (
            <Group align="flex-start" gap="lg" wrap="nowrap">
              <Paper withBorder radius="md" w={260} p={4} style={{ flexShrink: 0 }}>
                <Stack gap={0} component="nav" aria-label="Escalation policies">
                  {list.length === 0 && !creating && (
                    <Text size="sm" c="dimmed" p="sm">
                      No policies yet: incidents page the routed person only.
                    </Text>
                  )}
                  {list.map((policy) => (
                    <NavLink
                      key={policy.id}
                      component="button"
                      label={policy.name}
                      description={`${policy.levels.length} ${policy.levels.length === 1 ? 'level' : 'levels'}${policy.repeat ? ` · repeats ${policy.repeat}×` : ''}`}
                      active={!creating && current?.id === policy.id}
                      onClick={() => onChange({ tab, selected: policy.id })}
                    />
                  ))}
                  {creating && <NavLink component="button" label="New policy" active />}
                </Stack>
              </Paper>
              <Stack style={{ flex: 1 }} miw={0} gap="sm">
                {current && can.manage && (
                  <Group justify="space-between">
                    <Badge variant="light" color="gray" radius="sm">
                      Editing a policy never changes a page in flight
                    </Badge>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => setConfirmDelete(true)}
                    >
                      Delete
                    </Button>
                  </Group>
                )}
                {(creating || current) && (
                  <PolicyForm
                    key={current?.id ?? 'new'}
                    engagementId={engagementId}
                    policy={current}
                    directory={directory}
                    canManage={can.manage}
                    onSaved={(policy) => onChange({ tab, selected: policy.id })}
                  />
                )}
              </Stack>
            </Group>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="drills">
          <DrillsView
            engagementId={engagementId}
            userId={userId}
            selected={selected ?? null}
            onSelect={(drillId) => onChange({ tab: 'drills', selected: drillId ?? undefined })}
          />
        </Tabs.Panel>
      </Tabs>
      <ConfirmDialog
        opened={confirmDelete && current !== null}
        title="Delete this policy?"
        confirmLabel="Delete policy"
        danger
        loading={remove.isPending}
        onConfirm={() =>
          current &&
          remove.mutate(current.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              onChange({ tab });
            },
          })
        }
        onClose={() => setConfirmDelete(false)}
      >
        Incidents already paging keep their copy of it; integrations and matrix cells that name it stop using
        it.
      </ConfirmDialog>
    </Stack>
  );
}
