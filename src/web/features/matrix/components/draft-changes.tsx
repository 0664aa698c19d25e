import { Anchor, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useMatrixVersion } from '../api/get-matrix-version.ts';
import { useMatrixVersions } from '../api/list-matrix-versions.ts';
import type { MatrixChange, MatrixDraft } from '../api/matrix-types.ts';
import { changeLines, type RowNames } from './change-text.ts';
import { diffMatrix } from './matrix-diff.ts';

const SHOWN = 6;

/**
 * What signing approves: the draft's changes against the version in effect (or every cell, for
 * the first version); null while the version in effect loads.
 */
export function useDraftChanges(engagementId: string, draft: MatrixDraft): MatrixChange[] | null {
  const versions = useMatrixVersions(engagementId);
  const current = draft.inEffect === null ? undefined : versions.data?.[0];
  const effective = useMatrixVersion(engagementId, current?.id);
  if (draft.inEffect !== null && effective.data?.number !== draft.inEffect) return null;
  const { functions, scenarios } = draft.matrix;
  return diffMatrix(effective.data?.matrix ?? { functions, scenarios, cells: [] }, draft.matrix);
}

/** Changes as sentences, the first few shown and the rest one click away. */
export function ChangeList({
  changes,
  names,
  testId,
}: {
  changes: readonly MatrixChange[];
  names: RowNames;
  testId?: string;
}) {
  const [all, setAll] = useState(false);
  const lines = changeLines(changes, names);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No changes.
      </Text>
    );
  return (
    <div data-testid={testId}>
      <List size="sm" spacing={2}>
        {(all ? lines : lines.slice(0, SHOWN)).map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {lines.length > SHOWN && (
        <Anchor component="button" type="button" size="sm" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${lines.length} changes`}
        </Anchor>
      )}
    </div>
  );
}
