/**
 * Query-key roots shared across features. Everything scoped to one engagement lives under
 * `engagementScope(id)`, so a write in an engagement can refresh all of its lists at once.
 */
export const meKey = ['me'] as const;
export const engagementsKey = ['engagements'] as const;
export const apiTokensKey = ['api-tokens'] as const;
/** Installation-wide records, outside any engagement. */
export const usersKey = ['users'] as const;
export const organizationsKey = ['organizations'] as const;
/** Lists that span engagements: provider staff's one queue. */
export const ticketQueueKey = ['ticket-queue'] as const;
/** The caller's saved personal views. */
export const savedViewsKey = ['me', 'views'] as const;

export function engagementScope(engagementId: string) {
  return ['engagements', engagementId] as const;
}
