import { Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useMatrixVersion } from '../api/get-matrix-version.ts';
import type { MatrixDraft } from '../api/matrix-types.ts';
import { CellDrawer } from './cell-drawer.tsx';
import { MatrixGrid } from './matrix-grid.tsx';
import type { MatrixReferences } from './use-references.ts';

interface VersionModalProps {
  engagementId: string;
  /** The version open; undefined: closed. */
  versionId: string | undefined;
  onClose: () => void;
  refs: MatrixReferences;
}

/** A signed version, read-only: its grid, and each cell in full on click. */
export function VersionModal({ engagementId, versionId, onClose, refs }: VersionModalProps) {
  const version = useMatrixVersion(engagementId, versionId);
  const [open, setOpen] = useState<{ functionKey: string; scenarioKey: string } | null>(null);
  const data = version.data;
  // The drawer reads a draft; a signed version is one with nothing left to sign.
  const asDraft: MatrixDraft | null = data
    ? {
        matrix: data.matrix,
        contentHash: '',
        basedOn: data.number,
        updatedAt: null,
        signatures: [],
        problems: [],
        inEffect: data.number,
      }
    : null;
  return (
    <Modal
      opened={versionId !== undefined}
      onClose={onClose}
      title={data ? `Version ${data.number}, as signed` : 'Version'}
      size="95%"
    >
      {version.isError ? (
        <QueryErrorAlert error={version.error} onRetry={() => version.refetch()} />
      ) : !asDraft ? (
        <Text c="dimmed">Loading…</Text>
      ) : (
        <>
          <MatrixGrid
            matrix={asDraft.matrix}
            refs={refs}
            label={`Version ${data?.number}`}
            onOpenCell={(functionKey, scenarioKey) => setOpen({ functionKey, scenarioKey })}
          />
          <CellDrawer
            engagementId={engagementId}
            draft={asDraft}
            open={open}
            onClose={() => setOpen(null)}
            refs={refs}
            readOnly
          />
        </>
      )}
    </Modal>
  );
}
