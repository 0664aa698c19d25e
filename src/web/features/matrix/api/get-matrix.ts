import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { draftKey } from './matrix-keys.ts';
import type { MatrixDraft } from './matrix-types.ts';

export function getMatrix(engagementId: string, signal?: AbortSignal): Promise<MatrixDraft> {
  return apiRequest<MatrixDraft>(`/engagements/${segment(engagementId)}/matrix`, signal ? { signal } : {});
}

export function matrixQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: draftKey(engagementId),
    queryFn: ({ signal }) => getMatrix(engagementId, signal),
  });
}

/** The draft with its signatures and problems (the version in effect while nobody has edited it). */
export function useMatrix(engagementId: string) {
  return useQuery(matrixQueryOptions(engagementId));
}
