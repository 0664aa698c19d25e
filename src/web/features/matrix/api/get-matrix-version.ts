import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { versionKey } from './matrix-keys.ts';
import type { MatrixVersion } from './matrix-types.ts';

export function getMatrixVersion(
  engagementId: string,
  versionId: string,
  signal?: AbortSignal,
): Promise<MatrixVersion> {
  return apiRequest<MatrixVersion>(
    `/engagements/${segment(engagementId)}/matrix/versions/${segment(versionId)}`,
    signal ? { signal } : {},
  );
}

export function matrixVersionQueryOptions(engagementId: string, versionId: string) {
  return queryOptions({
    queryKey: versionKey(engagementId, versionId),
    queryFn: ({ signal }) => getMatrixVersion(engagementId, versionId, signal),
    // A signed version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One version as it was signed; `versionId` undefined loads nothing. */
export function useMatrixVersion(engagementId: string, versionId: string | undefined) {
  return useQuery({ ...matrixVersionQueryOptions(engagementId, versionId ?? ''), enabled: !!versionId });
}
