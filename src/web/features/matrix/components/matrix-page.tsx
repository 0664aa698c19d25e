import { Button, Stack, Tabs, Text } from '@mantine/core';
import { IconGridDots, IconHistory, IconLayoutRows, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { useMatrix } from '../api/get-matrix.ts';
import { useMatrixGaps } from '../api/get-matrix-gaps.ts';
import { useMatrixEvents } from '../api/matrix-events.ts';
import { CellDrawer } from './cell-drawer.tsx';
import { HistoryView } from './history-view.tsx';
import { MatrixGrid } from './matrix-grid.tsx';
import { cellOfSearch, type MatrixSearch } from './matrix-search.ts';
import { ProblemsSummary } from './problems-summary.tsx';
import { RoutingExplainer } from './routing-explainer.tsx';
import { RowsDialog } from './rows-dialog.tsx';
import { SignOffPanel } from './sign-off-panel.tsx';
import { useMatrixReferences } from './use-references.ts';
import { VersionModal } from './version-modal.tsx';

interface MatrixPageProps {
  engagementId: string;
  /** The viewer's party: managers sign for it. */
  party: Party;
  /** From the engagement's `allowedActions`. */
  can: { edit: boolean; sign: boolean };
  search: MatrixSearch;
  onSearchChange: (search: MatrixSearch) => void;
}

/** Who owns what: the draft grid, its sign-off, the signed versions and the routing they decide. */
export function MatrixPage({ engagementId, party, can, search, onSearchChange }: MatrixPageProps) {
  const draft = useMatrix(engagementId);
  const gaps = useMatrixGaps(engagementId);
  const refs = useMatrixReferences(engagementId);
  const [editingRows, setEditingRows] = useState(false);
  useMatrixEvents(engagementId);
  const view = search.view ?? 'grid';
  const openCell = (functionKey: string, scenarioKey: string) =>
    onSearchChange({ ...search, cell: `${functionKey}.${scenarioKey}` });

  return (
    <Stack gap={0}>
      <PageHeader
        title="Responsibility matrix"
        description="For every function and scenario: who is accountable and responsible, who covers it at which hours, and how work is handed over. A version takes effect when a manager of each party signs it."
        actions={
          can.edit &&
          draft.data && (
            <Button
              variant="default"
              leftSection={<IconLayoutRows size={16} />}
              onClick={() => setEditingRows(true)}
            >
              Functions & scenarios
            </Button>
          )
        }
      />
      {draft.isError ? (
        <QueryErrorAlert error={draft.error} onRetry={() => draft.refetch()} />
      ) : !draft.data ? (
        <Text c="dimmed">Loading…</Text>
      ) : (
        <Stack gap="md">
          <SignOffPanel engagementId={engagementId} draft={draft.data} party={party} canSign={can.sign} />
          <Tabs
            value={view}
            onChange={(next) =>
              onSearchChange(next === 'grid' || !next ? {} : { view: next as 'history' | 'routing' })
            }
            keepMounted={false}
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="grid" leftSection={<IconGridDots size={16} />}>
                {draft.data.updatedAt ? 'Draft' : 'Matrix'}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
                History
              </Tabs.Tab>
              <Tabs.Tab value="routing" leftSection={<IconRoute size={16} />}>
                Routing explainer
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="grid">
              <Stack gap="md">
                <ProblemsSummary
                  matrix={draft.data.matrix}
                  problems={draft.data.problems}
                  gaps={gaps.data ?? null}
                  onOpenCell={openCell}
                />
                <MatrixGrid
                  matrix={draft.data.matrix}
                  problems={draft.data.problems}
                  gaps={gaps.data ?? []}
                  refs={refs}
                  onOpenCell={openCell}
                  label="Responsibility matrix"
                />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryView
                engagementId={engagementId}
                names={draft.data.matrix}
                onView={(version) => onSearchChange({ ...search, version })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="routing">
              <RoutingExplainer engagementId={engagementId} matrix={draft.data.matrix} refs={refs} />
            </Tabs.Panel>
          </Tabs>
          <CellDrawer
            engagementId={engagementId}
            draft={draft.data}
            open={view === 'grid' ? cellOfSearch(search.cell) : null}
            onClose={() => onSearchChange({ ...search, cell: undefined })}
            refs={refs}
            readOnly={!can.edit}
            gaps={gaps.data ?? []}
          />
          <VersionModal
            engagementId={engagementId}
            versionId={view === 'history' ? search.version : undefined}
            onClose={() => onSearchChange({ ...search, version: undefined })}
            refs={refs}
          />
          {can.edit && (
            <RowsDialog
              engagementId={engagementId}
              draft={draft.data}
              opened={editingRows}
              onClose={() => setEditingRows(false)}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
