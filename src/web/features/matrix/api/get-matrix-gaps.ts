import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/problem.ts';
import { gapsKey } from './matrix-keys.ts';
import type { MatrixProblem } from './matrix-types.ts';

/**
 * Gaps a reviewer should see before signing: unowned cells, rows with no active cell, coverage
 * that leaves hours to nobody. null when the server has no gaps endpoint (older servers): the
 * page then shows the draft's problems alone.
 */
export async function getMatrixGaps(
  engagementId: string,
  version: 'draft' | 'effective',
  signal?: AbortSignal,
): Promise<MatrixProblem[] | null> {
  try {
    const { items } = await apiRequest<{ items: MatrixProblem[] }>(
      `/engagements/${segment(engagementId)}/matrix/gaps`,
      { query: { version }, ...(signal ? { signal } : {}) },
    );
    return items;
  } catch (error) {
    if (isApiError(error, 404)) return null;
    throw error;
  }
}

export function matrixGapsQueryOptions(engagementId: string, version: 'draft' | 'effective') {
  return queryOptions({
    queryKey: gapsKey(engagementId, version),
    queryFn: ({ signal }) => getMatrixGaps(engagementId, version, signal),
  });
}

export function useMatrixGaps(engagementId: string, version: 'draft' | 'effective' = 'draft') {
  return useQuery(matrixGapsQueryOptions(engagementId, version));
}
