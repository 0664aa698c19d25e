import type { Me } from '../lib/api-types.ts';

/**
 * Installation-wide settings such as the webhook allowlist: the Users page's rule (organization
 * admins) narrowed to the provider's organization, as the API's `organization.manage` is.
 */
export function isProviderAdmin(me: Pick<Me, 'orgRole' | 'organization'>): boolean {
  return me.orgRole === 'admin' && me.organization.kind === 'provider';
}
