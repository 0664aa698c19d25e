import type { EngagementSummary } from '../lib/api-types.ts';

const KEY = 'tandem.lastEngagement';

/** Remembers the engagement in view, so the next visit (or sign-in) opens it again. */
export function rememberEngagement(slug: string): void {
  try {
    window.localStorage.setItem(KEY, slug);
  } catch {
    // Private windows may refuse storage; then every visit starts at the first engagement.
  }
}

/** The engagement to open on arrival: the last one seen if the user still belongs to it, else the first. */
export function pickStartEngagement(
  engagements: readonly EngagementSummary[],
): EngagementSummary | undefined {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(KEY);
  } catch {
    last = null;
  }
  return engagements.find((engagement) => engagement.slug === last) ?? engagements[0];
}
