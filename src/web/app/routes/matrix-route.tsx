import { getRouteApi } from '@tanstack/react-router';
import { MatrixPage } from '../../features/matrix/components/matrix-page.tsx';
import { validateMatrixSearch } from '../../features/matrix/components/matrix-search.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';
import { NotFoundPage } from './route-states.tsx';

const matrixRoute = getRouteApi('/_app/e/$engagement/matrix');

/** The open tab, cell and signed version live in the URL. */
export { validateMatrixSearch };

export function MatrixRoute() {
  const { engagement } = useCurrentEngagement();
  const search = matrixRoute.useSearch();
  const navigate = matrixRoute.useNavigate();
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Responsibility matrix', engagement.name);
  if (!can('matrix.read')) return <NotFoundPage />;
  return (
    <MatrixPage
      engagementId={engagement.id}
      party={engagement.party}
      can={{ edit: can('matrix.edit'), sign: can('matrix.sign') }}
      search={search}
      onSearchChange={(next) => navigate({ search: validateMatrixSearch({ ...next }), replace: true })}
    />
  );
}
