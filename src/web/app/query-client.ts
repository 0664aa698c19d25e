import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, describeError, isApiError } from '../lib/problem.ts';
import '../lib/query-meta.ts';

/**
 * The app's query client. Two rules hold everywhere, so features don't repeat them:
 * a 401 from any call means the session is gone (→ `onSignedOut`), and a failed write that
 * its form does not show itself becomes a notification with the server's `detail`.
 */
export function createQueryClient(onSignedOut: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 401)) onSignedOut();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error, 401)) return onSignedOut();
        if (mutation.meta?.errorsShownInForm) return;
        notifications.show({
          color: 'red',
          title: error instanceof ApiError ? error.problem.title : 'Something went wrong',
          message: describeError(error),
        });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Client errors (4xx) will not fix themselves; network blips and 5xx get two more tries.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}
