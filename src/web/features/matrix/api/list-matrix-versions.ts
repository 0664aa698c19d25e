import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { versionsKey } from './matrix-keys.ts';
import type { MatrixVersionSummary } from './matrix-types.ts';

export async function listMatrixVersions(
  engagementId: string,
  signal?: AbortSignal,
): Promise<MatrixVersionSummary[]> {
  const { items } = await apiRequest<{ items: MatrixVersionSummary[] }>(
    `/engagements/${segment(engagementId)}/matrix/versions`,
    signal ? { signal } : {},
  );
  return items;
}

export function matrixVersionsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: versionsKey(engagementId),
    queryFn: ({ signal }) => listMatrixVersions(engagementId, signal),
  });
}

/** Every version that took effect, newest first, with who signed it and what it changed. */
export function useMatrixVersions(engagementId: string) {
  return useQuery(matrixVersionsQueryOptions(engagementId));
}
