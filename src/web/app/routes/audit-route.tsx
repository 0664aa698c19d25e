import { getRouteApi } from '@tanstack/react-router';
import type { AuditFilters } from '../../features/audit/components/audit-filters-bar.tsx';
import { AuditLogPage } from '../../features/audit/components/audit-log-page.tsx';
import { useAuditNames } from './audit-names.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

const route = getRouteApi('/_app/e/$engagement/admin/audit');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Audit filters live in the URL, so a filtered view can be bookmarked or sent to a colleague. */
export function validateAuditSearch(search: Record<string, unknown>): AuditFilters {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const day = (value: unknown) => (typeof value === 'string' && DAY.test(value) ? value : undefined);
  const filters: AuditFilters = {
    action: text(search.action),
    actorId: text(search.actorId),
    targetType: text(search.targetType),
    from: day(search.from),
    to: day(search.to),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

export function AuditRoute() {
  const { engagement } = useCurrentEngagement();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const { actors, targetNames } = useAuditNames(engagement);
  usePageTitle('Audit log', engagement.name);
  return (
    <AuditLogPage
      engagementId={engagement.id}
      canRead={engagement.allowedActions.includes('audit.read')}
      filters={filters}
      onFiltersChange={(next) => navigate({ search: validateAuditSearch({ ...next }), replace: true })}
      actors={actors}
      targetNames={targetNames}
    />
  );
}
