import type { AuditEvent } from '../../lib/api-types.ts';

/** A readable name for the target, when the record carries one (`name`, `email` or `title`). */
export function targetLabel(event: AuditEvent): string | null {
  for (const snapshot of [event.after, event.before]) {
    if (snapshot && typeof snapshot === 'object') {
      for (const key of ['name', 'title', 'email']) {
        const value = (snapshot as Record<string, unknown>)[key];
        if (typeof value === 'string' && value) return value;
      }
    }
  }
  return null;
}
